// `seatwise check`: validate both files and run the counting pre-checks, without solving.

import ArgumentParser
import Seatwise

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate the files and pre-check feasibility; solve nothing.")

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "The language of what check says: en (English), fr (French) or es (Spanish); messages about bad input files stay in English.")
    var language: Language = .en

    static let linesPerKind = 20

    func run() throws {
        let selectionInput = try input.load()
        let context = SelectionContext(selectionInput)
        let failures = PreCheck.run(input: selectionInput, standings: context.standings, quotaRows: context.quotaRows,
                                    groups: selectionInput.policy.groups)
        let policy = selectionInput.policy
        Console.line(phrase("{nominations}: {nominees#nominee}; {policy}: {groups#group}, {seats#seat}, {quotas#quota} ({rows#row})",
                            ["nominations": .text(input.nominations), "nominees": .number(selectionInput.nominees.count), "policy": .text(input.policy),
                             "groups": .number(policy.seats.count), "seats": .number(policy.totalSeats), "quotas": .number(policy.quotas.count),
                             "rows": .number(context.quotaRows.count)]))
        // The context's notes begin with the input's warnings (already worded with their place), then its notes.
        for warning in selectionInput.warnings { Console.line(warning.text) }
        for note in context.notes.dropFirst(selectionInput.warnings.count) + context.messages.map(\.description) { Console.line(phrase("note: {note}", ["note": .text(note)])) }
        if failures.isEmpty {
            Console.out(term("the files are valid and no counting check rules a panel out (run select to solve)") + "\n")
            return
        }
        // A policy of 100,000 groups can fail 100,000 times: a few lines of each kind, then the count.
        var shown: [PreCheckFailure.Kind: Int] = [:]
        for failure in failures {
            shown[failure.kind, default: 0] += 1
            if shown[failure.kind]! <= Self.linesPerKind { Console.line(phrase("infeasible: {message}", ["message": .text(failure.message.description)])) }
        }
        for kind in PreCheckFailure.Kind.allCases {
            if let count = shown[kind], count > Self.linesPerKind {
                Console.line(phrase("infeasible: … and {more} more like the {shown} above", ["more": .number(count - Self.linesPerKind), "shown": .number(Self.linesPerKind)]))
            }
        }
        throw ExitCode(1)
    }
}
