// A table of a report, format-neutral: headers, rows of cells, which columns are numbers, and a tone
// per cell (a verdict good or bad) that a renderer may show. Text, markdown and HTML each draw it.

public struct ReportTable: Sendable {
    public struct Cell: Sendable, ExpressibleByStringLiteral {
        public enum Tone: Sendable { case plain, good, bad }
        public var text: String
        public var tone: Tone
        /// Where the cell leads, in formats that link (HTML); the others show the text alone.
        public var link: String?
        public init(_ text: String, tone: Tone = .plain, link: String? = nil) {
            self.text = text
            self.tone = tone
            self.link = link
        }
        public init(stringLiteral value: String) { self.init(value) }
    }

    public var headers: [String]
    public var rows: [[Cell]]
    /// Columns (0-based) holding numbers: right-aligned where a format aligns.
    public var numeric: Set<Int>

    public init(_ headers: [String], numeric: Set<Int> = [], rows: [[Cell]] = []) {
        self.headers = headers
        self.rows = rows
        self.numeric = numeric
    }

    public mutating func add(_ cells: [Cell]) { rows.append(cells) }
    public mutating func add(_ texts: [String]) { rows.append(texts.map { Cell($0) }) }
}
