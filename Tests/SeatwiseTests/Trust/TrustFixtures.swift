// Small bodies built for the defects of the trust issue: each makes one wrong answer possible.

@testable import Seatwise

enum TrustFixtures {
    static func person(_ id: String, _ group: String, rank: Int?, gender: String = "male", country: String = "KEN",
                       region: String = "African", development: String = "developing", status: NomineeStatus = .new,
                       organization: String? = nil) -> Nominee {
        var attributes = ["gender": gender, "country": country, "region": region, "development": development]
        if let organization { attributes["organization"] = organization }
        return Nominee(id: id, name: "Person \(id)", group: group, rank: rank, status: status, terms: 0, attributes: attributes)
    }

    /// Two groups of one seat and exactly one woman in the body: {a1, b2} and {a2, b1} are equally good
    /// (rank sum 3), so which is chosen is the seed's decision and nobody is "in rank order".
    static func crossTie(seed: UInt64) -> SelectionInput {
        let nominees = [
            person("a1", "A", rank: 1), person("a2", "A", rank: 2, gender: "female"),
            person("b1", "B", rank: 1), person("b2", "B", rank: 2, gender: "female"),
        ]
        let policy = Policy(body: "Cross tie", seats: ["A": 1, "B": 1],
                            quotas: [Quota(index: 0, attribute: "gender", selector: .one("female"), min: .count(1), max: .count(1))], seed: seed)
        return SelectionInput(policy: policy, nominees: nominees)
    }

    /// 20 seats; a cap of 10% developed-country members (2) but 7 continuing developed-country members,
    /// and, at a higher priority, at least 6 women where only 4 can be seated: a repair must move one
    /// bound by 5 seats and another by 2, at two priority levels.
    static func wideRepair() -> SelectionInput {
        var nominees: [Nominee] = []
        for k in 0..<7 { nominees.append(person("c\(k)", "G", rank: nil, country: "DEU", region: "WEOG", development: "developed", status: .continuing)) }
        for k in 0..<4 { nominees.append(person("f\(k)", "G", rank: k + 1, gender: "female", country: "KEN")) }
        for k in 0..<15 { nominees.append(person("m\(k)", "G", rank: k + 5, country: "BRA", region: "GRULAC")) }
        let policy = Policy(body: "Wide repair", seats: ["G": 20], quotas: [
            Quota(index: 0, attribute: "development", selector: .one("developed"), max: .percent(numerator: 10, denominator: 100), priority: 1),
            Quota(index: 1, attribute: "gender", selector: .one("female"), min: .count(6), priority: 2),
        ], rules: SelectionRules(continuing: .keep), seed: 3)
        return SelectionInput(policy: policy, nominees: nominees)
    }

    /// Independent mode: group A's hard quota asks for a woman and A nominated none (no repair of the soft
    /// quotas can fill A); group B has a soft conflict a repair could fix on its own.
    static func unfillableGroup() -> SelectionInput {
        let nominees = [
            person("a1", "A", rank: 1), person("a2", "A", rank: 2),
            person("b1", "B", rank: 1, region: "WEOG"), person("b2", "B", rank: 2, region: "WEOG"), person("b3", "B", rank: 3, region: "WEOG"),
        ]
        let policy = Policy(body: "Unfillable", seats: ["A": 1, "B": 2], quotas: [
            Quota(index: 0, attribute: "gender", selector: .one("female"), min: .count(1), scope: .group("A"), hard: true),
            Quota(index: 1, attribute: "region", selector: .one("WEOG"), max: .count(1), scope: .group("B")),
        ], seed: 1)
        return SelectionInput(policy: policy, nominees: nominees)
    }

    /// A cap on one organisation at its limit keeps the group's first choice out.
    static func organisationCap() -> SelectionInput {
        let nominees = [
            person("p1", "P", rank: 1, organization: "Org X"), person("p2", "P", rank: 2, organization: "Org X"),
            person("p3", "P", rank: 3, organization: "Org Y"), person("p4", "P", rank: 4, organization: "Org W"),
            person("q1", "Q", rank: 1, organization: "Org X"),
            person("q2", "Q", rank: 2, organization: "Org Z"),
        ]
        let policy = Policy(body: "Caps", seats: ["P": 2, "Q": 1], quotas: [
            Quota(index: 0, attribute: "organization", selector: .one("Org X"), max: .count(1)),
        ], seed: 9)
        return SelectionInput(policy: policy, nominees: nominees)
    }
}
