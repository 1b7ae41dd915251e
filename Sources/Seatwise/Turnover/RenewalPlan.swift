// The renewal calendar: the next N renewals under the term limit (each year every member serves one term
// more), who must leave each year and the seats that open per group; and, on request, a proposal of early
// rotations that makes each group's turnover as even across the years as the term limits allow, solved
// exactly per group (peak, then sum of squares, then fewest and shortest moves, then the seed).

import OrderedCollections

public struct RenewalPlan: Sendable {
    public struct Year: Sendable {
        /// Counted from 1, the coming renewal.
        public var year: Int
        /// Roster members who leave at this renewal (indices into the roster's members).
        public var leaving: [Int]
        /// Newcomers of an earlier renewal in this plan whose term limit ends their service now, per group.
        public var newcomersLeaving: OrderedDictionary<String, Int>
        /// Seats to fill per group.
        public var open: OrderedDictionary<String, Int>
    }

    /// A member the proposal rotates out before the term limit would.
    public struct EarlyRotation: Sendable {
        public var member: Int
        /// The year the term limit ends the member's service, and the proposed year.
        public var limitYear: Int
        public var year: Int
        public var reason: String
    }

    public struct Proposal: Sendable {
        public var rotations: [EarlyRotation]
        public var years: [Year]
        /// Per group: the most seats opening in one year, without and with the proposal.
        public var peakBefore: OrderedDictionary<String, Int>
        public var peakAfter: OrderedDictionary<String, Int>
    }

    public var roster: Roster
    public var horizon: Int
    public var years: [Year]
    public var proposal: Proposal?
    /// Where a member leaves, why, in words (per member index).
    public var reasons: [Int: String]
    public var notes: [Message]
}

extension Roster {
    /// The year (1 = the coming renewal) the term limit ends `member`'s service, if it does: with `terms`
    /// counting the current term, a member leaves when `terms + (year − 1)` reaches `max_terms`.
    public func limitYear(of member: Int) -> Int? {
        let m = members[member]
        if m.status == .withdrawn { return 1 }
        guard let maxTerms = policy.rules.maxTerms, !m.status.isSeatedWhateverTerms else { return nil }
        return Swift.max(1, maxTerms - m.terms + 1)
    }

    /// The next `years` renewals; with `even`, a proposal of early rotations (at most `maxEarly` years early).
    /// `leaving`: members who have announced that they leave at the coming renewal (with `reason`).
    public func plan(years horizon: Int, even: Bool = false, maxEarly: Int = 2, seed: UInt64? = nil, leaving: [Int] = [],
                     reason: String? = nil, budget: SolveBudget = .unlimited) throws -> RenewalPlan {
        var limit = members.indices.map { limitYear(of: $0) }
        var reasons: [Int: String] = [:]
        for i in leaving {
            limit[i] = 1
            reasons[i] = Departure(member: i, reason: .announced(reason)).words
        }
        for (i, y) in limit.enumerated() where reasons[i] == nil {
            guard let y else { continue }
            reasons[i] = members[i].status == .withdrawn ? term("withdrawn")
                : phrase("term limit: {terms#term} served by year {year} (max_terms {max})", ["terms": .number(members[i].terms + y - 1), "year": .number(y), "max": .number(policy.rules.maxTerms!)])
        }
        var notes: [Message] = []
        if policy.rules.maxTerms == nil { notes.append(Message(.planNoTermLimit)) }
        if let m = policy.rules.maxTerms, horizon > m {
            notes.append(Message(.planNewcomersServe, ["years": .number(m)]))
        }
        let years = calendar(leavingYear: limit, horizon: horizon)
        var plan = RenewalPlan(roster: self, horizon: horizon, years: years, proposal: nil, reasons: reasons, notes: notes)
        if even { plan.proposal = try evenProposal(limit: limit, horizon: horizon, maxEarly: maxEarly, seed: seed ?? policy.seed ?? Policy.defaultSeed, base: years, budget: budget) }
        return plan
    }

    /// Seats currently held by nobody in `group` (the roster is short of the policy's seats).
    func vacant(_ group: String) -> Int { Swift.max(0, policy.seats(of: group) - members.filter { $0.group == group }.count) }

    /// Each year's leavers and open seats when member i leaves in `leavingYear[i]` (nil: not within the plan).
    func calendar(leavingYear: [Int?], horizon: Int) -> [RenewalPlan.Year] {
        let maxTerms = policy.rules.maxTerms ?? Int.max
        var years: [RenewalPlan.Year] = []
        for y in 1...Swift.max(1, horizon) {
            let leaving = members.indices.filter { leavingYear[$0] == y }
            var cohort = OrderedDictionary<String, Int>(), open = OrderedDictionary<String, Int>()
            for group in policy.groups {
                let returning = y > maxTerms ? years[y - maxTerms - 1].open[group] ?? 0 : 0
                cohort[group] = returning
                open[group] = leaving.filter { members[$0].group == group }.count + returning + (y == 1 ? vacant(group) : 0)
            }
            years.append(.init(year: y, leaving: leaving, newcomersLeaving: cohort, open: open))
        }
        return years
    }

