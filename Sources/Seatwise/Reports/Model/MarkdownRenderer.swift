// Draws a selection report's sections as Markdown (for a wiki or a mailing list): pipe tables with
// every special character escaped, so a name can never break a table or inject markup.

enum MarkdownRenderer {
    static func render(_ s: SelectionSections, heading: String = "Selection") -> String {
        var out = "# \(heading): \(cell(s.title))\n\n"
        for (key, value) in s.header { out += "- **\(key)**: \(cell(value))\n" }
        if !s.adjustments.isEmpty {
            out += "\n## Adjustments\n\n"
            for line in s.adjustments { out += "- \(cell(line))\n" }
        }
        if !s.hasPanel {
            out += "\n## Why no panel exists\n\n"
            for (k, conflict) in s.conflicts.prefix(SelectionReport.shownConflicts).enumerated() {
                out += "\(k + 1). \(cell(conflict.message))\n"
                for rule in conflict.rules { out += "   - \(cell(rule))\n" }
            }
            if s.conflicts.count > SelectionReport.shownConflicts {
                out += "\n… and \(s.conflicts.count - SelectionReport.shownConflicts) more (the JSON report lists every one)\n"
            }
            if let first = s.repairs.first {
                out += "\n## Smallest repair\n\n- \(cell(first))\n"
                for alternative in s.repairs.dropFirst() { out += "- alternative: \(cell(alternative))\n" }
            }
        } else {
            out += "\n## Seats\n\n" + table(s.seats)
            out += "\n## Panel (\(s.panel.rows.count) members)\n\n" + table(s.panel)
        }
        out += "\n## Quotas\n\n" + (s.quotas.map(table) ?? "The policy sets no quotas.\n")
        if !s.notes.isEmpty {
            out += "\n## Notes\n\n"
            for note in s.notes { out += "- \(cell(note))\n" }
        }
        if let explanations = s.explanations { out += "\n## Explanations\n\n" + table(explanations) }
        if !s.prices.isEmpty {
            out += "\n## Quota prices\n\n"
            for p in s.prices { out += "- \(cell(p))\n" }
        }
        if !s.deviations.isEmpty {
            out += "\n## Each group's ranking\n\n"
            for d in s.deviations { out += "- \(cell(d.message))\n" }
        }
        for repaired in s.repaired { out += "\n---\n\n" + render(repaired, heading: "Under the smallest repair") }
        return out
    }

    static func table(_ t: ReportTable) -> String {
        var out = "| " + t.headers.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + t.headers.indices.map { t.numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in t.rows { out += "| " + row.map { cell($0.text) }.joined(separator: " | ") + " |\n" }
        return out
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
