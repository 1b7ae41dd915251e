// Answers "what is the best panel if this changed?" on one GLPK problem, re-solved from its last basis:
// force a nominee in or out, or move one bound. Among the best such panels it returns the one closest
// to the chosen panel, so "who changes" is as short as it can be. Confined to one thread.

public final class CounterfactualSolver {
    public let model: SelectionModel
    public let chosen: [Bool]
    private let staged: StagedProblem

    /// `chosen` holds one flag per model column.
    public init(model: SelectionModel, chosen: [Bool]) throws {
        self.model = model
        self.chosen = chosen
        var program = model.program
        program.objectives.removeLast() // the seeded tie-break gives way to closeness
        program.objectives.append(.init(label: "closeness: change as few members of the chosen panel as possible",
                                        minimize: true, coefficients: chosen.map { $0 ? 0 : 1 }))
        staged = try StagedProblem(program)
    }

    public struct Answer: Sendable {
        /// nil when no panel meets the rules under the change.
        public var panel: [Bool]?
        public var score: PanelScore?
        /// Model columns that enter and leave relative to the chosen panel.
        public var entering: [Int]
        public var leaving: [Int]
    }

    /// The best panel with column `j` forced to `value` (1 = seated).
    public func forcing(_ j: Int, to value: Int) throws -> Answer {
        try staged.force(j, to: value)
        defer { try? staged.force(j, to: nil) }
        return try answer()
    }

    /// The best panel with program row `k` given the bounds `lower`…`upper`.
    public func relaxing(row k: Int, lower: Int?, upper: Int?) throws -> Answer {
        try staged.setRowBounds(k, lower: lower, upper: upper)
        defer { try? staged.restoreRow(k) }
        return try answer()
    }

    private func answer() throws -> Answer {
        let solution = try staged.solve(deadline: nil)
        guard solution.status == .optimal, let panel = solution.values else {
            return Answer(panel: nil, score: nil, entering: [], leaving: [])
        }
        let entering = panel.indices.filter { panel[$0] && !chosen[$0] }
        let leaving = panel.indices.filter { !panel[$0] && chosen[$0] }
        return Answer(panel: panel, score: PanelScore(model: model, panel: panel), entering: entering, leaving: leaving)
    }
}
