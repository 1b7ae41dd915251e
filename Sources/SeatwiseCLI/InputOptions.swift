// Options every command that reads a nominations file and a policy shares.

import ArgumentParser
import Foundation
import Seatwise

struct InputOptions: ParsableArguments {
    @Argument(help: "The nominations file (CSV, or an .xlsx workbook).")
    var nominations: String

    @Option(name: .long, help: "The worksheet to read when the nominations are an .xlsx workbook (default: the first).")
    var sheet: String?

    @Option(name: .long, help: "The policy file (YAML).")
    var policy: String

    @Option(name: .long, help: "A country table to use instead of the bundled one (same columns).")
    var countries: String?

    @Flag(name: .long, help: "Replace every name with initials in the reports (names stay out of every report and message; --public is the version to publish).")
    var redact = false

    @Option(name: .long, parsing: .upToNextOption, help: "Past compositions (the nominations format with a year column, or one file per year named with its year): terms served and each country's past seats are computed from them.")
    var history: [String] = []

    func table() throws -> CountryTable {
        try countryTable(countries)
    }

    func load() throws -> SelectionInput {
        let input = try SelectionInput.load(nominations: nominations, policy: policy, countries: try table(), sheet: sheet, history: history)
        return redact ? input.redacted() : input
    }

    var inputPaths: [String] { [nominations, policy] + history + (countries.map { [$0] } ?? []) }
}

/// The country table `--countries` names, or the bundled one.
func countryTable(_ path: String?) throws -> CountryTable {
    try path.map { try CountryTable.load(URL(fileURLWithPath: $0)) } ?? CountryTable.bundled()
}

struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Report format: text, markdown, json, csv, html or xlsx (default: from --output's extension, else text).")
    var requestedFormat: OutputFormat?

    @Option(name: .long, help: "Write the report to this file (atomically; a device or FIFO is written directly; - is standard output).")
    var output: String?

    @Option(name: .long, help: "The language of the report's words: en (English), fr (French) or es (Spanish); the file's own values (names, groups) stay as they are.")
    var language: Language = .en

    @Option(name: .customLong("csv-style"), help: "A CSV report's layout: standard (commas), excel (with a byte-order mark, so Excel reads accents) or excel-europe (also semicolons and decimal commas, for an Excel where the comma is the decimal mark).")
    var csvStyle: CSVStyle?

    /// The format an --output file's extension names (.html, .json, .csv, .md, .txt, .xlsx); nil for others.
    var formatOfOutput: OutputFormat? {
        guard let output, let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return nil }
        switch output[output.index(after: dot)...].lowercased() {
        case "html", "htm": return .html
        case "json": return .json
        case "csv": return .csv
        case "md", "markdown": return .markdown
        case "txt", "text": return .text
        case "xlsx": return .xlsx
        default: return nil
        }
    }

    /// The explicit --format, else the one --output's extension names, else text.
    var chosen: OutputFormat { requestedFormat ?? formatOfOutput ?? .text }

    /// The text format a report is rendered in; text when the output is a workbook (which is built apart).
    var format: ReportFormat { chosen.report ?? .text }

    func validate() throws {
        if let output, output.lowercased().hasSuffix(".xls") {
            throw ValidationError("--output \(output): .xls is Excel's old format; write .xlsx (which Excel and LibreOffice open) or .csv")
        }
        if let requested = requestedFormat, let implied = formatOfOutput, requested != implied {
            throw ValidationError("--format \(requested.rawValue) contradicts --output \(output ?? ""), whose extension means \(implied.rawValue)")
        }
        if let csvStyle, chosen != .csv {
            throw ValidationError("--csv-style \(csvStyle.rawValue) lays out a CSV report; this report's format is \(chosen.rawValue) (give --format csv or an --output ending .csv)")
        }
        if chosen == .xlsx, output == nil || output == OutputFile.standardOutput, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format xlsx writes a workbook, not text for a terminal: give --output FILE.xlsx")
        }
    }

    /// Writes the report: the text one in the chosen format, or the workbook when the format is xlsx.
    /// Input text in a text report (names, the body) may hold escape sequences: shown escaped, never raw.
    func emit(_ text: @autoclosure () throws -> String, workbook: () throws -> ReportWorkbook, inputs: [String]) throws {
        if chosen == .xlsx {
            let bytes = Data(try XLSXWriter.bytes(try workbook()))
            try OutputFile.write(bytes, to: output ?? OutputFile.standardOutput, protecting: inputs, cancellation: Interrupt.current)
            return
        }
        var safe = VisibleText.report(try text(), format: format)
        if format == .csv, let csvStyle { safe = csvStyle.apply(safe) }
        // Ctrl-C while the report is written: exit 3 and nothing written (a file is left as it was).
        try OutputFile.write(safe, to: output ?? OutputFile.standardOutput, protecting: inputs, cancellation: Interrupt.current)
    }

    /// A report that has no workbook form (one nominee's explanation, what-if answers).
    func emit(_ text: String, inputs: [String], kind: String) throws {
        if chosen == .xlsx { throw ValidationError("\(kind) has no workbook form; use --format csv, json, markdown, html or text") }
        try emit(text, workbook: { ReportWorkbook([]) }, inputs: inputs)
    }
}

/// The formats a report can be written in: the text ones and the .xlsx workbook.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv, html, xlsx

    var report: ReportFormat? { ReportFormat(rawValue: rawValue) }
}

extension ReportFormat: ExpressibleByArgument {}
extension CSVStyle: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension SelectionMode: ExpressibleByArgument {}
