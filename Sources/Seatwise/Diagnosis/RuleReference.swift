// A rule of a conflict or a repair named by what it is rather than by its label: a quota bound (which
// quota, values, scope, bound), a group's seats, or a nominee fixed in or out. Reports carry these so
// that anyone can rebuild the conflicting rules with another solver and check them.

public struct RuleReference: Sendable, Hashable, Encodable {
    /// `row`: a row a library user added to a program, standing for no rule of the policy.
    public enum Kind: String, Sendable, Hashable, Encodable { case quota, seats, fixed, row }
    public var kind: Kind
    /// Quota: its number in the policy (1-based), attribute, values and scope ("body" or a group).
    public var quota: Int?
    public var attribute: String?
    public var values: [String]?
    public var scope: String?
    /// Which bound of the rule: a quota's min, max or exact count; seats are exact.
    public enum Bound: String, Sendable, Encodable { case min, max, exact }
    public var bound: Bound?
    /// The bound's value (quota), the seats (seats), 1 or 0 (fixed).
    public var value: Int?
    /// Seats: the group.
    public var group: String?
    /// Fixed: the nominee.
    public var id: String?

    static func quota(_ row: QuotaRow, bound: Bound, value: Int) -> RuleReference {
        RuleReference(kind: .quota, quota: row.quotaIndex + 1, attribute: row.attribute, values: row.values, scope: row.scopeKey,
                      bound: bound, value: value)
    }

    /// The rule a row of `model` stands for.
    static func row(_ k: Int, of model: SelectionModel) -> RuleReference {
        let row = model.program.rows[k]
        switch row.origin {
        case .seats(let group): return RuleReference(kind: .seats, bound: .exact, value: row.rhs, group: group)
        case .quotaMin(let q): return quota(model.quotaRows[q], bound: .min, value: row.rhs)
        case .quotaMax(let q): return quota(model.quotaRows[q], bound: .max, value: row.rhs)
        case .quotaExact(let q): return quota(model.quotaRows[q], bound: .exact, value: row.rhs)
        case .other: return RuleReference(kind: .row, bound: row.sense == .equal ? .exact : row.sense == .atLeast ? .min : .max, value: row.rhs)
        }
    }

    /// A group's seats.
    static func seats(_ group: String, _ seats: Int) -> RuleReference { RuleReference(kind: .seats, bound: .exact, value: seats, group: group) }

    /// The rule itself, whichever of its bounds and whatever their values (a repair moves the value, not
    /// the rule; an exact quota is its minimum to a counting check and its exact row to the model).
    var rule: RuleReference { var r = self; r.value = nil; r.bound = nil; return r }

    /// A nominee fixed in (1) or out (0).
    static func fixed(_ id: String, value: Int) -> RuleReference { RuleReference(kind: .fixed, bound: .exact, value: value, id: id) }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind); try c.encode(quota, forKey: .quota); try c.encode(attribute, forKey: .attribute)
        try c.encode(values, forKey: .values); try c.encode(scope, forKey: .scope); try c.encode(bound, forKey: .bound)
        try c.encode(value, forKey: .value); try c.encode(group, forKey: .group); try c.encode(id, forKey: .id)
    }
    enum Keys: String, CodingKey { case kind, quota, attribute, values, scope, bound, value, group, id }
}
