// Renders an audit of a published roster (docs/guide/audit-and-compare.md, "Audits"; docs/reference.md, "audit") in text, markdown, JSON or CSV.

import Foundation

public enum AuditReport {
    /// With `publicView` (`--public`): the time of the audit and its headline first, provenance last.
    public static func render(_ audit: AuditResult, format: ReportFormat, publicView: PublicView? = nil) throws -> String {
        let lead = publicView.map { [("Made", $0.madeAt), ("In short", headline(audit))] }
        switch format {
        case .text:
            return text(audit, header: lead ?? headerLines(audit))
                + (lead == nil ? "" : "\n\(term("Provenance"))\n" + headerLines(audit).map { "  - \(term($0.0)): \(VisibleText.oneLine($0.1))\n" }.joined())
        case .markdown:
            return markdown(audit, header: lead ?? headerLines(audit))
                + (lead == nil ? "" : "\n## \(term("Provenance"))\n\n" + headerLines(audit).map { "- \(term($0.0)): \(MarkdownRenderer.cell($0.1))\n" }.joined())
        case .json:
            var document = AuditDocument(audit)
            document.publicReport = publicView.map { SelectionDocument.Public(madeAt: $0.madeAt, headline: headline(audit), notSeated: []) }
            return try document.json()
        case .csv: return csv(audit)
        case .html: return HTMLReports.audit(audit, publicView: publicView)
        }
    }

    /// The audit in one plain sentence.
    public static func headline(_ audit: AuditResult) -> String {
        let broken = audit.quotas.filter { $0.verdict.isBroken }.count
        let unknown = audit.unverified.count
        let misfilled = audit.groups.filter { !$0.filled }
        return phrase("{count#member} on the roster; ", ["count": .number(audit.size)])
            + (misfilled.isEmpty ? "" : misfilled.map { groupVerdict($0) }.joined(separator: "; ") + "; ")
            + (audit.quotas.isEmpty && unknown == 0 ? term("the policy sets no quotas") : audit.quotas.isEmpty ? term("no quota could be checked")
               : broken == 0 && unknown == 0 ? term("every rule met")
               : broken == 0 ? term("every rule checked is met") : phrase("{count#quota row} not met", ["count": .number(broken)]))
            + (unknown == 0 ? "" : audit.unverified.allSatisfy { $0.cause == .absentValues }
               ? phrase("; {count#quota} not verified for values nobody on the roster has", ["count": .number(unknown)])
               : phrase("; {count#quota} not verified ({subjects})", ["count": .number(unknown), "subjects": .text(audit.unverified.map(\.subject).joined(separator: "; "))]))
    }

    /// A group's seat count judged: "filled", or "Government: 23 members for 20 seats (3 over)".
    static func groupVerdict(_ g: GroupOutcome) -> String {
        if g.filled { return term("filled") }
        let gap = g.seated - g.seats
        return phrase(gap > 0 ? "{group}: {members#member} for {seats#seat} ({gap} over, VIOLATED)" : "{group}: {members#member} for {seats#seat} ({gap} under, VIOLATED)",
                      ["group": .text(g.group), "members": .number(g.seated), "seats": .number(g.seats), "gap": .number(abs(gap))])
    }

    /// The seat table's verdict column.
    static func seatVerdict(_ g: GroupOutcome) -> String {
        if g.filled { return term("filled") }
        let gap = g.seated - g.seats
        return phrase(gap > 0 ? "VIOLATED: {gap} over" : "VIOLATED: {gap} under", ["gap": .number(abs(gap))])
    }

    /// The verdict table: each quota's rows, and for a quota the audit cannot verify, a row right after
    /// it saying so (values nobody on the roster has are unknown without --pool; an attribute a composition
    /// does not give cannot be counted).
    static func quotaLines(_ audit: AuditResult) -> [SelectionReport.QuotaLine] {
        var lines = SelectionReport.quotaLines(audit.quotas, policy: audit.policy, hasPanel: true)
        for unverified in audit.unverified {
            let index = unverified.index
            guard let quota = audit.policy.quotas.first(where: { $0.index == index }) else { continue }
            let bound = [quota.min.map { "≥ \($0.description)" }, quota.max.map { "≤ \($0.description)" }].compactMap { $0 }.joined(separator: ", ")
            let line = SelectionReport.QuotaLine(rule: phrase("quota {number}: {subject}", ["number": .number(index + 1), "subject": .text(unverified.subject)]), bound: bound, count: "?", verdict: term("NOT VERIFIED: ") + unverified.reason,
                                                 met: nil, unverified: true, quota: index)
            let at = (lines.lastIndex { $0.quota == index }).map { $0 + 1 } ?? lines.count
            lines.insert(line, at: at)
        }
        return lines
    }

