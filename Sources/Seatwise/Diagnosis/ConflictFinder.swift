// Finds irreducible sets of conflicting rules (docs/guide/impossible-rules.md, "Infeasible policies") by a deletion filter over GLPK re-solves: drop
// each quota bound in turn and keep it only if the rest become satisfiable without it. Then finds the
// hard rules (seats, fixed nominees) the set depends on, and says the clash in words with exact counts.

public struct Conflict: Sendable, Equatable {
    /// Program rows (quota bounds) of the irreducible set.
    public var rows: [Int]
    /// Program rows (seats) the conflict also needs.
    public var hardRows: [Int]
    /// Model columns whose fixing (continuing, required, withdrawn, term limit, or a forced question)
    /// the conflict also needs.
    public var fixedColumns: [Int]
    /// Every rule involved, quota bounds first, then the nominees fixed in or out.
    public var rules: [Message]
    public var message: Message
    /// The rules in the report's words.
    public var labels: [String] { rules.map(\.description) }
}

/// The conflicts found, and whether the search finished within its budget.
public struct ConflictSearch: Sendable {
    public var conflicts: [Conflict]
    /// False when the time limit ended the search: there may be more conflicts, and the feasibility of
    /// what was not examined is unknown.
    public var finished: Bool
}

public final class ConflictFinder {
    public let model: SelectionModel
    private let staged: StagedProblem
    /// A column fixed by the question being asked (e.g. "seat this nominee"), treated as a hard rule.
    private var forced: (column: Int, value: Int)?
    private let nominees: [Nominee]

    public init(model: SelectionModel, nominees: [Nominee]) throws {
        self.model = model
        self.nominees = nominees
        var program = model.program
        program.objectives = [.init(label: "feasibility", minimize: true, coefficients: Array(repeating: 0, count: program.variables.count))]
        staged = try StagedProblem(program, backend: model.backend)
    }

    /// Rows that are quota bounds (the rules a deletion filter may drop).
    public var quotaRows: [Int] { model.program.rows.indices.filter { model.program.rows[$0].origin.quotaRow != nil } }

    private var budget = SolveBudget.unlimited
    private struct OutOfTime: Error {}

    private func feasible() throws -> Bool {
        let solution = try staged.solve(budget: budget)
        switch solution.status {
        case .infeasible: return false
        case .optimal: return true
        case .timeLimit:
            if solution.values != nil { return true } // a point was found: feasible, whatever else is unproved
            throw OutOfTime()
        }
    }

    /// Every row and column back to the program's own bounds (after a search the budget cut short).
    private func restoreAll() throws {
        for k in model.program.rows.indices { try staged.restoreRow(RowIndex(k)) }
        for j in model.program.variables.indices { try staged.force(ColumnIndex(j), to: nil) }
    }

    /// Up to `limit` distinct irreducible conflicts, with `forcing` as an extra hard rule; none when
    /// the rules can all be met.
    public func conflicts(forcing: (column: Int, value: Int)? = nil, limit: Int = 5, budget: SolveBudget = .unlimited) throws -> ConflictSearch {
        self.budget = budget
        forced = forcing
        if let forcing { try staged.force(ColumnIndex(forcing.column), to: forcing.value) }
        defer {
            if let forcing { try? staged.force(ColumnIndex(forcing.column), to: nil) }
            forced = nil
        }
        var found: [Conflict] = []
        do {
            guard try !feasible() else { return ConflictSearch(conflicts: [], finished: true) }
            try search(&found, limit: limit)
            return ConflictSearch(conflicts: found, finished: true)
        } catch is OutOfTime {
            try restoreAll()
            if let forcing { try staged.force(ColumnIndex(forcing.column), to: forcing.value) }
            return ConflictSearch(conflicts: found, finished: false)
        }
    }

    private func search(_ found: inout [Conflict], limit: Int) throws {
        var queue: [[Int]] = [[]]
        while let exclusion = queue.first, found.count < limit {
            queue.removeFirst()
            for k in exclusion { try staged.setRowBounds(RowIndex(k), lower: nil, upper: nil) }
            defer { for k in exclusion { try? staged.restoreRow(RowIndex(k)) } }
            guard try !feasible() else { continue }
            let conflict = try irreducible(among: quotaRows.filter { !exclusion.contains($0) })
            if !found.contains(where: { $0.rows == conflict.rows }) {
                found.append(conflict)
                // Look for further conflicts that avoid each rule of this one.
                for k in conflict.rows where queue.count < limit * 4 { queue.append((exclusion + [k]).sorted()) }
            }
        }
    }

