// Optimises an IntegerProgram's objectives in order on one solver session: after each stage a row holds
// that objective at its optimum, so later stages choose only among earlier optima (exact, no weights).
// The stage rows are created once, free, and only their bounds move, so the problem can be re-solved
// many times (forcing a nominee in or out, relaxing a bound) from the previous basis. Optionally it
// proves the final panel the only one optimal in every stage, so the seed alone decides it.

public struct StagedSolution: Sendable {
    public enum Status: String, Sendable, Codable {
        case optimal
        case infeasible
        /// The time limit ended the search; `values` is the best point found, if any.
        case timeLimit = "time_limit"
    }
    public var status: Status
    /// The integer value of every column, when a point was found.
    public var values: [Int]?
    /// Optimal value of each completed stage.
    public var stageValues: [Int]
    /// A proved bound on the first objective (equal to its value when that stage finished).
    public var primaryBound: Double?
    /// How many stages (objectives, in order) were proved optimal.
    public var provedStages: Int
    /// Whether the point was proved the only one optimal in every stage (when that was asked).
    public var provedUnique: Bool
    /// In words, what stopped the solve early; empty when it finished.
    public var detail: String

    /// The 0-1 columns as flags (a nominee is seated when its column is 1).
    public var panel: [Bool]? { values?.map { $0 != 0 } }
}

/// One solver session built from a program, for repeated staged solves. Confined to its thread.
public final class StagedProblem {
    /// The program the session now stands for (its bounds move with `rebound(to:)`).
    public private(set) var program: IntegerProgram
    /// The live problem; callers may move its bounds and objective between staged solves.
    public let session: any SolverSession
    /// The row holding each objective at its optimum once its stage is solved.
    private var stageRows: [RowIndex] = []
    /// Supplies a further seeded objective (attempt 1, 2, …) when two points tie in every stage.
    private let refinement: ((Int) -> IntegerProgram.Objective)?

    /// With `refinement`, every solve proves its point unique (one extra solve) and, on a tie, adds
    /// refinement objectives until the point is unique.
    public init(_ program: IntegerProgram, backend: any SolverBackend, refinement: ((Int) -> IntegerProgram.Objective)? = nil) throws {
        self.program = program
        self.refinement = refinement
        session = try backend.session(for: program)
        let held = refinement == nil ? program.objectives.dropLast() : program.objectives[...]
        for objective in held { stageRows.append(try addFreeRow(objective)) }
    }

    private func addFreeRow(_ objective: IntegerProgram.Objective) throws -> RowIndex {
        let terms = objective.coefficients.enumerated().compactMap { $0.element != 0 ? IntegerProgram.Term(variable: $0.offset, coefficient: $0.element) : nil }
        return try session.addRow(terms: terms, lower: nil, upper: nil)
    }

    /// Forces a column to `value`; nil restores the program's own bounds.
    public func force(_ column: ColumnIndex, to value: Int?) throws {
        let v = program.variables[column.rawValue]
        try session.setColumnBounds(column, lower: value ?? v.lower, upper: value ?? v.upper)
    }

    /// Sets the bounds of a program row (as in `program.rows`); nil, nil frees it.
    public func setRowBounds(_ row: RowIndex, lower: Int?, upper: Int?) throws {
        try session.setRowBounds(row, lower: lower, upper: upper)
    }

    /// Makes the session stand for `other` when it differs from the current program only in column and
    /// row bounds (same columns, same row terms, same objectives): the changed bounds are moved, the basis
    /// kept, so the next solve starts warm. False (nothing changed) when the structure differs.
    public func rebound(to other: IntegerProgram) throws -> Bool {
        guard other.variables.count == program.variables.count, other.rows.count == program.rows.count,
              other.objectives == program.objectives,
              zip(other.rows, program.rows).allSatisfy({ $0.terms == $1.terms }) else { return false }
        for (j, (new, old)) in zip(other.variables, program.variables).enumerated() where new.lower != old.lower || new.upper != old.upper {
            try session.setColumnBounds(ColumnIndex(j), lower: new.lower, upper: new.upper)
        }
        for (k, (new, old)) in zip(other.rows, program.rows).enumerated() where new.bounds != old.bounds {
            let bounds = new.bounds
            try session.setRowBounds(RowIndex(k), lower: bounds.lower, upper: bounds.upper)
        }
        program = other
        return true
    }

    /// Restores a program row to its own sense and right-hand side.
    public func restoreRow(_ row: RowIndex) throws {
        let bounds = program.rows[row.rawValue].bounds
        try setRowBounds(row, lower: bounds.lower, upper: bounds.upper)
    }

