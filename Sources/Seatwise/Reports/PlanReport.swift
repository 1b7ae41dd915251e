// The report of `seatwise plan`: each coming renewal's leavers and open seats per group, and under
// `--even` the proposed early rotations, marked as advice, each with its reason.

import Foundation

public enum PlanReport {
    public static func render(_ plan: RenewalPlan, format: ReportFormat) throws -> String {
        format == .json ? try JSONReport.encode(Document(plan)) : sections(plan).render(format)
    }

    static func yearTable(_ plan: RenewalPlan, _ years: [RenewalPlan.Year]) -> ReportTable {
        let groups = plan.roster.policy.groups
        var t = ReportTable(["Year"] + groups + ["Total", "Members leaving", "Newcomers leaving"], numeric: Set(0...(groups.count + 3)))
        for y in years {
            t.add(["\(y.year)"] + groups.map { "\(y.open[$0] ?? 0)" } + ["\(y.open.values.reduce(0, +))", "\(y.leaving.count)", "\(y.newcomersLeaving.values.reduce(0, +))"])
        }
        return t
    }

    public static func sections(_ plan: RenewalPlan) -> SectionedReport {
        let input = plan.roster.input
        let header: [(key: String, value: String)] = [
            ("Body", plan.roster.policy.body),
            ("Renewals", phrase("the next {years#year}; year 1 is the coming renewal", ["years": .number(plan.horizon)])),
            ("Term limit", plan.roster.policy.rules.maxTerms.map { phrase("{terms#consecutive term} (rules.max_terms)", ["terms": .number($0)]) } ?? term("none")),
            ("Roster", "\(input.nominations.path) (sha256 \(input.nominations.sha256))"),
            ("Policy", "\(input.policyFile.path) (sha256 \(input.policyFile.sha256))"),
            ("Tool", "seatwise \(SeatwiseTool.version), GLPK \(SeatwiseTool.glpkVersion)"),
        ] + (Catalogue.current.language == "en" ? [] : [("Language", Catalogue.current.language)])
        var sections: [SectionedReport.Section] = [.init("Seats opening each year, by the term limit", .table(yearTable(plan, plan.years)))]
        let members = plan.roster.members
        var who = ReportTable(["Year", "Group", "ID", "Name", "Why"])
        let order = { (i: Int) in (plan.roster.policy.groups.firstIndex(of: members[i].group) ?? 0, members[i].id) }
        for y in plan.years { for i in y.leaving.sorted(by: { order($0) < order($1) }) { who.add(["\(y.year)", members[i].group, members[i].id, members[i].name, plan.reasons[i] ?? ""]) } }
        sections.append(.init("Who leaves, and why", who.rows.isEmpty ? .line(term("No member leaves within the plan.")) : .table(who)))
        if let p = plan.proposal {
            sections.append(.init("Proposal: even turnover (advice, not a rule)", .bullets([
                (p.rotations.isEmpty ? term("Seatwise proposes no early rotation: the term limits already spread each group's turnover as evenly as they allow")
                    : phrase("Seatwise proposes rotating out {count#member} before the term limit", ["count": .number(p.rotations.count)]))
                    + term(", so that each group's seats open as evenly across the years as the term limits allow (solved exactly: the fewest seats opening in any one year, then the most even spread, then the fewest and shortest early rotations, then the seed)."),
            ] + plan.roster.policy.groups.map { g in
                // "year 1: 13, year 2: 3", never a bare list that reads as one number ("by year 13, 3, 4").
                let seats = p.years.map { phrase("year {year}: {open}", ["year": .number($0.year), "open": .number($0.open[g] ?? 0)]) }.joined(separator: ", ")
                let before = plan.years.map { phrase("year {year}: {open}", ["year": .number($0.year), "open": .number($0.open[g] ?? 0)]) }.joined(separator: ", ")
                return phrase("{group}: at most {peak#seat} open in one year; seats opening {seats}", ["group": .text(g), "peak": .number(p.peakAfter[g] ?? 0), "seats": .text(seats)])
                    + (seats == before ? "" : phrase(" (without the proposal {before})", ["before": .text(before)]))
            })))
            var rotations = ReportTable(["Group", "ID", "Name", "Term limit year", "Proposed year", "Why"], numeric: [3, 4])
            for r in p.rotations { rotations.add([members[r.member].group, members[r.member].id, members[r.member].name, "\(r.limitYear)", "\(r.year)", r.reason]) }
            sections.append(.init("Early rotations proposed", rotations.rows.isEmpty ? .line(term("None: the term limits already spread the turnover as evenly as they allow.")) : .table(rotations)))
            sections.append(.init("Seats opening each year, with the proposal", .table(yearTable(plan, p.years))))
        }
        if !plan.notes.isEmpty { sections.append(.init("Notes", .bullets(plan.notes.map(\.description)))) }
        var csv = ReportTable(["year", "group", "open", "leaving", "newcomers_leaving"] + (plan.proposal == nil ? [] : ["open_with_proposal", "leaving_with_proposal"]))
        for (k, y) in plan.years.enumerated() {
            for g in plan.roster.policy.groups {
                var row = ["\(y.year)", g, "\(y.open[g] ?? 0)", y.leaving.filter { members[$0].group == g }.map { members[$0].id }.joined(separator: " "), "\(y.newcomersLeaving[g] ?? 0)"]
                if let p = plan.proposal {
                    let z = p.years[k]
                    row += ["\(z.open[g] ?? 0)", z.leaving.filter { members[$0].group == g }.map { members[$0].id }.joined(separator: " ")]
                }
                csv.add(row)
            }
        }
        let total = plan.years.reduce(0) { $0 + $1.open.values.reduce(0, +) }
        return SectionedReport(kind: "Renewal calendar", title: plan.roster.policy.body,
                               subtitle: phrase("{seats#seat} open over the next {renewals#renewal}", ["seats": .number(total), "renewals": .number(plan.horizon)]), header: header, sections: sections, csvTable: csv)
    }

