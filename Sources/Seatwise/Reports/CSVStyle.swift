// How a CSV report is laid out for the spreadsheet that opens it: the standard form (commas, decimal
// points), or Excel's (UTF-8 with a byte-order mark, so accents survive), or a European Excel's (also
// semicolons between cells and decimal commas, as Excel reads CSV where the comma is the decimal mark).
// Applied once, to the finished report: every CSV report is made in the standard form first.

public enum CSVStyle: String, Sendable, CaseIterable {
    case standard
    case excel
    case excelEurope = "excel-europe"

    static let byteOrderMark = "\u{FEFF}"

    /// The report in this style. `csv` is a report in the standard form (RFC 4180, commas).
    public func apply(_ csv: String) -> String {
        switch self {
        case .standard: return csv
        case .excel: return Self.byteOrderMark + csv
        case .excelEurope:
            let (records, _) = CSVTokenizer(file: "report").parse(Array(csv.utf8))
            var out = Self.byteOrderMark
            for record in records {
                out += record.fields.map { Self.european($0.text) }.joined(separator: ";") + "\r\n"
            }
            return out
        }
    }

    /// One cell for a European Excel: a decimal number with a comma; quoted when it holds a semicolon,
    /// a quote, a line break or an edge space.
    static func european(_ text: String) -> String {
        var value = text
        if value.contains("."), value.allSatisfy({ "0123456789.-+eE".contains($0) }), Double(value) != nil {
            value = value.replacingOccurrences(of: ".", with: ",")
        }
        if value.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) || value.first == " " || value.last == " " {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
