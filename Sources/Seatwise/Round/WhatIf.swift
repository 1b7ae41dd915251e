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
        guard result.status != .infeasible else { return term("no panel meets the rules under this change") }
        let ids = result.input.nominees
        let inText = entering.map { "\(ids[$0].name) [\(ids[$0].id)]" }.joined(separator: ", ")
        let outText = leaving.map { "\(ids[$0].name) [\(ids[$0].id)]" }.joined(separator: ", ")
        let cost = objectiveChange.map { $0 == 0 ? term("rank sum unchanged") : phrase("rank sum {change}", ["change": .text("\($0 > 0 ? "+" : "")\($0)")]) } ?? ""
        return phrase("{entering} in; {leaving} out; {cost}", ["entering": .text(inText.isEmpty ? term("no one") : inText), "leaving": .text(outText.isEmpty ? term("no one") : outText), "cost": .text(cost)])
    }

    /// Why a group the adjustments did not name changes too, one message per such group: the rule at its
    /// limit whose count the named groups' change moved and this group's change moves back (an at-least
    /// rule short of a woman takes one elsewhere). Empty for a changed bound, which moves every group.
    public var crossGroup: [Message] {
        guard result.status != .infeasible, base.status != .infeasible else { return [] }
        let nominees = result.input.nominees
        var named: Set<String> = []
        for a in adjustments {
            switch a {
            case .seat(let id), .exclude(let id):
                if let n = nominees.first(where: { AttributeKey.normalize($0.id) == AttributeKey.normalize(id) }) { named.insert(n.group) }
            case .groupSeats(let group, _): named.insert(group)
            case .setBound, .setShare: return []
            }
        }
        guard !named.isEmpty else { return [] }
        let entering = entering, leaving = leaving
        func net(_ row: QuotaRow, _ inGroup: (String) -> Bool) -> Int {
            let members = Set(row.members)
            return entering.filter { inGroup(nominees[$0].group) && members.contains($0) }.count
                - leaving.filter { inGroup(nominees[$0].group) && members.contains($0) }.count
        }
        var out: [Message] = []
        for group in result.policy.groups where !named.contains(group) {
            let came = entering.filter { nominees[$0].group == group }, went = leaving.filter { nominees[$0].group == group }
            guard !came.isEmpty || !went.isEmpty else { continue }
            let people: (Int) -> MessageValue = { .nominee(id: nominees[$0].id, name: nominees[$0].name) }
            let swap: [String: MessageValue] = ["group": .text(group), "entering": .list(came.map(people)), "leaving": .list(went.map(people))]
            // The rule: at its limit after the change, moved by the named groups and moved back by this one.
            let rule = result.quotas.first { q in
                guard q.atLimit, q.enforced else { return false }
                let direct = net(q.row) { named.contains($0) }, here = net(q.row) { $0 == group }
                return direct != 0 && here != 0 && (direct > 0) != (here > 0)
            }
            if let rule {
                out.append(Message(.whatIfAlsoSwapsRule, swap.merging(["rule": .text(rule.row.label)]) { a, _ in a }))
            } else {
                out.append(Message(.whatIfAlsoSwapsBest, swap))
            }
        }
        return out
    }
}
