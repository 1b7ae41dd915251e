// Whether a nominee is free to be chosen or fixed in or out by a rule (docs/guide/run-a-round.md, "What a selection does"): continuing under
// `keep` and required are seated, withdrawn and term-limited are not.

public enum StandingRule: String, Sendable, Codable {
    case continuing, required, withdrawn
    case termLimited = "term_limited"
    /// The coordinator's adjustment of the round (seat or exclude).
    case decision
    /// A sitting member whose seat a mid-term replacement fills (`seatwise replace`).
    case vacated
    /// A member of a group that appoints its own (`mode: appointed`): seated as listed.
    case appointed
    /// The holder of an office's seat (`status: ex_officio`).
    case exOfficio = "ex_officio"
    /// Chosen, or not, by a group that chooses alone (`mode: independent`), before the rest.
    case independent
}

public enum Standing: Sendable, Equatable {
    case free
    case fixedIn(StandingRule)
    case fixedOut(StandingRule)

    public var isFixedIn: Bool { if case .fixedIn = self { return true } else { return false } }
    public var isFixedOut: Bool { if case .fixedOut = self { return true } else { return false } }

    /// The standing of `nominee` under `rules`. A required nominee is seated even past the term limit
    /// (a host country's seat); a continuing member who has reached it leaves.
    public static func of(_ nominee: Nominee, rules: SelectionRules) -> Standing {
        // An appointing group's members are seated as its list gives them, whatever their terms.
        if rules.appointed.contains(nominee.group) { return nominee.status == .withdrawn ? .fixedOut(.withdrawn) : .fixedIn(.appointed) }
        let limited = rules.maxTerms.map { nominee.terms >= $0 } ?? false
        switch nominee.status {
        case .withdrawn: return .fixedOut(.withdrawn)
        case .required: return .fixedIn(.required)
        case .exOfficio: return .fixedIn(.exOfficio)
        case .continuing where rules.continuing == .keep:
            return limited ? .fixedOut(.termLimited) : .fixedIn(.continuing)
        case .continuing, .new:
            return limited ? .fixedOut(.termLimited) : .free
        }
    }
}
