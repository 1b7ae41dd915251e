// The integer program of a selection (docs/guide/run-a-round.md, "What a selection does"): x_i ∈ {0,1} per nominee; exact seats per group;
// every quota row; fixed nominees by their standing; the objective, then the seeded tie-break.

public struct SelectionModel: Sendable {
    public var program: IntegerProgram
    /// Column j is nominee `columns[j]` (an index into `SelectionInput.nominees`).
    public var columns: [Int]
    /// The quota rows this model enforces, indexed by `IntegerProgram.Origin`.
    public var quotaRows: [QuotaRow]
    /// For each of them, its index among the context's quota rows (the result's `quotas`).
    public var quotaRowIDs: [Int]
    /// For a lexicographic objective: the rank level of each objective stage before the tie-break.
    public var rankLevels: [Int]
    /// The index of the history stage among the objectives (`history.prefer: fewer_country_seats`), nil
    /// when there is none: it comes after the rank sum (or the rank levels), before the tie-break.
    public var historyStage: Int?
    /// The groups this model seats.
    public var groups: [String]
    /// The rule that fixes each column in or out (nil: free).
    public var fixedBy: [StandingRule?]
    /// The seed and the ids of the columns, for further seeded orders when two panels tie.
    public var seed: UInt64
    /// The solver this model is solved with (the round's).
    public var backend: any SolverBackend
    private var columnIDs: [String]

    /// Builds the model over the nominees of `groups`, enforcing `quotaRows`.
    public init(input: SelectionInput, standings: [Standing], ranks: [Int], quotaRows: [QuotaRow],
                groups: [String], seed: UInt64, quotaRowIDs: [Int]? = nil, backend: any SolverBackend = Solvers.glpk) {
        self.backend = backend
        self.quotaRowIDs = quotaRowIDs ?? Array(quotaRows.indices)
        let policy = input.policy
        let nominees = input.nominees
        let groupSet = Set(groups)
        let columns = nominees.indices.filter { groupSet.contains(nominees[$0].group) }
        self.columns = columns
        self.quotaRows = quotaRows
        self.groups = groups
        var columnOf = [Int](repeating: -1, count: nominees.count)
        for (j, i) in columns.enumerated() { columnOf[i] = j }

        var program = IntegerProgram()
        var names = LPNames()
        var fixedBy: [StandingRule?] = []
        for i in columns {
            let nominee = nominees[i]
            let standing = standings[i]
            let (lower, upper, note): (Int, Int, String) = switch standing {
            case .free: (0, 1, "")
            case .fixedIn(let rule): (1, 1, " (fixed in: \(rule.rawValue))")
            case .fixedOut(let rule): (0, 0, " (fixed out: \(rule.rawValue))")
            }
            switch standing {
            case .free: fixedBy.append(nil)
            case .fixedIn(let rule), .fixedOut(let rule): fixedBy.append(rule)
            }
            program.variables.append(.init(name: names.make("x", [nominee.id]), label: "\(nominee.name) [\(nominee.id)], \(nominee.group)\(note)",
                                           lower: lower, upper: upper))
        }
        for group in groups {
            let seats = policy.seats(of: group)
            let terms = columns.indices.filter { nominees[columns[$0]].group == group }.map { IntegerProgram.Term(variable: $0, coefficient: 1) }
            program.rows.append(.init(name: names.make("seats", [group]), label: "\(group) fills exactly \(Words.count(seats, "seat"))",
                                      terms: terms, sense: .equal, rhs: seats, origin: .seats(group: group)))
        }
        for (k, row) in quotaRows.enumerated() {
            let terms = row.members.compactMap { columnOf[$0] >= 0 ? IntegerProgram.Term(variable: columnOf[$0], coefficient: 1) : nil }
            let parts = [row.attribute] + row.values + (row.group.map { [$0] } ?? [])
            if let min = row.min, let max = row.max, min == max {
                program.rows.append(.init(name: names.make("q\(row.quotaIndex + 1)", parts + ["eq"]), label: row.label,
                                          terms: terms, sense: .equal, rhs: min, origin: .quotaExact(row: QuotaRowIndex(k))))
                continue
            }
            if let min = row.min, min > 0 {
                program.rows.append(.init(name: names.make("q\(row.quotaIndex + 1)", parts + ["min"]), label: row.label,
                                          terms: terms, sense: .atLeast, rhs: min, origin: .quotaMin(row: QuotaRowIndex(k))))
            }
            if let max = row.max, max < Swift.min(row.seatsInScope, terms.count) {
                program.rows.append(.init(name: names.make("q\(row.quotaIndex + 1)", parts + ["max"]), label: row.label,
                                          terms: terms, sense: .atMost, rhs: max, origin: .quotaMax(row: QuotaRowIndex(k))))
            }
        }

        var rankLevels: [Int] = []
        switch policy.objective {
        case .rankSum, .lottery:
            program.objectives.append(.init(label: "rank-sum: minimise the sum of the seated nominees' ranks", minimize: true,
                                            coefficients: columns.map { ranks[$0] }))
        case .lexicographic:
            // One stage per rank level a free nominee holds. Unranked nominees are nobody's k-th choice:
            // they count at no level, which puts them after every ranked nominee.
            let ranked = { (i: Int) in nominees[i].rank != nil }
            let levels = Set(columns.filter { standings[$0] == .free && ranked($0) }.map { ranks[$0] }).sorted()
            for level in levels {
                program.objectives.append(.init(label: "lexicographic: maximise the seated nominees of rank \(level)", minimize: false,
                                                coefficients: columns.map { ranked($0) && ranks[$0] == level ? 1 : 0 }))
            }
            rankLevels = levels
        }
        if policy.history?.preferFewerCountrySeats == true, input.history != nil {
            historyStage = program.objectives.count
            program.objectives.append(.init(label: "history: minimise the seats the members' countries held in the compositions counted", minimize: true,
                                            coefficients: columns.map { Int(nominees[$0].attributes[History.countrySeatsAttribute] ?? "") ?? 0 }))
        }
        self.seed = seed
        self.fixedBy = fixedBy
        columnIDs = columns.map { nominees[$0].id }
        program.objectives.append(Self.tieBreak(seed: seed, ids: columnIDs, salt: 0))
        self.program = program
        self.rankLevels = rankLevels
    }

    private static func tieBreak(seed: UInt64, ids: [String], salt: UInt64) -> IntegerProgram.Objective {
        .init(label: salt == 0 ? "tie-break: the order drawn from seed \(seed)" : "tie-break: order \(salt + 1) drawn from seed \(seed)",
              minimize: true, coefficients: TieBreakOrder(seed: seed, ids: ids, salt: salt).weights)
    }

    /// Further seeded orders for `StagedProblem`, used only when two panels tie under the first: the
    /// chosen panel then still depends on the seed and the ids alone.
    public var tieBreakRefinement: @Sendable (Int) -> IntegerProgram.Objective {
        let (seed, ids) = (seed, columnIDs)
        return { attempt in Self.tieBreak(seed: seed, ids: ids, salt: UInt64(attempt)) }
    }
}
