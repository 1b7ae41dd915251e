// The counts a report's summary cards state, taken from what the policy counts: the gender values its
// quotas name (or, where none is named, every value present), never a value assumed by the report.

public struct SummaryCounts: Sendable {
    /// (value as the data writes it, members with it), in the policy's order, then by count.
    public var genders: [(value: String, count: Int)]
    /// Distinct UN regional groups among the members (blank regions not counted).
    public var regions: Int
    public var members: Int

    /// Members of groups that count in no quota are not counted here either (the cards state what the
    /// quotas count).
    public init(_ members: [Nominee], policy: Policy) {
        let members = policy.uncounted.isEmpty ? members : members.filter { !policy.uncounted.contains($0.group) }
        self.members = members.count
        regions = Set(members.compactMap { $0.key(of: "region") }).count
        var named: [String] = []
        for quota in policy.quotas where quota.attribute == "gender" {
            switch quota.selector {
            case .one(let v): named.append(v)
            case .anyOf(let vs): named += vs
            case .each: break
            }
        }
        var seen: Set<String> = []
        named = named.filter { seen.insert(AttributeKey.normalize($0)).inserted }
        if named.isEmpty {
            // Every value present, most common first: the data's own spelling.
            var counts: [String: (String, Int)] = [:]
            for m in members { if let k = m.key(of: "gender") { counts[k, default: (m.gender, 0)].1 += 1 } }
            genders = counts.values.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.map { (value: $0.0, count: $0.1) }
        } else {
            genders = named.map { value in
                let key = AttributeKey.normalize(value)
                return (value: value, count: members.filter { $0.key(of: "gender") == key }.count)
            }
        }
    }

    /// Members with `value` (compared as the files' values are), whether or not it is among `genders`.
    public func count(of value: String) -> Int {
        genders.first { AttributeKey.normalize($0.value) == AttributeKey.normalize(value) }?.count ?? 0
    }

    /// The gender card: "19 of 42" under "gender = F" for one value, "24 female · 26 male" otherwise.
    public var genderCard: (value: String, label: String) {
        if genders.count == 1 { return (phrase("{count} of {members}", ["count": .number(genders[0].count), "members": .number(members)]), "\(Words.attribute("gender")) = \(Words.value("gender", genders[0].value))") }
        if genders.isEmpty { return ("–", Words.attribute("gender")) }
        return (genders.map { "\($0.count) \(Words.value("gender", $0.value))" }.joined(separator: " · "), phrase("gender, of {members#member}", ["members": .number(members)]))
    }
}
