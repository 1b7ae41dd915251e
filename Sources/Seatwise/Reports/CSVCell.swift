// One CSV cell for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) neutralised with a leading apostrophe.

enum CSVCell {
    static func encode(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    static func row(_ cells: [String]) -> String { cells.map(encode).joined(separator: ",") + "\r\n" }
}
