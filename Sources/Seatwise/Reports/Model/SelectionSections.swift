// A selection report's content, built once and format-neutral: header and provenance, adjustments,
// why no panel exists (conflicts, repairs), seats per group, the panel, quotas, notes, explanations,
// and the panel under a repair. Text, markdown and HTML render these same sections.

public struct SelectionSections: Sendable {
    public struct Conflict: Sendable { public var message: String; public var rules: [String] }

    public var title: String
    /// (key, value) lines: body, mode, status, objective, seed, inputs with digests, tool; in a public
    /// report only the body, the time it was made and the headline (the rest is `provenance`).
    public var header: [(key: String, value: String)]
    /// A public report's provenance, drawn at its end; empty otherwise.
    public var provenance: [(key: String, value: String)]
    /// Nominees the rules or the coordinator kept out (withdrawn, term-limited, excluded), by name; in a
    /// public report every nominee not seated, counted by group and reason instead.
    public var outside: ReportTable?
    public var outsideTitle: String
    /// The coordinator's adjustments (and an applied repair), each in words.
    public var adjustments: [String]
    public var hasPanel: Bool
    public var conflicts: [Conflict]
    /// The smallest repair in words, then its alternatives.
    public var repairs: [String]
    /// Why the smallest repair is as large as it is: rules that still conflict one seat short of it.
    public var repairSize: [Conflict]
    public var seats: ReportTable
    public var panel: ReportTable
    /// Nil when the policy sets no quotas.
    public var quotas: ReportTable?
    public var notes: [String]
    /// With explanations: one row per explained nominee, the quota prices, each group's ranking.
    public var explanations: ReportTable?
    public var prices: [String]
    public var deviations: [(message: String, passedOver: [String])]
    /// The best panel under the smallest repair, when the diagnosis solved it.
    public var repaired: [SelectionSections]
    /// With `--alternates K`: each seat's alternates, best first, or what prevents any; and the reserve list.
    public var alternates: ReportTable?
    public var reserve: ReportTable?
    /// With several bodies: each body's seats and who holds them, with their roles.
    public var bodies: ReportTable?
    /// With `--history`: each seated country's seats in the compositions the policy counts, and now.
    public var history: ReportTable?
    public var historyTitle = ""
    /// A mid-term replacement (`seatwise replace`): who vacates, who enters and why, in sentences.
    public var replacement: [String] = []
    /// An adjusted round against the unadjusted optimum: who enters, who leaves, each group's cost.
    public var difference: [String] = []

    static let differenceTitle = "Compared with the round without adjustments"
    static let repairSizeTitle = "Why the repair is this large"

    /// The difference lines; a public report counts the members who leave instead of naming them.
    static func differenceLines(_ d: WhatIf, publicReport: Bool) -> [String] {
        let nominees = d.result.input.nominees
        func named(_ i: Int) -> String { "\(nominees[i].name) [\(nominees[i].id)], \(nominees[i].group)" }
        guard d.base.status != .infeasible else { return [term("without the adjustments no panel meets the rules")] }
        guard d.result.status != .infeasible else { return [term("under the adjustments no panel meets the rules; without them the round has a panel")] }
        var lines: [String] = []
        lines.append(d.entering.isEmpty ? term("nobody enters") : term("enter: ") + d.entering.map(named).joined(separator: "; "))
        lines.append(d.leaving.isEmpty ? term("nobody leaves")
                     : publicReport ? phrase("leave: {count#member} of the unadjusted panel", ["count": .number(d.leaving.count)]) : term("leave: ") + d.leaving.map(named).joined(separator: "; "))
        if let change = d.objectiveChange {
            let before = d.base.rankSum ?? 0
            lines.append(phrase("rank sum {before} → {after} ({change})", ["before": .number(before), "after": .number(before + change),
                                                                               "change": .text(change == 0 ? term("unchanged") : change > 0 ? "+\(change)" : "\(change)")]))
        }
        for g in d.groups where g.change != 0 {
            lines.append(phrase("{group}: rank sum {before} → {after} ({change})", ["group": .text(g.group), "before": .number(g.rankSumBefore), "after": .number(g.rankSumAfter),
                                                                                 "change": .text("\(g.change > 0 ? "+" : "")\(g.change)")]))
        }
        // Why a group no adjustment named changes too; a public report names no one who leaves.
        if !publicReport { lines += d.crossGroup.map(\.description) }
        return lines
    }

