// Draws a selection report as Markdown (for a wiki or a mailing list): pipe tables with every special
// character escaped, so a name can never break a table or inject markup.

struct MarkdownRenderer: ReportDrawer {
    var out = ""

    static func render(_ s: SelectionSections) -> String {
        var drawer = MarkdownRenderer()
        drawer.draw(s)
        return drawer.out
    }

    mutating func title(_ title: String, header: [(key: String, value: String)], nested: Bool) {
        out += "# \(term(nested ? "Under the smallest repair" : "Selection")): \(Self.cell(title))\n\n"
        for (key, value) in header { out += "- **\(Self.cell(term(key)))**: \(Self.cell(value))\n" }
    }

    mutating func heading(_ text: String) { out += "\n## \(Self.cell(text))\n\n" }
    mutating func bullets(_ items: [String]) { for item in items { out += "- \(Self.cell(item))\n" } }
    mutating func line(_ text: String) { out += "\(Self.cell(text))\n" }
    mutating func separator() { out += "\n---\n\n" }

    mutating func numbered(_ items: [(text: String, sub: [String])], more: Int) {
        for (k, item) in items.enumerated() {
            out += "\(k + 1). \(Self.cell(item.text))\n"
            for sub in item.sub { out += "   - \(Self.cell(sub))\n" }
        }
        if more > 0 { out += "\n" + phrase("… and {count} more (the JSON report lists every one)", ["count": .number(more)]) + "\n" }
    }

    mutating func table(_ t: ReportTable) {
        out += "| " + t.headers.map { Self.cell(term($0)) }.joined(separator: " | ") + " |\n"
        out += "|" + t.headers.indices.map { t.numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in t.rows { out += "| " + row.map { Self.cell($0.text) }.joined(separator: " | ") + " |\n" }
    }

    /// One table cell or list item: Markdown's special characters escaped, line breaks made spaces.
    static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": out += "\\\(c)"
            // Every line-break kind, CRLF included (one Character in Swift), ends a table row.
            case _ where c.isNewline: out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
