// A policy quota made concrete: one scope (the body or one group) and one set of values, with its
// bounds in seats and the nominees it counts. Models, pre-checks and reports all work from these.

public struct QuotaRow: Sendable, Hashable {
    public var quotaIndex: Int
    public var attribute: String
    /// Values counted, in display form.
    public var values: [String]
    /// nil = the whole body.
    public var group: String?
    public var seatsInScope: Int
    public var min: Int?
    public var max: Int?
    /// Indices into `SelectionInput.nominees` of everyone in scope with one of the values.
    public var members: [Int]
    /// Whether the quota may be relaxed by a repair, and how late (higher = later).
    public var priority: Int
    public var hard: Bool
    /// From `rules.renewal` rather than the quota list.
    public var renewal = false

    /// "gender = female" or "region ∈ {African, GRULAC}".
    public var subject: String {
        values.count == 1 ? "\(attribute) = \(values[0])" : "\(attribute) ∈ {\(values.joined(separator: ", "))}"
    }

    public var scopeName: String { group ?? QuotaScope.bodyWords }

    /// Whether `count` members in scope meet the row's bounds: the one quota-met check.
    public func admits(_ count: Int) -> Bool {
        (min.map { count >= $0 } ?? true) && (max.map { count <= $0 } ?? true)
    }

    /// A human label: "quota 1: gender = female, at least 22 of 55 seats in the body".
    public var label: String {
        var bounds: [String] = []
        if let min, let max, min == max { bounds.append("exactly \(min)") } else {
            if let min { bounds.append("at least \(min)") }
            if let max { bounds.append("at most \(max)") }
        }
        return "\(renewal ? "renewal rule" : "quota \(quotaIndex + 1)"): \(subject), \(bounds.joined(separator: " and ")) of \(Words.count(seatsInScope, "seat")) in \(scopeName)"
    }

    /// Expands every quota of `policy` over `nominees` (SPEC §3): `each` takes every value present
    /// among the nominees in scope who can be seated; percentages round up for a min, down for a max.
    public static func expand(policy: Policy, nominees: [Nominee], standings: [Standing]) -> [QuotaRow] {
        var byGroup: [String: [Int]] = [:]
        for (i, nominee) in nominees.enumerated() { byGroup[nominee.group, default: []].append(i) }
        // Each attribute's comparison keys, computed once: expansion is then linear in the nominees.
        var keys: [String: [String?]] = [:]
        for attribute in Set(policy.quotas.map(\.attribute)) { keys[attribute] = nominees.map { $0.key(of: attribute) } }
        var rows: [QuotaRow] = []
        for quota in policy.quotas {
            let attributeKeys = keys[quota.attribute]!
            let scopes = quota.scope.scopes(in: policy.seats).map { scope in
                (group: scope.group, seats: scope.seats, members: scope.group.map { byGroup[$0] ?? [] } ?? Array(nominees.indices))
            }
            for scope in scopes {
                var buckets: [String: [Int]] = [:]
                for i in scope.members { if let key = attributeKeys[i] { buckets[key, default: []].append(i) } }
                let valueSets: [(display: [String], members: [Int])]
                switch quota.selector {
                case .one(let value):
                    valueSets = [([value], buckets[AttributeKey.normalize(value)] ?? [])]
                case .anyOf(let values):
                    let wanted = Set(values.map(AttributeKey.normalize))
                    valueSets = [(values, scope.members.filter { attributeKeys[$0].map(wanted.contains) ?? false })]
                case .each:
                    // Every value held by someone in scope who can be seated, in a fixed (sorted) order.
                    valueSets = buckets.keys.sorted().compactMap { key in
                        let members = buckets[key]!
                        guard let eligible = members.first(where: { !standings[$0].isFixedOut }) else { return nil }
                        return ([nominees[eligible].value(of: quota.attribute)!.trimmingCharacters(in: .whitespaces)], members)
                    }
                }
                for (values, members) in valueSets {
                    rows.append(QuotaRow(quotaIndex: quota.index, attribute: quota.attribute, values: values, group: scope.group,
                                         seatsInScope: scope.seats, min: quota.min?.minimum(seats: scope.seats),
                                         max: quota.max?.maximum(seats: scope.seats), members: members,
                                         priority: quota.priority, hard: quota.hard, renewal: quota.renewal))
                }
            }
        }
        return rows
    }
}

/// A model's per-quota-row arrays (`quotaRows`, `quotaRowIDs`) are read by the typed index a program
/// row's origin carries.
extension Array {
    subscript(quotaRow: QuotaRowIndex) -> Element { self[quotaRow.rawValue] }
}
