// The report of `seatwise vacancies`: the open-seat table a secretariat publishes with the call for
// nominations (who leaves and why, seats to fill per group, newcomers each rule allows), in every format.

import Foundation

public enum VacanciesReport {
    public static func render(_ v: Vacancies, format: ReportFormat) throws -> String {
        format == .json ? try JSONReport.encode(Document(v)) : sections(v).render(format)
    }

    /// "3 to 5", "exactly 2", "none", "up to 4".
    static func range(_ min: Int?, _ max: Int?) -> String {
        guard let min, let max else { return term("no intake") }
        if max == 0 { return term("none") }
        if min == max { return phrase("exactly {n}", ["n": .number(min)]) }
        return min == 0 ? phrase("up to {max}", ["max": .number(max)]) : phrase("{min} to {max}", ["min": .number(min), "max": .number(max)])
    }

    public static func sections(_ v: Vacancies) -> SectionedReport {
        let members = v.roster.members
        let input = v.roster.input
        var header: [(key: String, value: String)] = [
            ("Body", v.roster.policy.body),
            ("In short", headline(v)),
            ("Roster", "\(input.nominations.path) (sha256 \(input.nominations.sha256))"),
            ("Policy", "\(input.policyFile.path) (sha256 \(input.policyFile.sha256))"),
            ("Tool", "seatwise \(SeatwiseTool.version), GLPK \(SeatwiseTool.glpkVersion)"),
        ] + (Catalogue.current.language == "en" ? [] : [("Language", Catalogue.current.language)])
        if let sheet = input.nominations.sheet { header.insert(("Sheet", sheet), at: 3) }
        var seats = ReportTable(["Group", "Seats", "Staying", "Leaving", "Open seats"], numeric: [1, 2, 3, 4])
        for (group, open) in v.open {
            let staying = v.staying.filter { members[$0].group == group }.count
            let leaving = v.departures.filter { members[$0.member].group == group }.count
            seats.add([group, "\(v.roster.policy.seats(of: group))", "\(staying)", "\(leaving)", "\(open)"])
        }
        var leaving = ReportTable(["Group", "ID", "Name", "Why"])
        for d in v.departures.sorted(by: { (groupOrder(v, members[$0.member].group), members[$0.member].id) < (groupOrder(v, members[$1.member].group), members[$1.member].id) }) {
            let m = members[d.member]
            leaving.add([m.group, m.id, m.name, d.words])
        }
        var staying = ReportTable(["Group", "ID", "Name", "Terms served"], numeric: [3])
        for i in v.staying.sorted(by: { (groupOrder(v, members[$0].group), members[$0].id) < (groupOrder(v, members[$1].group), members[$1].id) }) {
            let m = members[i]
            staying.add([m.group, m.id, m.name, "\(m.terms)"])
        }
        var rules = ReportTable(["Rule", "Staying", "Newcomers", "Note"], numeric: [1])
        for row in v.rows {
            let newcomers = ReportTable.Cell(range(row.minNew, row.maxNew), tone: row.maxNew == 0 ? .bad : .plain)
            rules.add([ReportTable.Cell(row.row.label), ReportTable.Cell("\(row.staying)"), newcomers, ReportTable.Cell(row.note ?? "")])
        }
        var sections: [SectionedReport.Section] = [.init("Seats to fill", .table(seats))]
        if !v.feasible { sections.append(.init("No intake of newcomers can keep every rule", .bullets(v.problems))) }
        sections.append(.init("Leaving at the renewal", v.departures.isEmpty ? .line(term("No member leaves.")) : .table(leaving)))
        sections.append(.init("Staying", v.staying.isEmpty ? .line(term("No member stays.")) : .table(staying)))
        if rules.rows.isEmpty {
            sections.append(.init("Newcomers each rule allows", .line(term("The policy sets no quotas."))))
        } else {
            sections.append(.init("Newcomers each rule allows (exact: every range is reached by some intake that keeps every rule)", .table(rules)))
        }
        var notes = v.assumptions.map { phrase("Assumed: {what}.", ["what": .text($0)]) }
        if v.unreachedCapRows > 0 {
            notes.append(phrase(v.unreachedCapRows == 1 ? "1 capped value no staying member holds is not listed: newcomers may fill it up to the cap."
                                : "{count} capped values no staying member holds are not listed: newcomers may fill them up to the cap.", ["count": .number(v.unreachedCapRows)]))
        }
        notes += input.readingNotes
        sections.append(.init("Notes", .bullets(notes)))
        var csv = ReportTable(["rule", "attribute", "values", "scope", "min", "max", "staying", "min_new", "max_new", "note"])
        for row in v.rows {
            csv.add([row.row.label, row.row.attribute, row.row.values.joined(separator: "; "), row.row.scopeKey, row.row.min.map(String.init) ?? "",
                     row.row.max.map(String.init) ?? "", "\(row.staying)", row.minNew.map(String.init) ?? "", row.maxNew.map(String.init) ?? "", row.note ?? ""])
        }
        return SectionedReport(kind: "Open seats", title: v.roster.policy.body, subtitle: headline(v), header: header, sections: sections, csvTable: csv)
    }

