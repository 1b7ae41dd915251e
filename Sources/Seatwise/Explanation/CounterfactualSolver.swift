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
        program.objectives.append(.init(label: "closeness: change as few members of the chosen panel as possible",
                                        minimize: true, coefficients: chosen.map { $0 ? 0 : 1 }))
        program.objectives.append(tieBreak)
        staged = try StagedProblem(program, refinement: model.tieBreakRefinement)
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
        try staged.force(j, to: value)
        defer { try? staged.force(j, to: nil) }
        return try answer(budget)
    }

    /// Tries to prove, from the LP relaxation alone, that every panel with column `j` forced to `value`
    /// is worse than the chosen one in the first objective: `.worseByAtLeast(k)` when it is, nil when the
    /// relaxation cannot tell (then `forcing` answers exactly).
    public func provedWorse(_ j: Int, to value: Int, budget: SolveBudget = .unlimited) throws -> Answer? {
        try staged.force(j, to: value)
        defer { try? staged.force(j, to: nil) }
        let first = staged.program.objectives[0]
        try staged.problem.setObjective(first)
        let (infeasible, bound) = try staged.problem.relaxationBound(deadline: budget.deadline, cancel: budget.cancellation)
        guard !infeasible, let bound else { return nil }
        let chosenValue = staged.program.value(of: first, at: chosen)
        // Integer objective: the best integer value is the bound rounded toward the worse side.
        let worse = first.minimize ? Int((bound - 1e-6).rounded(.up)) - chosenValue : chosenValue - Int((bound + 1e-6).rounded(.down))
        return worse >= 1 ? Answer.without(.worseByAtLeast(worse)) : nil
    }

    /// The best panel with program row `k` given the bounds `lower`…`upper`.
    public func relaxing(row k: Int, lower: Int?, upper: Int?, budget: SolveBudget = .unlimited) throws -> Answer {
        try staged.setRowBounds(k, lower: lower, upper: upper)
        defer { try? staged.restoreRow(k) }
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