    /// The deletion filter. Leaves every row as it found it.
    private func irreducible(among candidates: [Int]) throws -> Conflict {
        var dropped: [Int] = []
        var kept: [Int] = []
        for k in candidates {
            try staged.setRowBounds(RowIndex(k), lower: nil, upper: nil)
            if try feasible() {
                try staged.restoreRow(RowIndex(k))
                kept.append(k)
            } else {
                dropped.append(k)
            }
        }
        // Hard rules: with only the conflict's rows active, which seats rows and fixings does it need?
        var hard: [Int] = []
        let seatsRows = model.program.rows.indices.filter { model.program.rows[$0].origin.quotaRow == nil }
        var freedSeats: [Int] = []
        for k in seatsRows {
            try staged.setRowBounds(RowIndex(k), lower: nil, upper: nil)
            if try feasible() { try staged.restoreRow(RowIndex(k)); hard.append(k) } else { freedSeats.append(k) }
        }
        var fixed: [Int] = []
        var freedColumns: [Int] = []
        for (j, variable) in model.program.variables.enumerated() where variable.lower == variable.upper && forced?.column != j {
            try staged.session.setColumnBounds(ColumnIndex(j), lower: 0, upper: 1)
            if try feasible() { try staged.force(ColumnIndex(j), to: nil); fixed.append(j) } else { freedColumns.append(j) }
        }
        if let forced { fixed.append(forced.column) }
        let message = try describe(kept, hardRows: hard)
        for j in freedColumns { try staged.force(ColumnIndex(j), to: nil) }
        for k in freedSeats { try staged.restoreRow(RowIndex(k)) }
        for k in dropped { try staged.restoreRow(RowIndex(k)) }
        let rules = (kept + hard).map { Message.rule(model.program.rows[$0].label) } + fixed.map { fixing($0) }
        return Conflict(rows: kept, hardRows: hard, fixedColumns: fixed.sorted(), rules: rules, message: message)
    }

    private func fixing(_ j: Int) -> Message {
        let nominee = nominees[model.columns[j]]
        let who = MessageValue.nominee(id: nominee.id, name: nominee.name)
        if let forced, forced.column == j { return Message(forced.value == 1 ? .fixingAskedSeated : .fixingAskedLeftOut, ["nominee": who]) }
        let why: MessageCode = switch model.fixedBy[j] {
        case .continuing: .whyContinuing
        case .required: .whyRequired
        case .withdrawn: .whyWithdrawn
        case .termLimited: .whyTermLimit
        case .decision: .whyDecision
        case .vacated: .whyVacated
        case .appointed: .whyAppointed
        case .exOfficio: .whyExOfficio
        case .independent: .whyChosenAlone
        case nil: .whyFixed
        }
        return Message(model.program.variables[j].lower == 1 ? .fixingMustBeSeated : .fixingCannotBeSeated, ["nominee": who, "why": Message.part(why)])
    }

    /// One exact sentence: for the conflict's most demanding bound, how far the other rules let its
    /// count go. Called while only the conflict's rows (and needed hard rules) are active.
    private func describe(_ rows: [Int], hardRows: [Int]) throws -> Message {
        let program = model.program
        for k in rows {
            let row = program.rows[k]
            let wantsMore = row.sense != .atMost
            try staged.setRowBounds(RowIndex(k), lower: nil, upper: nil)
            var coefficients = Array(repeating: 0, count: program.variables.count)
            for term in row.terms { coefficients[term.variable] = term.coefficient }
            try staged.session.setObjective(.init(label: "", minimize: !wantsMore, coefficients: coefficients))
            let outcome = try staged.session.solve(deadline: budget.deadline, cancel: budget.cancellation)
            try staged.restoreRow(RowIndex(k))
            guard outcome.status == .optimal else { continue }
            let reach = Int(outcome.objective.rounded())
            let subject = subject(of: row)
            let others = rows.count - 1 + hardRows.count
            let rest = others == 0 ? Message(.restMustBeSeated) : others == 1 ? Message(.restOtherRule) : Message(.restOtherRules, ["count": .number(others)])
            var values: [String: MessageValue] = ["scope": subject.scope, "what": subject.what, "rest": .message(rest), "reach": .number(reach)]
            if wantsMore, reach < row.rhs {
                values["need"] = .number(row.rhs)
                return Message(.conflictNeedsAtLeast, values)
            }
            if !wantsMore, reach > row.rhs {
                values["allow"] = .number(row.rhs)
                return Message(others == 1 ? .conflictAllowsAtMostForces : .conflictAllowsAtMostForce, values)
            }
        }
        return Message(.conflictTogether, ["rules": .clauses(rows.map { .text(program.rows[$0].label) })])
    }

    private func subject(of row: IntegerProgram.Row) -> (scope: MessageValue, what: MessageValue) {
        if let q = row.origin.quotaRow {
            let quota = model.quotaRows[q]
            return (quota.group.map(MessageValue.text) ?? Message.part(.theBodyCapital), .text(quota.subject))
        }
        if case .seats(let group) = row.origin { return (.text(group), Message.part(.members)) }
        return (Message.part(.theBodyCapital), Message.part(.members))
    }
}
