// The fairest lottery over valid panels by column generation on GLPK (after Flanigan, Gölz, Gupta, Hennig
// and Procaccia, Nature 2021). The master LP chooses probabilities for the panels found so far to maximise
// the smallest chance of a seat; its duals weight the nominees, and the pricing problem — the selection
// integer program itself, every rule of the policy, with those weights as its objective, warm on one GLPK
// problem — finds the panel that would raise the minimum most. When no panel would, the stage is proved
// optimal: the pricing optimum bounds what any distribution can reach (LP duality). LEXIMIN then fixes the
// nominees whose dual weight is positive at that level and maximises the next one, until all are fixed.

import Foundation

public enum FairLottery {
    /// Pricing improvements at most this small end a stage (GLPK's own tolerances are about 1e-7
    /// relative); the proved gap is reported whatever it is.
    static let tolerance = 1e-9
    /// A dual weight above this fixes a nominee at the stage's level (LEXIMIN).
    static let fixingWeight = 1e-7

    public static func run(_ round: Round, method: LotteryMethod, budget: SolveBudget = .unlimited) throws -> LotteryResult {
        try run(context: try round.context(), mode: round.mode, method: method, budget: budget)
    }

    public static func run(context: SelectionContext, mode: SelectionMode, method: LotteryMethod, budget: SolveBudget = .unlimited) throws -> LotteryResult {
        let start = Deadline.now()
        try solverBackend.prepareThread(budget)
        let nominees = context.input.nominees
        // One model over every group: coordinated, with every rule; independent, with only the rules of
        // each group (the valid panels are then every combination of valid group panels).
        let rows = mode == .coordinated ? context.quotaRows : context.quotaRows.filter { $0.group != nil }
        let model = context.model(groups: context.input.policy.groups, rows: rows)
        let pricing = try solverBackend.session(for: model.program)
        let free = model.columns.indices.filter { model.fixedBy[$0] == nil }
        var result = LotteryResult(context: context, mode: mode, method: method, status: .optimal, distribution: [],
                                   probabilities: [Double](repeating: 0, count: nominees.count), minimum: 0, upperBound: 0,
                                   unseatable: [], levels: [], panelsGenerated: 0, stages: 0, notes: [])
        func panel(_ values: [Int]) -> [Int] { model.columns.indices.filter { values[$0] == 1 } }
        /// The best panel for column weights, and its weight (nil when no panel meets the rules).
        func price(_ weights: [Double]) throws -> (columns: [Int], value: Double, bound: Double)? {
            try pricing.setWeights(weights, minimize: false)
            let outcome = try pricing.solve(deadline: budget.deadline, cancel: budget.cancellation)
            switch outcome.status {
            case .optimal: return (panel(try pricing.values()), outcome.objective, outcome.objective)
            case .feasible: return (panel(try pricing.values()), outcome.objective, outcome.bound ?? .infinity)
            case .infeasible: return nil
            case .unknown: throw LotteryStop.deadline
            }
        }

        // Cover: panels that seat someone not yet in any panel, until nobody else can be seated.
        var panels: [[Int]] = []
        var seen: Set<[Int]> = []
        var covered = Set<Int>()
        do {
            while true {
                var weights = [Double](repeating: 0, count: model.columns.count)
                for j in free where !covered.contains(j) { weights[j] = 1 }
                guard let found = try price(weights) else {
                    if panels.isEmpty { result.status = .infeasible; return result }
                    break
                }
                if panels.isEmpty || found.value >= 0.5 { if seen.insert(found.columns).inserted { panels.append(found.columns) } }
                let fresh = found.columns.filter { free.contains($0) && !covered.contains($0) }
                if fresh.isEmpty { break }
                covered.formUnion(fresh)
            }
        } catch LotteryStop.deadline {
            throw SolverError.noAnswer("the time limit ended the lottery before every nominee who can be seated was found in a panel")
        }
        let seatable = free.filter { covered.contains($0) }
        result.unseatable = free.filter { !covered.contains($0) }.map { model.columns[$0] }
        var rowOf = [Int](repeating: -1, count: model.columns.count)
        for (r, j) in seatable.enumerated() { rowOf[j] = r }
        let convexity = seatable.count

        // The master LP: rows p_i − z ≥ 0 (or p_i ≥ level once fixed), Σ λ = 1; columns z and each λ_P.
        let master = try solverBackend.linearSession(rows: seatable.map { _ in (0.0, nil) } + [(1.0, 1.0)], maximize: true)
        func addPanel(_ columns: [Int]) throws -> Int {
            try master.addColumn(cost: 0, lower: 0, upper: nil,
                                 entries: columns.compactMap { rowOf[$0] >= 0 ? ($0, 1.0) : nil }.map { (rowOf[$0.0], $0.1) } + [(convexity, 1.0)])
        }
        var zColumn = try master.addColumn(cost: 1, lower: 0, upper: nil, entries: seatable.indices.map { ($0, -1.0) })
        var columnOfPanel: [Int] = [] // the master's column of panels[k]
        for p in panels { columnOfPanel.append(try addPanel(p)) }
        var fixed = [Double?](repeating: nil, count: seatable.count)
        var primal: [Double] = [], upper = 1.0
        stages: while true {
            result.stages += 1
            var stageLower = 0.0, stageUpper = 1.0
            do {
                while true {
                    let outcome = try master.solve(deadline: budget.deadline, cancel: budget.cancellation)
                    if outcome.status == .stopped { throw LotteryStop.deadline }
                    guard outcome.status == .optimal else { throw SolverError.noAnswer("the lottery's master problem ended \(outcome.status)") }
                    let (x, dual) = try master.solution()
                    primal = x
                    stageLower = outcome.objective
                    var weights = [Double](repeating: 0, count: model.columns.count)
                    for (r, j) in seatable.enumerated() { weights[j] = max(0, -dual[r]) }
                    guard let best = try price(weights) else { throw SolverError.noAnswer("no panel meets the rules any more") }
                    let improvement = best.bound - dual[convexity]
                    stageUpper = stageLower + max(0, improvement)
                    if improvement <= tolerance * max(1, abs(dual[convexity])) || !seen.insert(best.columns).inserted { break }
                    panels.append(best.columns)
                    columnOfPanel.append(try addPanel(best.columns))
                }
            } catch LotteryStop.deadline {
                result.status = .timeLimit
                result.notes.append("the time limit ended stage \(result.stages) with the minimum \(String(format: "%.6f", stageLower)) proved within \(String(format: "%.2e", max(0, stageUpper - stageLower))) of the best")
                if result.stages == 1 { upper = stageUpper }
                break stages
            }
            if result.stages == 1 { upper = stageUpper }
            let (_, dual) = try master.solution()
            let open = seatable.indices.filter { fixed[$0] == nil }
            guard method == .leximin, !open.isEmpty else { break }
            // Complementary slackness: a positive dual weight means the chance equals the level in every
            // optimal distribution, so it is fixed there and the next level is maximised.
            var fixing = open.filter { -dual[$0] > fixingWeight }
            if fixing.isEmpty { fixing = [open.max { -dual[$0] < -dual[$1] }!] }
            for r in fixing {
                fixed[r] = stageLower
                try master.setRowBounds(r, lower: max(0, stageLower - tolerance), upper: nil)
            }
            result.levels.append((stageLower, fixing.count))
            let still = open.filter { fixed[$0] == nil }
            if still.isEmpty { break }
            try master.setColumnBounds(zColumn, lower: 0, upper: 0)
            zColumn = try master.addColumn(cost: 1, lower: 0, upper: nil, entries: still.map { ($0, -1.0) })
        }

        // The distribution: the master's panel probabilities, normalised, in canonical order.
        var chosen: [(panel: [Int], probability: Double)] = []
        for (k, p) in panels.enumerated() {
            let value = columnOfPanel[k] < primal.count ? primal[columnOfPanel[k]] : 0
            if value > 1e-12 { chosen.append((p.map { model.columns[$0] }.sorted { nominees[$0].id < nominees[$1].id }, value)) }
        }
        let total = chosen.reduce(0) { $0 + $1.probability }
        chosen = chosen.map { ($0.panel, $0.probability / total) }
        chosen.sort { lexicographic(nominees, $0.panel, $1.panel) }
        result.distribution = chosen
        for (p, probability) in chosen { for i in p { result.probabilities[i] += probability } }
        result.minimum = result.eligible.map { result.probabilities[$0] }.min() ?? 1
        result.upperBound = max(upper, result.minimum)
        if method == .maximin { result.levels = [(result.minimum, seatable.count)] }
        result.panelsGenerated = panels.count
        result.seconds = Deadline.now() - start
        return result
    }

    /// Panels in canonical order: by their members' ids, compared one by one.
    static func lexicographic(_ nominees: [Nominee], _ a: [Int], _ b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where nominees[x].id != nominees[y].id { return nominees[x].id < nominees[y].id }
        return a.count < b.count
    }

    enum LotteryStop: Error { case deadline }
}
