// `seatwise check`: validate both files and run the counting pre-checks, without solving.

import ArgumentParser
import Seatwise

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate the files and pre-check feasibility; solve nothing.")

    @OptionGroup var input: InputOptions

    func run() throws {
        let selectionInput = try input.load()
        let context = SelectionContext(selectionInput)
        let failures = PreCheck.run(input: selectionInput, standings: context.standings, quotaRows: context.quotaRows,
                                    groups: selectionInput.policy.groups)
        let policy = selectionInput.policy
        Console.out("\(input.nominations): \(selectionInput.nominees.count) nominees; \(input.policy): \(policy.seats.count) groups, \(policy.totalSeats) seats, \(policy.quotas.count) quotas (\(context.quotaRows.count) rows)\n")
        for note in context.notes { Console.out("note: \(note)\n") }
        if failures.isEmpty {
            Console.out("the files are valid and no counting check rules a panel out (run select to solve)\n")
            return
        }
        for failure in failures { Console.out("infeasible: \(failure.message)\n") }
        throw ExitCode(1)
    }
}
