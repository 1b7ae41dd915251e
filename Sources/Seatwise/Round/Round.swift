// A selection round as a value: the validated input, the mode, the seed and the coordinator's
// adjustments. Solving it gives a result that carries the rules it was solved under (adjustments
// applied), so explanations, diagnoses and reports of an adjusted round use the adjusted rules.

public struct Round: Sendable {
    public var input: SelectionInput
    public var mode: SelectionMode
    /// Overrides the policy's seed (nil: the policy's, or the default).
    public var seed: UInt64?
    public var adjustments: [Adjustment]
    /// The solver the round is solved with; every explanation, diagnosis and lottery of it uses the same.
    public var backend: any SolverBackend = Solvers.glpk

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
    /// `budget` bounds the solves of groups that choose alone, the only solving done here.
    public func context(budget: SolveBudget = .unlimited) throws -> SelectionContext {
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
        context.backend = backend
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
                case let (.setBound(a, sa, _), .setBound(b, sb, _)), let (.setShare(a, sa, _), .setShare(b, sb, _)),
                     let (.setBound(a, sa, _), .setShare(b, sb, _)), let (.setShare(a, sa, _), .setBound(b, sb, _)): return a == b && sa == sb
                default: return adjustment == other
                }
            }
            if !same { unique.insert(adjustment, at: 0) }
        }
        for adjustment in unique {
            switch adjustment {
            case .groupSeats(let group, let seats):
                guard let old = self.input.policy.seats[group] else { continue }
                context.adjustments.append(Message(.adjustedGroupSeats, ["group": .text(group), "seats": .number(seats), "old": .number(old)]))
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
                    let code: MessageCode = context.standings[i] == .fixedOut(.termLimited) ? .adjustedSeatPastTermLimit : .adjustedSeat
                    context.standings[i] = .fixedIn(.decision)
                    context.adjustments.append(Message(code, ["group": .text(n.group), "nominee": .nominee(id: n.id, name: n.name)]))
                } else {
                    let code: MessageCode = context.standings[i] == .fixedIn(.required) ? .adjustedExcludeRequired
                        : context.standings[i] == .fixedIn(.continuing) ? .adjustedExcludeContinuing : .adjustedExclude
                    context.standings[i] = .fixedOut(.decision)
                    context.adjustments.append(Message(code, ["group": .text(n.group), "nominee": .nominee(id: n.id, name: n.name)]))
                }
            case .setBound(let name, let side, _), .setShare(let name, let side, _):
                let rows: [Int]
                switch QuotaRow.resolve(name, in: context.quotaRows) {
                case .success(let found): rows = found
                case .failure(let problem):
                    problems.append(Self.describe(problem, reference: name, rows: context.quotaRows))
                    continue
                }
                for k in rows {
                    let before = context.quotaRows[k].label
                    let value: Int
                    switch adjustment {
                    case .setShare(_, _, let share): value = side == .min ? share.minimum(seats: context.quotaRows[k].seatsInScope) : share.maximum(seats: context.quotaRows[k].seatsInScope)
                    case .setBound(_, _, let seats): value = seats
                    default: continue
                    }
                    let old = side == .min ? context.quotaRows[k].min : context.quotaRows[k].max
                    if side == .min { context.quotaRows[k].min = value } else { context.quotaRows[k].max = value }
                    if let lo = context.quotaRows[k].min, let hi = context.quotaRows[k].max, lo > hi {
                        problems.append("\(before): \(side.rawValue)=\(value) would put its minimum (\(lo)) above its maximum (\(hi))")
                        continue
                    }
                    let oldText = old.map(String.init) ?? "none"
                    context.adjustments.append(Message(.adjustedBound, ["rule": .text(before), "side": .text(side.rawValue), "old": .text(oldText), "new": .number(value)]))
                }
            }
        }
        guard problems.isEmpty else {
            throw InputError(problems.map { InputDiagnostic(file: "adjustments", message: $0) })
        }
        context.applied = unique
        // Groups that choose alone choose under the adjusted rules, before the rest.
        return try context.choosingAlone(budget: budget)
    }

    /// A reference that names no single row, in words: what the rows are called, or which it could mean.
    static func describe(_ problem: RowReferenceProblem, reference: String, rows: [QuotaRow]) -> String {
        func listed(_ ks: [Int]) -> String {
            let shown = ks.prefix(12).map { "\(rows[$0].reference(in: rows)) (\(rows[$0].label))" }.joined(separator: "; ")
            return shown + (ks.count > 12 ? "; and \(ks.count - 12) more" : "")
        }
        switch problem {
        case .unknown:
            let numbers = Array(Set(rows.map(\.quotaNumber))).sorted { (Int($0) ?? Int.max, $0) < (Int($1) ?? Int.max, $1) }
            return "no quota is '\(reference)'\(Suggestions.closest(reference, among: rows.map(\.label))); name a quota by its number as the report prints it (\(numbers.joined(separator: ", "))), with [GROUP or VALUE] where it has several rows"
        case .noSuchRow(let ks):
            return "'\(reference)' matches none of the quota's rows: \(listed(ks))"
        case .ambiguous(let ks):
            return "'\(reference)' could mean any of \(Words.count(ks.count, "row")): \(listed(ks)); name one, or all with [*]"
        }
    }

    /// Solves the round within `budget`, on this thread.
    public func solve(budget: SolveBudget = .unlimited) throws -> SelectionResult {
        try SelectionSolver.run(context: try context(budget: budget), mode: mode, budget: budget)
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
