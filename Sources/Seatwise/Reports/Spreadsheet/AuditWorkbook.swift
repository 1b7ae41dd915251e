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
            quotas.add([.number(Double(unverified.index + 1)), .text(phrase("quota {number}: {subject}", ["number": .number(unverified.index + 1), "subject": .text(unverified.subject)])), .text(quota.attribute),
                        .empty, .empty, .empty, .empty, .text(quota.min.map { "≥ \($0.description)" } ?? ""), .empty,
                        .text(term("NOT VERIFIED: ") + unverified.reason), .text(term("no"))])
        }
        var groups = Sheet("Groups", headers: ["Group", "Seats", "Members", "Verdict"])
        for g in audit.groups { groups.add([.text(g.group), .int(g.seats), .int(g.seated), .text(AuditReport.seatVerdict(g))]) }
        // Each test's expected count and probabilities, named one- or two-sided, Holm's adjustment beside each;
        // a range (unknown values in a composition) is written as text, low–high.
        let probabilities = ["P one-sided", "P one-sided, Holm", "P two-sided", "P two-sided, Holm"]
        var shares = Sheet("Shares", headers: ["Attribute", "Value", "Count", "Unknown", "Share", "Expected from the pool"] + probabilities.map { term($0) + term(" (pool)") }
                                               + ["Reference", "Expected from the reference"] + probabilities.map { term($0) + term(" (reference)") })
        func cell(_ p: ProbabilityRange) -> Cell { p.isExact ? .number(p.low) : .text(AuditReport.probability(p)) }
        func cells(_ t: ShareTest?) -> [Cell] {
            guard let t else { return [.empty, .empty, .empty, .empty, .empty] }
            return [.number(t.expected), cell(t.oneSided), cell(t.oneSidedHolm), cell(t.twoSided), cell(t.twoSidedHolm)]
        }
        for s in audit.shares {
            shares.add([.text(s.attribute), .text(s.value), .int(s.count), .int(s.unknown), .number(s.share)] + cells(s.poolTest)
                       + [s.reference.map { .number($0) } ?? .empty] + cells(s.referenceTest))
        }
        var lines = (publicView.map { [("Made", $0.madeAt), ("In short", AuditReport.headline(audit))] } ?? []) + AuditReport.headerLines(audit)
        for note in audit.notes { lines.append(("Note", note.description)) }
        for line in audit.probabilityGuide { lines.append(("Probabilities", line.description)) }
        // A published roster of counts (a composition) has no names: its Panel sheet would only repeat Groups.
        self.init((roster.isComposition ? [] : [panel]) + [quotas, groups, shares, Sheet("Provenance", lines: lines)])
    }
}
