// Independent (IGC-style) and coordinated (MAG-style) selection on the same input, side by side
// (docs/guide/audit-and-compare.md, "Compare"): every quota under each, the members who differ, and what coordination costs each group
// in its own ranking.

public struct GroupCost: Sendable {
    public var group: String
    public var seats: Int
    public var independentRankSum: Int?
    public var coordinatedRankSum: Int?
    public var independentTopChoices: Int?
    public var coordinatedTopChoices: Int?
    /// How many of the group's independently chosen members coordination replaces.
    public var replaced: Int

    /// The rise in the group's rank sum that coordination costs it (nil when either mode has no panel).
    public var cost: Int? {
        guard let a = independentRankSum, let b = coordinatedRankSum else { return nil }
        return b - a
    }
}

public struct Comparison: Sendable {
    public var independent: SelectionResult
    public var coordinated: SelectionResult
    /// Nominee indices seated by one mode only.
    public var onlyIndependent: [Int]
    public var onlyCoordinated: [Int]
    public var groups: [GroupCost]

    public var input: SelectionInput { coordinated.input }

    /// When a side has no panel, which one, in words ("the coordinated selection"); nil when both have one.
    /// Why there is no comparison, in one sentence; nil when both selections have a panel.
    public var missingPanel: String? {
        switch (independent.status == .infeasible, coordinated.status == .infeasible) {
        case (true, true): return term("No comparison: neither the independent nor the coordinated selection has a panel that meets the rules.")
        case (true, false): return term("No comparison: the independent selection has no panel that meets the rules.")
        case (false, true): return term("No comparison: the coordinated selection has no panel that meets the rules.")
        case (false, false): return nil
        }
    }

    public static func run(_ input: SelectionInput, options: SelectionOptions = SelectionOptions()) throws -> Comparison {
        try run(Round(input: input, seed: options.seed), budget: options.budget)
    }

    /// Both modes on one round, its adjustments included.
    public static func run(_ round: Round, budget: SolveBudget = .unlimited) throws -> Comparison {
        let context = try round.context(budget: budget)
        let independent = try SelectionSolver.run(context: context, mode: .independent, budget: budget)
        let coordinated = try SelectionSolver.run(context: context, mode: .coordinated, budget: budget)
        let input = context.input
        let a = Set(independent.seated), b = Set(coordinated.seated)
        let groups = input.policy.seats.map { (group: $0.key, seats: $0.value) }.map { entry -> GroupCost in
            let i = independent.groups.first { $0.group == entry.group }, c = coordinated.groups.first { $0.group == entry.group }
            let hasI = independent.status != .infeasible, hasC = coordinated.status != .infeasible
            let replaced = a.subtracting(b).filter { input.nominees[$0].group == entry.group }.count
            return GroupCost(group: entry.group, seats: entry.seats,
                             independentRankSum: hasI ? i?.rankSum : nil, coordinatedRankSum: hasC ? c?.rankSum : nil,
                             independentTopChoices: hasI ? i?.topChoicesSeated : nil, coordinatedTopChoices: hasC ? c?.topChoicesSeated : nil,
                             replaced: hasI && hasC ? replaced : 0)
        }
        return Comparison(independent: independent, coordinated: coordinated,
                          onlyIndependent: independent.seated.filter { !b.contains($0) },
                          onlyCoordinated: coordinated.seated.filter { !a.contains($0) }, groups: groups)
    }
}
