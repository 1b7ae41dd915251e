// Runs a selection round (SPEC §4): coordinated, one integer program over all groups; or independent,
// one per group with only that group's quotas, body-wide quotas evaluated afterwards.

public struct SelectionOptions: Sendable {
    public var mode: SelectionMode
    /// Overrides the policy's seed.
    public var seed: UInt64?
    /// Wall-clock seconds for the whole round.
    public var timeLimit: Double?
    /// Lets another thread stop the round (it then throws `SolverError.cancelled`).
    public var cancellation: SolverCancellation?

    public init(mode: SelectionMode = .coordinated, seed: UInt64? = nil, timeLimit: Double? = nil, cancellation: SolverCancellation? = nil) {
        self.mode = mode
        self.seed = seed
        self.timeLimit = timeLimit
        self.cancellation = cancellation
    }
}

/// What every analysis of one input shares: standings, effective ranks, concrete quota rows.
public struct SelectionContext: Sendable {
    public var input: SelectionInput
    public var standings: [Standing]
    public var ranks: [Int]
    public var quotaRows: [QuotaRow]
    public var seed: UInt64
    public var seedDeclared: Bool
    public var notes: [String]

    public init(_ input: SelectionInput, seed: UInt64? = nil) {
        self.input = input
        let rules = input.policy.rules
        standings = input.nominees.map { Standing.of($0, rules: rules) }
        ranks = Ranking.effectiveRanks(input.nominees)
        quotaRows = QuotaRow.expand(policy: input.policy, nominees: input.nominees, standings: standings)
        self.seed = seed ?? input.policy.seed ?? Policy.defaultSeed
        seedDeclared = seed != nil || input.policy.seed != nil
        notes = []
        if let maxTerms = rules.maxTerms {
            for nominee in input.nominees where nominee.terms >= maxTerms {
                if nominee.status == .required {
                    notes.append("\(nominee.name) [\(nominee.id)] is required and is seated although they have served \(nominee.terms) terms (max_terms \(maxTerms))")
                } else if nominee.status == .continuing, rules.continuing == .keep {
                    notes.append("\(nominee.name) [\(nominee.id)] is continuing but has served \(nominee.terms) terms (max_terms \(maxTerms)), so is not seated")
                }
            }
        }
    }

    /// The model over `groups` with the quota rows that apply to them.
    public func model(groups: [String], rows: [QuotaRow]) -> SelectionModel {
        SelectionModel(input: input, standings: standings, ranks: ranks, quotaRows: rows, groups: groups, seed: seed)
    }
}

public enum Selector {
    public static func run(_ input: SelectionInput, options: SelectionOptions = SelectionOptions()) throws -> SelectionResult {
        try run(context: SelectionContext(input, seed: options.seed), mode: options.mode, deadline: Deadline.after(seconds: options.timeLimit),
                cancellation: options.cancellation)
    }

    /// Runs a round on a prepared context (whose quota rows a repair may have moved).
    public static func run(context: SelectionContext, mode: SelectionMode, deadline: Double?,
                           cancellation: SolverCancellation? = nil) throws -> SelectionResult {
        switch mode {
        case .coordinated: return try coordinated(context, deadline: deadline, cancellation: cancellation)
        case .independent: return try independent(context, deadline: deadline, cancellation: cancellation)
        }
    }

    /// The models a mode solves: one over all groups (coordinated), or one per group with that group's
    /// quotas (independent). Explanations re-solve the same models.
    public static func models(_ context: SelectionContext, mode: SelectionMode) -> [SelectionModel] {
        switch mode {
        case .coordinated:
            return [context.model(groups: context.input.policy.groups, rows: context.quotaRows)]
        case .independent:
            return context.input.policy.groups.map { group in context.model(groups: [group], rows: context.quotaRows.filter { $0.group == group }) }
        }
    }

    static func coordinated(_ context: SelectionContext, deadline: Double?, cancellation: SolverCancellation?) throws -> SelectionResult {
        let groups = context.input.policy.groups
        let failures = PreCheck.run(input: context.input, standings: context.standings, quotaRows: context.quotaRows, groups: groups)
        if !failures.isEmpty {
            return result(context, mode: .coordinated, status: .infeasible, seated: [], bound: nil, failures: failures, notes: [])
        }
        let start = Deadline.now()
        let model = models(context, mode: .coordinated)[0]
        let built = Deadline.now()
        let solution = try StagedSolver.solve(model.program, deadline: deadline, cancel: cancellation)
        var result = try finish(context, mode: .coordinated, solutions: [(model, solution)], failures: [])
        result.modelSeconds = built - start
        result.solveSeconds = Deadline.now() - built
        return result
    }

