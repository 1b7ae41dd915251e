// The fairest lottery over valid panels by column generation on GLPK (after Flanigan, Gölz, Gupta, Hennig
// and Procaccia, Nature 2021). The master LP chooses probabilities for the panels found so far to maximise
// the smallest chance of a seat; its duals weight the nominees, and the pricing problem — the selection
// integer program itself, every rule of the policy, with those weights as its objective, warm on one GLPK
// problem — finds the panel that would raise the minimum most. When no panel would, the stage is proved
// optimal: the pricing optimum bounds what any distribution can reach (LP duality). LEXIMIN then fixes the
// nominees whose dual weight is positive at that level and maximises the next one, until all are fixed.
// All of it runs over classes of interchangeable nominees (NomineeClasses): y is a class's total weight,
// a panel its count vector, and PanelExpansion turns the answer into panels of people.

import Foundation

public enum FairLottery {
    /// Pricing improvements at most this small end a stage (GLPK's own tolerances are about 1e-7
    /// relative); the proved gap is reported whatever it is.
    static let tolerance = 1e-9
    /// A dual weight above this fixes a nominee at the stage's level (LEXIMIN).
    static let fixingWeight = 1e-7
    /// Panels the master gives less than this are left out (their weight is rounding), the rest renormalised.
    static let negligible = 1e-9
    /// How far toward the stability centre the pricing point starts (0: plain column generation).
    static let smoothing = 0.5
    /// Panels priced at weights near the pricing point, per master solve, and how far they are moved.
    static let extraPanels = 3
    static let jitter = 0.5

