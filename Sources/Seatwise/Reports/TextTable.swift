// Left-aligned columns for terminal and plain-text reports, padded by character count.

struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    /// The header's words in the language in use (its English is each term's key).
    init(_ header: [String]) { self.header = header.map(term) }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(indent: String = "  ") -> String {
        var widths = header.map(\.count)
        for row in rows { for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], cell.count) } }
        func line(_ cells: [String]) -> String {
            var out = indent
            for (k, cell) in cells.enumerated() {
                let flat = String(cell.map { $0.isNewline ? " " : $0 })
                out += k == cells.count - 1 ? flat : flat + String(repeating: " ", count: widths[k] - flat.count + 2)
            }
            return out
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
