// Runs a selection round (docs/guide/run-a-round.md, "What a selection does"): coordinated, one integer program over all groups; or independent,
// one per group with only that group's quotas, body-wide quotas evaluated afterwards.

public struct SelectionOptions: Sendable {
    public var mode: SelectionMode
    /// Overrides the policy's seed.
    public var seed: UInt64?
    /// Wall-clock seconds for the whole round, every phase included (counted from these options' making).
    public var timeLimit: Double?
    /// What the round may spend: the deadline from `timeLimit`, the cancellation, GLPK's memory cap.
    public var budget: SolveBudget

    public init(mode: SelectionMode = .coordinated, seed: UInt64? = nil, timeLimit: Double? = nil, cancellation: SolverCancellation? = nil,
                memoryLimit: Int? = nil) {
        self.mode = mode
        self.seed = seed
        self.timeLimit = timeLimit
        budget = SolveBudget(seconds: timeLimit, cancellation: cancellation, memoryLimit: memoryLimit)
    }

    public var cancellation: SolverCancellation? { budget.cancellation }
}

public enum SelectionSolver {
    public static func run(_ input: SelectionInput, options: SelectionOptions = SelectionOptions()) throws -> SelectionResult {
        try run(context: SelectionContext(input, seed: options.seed).choosingAlone(budget: options.budget), mode: options.mode, budget: options.budget)
    }

    /// Runs a round on a prepared context (whose quota rows a repair may have moved), on this thread.
    public static func run(context: SelectionContext, mode: SelectionMode, budget: SolveBudget = .unlimited) throws -> SelectionResult {
        try context.backend.prepareThread(budget)
        switch mode {
        case .coordinated: return try coordinated(context, budget: budget)
        case .independent: return try independent(context, budget: budget)
        }
    }

    /// The models a mode solves (see `SelectionContext.models`).
    public static func models(_ context: SelectionContext, mode: SelectionMode) -> [SelectionModel] {
        context.models(mode: mode)
    }

    /// One model's staged solve: the objective, the seeded tie-break, and the proof that the seed
    /// singled out one panel.
    static func solve(_ model: SelectionModel, budget: SolveBudget) throws -> StagedSolution {
        try StagedProblem(model.program, backend: model.backend, refinement: model.tieBreakRefinement).solve(budget: budget)
    }

    static func coordinated(_ context: SelectionContext, budget: SolveBudget) throws -> SelectionResult {
        let groups = context.input.policy.groups
        let failures = PreCheck.run(input: context.input, standings: context.standings, quotaRows: context.quotaRows, groups: groups)
        if !failures.isEmpty {
            return result(context, mode: .coordinated, status: .infeasible, seated: [], bound: nil, failures: failures, notes: [])
        }
        let start = Deadline.now()
        let model = models(context, mode: .coordinated)[0]
        let built = Deadline.now()
        let solution = try solve(model, budget: budget)
        var result = try finish(context, mode: .coordinated, solutions: [(model, solution)], failures: [])
        result.modelSeconds = built - start
        result.solveSeconds = Deadline.now() - built
        return result
    }

    static func independent(_ context: SelectionContext, budget: SolveBudget) throws -> SelectionResult {
        var solutions: [(SelectionModel, StagedSolution)] = []
        var failures: [PreCheckFailure] = []
        let start = Deadline.now()
        let all = models(context, mode: .independent)
        let built = Deadline.now()
        for model in all {
            let groupFailures = PreCheck.run(input: context.input, standings: context.standings, quotaRows: model.quotaRows, groups: model.groups)
            if !groupFailures.isEmpty { failures += groupFailures; continue }
            solutions.append((model, try solve(model, budget: budget)))
        }
        var result = try finish(context, mode: .independent, solutions: solutions, failures: failures)
        result.modelSeconds = built - start
        result.solveSeconds = Deadline.now() - built
        return result
    }

    static func finish(_ context: SelectionContext, mode: SelectionMode, solutions: [(SelectionModel, StagedSolution)],
                               failures: [PreCheckFailure]) throws -> SelectionResult {
        var notes: [Message] = []
        var seated: [Int] = []
        var status = SelectionResult.Status.optimal
        var infeasible = !failures.isEmpty
        var tieBreakOpen = false
        var bound: Double? = 0
        for (model, solution) in solutions {
            let scope = mode == .independent ? model.groups.joined(separator: ", ") : QuotaScope.bodyWords
            let scoped: MessageValue = mode == .independent ? .list(model.groups.map(MessageValue.text)) : Message.part(.theBody)
            switch solution.status {
            case .infeasible:
                infeasible = true
                notes.append(Message(.noteHiddenConflict, ["scope": scoped]))
            case .timeLimit:
                guard let panel = solution.panel else {
                    throw SolverError.noAnswer("the time limit was reached before any panel was found for \(scope)")
                }
                let primary = model.program.objectives.count - 1
                if solution.provedStages >= primary {
                    // The objective is proved; only the seeded choice among equally good panels is not.
                    tieBreakOpen = true
                    notes.append(Message(.noteTieBreakCut, ["scope": scoped, "detail": solution.detail.isEmpty ? Message.part(.tieBreakUnfinished) : .text(solution.detail)]))
                } else {
                    status = .timeLimit
                    notes.append(Message(.noteNotProved, ["scope": scoped, "detail": .text(solution.detail)]))
                }
                for (j, on) in panel.enumerated() where on { seated.append(model.columns[j]) }
            case .optimal:
                for (j, on) in (solution.panel ?? []).enumerated() where on { seated.append(model.columns[j]) }
            }
            if let b = solution.primaryBound, let current = bound { bound = current + b } else { bound = nil }
        }
        if infeasible {
            return result(context, mode: mode, status: .infeasible, seated: [], bound: nil, failures: failures, notes: notes)
        }
        if context.input.policy.objective == .lexicographic { bound = nil }
        var outcome = result(context, mode: mode, status: status, seated: seated, bound: bound, failures: [], notes: notes)
        outcome.tieBreakFinished = !tieBreakOpen
        return outcome
    }

    /// Assembles a result: quota verdicts, group outcomes and the objective, computed from the panel.
    static func result(_ context: SelectionContext, mode: SelectionMode, status: SelectionResult.Status, seated: [Int],
                       bound: Double?, failures: [PreCheckFailure], notes: [Message]) -> SelectionResult {
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
            return QuotaOutcome(row: row, count: count, hasPanel: hasPanel, enforced: row.isEnforced(in: mode))
        }
        let groups = input.policy.seats.map { (group: $0.key, seats: $0.value) }.map { entry -> GroupOutcome in
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
        return SelectionResult(context: context, mode: mode, status: status, seated: ordered,
                               rankSum: hasPanel ? ordered.reduce(0) { $0 + context.ranks[$1] } : nil, rankCounts: rankCounts,
                               bound: hasPanel ? bound : nil, quotas: quotas, groups: groups, preCheckFailures: failures,
                               notes: context.notes.map(Message.inputNote) + notes)
    }
}
