// `seatwise compare`: independent (IGC-style) and coordinated (MAG-style) selection side by side.

import ArgumentParser
import Seatwise

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Compare independent and coordinated selection on the same input.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var adjustments: AdjustmentOptions

    @Option(name: .long, parsing: .unconditional, help: "Seed that decides between equally good panels (overrides the policy's tie_break.seed).")
    var seed: UInt64?

    @Option(name: .long, parsing: .unconditional, help: "Stop solving after this many seconds, both modes together; what was not finished is said.")
    var timeLimit: Double?

    @Flag(name: .customLong("public"), help: "The version to publish: the time of the run and a plain headline first, provenance at the end; no nominee named who is not seated.")
    var publicReport = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let options = SelectionOptions(seed: seed, timeLimit: timeLimit, cancellation: Interrupt.cancellation())
        let loaded = try input.load()
        do { try RoundRequest(analysis: .compare).check(loaded.policy) } catch let refusal as RoundRefusal { throw ValidationError(refusal.description) }
        let round = Round(input: loaded, seed: seed, adjustments: adjustments.adjustments)
        let comparison = try Comparison.run(round, budget: options.budget)
        Notes.print(comparison.coordinated)
        let publicView = publicReport ? PublicView(comparison: comparison) : nil
        try options.budget.checkCancelled()
        try output.emit(try ComparisonReport.render(comparison, format: output.format, publicView: publicView),
                        workbook: { ReportWorkbook(comparison: comparison, publicView: publicView) }, inputs: input.inputPaths)
        if comparison.coordinated.status == .infeasible {
            Console.error("note: no panel meets the policy; `seatwise select` names the conflicting rules and the smallest repair")
            throw ExitCode(1)
        }
    }
}
