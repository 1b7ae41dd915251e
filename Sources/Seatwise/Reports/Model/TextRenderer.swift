// Draws a selection report's sections as plain text for a terminal or a log: aligned tables, every
// value on one line (control characters made visible), long conflict lists counted after the first 50.

enum TextRenderer {
    static func render(_ s: SelectionSections) -> String {
        var out = "Seatwise selection\n"
        for (key, value) in s.header { out += "  \(key.padding(toLength: 12, withPad: " ", startingAt: 0)) \(VisibleText.oneLine(value))\n" }
        if !s.adjustments.isEmpty {
            out += "\nAdjustments\n"
            for line in s.adjustments { out += "  - \(VisibleText.oneLine(line))\n" }
        }
        if !s.hasPanel {
            out += "\nWhy no panel exists\n"
            for (k, conflict) in s.conflicts.prefix(SelectionReport.shownConflicts).enumerated() {
                out += "  \(k + 1). \(VisibleText.oneLine(conflict.message))\n"
                for rule in conflict.rules { out += "       - \(VisibleText.oneLine(rule))\n" }
            }
            if s.conflicts.count > SelectionReport.shownConflicts {
                out += "  … and \(s.conflicts.count - SelectionReport.shownConflicts) more (the JSON report lists every one)\n"
            }
            if let first = s.repairs.first {
                out += "\nSmallest repair (by declared priorities)\n  \(VisibleText.oneLine(first))\n"
                for alternative in s.repairs.dropFirst() { out += "  alternative: \(VisibleText.oneLine(alternative))\n" }
            }
        } else {
            out += "\nSeats\n" + table(s.seats)
            out += "\nPanel (\(s.panel.rows.count) members)\n" + table(s.panel)
        }
        out += "\nQuotas\n" + (s.quotas.map(table) ?? "  (the policy sets no quotas)\n")
        if !s.notes.isEmpty {
            out += "\nNotes\n"
            for note in s.notes { out += "  - \(VisibleText.oneLine(note))\n" }
        }
        if let explanations = s.explanations { out += explanationLines(explanations) }
        if !s.prices.isEmpty {
            out += "\nQuota prices (each quota at its limit, moved by one seat)\n"
            for p in s.prices { out += "  - \(VisibleText.oneLine(p))\n" }
        }
        if !s.deviations.isEmpty {
            out += "\nEach group's ranking\n"
            for d in s.deviations {
                out += "  - \(VisibleText.oneLine(d.message))\n"
                for line in d.passedOver { out += "      \(VisibleText.oneLine(line))\n" }
            }
        }
        for repaired in s.repaired { out += "\n==== The best panel under the smallest repair ====\n\n" + render(repaired) }
        return out
    }

    static func table(_ t: ReportTable) -> String {
        var table = TextTable(t.headers)
        for row in t.rows { table.add(row.map(\.text)) }
        return table.render()
    }

    /// Explanations read best as sentences under each group: "in  Name [id] reason: why".
    static func explanationLines(_ t: ReportTable) -> String {
        var out = "\nExplanations\n"
        var group: String?
        for row in t.rows {
            if row[0].text != group {
                group = row[0].text
                out += "  \(VisibleText.oneLine(row[0].text))\n"
            }
            out += "    \(row[2].text == "seated" ? "in " : "out") \(VisibleText.oneLine(row[1].text)) \(row[3].text): \(VisibleText.oneLine(row[5].text))\n"
        }
        return out
    }
}
