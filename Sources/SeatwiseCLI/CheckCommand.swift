// `seatwise check`: validate both files and run the counting pre-checks, without solving.

import ArgumentParser
import Seatwise

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate the files and pre-check feasibility; solve nothing.")

    @OptionGroup var input: InputOptions

    static let linesPerKind = 20

    func run() throws {
        let selectionInput = try input.load()
        let context = SelectionContext(selectionInput)
        let failures = PreCheck.run(input: selectionInput, standings: context.standings, quotaRows: context.quotaRows,
                                    groups: selectionInput.policy.groups)
        let policy = selectionInput.policy
        Console.line("\(input.nominations): \(Words.count(selectionInput.nominees.count, "nominee")); \(input.policy): \(Words.count(policy.seats.count, "group")), "
                     + "\(Words.count(policy.totalSeats, "seat")), \(Words.count(policy.quotas.count, "quota")) (\(Words.count(context.quotaRows.count, "row")))")
        // The context's notes begin with the input's warnings (already worded with their place), then its notes.
        for warning in selectionInput.warnings { Console.line(warning.text) }
        for note in context.notes.dropFirst(selectionInput.warnings.count) + context.messages.map(\.description) { Console.line("note: \(note)") }
        if failures.isEmpty {
            Console.out("the files are valid and no counting check rules a panel out (run select to solve)\n")
            return
        }
        // A policy of 100,000 groups can fail 100,000 times: a few lines of each kind, then the count.
        var shown: [PreCheckFailure.Kind: Int] = [:]
        for failure in failures {
            shown[failure.kind, default: 0] += 1
            if shown[failure.kind]! <= Self.linesPerKind { Console.line("infeasible: \(failure.message)") }
        }
        for kind in PreCheckFailure.Kind.allCases {
            if let count = shown[kind], count > Self.linesPerKind {
                Console.line("infeasible: … and \(count - Self.linesPerKind) more like the \(Self.linesPerKind) above")
            }
        }
        throw ExitCode(1)
    }
}
