// Which rules at their limit decide a decision that departs from a group's ranking: for a nominee
// seated ahead of a higher-ranked rival, the minimums that need this nominee and not the rival, and the
// caps that the rival would break; for a nominee passed over, the mirror. A swap with the rival changes
// only the rows that count exactly one of the two, so these are the rules that stand in its way.

struct DecisiveRules {
    let result: SelectionResult
    /// For each quota outcome, its members as a set; for each nominee, the quota outcomes counting them
    /// (both built once: explanations of large bodies ask for every nominee).
    private let members: [Set<Int>]
    private let quotasOf: [[Int]]
    private let seated: [Bool]

    init(result: SelectionResult) {
        self.result = result
        members = result.quotas.map { Set($0.row.members) }
        var of = [[Int]](repeating: [], count: result.input.nominees.count)
        for (k, q) in result.quotas.enumerated() where q.enforced { for i in q.row.members { of[i].append(k) } }
        quotasOf = of
        seated = result.isSeated
    }

    /// Enforced quota rows at their limit that count `i` in the direction that keeps the decision:
    /// minimums for the seated, maximums for the others.
    func countingAtLimit(_ i: Int) -> [Int] {
        quotasOf[i].filter { k in
            let q = result.quotas[k]
            return seated[i] ? q.row.min == q.count : q.row.max == q.count
        }
    }

    /// The rules at their limit that block swapping `i` with one of `rivals` (same group, ranked on the
    /// other side of i), each with the kind of rule it is, in the order of the quota rows.
    /// How a rule stands in the way: a minimum the swap would break, a cap it would break, or (for a
    /// decision in rank order) a quota at its limit that counts the nominee.
    enum Kind { case minimum, cap, atLimit }

    func decisive(_ i: Int, rivals: [Int]) -> [(kind: Kind, quota: Int)] {
        // Only a row that counts i or a rival can change in a swap.
        let candidates = Set(quotasOf[i] + rivals.flatMap { quotasOf[$0] }).sorted()
        var labels: [(kind: Kind, quota: Int)] = []
        for k in candidates {
            let q = result.quotas[k], row = members[k]
            // In the swap, one leaves and one enters: i and a rival, in the order the decision fixes.
            let blocks = { (r: Int) -> Kind? in
                let (leaving, entering) = seated[i] ? (i, r) : (r, i)
                if q.row.min == q.count, row.contains(leaving), !row.contains(entering) { return .minimum }
                if q.row.max == q.count, row.contains(entering), !row.contains(leaving) { return .cap }
                return nil
            }
            if let kind = rivals.lazy.compactMap(blocks).first { labels.append((kind, k)) }
        }
        return labels
    }
}
