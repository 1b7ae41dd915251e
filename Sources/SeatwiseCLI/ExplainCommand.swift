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
        try selectionInput.refuseLottery("explain")
        try selection.checkMemory(selectionInput)
        Progress.phase("selecting")
        let round = Round(input: selectionInput, mode: options.mode, seed: options.seed, adjustments: adjustments.adjustments)
        let result = try round.solve(budget: options.budget)
        Notes.print(result)
        if result.status == .infeasible {
            Progress.phase("diagnosing")
            let diagnosis = try Diagnoser.diagnose(result, budget: options.budget)
            try options.budget.checkCancelled()
            try output.emit(try SelectionReport.render(result, format: output.format, diagnosis: diagnosis),
                            workbook: { ReportWorkbook(selection: result, diagnosis: diagnosis) }, inputs: input.inputPaths)
            throw ExitCode(1)
        }
        Progress.phase("explaining")
        let report = try Explainer.explain(result, options: ExplanationOptions(closeCall: closeCall, nominee: nominee, budget: options.budget,
                                                                               progress: Progress.reporter("explaining")))
        try options.budget.checkCancelled()
        // One nominee asked about: that explanation and what it needs, not the whole report before it.
        if nominee != nil, let only = report.explanations.first {
            try output.emit(try NomineeReport.render(result, only, format: output.format), inputs: input.inputPaths, kind: "one nominee's explanation")
            return
        }
        try output.emit(try SelectionReport.render(result, format: output.format, explanations: report),
                        workbook: { ReportWorkbook(selection: result, explanations: report) }, inputs: input.inputPaths)
    }
}
