// The smallest repair of an infeasible policy by declared priorities (docs/guide/impossible-rules.md, "Repairs"): an integer program
// with a slack on every soft quota bound, minimised priority level by priority level (the highest
// first, as it is relaxed last), then by the panel's own objective; plus alternatives.

public struct RepairStep: Sendable, Equatable {
    /// Index into the context's quota rows.
    public var quotaRow: Int
    public var rule: String
    public var bound: QuotaBoundSide
    public var from: Int
    public var to: Int
    /// The quota row by what it is, with the bound as it was.
    public var reference: RuleReference
}

public struct Repair: Sendable, Equatable {
    public var steps: [RepairStep]
    /// Seats of relaxation in all.
    public var size: Int { steps.reduce(0) { $0 + abs($1.to - $1.from) } }
}

public enum RepairSolver {
    struct Slack { var row: Int; var quotaRow: Int; var bound: QuotaBoundSide; var column: Int }

    /// What a search for repairs ended with.
    public enum Outcome: Sendable, Equatable {
        /// The best repair and its alternatives.
        case found([Repair])
        /// No relaxation of the soft quotas makes a panel possible (proved).
        case impossible
        /// The time limit ended the search before the best repair was proved.
        case unknown
    }

    /// The best repair and up to `alternatives` others, each found and proved within `budget`.
    public static func repairs(model: SelectionModel, quotaRows: [QuotaRow], alternatives: Int = 2,
                               budget: SolveBudget = .unlimited) throws -> Outcome {
        var program = model.program
        var slacks: [Slack] = []
        for (k, row) in model.program.rows.enumerated() {
            guard let q = row.origin.quotaRow else { continue }
            let quota = model.quotaRows[q]
            let global = model.quotaRowIDs[q]
            guard !quota.hard else { continue }
            func add(_ coefficient: Int, _ bound: QuotaBoundSide, _ upper: Int) {
                program.variables.append(.init(name: "slack_\(row.name)_\(bound)", label: "relaxation of \(row.label) (\(bound))", lower: 0, upper: max(upper, 0)))
                program.rows[k].terms.append(.init(variable: program.variables.count - 1, coefficient: coefficient))
                slacks.append(Slack(row: k, quotaRow: global, bound: bound, column: program.variables.count - 1))
            }
            if row.sense != .atMost { add(1, .min, row.rhs) }
            if row.sense != .atLeast { add(-1, .max, quota.seatsInScope) }
        }
        guard !slacks.isEmpty else { return .impossible }
        let n = program.variables.count
        let priorities = Set(slacks.map { quotaRows[$0.quotaRow].priority }).sorted(by: >)
        var objectives: [IntegerProgram.Objective] = priorities.map { p in
            var c = Array(repeating: 0, count: n)
            for s in slacks where quotaRows[s.quotaRow].priority == p { c[s.column] = 1 }
            return .init(label: "relax quotas of priority \(p) as little as possible", minimize: true, coefficients: c)
        }
        for objective in model.program.objectives {
            objectives.append(.init(label: objective.label, minimize: objective.minimize,
                                    coefficients: objective.coefficients + Array(repeating: 0, count: n - model.program.variables.count)))
        }
        program.objectives = objectives
        let staged = try StagedProblem(program, backend: model.backend)

        struct OutOfTime: Error {}
        /// The best repair under the current slack bounds; nil when none exists.
        func solve() throws -> Repair? {
            let solution = try staged.solve(budget: budget, stages: priorities.count + 1)
            if solution.status == .infeasible { return nil }
            guard solution.status == .optimal, let values = solution.values else { throw OutOfTime() }
            // Each relaxation is the bound's shortfall or excess at the panel found.
            var result: [RepairStep] = []
            for s in slacks {
                let row = model.program.rows[s.row]
                let count = row.terms.reduce(0) { $0 + values[$1.variable] * $1.coefficient }
                if s.bound == .min, count < row.rhs {
                    result.append(RepairStep(quotaRow: s.quotaRow, rule: quotaRows[s.quotaRow].label, bound: .min, from: row.rhs, to: count,
                                             reference: .quota(quotaRows[s.quotaRow], bound: row.sense == .equal ? .exact : .min, value: row.rhs)))
                }
                if s.bound == .max, count > row.rhs {
                    result.append(RepairStep(quotaRow: s.quotaRow, rule: quotaRows[s.quotaRow].label, bound: .max, from: row.rhs, to: count,
                                             reference: .quota(quotaRows[s.quotaRow], bound: row.sense == .equal ? .exact : .max, value: row.rhs)))
                }
            }
            return Repair(steps: result)
        }

        let best: Repair
        do {
            guard let found = try solve() else { return .impossible }
            best = found
        } catch is OutOfTime {
            return .unknown
        }
        var repairs = [best]
        // Alternatives: forbid relaxing each rule of the best repair in turn (those the budget allows).
        for step in best.steps where repairs.count <= alternatives {
            let forbidden = slacks.filter { $0.quotaRow == step.quotaRow && $0.bound == step.bound }
            for s in forbidden { try staged.session.setColumnBounds(ColumnIndex(s.column), lower: 0, upper: 0) }
            defer { for s in forbidden { try? staged.force(ColumnIndex(s.column), to: nil) } }
            do {
                if let other = try solve(), !repairs.contains(other) { repairs.append(other) }
            } catch is OutOfTime {
                break
            }
        }
        return .found(repairs)
    }
}
