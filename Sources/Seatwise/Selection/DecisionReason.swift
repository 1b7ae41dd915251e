// Why a nominee is in or out (docs/guide/explain-and-defend.md, "The reasons"). The rule-based reasons need no solve; the others come from a
// counterfactual re-solve (see Explainer), and without one a report uses the rule-based estimate.

public enum DecisionReason: String, Sendable, Codable, CaseIterable {
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
    /// Not seated, and no panel that meets the rules can seat them.
    case cannotBeSeated = "cannot_be_seated"
    /// Seated, and no panel that meets the rules can leave them out.
    case cannotBeLeftOut = "cannot_be_left_out"
    /// An equally good panel exists with the decision reversed; the seed decided.
    case tie
    /// No panel was chosen (the policy is infeasible).
    case noPanel = "no_panel"
    /// Seated or left out by the coordinator's adjustment of the round.
    case decision
    /// A sitting member whose seat is being filled mid-term (`seatwise replace`).
    case vacated
    /// Appointed by a group that appoints its own members (`mode: appointed`).
    case appointed
    /// Holds an office's seat (`status: ex_officio`).
    case exOfficio = "ex_officio"
    /// Chosen or left out by a group that chooses alone (`mode: independent`).
    case chosenAlone = "chosen_alone"
    /// An equally good panel by rank reverses this; the history stage chose (`history.prefer`).
    case history
    /// Not tested against the best panel that reverses it (the panel not proved optimal, or the time
    /// limit reached first): no claim is made.
    case notTested = "not_tested"

    /// Every nominee's reason, in one pass: a group's cut is computed once, not once per member.
    public static func all(in result: SelectionResult) -> [DecisionReason] {
        let nominees = result.input.nominees
        let seated = result.isSeated
        // Per group: the best rank left out (among those who could be seated) and the worst rank seated freely.
        var bestUnseated: [String: Int] = [:], worstSeated: [String: Int] = [:]
        for (i, n) in nominees.enumerated() where result.standings[i] == .free {
            let r = result.ranks[i]
            if seated[i] { worstSeated[n.group] = max(worstSeated[n.group] ?? r, r) } else { bestUnseated[n.group] = min(bestUnseated[n.group] ?? r, r) }
        }
        return nominees.indices.map { i in
            switch result.standings[i] {
            case .fixedIn(.continuing): return .continuing
            case .fixedIn(.decision), .fixedOut(.decision): return .decision
            case .fixedIn(.appointed): return .appointed
            case .fixedIn(.exOfficio): return .exOfficio
            case .fixedIn(.independent), .fixedOut(.independent): return .chosenAlone
            case .fixedIn(_): return .required
            case .fixedOut(.withdrawn): return .withdrawn
            case .fixedOut(.vacated): return .vacated
            case .fixedOut(_): return .termLimited
            case .free: break
            }
            guard result.status != .infeasible else { return .noPanel }
            let group = nominees[i].group, rank = result.ranks[i]
            if seated[i] { return (bestUnseated[group] ?? Int.max) < rank ? .aheadOfHigherRanked : .inRankOrder }
            return (worstSeated[group] ?? Int.min) > rank ? .passedOver : .belowCut
        }
    }

    /// The reason in a few words, for a report's Reason column (the code stays in JSON and CSV).
    public var words: String {
        switch self {
        case .continuing: return term("continuing member")
        case .required: return term("required")
        case .withdrawn: return term("withdrawn")
        case .termLimited: return term("term limit reached")
        case .inRankOrder: return term("in rank order")
        case .aheadOfHigherRanked: return term("ahead of higher-ranked")
        case .belowCut: return term("below the cut")
        case .passedOver: return term("passed over")
        case .cannotBeSeated: return term("cannot be seated")
        case .cannotBeLeftOut: return term("cannot be left out")
        case .tie: return term("tie, decided by the seed")
        case .noPanel: return term("no panel")
        case .decision: return term("coordinator's decision")
        case .vacated: return term("seat vacated")
        case .appointed: return term("appointed by the group")
        case .exOfficio: return term("ex officio")
        case .chosenAlone: return term("chosen by the group alone")
        case .history: return term("decided by the history")
        case .notTested: return term("not tested")
        }
    }

    /// Why a nominee is not seated, in the words a public report counts them by.
    public var unseatedWords: String {
        switch self {
        case .belowCut: return term("below the group's cut")
        case .passedOver: return term("passed over by the rules")
        case .cannotBeSeated: return term("no panel meeting the rules can seat them")
        case .noPanel: return term("no panel was chosen")
        case .decision: return term("excluded by decision of the coordinator")
        case .vacated: return term("vacated the seat")
        default: return words
        }
    }

    public var sentence: String {
        switch self {
        case .continuing: return term("continuing member, kept under rules.continuing: keep")
        case .required: return term("required seat")
        case .withdrawn: return term("withdrawn")
        case .termLimited: return term("term limit reached (rules.max_terms)")
        case .inRankOrder: return term("seated in the group's rank order")
        case .aheadOfHigherRanked: return term("seated ahead of higher-ranked nominees of the group, by the rules at their limit")
        case .belowCut: return term("below the group's cut")
        case .passedOver: return term("not seated although ranked above someone seated, by the rules at their limit")
        case .cannotBeSeated: return term("no panel that meets the rules can seat them")
        case .cannotBeLeftOut: return term("no panel that meets the rules can leave them out")
        case .tie: return term("an equally good panel reverses this; the seed decided")
        case .noPanel: return term("no panel meets the rules")
        case .decision: return term("by decision of the coordinator (an adjustment of this round)")
        case .vacated: return term("vacated the seat; a replacement fills it")
        case .appointed: return term("appointed by its group (mode: appointed)")
        case .exOfficio: return term("ex officio: the seat belongs to an office, whoever holds it")
        case .chosenAlone: return term("chosen by its group alone (mode: independent), by its ranking and its own rules")
        case .history: return term("an equally good panel by rank reverses this; the history stage chose the panel whose countries held fewer seats")
        case .notTested: return term("not tested against the best panel that reverses it (time limit)")
        }
    }
}
