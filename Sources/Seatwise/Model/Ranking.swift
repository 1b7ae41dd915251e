// Each group's order of preference as numbers the objective can use: an unranked nominee comes
// after every ranked nominee of the group (docs/reference.md, "Nominations file"), i.e. at the group's largest rank + 1.

public enum Ranking {
    public static func effectiveRanks(_ nominees: [Nominee]) -> [Int] {
        var largest: [String: Int] = [:]
        for nominee in nominees { if let r = nominee.rank { largest[nominee.group] = Swift.max(largest[nominee.group] ?? 0, r) } }
        return nominees.map { $0.rank ?? ((largest[$0.group] ?? 0) + 1) }
    }
}
