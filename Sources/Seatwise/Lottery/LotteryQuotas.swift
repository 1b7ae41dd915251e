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
        let rows = context.quotaRows
        // Each panel's count of every row, in one pass over its members (a large lottery has thousands of
        // panels and hundreds of rows: counting row by row would be their product times the seats).
        var rowsOf = [[Int]](repeating: [], count: input.nominees.count)
        for (r, row) in rows.enumerated() { for i in row.members { rowsOf[i].append(r) } }
        func counts(_ panel: [Int]) -> [Int] {
            var c = [Int](repeating: 0, count: rows.count)
            for i in panel { for r in rowsOf[i] { c[r] += 1 } }
            return c
        }
        let panelCounts = distribution.map { counts($0.panel) }
        let drawnCounts = drawn.map(counts)
        return rows.enumerated().map { r, row in
            let enforced = row.isEnforced(in: mode)
            var expected = 0.0, fewest = Int.max, most = 0
            var worst = Verdict.met
            for (entry, c) in zip(distribution, panelCounts) {
                let count = c[r]
                expected += entry.probability * Double(count)
                fewest = Swift.min(fewest, count)
                most = Swift.max(most, count)
                worst = Self.worse(worst, QuotaOutcome(row: row, count: count, hasPanel: true, enforced: enforced).verdict)
            }
            let onDrawn = drawnCounts.map { QuotaOutcome(row: row, count: $0[r], hasPanel: true, enforced: enforced) }
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