    /// `nomineeLink` gives each member's ID a link (the workbench's explanation page), where a format links.
    public init(_ result: SelectionResult, explanations: ExplanationReport? = nil, diagnosis: Diagnosis? = nil, publicView: PublicView? = nil,
                nomineeLink: (@Sendable (String) -> String)? = nil, alternates found: Alternates? = nil, difference: WhatIf? = nil) {
        self.difference = difference.map { Self.differenceLines($0, publicReport: publicView != nil) } ?? []
        let nominees = result.input.nominees
        title = result.policy.body
        let lines = SelectionReport.headerLines(result).map { (key: $0.0, value: $0.1) }
        if let view = publicView {
            header = [(key: "Body", value: result.policy.body), (key: "Made", value: view.madeAt), (key: "In short", value: view.headline)]
            provenance = lines.filter { $0.key != "Body" }
            outsideTitle = term("Nominees not seated (counted, not named)")
            var table = ReportTable(["Group", "Why not seated", "Nominees"], numeric: [2])
            for entry in view.notSeated { table.add([entry.group, entry.reason, "\(entry.count)"]) }
            outside = table.rows.isEmpty ? nil : table
        } else {
            header = lines
            provenance = []
            outsideTitle = term("Kept out by the rules or the coordinator")
            var table = ReportTable(["Group", "ID", "Name", "Why"])
            for (i, standing) in result.standings.enumerated() {
                guard case .fixedOut(let rule) = standing else { continue }
                let n = nominees[i]
                table.add([n.group, n.id, n.name, term(rule == .withdrawn ? "withdrawn" : rule == .termLimited ? "term limit reached (rules.max_terms)"
                           : rule == .vacated ? "vacated the seat" : rule == .independent ? "not chosen by its group, which chose alone (mode: independent)"
                           : "excluded by decision of the coordinator")])
            }
            outside = table.rows.isEmpty ? nil : table
        }
        adjustments = result.context.adjustments.map(\.description)
        hasPanel = result.status != .infeasible
        conflicts = result.status == .infeasible
            ? SelectionReport.conflicts(result, diagnosis).map { Conflict(message: $0.message.description, rules: $0.labels) } : []
        repairs = (diagnosis?.repairs ?? []).map(SelectionReport.repairLine)
        repairSize = (diagnosis?.repairSize ?? []).map { Conflict(message: $0.message.description, rules: $0.labels) }
        seats = ReportTable(["Group", "Seated", "Rank sum", "Seated from the group's top choices"], numeric: [1, 2])
        for g in result.groups { seats.add([g.group, "\(g.seated)/\(g.seats)", "\(g.rankSum)", phrase("{count} of {seats}", ["count": .number(g.topChoicesSeated), "seats": .number(g.seats)])]) }
        panel = Self.members(result, link: nomineeLink)
        if result.quotas.isEmpty { quotas = nil } else {
            var table = ReportTable(["Rule", "Bound", "Count", "Verdict"], numeric: [2])
            for line in SelectionReport.quotaLines(result) {
                table.add([.init(line.rule), .init(line.bound), .init(line.count), .init(line.verdict, tone: line.met.map { $0 ? .good : .bad } ?? .plain)])
            }
            quotas = table
        }
        let said: [Message] = result.context.messages + result.notes + (explanations?.notes ?? []) + (diagnosis?.notes ?? [])
        notes = said.map(\.description)
        if let explanations {
            var table = ReportTable(["Group", "Nominee", "Decision", "Reason", "Δ", "Why"], numeric: [4])
            for e in explanations.explanations {
                let n = nominees[e.nominee]
                table.add([.init(n.group), .init("\(n.name) [\(n.id)]; \(Words.value("gender", n.gender)); \(Words.value("region", n.region)); \(n.country)"),
                           .init(term(e.decision == .seated ? "seated" : "not seated"), tone: e.decision == .seated ? .good : .bad),
                           .init(e.reason.words + (e.closeCall && e.delta != 0 ? term(" (close call)") : "")),
                           .init(e.delta.map(String.init) ?? "–"), .init(e.message)])
            }
            self.explanations = table
            prices = Self.priceLines(explanations.prices, rows: result.context.quotaRows)
            deviations = explanations.deviations.map { d in
                (d.message, d.passedOver.map { "\(nominees[$0.nominee].name) [\(nominees[$0.nominee].id)]: \($0.message)" })
            }
        } else {
            self.explanations = nil
            prices = []
            deviations = []
        }
        repaired = diagnosis?.repaired.map { [SelectionSections($0, explanations: diagnosis?.repairedExplanations, publicView: publicView)] } ?? []
        // A public report names only the seated: alternates and the reserve are working lists, left out.
        if let found, publicView == nil {
            func named(_ i: Int) -> String { "\(nominees[i].name) [\(nominees[i].id)]" }
            var table = ReportTable(["Group", "Seat held by", "Could take the seat (best first)"])
            for seat in found.seats {
                table.add([.init(nominees[seat.member].group), .init(named(seat.member)),
                           seat.alternates.isEmpty ? .init(term("nobody: ") + (seat.blockedBy ?? ""), tone: .bad) : .init(seat.alternates.map(named).joined(separator: "; "))])
            }
            alternates = table
            var reserveTable = ReportTable(["Order", "Group", "Nominee", "Rank"], numeric: [0, 3])
            for (k, i) in found.reserve.enumerated() {
                reserveTable.add(["\(k + 1)", nominees[i].group, named(i), nominees[i].rank.map(String.init) ?? "–"])
            }
            reserve = reserveTable.rows.isEmpty ? nil : reserveTable
        } else {
            alternates = nil
            reserve = nil
        }
        if !result.policy.bodies.isEmpty, result.status != .infeasible {
            var table = ReportTable(["Body", "Seated", "Members (role)"], numeric: [])
            for (body, groups) in result.policy.bodies {
                let members = result.seated.filter { groups.contains(nominees[$0].group) }
                let seats = groups.reduce(0) { $0 + result.policy.seats(of: $1) }
                table.add([body, "\(members.count)/\(seats)", members.map { i in
                    "\(nominees[i].name) [\(nominees[i].person)]" + (nominees[i].role.map { " (\($0))" } ?? "")
                }.joined(separator: "; ")])
            }
            bodies = table
        }
        if let past = result.input.history, result.status != .infeasible {
            let window = result.policy.history?.compositions
            let years = past.last(window).map(\.year)
            let seats = past.countrySeats(window)
            var now: [String: Int] = [:]
            for i in result.seated { now[nominees[i].country, default: 0] += 1 }
            var table = ReportTable(["Country"] + years.map(String.init) + ["Now", "Seats counted"], numeric: Set(1...(years.count + 2)))
            for country in now.keys.sorted() {
                let counts = seats[country] ?? [Int](repeating: 0, count: years.count)
                table.add([country] + counts.map(String.init) + ["\(now[country]!)", "\(counts.reduce(0, +))"])
            }
            history = table
            historyTitle = phrase("History of each seated country (seats in the last {count#composition} counted)", ["count": .number(years.count)])
        }
    }

