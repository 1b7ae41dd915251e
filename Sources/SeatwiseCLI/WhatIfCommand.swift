// `seatwise what-if`: many what-ifs in one process: each question's adjustments solved on the round,
// printed as the difference from the unadjusted panel (who enters, who leaves, the cost per group); or
// one rule's bound swept over a range (`--sweep`), the cost of balance.

import ArgumentParser
import Foundation
import Seatwise

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "what-if", abstract: "Answer many what-if questions about a round in one run.")

    @OptionGroup var input: InputOptions
    @OptionGroup var selection: SelectionOptionGroup

    @Option(name: .long, help: "The questions (YAML): a list of {name, seat, exclude, set, group_seats}.")
    var questions: String?

    @Option(name: .long, help: "Sweep one rule's bound instead of asking questions: RULE:min=A..B in seats, or RULE:max=A%..B% (step /S%, default 1 point); e.g. 1:min=0..12. Gives the rank sum, each group's rank sum and the composition at every bound, and where no panel meets the rules.")
    var sweep: String?

    @Option(name: .long, help: "The language of the answers' words: en (English), fr (French) or es (Spanish).")
    var language: Language = .en

    @Option(name: .long, help: "Report format: text or json; csv too with --sweep.")
    var format: WhatIfFormat = .text

    @Flag(name: .long, help: "Print the median and slowest time per question on standard error.")
    var timings = false

    @Option(name: .long, parsing: .unconditional, help: "For each answer's panel, up to this many alternates per seat (JSON: every seat; text: the seats of those entering).")
    var alternates: Int?

    /// What what-if writes: never a format it cannot (its help lists exactly these).
    enum WhatIfFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
        var report: ReportFormat { ReportFormat(rawValue: rawValue)! }
    }

    func validate() throws {
        guard (questions == nil) != (sweep == nil) else { throw ValidationError("give --questions FILE or --sweep RULE:min=A..B (one of them)") }
        if sweep != nil, BoundSweep.parse(sweep!) == nil {
            throw ValidationError("--sweep '\(sweep!)': expected RULE:min=A..B or RULE:max=A..B in seats, or A%..B% with an optional step /S% (at most 1001 bounds)")
        }
        if format == .csv && sweep == nil { throw ValidationError("what-if writes csv only with --sweep; questions are written as text or json") }
        if let alternates, alternates < 1 || alternates > 1000 { throw ValidationError("--alternates must be a whole number from 1 to 1000") }
    }

    func run() throws {
        let options = try selection.options()
        let list = try questions.map { try WhatIfQuestions.read(try InputFile.read($0)) } ?? []
        let loaded = try input.load()
        do { try RoundRequest(analysis: .whatIf).check(loaded.policy) } catch let refusal as RoundRefusal { throw ValidationError(refusal.description) }
        let round = Round(input: loaded, mode: options.mode, seed: options.seed)
        // One session: the round's problem stays alive and every question re-solves it from the last basis.
        let session = try round.open(budget: options.budget)
        let base = session.base
        if let sweep = sweep.flatMap(BoundSweep.parse) {
            let cost = try CostOfBalance.run(session, sweep: sweep, budget: options.budget)
            Console.out(try SweepReport.render(cost, format: format.report))
            return
        }
        var answers: [(WhatIfQuestion, WhatIf?, String?)] = []
        var seconds: [Double] = []
        for question in list {
            try options.budget.checkCancelled()
            if options.budget.isExpired {
                answers.append((question, nil, "not answered: the time limit ended the run first"))
                continue
            }
            let start = Deadline.now()
            defer { seconds.append(Deadline.now() - start) }
            do {
                answers.append((question, try session.whatIf(question.adjustments, budget: options.budget), nil))
            } catch let error as InputError {
                answers.append((question, nil, error.diagnostics.map(\.message).joined(separator: "; ")))
            } catch SolverError.noAnswer where options.budget.isExpired {
                answers.append((question, nil, "not answered: the time limit ended the run first"))
            }
        }
        Console.out(format == .json ? try WhatIfReport.json(base: base, answers, alternates: alternates)
                    : WhatIfReport.text(base: base, answers, alternates: alternates))
        if timings, !seconds.isEmpty {
            let sorted = seconds.sorted()
            let counts = session.solveCounts
            Console.error("timings: questions=\(sorted.count) median=\(String(format: "%.4f", sorted[sorted.count / 2])) max=\(String(format: "%.4f", sorted.last!)) warm=\(counts.warm) cold=\(counts.cold)")
        }
    }
}
