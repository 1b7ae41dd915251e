// `seatwise select`: run a selection round and report the panel; with --explain, why each nominee is
// in or out; when infeasible (exit 1), which rules clash and the smallest repair.

import ArgumentParser
import Foundation
import Seatwise

struct SelectionOptionGroup: ParsableArguments {
    @Option(name: .long, help: "coordinated (MAG-style, one choice across all groups) or independent (IGC-style, each group alone).")
    var mode: SelectionMode = .coordinated

    @Option(name: .long, parsing: .unconditional, help: "Seed that decides between equally good panels (overrides the policy's tie_break.seed).")
    var seed: UInt64?

    @Option(name: .long, parsing: .unconditional, help: "Stop the search after this many seconds and report the best panel found.")
    var timeLimit: Double?

    @Option(name: .long, parsing: .unconditional, help: "Cap GLPK's memory at this many megabytes; a solve that needs more ends with exit 3.")
    var memoryLimit: Int?

    @Flag(name: .long, help: "Report progress on standard error as plain lines, even when it is not a terminal.")
    var progress = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let memoryLimit, memoryLimit < 1 || memoryLimit > 1_000_000 { throw ValidationError("--memory-limit must be between 1 and 1000000 megabytes") }
    }

    /// A run whose known need (nominees × quotas) is past `--memory-limit` stops here, exit 3, before
    /// anything is built: an allocation failure later would abort the process.
    func checkMemory(_ input: SelectionInput) throws {
        guard let memoryLimit else { return }
        let need = MemoryEstimate.selectionBytes(input)
        if need > memoryLimit * 1024 * 1024 {
            throw SolverError.noAnswer("this selection needs about \(need / (1024 * 1024)) MB (\(input.nominees.count) nominees, \(input.policy.quotas.count) quotas), more than --memory-limit \(memoryLimit) MB")
        }
    }

    /// Options for the whole command: the time limit counts from here and covers every phase, the
    /// memory cap applies on every thread that solves, and Ctrl-C cancels.
    func options() throws -> SelectionOptions {
        Progress.lines = progress
        return SelectionOptions(mode: mode, seed: seed, timeLimit: timeLimit, cancellation: Interrupt.cancellation(), memoryLimit: memoryLimit)
    }
}

struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "select", abstract: "Run a selection round.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var selection: SelectionOptionGroup
    @OptionGroup var adjustments: AdjustmentOptions

    @Flag(name: .long, help: "Explain every decision, price every quota at its limit, and report each group's deviations.")
    var explain = false

    @Option(name: .long, parsing: .unconditional, help: "With --explain: flag reversals that cost at most this much as close calls.")
    var closeCall: Int = ExplanationOptions.defaultCloseCall

    @Flag(name: .customLong("public"), help: "The version to publish: seated members named, every other nominee only counted by group and reason, the time of the run, provenance at the end.")
    var publicReport = false

    @Flag(name: .long, help: "When the policy is infeasible, also choose the best panel under the smallest repair.")
    var repair = false

    @Flag(name: .long, help: "Print the time of each phase (read, model, solve, report) on standard error.")
    var timings = false

    @Option(name: .long, parsing: .unconditional, help: "For each seated member who is not required, up to this many nominees who could take exactly that seat (everyone else staying, every rule met), best first; and the reserve list.")
    var alternates: Int?

    func validate() throws {
        if closeCall < 0 { throw ValidationError("--close-call must be 0 or more") }
        if let alternates, alternates < 1 || alternates > 1000 { throw ValidationError("--alternates must be a whole number from 1 to 1000") }
    }

    func run() throws {
        let start = Deadline.now()
        let options = try selection.options() // Ctrl-C cancels from here on, reading included
        let selectionInput = try input.load()
        try selection.checkMemory(selectionInput)
        let round = Round(input: selectionInput, mode: options.mode, seed: options.seed, adjustments: adjustments.adjustments)
        var request = RoundRequest(explain: explain, explanationOptions: ExplanationOptions(closeCall: closeCall, progress: Progress.reporter("explaining")),
                                   repair: repair, alternates: alternates, publicReport: publicReport)
        request.progress = { Progress.phase($0.rawValue) }
        do { try request.check(selectionInput.policy) } catch let refusal as RoundRefusal { throw ValidationError(refusal.description) }
        if selectionInput.policy.objective == .lottery {
            // No ranking to follow: the policy asks for the fairest lottery over valid panels.
            try LotteryCommand.draw(round, method: nil, values: nil, tickets: LotteryDraw.defaultTickets, budget: options.budget, output: output, inputs: input.inputPaths)
            return
        }
        let loaded = Deadline.now()
        let outcome = try round.run(request, budget: options.budget)
        let result = outcome.result
        Notes.print(result)
        let analysed = Deadline.now()
        Progress.phase("writing")
        try options.budget.checkCancelled()
        try output.emit(try SelectionReport.render(outcome, format: output.format), workbook: { ReportWorkbook(outcome: outcome) }, inputs: input.inputPaths)
        if timings {
            let phases = [("read", loaded - start), ("model", result.modelSeconds), ("solve", result.solveSeconds),
                          ("explain", analysed - loaded - result.modelSeconds - result.solveSeconds), ("report", Deadline.now() - analysed)]
            Console.error("timings: " + phases.map { "\($0.0)=\(String(format: "%.4f", $0.1))" }.joined(separator: " "))
        }
        if result.status == .infeasible { throw ExitCode(1) }
    }
}

/// Notes about a run that belong on standard error.
enum Notes {
    static func print(_ result: SelectionResult) {
        // Warnings about how the files were read (an ambiguous country name) go to the terminal too.
        for warning in result.input.warnings { Console.error(warning.text) }
        if result.seedSource == .default { Console.error("note: no seed given; ties are broken with the default seed \(result.seed)") }
        if result.status == .timeLimit { Console.error("warning: the time limit was reached; the panel is the best found, not proved optimal") }
    }
}
