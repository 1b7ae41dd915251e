// The open-seat table published with a call for nominations: who leaves and who stays, the seats each
// group fills, and for every quota row the exact range of newcomers with its values that keeps the whole
// body's rules satisfiable, solved on counts of newcomers per group and kind (rows interact).

import OrderedCollections

public struct Vacancies: Sendable {
    public struct Row: Sendable {
        /// The rule as `select` expands and labels it, over the staying members and every kind of newcomer.
        public var row: QuotaRow
        /// Staying members the row counts.
        public var staying: Int
        /// The fewest and most newcomers with the row's values in any intake that keeps every rule; nil
        /// when no intake keeps them.
        public var minNew: Int?
        public var maxNew: Int?
        /// What the range means, in words, where it says more than the numbers.
        public var note: String?
    }

    public var roster: Roster
    public var departures: [Departure]
    /// Indices into the roster's members.
    public var staying: [Int]
    /// Seats to fill per group, in the policy's order.
    public var open: OrderedDictionary<String, Int>
    /// Every quota row, in `select`'s order; rows of a cap that no staying member's value reaches are
    /// left out (any newcomer may take them up to the cap) and counted in `unreachedCapRows`.
    public var rows: [Row]
    public var unreachedCapRows: Int
    /// Whether some intake of newcomers keeps every rule; when not, `problems` says what prevents it.
    public var feasible: Bool
    public var problems: [String]
    /// What the ranges assume about the nominees the call will bring.
    public var assumptions: [String]
}

