// What a fair lottery found: a distribution over panels that meet every rule, each nominee's chance of a
// seat, the proved minimum (maximin) or leximin levels, who can be seated in no valid panel, and the proof.

public enum LotteryMethod: String, Sendable, Codable, CaseIterable {
    /// Maximise the smallest chance of a seat among those who can be seated at all.
    case maximin
    /// Then the next smallest, and so on (lexicographically maximal sorted chances).
    case leximin
}

public struct LotteryResult: Sendable {
    public enum Status: String, Sendable, Codable {
        /// Every stage proved optimal by its pricing problem.
        case optimal
        /// No panel meets the rules.
        case infeasible
        /// The time limit ended the search: the distribution so far, with its proved gap.
        case timeLimit = "time_limit"
    }

    /// The rules the lottery was drawn under.
    public var context: SelectionContext
    public var mode: SelectionMode
    public var method: LotteryMethod
    public var status: Status
    /// Panels (nominee indices, ascending by id) with their probabilities, in canonical order (by the
    /// panels' sorted ids); the probabilities sum to 1.
    public var distribution: [(panel: [Int], probability: Double)]
    /// Each nominee's chance of a seat: the sum over the panels that hold them.
    public var probabilities: [Double]
    /// The smallest chance among those who can be seated and are not fixed in; and the proved bound
    /// above it (equal, up to the solver's tolerance, when optimal).
    public var minimum: Double
    public var upperBound: Double
    /// The proof of the bound, checkable with any integer-programming solver: a weight per nominee (summing
    /// to 1, zero for those not weighed) such that no panel that meets the rules weighs more than `bound`;
    /// the weighted mean of the chances is then at most `bound`, and so is the smallest. Nil when no
    /// lottery was priced (no valid panel, or nobody left to choose).
    public var certificate: (weights: [Double], bound: Double)?
    /// Nominees no panel that meets the rules can seat (chance 0 by the rules, not by the lottery).
    public var unseatable: [Int]
    /// LEXIMIN: each stage's level and how many nominees it fixed there.
    public var levels: [(probability: Double, nominees: Int)]
    /// Count vectors (how many of each class a panel seats) the pricing problem generated, and the stages
    /// (1 for maximin).
    public var panelsGenerated: Int
    public var stages: Int
    /// Classes of nominees the rules cannot tell apart, over which the lottery was solved.
    public var classes = 0
    /// The lottery as it was solved: each class's members (ascending by id), and the seat-count patterns
    /// (how many of each class a panel seats) with their probabilities, by their counts. The ticket
    /// lottery is laid out from them.
    public var classMembers: [[Int]] = []
    public var patterns: [(counts: [Int], probability: Double)] = []
    /// Wall-clock seconds: in all, finding a panel for everyone who can be seated, in the pricing
    /// problem and in the master LP; and how many pricing problems were solved.
    public var seconds: Double = 0
    public var coverSeconds: Double = 0
    public var pricingSeconds: Double = 0
    public var masterSeconds: Double = 0
    /// Seconds spent turning the lottery over classes' counts into panels of people.
    public var expansionSeconds: Double = 0
    public var pricings = 0
    public var notes: [Message]

    public var input: SelectionInput { context.input }
    public var policy: Policy { input.policy }

    /// The proved gap between the best minimum and what any distribution could reach.
    public var gap: Double { max(0, upperBound - minimum) }

    /// The Gini coefficient of the chances of those who can be seated and are not fixed: 0 when equal.
    public var gini: Double {
        let values = eligible.map { probabilities[$0] }.sorted()
        let n = Double(values.count), total = values.reduce(0, +)
        guard n > 1, total > 0 else { return 0 }
        var weighted = 0.0
        for (k, v) in values.enumerated() { weighted += Double(2 * (k + 1)) * v }
        // Never below 0 (rounding of equal chances would print "-0.000").
        return max(0, weighted / (n * total) - (n + 1) / n)
    }

    /// Nominees the lottery decides about: free to be seated and seatable in some valid panel.
    public var eligible: [Int] {
        let out = Set(unseatable)
        return input.nominees.indices.filter { context.standings[$0] == .free && !out.contains($0) }
    }

    /// Each nominee's chance under a naive per-group lottery: each group draws its open seats uniformly
    /// from all its free nominees, ignoring every quota (so even those the quotas cannot seat).
    public var perGroupLottery: [Double] {
        let nominees = input.nominees
        var free: [String: Int] = [:], held: [String: Int] = [:]
        for (i, n) in nominees.enumerated() {
            switch context.standings[i] {
            case .free: free[n.group, default: 0] += 1
            case .fixedIn: held[n.group, default: 0] += 1
            case .fixedOut: break
            }
        }
        return nominees.indices.map { i in
            switch context.standings[i] {
            case .fixedIn: return 1
            case .fixedOut: return 0
            case .free:
                let g = nominees[i].group
                let open = max(0, policy.seats(of: g) - (held[g] ?? 0))
                return min(1, Double(open) / Double(max(1, free[g] ?? 1)))
            }
        }
    }
}
