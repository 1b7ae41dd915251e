// A round kept open while it is negotiated: its solver problem lives on a thread of its own, so each
// what-if moves only the bounds that differ and re-solves from the last basis instead of starting over.

public final class RoundSession: @unchecked Sendable {
    /// The round every question adjusts.
    public let round: Round
    /// The round's own result, the "before" of every answer.
    public let base: SelectionResult
    private let thread: SolverThread
    private let live: Live

    /// The problem kept on `thread` (touched only there), and how questions were answered.
    private final class Live: @unchecked Sendable {
        var staged: StagedProblem?
        var warm = 0
        var cold = 0
    }

    /// Solves the round on a new solver thread and keeps its problem there for what-ifs. `budget`'s
    /// memory cap applies to the thread; its deadline to this first solve.
    public init(_ round: Round, budget: SolveBudget = .unlimited) throws {
        self.round = round
        let memory = SolveBudget(memoryLimit: budget.memoryLimit)
        let backend = round.backend
        thread = SolverThread(prepare: { try? backend.prepareThread(memory) }, finish: { backend.finishThread() })
        let live = Live()
        self.live = live
        let context = try round.context(budget: budget)
        base = try thread.perform { try Self.solve(context, mode: round.mode, live: live, budget: budget) }
    }

    /// How many answers re-solved the kept problem (warm) and how many built one of their own (cold):
    /// cold when the question changes which rows exist (a bound that appears or vanishes, a changed
    /// seat count's percentages) or the mode is independent.
    public var solveCounts: (warm: Int, cold: Int) { (try? thread.perform { (self.live.warm, self.live.cold) }) ?? (0, 0) }

    /// The round with `adjustments` added, solved, and its difference from the round's own result.
    /// Unknown ids, rows and groups are an `InputError`, as for `Round.context()`.
    public func whatIf(_ adjustments: [Adjustment], budget: SolveBudget = .unlimited) throws -> WhatIf {
        let context = try round.adjusted(adjustments).context(budget: budget)
        let (live, mode) = (live, round.mode)
        let result = try thread.perform { try Self.solve(context, mode: mode, live: live, budget: budget) }
        return WhatIf(adjustments: adjustments, base: base, result: result)
    }

    /// Ends the solver thread (the session answers no more questions).
    public func close() {
        try? thread.perform { self.live.staged = nil }
        thread.close()
    }

    deinit { close() }

    /// On the solver thread: the coordinated model re-solved warm on the kept problem when only its
    /// bounds differ, otherwise solved as `SelectionSolver` would. Either way the panel is the one the
    /// rules and the seed single out (proved unique), so warm and cold answers are the same.
    private static func solve(_ context: SelectionContext, mode: SelectionMode, live: Live, budget: SolveBudget) throws -> SelectionResult {
        guard mode == .coordinated,
              PreCheck.run(input: context.input, standings: context.standings, quotaRows: context.quotaRows, groups: context.input.policy.groups).isEmpty
        else {
            live.cold += 1
            return try SelectionSolver.run(context: context, mode: mode, budget: budget)
        }
        let start = Deadline.now()
        let model = context.models(mode: .coordinated)[0]
        let built = Deadline.now()
        let staged: StagedProblem
        if let kept = live.staged, try kept.rebound(to: model.program) {
            staged = kept
            live.warm += 1
        } else {
            staged = try StagedProblem(model.program, backend: model.backend, refinement: model.tieBreakRefinement)
            if live.staged == nil { live.staged = staged }
            live.cold += 1
        }
        let solution: StagedSolution
        do {
            solution = try staged.solve(budget: budget)
        } catch {
            // A fault may have left the kept problem unusable: the next question builds a fresh one.
            if staged === live.staged { live.staged = nil }
            throw error
        }
        var result = try SelectionSolver.finish(context, mode: .coordinated, solutions: [(model, solution)], failures: [])
        result.modelSeconds = built - start
        result.solveSeconds = Deadline.now() - built
        return result
    }
}
