// Invented but realistic selection instances (nominations and policy) in the shape of a MAG, a WGEC or
// an ICG, of any size: for trying policies, as the pools of a study and as the input of every benchmark.
// The knobs (share of women, regional weights, nominations per seat, how groups rank) let a study vary
// the pool; deterministic per seed and knobs.

import OrderedCollections

public struct InstanceGenerator: Sendable {
    public enum Shape: String, Sendable, CaseIterable {
        case mag, wgec, icg
    }

    public var shape: Shape
    public var nominees: Int
    public var seats: Int
    public var seed: UInt64
    public var countries: CountryTable
    public var knobs: Knobs

    /// What a study varies about a pool; nil keeps the shape's own.
    public struct Knobs: Sendable, Equatable {
        /// The share of women among nominees, in every group (non-binary nominees stay 1.5%).
        public var womenShare: Double?
        /// Regional weights among nominees (canonical region names); regions not named keep the shape's weight.
        public var regionWeights: [String: Double] = [:]
        /// How nominating groups rank: each favoured value moves a nominee up the list; strength 1 puts
        /// every nominee with it ahead of those without, 0 ranks at random.
        public var rankFirst: [RankPreference] = []

        public init(womenShare: Double? = nil, regionWeights: [String: Double] = [:], rankFirst: [RankPreference] = []) {
            self.womenShare = womenShare
            self.regionWeights = regionWeights
            self.rankFirst = rankFirst
        }
    }

    /// A value (of gender or region) that nominating groups list first, and how strongly (0…1).
    public struct RankPreference: Sendable, Equatable {
        public var value: String
        public var strength: Double
        public init(value: String, strength: Double = 1) {
            self.value = value
            self.strength = strength
        }
        /// Parses VALUE or VALUE:STRENGTH (male, WEOG:0.8); the value a gender or a region.
        public init?(parsing text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = parts.first, !first.isEmpty else { return nil }
            let value = CountryTable.canonicalRegion(first) ?? first
            guard ["female", "male", "non-binary"].contains(value.lowercased()) || CountryTable.canonicalRegion(value) != nil else { return nil }
            let strength = parts.count == 2 ? Double(parts[1]) : 1
            guard let strength, strength >= 0, strength <= 1 else { return nil }
            self.init(value: value, strength: strength)
        }
    }

    public init(shape: Shape, nominees: Int, seats: Int, seed: UInt64, countries: CountryTable, knobs: Knobs = Knobs()) {
        self.shape = shape
        self.nominees = nominees
        self.seats = seats
        self.seed = seed
        self.countries = countries
        self.knobs = knobs
    }

    /// Each shape's usual size: its seats and nominations per seat.
    public static func defaultSeats(_ shape: Shape) -> Int { [.mag: 40, .wgec: 42, .icg: 30][shape]! }
    /// The MAG's rules (regions within Government, one per country in each group) need the deepest lists.
    public static func defaultPerSeat(_ shape: Shape) -> Double { [.mag: 5, .wgec: 4, .icg: 8.0 / 3][shape]! }

    /// Nominations run ahead of the seats in every group; WEOG is over-represented among nominees, and
    /// far more so in the ICG's communities (20 of the real ICG's 30 members were from WEOG).
    static let regionShare: [(String, Double)] = [("WEOG", 0.36), ("Asia-Pacific", 0.21), ("African", 0.16), ("GRULAC", 0.15), ("Eastern European", 0.12)]
    static let icgRegionShare: [(String, Double)] = [("WEOG", 0.5), ("Asia-Pacific", 0.18), ("African", 0.12), ("GRULAC", 0.11), ("Eastern European", 0.09)]

    /// Whether weights given for some regions leave any region a positive weight (with the others' defaults).
    public static func regionWeightsUsable(_ weights: [String: Double]) -> Bool {
        regionShare.contains { (weights[$0.0] ?? $0.1) > 0 }
    }

    /// The regional weights after the knobs, summing to 1.
    var regionWeights: [(String, Double)] {
        let base = (shape == .icg ? Self.icgRegionShare : Self.regionShare).map { ($0.0, knobs.regionWeights[$0.0] ?? $0.1) }
        let total = base.reduce(0) { $0 + $1.1 }
        return total > 0 ? base.map { ($0.0, $0.1 / total) } : Self.regionShare
    }

    /// How groups rank: the knobs' preferences, else the shape's (the ICG's communities listed men and
    /// WEOG nominees first).
    var rankPreferences: [RankPreference] {
        if !knobs.rankFirst.isEmpty { return knobs.rankFirst }
        return shape == .icg ? [RankPreference(value: "male", strength: 0.3), RankPreference(value: "WEOG", strength: 0.3)] : []
    }

