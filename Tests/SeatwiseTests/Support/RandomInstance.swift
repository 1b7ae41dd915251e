// Random small selection problems (up to 18 nominees) with every kind of rule, for brute-force checks.

import OrderedCollections
@testable import Seatwise

enum RandomInstance {
    static let regions = ["African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"]

    static func make(_ rng: inout TestRandom, objective: ObjectiveKind) -> SelectionInput {
        let groupCount = Int.random(in: 1...3, using: &rng)
        let groups = (0..<groupCount).map { "G\($0 + 1)" }
        var seats: [(group: String, seats: Int)] = []
        var nominees: [Nominee] = []
        let total = Int.random(in: 6...18, using: &rng)
        for (k, g) in groups.enumerated() {
            let remaining = total - nominees.count - (groupCount - k - 1) * 2
            let count = k == groupCount - 1 ? remaining : Int.random(in: 2...max(2, min(8, remaining)), using: &rng)
            seats.append((g, Int.random(in: 1...max(1, min(4, count - 1)), using: &rng)))
            for j in 0..<count {
                let region = regions.randomElement(using: &rng)!
                let statusRoll = Int.random(in: 0..<20, using: &rng)
                let status: NomineeStatus = statusRoll == 0 ? .withdrawn : statusRoll == 1 ? .continuing : statusRoll == 2 ? .required : .new
                let rank: Int? = Int.random(in: 0..<6, using: &rng) == 0 ? nil : Int.random(in: 1...count, using: &rng)
                nominees.append(Nominee(
                    id: "\(g)-\(j)-\(Int.random(in: 100...999, using: &rng))", name: "Nominee \(g) \(j)", group: g, rank: rank,
                    status: status, terms: Int.random(in: 0...3, using: &rng),
                    attributes: [
                        "gender": ["female", "male", "female", "male", "non-binary"].randomElement(using: &rng)!,
                        "region": region,
                        "country": "C\(Int.random(in: 1...5, using: &rng))",
                        "development": ["developed", "developing", "economy_in_transition"].randomElement(using: &rng)!,
                    ]))
            }
        }
        var quotas: [Quota] = []
        let templates: [(inout TestRandom) -> Quota] = [
            { r in Quota(attribute: "gender", selector: .one("female"), min: .percent(numerator: [30, 40, 50][Int.random(in: 0...2, using: &r)], denominator: 100)) },
            { r in Quota(attribute: "gender", selector: .one("male"), max: .percent(numerator: 60, denominator: 100)) },
            { r in Quota(attribute: "region", selector: .each, min: .count(1)) },
            { r in Quota(attribute: "country", selector: .each, max: .count(1), scope: .perGroup) },
            { r in Quota(attribute: "development", selector: .anyOf(["developing", "economy_in_transition"]), min: .percent(numerator: 125, denominator: 1000)) },
            { r in Quota(attribute: "gender", selector: .one("female"), min: .count(1), scope: .perGroup) },
            { r in Quota(attribute: "region", selector: .one("WEOG"), max: .count(1), scope: .group("G1")) },
            { r in Quota(attribute: "region", selector: .each, min: .count(0), max: .percent(numerator: 50, denominator: 100)) },
        ]
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            var q = templates.randomElement(using: &rng)!(&rng)
            q.index = quotas.count
            quotas.append(q)
        }
        let maxTerms: Int? = Bool.random(using: &rng) ? 3 : nil
        let policy = Policy(body: "random", seats: OrderedDictionary(uniqueKeysWithValues: seats.map { ($0.group, $0.seats) }), quotas: quotas, rules: SelectionRules(continuing: .keep, maxTerms: maxTerms),
                            objective: objective, seed: UInt64.random(in: 0...1000, using: &rng))
        return SelectionInput(policy: policy, nominees: nominees)
    }
}
