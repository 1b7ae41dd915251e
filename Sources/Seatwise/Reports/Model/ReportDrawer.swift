// The one walk over a selection report's sections, in the order every drawn format shows them; each
// format supplies only its drawing of a heading, a list, a numbered list and a table.

protocol ReportDrawer {
    var out: String { get set }
    /// The report's title and its (key, value) header lines.
    mutating func title(_ title: String, header: [(key: String, value: String)], nested: Bool)
    mutating func heading(_ text: String)
    mutating func bullets(_ items: [String])
    mutating func numbered(_ items: [(text: String, sub: [String])], more: Int)
    mutating func table(_ table: ReportTable)
    /// A short line in place of a section that has nothing to show.
    mutating func line(_ text: String)
    mutating func explanations(_ table: ReportTable)
    /// Starts the nested report of the panel under a repair.
    mutating func separator()
}

extension ReportDrawer {
    mutating func explanations(_ t: ReportTable) { table(t) }

    mutating func draw(_ s: SelectionSections, nested: Bool = false) {
        title(s.title, header: s.header, nested: nested)
        if !s.adjustments.isEmpty { heading(term("Adjustments")); bullets(s.adjustments) }
        if !s.replacement.isEmpty { heading(term("Replacement")); bullets(s.replacement) }
        if !s.difference.isEmpty { heading(term(SelectionSections.differenceTitle)); bullets(s.difference) }
        if !s.hasPanel {
            heading(term("Why no panel exists"))
            let shown = s.conflicts.prefix(SelectionReport.shownConflicts)
            numbered(shown.map { ($0.message, $0.rules) }, more: s.conflicts.count - shown.count)
            if let first = s.repairs.first {
                heading(term("Smallest repair (by declared priorities)"))
                bullets([first] + s.repairs.dropFirst().map { term("alternative: ") + $0 })
                if !s.repairSize.isEmpty {
                    heading(term(SelectionSections.repairSizeTitle))
                    numbered(s.repairSize.map { ($0.message, $0.rules) }, more: 0)
                }
            }
        } else {
            if let bodies = s.bodies { heading(term("Bodies")); table(bodies) }
            heading(term("Seats")); table(s.seats)
            heading(phrase("Panel ({count#member})", ["count": .number(s.panel.rows.count)])); table(s.panel)
        }
        if let alternates = s.alternates { heading(term("Alternates (who could take each seat, everyone else staying)")); table(alternates) }
        if let reserve = s.reserve { heading(term("Reserve list (the order nominees would be called)")); table(reserve) }
        if let history = s.history { heading(s.historyTitle); table(history) }
        if let outside = s.outside { heading(s.outsideTitle); table(outside) }
        heading(term("Quotas"))
        if let quotas = s.quotas { table(quotas) } else { line(term("The policy sets no quotas.")) }
        if !s.notes.isEmpty { heading(term("Notes")); bullets(s.notes) }
        if let t = s.explanations { heading(term("Explanations")); explanations(t) }
        if !s.prices.isEmpty { heading(term("Quota prices (each quota at its limit, moved by one seat)")); bullets(s.prices) }
        if !s.deviations.isEmpty {
            heading(term("Each group's ranking"))
            numbered(s.deviations.map { ($0.message, $0.passedOver) }, more: 0)
        }
        for repaired in s.repaired {
            separator()
            draw(repaired, nested: true)
        }
        if !s.provenance.isEmpty && !nested {
            heading(term("Provenance"))
            bullets(s.provenance.map { "\(term($0.key)): \($0.value)" })
        }
    }
}