    struct GroupPlan { var name: String; var weight: Double; var femaleShare: Double; var government: Bool }

    var plans: [GroupPlan] {
        switch shape {
        case .mag:
            return [GroupPlan(name: "Government", weight: 0.4, femaleShare: 0.42, government: true),
                    GroupPlan(name: "Civil Society", weight: 0.2, femaleShare: 0.52, government: false),
                    GroupPlan(name: "Private Sector", weight: 0.2, femaleShare: 0.36, government: false),
                    GroupPlan(name: "Technical Community", weight: 0.2, femaleShare: 0.27, government: false)]
        case .wgec:
            return [GroupPlan(name: "Member States", weight: 22.0 / 42, femaleShare: 0.38, government: true)]
                + ["Private Sector", "Civil Society", "Technical and Academic Community", "Intergovernmental Organisations"].map {
                    GroupPlan(name: $0, weight: 5.0 / 42, femaleShare: 0.4, government: false)
                }
        case .icg:
            let communities: [(String, Double)] = [("At-Large Users", 2), ("Address Registries", 2), ("Country-Code Operators", 4),
                ("Government Advisors", 5), ("Generic Names Policy", 2), ("Business Users", 1), ("Architecture Board", 2),
                ("Engineering Task Force", 2), ("Internet Society Chapters", 2), ("Number Resource Forum", 2),
                ("Root Server Operators", 2), ("Security Advisory", 2), ("Generic Registries", 2)]
            return communities.map { GroupPlan(name: $0.0, weight: $0.1 / 30, femaleShare: $0.0 == "At-Large Users" ? 0.45 : 0.22, government: $0.0 == "Government Advisors") }
        }
    }

    /// Splits `total` by weights with every part at least `minimum` (largest remainders).
    static func apportion(_ total: Int, _ weights: [Double], minimum: Int) -> [Int] {
        let sum = weights.reduce(0, +)
        var parts = weights.map { max(minimum, Int(Double(total) * $0 / sum)) }
        var k = 0
        while parts.reduce(0, +) < total { parts[k % parts.count] += 1; k += 1 }
        while parts.reduce(0, +) > total, let i = parts.indices.max(by: { parts[$0] < parts[$1] }), parts[i] > minimum { parts[i] -= 1 }
        return parts
    }

    public struct Instance: Sendable {
        public var nominationsCSV: String
        public var policyYAML: String
    }

    public func generate() -> Instance {
        var rng = SplitMix(seed)
        let plans = self.plans
        let regionShare = regionWeights
        let preferences = rankPreferences
        let groupSeats = Self.apportion(seats, plans.map(\.weight), minimum: 1)
        let groupNominees = Self.apportion(max(nominees, seats * 2), zip(plans, groupSeats).map { Double($1) }, minimum: 2)
        var byRegion: [String: [CountryRecord]] = [:]
        for record in countries.records where record.region != nil && record.development != nil { byRegion[record.region!, default: []].append(record) }
        let memberStates = Dictionary(grouping: countries.records.filter { $0.region != nil && $0.development != nil && $0.iso2 != "XK" }, by: { $0.region! })
        var rows = ["id,name,group,gender,country,rank,organization,status,terms"]
        let organizations = max(50, nominees / 3)
        var k = 0
        // Ranks are drawn from a stream of their own, so a shape without preferences gives the same files as before.
        var rankRNG = SplitMix(seed ^ 0x5EA7_0F_4A4C)
        for (g, plan) in plans.enumerated() {
            let continuing = shape == .mag ? groupSeats[g] / 6 : 0
            var continuingCountries: Set<String> = []
            var drafted: [(row: [String], score: Double, ranked: Bool)] = []
            for r in 1...groupNominees[g] {
                k += 1
                var draw = rng.unit()
                var region = regionShare.last!.0
                for (name, share) in regionShare { draw -= share; if draw < 0 { region = name; break } }
                let pool = memberStates[region] ?? byRegion[region] ?? []
                var country = pool[Int(rng.next() % UInt64(pool.count))]
                let roll = rng.unit()
                // With the knob, exactly that share of women; 1.5% of the rest are non-binary.
                let gender = knobs.womenShare.map { roll < $0 ? "female" : roll < $0 + 0.015 * (1 - $0) ? "non-binary" : "male" }
                    ?? (roll < 0.015 ? "non-binary" : (roll < plan.femaleShare ? "female" : "male"))
                var status = "new", terms = 0
                if r <= continuing {
                    // Continuing members must be seated: two from one country would break the one-per-country cap.
                    var tries = 0
                    while continuingCountries.contains(country.iso3), tries < pool.count {
                        country = pool[(pool.firstIndex { $0.iso3 == country.iso3 }! + 1) % pool.count]
                        tries += 1
                    }
                    continuingCountries.insert(country.iso3)
                    status = "continuing"; terms = 1 + Int(rng.next() % 2)
                } else if rng.unit() < 0.1 { terms = 1 + Int(rng.next() % 3) }
                if rng.unit() < 0.02 { status = "withdrawn" }
                // Continuing members must be seated, so two of them never share an organisation (the cap is 1).
                let organization = plan.government ? "" : status == "continuing" ? "Organisation \(organizations + k)"
                    : "Organisation \(1 + Int(rng.next() % UInt64(organizations)))"
                // A favoured value lifts the score by its strength over a uniform draw: strength 1 lists every
                // nominee with it ahead of those without.
                var score = preferences.isEmpty ? -Double(r) : rankRNG.unit()
                for p in preferences where AttributeKey.normalize(p.value) == AttributeKey.normalize(gender) || p.value == region { score += p.strength }
                drafted.append((["N\(k)", Self.name(&rng), plan.name, gender, country.iso3, "", organization, status, "\(terms)"], score, r > continuing))
            }
            // The ranked nominees in the group's order (continuing members are seated without a rank).
            let order = drafted.indices.filter { drafted[$0].ranked }.sorted { drafted[$0].score > drafted[$1].score }
            for (rank, i) in order.enumerated() { drafted[i].row[5] = String(rank + 1 + continuing) }
            rows += drafted.map { $0.row.joined(separator: ",") }
        }
        return Instance(nominationsCSV: rows.joined(separator: "\n") + "\n", policyYAML: policy(plans: plans, groupSeats: groupSeats))
    }

