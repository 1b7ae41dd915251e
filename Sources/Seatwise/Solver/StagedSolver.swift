// Optimises an IntegerProgram's objectives in order on one GLPK problem: after each stage a row holds
// that objective at its optimum, so later stages choose only among earlier optima (exact, no weights).
// The stage rows are created once, free, and only their bounds move, so the problem can be re-solved
// many times (forcing a nominee in or out, relaxing a bound) from the previous basis.

public struct StagedSolution: Sendable {
    public enum Status: String, Sendable, Codable {
        case optimal
        case infeasible
        /// The time limit ended the search; `values` is the best panel found, if any.
        case timeLimit = "time_limit"
    }
    public var status: Status
    /// The 0-1 value of every column, when a panel was found.
    public var values: [Bool]?
    /// Optimal value of each completed stage.
    public var stageValues: [Int]
    /// A proved bound on the first objective (equal to its value when that stage finished).
    public var primaryBound: Double?
    public var detail: String
}

/// One GLPK problem built from a program, for repeated staged solves. Confined to its thread.
public final class StagedProblem {
    public let program: IntegerProgram
    public let problem: GLPKProblem
    /// GLPK row index (1-based) holding each objective but the last.
    private var stageRows: [Int] = []

    public init(_ program: IntegerProgram) throws {
        self.program = program
        problem = try GLPKProblem(program)
        for objective in program.objectives.dropLast() {
            let terms = objective.coefficients.enumerated().compactMap { $0.element != 0 ? (variable: $0.offset, coefficient: $0.element) : nil }
            stageRows.append(try problem.addRow(terms: terms, lower: nil, upper: nil))
        }
    }

    /// Forces column `j` to `value`; nil restores the program's own bounds.
    public func force(_ j: Int, to value: Int?) throws {
        let v = program.variables[j]
        try problem.setColumnBounds(j, lower: value ?? v.lower, upper: value ?? v.upper)
    }

    /// Sets the bounds of program row `k` (0-based, as in `program.rows`); nil, nil frees it.
    public func setRowBounds(_ k: Int, lower: Int?, upper: Int?) throws {
        try problem.setRowBounds(k + 1, lower: lower, upper: upper)
    }

    /// Restores program row `k` to its own sense and right-hand side.
    public func restoreRow(_ k: Int) throws {
        let row = program.rows[k]
        switch row.sense {
        case .equal: try setRowBounds(k, lower: row.rhs, upper: row.rhs)
        case .atLeast: try setRowBounds(k, lower: row.rhs, upper: nil)
        case .atMost: try setRowBounds(k, lower: nil, upper: row.rhs)
        }
    }

    /// Runs every stage. `stages` limits how many objectives are optimised (nil: all).
    public func solve(deadline: Double?, cancel: SolverCancellation? = nil, stages: Int? = nil) throws -> StagedSolution {
        var stageValues: [Int] = []
        var best: [Bool]?
        var primaryBound: Double?
        let count = min(stages ?? program.objectives.count, program.objectives.count)
        defer { for row in stageRows { try? problem.setRowBounds(row, lower: nil, upper: nil) } }
        for stage in 0..<count {
            let objective = program.objectives[stage]
            try problem.setObjective(objective)
            let outcome = try problem.solve(deadline: deadline, cancel: cancel)
            switch outcome.status {
            case .infeasible:
                if stage == 0 { return StagedSolution(status: .infeasible, values: nil, stageValues: [], primaryBound: nil, detail: outcome.detail) }
                throw SolverError.noAnswer("stage \(stage + 1) lost feasibility after stage \(stage) was solved")
            case .unknown:
                return StagedSolution(status: .timeLimit, values: best, stageValues: stageValues,
                                      primaryBound: stage == 0 ? outcome.bound.map { Self.rounded($0, objective) } : primaryBound,
                                      detail: outcome.detail)
            case .feasible:
                return StagedSolution(status: .timeLimit, values: try problem.values(), stageValues: stageValues,
                                      primaryBound: stage == 0 ? outcome.bound.map { Self.rounded($0, objective) } : primaryBound,
                                      detail: outcome.detail)
            case .optimal:
                let values = try problem.values()
                let value = program.value(of: objective, at: values)
                best = values
                if stage == 0 { primaryBound = Double(value) }
                stageValues.append(value)
                if stage < stageRows.count {
                    try problem.setRowBounds(stageRows[stage], lower: objective.minimize ? nil : value, upper: objective.minimize ? value : nil)
                }
            }
        }
        return StagedSolution(status: .optimal, values: best, stageValues: stageValues, primaryBound: primaryBound, detail: "")
    }

    /// Integer objectives: a fractional bound can be rounded toward the incumbent.
    private static func rounded(_ bound: Double, _ objective: IntegerProgram.Objective) -> Double {
        objective.minimize ? (bound - 1e-6).rounded(.up) : (bound + 1e-6).rounded(.down)
    }
}

public enum StagedSolver {
    public static func solve(_ program: IntegerProgram, deadline: Double?, cancel: SolverCancellation? = nil) throws -> StagedSolution {
        try StagedProblem(program).solve(deadline: deadline, cancel: cancel)
    }
}