    static func probability(_ p: Double?) -> String {
        guard let p else { return "–" }
        if p < 1e-300 { return "< 1e-300" }
        return p < 0.001 ? String(format: "%.3g", p) : String(format: "%.4f", p)
    }

    /// A probability, or its range over the ways unknown values could fall ("0.0123–0.456").
    static func probability(_ p: ProbabilityRange) -> String {
        p.isExact ? probability(p.low) : "\(probability(p.low))–\(probability(p.high))"
    }

    /// The share table's heading: what its probabilities are, so that none is read as "the chance this happened".
    static func sharesHeading(_ audit: AuditResult) -> String {
        term(audit.testCount == 0 ? "Shares" : "Shares, and how often chance alone would give a count this far out")
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func headerLines(_ audit: AuditResult) -> [(String, String)] {
        let composition = audit.roster.isComposition
        var lines = [("Body", audit.policy.body),
                     ("Mode", term(composition ? "audit of a published composition (a table of counts: members are not named)" : "audit of a published roster")),
                     (composition ? "Composition" : "Roster", phrase("{path} ({count#member}, sha256 {sha})", ["path": .text(audit.roster.nominations.path), "count": .number(audit.size), "sha": .text(audit.roster.nominations.sha256)])),
                     ("Policy", "\(audit.roster.policyFile.path) (sha256 \(audit.roster.policyFile.sha256))")]
        if let pool = audit.pool { lines.append(("Pool", phrase("{path} ({count#nominee}, sha256 {sha})", ["path": .text(pool.nominations.path), "count": .number(pool.nominees.count), "sha": .text(pool.nominations.sha256)]))) }
        lines.append(("Tool", "seatwise \(SeatwiseTool.version), GLPK \(SeatwiseTool.glpkVersion)"))
        if Catalogue.current.language != "en" { lines.append(("Language", Catalogue.current.language)) }
        return lines
    }

    /// The share table every format prints: each value's count and share (ranges where a composition leaves
    /// values unknown), and per test its expected count and probabilities, each named one- or two-sided,
    /// with Holm's adjustment beside it.
    static func shareTable(_ audit: AuditResult) -> (header: [String], rows: [[String]]) {
        let hasPool = audit.shares.contains { $0.poolTest != nil }
        let hasReference = audit.shares.contains { $0.referenceTest != nil }
        var header = ["Attribute", "Value", "Count", "Share"]
        let probabilities = ["P one-sided", "P one-sided, Holm", "P two-sided", "P two-sided, Holm"]
        if hasPool { header += ["Expected from the pool"] + probabilities }
        if hasReference { header += ["Reference", "Expected from the reference"] + probabilities }
        let rows = audit.shares.map { s -> [String] in
            let count = s.unknown == 0 ? "\(s.count)" : "\(s.count)–\(s.count + s.unknown)"
            let share = s.unknown == 0 ? percent(s.share) : "\(String(format: "%.1f", s.share * 100))–\(percent(s.shareHigh))"
            var row = [Words.attribute(s.attribute), Words.value(s.attribute, s.value), count, share]
            func cells(_ test: ShareTest?) -> [String] {
                guard let test else { return ["–", "–", "–", "–", "–"] }
                return [String(format: "%.1f", test.expected), probability(test.oneSided), probability(test.oneSidedHolm),
                        probability(test.twoSided), probability(test.twoSidedHolm)]
            }
            if hasPool { row += cells(s.poolTest) }
            if hasReference { row += [s.reference.map(percent) ?? "–"] + cells(s.referenceTest) }
            return row
        }
        return (header, rows)
    }

    static func text(_ audit: AuditResult, header: [(String, String)]) -> String {
        var out = term("Seatwise audit") + "\n"
        let width = max(8, header.map { term($0.0).count }.max() ?? 0)
        for (k, v) in header { out += "  \(term(k).padding(toLength: width, withPad: " ", startingAt: 0)) \(VisibleText.oneLine(v))\n" }
        out += "\n\(term("Seats"))\n"
        var seats = TextTable(["Group", "Members", "Seats", "Verdict"])
        for g in audit.groups { seats.add([g.group, "\(g.seated)", "\(g.seats)", seatVerdict(g)]) }
        out += seats.render()
        out += "\n\(term("Quotas"))\n"
        var quotas = TextTable(["Rule", "Bound", "Count", "Verdict"])
        for line in quotaLines(audit) { quotas.add([line.rule, line.bound, line.count, line.verdict]) }
        out += audit.quotas.isEmpty && audit.unverified.isEmpty ? "  (\(term("the policy sets no quotas")))\n" : quotas.render()
        out += "\n\(sharesHeading(audit))\n"
        let (header, rows) = shareTable(audit)
        var shares = TextTable(header)
        for row in rows { shares.add(row) }
        out += shares.render()
        for line in audit.probabilityGuide { out += "  \(line)\n" }
        if !audit.notes.isEmpty { out += "\n\(term("Notes"))\n" + audit.notes.map { "  - \($0)\n" }.joined() }
        return out
    }

    static func markdown(_ audit: AuditResult, header: [(String, String)]) -> String {
        let cell = MarkdownRenderer.cell
        var out = "# \(term("Audit")): \(cell(audit.policy.body))\n\n"
        for (k, v) in header { out += "- **\(cell(term(k)))**: \(cell(v))\n" }
        out += "\n## \(term("Seats"))\n\n| " + ["Group", "Members", "Seats", "Verdict"].map { cell(term($0)) }.joined(separator: " | ") + " |\n|---|---:|---:|---|\n"
        for g in audit.groups { out += "| \(cell(g.group)) | \(g.seated) | \(g.seats) | \(seatVerdict(g)) |\n" }
        out += "\n## \(term("Quotas"))\n\n| " + ["Rule", "Bound", "Count", "Verdict"].map { cell(term($0)) }.joined(separator: " | ") + " |\n|---|---|---:|---|\n"
        for line in quotaLines(audit) {
            out += "| \(cell(line.rule)) | \(cell(line.bound)) | \(cell(line.count)) | \(cell(line.verdict)) |\n"
        }
        let (header, rows) = shareTable(audit)
        out += "\n## \(sharesHeading(audit))\n\n| " + header.map { cell(term($0)) }.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        if !audit.probabilityGuide.isEmpty { out += "\n" + audit.probabilityGuide.map { cell($0.description) }.joined(separator: " ") + "\n" }
        if !audit.notes.isEmpty { out += "\n## \(term("Notes"))\n\n" + audit.notes.map { "- \(cell($0.description))\n" }.joined() }
        return out
    }

    static func csv(_ audit: AuditResult) -> String {
        let tests = ["expected", "p_one_sided", "p_one_sided_holm", "p_two_sided", "p_two_sided_holm"]
        var out = CSVCell.row(["attribute", "value", "count", "unknown", "share", "share_high"] + tests.map { "pool_\($0)" } + ["reference"] + tests.map { "reference_\($0)" }
                              + CSVCell.provenanceHeader.map { $0 == "nominations_sha256" ? "roster_sha256" : $0 })
        let provenance = CSVCell.provenance(body: audit.policy.body, mode: "audit", objective: audit.policy.objective.rawValue, seed: audit.policy.seed,
                                            nominations: audit.roster.nominations.sha256, policy: audit.roster.policyFile.sha256)
        // A range (unknown values in a composition) is written low..high.
        func p(_ r: ProbabilityRange) -> String { r.isExact ? String(format: "%.6g", r.low) : String(format: "%.6g..%.6g", r.low, r.high) }
        func cells(_ t: ShareTest?) -> [String] {
            guard let t else { return ["", "", "", "", ""] }
            return [String(format: "%.6f", t.expected), p(t.oneSided), p(t.oneSidedHolm), p(t.twoSided), p(t.twoSidedHolm)]
        }
        for s in audit.shares {
            out += CSVCell.row([s.attribute, s.value, "\(s.count)", "\(s.unknown)", String(format: "%.6f", s.share), String(format: "%.6f", s.shareHigh)]
                               + cells(s.poolTest) + [s.reference.map { String($0) } ?? ""] + cells(s.referenceTest) + provenance)
        }
        return out
    }
}

/// The JSON shape of an audit: stable snake_case keys; absent values are null.
struct AuditDocument: Encodable {
    struct Inputs: Encodable {
        var roster: String, rosterSha256: String, policy: String, policySha256: String
        var pool: String?, poolSha256: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(roster, forKey: .roster); try c.encode(rosterSha256, forKey: .rosterSha256)
            try c.encode(policy, forKey: .policy); try c.encode(policySha256, forKey: .policySha256)
            try c.encode(pool, forKey: .pool); try c.encode(poolSha256, forKey: .poolSha256)
        }
        enum Keys: String, CodingKey { case roster, rosterSha256, policy, policySha256, pool, poolSha256 }
    }
    /// `satisfied`: the group holds exactly its seats (over or under is a breach).
    struct Group: Encodable { var group: String, seats: Int, members: Int, satisfied: Bool }
    /// A test's probabilities: each a number, or null when unknown values make it a range (`*_range`
    /// always gives [low, high]).
    struct Test: Encodable {
        var test: ShareTest
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(test.basis == .pool ? "pool" : "reference", forKey: .basis)
            try c.encode(test.expected, forKey: .expected)
            for (range, key, rangeKey) in [(test.oneSided, Keys.oneSided, Keys.oneSidedRange), (test.oneSidedHolm, .oneSidedHolm, .oneSidedHolmRange),
                                           (test.twoSided, .twoSided, .twoSidedRange), (test.twoSidedHolm, .twoSidedHolm, .twoSidedHolmRange)] {
                try c.encode(range.isExact ? range.low : nil, forKey: key)
                try c.encode([range.low, range.high], forKey: rangeKey)
            }
        }
        enum Keys: String, CodingKey {
            case basis, expected, oneSided, oneSidedRange, oneSidedHolm, oneSidedHolmRange, twoSided, twoSidedRange, twoSidedHolm, twoSidedHolmRange
        }
    }
    /// `expected` and `p_value` (one-sided) are the pool's test, else the reference's, as before; the
    /// tests themselves are under `pool_test` and `reference_test`.
    struct Share: Encodable {
        var row: ShareRow
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(row.attribute, forKey: .attribute); try c.encode(row.value, forKey: .value); try c.encode(row.count, forKey: .count)
            try c.encode(row.unknown, forKey: .unknown)
            try c.encode(row.share, forKey: .share); try c.encode(row.unknown == 0 ? nil : [row.share, row.shareHigh], forKey: .shareRange)
            try c.encode(row.expected, forKey: .expected); try c.encode(row.pValue, forKey: .pValue)
            try c.encode(row.reference, forKey: .reference); try c.encode(row.referenceExpected, forKey: .referenceExpected)
            try c.encode(row.referencePValue, forKey: .referencePValue)
            try c.encode(row.poolTest.map(Test.init), forKey: .poolTest); try c.encode(row.referenceTest.map(Test.init), forKey: .referenceTest)
        }
        enum Keys: String, CodingKey {
            case attribute, value, count, unknown, share, shareRange, expected, pValue, reference, referenceExpected, referencePValue, poolTest, referenceTest
        }
    }

    var tool: SelectionDocument.Tool
    var body: String
    var mode = "audit"
    var objective: String
    var seed: UInt64?
    var inputs: Inputs
    var size: Int
    var groups: [Group]
    var quotas: [SelectionDocument.Quota]
    var shares: [Share]
    /// What the share table's probabilities are, in words.
    var probabilities: [String]
    var notes: [String]
    /// Quotas (numbered from 1, as in the policy) that could not be checked: rows for values absent from
    /// the roster (no --pool), or an attribute the roster does not give (a composition).
    var unverifiedQuotas: [Int]
    /// Set in a public report (`--public`), absent otherwise.
    var publicReport: SelectionDocument.Public?

    enum CodingKeys: String, CodingKey {
        case tool, body, mode, objective, seed, inputs, size, groups, quotas, shares, probabilities, notes, unverifiedQuotas
        case publicReport = "public"
    }

    init(_ audit: AuditResult) {
        tool = .init(name: "seatwise", version: SeatwiseTool.version, glpk: SeatwiseTool.glpkVersion)
        body = audit.policy.body
        objective = audit.policy.objective.rawValue
        seed = audit.policy.seed
        inputs = Inputs(roster: audit.roster.nominations.path, rosterSha256: audit.roster.nominations.sha256, policy: audit.roster.policyFile.path,
                        policySha256: audit.roster.policyFile.sha256, pool: audit.pool?.nominations.path, poolSha256: audit.pool?.nominations.sha256)
        size = audit.size
        groups = audit.groups.map { Group(group: $0.group, seats: $0.seats, members: $0.seated, satisfied: $0.filled) }
        quotas = zip(audit.quotas, QuotaRow.references(audit.quotas.map(\.row))).map { SelectionDocument.Quota($0, reference: $1) }
        shares = audit.shares.map(Share.init)
        probabilities = audit.probabilityGuide.map(\.description)
        notes = audit.notes.map(\.description)
        unverifiedQuotas = Array(Set(audit.unverified.map { $0.index + 1 })).sorted()
    }

    func json() throws -> String { try JSONReport.encode(self) }
}
