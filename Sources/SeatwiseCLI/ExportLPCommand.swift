// `seatwise export-lp`: write the integer program in CPLEX LP format for another solver to check.

import ArgumentParser
import Seatwise

struct ExportLPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export-lp", abstract: "Write the integer program in CPLEX LP format, with readable row names.")

    @OptionGroup var input: InputOptions
    @OptionGroup var adjustments: AdjustmentOptions

    @Option(name: .long, help: "The LP file to write.")
    var output: String

    @Option(name: .long, help: "coordinated, or independent (every group's own model, side by side in one file).")
    var mode: SelectionMode = .coordinated

    @Option(name: .long, parsing: .unconditional, help: "Seed of the tie-break objective listed in the file's comments.")
    var seed: UInt64?

    func run() throws {
        let selectionInput = try input.load()
        let context = try Round(input: selectionInput, mode: mode, seed: seed, adjustments: adjustments.adjustments).context()
        let rows = context.quotaRows.filter { $0.isEnforced(in: mode) }
        let model = context.model(groups: context.input.policy.groups, rows: rows)
        let title = "\(selectionInput.policy.body), \(mode.rawValue) selection"
        try OutputFile.write(CPLEXLPWriter.write(model.program, title: title), to: output, protecting: input.inputPaths)
    }
}