    func policy(plans: [GroupPlan], groupSeats: [Int]) -> String {
        func percent(_ p: Int) -> QuotaBound { .percent(numerator: p, denominator: 100) }
        var quotas: [Quota] = []
        func add(_ attribute: String, _ selector: ValueSelector, min: QuotaBound? = nil, max: QuotaBound? = nil, scope: QuotaScope = .body) {
            quotas.append(Quota(index: quotas.count, attribute: attribute, selector: selector, min: min, max: max, scope: scope))
        }
        var rules = SelectionRules()
        var objective = ObjectiveKind.rankSum
        switch shape {
        case .mag:
            let government = groupSeats[0]
            add("gender", .one("female"), min: percent(40))
            add("gender", .one("male"), min: percent(40))
            add("region", .each, min: percent(15))
            add("development", .anyOf(["developing", "economy_in_transition"]), min: percent(50))
            add("gender", .one("female"), min: percent(20), scope: .perGroup)
            add("region", .each, min: .count(government / 5), max: .count((government + 4) / 5), scope: .group("Government"))
            add("country", .each, max: .count(max(1, (government + 39) / 40)), scope: .perGroup)
            add("organization", .each, max: .count(max(1, (seats + 999) / 1000)))
            rules = SelectionRules(continuing: .keep, maxTerms: 3)
        case .wgec:
            add("region", .each, min: percent(18), scope: .group("Member States"))
            add("gender", .one("female"), min: percent(40))
            add("development", .anyOf(["developing", "economy_in_transition"]), min: percent(40), scope: .perGroup)
            objective = .lexicographic
        case .icg:
            add("gender", .one("female"), min: percent(30))
            add("region", .each, min: percent(6))
            add("region", .one("WEOG"), max: percent(50))
        }
        let policy = Policy(body: "Generated \(shape.rawValue.uppercased())-shaped body (\(seats) seats)",
                            seats: OrderedDictionary(uniqueKeysWithValues: zip(plans.map(\.name), groupSeats)),
                            quotas: quotas, rules: rules, objective: objective, seed: seed)
        return PolicyWriter.yaml(policy, comments: ["Generated by seatwise generate (shape \(shape.rawValue), seed \(seed)): invented nominees."])
    }

    static let syllables = ["ka", "lo", "mi", "ra", "ne", "so", "ta", "vi", "da", "le", "mo", "ri", "sa", "to", "ve", "zu", "an", "el", "or", "is"]

    static func name(_ rng: inout SplitMix) -> String {
        func word(_ count: Int) -> String {
            var w = ""
            for _ in 0..<count { w += syllables[Int(rng.next() % UInt64(syllables.count))] }
            return w.prefix(1).uppercased() + w.dropFirst()
        }
        return "\(word(2)) \(word(3))"
    }
}

/// SplitMix64: a small, fast, well-mixed generator, so generated files depend on the seed alone.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return TieBreakOrder.mix(state &- 0x9e37_79b9_7f4a_7c15)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