extension Roster {
    /// The open-seat table for the next renewal: `leaving` adds announced departures (with `reason`) to
    /// those the term limit and withdrawals make.
    public func vacancies(leaving: [Int] = [], reason: String? = nil, countries: CountryTable, budget: SolveBudget = .unlimited) throws -> Vacancies {
        let departures = self.departures(announced: leaving, reason: reason)
        let staying = self.staying(departures)
        var problems: [String] = []
        var open = OrderedDictionary<String, Int>()
        for group in policy.groups {
            let held = staying.filter { members[$0].group == group }.count
            let seats = policy.seats(of: group)
            if held > seats { problems.append(phrase("{group} keeps {held} members for {seats#seat}: {more} more must leave", ["group": .text(group), "held": .number(held), "seats": .number(seats), "more": .number(held - seats)])) }
            open[group] = max(0, seats - held)
        }
        // Staying members are continuing members at the renewal; newcomers are new.
        let sitting = staying.map { i -> Nominee in
            var m = members[i]
            if !m.status.isSeatedWhateverTerms { m.status = .continuing }
            return m
        }
        let kinds = NewcomerKinds(policy: policy, roster: members, staying: sitting, countries: countries)
        if let size = kinds.tooMany {
            throw SolverError.noAnswer("the policy's attributes combine into \(size) kinds of newcomer per group and place (more than \(NewcomerKinds.maximumKinds)): the exact ranges would take too long; `each` quotas with a minimum on custom attributes multiply the kinds")
        }
        let everyone = sitting + kinds.nominees
        let first = sitting.count
        let expanded = QuotaRow.expand(policy: policy, nominees: everyone, standings: everyone.map { _ in .free })

        // The counts model: staying members fixed at 1, each kind a count from 0 to its group's open seats,
        // copies holding a capped value at 0 until their cap is asked about.
        var program = IntegerProgram()
        for (k, n) in everyone.enumerated() {
            let upper = k < first ? 1 : (kinds.capped[k - first] == nil ? open[n.group] ?? 0 : 0)
            program.variables.append(.init(name: "n\(k + 1)", label: k < first ? "\(n.name) [\(n.id)] stays" : "newcomers of kind \(k - first + 1) in \(n.group)",
                                           lower: k < first ? 1 : 0, upper: upper))
        }
        for group in policy.groups {
            let terms = everyone.indices.filter { everyone[$0].group == group }.map { IntegerProgram.Term(variable: $0, coefficient: 1) }
            program.rows.append(.init(name: "seats_\(program.rows.count)", label: "\(group) fills exactly \(Words.count(policy.seats(of: group), "seat"))",
                                      terms: terms, sense: .equal, rhs: policy.seats(of: group), origin: .seats(group: group)))
        }
        for (k, row) in expanded.enumerated() {
            let terms = row.members.map { IntegerProgram.Term(variable: $0, coefficient: 1) }
            if let min = row.min, min > 0 {
                program.rows.append(.init(name: "q\(k)_min", label: row.label, terms: terms, sense: .atLeast, rhs: min, origin: .quotaMin(row: QuotaRowIndex(k))))
            }
            if let max = row.max {
                program.rows.append(.init(name: "q\(k)_max", label: row.label, terms: terms, sense: .atMost, rhs: max, origin: .quotaMax(row: QuotaRowIndex(k))))
            }
        }

        func isCap(_ row: QuotaRow) -> String? {
            guard row.values.count == 1, let keys = kinds.capValues[row.attribute] else { return nil }
            let key = AttributeKey.normalize(row.values[0])
            return keys.contains(key) ? key : nil
        }
        try backend.prepareThread(budget)
        let session = try backend.session(for: program)
        func optimum(_ row: QuotaRow?, minimize: Bool) throws -> Int? {
            var coefficients = [Int](repeating: 0, count: everyone.count)
            for i in row?.members ?? [] where i >= first { coefficients[i] = 1 }
            try session.setObjective(.init(label: "newcomers in the row", minimize: minimize, coefficients: coefficients))
            let outcome = try session.solve(deadline: budget.deadline, cancel: budget.cancellation)
            switch outcome.status {
            case .optimal: return Int(outcome.objective.rounded())
            case .infeasible: return nil
            case .feasible, .unknown:
                throw SolverError.noAnswer(outcome.stoppedByDeadline ? "the time limit ended the count of open seats before it was exact" : "GLPK did not finish: \(outcome.detail)")
            }
        }
        let feasible = try problems.isEmpty && optimum(nil, minimize: true) != nil
        if problems.isEmpty && !feasible {
            problems = Self.blockingRows(expanded, everyone: everyone, first: first, open: open)
            if problems.isEmpty {
                // Each rule on its own with the seats: the ones no intake can meet even alone.
                for row in expanded where row.min != nil || row.max != nil {
                    var alone = program
                    alone.rows = program.rows.filter { r in
                        switch r.origin {
                        case .seats: return true
                        case .quotaMin(let q), .quotaMax(let q), .quotaExact(let q): return expanded[q] == row
                        case .other: return false
                        }
                    }
                    let check = try backend.session(for: alone)
                    try check.setWeights([Double](repeating: 0, count: everyone.count), minimize: true)
                    if try check.solve(deadline: budget.deadline, cancel: budget.cancellation).status == .infeasible {
                        problems.append(phrase("{rule}: no intake of newcomers can meet it, even on its own", ["rule": .text(row.label)]))
                    }
                }
            }
            if problems.isEmpty { problems.append(term("no intake of newcomers meets every rule together, although each rule alone can be met")) }
        }

        var rows: [Vacancies.Row] = []
        var unreached = 0
        // Newcomer kinds per group, to tell a row every newcomer counts in (status = new).
        var kindsIn: [String: Int] = [:]
        for n in kinds.nominees { kindsIn[n.group, default: 0] += 1 }
        let allKinds = kinds.nominees.count
        for row in expanded {
            let stayingCount = row.members.filter { $0 < first }.count
            let cap = isCap(row)
            if cap != nil, stayingCount == 0 { unreached += 1; continue }
            var entry = Vacancies.Row(row: row, staying: stayingCount, minNew: nil, maxNew: nil, note: nil)
            if feasible {
                if let cap {
                    // Only copies can hold a capped value: let this value's copies enter, then lock them again.
                    let copies = kinds.capped.indices.filter { kinds.capped[$0].map { $0.attribute == row.attribute && $0.key == cap } ?? false }
                    for c in copies { try session.setColumnBounds(ColumnIndex(first + c), lower: 0, upper: open[everyone[first + c].group] ?? 0) }
                    entry.minNew = 0
                    entry.maxNew = try optimum(row, minimize: false)
                    for c in copies { try session.setColumnBounds(ColumnIndex(first + c), lower: 0, upper: 0) }
                } else if row.members.allSatisfy({ $0 < first }) {
                    // No newcomer can count here (status = continuing, say): nothing to say about newcomers.
                    (entry.minNew, entry.maxNew) = (0, 0)
                    rows.append(entry)
                    continue
                } else {
                    entry.minNew = try optimum(row, minimize: true)
                    entry.maxNew = try optimum(row, minimize: false)
                }
                // A row every newcomer counts in (status = new) is filled by the open seats themselves.
                let everyNewcomer = row.members.filter { $0 >= first }.count == (row.group.map { kindsIn[$0] ?? 0 } ?? allKinds)
                entry.note = everyNewcomer ? nil : Self.note(row, staying: stayingCount, minNew: entry.minNew ?? 0, maxNew: entry.maxNew ?? 0,
                                                             openInScope: row.group.map { open[$0] ?? 0 } ?? open.values.reduce(0, +))
            }
            rows.append(entry)
        }
        var assumptions = kinds.assumptions
        if policy.rules.continuing == .compete {
            assumptions.append(term("the staying members keep their seats, although under rules.continuing: compete they stand again with the nominees"))
        }
        return Vacancies(roster: self, departures: departures, staying: staying, open: open, rows: rows, unreachedCapRows: unreached,
                         feasible: feasible, problems: problems, assumptions: assumptions)
    }

