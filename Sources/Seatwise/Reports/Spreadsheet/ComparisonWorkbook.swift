// A comparison as a workbook: both panels side by side, each group's cost of coordination, every quota
// row under both ways of choosing, and Provenance.

extension ReportWorkbook {
    public init(comparison c: Comparison, publicView: PublicView? = nil) {
        var c = c
        if let view = publicView {
            c.independent = view.apply(to: c.independent)
            c.coordinated = view.apply(to: c.coordinated)
        }
        let a = Set(c.independent.seated), b = Set(c.coordinated.seated)
        var panel = Sheet("Panel", headers: ["Group", "ID", "Name", "Rank", "Gender", "Country", "Region", "Development", "Independent", "Coordinated"])
        for i in c.input.nominees.indices where a.contains(i) || b.contains(i) {
            let n = c.input.nominees[i]
            panel.add([.text(n.group), .text(n.id), .text(n.name), .int(n.rank), .text(n.gender), .text(n.country), .text(n.region), .text(n.development),
                       .text(a.contains(i) ? "seated" : ""), .text(b.contains(i) ? "seated" : "")])
        }
        var quotas = Sheet("Quotas", headers: ComparisonReport.quotaHeader)
        for row in ComparisonReport.quotaRows(c) { quotas.add(row.enumerated().map { [2, 4].contains($0.offset) ? .numberOrText($0.element) : .text($0.element) }) }
        var groups = Sheet("Groups", headers: ComparisonReport.groupHeader)
        for g in c.groups {
            groups.add([.text(g.group), .int(g.seats), .int(g.independentRankSum), .int(g.coordinatedRankSum), .int(g.cost), .int(g.replaced),
                        .text("\(g.independentTopChoices.map(String.init) ?? "–") → \(g.coordinatedTopChoices.map(String.init) ?? "–")")])
        }
        var lines = (publicView.map { [("Made", $0.madeAt), ("In short", $0.headline)] } ?? []) + Self.provenanceLines(ComparisonReport.header(c), input: c.input)
        for note in c.coordinated.notes { lines.append(("Note", note.description)) }
        self.init([panel, quotas, groups, Sheet("Provenance", lines: lines)])
    }
}
