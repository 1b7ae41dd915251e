// `seatwise explain`: why each nominee (or one) is in or out, with the numbers behind it.

import ArgumentParser
import Seatwise

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain the decisions of a selection round.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var selection: SelectionOptionGroup
    @OptionGroup var adjustments: AdjustmentOptions

    @Option(name: .long, help: "Explain only the nominee with this id.")
    var nominee: String?

    @Option(name: .long, parsing: .unconditional, help: "Flag reversals that cost at most this much as close calls.")
    var closeCall: Int = ExplanationOptions.defaultCloseCall

    func validate() throws {
        if closeCall < 0 { throw ValidationError("--close-call must be 0 or more") }
        if nominee != nil, output.chosen == .xlsx {
            throw ValidationError("one nominee's explanation has no workbook form; use --format text, markdown, html or json (or leave out --nominee)")
        }
    }

    func run() throws {
        let options = try selection.options() // Ctrl-C cancels from here on, reading included
        let selectionInput = try input.load()
        var request = RoundRequest(analysis: .explain, explain: true,
                                   explanationOptions: ExplanationOptions(closeCall: closeCall, nominee: nominee, progress: Progress.reporter("explaining")))
        request.progress = { Progress.phase($0.rawValue) }
        do { try request.check(selectionInput.policy) } catch let refusal as RoundRefusal { throw ValidationError(refusal.description) }
        try selection.checkMemory(selectionInput)
        let round = Round(input: selectionInput, mode: options.mode, seed: options.seed, adjustments: adjustments.adjustments)
        let outcome = try round.run(request, budget: options.budget)
        Notes.print(outcome.result)
        try options.budget.checkCancelled()
        // One nominee asked about: that explanation and what it needs, not the whole report before it.
        if nominee != nil, outcome.result.status != .infeasible, let only = outcome.explanations?.explanations.first {
            try output.emit(try NomineeReport.render(outcome.result, only, format: output.format), inputs: input.inputPaths, kind: "one nominee's explanation")
            return
        }
        try output.emit(try SelectionReport.render(outcome, format: output.format), workbook: { ReportWorkbook(outcome: outcome) }, inputs: input.inputPaths)
        if outcome.result.status == .infeasible { throw ExitCode(1) }
    }
}
