// A report that is a title, header lines and sections, each a list, a table or a line: the turnover
// reports (open seats, the renewal calendar) are these, drawn in every text format by one walk.

public struct SectionedReport: Sendable {
    public enum Content: Sendable {
        case bullets([String])
        case table(ReportTable)
        case line(String)
        /// Trusted markup made here (a chart) in HTML; the line in every other format.
        case markup(html: String, otherwise: String)
    }
    public struct Section: Sendable {
        public var heading: String
        public var content: Content
        public init(_ heading: String, _ content: Content) {
            self.heading = heading
            self.content = content
        }
    }

    /// What the report is ("Open seats"), and what of (the body).
    public var kind: String
    public var title: String
    public var subtitle: String
    public var header: [(key: String, value: String)]
    public var sections: [Section]
    /// The table a CSV report holds (one table per file, for a spreadsheet).
    public var csvTable: ReportTable?

    public init(kind: String, title: String, subtitle: String, header: [(key: String, value: String)], sections: [Section], csvTable: ReportTable? = nil) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.header = header
        self.sections = sections
        self.csvTable = csvTable
    }

    /// The report in `format`; JSON is each report's own document, so it is not drawn here.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text:
            var drawer = TextRenderer()
            drawer.out = "\(phrase("Seatwise {kind}", ["kind": .text(term(kind).lowercased())])): \(VisibleText.oneLine(title))\n"
            let width = max(12, header.map { term($0.0).count }.max() ?? 0)
            for (key, value) in header { drawer.out += "  \(term(key).padding(toLength: width, withPad: " ", startingAt: 0)) \(VisibleText.oneLine(value))\n" }
            draw(&drawer)
            return drawer.out
        case .markdown:
            var drawer = MarkdownRenderer()
            drawer.out = "# \(MarkdownRenderer.cell(term(kind))): \(MarkdownRenderer.cell(title))\n\n"
            for (key, value) in header { drawer.out += "- **\(MarkdownRenderer.cell(term(key)))**: \(MarkdownRenderer.cell(value))\n" }
            draw(&drawer)
            return drawer.out
        case .html:
            let body = sections.enumerated().map { k, s -> String in
                let content: String
                switch s.content {
                case .bullets(let items): content = HTML.list(items)
                case .table(let t): content = HTML.table(t)
                case .line(let text): content = "<p>\(HTML.escape(text))</p>"
                case .markup(let html, _): content = html
                }
                return HTML.section(s.heading, content, id: "section-\(k + 1)")
            }.joined()
            return HTML.page(title: "\(term(kind)): \(title)", subtitle: subtitle, body: body, provenance: header)
        case .csv:
            guard let t = csvTable else { return "" }
            return CSVCell.row(t.headers) + t.rows.map { CSVCell.row($0.map(\.text)) }.joined()
        case .json:
            return ""
        }
    }

    private func draw<D: ReportDrawer>(_ drawer: inout D) {
        for s in sections {
            drawer.heading(term(s.heading))
            switch s.content {
            case .bullets(let items): drawer.bullets(items)
            case .table(let t): drawer.table(t)
            case .line(let text), .markup(_, let text): drawer.line(text)
            }
        }
    }
}