    static func groupOrder(_ v: Vacancies, _ group: String) -> Int { v.roster.policy.groups.firstIndex(of: group) ?? Int.max }

    /// "12 seats open in 4 groups; 9 members leave (7 at the term limit)".
    public static func headline(_ v: Vacancies) -> String {
        let open = v.open.values.reduce(0, +)
        let groups = v.open.values.filter { $0 > 0 }.count
        let limit = v.departures.filter { if case .termLimit = $0.reason { return true } else { return false } }.count
        var text = phrase("{open#seat} open in {groups#group}; ", ["open": .number(open), "groups": .number(groups)])
            + phrase(v.departures.count == 1 ? "1 member leaves" : "{count} members leave", ["count": .number(v.departures.count)])
        if limit > 0 { text += phrase(" ({count} at the term limit)", ["count": .number(limit)]) }
        if !v.feasible { text += term("; no intake of newcomers can keep every rule") }
        return text
    }

    struct Leaving: Encodable { var id: String, reason: String }
    struct Row: Encodable {
        var label: String, quota: Int, attribute: String, values: [String], scope: String
        var min: Int?, max: Int?, staying: Int, minNew: Int?, maxNew: Int?, note: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(label, forKey: .label); try c.encode(quota, forKey: .quota); try c.encode(attribute, forKey: .attribute)
            try c.encode(values, forKey: .values); try c.encode(scope, forKey: .scope); try c.encode(min, forKey: .min); try c.encode(max, forKey: .max)
            try c.encode(staying, forKey: .staying); try c.encode(minNew, forKey: .minNew); try c.encode(maxNew, forKey: .maxNew); try c.encode(note, forKey: .note)
        }
        enum Keys: String, CodingKey { case label, quota, attribute, values, scope, min, max, staying, minNew, maxNew, note }
    }
    struct Inputs: Encodable { var roster: String, rosterSha256: String, policy: String, policySha256: String }
    struct Tool: Encodable {
        var name: String, version: String, glpk: String
        /// The language of the report's words (its facts are the same in every language).
        var language = Catalogue.current.language
    }
    struct Document: Encodable {
        var body: String, feasible: Bool, problems: [String]
        var leaving: [Leaving], staying: [String]
        var open: [String: Int]
        var quotas: [Row]
        var unreachedCapRows: Int, assumptions: [String], notes: [String]
        var inputs: Inputs, tool: Tool
        init(_ v: Vacancies) {
            let members = v.roster.members
            body = v.roster.policy.body
            feasible = v.feasible
            problems = v.problems
            leaving = v.departures.map { Leaving(id: members[$0.member].id, reason: $0.words) }
            staying = v.staying.map { members[$0].id }
            open = Dictionary(uniqueKeysWithValues: v.open.map { ($0.key, $0.value) })
            quotas = v.rows.map { r in
                Row(label: r.row.label, quota: r.row.quotaIndex + 1, attribute: r.row.attribute, values: r.row.values, scope: r.row.scopeKey,
                    min: r.row.min, max: r.row.max, staying: r.staying, minNew: r.minNew, maxNew: r.maxNew, note: r.note)
            }
            unreachedCapRows = v.unreachedCapRows
            assumptions = v.assumptions
            notes = v.roster.input.readingNotes
            let input = v.roster.input
            inputs = Inputs(roster: input.nominations.path, rosterSha256: input.nominations.sha256, policy: input.policyFile.path, policySha256: input.policyFile.sha256)
            tool = Tool(name: "seatwise", version: SeatwiseTool.version, glpk: SeatwiseTool.glpkVersion)
        }
    }
}
