// An audit as a workbook: Panel (the roster), Quotas (verdicts), Groups, Shares (counts, expected
// counts and probabilities) and Provenance.

extension ReportWorkbook {
    public init(audit: AuditResult, publicView: PublicView? = nil) {
        let roster = audit.roster
        var panel = Sheet("Panel", headers: ["Group", "ID", "Name", "Gender", "Country", "Region", "Development", "Organization", "Status", "Terms"])
        for n in roster.nominees {
            panel.add([.text(n.group), .text(n.id), .text(n.name), .text(n.gender), .text(n.country), .text(n.region), .text(n.development),
                       .text(n.attributes["organization"] ?? ""), .text(n.status.rawValue), .int(n.terms)])
        }
        var quotas = Self.quotas(audit.quotas, hasPanel: true)
        for unverified in audit.unverified {
            guard let quota = audit.policy.quotas.first(where: { $0.index == unverified.index }) else { continue }
            quotas.add([.number(Double(unverified.index + 1)), .text("quota \(unverified.index + 1): \(unverified.subject)"), .text(quota.attribute),
                        .empty, .empty, .empty, .empty, .text(quota.min.map { "≥ \($0.description)" } ?? ""), .empty,
                        .text("NOT VERIFIED: " + unverified.reason), .text("no")])
        }
        var groups = Sheet("Groups", headers: ["Group", "Seats", "Members", "Verdict"])
        for g in audit.groups { groups.add([.text(g.group), .int(g.seats), .int(g.seated), .text(AuditReport.seatVerdict(g))]) }
        // Without a pool, `expected` and its probability come from the reference (as the JSON report gives them).
        var shares = Sheet("Shares", headers: ["Attribute", "Value", "Count", "Share", audit.pool == nil ? "Expected from the reference" : "Expected from the pool",
                                               "P(this far or further)", "Reference", "P(binomial)"])
        for s in audit.shares {
            shares.add([.text(s.attribute), .text(s.value), .int(s.count), .number(s.share), s.expected.map { .number($0) } ?? .empty,
                        s.pValue.map { .number($0) } ?? .empty, s.reference.map { .number($0) } ?? .empty, s.referencePValue.map { .number($0) } ?? .empty])
        }
        var lines = (publicView.map { [("Made", $0.madeAt), ("In short", AuditReport.headline(audit))] } ?? []) + AuditReport.headerLines(audit)
        for note in audit.notes { lines.append(("Note", note.description)) }
        // A published roster of counts (a composition) has no names: its Panel sheet would only repeat Groups.
        self.init((roster.isComposition ? [] : [panel]) + [quotas, groups, shares, Sheet("Provenance", lines: lines)])
    }
}
