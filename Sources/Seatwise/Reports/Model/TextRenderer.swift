// Draws a selection report as plain text for a terminal or a log: aligned tables, every value on one
// line (control characters made visible), explanations as sentences under each group.

struct TextRenderer: ReportDrawer {
    var out = ""

    static func render(_ s: SelectionSections) -> String {
        var drawer = TextRenderer()
        drawer.draw(s)
        return drawer.out
    }

    mutating func title(_ title: String, header: [(key: String, value: String)], nested: Bool) {
        out += term("Seatwise selection") + "\n"
        let keys = header.map { term($0.key) }
        let width = max(12, keys.map(\.count).max() ?? 0)
        for (key, (_, value)) in zip(keys, header) { out += "  \(key.padding(toLength: width, withPad: " ", startingAt: 0)) \(VisibleText.oneLine(value))\n" }
    }

    mutating func heading(_ text: String) { out += "\n\(text)\n" }
    mutating func bullets(_ items: [String]) { for item in items { out += "  - \(VisibleText.oneLine(item))\n" } }
    mutating func line(_ text: String) { out += "  (\(text.prefix(1).lowercased() + text.dropFirst().dropLast()))\n" }
    mutating func separator() { out += "\n==== \(term("The best panel under the smallest repair")) ====\n\n" }

    mutating func numbered(_ items: [(text: String, sub: [String])], more: Int) {
        for (k, item) in items.enumerated() {
            out += "  \(k + 1). \(VisibleText.oneLine(item.text))\n"
            for sub in item.sub { out += "       - \(VisibleText.oneLine(sub))\n" }
        }
        if more > 0 { out += "  " + phrase("… and {count} more (the JSON report lists every one)", ["count": .number(more)]) + "\n" }
    }

    mutating func table(_ t: ReportTable) {
        var table = TextTable(t.headers.map(term))
        for row in t.rows { table.add(row.map(\.text)) }
        out += table.render()
    }

    /// Explanations read best as sentences under each group: "in  Name [id] reason: why".
    mutating func explanations(_ t: ReportTable) {
        var group: String?
        for row in t.rows {
            if row[0].text != group {
                group = row[0].text
                out += "  \(VisibleText.oneLine(row[0].text))\n"
            }
            // The decision cell's tone is the decision (good: seated), whatever its words.
            let mark = term(row[2].tone == .good ? "in" : "out")
            out += "    \(mark.padding(toLength: max(3, mark.count), withPad: " ", startingAt: 0)) \(VisibleText.oneLine(row[1].text)) \(row[3].text): \(VisibleText.oneLine(row[5].text))\n"
        }
    }
}
