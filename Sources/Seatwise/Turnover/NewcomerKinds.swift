// The kinds of newcomer an open-seat count ranges over: per group, every combination of the values the
// policy's quotas tell apart, as the reference table allows (a country fixes its region and development).
// A value held by a staying member that only a cap counts (`each` with a max only) is no kind of its own:
// a newcomer with a fresh value meets every rule such a newcomer meets, so copies holding it are made
// for the one question that needs them, how many newcomers that cap still admits.

struct NewcomerKinds {
    /// One synthetic nominee per kind (status new, terms 0), then the copies that hold a capped value.
    var nominees: [Nominee] = []
    /// For a copy: the attribute and the comparison key of the capped value it holds; nil for a kind.
    var capped: [(attribute: String, key: String)?] = []
    /// Per attribute, the comparison keys of its capped values.
    var capValues: [String: Set<String>] = [:]
    /// What the kinds assume about the nominees a call will bring, in words.
    var assumptions: [String] = []
    /// Set when the policy's attributes combine into more kinds than `maximumKinds` (none are made).
    var tooMany: Int?
    /// Kinds of newcomer a count model holds at most (each a column of one small integer program).
    static let maximumKinds = 100_000

    /// Attributes whose value follows from the group or the standing, never from the person.
    static let fixedAttributes: Set<String> = ["group", "status", "terms"]
    static let location: Set<String> = ["country", "region", "development"]

    init(policy: Policy, roster: [Nominee], staying: [Nominee], countries: CountryTable) {
        let attributes = Set(policy.quotas.map(\.attribute)).subtracting(Self.fixedAttributes)
        func named(_ a: String) -> [String] {
            policy.quotas.filter { $0.attribute == a }.flatMap { q -> [String] in
                switch q.selector { case .one(let v): return [v]; case .anyOf(let vs): return vs; case .each: return [] }
            }
        }
        /// An `each` quota with a minimum above 0 somewhere: its values are kinds of their own.
        func eachWithMin(_ a: String) -> Bool {
            policy.quotas.contains { $0.attribute == a && $0.selector == .each && ($0.min.map { $0.minimum(seats: policy.totalSeats) > 0 } ?? false) }
        }
        func hasEach(_ a: String) -> Bool { policy.quotas.contains { $0.attribute == a && $0.selector == .each } }
        /// Distinct values (display form, first spelling) among `people`, in key order.
        func held(_ a: String, _ people: [Nominee]) -> [String] {
            var byKey: [String: String] = [:]
            for p in people { if let key = p.key(of: a), byKey[key] == nil { byKey[key] = p.value(of: a)!.trimmed } }
            return byKey.keys.sorted().map { byKey[$0]! }
        }
        func distinct(_ values: [String]) -> [String] {
            var seen: Set<String> = [], out: [String] = []
            for v in values where seen.insert(AttributeKey.normalize(v)).inserted { out.append(v.trimmed) }
            return out
        }

        // Where a newcomer comes from: a named country, or a country of a (region, development) class.
        typealias Place = (country: String?, region: String?, development: String?)
        var places: [Place] = []
        if !attributes.isDisjoint(with: Self.location) {
            var classes: [String: Place] = [:]
            for r in countries.records { if let region = r.region, let dev = r.development { classes["\(region)|\(dev)"] = (nil, region, dev) } }
            places = classes.keys.sorted().map { classes[$0]! }
            if attributes.contains("country") {
                let specific = distinct(named("country") + (eachWithMin("country") ? held("country", staying) : []))
                for c in specific { if let r = countries.lookup(c), let region = r.region, let dev = r.development { places.append((r.iso3, region, dev)) } }
                if hasEach("country") {
                    let keys = Set(specific.map(AttributeKey.normalize))
                    capValues["country"] = Set(held("country", staying).map(AttributeKey.normalize)).subtracting(keys)
                }
            }
            assumptions.append(term(attributes.contains("country") ? "newcomers come from countries with a UN regional group, any number from countries no staying member is from"
                                   : "newcomers come from countries with a UN regional group, of every region and development status the reference table pairs"))
        } else {
            places = [(nil, nil, nil)]
        }
        // Every other attribute: its named values (and, for an `each` quota with a minimum, every value a
        // staying member holds), and a fresh value no rule names; gender has no fresh value.
        var options: [(attribute: String, values: [String?])] = []
        for a in attributes.subtracting(Self.location).sorted() {
            if a == "gender" {
                // Women and men are always nominated; any other gender the policy or roster names, too.
                let genders = distinct(["female", "male"] + named(a) + held(a, roster))
                options.append((a, genders))
                assumptions.append(phrase("newcomers may be women, men, or of any other gender the policy or the roster names ({genders})",
                                          ["genders": .text(genders.map { Words.value("gender", $0) }.joined(separator: ", "))]))
                continue
            }
            let specific = distinct(named(a) + (eachWithMin(a) ? held(a, staying) : []))
            options.append((a, specific + [nil]))
            if hasEach(a) {
                capValues[a] = Set(held(a, staying).map(AttributeKey.normalize)).subtracting(specific.map(AttributeKey.normalize))
            }
            assumptions.append(phrase(eachWithMin(a) ? "a newcomer's {attribute} may be one the policy names or a staying member holds, or one no staying member holds"
                                      : "a newcomer's {attribute} may be one the policy names, or one no staying member holds", ["attribute": .text(Words.attribute(a))]))
        }

        let size = options.reduce(places.count * policy.groups.count) { $0 * $1.values.count }
        guard size <= Self.maximumKinds else {
            tooMany = size
            return
        }
        var combinations: [[String: String]] = [[:]]
        for (a, values) in options {
            combinations = combinations.flatMap { partial in values.map { v in var c = partial; if let v { c[a] = v }; return c } }
        }
        var kinds: [(group: String, attributes: [String: String])] = []
        for group in policy.groups {
            for place in places {
                for combination in combinations {
                    var attrs = combination
                    if let c = place.country { attrs["country"] = c }
                    if let r = place.region { attrs["region"] = r }
                    if let d = place.development { attrs["development"] = d }
                    kinds.append((group, attrs))
                }
            }
        }
        func add(_ group: String, _ attrs: [String: String], _ cap: (String, String)?) {
            nominees.append(Nominee(id: "newcomer \(nominees.count + 1)", name: "newcomer", group: group, rank: nil, status: .new, terms: 0, attributes: attrs))
            capped.append(cap)
        }
        for kind in kinds { add(kind.group, kind.attributes, nil) }
        // Copies: each kind with a fresh value of a capped attribute, holding one capped value instead
        // (a capped country only in its own region and development class).
        for (a, keys) in capValues.sorted(by: { $0.key < $1.key }) {
            let display = Dictionary(staying.compactMap { p in p.key(of: a).map { ($0, p.value(of: a)!.trimmed) } }, uniquingKeysWith: { x, _ in x })
            for key in keys.sorted() {
                let value = display[key]!
                let record = a == "country" ? countries.lookup(value) : nil
                for kind in kinds where kind.attributes[a] == nil {
                    if a == "country" {
                        guard let record, kind.attributes["region"] == record.region, kind.attributes["development"] == record.development else { continue }
                    }
                    var attrs = kind.attributes
                    attrs[a] = value
                    add(kind.group, attrs, (a, key))
                }
            }
        }
    }
}
