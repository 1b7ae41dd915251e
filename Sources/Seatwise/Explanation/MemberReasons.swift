// Why each seated member is on the panel, in one phrase for the member tables of every report: the
// rule-based reason, and for a member seated ahead of higher-ranked nominees, the rules at their limit
// that stop the swap, each by its kind (a minimum that needs the member, a cap the rival would break).

public struct MemberReasons: Sendable {
    public let reasons: [DecisionReason]
    private let words: ExplanationWords

    public init(_ result: SelectionResult) {
        reasons = DecisionReason.all(in: result)
        words = ExplanationWords(result: result, closeCall: 0)
    }

    public func sentence(_ i: Int) -> String {
        let reason = reasons[i]
        guard reason == .aheadOfHigherRanked else { return reason.sentence }
        let decisive = words.rules.decisive(i, rivals: words.rivals(i))
        guard !decisive.isEmpty else {
            return "seated ahead of higher-ranked nominees of the group; no rule at its limit blocks a one-for-one swap, so an equally good panel may seat them instead (see the explanations)"
        }
        let named = decisive.prefix(2).map { "the \($0.kind) \($0.label)" }.joined(separator: "; ")
        let more = decisive.count > 2 ? " and \(decisive.count - 2) more" : ""
        return "seated ahead of higher-ranked nominees of the group: \(named)\(more)"
    }
}
