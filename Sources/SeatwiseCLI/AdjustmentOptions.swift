// The coordinator's adjustments a command takes: --seat, --exclude, --set, --group-seats, each
// repeatable; turned into the round's adjustments (unknown ids, rows and groups are exit 2).

import ArgumentParser
import Seatwise

struct AdjustmentOptions: ParsableArguments {
    @Option(name: .customLong("seat"), help: "Seat this nominee (by id) by decision of the coordinator. Repeatable.")
    var seat: [String] = []

    @Option(name: .customLong("exclude"), help: "Leave this nominee (by id) out. Repeatable.")
    var exclude: [String] = []

    @Option(name: .customLong("set"), help: "Set a rule's bound: 'RULE:min=N' or 'RULE:max=N', N seats or a percentage such as 40%; RULE as the report numbers it: 3, 3[WEOG], 3[*]. Repeatable.")
    var bounds: [String] = []

    @Option(name: .customLong("group-seats"), help: "Give a group this many seats: GROUP=N. Repeatable.")
    var groupSeats: [String] = []

    func validate() throws {
        for text in bounds where Adjustment.parseBound(text) == nil {
            throw ValidationError("--set '\(text)': expected 'RULE:min=N' or 'RULE:max=N' with N a whole number from 0 to 1000000 or a percentage such as 40% (RULE as the report numbers it: 3, 3[WEOG])")
        }
        for text in groupSeats where Adjustment.parseGroupSeats(text) == nil {
            throw ValidationError("--group-seats '\(text)': expected GROUP=N with N a whole number from 1 to 1000000")
        }
    }

    /// In the order a coordinator would read them: seats of groups, bounds, then nominees.
    var adjustments: [Adjustment] {
        groupSeats.compactMap(Adjustment.parseGroupSeats) + bounds.compactMap(Adjustment.parseBound)
            + seat.map(Adjustment.seat) + exclude.map(Adjustment.exclude)
    }
}
