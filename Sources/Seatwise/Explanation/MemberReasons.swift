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
        return said(i).description
    }

    /// The phrase for a member seated ahead of higher-ranked nominees: the rules that stop the swap.
    func said(_ i: Int) -> Message {
        let decisive = words.rules.decisive(i, rivals: words.rivals(i))
        guard !decisive.isEmpty else { return Message(.memberAheadUnblocked) }
        let named = MessageValue.clauses(decisive.prefix(2).map { words.cited($0) })
        let rules = decisive.count > 2 ? MessageValue.message(Message(.rulesAndMore, ["rules": named, "more": .number(decisive.count - 2)])) : named
        return Message(.memberAhead, ["rules": rules])
    }
}