    /// The prices that would improve the panel, one line each; those that would not, in one line
    /// (forty caps at their limit are not forty findings).
    static func priceLines(_ prices: [QuotaPrice], rows: [QuotaRow]) -> [String] {
        func idle(_ p: QuotaPrice) -> Bool { p.improvement == 0 && (p.improvementLevel ?? 0) == 0 }
        var lines = prices.filter { !idle($0) }.map(\.message)
        let unmoved = prices.filter(idle)
        if !unmoved.isEmpty {
            // Named by the quota each row belongs to, as the reports number quotas.
            let quotas = Set(unmoved.map { rows.indices.contains($0.quotaRow) ? (rows[$0.quotaRow].renewal ? term("renewal rule") : phrase("quota {number}", ["number": .text(rows[$0.quotaRow].quotaNumber)])) : $0.label })
            let named = quotas.sorted { ($0.count, $0) < ($1.count, $1) }.joined(separator: ", ")
            lines.append(unmoved.count == 1 ? phrase("Moving the other bound at its limit by one seat would not improve the panel ({named}).", ["named": .text(named)])
                         : phrase("Moving any of the other {count} bounds at their limit by one seat would not improve the panel ({named}).", ["count": .number(unmoved.count), "named": .text(named)]))
        }
        return lines
    }

    /// The seated members with the sentence that says why each is in.
    static func members(_ result: SelectionResult, link: (@Sendable (String) -> String)? = nil) -> ReportTable {
        var table = ReportTable(["Group", "ID", "Name", "Rank", "Gender", "Country", "Region", "Development", "Why"], numeric: [3])
        let reasons = MemberReasons(result)
        for i in result.seated {
            let n = result.input.nominees[i]
            table.add([.init(n.group), .init(n.id, link: link?(n.id)), .init(n.name), .init(n.rank.map(String.init) ?? "–"), .init(Words.value("gender", n.gender)),
                       .init(n.country), .init(Words.value("region", n.region)), .init(Words.value("development", n.development)), .init(reasons.sentence(i))])
        }
        return table
    }
}
