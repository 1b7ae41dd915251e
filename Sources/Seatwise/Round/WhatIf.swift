// The answer to a what-if: the adjusted round's result and how it differs from the round before the
// adjustment: who enters, who leaves, and what it costs each group in its own ranking.

public struct WhatIf: Sendable {
    public struct GroupChange: Sendable, Equatable {
        public var group: String
        /// The rank sum of the group's seated members, before and after.
        public var rankSumBefore: Int
        public var rankSumAfter: Int
        public var change: Int { rankSumAfter - rankSumBefore }
    }

    public var adjustments: [Adjustment]
    public var base: SelectionResult
    public var result: SelectionResult

    public init(adjustments: [Adjustment], base: SelectionResult, result: SelectionResult) {
        self.adjustments = adjustments
        self.base = base
        self.result = result
    }

    /// Nominee indices seated after but not before, and before but not after.
    public var entering: [Int] { result.seated.filter { !base.isSeated[$0] } }
    public var leaving: [Int] { base.seated.filter { !result.isSeated[$0] } }

    /// The change in the rank sum (nil when either side has no panel).
    public var objectiveChange: Int? {
        guard let before = base.rankSum, let after = result.rankSum, result.status != .infeasible, base.status != .infeasible else { return nil }
        return after - before
    }

    /// Each group's rank sum before and after; empty when either side has no panel.
    public var groups: [GroupChange] {
        guard base.status != .infeasible, result.status != .infeasible else { return [] }
        return zip(base.groups, result.groups).map { GroupChange(group: $0.group, rankSumBefore: $0.rankSum, rankSumAfter: $1.rankSum) }
    }

    /// One line: "N0123 [Civil Society] in; N0456 [Civil Society] out; rank sum +3".
    public var summary: String {
        guard result.status != .infeasible else { return "no panel meets the rules under this change" }
        let ids = result.input.nominees
        let inText = entering.map { "\(ids[$0].name) [\(ids[$0].id)]" }.joined(separator: ", ")
        let outText = leaving.map { "\(ids[$0].name) [\(ids[$0].id)]" }.joined(separator: ", ")
        let cost = objectiveChange.map { $0 == 0 ? "rank sum unchanged" : "rank sum \($0 > 0 ? "+" : "")\($0)" } ?? ""
        return "\(inText.isEmpty ? "no one" : inText) in; \(outText.isEmpty ? "no one" : outText) out; \(cost)"
    }
}
