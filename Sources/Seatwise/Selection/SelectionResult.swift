// The outcome of a selection round (docs/guide/run-a-round.md, "What a selection does"): status, objective and its proof, the panel, every
// quota's count and verdict, and each group's share of the outcome.

public enum SelectionMode: String, Sendable, Codable, CaseIterable {
    /// MAG-style: one coordinator chooses across all lists at once.
    case coordinated
    /// IGC-style: each group fills its own seats with only its own quotas.
    case independent
}

/// A quota row's verdict, judged once (`QuotaOutcome.verdict`); every report words it from this value.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// No panel was solved: nothing to judge.
    case notSolved = "not_solved"
    case met
    /// Met, with the count on a bound the row sets.
    case metAtLimit = "met_at_limit"
    /// Broken, and the selection enforced the row.
    case violated
    /// Broken, but the selection did not enforce the row (a body-wide rule under independent selection).
    case violatedNotEnforced = "violated_not_enforced"

    public var isMet: Bool { self == .met || self == .metAtLimit }
    public var isBroken: Bool { self == .violated || self == .violatedNotEnforced }
}

public struct QuotaOutcome: Sendable {
    public var row: QuotaRow
    public var count: Int
    public var satisfied: Bool
    /// False when no panel was solved (an infeasible round): the row then has no verdict.
    public var judged = true
    /// The count sits on a bound the quota sets (a binding rule).
    public var atLimit: Bool
    /// Whether the selection enforced it (independent selection does not enforce body-wide quotas).
    public var enforced: Bool

    public init(row: QuotaRow, count: Int, satisfied: Bool, atLimit: Bool, enforced: Bool) {
        self.row = row
        self.count = count
        self.satisfied = satisfied
        self.atLimit = atLimit
        self.enforced = enforced
    }

    /// The verdict on `count` members: met and at a limit only when there is a panel to count.
    public init(row: QuotaRow, count: Int, hasPanel: Bool, enforced: Bool) {
        self.init(row: row, count: count, satisfied: hasPanel && row.admits(count),
                  atLimit: hasPanel && (count == row.min || count == row.max), enforced: enforced)
        judged = hasPanel
    }

    /// The one judgement of this row, which every surface words.
    public var verdict: Verdict {
        guard judged else { return .notSolved }
        if !satisfied { return enforced ? .violated : .violatedNotEnforced }
        return atLimit ? .metAtLimit : .met
    }
}

public struct GroupOutcome: Sendable {
    public var group: String
    public var seats: Int
    public var seated: Int
    /// Whether the group holds exactly its seats (an audited roster may hold more or fewer).
    public var filled: Bool { seated == seats }
    /// The sum of the seated members' ranks in this group (unranked counted after the ranked).
    public var rankSum: Int
    /// How many of the group's top `seats` choices were seated.
    public var topChoicesSeated: Int
}

public struct SelectionResult: Sendable {
    public enum Status: String, Sendable, Codable {
        case optimal, infeasible
        case timeLimit = "time_limit"
    }

    /// The rules the round was solved under (a repair's or an adjustment's included).
    public var context: SelectionContext
    public var mode: SelectionMode
    public var status: Status
    /// Indices into `input.nominees` of the seated, in policy group order, then rank, then id.
    public var seated: [Int]
    public var rankSum: Int?
    /// For a lexicographic objective: seated ranked members per rank level, best level first (unranked
    /// members count at no level).
    public var rankCounts: [(rank: Int, count: Int)]
    /// Proved bound on the primary objective; equal to its value when optimal.
    public var bound: Double?
    public var quotas: [QuotaOutcome]
    public var groups: [GroupOutcome]
    public var preCheckFailures: [PreCheckFailure]
    /// Plain-word notes: rules that overrode others, groups that could not be filled, time limits.
    public var notes: [Message]
    /// Wall-clock seconds spent building the models and inside GLPK (for benchmarks and `--timings`).
    public var modelSeconds: Double = 0
    public var solveSeconds: Double = 0
    /// False when the time limit ended the seeded choice among panels proved equally good: the panel
    /// is optimal, but the seed did not finish deciding which optimal panel it is.
    public var tieBreakFinished = true

    public var input: SelectionInput { context.input }
    public var seed: UInt64 { context.seed }
    public var seedSource: SeedSource { context.seedSource }
    public var standings: [Standing] { context.standings }
    public var ranks: [Int] { context.ranks }
    /// Whether the objective's value is proved optimal (the panel is optimal, even if the seeded
    /// tie-break was cut short).
    public var objectiveProved: Bool { status == .optimal }

    public var policy: Policy { input.policy }
    public var objective: ObjectiveKind { input.policy.objective }
    public var isSeated: [Bool] {
        var flags = [Bool](repeating: false, count: input.nominees.count)
        for i in seated { flags[i] = true }
        return flags
    }
    /// Quota rows the panel breaks (what an independent selection is audited for); none without a panel.
    public var violations: [QuotaOutcome] { status == .infeasible ? [] : quotas.filter { !$0.satisfied } }
}
