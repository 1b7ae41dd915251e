// `seatwise lottery`: the fairest lottery over the panels that meet every rule (maximin or LEXIMIN), its
// rounding to a ticket lottery, and the verifiable draw from values published afterwards.

import ArgumentParser
import Foundation
import Seatwise

struct LotteryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lottery", abstract: "Choose by the fairest lottery over valid panels, verifiably.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var adjustments: AdjustmentOptions

    @Option(name: .long, help: "leximin (the smallest chance as large as possible, then the next, …) or maximin (default: the policy's lottery.method, else leximin).")
    var method: LotteryMethod?

    @Option(name: .long, help: "The values published after the distribution (RFC 3797): sources separated by /, numbers by spaces or commas, e.g. '9 18 27 36 45 / 3 12'.")
    var draw: String?

    @Option(name: .long, parsing: .unconditional, help: "Tickets in the rounded lottery the draw is made from (default 1000).")
    var tickets: Int = LotteryDraw.defaultTickets

    @Option(name: .long, help: "coordinated (every rule) or independent (each group's rules only).")
    var mode: SelectionMode = .coordinated

    @Option(name: .long, parsing: .unconditional, help: "Stop after this many seconds with the best distribution so far and its proved gap.")
    var timeLimit: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if tickets < 1 || tickets > 1_000_000 { throw ValidationError("--tickets must be a whole number from 1 to 1000000") }
    }

    func run() throws {
        let budget = SolveBudget(seconds: timeLimit, cancellation: Interrupt.cancellation())
        try Self.draw(Round(input: try input.load(), mode: mode, adjustments: adjustments.adjustments), method: method, values: draw,
                      tickets: tickets, budget: budget, output: output, inputs: input.inputPaths)
    }

    /// The lottery of `round` (method and values from the policy's `lottery:` unless given), written as
    /// `output` asks; exit 1 when no panel meets the rules. `select` on a lottery policy comes here too.
    static func draw(_ round: Round, method: LotteryMethod?, values given: String?, tickets: Int, budget: SolveBudget,
                     output: OutputOptions, inputs: [String]) throws {
        let lottery = try DrawnLottery(round, method: method, values: given, tickets: tickets, budget: budget)
        if lottery.result.status == .timeLimit { Console.error("warning: the time limit was reached; the distribution is the best found, not proved fairest") }
        try output.emit(try lottery.render(output.format), workbook: { ReportWorkbook(lottery: lottery) }, inputs: inputs)
        if lottery.result.status == .infeasible { throw ExitCode(1) }
    }
}

extension LotteryMethod: ExpressibleByArgument {}