    static func independent(_ context: SelectionContext, deadline: Double?, cancellation: SolverCancellation?) throws -> SelectionResult {
        var solutions: [(SelectionModel, StagedSolution)] = []
        var failures: [PreCheckFailure] = []
        let start = Deadline.now()
        let all = models(context, mode: .independent)
        let built = Deadline.now()
        for model in all {
            let groupFailures = PreCheck.run(input: context.input, standings: context.standings, quotaRows: model.quotaRows, groups: model.groups)
            if !groupFailures.isEmpty { failures += groupFailures; continue }
            solutions.append((model, try StagedSolver.solve(model.program, deadline: deadline, cancel: cancellation)))
        }
        var result = try finish(context, mode: .independent, solutions: solutions, failures: failures)
        result.modelSeconds = built - start
        result.solveSeconds = Deadline.now() - built
        return result
    }

    private static func finish(_ context: SelectionContext, mode: SelectionMode, solutions: [(SelectionModel, StagedSolution)],
                               failures: [PreCheckFailure]) throws -> SelectionResult {
        var notes: [String] = []
        var seated: [Int] = []
        var status = SelectionResult.Status.optimal
        var infeasible = !failures.isEmpty
        var bound: Double? = 0
        for (model, solution) in solutions {
            let scope = mode == .independent ? model.groups.joined(separator: ", ") : "the body"
            switch solution.status {
            case .infeasible:
                infeasible = true
                notes.append("no panel of \(scope) meets every rule together, although no single count shows it; the diagnosis names the conflicting rules")
            case .timeLimit:
                guard let values = solution.values else {
                    throw SolverError.noAnswer("the time limit was reached before any panel was found for \(scope)")
                }
                status = .timeLimit
                notes.append("the time limit ended the search for \(scope) before optimality was proved: \(solution.detail)")
                for (j, on) in values.enumerated() where on { seated.append(model.columns[j]) }
            case .optimal:
                for (j, on) in (solution.values ?? []).enumerated() where on { seated.append(model.columns[j]) }
            }
            if let b = solution.primaryBound, let current = bound { bound = current + b } else { bound = nil }
        }
        if infeasible {
            return result(context, mode: mode, status: .infeasible, seated: [], bound: nil, failures: failures, notes: notes)
        }
        if context.input.policy.objective == .lexicographic { bound = nil }
        return result(context, mode: mode, status: status, seated: seated, bound: bound, failures: [], notes: notes)
    }

    /// Assembles a result: quota verdicts, group outcomes and the objective, computed from the panel.
    static func result(_ context: SelectionContext, mode: SelectionMode, status: SelectionResult.Status, seated: [Int],
                       bound: Double?, failures: [PreCheckFailure], notes: [String]) -> SelectionResult {
        let input = context.input
        let nominees = input.nominees
        let groupOrder = Dictionary(input.policy.groups.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = seated.sorted {
            let a = nominees[$0], b = nominees[$1]
            return (groupOrder[a.group] ?? 0, context.ranks[$0], a.id) < (groupOrder[b.group] ?? 0, context.ranks[$1], b.id)
        }
        var flags = [Bool](repeating: false, count: nominees.count)
        for i in ordered { flags[i] = true }
        let hasPanel = status != .infeasible
        let quotas = context.quotaRows.map { row -> QuotaOutcome in
            let count = row.members.filter { flags[$0] }.count
            let satisfied = hasPanel && (row.min.map { count >= $0 } ?? true) && (row.max.map { count <= $0 } ?? true)
            return QuotaOutcome(row: row, count: count, satisfied: satisfied, atLimit: hasPanel && (count == row.min || count == row.max),
                                enforced: mode == .coordinated || row.group != nil)
        }
        let groups = input.policy.seats.map { entry -> GroupOutcome in
            let members = ordered.filter { nominees[$0].group == entry.group }
            return GroupOutcome(group: entry.group, seats: entry.seats, seated: members.count,
                                rankSum: members.reduce(0) { $0 + context.ranks[$1] },
                                topChoicesSeated: members.filter { context.ranks[$0] <= entry.seats }.count)
        }
        var rankCounts: [(rank: Int, count: Int)] = []
        if input.policy.objective == .lexicographic, hasPanel {
            var counts: [Int: Int] = [:]
            for i in ordered where nominees[i].rank != nil { counts[context.ranks[i], default: 0] += 1 }
            rankCounts = counts.keys.sorted().map { ($0, counts[$0]!) }
        }
        return SelectionResult(input: input, mode: mode, status: status, seed: context.seed, seedDeclared: context.seedDeclared,
                               standings: context.standings, ranks: context.ranks, seated: ordered,
                               rankSum: hasPanel ? ordered.reduce(0) { $0 + context.ranks[$1] } : nil, rankCounts: rankCounts,
                               bound: hasPanel ? bound : nil, quotas: quotas, groups: groups, preCheckFailures: failures,
                               notes: context.notes + notes)
    }
}