    /// Runs every stage within `budget`. `stages` limits how many objectives are optimised (nil: all;
    /// fewer than all also skips the uniqueness proof).
    public func solve(budget: SolveBudget = .unlimited, stages: Int? = nil) throws -> StagedSolution {
        try budget.checkCancelled()
        var stageValues: [Int] = []
        var best: [Int]?
        var primaryBound: Double?
        let count = min(stages ?? program.objectives.count, program.objectives.count)
        var extraRows: [RowIndex] = []
        defer { for row in stageRows + extraRows { try? session.setRowBounds(row, lower: nil, upper: nil) } }
        func stopped(_ outcome: SolveOutcome, stage: Int, values: [Int]?) -> StagedSolution {
            // Past the first stage a point is in hand: GLPK's own words ("before any panel") would mislead.
            let detail = stage == 0 || outcome.status == .feasible ? outcome.detail
                : "the time limit ended step \(stage + 1) of \(program.objectives.count) of the search, after a panel was found"
            return StagedSolution(status: .timeLimit, values: values, stageValues: stageValues,
                                  primaryBound: stage == 0 ? outcome.bound.map { Self.rounded($0, program.objectives[0]) } : primaryBound,
                                  provedStages: stage, provedUnique: false, detail: detail)
        }
        for stage in 0..<count {
            let objective = program.objectives[stage]
            try session.setObjective(objective)
            let outcome = try solveKnowingFeasible(stage > 0, budget: budget)
            switch outcome.status {
            case .infeasible:
                return StagedSolution(status: .infeasible, values: nil, stageValues: [], primaryBound: nil, provedStages: 0,
                                      provedUnique: false, detail: outcome.detail)
            case .unknown: return stopped(outcome, stage: stage, values: best)
            case .feasible: return stopped(outcome, stage: stage, values: try session.values())
            case .optimal:
                let values = try session.values()
                let value = program.value(of: objective, at: values)
                best = values
                if stage == 0 { primaryBound = Double(value) }
                stageValues.append(value)
                if stage < stageRows.count { try hold(stageRows[stage], objective, at: value) }
            }
        }
        guard let refinement, count == program.objectives.count, var point = best else {
            return StagedSolution(status: .optimal, values: best, stageValues: stageValues, primaryBound: primaryBound,
                                  provedStages: count, provedUnique: false, detail: "")
        }
        // Prove the point unique; on a tie (equal seeded weights), add seeded objectives until it is.
        for attempt in 1...16 {
            // Usually the relaxation proves it at once; otherwise one solve looks for another optimum.
            let other: Other = try session.lpProvesUnique(point) ? .none : try otherOptimum(than: point, budget: budget)
            switch other {
            case .none:
                return StagedSolution(status: .optimal, values: point, stageValues: stageValues, primaryBound: primaryBound,
                                      provedStages: count, provedUnique: true, detail: "")
            case .unknown(let outcome):
                var solution = stopped(outcome, stage: count, values: point)
                solution.detail = "the time limit ended the check that no other panel is equally good in every respect"
                return solution
            case .found:
                let extra = refinement(attempt)
                try session.setObjective(extra)
                let outcome = try solveKnowingFeasible(true, budget: budget)
                guard outcome.status == .optimal else {
                    var solution = stopped(outcome, stage: count, values: point)
                    solution.detail = "the time limit ended the seeded choice between equally good panels"
                    return solution
                }
                point = try session.values()
                let row = try addFreeRow(extra)
                extraRows.append(row)
                try hold(row, extra, at: program.value(of: extra, at: point))
            }
        }
        throw SolverError.noAnswer("the seed could not single out one panel among equally good ones")
    }

    /// Holds an objective at its optimum, exactly: the face of optimal points stays as small as it is,
    /// so the uniqueness proof usually ends at the root.
    private func hold(_ row: RowIndex, _ objective: IntegerProgram.Objective, at value: Int) throws {
        try session.setRowBounds(row, lower: objective.minimize ? nil : value, upper: objective.minimize ? value : nil)
    }

    private enum Other { case none, found, unknown(SolveOutcome) }

    /// With every stage held at its optimum: is there another point differing on a 0-1 column? Found by
    /// maximising the number of 0-1 columns that differ from `point`.
    private func otherOptimum(than point: [Int], budget: SolveBudget) throws -> Other {
        var coefficients = Array(repeating: 0, count: program.variables.count)
        var baseline = 0
        for (j, v) in program.variables.enumerated() where v.lower == 0 && v.upper == 1 {
            coefficients[j] = point[j] == 1 ? -1 : 1
            if point[j] == 1 { baseline -= 1 }
        }
        try session.setObjective(.init(label: "distance from the panel found", minimize: false, coefficients: coefficients))
        // This search runs on a degenerate face with rows of large seeded weights: scaled, the simplex
        // method stays on its feet (unscaled it can stall for minutes). Unscaled again afterwards, since
        // the ordinary stages are faster without.
        try session.setScaling(true)
        defer { try? session.setScaling(false) }
        let outcome = try solveKnowingFeasible(true, budget: budget)
        switch outcome.status {
        case .optimal: return Int(outcome.objective.rounded()) > baseline ? .found : .none
        case .infeasible: throw SolverError.noAnswer("the solver lost the panel it had found (a numerical fault)")
        case .feasible, .unknown: return .unknown(outcome)
        }
    }

    /// A solve of the current objective. When a point is known to meet every row (`known`), "infeasible"
    /// can only be the simplex method failing on a knife-edge (rows of seeded weights are large), so the
    /// problem is scaled and solved again from a fresh basis; a second "infeasible" is a fault.
    private func solveKnowingFeasible(_ known: Bool, budget: SolveBudget) throws -> SolveOutcome {
        let outcome = try session.solve(deadline: budget.deadline, cancel: budget.cancellation, cold: false)
        guard known, outcome.status == .infeasible else { return outcome }
        try session.setScaling(true)
        defer { try? session.setScaling(false) }
        let again = try session.solve(deadline: budget.deadline, cancel: budget.cancellation, cold: true)
        if again.status == .infeasible { throw SolverError.noAnswer("the solver lost the panel it had found (a numerical fault)") }
        return again
    }

    /// Integer objectives: a fractional bound can be rounded toward the incumbent.
    private static func rounded(_ bound: Double, _ objective: IntegerProgram.Objective) -> Double {
        objective.minimize ? (bound - 1e-6).rounded(.up) : (bound + 1e-6).rounded(.down)
    }
}
