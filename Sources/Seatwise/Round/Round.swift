// A selection round as a value: the validated input, the mode, the seed and the coordinator's
// adjustments. Solving it gives a result that carries the rules it was solved under (adjustments
// applied), so explanations, diagnoses and reports of an adjusted round use the adjusted rules.

public struct Round: Sendable {
    public var input: SelectionInput
    public var mode: SelectionMode
    /// Overrides the policy's seed (nil: the policy's, or the default).
    public var seed: UInt64?
    public var adjustments: [Adjustment]

    public init(input: SelectionInput, mode: SelectionMode = .coordinated, seed: UInt64? = nil, adjustments: [Adjustment] = []) {
        self.input = input
        self.mode = mode
        self.seed = seed
        self.adjustments = adjustments
    }

    /// The round with more adjustments.
    public func adjusted(_ more: [Adjustment]) -> Round {
        var round = self
        round.adjustments += more
        return round
    }

    /// The rules this round is solved under: the policy with every adjustment applied, each stated in
    /// words. Unknown ids, rows and groups are bad input, reported together with the closest names.
    public func context() throws -> SelectionContext {
        // Numbers out of range (an adjustment kept by an older version, say) are bad input, never arithmetic.
        let outOfRange = adjustments.compactMap(\.rangeProblem)
        guard outOfRange.isEmpty else { throw InputError(outOfRange.map { InputDiagnostic(file: "adjustments", message: $0) }) }
        var input = self.input
        var problems: [String] = []
        var seatsSet: Set<String> = []
        func seen(_ group: String) -> Bool { !seatsSet.insert(group).inserted }
        // Seats first: percentages of a group's seats are then worked out on the new seats.
        for case .groupSeats(let group, let seats) in adjustments.reversed() where !seen(group) {
            guard input.policy.seats[group] != nil else {
                problems.append("no group is named '\(group)'\(Suggestions.closest(group, among: input.policy.groups))")
                continue
            }
            input.policy.seats[group] = seats
        }
        var context = SelectionContext(input, seed: seed)
        // Ids in the one normal form the reader compares them in (NFKC, invisible characters removed, case
        // folded); an id given exactly is found without normalising every id (what-ifs ask many times).
        var normalized: [String: Int]?
        func nominee(_ id: String) -> Int? {
            if let i = input.nominees.firstIndex(where: { $0.id == id }) { return i }
            if normalized == nil {
                normalized = Dictionary(input.nominees.indices.map { (AttributeKey.normalize(input.nominees[$0].id), $0) }, uniquingKeysWith: { a, _ in a })
            }
            return normalized?[AttributeKey.normalize(id)]
        }
        // A repeated adjustment is applied and stated once; for the same group or row bound, the last one stands.
        var unique: [Adjustment] = []
        for adjustment in adjustments.reversed() {
            let same = unique.contains { other in
                switch (adjustment, other) {
                case let (.groupSeats(a, _), .groupSeats(b, _)): return a == b
                case let (.setBound(a, sa, _), .setBound(b, sb, _)): return a == b && sa == sb
                default: return adjustment == other
                }
            }
            if !same { unique.insert(adjustment, at: 0) }
        }
        for adjustment in unique {
            switch adjustment {
            case .groupSeats(let group, let seats):
                guard let old = self.input.policy.seats[group] else { continue }
                context.adjustments.append("adjusted: \(group) has \(seats) seat\(seats == 1 ? "" : "s") instead of \(old), by decision of the coordinator")
            case .seat(let id), .exclude(let id):
                guard let i = nominee(id) else {
                    problems.append("no nominee has the id '\(id)'\(Suggestions.closest(id, among: input.nominees.map(\.id)))")
                    continue
                }
                let n = input.nominees[i]
                if unique.contains(.seat(id)) && unique.contains(.exclude(id)) {
                    if case .seat = adjustment { problems.append("'\(id)' is both seated and excluded") }
                    continue
                }
                if case .seat = adjustment {
                    if n.status == .withdrawn {
                        problems.append("'\(id)' cannot be seated: the nomination was withdrawn")
                        continue
                    }
                    let past = context.standings[i] == .fixedOut(.termLimited) ? ", although past the term limit" : ""
                    context.standings[i] = .fixedIn(.decision)
                    context.adjustments.append("adjusted: \(n.group)'s nominee \(n.name) [\(n.id)] seated by decision of the coordinator\(past)")
                } else {
                    let overriding = context.standings[i] == .fixedIn(.required) ? ", although required"
                        : context.standings[i] == .fixedIn(.continuing) ? ", although a continuing member" : ""
                    context.standings[i] = .fixedOut(.decision)
                    context.adjustments.append("adjusted: \(n.group)'s nominee \(n.name) [\(n.id)] excluded by decision of the coordinator\(overriding)")
                }
            case .setBound(let name, let side, let value):
                guard let k = Self.quotaRow(named: name, in: context.quotaRows) else {
                    problems.append("no quota row is '\(name)'\(Suggestions.closest(name, among: context.quotaRows.map(\.label))); name a row by its label or its number, 1 to \(context.quotaRows.count)")
                    continue
                }
                let before = context.quotaRows[k].label
                let old = side == .min ? context.quotaRows[k].min : context.quotaRows[k].max
                if side == .min { context.quotaRows[k].min = value } else { context.quotaRows[k].max = value }
                if let lo = context.quotaRows[k].min, let hi = context.quotaRows[k].max, lo > hi {
                    problems.append("\(before): \(side.rawValue)=\(value) would put its minimum (\(lo)) above its maximum (\(hi))")
                    continue
                }
                let oldText = old.map(String.init) ?? "none"
                context.adjustments.append("adjusted: \(before): \(side.rawValue) \(oldText) → \(value), by decision of the coordinator")
            }
        }
        guard problems.isEmpty else {
            throw InputError(problems.map { InputDiagnostic(file: "adjustments", message: $0) })
        }
        context.applied = unique
        return context
    }

    /// A quota row by its number (1-based) or its label.
    static func quotaRow(named name: String, in rows: [QuotaRow]) -> Int? {
        if let number = Int(name), number >= 1, number <= rows.count { return number - 1 }
        return rows.firstIndex { $0.label == name }
    }

    /// Solves the round within `budget`, on this thread.
    public func solve(budget: SolveBudget = .unlimited) throws -> SelectionResult {
        try SelectionSolver.run(context: try context(), mode: mode, budget: budget)
    }

    /// Solves the round with `more` adjustments and says how the result differs from this round's own.
    /// For a sequence of questions, open a `RoundSession` once: it answers each from the last basis.
    public func whatIf(_ more: [Adjustment], budget: SolveBudget = .unlimited) throws -> WhatIf {
        try RoundSession(self, budget: budget).whatIf(more, budget: budget)
    }

    /// Opens the round for a sequence of what-ifs (see `RoundSession`).
    public func open(budget: SolveBudget = .unlimited) throws -> RoundSession {
        try RoundSession(self, budget: budget)
    }
}
