// One CSV cell for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) neutralised with a leading apostrophe.

enum CSVCell {
    /// A cell of a report a person opens in a spreadsheet: formulas neutralised.
    static func encode(_ text: String) -> String {
        var value = text
        // A plain number ("-20") is what a spreadsheet should read as a number, not a formula.
        let number = Double(text).map(\.isFinite) ?? false
        if !number, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        return quoted(value)
    }

    /// A cell of a data file another program reads (nominations, another tool's files): the value exactly,
    /// with RFC 4180 quoting only (an id `-1` or a value `+30` must stay what it is).
    static func quoted(_ value: String) -> String {
        if value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || value.first == " " || value.last == " " {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    static func row(_ cells: [String]) -> String { cells.map(encode).joined(separator: ",") + "\r\n" }

    /// A row of a data file: values exactly as they are (see `quoted`).
    static func dataRow(_ cells: [String]) -> String { cells.map(quoted).joined(separator: ",") + "\r\n" }

    /// The provenance columns every CSV report ends its rows with (docs/reference.md, "CSV and HTML reports").
    static let provenanceHeader = ["body", "mode", "objective", "seed", "nominations_sha256", "policy_sha256", "seatwise_version", "glpk_version"]

    static func provenance(body: String, mode: String, objective: String, seed: UInt64?, nominations: String, policy: String) -> [String] {
        [body, mode, objective, seed.map(String.init) ?? "", nominations, policy, SeatwiseTool.version, SeatwiseTool.glpkVersion]
    }
}
