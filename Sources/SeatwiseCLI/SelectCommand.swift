// `seatwise select`: run a selection round and report the panel (exit 1 when the policy is infeasible).

import ArgumentParser
import Seatwise

struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "select", abstract: "Run a selection round.")

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "coordinated (MAG-style, one choice across all groups) or independent (IGC-style, each group alone).")
    var mode: SelectionMode = .coordinated

    @Option(name: .long, help: "Seed that decides between equally good panels (overrides the policy's tie_break.seed).")
    var seed: UInt64?

    @Option(name: .long, help: "Stop the search after this many seconds and report the best panel found.")
    var timeLimit: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let selectionInput = try input.load()
        let result = try Selector.run(selectionInput, options: SelectionOptions(mode: mode, seed: seed, timeLimit: timeLimit))
        if result.seedSource == "default" { Console.error("note: no seed given; ties are broken with the default seed \(result.seed)") }
        if result.status == .timeLimit { Console.error("warning: the time limit was reached; the panel is the best found, not proved optimal") }
        try output.emit(SelectionReport.render(result, format: output.format), inputs: input.inputPaths)
        if result.status == .infeasible { throw ExitCode(1) }
    }
}
