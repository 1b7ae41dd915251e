// A policy quota made concrete: one scope (the body or one group) and one set of values, with its
// bounds in seats and the nominees it counts. Models, pre-checks and reports all work from these.

import OrderedCollections

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
    /// From `rules.places_per_person`: one person's applications, of which at most `max` are seated.
    public var places = false
    /// Groups whose members the row never counts (seated, but counted in no quota).
    public var uncounted: Set<String> = []

    /// "gender = female" or "region ∈ {African, GRULAC}".
    public var subject: String {
        let shown = values.map { Words.value(attribute, $0) }
        let name = Words.attribute(attribute)
        return shown.count == 1 ? "\(name) = \(shown[0])" : "\(name) ∈ {\(shown.joined(separator: ", "))}"
    }

    public var scopeName: String { group ?? term(QuotaScope.bodyWords) }

    // The row's scope, owned here: every report, model and check asks the row rather than re-deriving it.

    /// The scope as reports' data name it: the group, or "body".
    public var scopeKey: String { group ?? "body" }

    /// Whether a selection in `mode` enforces the row: independent selection keeps only rows inside a group.
    public func isEnforced(in mode: SelectionMode) -> Bool { mode == .coordinated || group != nil }

    /// Whether `nominee` is in the row's scope (whatever their value).
    public func covers(_ nominee: Nominee) -> Bool { (group == nil && (places || !uncounted.contains(nominee.group))) || nominee.group == group }

    /// Whether the row belongs to a model over `groups` (a body-wide row to every model).
    public func applies(to groups: Set<String>) -> Bool { group.map(groups.contains) ?? true }

    /// Whether `count` members in scope meet the row's bounds: the one quota-met check.
    public func admits(_ count: Int) -> Bool {
        (min.map { count >= $0 } ?? true) && (max.map { count <= $0 } ?? true)
    }

    /// A human label: "quota 1: gender = female, at least 22 of 55 seats in the body".
    public var label: String {
        if places, let max {
            return phrase("places rule: {person} takes at most {max#place} of the {count} applied for", ["person": .text(values[0]), "max": .number(max), "count": .number(members.count)])
        }
        var bounds: [String] = []
        if let min, let max, min == max { bounds.append(phrase("exactly {n}", ["n": .number(min)])) } else {
            if let min { bounds.append(phrase("at least {n}", ["n": .number(min)])) }
            if let max { bounds.append(phrase("at most {n}", ["n": .number(max)])) }
        }
        return phrase("{rule}: {subject}, {bounds} of {seats#seat} in {scope}",
                      ["rule": .text(renewal ? term("renewal rule") : phrase("quota {number}", ["number": .number(quotaIndex + 1)])), "subject": .text(subject),
                       "bounds": .text(bounds.joined(separator: term(" and "))), "seats": .number(seatsInScope), "scope": .text(scopeName)])
    }

    /// Expands every quota of `policy` over `nominees` (docs/reference.md, "Policy file"): `each` takes every value present
    /// among the nominees in scope who can be seated; percentages round up for a min, down for a max.
    /// Attributes whose values the reference data lists. An `each` quota on one of them has a row for
    /// every listed value, whether or not anyone was nominated with it: a region nobody was nominated from
    /// is a row that a minimum cannot meet, never a rule that silently disappears.
    public static let referenceValues: [String: [String]] = ["region": CountryTable.regions, "development": CountryTable.developmentStatuses]

    /// `seats` overrides the policy's seats per group, for the scopes' sizes (an audit judges percentages
    /// on the members a roster has in scope).
    public static func expand(policy: Policy, nominees: [Nominee], standings: [Standing], seats: OrderedDictionary<String, Int>? = nil) -> [QuotaRow] {
        var byGroup: [String: [Int]] = [:]
        for (i, nominee) in nominees.enumerated() { byGroup[nominee.group, default: []].append(i) }
        // Members of groups that count in no quota are in no row, and their seats in no scope.
        let counted = (seats ?? policy.seats).filter { !policy.uncounted.contains($0.key) }
        let countedMembers = policy.uncounted.isEmpty ? Array(nominees.indices) : nominees.indices.filter { !policy.uncounted.contains(nominees[$0].group) }
        // Each attribute's comparison keys, computed once: expansion is then linear in the nominees.
        var keys: [String: [String?]] = [:]
        for attribute in Set(policy.quotas.map(\.attribute)) { keys[attribute] = nominees.map { $0.key(of: attribute) } }
        var rows: [QuotaRow] = []
        for quota in policy.quotas {
            let attributeKeys = keys[quota.attribute]!
            let scopes = quota.scope.scopes(in: counted).map { scope in
                (group: scope.group, seats: scope.seats, members: scope.group.map { byGroup[$0] ?? [] } ?? countedMembers)
            }
            if quota.places {
                // One row per person with more applications than they may take, over every place
                // (seats that count in no quota too: a person is seated once, whatever the seat).
                guard let most = quota.max?.maximum(seats: 0) else { continue }
                var byPerson: [String: [Int]] = [:]
                var order: [String] = []
                for (i, nominee) in nominees.enumerated() {
                    guard let person = nominee.placement?.person else { continue }
                    if byPerson[person] == nil { order.append(person) }
                    byPerson[person, default: []].append(i)
                }
                let total = (seats ?? policy.seats).values.reduce(0, Int.saturatingAdd)
                for person in order.sorted() where byPerson[person]!.count > most {
                    var row = QuotaRow(quotaIndex: quota.index, attribute: "person", values: [person], group: nil, seatsInScope: total,
                                       min: nil, max: most, members: byPerson[person]!, priority: quota.priority, hard: true)
                    row.places = true
                    rows.append(row)
                }
                continue
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
                    // Every value held by someone in scope who can be seated, and every value of the reference
                    // list, in a fixed (sorted) order.
                    var listed: [String: String] = [:]
                    for value in referenceValues[quota.attribute] ?? [] { listed[AttributeKey.normalize(value)] = value }
                    valueSets = Set(buckets.keys).union(listed.keys).sorted().compactMap { key in
                        let members = buckets[key] ?? []
                        if let value = listed[key] { return ([value], members) }
                        guard let eligible = members.first(where: { !standings[$0].isFixedOut }) else { return nil }
                        return ([nominees[eligible].value(of: quota.attribute)!.trimmingCharacters(in: .whitespaces)], members)
                    }
                }
                for (values, members) in valueSets {
                    var row = QuotaRow(quotaIndex: quota.index, attribute: quota.attribute, values: values, group: scope.group,
                                       seatsInScope: scope.seats, min: quota.min?.minimum(seats: scope.seats),
                                       max: quota.max?.maximum(seats: scope.seats), members: members,
                                       priority: quota.priority, hard: quota.hard, renewal: quota.renewal)
                    row.uncounted = policy.uncounted
                    rows.append(row)
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

/// A quota row's identity as every surface names it: the quota's number as reports print it ("quota 3"),
/// and, when the quota has several rows, the group and/or value that tells the row apart: `3`,
/// `3[WEOG]`, `5[Government]`, `7[Civil Society/female]`. `--set`, what-if files, the API and the
/// workbench all take these; `N[*]` names every row of quota N at once.
extension QuotaRow {
    /// The number a report shows: "quota N"; renewal rows are "renewal".
    public var quotaNumber: String { renewal ? "renewal" : places ? "places" : String(quotaIndex + 1) }

    /// Every row's reference, in one pass (a cap per country, or the places rule of a large pool, can
    /// have thousands of rows: what tells siblings apart is found once per quota, not once per row).
    public static func references(_ rows: [QuotaRow]) -> [String] {
        var siblings: [String: [QuotaRow]] = [:]
        for row in rows { siblings[row.quotaNumber, default: []].append(row) }
        let parts = siblings.mapValues(Distinction.init)
        return rows.map { $0.reference(parts[$0.quotaNumber]!) }
    }

    /// This row's reference among `rows` (the rows of one round).
    public func reference(in rows: [QuotaRow]) -> String {
        reference(Distinction(rows.filter { $0.quotaNumber == quotaNumber }))
    }

    /// What tells one quota's rows apart: their groups, their values, both, or nothing (one row).
    private struct Distinction {
        var single: Bool, byGroup: Bool, byValue: Bool
        init(_ siblings: [QuotaRow]) {
            single = siblings.count <= 1
            byGroup = Set(siblings.map { $0.group ?? "" }).count > 1
            byValue = Set(siblings.map { $0.values.joined(separator: ",") }).count > 1
        }
    }

    private func reference(_ d: Distinction) -> String {
        guard !d.single else { return quotaNumber }
        let parts = (d.byGroup ? [group ?? "body"] : []) + (d.byValue ? [values.joined(separator: ",")] : [])
        return "\(quotaNumber)[\(parts.joined(separator: "/"))]"
    }

    /// Whether this row answers to a qualifier's parts (each a group or a value, compared as ids are).
    func matches(_ parts: [String]) -> Bool {
        let keys = Set(values.map(AttributeKey.normalize))
        return parts.allSatisfy { part in
            let k = AttributeKey.normalize(part)
            return k == AttributeKey.normalize(group ?? "body") || (values.count == 1 && keys.contains(k)) || k == AttributeKey.normalize(values.joined(separator: ","))
        }
    }

    /// The rows a reference names, or why it names none or is ambiguous. A reference is `N`, `N[QUALIFIER]`,
    /// `N[*]`, `renewal[…]` or a row's label exactly as a report prints it.
    public static func resolve(_ reference: String, in rows: [QuotaRow]) -> Result<[Int], RowReferenceProblem> {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if let exact = rows.firstIndex(where: { $0.label == text }) { return .success([exact]) }
        // `#N`: the N-th row of the report's table (how rounds kept by earlier versions named rows).
        if text.hasPrefix("#"), let n = Int(text.dropFirst()) { return n >= 1 && n <= rows.count ? .success([n - 1]) : .failure(.unknown) }
        var number = text, qualifier: String?
        if text.hasSuffix("]"), let open = text.firstIndex(of: "[") {
            number = String(text[..<open]).trimmingCharacters(in: .whitespaces)
            qualifier = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingCharacters(in: .whitespaces)
        }
        let ofQuota = rows.indices.filter { AttributeKey.normalize(rows[$0].quotaNumber) == AttributeKey.normalize(number) }
        guard !ofQuota.isEmpty else { return .failure(.unknown) }
        guard let qualifier else {
            return ofQuota.count == 1 ? .success(ofQuota) : .failure(.ambiguous(ofQuota))
        }
        if qualifier == "*" { return .success(ofQuota) }
        let parts = qualifier.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        let matched = ofQuota.filter { rows[$0].matches(parts) }
        switch matched.count {
        case 0: return .failure(.noSuchRow(ofQuota))
        case 1: return .success(matched)
        default: return .failure(.ambiguous(matched))
        }
    }
}

/// Why a row reference names no single row: no quota has that number (or label), the qualifier matches
/// none of the quota's rows, or it matches several (each listed, to choose from).
public enum RowReferenceProblem: Error, Sendable, Equatable {
    case unknown
    case noSuchRow([Int])
    case ambiguous([Int])
}