    struct YearEntry: Encodable {
        var year: Int, leaving: [String], open: [String: Int], newcomersLeaving: [String: Int]
        init(_ y: RenewalPlan.Year, _ ids: [String]) {
            year = y.year
            leaving = y.leaving.map { ids[$0] }
            open = Dictionary(uniqueKeysWithValues: y.open.map { ($0.key, $0.value) })
            newcomersLeaving = Dictionary(uniqueKeysWithValues: y.newcomersLeaving.map { ($0.key, $0.value) })
        }
    }
    struct Rotation: Encodable { var id: String, limitYear: Int, year: Int, reason: String }
    struct ProposalEntry: Encodable {
        var advice: String, rotations: [Rotation], years: [YearEntry], peakBefore: [String: Int], peakAfter: [String: Int]
    }
    struct Leaver: Encodable { var id: String, year: Int, reason: String }
    struct Document: Encodable {
        var body: String, horizon: Int, maxTerms: Int?, years: [YearEntry], leavers: [Leaver], proposal: ProposalEntry?, notes: [String]
        var inputs: VacanciesReport.Inputs, tool: VacanciesReport.Tool
        init(_ plan: RenewalPlan) {
            let ids = plan.roster.members.map(\.id)
            body = plan.roster.policy.body
            horizon = plan.horizon
            maxTerms = plan.roster.policy.rules.maxTerms
            years = plan.years.map { YearEntry($0, ids) }
            leavers = plan.years.flatMap { y in y.leaving.map { Leaver(id: ids[$0], year: y.year, reason: plan.reasons[$0] ?? "") } }
            proposal = plan.proposal.map { p in
                ProposalEntry(advice: "a proposal, not a rule: rotating these members out early is for the body and its groups to decide",
                              rotations: p.rotations.map { Rotation(id: ids[$0.member], limitYear: $0.limitYear, year: $0.year, reason: $0.reason) },
                              years: p.years.map { YearEntry($0, ids) },
                              peakBefore: Dictionary(uniqueKeysWithValues: p.peakBefore.map { ($0.key, $0.value) }),
                              peakAfter: Dictionary(uniqueKeysWithValues: p.peakAfter.map { ($0.key, $0.value) }))
            }
            notes = plan.notes.map(\.description)
            let input = plan.roster.input
            inputs = .init(roster: input.nominations.path, rosterSha256: input.nominations.sha256, policy: input.policyFile.path, policySha256: input.policyFile.sha256)
            tool = .init(name: "seatwise", version: SeatwiseTool.version, glpk: SeatwiseTool.glpkVersion)
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(body, forKey: .body); try c.encode(horizon, forKey: .horizon); try c.encode(maxTerms, forKey: .maxTerms)
            try c.encode(years, forKey: .years); try c.encode(leavers, forKey: .leavers); try c.encode(proposal, forKey: .proposal)
            try c.encode(notes, forKey: .notes); try c.encode(inputs, forKey: .inputs); try c.encode(tool, forKey: .tool)
        }
        enum Keys: String, CodingKey { case body, horizon, maxTerms, years, leavers, proposal, notes, inputs, tool }
    }
}
