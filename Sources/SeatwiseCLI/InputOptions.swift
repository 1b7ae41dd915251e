// Options every command that reads a nominations file and a policy shares.

import ArgumentParser
import Foundation
import Seatwise

struct InputOptions: ParsableArguments {
    @Argument(help: "The nominations file (CSV).")
    var nominations: String

    @Option(name: .long, help: "The policy file (YAML).")
    var policy: String

    @Option(name: .long, help: "A country table to use instead of the bundled one (same columns).")
    var countries: String?

    @Flag(name: .long, help: "Replace every name with initials in the reports, for publishing.")
    var redact = false

    func table() throws -> CountryTable {
        try countries.map { try CountryTable.load(URL(fileURLWithPath: $0)) } ?? CountryTable.bundled()
    }

    func load() throws -> SelectionInput {
        let input = try SelectionInput.load(nominations: nominations, policy: policy, countries: try table())
        return redact ? input.redacted() : input
    }

    var inputPaths: [String] { [nominations, policy] + (countries.map { [$0] } ?? []) }
}

struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Report format: text, markdown, json, csv or html (default: from --output's extension, else text).")
    var requestedFormat: ReportFormat?

    @Option(name: .long, help: "Write the report to this file (atomically; a device or FIFO is written directly; - is standard output).")
    var output: String?

    /// The format an --output file's extension names (.html, .json, .csv, .md, .txt); nil for others.
    var formatOfOutput: ReportFormat? {
        guard let output, let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return nil }
        switch output[output.index(after: dot)...].lowercased() {
        case "html", "htm": return .html
        case "json": return .json
        case "csv": return .csv
        case "md", "markdown": return .markdown
        case "txt", "text": return .text
        default: return nil
        }
    }

    /// The explicit --format, else the one --output's extension names, else text.
    var format: ReportFormat { requestedFormat ?? formatOfOutput ?? .text }

    func validate() throws {
        if let output, output.lowercased().hasSuffix(".xlsx") || output.lowercased().hasSuffix(".xls") {
            throw ValidationError("--output \(output): spreadsheet output is not available yet; write .csv, which Excel opens")
        }
        if let requested = requestedFormat, let implied = formatOfOutput, requested != implied {
            throw ValidationError("--format \(requested.rawValue) contradicts --output \(output ?? ""), whose extension means \(implied.rawValue)")
        }
    }

    /// Input text in the report (names, the body) may hold escape sequences: shown escaped, never raw.
    func emit(_ text: String, inputs: [String]) throws {
        let safe = VisibleText.report(text, format: format)
        if let output { try OutputFile.write(safe, to: output, protecting: inputs) } else { Console.out(safe) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension SelectionMode: ExpressibleByArgument {}
