// Which rules at their limit decide a decision that departs from a group's ranking: for a nominee
// seated ahead of a higher-ranked rival, the minimums that need this nominee and not the rival, and the
// caps that the rival would break; for a nominee passed over, the mirror. A swap with the rival changes
// only the rows that count exactly one of the two, so these are the rules that stand in its way.

struct DecisiveRules {
    let result: SelectionResult
    /// For each quota outcome, its members as a set (built once).
    private let members: [Set<Int>]

    init(result: SelectionResult) {
        self.result = result
        members = result.quotas.map { Set($0.row.members) }
    }

    /// Enforced quota rows at their limit that count `i` in the direction that keeps the decision:
    /// minimums for the seated, maximums for the others.
    func countingAtLimit(_ i: Int) -> [String] {
        let seated = result.isSeated[i]
        return result.quotas.indices.filter { k in
            let q = result.quotas[k]
            return q.enforced && members[k].contains(i) && (seated ? q.row.min == q.count : q.row.max == q.count)
        }.map { result.quotas[$0].row.label }
    }

    /// The rules at their limit that block swapping `i` with one of `rivals` (same group, ranked on the
    /// other side of i): each named with the kind of rule it is.
    func decisive(_ i: Int, rivals: [Int]) -> [(kind: String, label: String)] {
        let seated = result.isSeated[i]
        var labels: [(kind: String, label: String)] = []
        for (k, q) in result.quotas.enumerated() where q.enforced {
            let row = members[k]
            // In the swap, one leaves and one enters: i and a rival, in the order the decision fixes.
            let blocks = { (r: Int) -> String? in
                let (leaving, entering) = seated ? (i, r) : (r, i)
                if q.row.min == q.count, row.contains(leaving), !row.contains(entering) { return "minimum" }
                if q.row.max == q.count, row.contains(entering), !row.contains(leaving) { return "cap" }
                return nil
            }
            if let kind = rivals.lazy.compactMap(blocks).first { labels.append((kind, q.row.label)) }
        }
        return labels
    }
}
