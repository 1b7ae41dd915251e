// Answers "what is the best panel if this changed?" on one GLPK problem, re-solved from its last basis:
// force a nominee in or out, or move one bound. Among the best such panels it returns the one closest
// to the chosen panel, so "who changes" is as short as it can be, and among those the one the seed
// prefers, proved unique: the answer depends on the inputs and seed alone, never on the questions asked
// before it. Confined to one thread.

public final class CounterfactualSolver {
    public let model: SelectionModel
    public let chosen: [Bool]
    private let staged: StagedProblem

    /// `chosen` holds one flag per model column.
    public init(model: SelectionModel, chosen: [Bool]) throws {
        self.model = model
        self.chosen = chosen
        var program = model.program
        let tieBreak = program.objectives.removeLast()
        // Every panel has the same size (seats are exact), so "fewest newcomers" is "most members kept":
        // a row over the chosen panel's columns only, far sparser than one over everyone else.
        program.objectives.append(.init(label: "closeness: keep as many members of the chosen panel as possible",
                                        minimize: false, coefficients: chosen.map { $0 ? 1 : 0 }))
        program.objectives.append(tieBreak)
        staged = try StagedProblem(program, backend: model.backend, refinement: model.tieBreakRefinement)
        // Solved first, from the fresh problem: the reduced costs (which differ between the optimal
        // bases of a degenerate relaxation) then never depend on the questions asked before.
        try staged.session.setObjective(program.objectives[0])
        relaxation = try staged.session.reducedCosts()
    }

    public struct Answer: Sendable {
        public enum Status: Sendable, Equatable {
            /// The best panel under the change was found and proved best.
            case answered
            /// No panel meets the rules under the change (proved).
            case impossible
            /// The time limit ended the search before the answer was proved.
            case unknown
            /// Proved worse by at least this much (objective units, at the first stage) by the LP
            /// relaxation alone; the panel itself was not computed.
            case worseByAtLeast(Int)
        }
        public var status: Status
        /// The panel, when answered.
        public var panel: [Bool]?
        public var score: PanelScore?
        /// Model columns that enter and leave relative to the chosen panel.
        public var entering: [Int]
        public var leaving: [Int]

        static func without(_ status: Status) -> Answer { Answer(status: status, panel: nil, score: nil, entering: [], leaving: []) }
    }

    /// The best panel with column `j` forced to `value` (1 = seated).
    public func forcing(_ j: Int, to value: Int, budget: SolveBudget = .unlimited) throws -> Answer {
        try staged.force(ColumnIndex(j), to: value)
        defer { try? staged.force(ColumnIndex(j), to: nil) }
        return try answer(budget)
    }

    /// Tries to prove, from the LP relaxation alone, that every panel with column `j` forced to `value`
    /// is worse than the chosen one in the first objective: `.worseByAtLeast(k)` when it is, nil when the
    /// relaxation cannot tell (then `forcing` answers exactly).
    public func provedWorse(_ j: Int, to value: Int, budget: SolveBudget = .unlimited) throws -> Answer? {
        // First from the unforced relaxation's reduced costs (one LP for all questions), then by
        // re-solving the relaxation with the column forced.
        if let worse = reducedCostBound(j, to: value), worse >= 1 { return Answer.without(.worseByAtLeast(worse)) }
        try staged.force(ColumnIndex(j), to: value)
        defer { try? staged.force(ColumnIndex(j), to: nil) }
        let first = staged.program.objectives[0]
        try staged.session.setObjective(first)
        let relaxed = try staged.session.relaxationBound(deadline: budget.deadline, cancel: budget.cancellation)
        guard !relaxed.infeasible, let bound = relaxed.bound else { return nil }
        let chosenValue = staged.program.value(of: first, at: chosen)
        // Integer objective: the best integer value is the bound rounded toward the worse side.
        let worse = first.minimize ? Int((bound - 1e-6).rounded(.up)) - chosenValue : chosenValue - Int((bound + 1e-6).rounded(.down))
        return worse >= 1 ? Answer.without(.worseByAtLeast(worse)) : nil
    }

    /// The unforced relaxation of the first objective, solved once: its optimum and reduced costs.
    private let relaxation: ReducedCosts?

    /// How much worse (at least) every panel is with column `j` forced to `value`, from the relaxation's
    /// reduced cost; nil unless the column is nonbasic at the other bound in the relaxation.
    private func reducedCostBound(_ j: Int, to value: Int) -> Int? {
        guard let relaxation, let nonbasic = relaxation.costs[j], nonbasic.at != value else { return nil }
        let objective = relaxation.objective
        let d = nonbasic.cost
        let first = staged.program.objectives[0]
        let chosenValue = staged.program.value(of: first, at: chosen)
        return first.minimize ? Int((objective + abs(d) - 1e-6).rounded(.up)) - chosenValue
            : chosenValue - Int((objective - abs(d) + 1e-6).rounded(.down))
    }

    /// The best panel with program row `k` given the bounds `lower`…`upper`.
    public func relaxing(row k: Int, lower: Int?, upper: Int?, budget: SolveBudget = .unlimited) throws -> Answer {
        try staged.setRowBounds(RowIndex(k), lower: lower, upper: upper)
        defer { try? staged.restoreRow(RowIndex(k)) }
        return try answer(budget)
    }

    private func answer(_ budget: SolveBudget) throws -> Answer {
        let solution = try staged.solve(budget: budget)
        switch solution.status {
        case .infeasible: return .without(.impossible)
        case .timeLimit: return .without(.unknown)
        case .optimal: break
        }
        guard let panel = solution.panel else { return .without(.unknown) }
        let entering = panel.indices.filter { panel[$0] && !chosen[$0] }
        let leaving = panel.indices.filter { !panel[$0] && chosen[$0] }
        return Answer(status: .answered, panel: panel, score: PanelScore(model: model, panel: panel), entering: entering, leaving: leaving)
    }
}
