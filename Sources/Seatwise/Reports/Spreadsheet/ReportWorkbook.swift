// A report as a spreadsheet: named sheets of a header row and rows of text or number cells. Built from
// a result by each report (SelectionWorkbook, AuditWorkbook, ComparisonWorkbook); XLSXWriter draws it.

public struct ReportWorkbook: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    public struct Sheet: Sendable {
        public var name: String
        public var headers: [String]
        public var rows: [[Cell]]

        /// The name and headers are put in the words of the language in use (their English is each term's key).
        public init(_ name: String, headers: [String], rows: [[Cell]] = []) {
            self.name = String(term(name).prefix(31))
            self.headers = headers.map(term)
            self.rows = rows
        }

        public mutating func add(_ cells: [Cell]) { rows.append(cells) }

        /// A report table as a sheet: its numeric columns' whole numbers stored as numbers, the rest as text.
        public init(_ name: String, table: ReportTable) {
            self.init(name, headers: table.headers)
            for row in table.rows {
                add(row.enumerated().map { k, cell in table.numeric.contains(k) ? Cell.numberOrText(cell.text) : .text(cell.text) })
            }
        }

        /// Key and value lines (a report's header, its provenance) as a two-column sheet.
        public init(_ name: String, lines: [(String, String)]) {
            self.init(name, headers: ["Item", "Value"], rows: lines.map { [.text(term($0.0)), .text($0.1)] })
        }
    }

    public var sheets: [Sheet]

    public init(_ sheets: [Sheet]) { self.sheets = sheets }
}

extension ReportWorkbook.Cell {
    /// A whole number or a decimal as a number; anything else ("3/4", "–") as text.
    static func numberOrText(_ text: String) -> Self {
        if let n = Int(text) { return .number(Double(n)) }
        if text.contains("."), let d = Double(text), d.isFinite { return .number(d) }
        return text.isEmpty ? .empty : .text(text)
    }

    static func int(_ value: Int?) -> Self { value.map { .number(Double($0)) } ?? .empty }
}
