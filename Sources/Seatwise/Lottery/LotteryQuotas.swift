// Every rule judged over a lottery, once, for every surface: how many seats the rule's values hold in
// the panels the lottery draws from (expected, fewest, most) and the worst verdict over those panels;
// and, once drawn, the drawn panel's count and verdict, as a selection would judge it.

public struct LotteryQuotaOutcome: Sendable {
    public var row: QuotaRow
    /// Whether the lottery's panels had to meet the row (a body-wide row is not enforced when each
    /// group chooses alone).
    public var enforced: Bool
    /// The seats the row's values hold, on average over the lottery, and in the panels holding fewest and most.
    public var expected: Double
    public var fewest: Int
    public var most: Int
    /// The worst verdict of any panel the lottery can draw (`notSolved` when there is no panel).
    public var verdict: Verdict
    /// The drawn panel's verdict on the row, once drawn.
    public var drawn: QuotaOutcome?
}

extension LotteryResult {
    /// Each quota row judged over the distribution and, with `drawn`, on the drawn panel.
    public func quotaOutcomes(drawn: [Int]? = nil) -> [LotteryQuotaOutcome] {
        let hasPanel = status != .infeasible && !distribution.isEmpty
        return context.quotaRows.map { row in
            let enforced = row.isEnforced(in: mode)
            let members = Set(row.members)
            var expected = 0.0, fewest = Int.max, most = 0
            var worst = Verdict.met
            for entry in distribution {
                let count = entry.panel.filter(members.contains).count
                expected += entry.probability * Double(count)
                fewest = Swift.min(fewest, count)
                most = Swift.max(most, count)
                worst = Self.worse(worst, QuotaOutcome(row: row, count: count, hasPanel: true, enforced: enforced).verdict)
            }
            let onDrawn = drawn.map { panel in QuotaOutcome(row: row, count: panel.filter(members.contains).count, hasPanel: true, enforced: enforced) }
            return LotteryQuotaOutcome(row: row, enforced: enforced, expected: hasPanel ? expected : 0, fewest: hasPanel ? fewest : 0, most: most,
                                       verdict: hasPanel ? worst : .notSolved, drawn: onDrawn)
        }
    }

    /// The graver of two verdicts: broken over met, at a limit over clear.
    static func worse(_ a: Verdict, _ b: Verdict) -> Verdict {
        let order: [Verdict] = [.notSolved, .met, .metAtLimit, .violatedNotEnforced, .violated]
        return order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
    }
}
