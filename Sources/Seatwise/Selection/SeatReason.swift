// The reason for each decision that needs no solve (SPEC §6): a rule fixed it, or it follows the
// group's own ranking. Anything else is marked for a counterfactual explanation.

public enum SeatReason: String, Sendable, Codable {
    case continuing, required, withdrawn
    case termLimited = "term_limited"
    /// Everyone the group ranked higher is also seated.
    case inRankOrder = "in_rank_order"
    /// Seated although the group ranked someone not seated higher: quotas made it necessary or better.
    case aheadOfHigherRanked = "ahead_of_higher_ranked"
    /// Not seated, and everyone seated from the group is ranked at least as high.
    case belowCut = "below_cut"
    /// Not seated although ranked above someone seated.
    case passedOver = "passed_over"
    /// No panel was chosen.
    case noPanel = "no_panel"

    public static func of(_ i: Int, in result: SelectionResult, seatedFlags: [Bool]) -> SeatReason {
        switch result.standings[i] {
        case .fixedIn(.continuing): return .continuing
        case .fixedIn(_): return .required
        case .fixedOut(.withdrawn): return .withdrawn
        case .fixedOut(_): return .termLimited
        case .free: break
        }
        guard result.status != .infeasible else { return .noPanel }
        let nominees = result.input.nominees
        let group = nominees[i].group
        let rank = result.ranks[i]
        let sameGroup = nominees.indices.filter { nominees[$0].group == group && !result.standings[$0].isFixedOut }
        if seatedFlags[i] {
            return sameGroup.contains { result.ranks[$0] < rank && !seatedFlags[$0] } ? .aheadOfHigherRanked : .inRankOrder
        }
        return sameGroup.contains { result.ranks[$0] > rank && seatedFlags[$0] && result.standings[$0] == .free } ? .passedOver : .belowCut
    }

    public var sentence: String {
        switch self {
        case .continuing: return "continuing member, kept under rules.continuing: keep"
        case .required: return "required seat"
        case .withdrawn: return "withdrawn"
        case .termLimited: return "term limit reached (rules.max_terms)"
        case .inRankOrder: return "seated in the group's rank order"
        case .aheadOfHigherRanked: return "seated ahead of higher-ranked nominees of the group (the quotas need it)"
        case .belowCut: return "below the group's cut"
        case .passedOver: return "not seated although ranked above someone seated (the quotas need it)"
        case .noPanel: return "no panel meets the rules"
        }
    }
}
