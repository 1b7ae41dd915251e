// Optimises an IntegerProgram's objectives in order on one GLPK problem: after each stage a row holds
// that objective at its optimum, so later stages choose only among earlier optima (exact, no weights).

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

public enum StagedSolver {
    public static func solve(_ program: IntegerProgram, deadline: Double?, cancel: UnsafePointer<Int32>? = nil) throws -> StagedSolution {
        let problem = try GLPKProblem(program)
        return try solve(problem, program, deadline: deadline, cancel: cancel)
    }

    /// Runs every stage on `problem`, which must have been built from `program`; the rows added to hold
    /// earlier stages are removed again before returning, so the problem can be re-solved.
    public static func solve(_ problem: GLPKProblem, _ program: IntegerProgram, deadline: Double?,
                             cancel: UnsafePointer<Int32>? = nil) throws -> StagedSolution {
        var stageValues: [Int] = []
        var best: [Bool]?
        var primaryBound: Double?
        let firstAddedRow = program.rows.count + 1
        var addedRows = 0
        defer { if addedRows > 0 { try? problem.deleteRows(from: firstAddedRow, count: addedRows) } }
        for (stage, objective) in program.objectives.enumerated() {
            try problem.setObjective(objective)
            let outcome = try problem.solve(deadline: deadline, cancel: cancel)
            switch outcome.status {
            case .infeasible:
                if stage == 0 { return StagedSolution(status: .infeasible, values: nil, stageValues: [], primaryBound: nil, detail: outcome.detail) }
                throw SolverError.noAnswer("stage \(stage + 1) lost feasibility after stage \(stage) was solved")
            case .unknown:
                return StagedSolution(status: .timeLimit, values: best, stageValues: stageValues,
                                      primaryBound: stage == 0 ? outcome.bound.map { boundRounded($0, objective) } : primaryBound,
                                      detail: outcome.detail)
            case .feasible:
                let values = try problem.values()
                return StagedSolution(status: .timeLimit, values: values, stageValues: stageValues,
                                      primaryBound: stage == 0 ? outcome.bound.map { boundRounded($0, objective) } : primaryBound,
                                      detail: outcome.detail)
            case .optimal:
                let values = try problem.values()
                let value = program.value(of: objective, at: values)
                best = values
                if stage == 0 { primaryBound = Double(value) }
                stageValues.append(value)
                if stage < program.objectives.count - 1 {
                    let terms = objective.coefficients.enumerated().compactMap { $0.element != 0 ? (variable: $0.offset, coefficient: $0.element) : nil }
                    try problem.addRow(terms: terms, sense: objective.minimize ? .atMost : .atLeast, rhs: value)
                    addedRows += 1
                }
            }
        }
        return StagedSolution(status: .optimal, values: best, stageValues: stageValues, primaryBound: primaryBound, detail: "")
    }

    /// Integer objectives: a fractional bound can be rounded toward the incumbent.
    private static func boundRounded(_ bound: Double, _ objective: IntegerProgram.Objective) -> Double {
        objective.minimize ? (bound - 1e-6).rounded(.up) : (bound + 1e-6).rounded(.down)
    }
}
