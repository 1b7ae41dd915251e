// One nominee's decision and its reason in plain words, with the numbers behind it (SPEC §6).

public struct Explanation: Sendable {
    public enum Decision: String, Sendable, Codable {
        case seated
        case notSeated = "not_seated"
    }

    public enum Reason: String, Sendable, Codable, CaseIterable {
        case continuing, required, withdrawn
        case termLimited = "term_limited"
        /// Seated, and everyone the group ranked higher is seated too.
        case inRankOrder = "in_rank_order"
        /// Not seated, and no one the group ranked lower is seated.
        case belowCut = "below_cut"
        /// Seated ahead of higher-ranked nominees of the group; the panel without them is worse.
        case aheadOfHigherRanked = "ahead_of_higher_ranked"
        /// Not seated although ranked above someone seated; the panel with them is worse.
        case passedOver = "passed_over"
        /// Not seated, and no panel that meets the rules can seat them.
        case cannotBeSeated = "cannot_be_seated"
        /// Seated, and no panel that meets the rules can leave them out.
        case cannotBeLeftOut = "cannot_be_left_out"
        /// An equally good panel exists with the decision reversed; the seed decided.
        case tie
        /// No panel was chosen (the policy is infeasible).
        case noPanel = "no_panel"
    }

    /// Index into `SelectionInput.nominees`.
    public var nominee: Int
    public var decision: Decision
    public var reason: Reason
    public var message: String
    /// How much worse the best panel with this decision reversed is, in objective units: 0 for a tie,
    /// nil when no such panel exists or none was computed.
    public var delta: Int?
    /// For a lexicographic objective: the rank level at which the reversed panel is worse.
    public var deltaLevel: Int?
    /// Nominee indices entering and leaving the panel when the decision is reversed.
    public var entering: [Int]
    public var leaving: [Int]
    public var closeCall: Bool
    /// Labels of the rules that decide it (quotas at their limit, or the rules that forbid the reverse).
    public var rules: [String]
}
