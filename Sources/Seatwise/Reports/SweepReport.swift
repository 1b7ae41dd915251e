// The report of `what-if --sweep`: per bound the status, the rank sum and its rise, each group's rank sum,
// and the composition, in text, JSON or CSV; then the first bound at which no panel meets the rules.

import Foundation

public enum SweepReport {
    public static func render(_ sweep: CostOfBalance, format: ReportFormat) throws -> String {
        switch format {
        case .json: return try JSONReport.encode(Document(sweep))
        case .csv: return csv(sweep)
        default: return text(sweep)
        }
    }

    /// The cost of balance in one sentence: from the unadjusted panel's rank sum to the last feasible step's.
    public static func summary(_ sweep: CostOfBalance) -> String {
        let feasible = sweep.points.filter(\.feasible)
        var out = phrase("{rule} swept over {count#bound}", ["rule": .text(sweep.sweep.row), "count": .number(sweep.points.count)])
        if let first = feasible.first, let last = feasible.last, let a = first.result.rankSum, let b = last.result.rankSum {
            out += phrase("; rank sum {a} at {first}, {b} at {last}", ["a": .number(a), "first": .text(first.bound), "b": .number(b), "last": .text(last.bound)])
        }
        out += "; " + infeasibleWords(sweep)
        return out
    }

    /// Where no panel meets the rules, as it is: "from min = 13" only when every later bound has none too.
    static func infeasibleWords(_ sweep: CostOfBalance) -> String {
        let none = sweep.points.filter { !$0.feasible }
        guard let first = none.first, let last = none.last else { return term("every bound has a panel") }
        if none.count == 1 { return phrase("no panel meets the rules at {bound} only", ["bound": .text(first.bound)]) }
        if last.bound == sweep.points.last!.bound, none.count == sweep.points.count - sweep.points.firstIndex(where: { !$0.feasible })! {
            return phrase("no panel meets the rules from {bound} on", ["bound": .text(first.bound)])
        }
        if first.bound == sweep.points.first!.bound, none.count == (sweep.points.firstIndex(where: \.feasible) ?? none.count) {
            return phrase("no panel meets the rules up to {bound}", ["bound": .text(last.bound)])
        }
        return phrase("no panel meets the rules at {bounds}", ["bounds": .text(none.map(\.bound).joined(separator: ", "))])
    }

    static func text(_ sweep: CostOfBalance) -> String {
        let base = sweep.base
        var out = phrase("Seatwise what-if sweep: {body}, {mode}, seed {seed}", ["body": .text(base.policy.body), "mode": .text(term(base.mode.rawValue)), "seed": .text(String(base.seed))]) + "\n"
        out += "  " + phrase("Unadjusted panel: {status}, rank sum {sum}", ["status": .text(term(base.status.rawValue)), "sum": .text(base.rankSum.map(String.init) ?? term("none"))]) + "\n"
        out += "  \(summary(sweep))\n\n"
        let groups = base.policy.groups
        let values = sweep.values
        var table = TextTable(["Bound", "Status", "Rank sum", "Change"] + groups.map { phrase("{group} rank sum", ["group": .text($0)]) }
                              + values.map { "\(Words.attribute($0.attribute)) \(Words.value($0.attribute, $0.value))" })
        for point in sweep.points {
            let r = point.result
            guard point.feasible else {
                table.add([point.bound, term("infeasible")] + Array(repeating: "–", count: 2 + groups.count + values.count))
                continue
            }
            let change = point.answer.objectiveChange.map { $0 == 0 ? "0" : ($0 > 0 ? "+\($0)" : "\($0)") } ?? "–"
            table.add([point.bound, term(r.status.rawValue), r.rankSum.map(String.init) ?? "–", change]
                      + groups.map { g in r.groups.first { $0.group == g }.map { "\($0.rankSum)" } ?? "–" }
                      + (sweep.composition(point) ?? []).map(String.init))
        }
        out += table.render()
        return out
    }

    static func csv(_ sweep: CostOfBalance) -> String {
        let base = sweep.base
        let groups = base.policy.groups
        let values = sweep.values
        var out = CSVCell.row(["rule", "side", "bound", "status", "rank_sum", "change"] + groups.map { "rank_sum[\($0)]" } + values.map { "\($0.attribute)[\($0.value)]" }
                              + CSVCell.provenanceHeader)
        let provenance = CSVCell.provenance(body: base.policy.body, mode: base.mode.rawValue, objective: base.policy.objective.rawValue, seed: base.seed,
                                            nominations: base.input.nominations.sha256, policy: base.input.policyFile.sha256)
        for point in sweep.points {
            let r = point.result
            let bound = point.value
            let cells: [String] = point.feasible
                ? [r.rankSum.map(String.init) ?? "", point.answer.objectiveChange.map(String.init) ?? ""]
                    + groups.map { g in r.groups.first { $0.group == g }.map { "\($0.rankSum)" } ?? "" } + (sweep.composition(point) ?? []).map(String.init)
                : Array(repeating: "", count: 2 + groups.count + values.count)
            out += CSVCell.row([sweep.sweep.row, sweep.sweep.side.rawValue, bound, point.feasible ? r.status.rawValue : "infeasible"] + cells + provenance)
        }
        return out
    }

    struct Document: Encodable {
        struct GroupSum: Encodable { var group: String, rankSum: Int }
        struct Count: Encodable { var attribute: String, value: String, count: Int }
        /// Lists, not mappings, so that group names and values are never taken for JSON keys.
        struct Step: Encodable {
            var bound: String, status: String, rankSum: Int?, change: Int?
            var groups: [GroupSum]?
            var composition: [Count]?
            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(bound, forKey: .bound); try c.encode(status, forKey: .status); try c.encode(rankSum, forKey: .rankSum)
                try c.encode(change, forKey: .change); try c.encode(groups, forKey: .groups); try c.encode(composition, forKey: .composition)
            }
            enum Keys: String, CodingKey { case bound, status, rankSum, change, groups, composition }
        }
        var tool: SelectionDocument.Tool
        var body: String, mode: String, seed: UInt64
        var rule: String, side: String
        var baseRankSum: Int?
        var steps: [Step]
        /// The first bound (in the order swept) with no panel (null when every bound has one), and every such bound.
        var firstInfeasible: String?
        var infeasibleBounds: [String]
        var summary: String

        init(_ sweep: CostOfBalance) {
            let base = sweep.base
            tool = .init(name: "seatwise", version: SeatwiseTool.version, glpk: SeatwiseTool.glpkVersion)
            body = base.policy.body; mode = base.mode.rawValue; seed = base.seed
            rule = sweep.sweep.row; side = sweep.sweep.side.rawValue
            baseRankSum = base.rankSum
            let values = sweep.values
            steps = sweep.points.map { point in
                let r = point.result
                let bound = point.value
                guard point.feasible else { return Step(bound: bound, status: "infeasible", rankSum: nil, change: nil, groups: nil, composition: nil) }
                let composition = zip(values, sweep.composition(point) ?? []).map { Count(attribute: $0.attribute, value: $0.value, count: $1) }
                return Step(bound: bound, status: r.status.rawValue, rankSum: r.rankSum, change: point.answer.objectiveChange,
                            groups: r.groups.map { GroupSum(group: $0.group, rankSum: $0.rankSum) }, composition: composition)
            }
            firstInfeasible = sweep.firstInfeasible?.value
            infeasibleBounds = sweep.points.filter { !$0.feasible }.map(\.value)
            summary = SweepReport.summary(sweep)
        }
    }
}
