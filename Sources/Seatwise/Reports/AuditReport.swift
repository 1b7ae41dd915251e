// Renders an audit of a published roster (README, "Audits"; "JSON report") in text, markdown, JSON or CSV.

import Foundation

public enum AuditReport {
    /// With `publicView` (`--public`): the time of the audit and its headline first, provenance last.
    public static func render(_ audit: AuditResult, format: ReportFormat, publicView: PublicView? = nil) throws -> String {
        let lead = publicView.map { [("Made", $0.madeAt), ("In short", headline(audit))] }
        switch format {
        case .text:
            return text(audit, header: lead ?? headerLines(audit))
                + (lead == nil ? "" : "\nProvenance\n" + headerLines(audit).map { "  - \($0.0): \(VisibleText.oneLine($0.1))\n" }.joined())
        case .markdown:
            return markdown(audit, header: lead ?? headerLines(audit))
                + (lead == nil ? "" : "\n## Provenance\n\n" + headerLines(audit).map { "- \($0.0): \(MarkdownRenderer.cell($0.1))\n" }.joined())
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
        return "\(Words.count(audit.size, "member")) on the roster; "
            + (misfilled.isEmpty ? "" : misfilled.map { groupVerdict($0) }.joined(separator: "; ") + "; ")
            + (audit.quotas.isEmpty ? "the policy sets no quotas" : broken == 0 && unknown == 0 ? "every rule met"
               : broken == 0 ? "every rule checked is met" : "\(Words.count(broken, "quota row")) not met")
            + (unknown == 0 ? "" : audit.unverified.allSatisfy { $0.cause == .absentValues }
               ? "; \(Words.count(unknown, "quota")) not verified for values nobody on the roster has"
               : "; \(Words.count(unknown, "quota")) not verified (" + audit.unverified.map(\.subject).joined(separator: "; ") + ")")
    }

    /// A group's seat count judged: "filled", or "Government: 23 members for 20 seats (3 over)".
    static func groupVerdict(_ g: GroupOutcome) -> String {
        if g.filled { return "filled" }
        let gap = g.seated - g.seats
        return "\(g.group): \(Words.count(g.seated, "member")) for \(Words.count(g.seats, "seat")) (\(abs(gap)) \(gap > 0 ? "over" : "under"), VIOLATED)"
    }

    /// The seat table's verdict column.
    static func seatVerdict(_ g: GroupOutcome) -> String {
        if g.filled { return "filled" }
        let gap = g.seated - g.seats
        return "VIOLATED: \(abs(gap)) \(gap > 0 ? "over" : "under")"
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
            let line = SelectionReport.QuotaLine(rule: "quota \(index + 1): \(unverified.subject)", bound: bound, count: "?", verdict: "NOT VERIFIED: " + unverified.reason,
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

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func headerLines(_ audit: AuditResult) -> [(String, String)] {
        let composition = audit.roster.isComposition
        var lines = [("Body", audit.policy.body),
                     ("Mode", composition ? "audit of a published composition (a table of counts: members are not named)" : "audit of a published roster"),
                     (composition ? "Composition" : "Roster", "\(audit.roster.nominations.path) (\(audit.size) members, sha256 \(audit.roster.nominations.sha256))"),
                     ("Policy", "\(audit.roster.policyFile.path) (sha256 \(audit.roster.policyFile.sha256))")]
        if let pool = audit.pool { lines.append(("Pool", "\(pool.nominations.path) (\(pool.nominees.count) nominees, sha256 \(pool.nominations.sha256))")) }
        lines.append(("Tool", "seatwise \(SeatwiseTool.version), GLPK \(SeatwiseTool.glpkVersion)"))
        return lines
    }

    static func shareTable(_ audit: AuditResult) -> (header: [String], rows: [[String]]) {
        let hasReference = audit.shares.contains { $0.reference != nil }
        var header = ["Attribute", "Value", "Count", "Share"]
        if audit.pool != nil { header += ["Expected from the pool", "P(this far or further)"] }
        if hasReference { header += ["Reference", "P(binomial)"] }
        let rows = audit.shares.map { s -> [String] in
            var row = [s.attribute, s.value, "\(s.count)", percent(s.share)]
            if audit.pool != nil {
                let pooled = s.reference == nil || s.expected != s.referenceExpected
                row += [pooled ? s.expected.map { String(format: "%.1f", $0) } ?? "–" : "–", pooled ? probability(s.pValue) : "–"]
            }
            if hasReference { row += [s.reference.map(percent) ?? "–", probability(s.referencePValue)] }
            return row
        }
        return (header, rows)
    }

    static func text(_ audit: AuditResult, header: [(String, String)]) -> String {
        var out = "Seatwise audit\n"
        let width = max(8, header.map(\.0.count).max() ?? 0)
        for (k, v) in header { out += "  \(k.padding(toLength: width, withPad: " ", startingAt: 0)) \(VisibleText.oneLine(v))\n" }
        out += "\nSeats\n"
        var seats = TextTable(["Group", "Members", "Seats", "Verdict"])
        for g in audit.groups { seats.add([g.group, "\(g.seated)", "\(g.seats)", seatVerdict(g)]) }
        out += seats.render()
        out += "\nQuotas\n"
        var quotas = TextTable(["Rule", "Bound", "Count", "Verdict"])
        for line in quotaLines(audit) { quotas.add([line.rule, line.bound, line.count, line.verdict]) }
        out += audit.quotas.isEmpty ? "  (the policy sets no quotas)\n" : quotas.render()
        out += "\nShares\n"
        let (header, rows) = shareTable(audit)
        var shares = TextTable(header)
        for row in rows { shares.add(row) }
        out += shares.render()
        if !audit.notes.isEmpty { out += "\nNotes\n" + audit.notes.map { "  - \($0)\n" }.joined() }
        return out
    }

    static func markdown(_ audit: AuditResult, header: [(String, String)]) -> String {
        let cell = MarkdownRenderer.cell
        var out = "# Audit: \(cell(audit.policy.body))\n\n"
        for (k, v) in header { out += "- **\(k)**: \(cell(v))\n" }
        out += "\n## Seats\n\n| Group | Members | Seats | Verdict |\n|---|---:|---:|---|\n"
        for g in audit.groups { out += "| \(cell(g.group)) | \(g.seated) | \(g.seats) | \(seatVerdict(g)) |\n" }
        out += "\n## Quotas\n\n| Rule | Bound | Count | Verdict |\n|---|---|---:|---|\n"
        for line in quotaLines(audit) {
            out += "| \(cell(line.rule)) | \(cell(line.bound)) | \(cell(line.count)) | \(cell(line.verdict)) |\n"
        }
        let (header, rows) = shareTable(audit)
        out += "\n## Shares\n\n| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        if !audit.notes.isEmpty { out += "\n## Notes\n\n" + audit.notes.map { "- \(cell($0.description))\n" }.joined() }
        return out
    }

    static func csv(_ audit: AuditResult) -> String {
        var out = CSVCell.row(["attribute", "value", "count", "share", "expected", "p_value", "reference", "reference_p_value"]
                              + CSVCell.provenanceHeader.map { $0 == "nominations_sha256" ? "roster_sha256" : $0 })
        let provenance = CSVCell.provenance(body: audit.policy.body, mode: "audit", objective: audit.policy.objective.rawValue, seed: audit.policy.seed,
                                            nominations: audit.roster.nominations.sha256, policy: audit.roster.policyFile.sha256)
        for s in audit.shares {
            out += CSVCell.row([s.attribute, s.value, "\(s.count)", String(format: "%.6f", s.share), s.expected.map { String(format: "%.6f", $0) } ?? "",
                                s.pValue.map { String(format: "%.6g", $0) } ?? "", s.reference.map { String($0) } ?? "",
                                s.referencePValue.map { String(format: "%.6g", $0) } ?? ""] + provenance)
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
    struct Share: Encodable {
        var attribute, value: String
        var count: Int
        var share: Double
        var expected, pValue, reference, referenceExpected, referencePValue: Double?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(attribute, forKey: .attribute); try c.encode(value, forKey: .value); try c.encode(count, forKey: .count)
            try c.encode(share, forKey: .share); try c.encode(expected, forKey: .expected); try c.encode(pValue, forKey: .pValue)
            try c.encode(reference, forKey: .reference); try c.encode(referenceExpected, forKey: .referenceExpected)
            try c.encode(referencePValue, forKey: .referencePValue)
        }
        enum Keys: String, CodingKey { case attribute, value, count, share, expected, pValue, reference, referenceExpected, referencePValue }
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
    var notes: [String]
    /// Quotas (numbered from 1, as in the policy) that could not be checked: rows for values absent from
    /// the roster (no --pool), or an attribute the roster does not give (a composition).
    var unverifiedQuotas: [Int]
    /// Set in a public report (`--public`), absent otherwise.
    var publicReport: SelectionDocument.Public?

    enum CodingKeys: String, CodingKey {
        case tool, body, mode, objective, seed, inputs, size, groups, quotas, shares, notes, unverifiedQuotas
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
        shares = audit.shares.map { Share(attribute: $0.attribute, value: $0.value, count: $0.count, share: $0.share, expected: $0.expected, pValue: $0.pValue,
                                          reference: $0.reference, referenceExpected: $0.referenceExpected, referencePValue: $0.referencePValue) }
        notes = audit.notes.map(\.description)
        unverifiedQuotas = Array(Set(audit.unverified.map { $0.index + 1 })).sorted()
    }

    func json() throws -> String { try JSONReport.encode(self) }
}
