// `seatwise verify`: re-derive a published JSON selection report from its inputs; exit 0 when it holds,
// 1 with each difference in words when it does not.

import ArgumentParser
import Foundation
import Seatwise

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-derive a published JSON report from its inputs: same files, seed, adjustments and panel, objective proved.")

    @Argument(help: "The published report (JSON, as `seatwise select --format json` writes it).") var report: String
    @Argument(help: "The nominations file the report names (CSV or .xlsx).") var nominations: String
    @Option(name: .long, help: "The policy file (YAML).") var policy: String
    @Option(name: .long, help: "The worksheet to read when the nominations are an .xlsx workbook (default: the one the report names, else the first).") var sheet: String?
    @Option(name: .long, help: "A country table to use instead of the bundled one.") var countries: String?
    @Option(name: .long, parsing: .upToNextOption, help: "The past compositions the report was made with (--history), in the same order.") var history: [String] = []
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.chosen == .xlsx { throw ValidationError("a verification has no workbook form; use --format text, markdown, json, csv or html") }
    }

    func run() throws {
        let table = try countryTable(countries)
        var problems: [InputDiagnostic] = []
        var files: [InputFile] = []
        for (path, sheet) in [(report, nil), (nominations, sheet), (policy, nil)] + history.map({ ($0, nil) }) {
            do { files.append(try InputFile.read(path, sheet: sheet)) } catch let e as InputError { problems += e.diagnostics }
        }
        if !problems.isEmpty { throw InputError(problems) }
        let verification = try ReportVerifier.verify(report: files[0], nominations: files[1], policy: files[2], countries: table,
                                                     history: Array(files.dropFirst(3)), budget: SolveBudget(cancellation: Interrupt.cancellation()))
        try output.emit(try VerificationReport.render(verification, format: output.format), inputs: [report, nominations, policy] + history, kind: "a verification")
        if !verification.verified { throw ExitCode(1) }
    }
}