    /// The exact proposal, one small integer program per group (a member's year changes only its group).
    func evenProposal(limit: [Int?], horizon: Int, maxEarly: Int, seed: UInt64, base: [RenewalPlan.Year], budget: SolveBudget) throws -> RenewalPlan.Proposal {
        try backend.prepareThread(budget)
        let maxTerms = policy.rules.maxTerms ?? Int.max
        var chosen = limit
        var peakBefore = OrderedDictionary<String, Int>(), peakAfter = OrderedDictionary<String, Int>()
        let weights = TieBreakOrder(seed: seed, ids: members.map(\.id)).weights
        for group in policy.groups {
            let inGroup = members.indices.filter { members[$0].group == group }
            let movable = inGroup.filter { i in limit[i].map { $0 <= horizon && $0 > 1 && members[i].status != .withdrawn } ?? false }
            peakBefore[group] = base.map { $0.open[group] ?? 0 }.max() ?? 0
            guard !movable.isEmpty else { peakAfter[group] = peakBefore[group]; continue }
            let cap = Swift.max(policy.seats(of: group), inGroup.count) + vacant(group)
            var program = IntegerProgram()
            func variable(_ name: String, _ upper: Int) -> Int {
                program.variables.append(.init(name: name, label: name, lower: 0, upper: upper))
                return program.variables.count - 1
            }
            // z[m][t]: member m leaves in year t, one of its limit year and up to maxEarly years before it.
            var z: [(member: Int, year: Int, column: Int)] = []
            for m in movable {
                let l = limit[m]!
                var terms: [IntegerProgram.Term] = []
                for t in Swift.max(1, l - maxEarly)...l {
                    let c = variable("z_\(members[m].id)_\(t)", 1)
                    z.append((m, t, c))
                    terms.append(.init(variable: c, coefficient: 1))
                }
                program.rows.append(.init(name: "once_\(m)", label: "\(members[m].id) leaves once", terms: terms, sense: .equal, rhs: 1))
            }
            // open[t] = movable leavers in t + fixed leavers in t + vacant seats (year 1) + open[t − max_terms].
            let open = (1...horizon).map { variable("open_\($0)", cap) }
            for t in 1...horizon {
                let fixed = inGroup.filter { limit[$0] == t && !movable.contains($0) }.count + (t == 1 ? vacant(group) : 0)
                var terms: [IntegerProgram.Term] = [.init(variable: open[t - 1], coefficient: 1)]
                for entry in z where entry.year == t { terms.append(.init(variable: entry.column, coefficient: -1)) }
                if t > maxTerms { terms.append(.init(variable: open[t - maxTerms - 1], coefficient: -1)) }
                program.rows.append(.init(name: "open_\(t)", label: "seats opening in year \(t)", terms: terms, sense: .equal, rhs: fixed))
            }
            // The peak, and each year's open seats as unit steps 1, 3, 5, … (their sum is the square).
            let peak = variable("peak", cap)
            var squares: [Int] = []
            var steps: [(column: Int, cost: Int)] = []
            for t in 1...horizon {
                program.rows.append(.init(name: "peak_\(t)", label: "peak at least year \(t)", terms: [.init(variable: peak, coefficient: 1), .init(variable: open[t - 1], coefficient: -1)], sense: .atLeast, rhs: 0))
                var terms: [IntegerProgram.Term] = [.init(variable: open[t - 1], coefficient: 1)]
                for k in 1...cap {
                    let c = variable("u_\(t)_\(k)", 1)
                    steps.append((c, 2 * k - 1))
                    terms.append(.init(variable: c, coefficient: -1))
                }
                program.rows.append(.init(name: "units_\(t)", label: "year \(t) in unit steps", terms: terms, sense: .equal, rhs: 0))
            }
            squares = [Int](repeating: 0, count: program.variables.count)
            for s in steps { squares[s.column] = s.cost }
            let n = program.variables.count
            var peakCost = [Int](repeating: 0, count: n); peakCost[peak] = 1
            var moves = [Int](repeating: 0, count: n), distance = [Int](repeating: 0, count: n), seeded = [Int](repeating: 0, count: n)
            for entry in z where entry.year < limit[entry.member]! {
                moves[entry.column] = 1
                distance[entry.column] = limit[entry.member]! - entry.year
                seeded[entry.column] = weights[entry.member]
            }
            program.objectives = [
                .init(label: "the most seats opening in one year", minimize: true, coefficients: peakCost),
                .init(label: "the sum of squares of the seats opening each year", minimize: true, coefficients: squares),
                .init(label: "early rotations", minimize: true, coefficients: moves),
                .init(label: "years of early rotation", minimize: true, coefficients: distance),
                .init(label: "tie-break: the order drawn from the seed", minimize: true, coefficients: seeded),
            ]
            let solution = try StagedProblem(program, backend: backend).solve(budget: budget)
            guard solution.status == .optimal, let values = solution.values else {
                throw SolverError.noAnswer("the even rotation for \(group) was not solved: \(solution.detail)")
            }
            for entry in z where values[entry.column] == 1 { chosen[entry.member] = entry.year }
            peakAfter[group] = values[peak]
        }
        let years = calendar(leavingYear: chosen, horizon: horizon)
        var rotations: [RenewalPlan.EarlyRotation] = []
        for i in members.indices {
            guard let from = limit[i], let to = chosen[i], to < from else { continue }
            let g = members[i].group
            let without = base[from - 1].open[g] ?? 0, with = years[from - 1].open[g] ?? 0
            let reason = phrase("leaves in year {to} rather than {from}: {group} would otherwise open {without} of its {seats#seat} in year {from} ({with} with this proposal)",
                                ["to": .number(to), "from": .number(from), "group": .text(g), "without": .number(without), "seats": .number(policy.seats(of: g)), "with": .number(with)])
            rotations.append(.init(member: i, limitYear: from, year: to, reason: reason))
        }
        return .init(rotations: rotations, years: years, peakBefore: peakBefore, peakAfter: peakAfter)
    }
}