    /// A fixed pseudo-random sequence in [−1, 1] (SplitMix64 of the round, the attempt and the row): the
    /// nearby weights, and so the panels and the distribution, are the same on every run.
    struct Noise {
        var round: UInt64 = 0
        func next(_ attempt: Int, _ row: Int) -> Double {
            var z = round &* 0x9E3779B97F4A7C15 &+ UInt64(attempt) &* 0xBF58476D1CE4E5B9 &+ UInt64(row) &* 0x94D049BB133111EB
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 52) * 2 - 1
        }
    }

    public static func run(_ round: Round, method: LotteryMethod, budget: SolveBudget = .unlimited) throws -> LotteryResult {
        try run(context: try round.context(budget: budget), mode: round.mode, method: method, budget: budget)
    }

    public static func run(context: SelectionContext, mode: SelectionMode, method: LotteryMethod, budget: SolveBudget = .unlimited) throws -> LotteryResult {
        // A lottery is fair to each nominee; a person applying for several places is several nominees,
        // so its chances would be fair to applications, not to people: refused until it is fair to people.
        if context.input.nominees.contains(where: { $0.person != $0.id }) {
            throw InputError([InputDiagnostic(file: context.input.nominations.path, key: "bodies",
                                              message: "a lottery is not available when people apply for several places: its chances would be fair to applications, not to people; give each person one place, or choose by rank (objective: rank-sum)")])
        }
        let start = Deadline.now()
        try context.backend.prepareThread(budget)
        let nominees = context.input.nominees
        // One model over every group: coordinated, with every rule; independent, with only the rules of
        // each group (the valid panels are then every combination of valid group panels).
        let rows = context.quotaRows.filter { $0.isEnforced(in: mode) }
        let model = context.model(groups: context.input.policy.groups, rows: rows)
        let classes = NomineeClasses(model)
        let pricing = try context.backend.session(for: classes.program)
        let free = (0..<classes.count).filter { model.fixedBy[classes.members[$0][0]] == nil }
        let isFree = Set(free)
        let size = (0..<classes.count).map { Double(classes.size($0)) }
        var result = LotteryResult(context: context, mode: mode, method: method, status: .optimal, distribution: [],
                                   probabilities: [Double](repeating: 0, count: nominees.count), minimum: 0, upperBound: 0,
                                   unseatable: [], levels: [], panelsGenerated: 0, stages: 0, notes: [])
        /// The best count vector for per-person weights of each class, and its weight (nil when no panel
        /// meets the rules).
        var pricingSeconds = 0.0, masterSeconds = 0.0, pricings = 0
        func price(_ weights: [Double]) throws -> (columns: [Int], value: Double, bound: Double)? {
            try pricing.setWeights(weights, minimize: false)
            let t = Deadline.now()
            defer { pricingSeconds += Deadline.now() - t; pricings += 1 }
            let outcome = try pricing.solve(deadline: budget.deadline, cancel: budget.cancellation)
            switch outcome.status {
            case .optimal: return (try pricing.values(), outcome.objective, outcome.objective)
            case .feasible: return (try pricing.values(), outcome.objective, outcome.bound ?? .infinity)
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
                var weights = [Double](repeating: 0, count: classes.count)
                for c in free where !covered.contains(c) { weights[c] = 1 }
                guard let found = try price(weights) else {
                    if panels.isEmpty { result.status = .infeasible; return result }
                    break
                }
                if panels.isEmpty || found.value >= 0.5 { if seen.insert(found.columns).inserted { panels.append(found.columns) } }
                let fresh = found.columns.indices.filter { found.columns[$0] > 0 && isFree.contains($0) && !covered.contains($0) }
                if fresh.isEmpty { break }
                covered.formUnion(fresh)
            }
        } catch LotteryStop.deadline {
            throw SolverError.noAnswer("the time limit ended the lottery before every nominee who can be seated was found in a panel")
        }
        result.coverSeconds = Deadline.now() - start
        let seatable = free.filter { covered.contains($0) }
        result.classes = classes.count
        result.unseatable = free.filter { !covered.contains($0) }.flatMap { classes.members[$0].map { model.columns[$0] } }.sorted()
        let people = (0..<classes.count).map { classes.members[$0].map { model.columns[$0] }.sorted { nominees[$0].id < nominees[$1].id } }
        if classes.count < model.columns.count {
            result.notes.append(Message(.lotteryClasses, ["nominees": .number(model.columns.count), "classes": .number(classes.count)]))
        }
        if seatable.isEmpty {
            // Nobody is left to choose (fixed members fill every seat, or no one free can be seated): the one
            // panel found is the lottery, with certainty.
            let only = try PanelExpansion.expand([(panels[0], 1)], members: people, backend: context.backend)[0].panel.sorted { nominees[$0].id < nominees[$1].id }
            result.distribution = [(only, 1)]
            (result.classMembers, result.patterns) = (people, [(panels[0], 1)])
            for i in only { result.probabilities[i] = 1 }
            (result.minimum, result.upperBound, result.stages, result.panelsGenerated) = (1, 1, 0, 1)
            result.notes.append(Message(.lotteryNobodyToChoose))
            result.seconds = Deadline.now() - start
            return result
        }
        var rowOf = [Int](repeating: -1, count: classes.count)
        for (r, c) in seatable.enumerated() { rowOf[c] = r }

        // The master LP, written as its dual so that each panel is a row (a cut) and every re-solve is a
        // warm dual simplex: columns y_r ≥ 0 (one per class that can be seated) and π free; minimise
        // π − Σ_fixed v_r·y_r subject to Σ_open y_r ≥ 1 and, for every count vector n, π − Σ_r (n_r/|r|)·y_r ≥ 0
        // (y_r is class r's total weight, spread evenly over its members).
        // Its optimum is the best minimum over the panels found; each panel's probability is its row's dual.
        let master = try context.backend.linearSession(rows: [], maximize: false)
        for _ in seatable { try master.addColumn(cost: 0, lower: 0, upper: nil, entries: []) }
        let pi = try master.addColumn(cost: 1, lower: 0, upper: nil, entries: [])
        var coverage = try master.addRow(entries: seatable.indices.map { ($0, 1.0) }, lower: 1, upper: nil)
        func addPanel(_ columns: [Int]) throws -> Int {
            try master.addRow(entries: [(pi, 1.0)] + columns.indices.compactMap { c in
                rowOf[c] >= 0 && columns[c] > 0 ? (rowOf[c], -Double(columns[c]) / size[c]) : nil }, lower: 0, upper: nil)
        }
        var rowOfPanel: [Int] = [] // the master's row of panels[k]
        for p in panels { rowOfPanel.append(try addPanel(p)) }
        var fixed = [Double?](repeating: nil, count: seatable.count)
        /// How far the floors have been lowered in all, and at most.
        var relaxed = 0.0
        let maximumRelaxation = 1e-6
        func setFloors() throws {
            var costs = [Double](repeating: 0, count: seatable.count + 1)
            for (r, v) in fixed.enumerated() { if let v { costs[r] = -v } }
            costs[pi] = 1
            try master.setObjective(costs)
        }
        var panelDual: [Double] = [], upper = 1.0
        // The first stage's best bound and the class weights that gave it: published as a certificate.
        var certificate: (weights: [Double], bound: Double)?
        var stageOneLower = 0.0
        var proof: [Double] = []
        stages: while true {
            result.stages += 1
            var stageLower = 0.0, stageUpper = 1.0
            // Dual smoothing (Wentges): price at a point between the master's weights and the stability
            // centre, the weights with the best bound so far. Every such point is feasible for the dual, so
            // its pricing optimum is a valid bound; the centre proves the stage's optimum when it meets the
            // master's value. It damps the oscillation that makes plain column generation tail off.
            var center: [Double]?
            var centerBound = Double.infinity
            var alpha = smoothing, misses = 0
            var noise = Noise()
            proof = []
            do {
                while true {
                    noise.round += 1
                    let t = Deadline.now()
                    let outcome = try master.solve(deadline: budget.deadline, cancel: budget.cancellation)
                    masterSeconds += Deadline.now() - t
                    if outcome.status == .stopped { throw LotteryStop.deadline }
                    if outcome.status == .unbounded && result.stages > 1 && relaxed < maximumRelaxation {
                        // The floors of earlier levels, met by the last distribution only to the LP's
                        // tolerance, left no distribution meeting all of them: lower every floor a little
                        // (by at most 1e-6 in all) and solve again.
                        let step = relaxed == 0 ? 1e-8 : relaxed * 9
                        relaxed += step
                        for r in fixed.indices { if let v = fixed[r] { fixed[r] = max(0, v - step) } }
                        try setFloors()
                        continue
                    }
                    guard outcome.status == .optimal else { throw SolverError.noAnswer("the lottery's master problem ended \(outcome.status)") }
                    let (x, dual) = try master.solution()
                    panelDual = dual
                    stageLower = outcome.objective
                    let masterWeights = Array(x[0..<seatable.count]).map { max(0, $0) }
                    let point = center.map { c in zip(c, masterWeights).map { alpha * $0 + (1 - alpha) * $1 } } ?? masterWeights
                    var weights = [Double](repeating: 0, count: classes.count)
                    for (r, c) in seatable.enumerated() { weights[c] = point[r] / size[c] }
                    guard let best = try price(weights) else { throw SolverError.noAnswer("no panel meets the rules any more") }
                    var fixedPart = 0.0
                    for (r, v) in fixed.enumerated() { if let v { fixedPart += point[r] * v } }
                    let bound = best.bound - fixedPart
                    if bound < centerBound {
                        (center, centerBound) = (point, bound)
                        if result.stages == 1 { certificate = (point, bound) }
                    }
                    stageUpper = max(stageLower, centerBound)
                    let proved = { (b: Double) in b - stageLower <= tolerance * max(1, abs(stageLower)) }
                    if alpha == 0 && proved(bound) {
                        // The master's own weights are proved optimal: a basic solution, whose positive
                        // weights mark exactly who is held at this level (complementary slackness).
                        proof = masterWeights
                        break
                    }
                    if proved(centerBound) {
                        // The centre's weights prove the stage. Any optimal weights serve as the proof (a
                        // positive weight holds its class at the level in every optimal distribution), so
                        // once the master's own have been priced exactly, the centre's end the stage.
                        if alpha == 0, let center { proof = center; break }
                        alpha = 0; misses = 0; continue
                    }
                    // The panel's cut: violated when its weight exceeds the master's π.
                    let gain = best.columns.indices.reduce(0) { $0 + (rowOf[$1] >= 0 ? masterWeights[rowOf[$1]] * Double(best.columns[$1]) / size[$1] : 0) } - x[pi]
                    let fresh = seen.insert(best.columns).inserted
                    if fresh {
                        panels.append(best.columns)
                        rowOfPanel.append(try addPanel(best.columns))
                    }
                    if alpha == 0 && !fresh {
                        // Exact pricing returned a panel the master already holds: nothing improves it beyond
                        // rounding, so its weights stand as the proof.
                        proof = masterWeights
                        stageUpper = max(stageLower, min(centerBound, bound))
                        break
                    }
                    // More cuts per master solve: a master re-solve costs a hundred pivots or more, a pricing
                    // a few milliseconds, so panels best for nearby weights are added with this one.
                    if alpha > 0 || fresh {
                        for k in 0..<extraPanels {
                            var nearby = weights
                            for (r, c) in seatable.enumerated() { nearby[c] = point[r] / size[c] * (1 + jitter * noise.next(k, r)) }
                            guard let other = try price(nearby), seen.insert(other.columns).inserted else { continue }
                            panels.append(other.columns)
                            rowOfPanel.append(try addPanel(other.columns))
                        }
                    }
                    if gain > tolerance && fresh { misses = 0 } else {
                        misses += 1
                        // Mis-priced: move toward the master's weights; at 0 the pricing is exact column generation.
                        alpha = misses >= 2 ? 0 : alpha / 2
                    }
                }
            } catch LotteryStop.deadline {
                result.status = .timeLimit
                result.notes.append(Message(.lotteryStageCut, ["stage": .number(result.stages), "minimum": .text(String(format: "%.6f", stageLower)),
                                                               "bound": .text(String(format: "%.6f", min(1, stageUpper)))]))
                if result.stages == 1 { (upper, stageOneLower) = (stageUpper, stageLower) }
                break stages
            }
            if result.stages == 1 { (upper, stageOneLower) = (stageUpper, stageLower) }
            let open = seatable.indices.filter { fixed[$0] == nil }
            guard method == .leximin, !open.isEmpty else { break }
            // Complementary slackness: a positive weight in the solution that proved the level means the
            // chance equals the level in every optimal distribution, so it is fixed there and the next
            // level is maximised.
            if proof.isEmpty { proof = seatable.indices.map { _ in 0 } }
            var fixing = open.filter { proof[$0] > fixingWeight }
            if fixing.isEmpty { fixing = [open.max { proof[$0] < proof[$1] }!] }
            for r in fixing { fixed[r] = max(0, stageLower - tolerance) }
            let held = fixing.reduce(0) { $0 + classes.size(seatable[$1]) }
            // A level equal to the last one (to the tolerance) is the same level found in two steps.
            if let last = result.levels.last, abs(last.probability - stageLower) <= 1e-7 {
                result.levels[result.levels.count - 1].nominees += held
            } else {
                result.levels.append((stageLower, held))
            }
            let still = open.filter { fixed[$0] == nil }
            if still.isEmpty { break }
            // The next level: the fixed nominees' floors enter the objective, the open ones the coverage row.
            try setFloors()
            try master.setRowBounds(coverage, lower: nil, upper: nil)
            coverage = try master.addRow(entries: still.map { ($0, 1.0) }, lower: 1, upper: nil)
        }

        if relaxed > 0 {
            result.notes.append(Message(.lotteryFloorsLowered, ["by": .text(String(format: "%.0e", relaxed))]))
        }
        // The distribution: the master's count-vector probabilities, normalised, made panels of people, in
        // canonical order.
        var counted: [(counts: [Int], probability: Double)] = []
        for (k, p) in panels.enumerated() {
            let value = rowOfPanel[k] < panelDual.count ? abs(panelDual[rowOfPanel[k]]) : 0
            if value > negligible { counted.append((p, value)) }
        }
        if counted.isEmpty {
            // The time limit came before the master's first solve: the panels found so far, which seat
            // everyone who can be seated, equally likely.
            counted = panels.map { ($0, 1) }
            result.notes.append(Message(.lotteryFirstDistributionCut, ["patterns": .number(panels.count)]))
        }
        let total = counted.reduce(0) { $0 + $1.probability }
        counted = counted.map { ($0.counts, $0.probability / total) }
        (result.classMembers, result.patterns) = (people, counted.sorted { $0.counts.lexicographicallyPrecedes($1.counts) })
        let t = Deadline.now()
        var chosen = try PanelExpansion.expand(counted, members: people, backend: context.backend).map { (panel: $0.panel.sorted { nominees[$0].id < nominees[$1].id }, probability: $0.probability) }
        result.expansionSeconds = Deadline.now() - t
        chosen.sort { lexicographic(nominees, $0.panel, $1.panel) }
        result.distribution = chosen
        for (p, probability) in chosen { for i in p { result.probabilities[i] += probability } }
        result.minimum = result.eligible.map { result.probabilities[$0] }.min() ?? 1
        if let (weights, bound) = certificate {
            // Per person: a class's weight spread evenly over its members, all scaled to sum to 1. No valid
            // panel weighs more than the bound, so no lottery gives each of them more (the weighted mean of
            // their chances is a panel's expected weight).
            let sum = weights.reduce(0, +)
            var perPerson = [Double](repeating: 0, count: nominees.count)
            for (r, c) in seatable.enumerated() where weights[r] > 0 {
                for j in classes.members[c] { perPerson[model.columns[j]] = weights[r] / size[c] / sum }
            }
            result.certificate = (perPerson, bound / sum)
            upper = min(upper, max(stageOneLower, bound / sum))
        }
        result.upperBound = min(1, max(upper, result.minimum))
        if method == .maximin { result.levels = [(result.minimum, seatable.reduce(0) { $0 + classes.size($1) })] }
        result.panelsGenerated = panels.count
        result.seconds = Deadline.now() - start
        (result.pricingSeconds, result.masterSeconds, result.pricings) = (pricingSeconds, masterSeconds, pricings)
        return result
    }

    /// Panels in canonical order: by their members' ids, compared one by one.
    static func lexicographic(_ nominees: [Nominee], _ a: [Int], _ b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where nominees[x].id != nominees[y].id { return nominees[x].id < nominees[y].id }
        return a.count < b.count
    }

    enum LotteryStop: Error { case deadline }
}