    /// What a row's range says beyond its numbers: a cap already full, newcomers the rules require, and a
    /// range that other rules narrow beyond what the row alone would.
    static func note(_ row: QuotaRow, staying: Int, minNew: Int, maxNew: Int, openInScope: Int) -> String? {
        let who = phrase("{subject} in {scope}", ["subject": .text(row.subject), "scope": .text(row.scopeName)])
        if maxNew == 0, let max = row.max, staying >= max, max < openInScope + staying {
            return phrase(max == 1 ? "no newcomer with {who}: its one seat is held" : "no newcomer with {who}: its {max} seats are held", ["who": .text(who), "max": .number(max)])
        }
        // Where other rules move a bound past what this row alone would give, say so: that is what
        // per-row arithmetic gets wrong.
        let alone = (min: Swift.max(0, (row.min ?? 0) - staying), max: Swift.min(openInScope, (row.max ?? Int.max) - staying))
        if minNew > alone.min {
            return phrase("at least {min}, not {alone}: the other rules need more newcomers with {subject} in {scope} than this rule alone asks",
                          ["min": .number(minNew), "alone": .number(alone.min), "subject": .text(row.subject), "scope": .text(row.scopeName)])
        }
        if maxNew == 0, alone.max > 0 { return phrase("none: the other rules leave no room for a newcomer with {who}", ["who": .text(who)]) }
        return nil
    }

    /// Why no intake keeps the rules, where one row shows it: staying members already past a maximum, or
    /// too few open seats in scope for a minimum.
    static func blockingRows(_ rows: [QuotaRow], everyone: [Nominee], first: Int, open: OrderedDictionary<String, Int>) -> [String] {
        var out: [String] = []
        for row in rows {
            let staying = row.members.filter { $0 < first }.count
            let openInScope = row.group.map { open[$0] ?? 0 } ?? open.values.reduce(0, +)
            if let max = row.max, staying > max { out.append(phrase("{rule}: {staying#staying member} already count, more than {max}", ["rule": .text(row.label), "staying": .number(staying), "max": .number(max)])) }
            if let min = row.min, staying + openInScope < min {
                out.append(phrase("{rule}: {staying#staying member} and {open#open seat} cannot reach {min}", ["rule": .text(row.label), "staying": .number(staying), "open": .number(openInScope), "min": .number(min)]))
            }
        }
        return out
    }
}
