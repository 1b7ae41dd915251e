// Audits: exact binomial and pool-based probabilities, checked against exhaustive enumeration of every
// way the seats could have been filled; quota verdicts; the ICG example roster.

import Foundation
import Testing
@testable import Seatwise

@Suite("Audit")
struct AuditTests {
    static func person(_ id: String, _ group: String, _ gender: String, status: NomineeStatus = .new) -> Nominee {
        Nominee(id: id, name: "P \(id)", group: group, rank: nil, status: status,
                attributes: ["gender": gender, "country": "DEU", "region": "WEOG", "development": "developed"])
    }

    @Test("a roster of 30 with 5 women against parity: P(≤5) = 0.000162")
    func binomialReference() throws {
        let run = try CLI.run(["audit", "examples/icg/roster.csv", "--policy", "examples/icg/policy.yaml",
                               "--reference", "gender=female:0.5", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let shares = run.json["shares"] as? [[String: Any]] ?? []
        let women = shares.first { $0["attribute"] as? String == "gender" && $0["value"] as? String == "female" }
        #expect(women?["count"] as? Int == 5)
        let p = women?["p_value"] as? Double ?? 0
        // Σ_{k≤5} C(30,k) / 2^30 = 174437 / 1073741824, computed by hand.
        #expect(abs(p - 174437.0 / 1073741824.0) < 1e-15)
        #expect(String(format: "%.3g", p) == "0.000162")
        #expect(women?["expected"] as? Double == 15)
        let text = try CLI.run(["audit", "examples/icg/roster.csv", "--policy", "examples/icg/policy.yaml", "--reference", "gender=female:50%"]).stdout
        #expect(text.contains("0.000162"))
    }

    @Test("binomial tails match exact sums of integer binomial coefficients")
    func binomialExact() {
        func choose(_ n: Int, _ k: Int) -> Double { k == 0 ? 1 : choose(n - 1, k - 1) * Double(n) / Double(k) }
        for (n, p) in [(10, 0.3), (30, 0.5), (55, 0.4)] {
            let d = CountDistribution.binomial(trials: n, probability: p)
            for k in [0, n / 4, n / 2, n] {
                let exact = (0...k).reduce(0.0) { $0 + choose(n, $1) * pow(p, Double($1)) * pow(1 - p, Double(n - $1)) }
                #expect(abs(d.atMost(k) - exact) < 1e-12 * max(1, exact))
            }
        }
    }

    @Test("pool probabilities equal exhaustive enumeration of every way to fill each group")
    func poolAgainstEnumeration() throws {
        // Group A: 2 seats from 6 (2 women); group B: 3 seats from 8 (3 women, one of them continuing and
        // so always seated, and one man withdrawn).
        var pool: [Nominee] = []
        for k in 0..<6 { pool.append(Self.person("a\(k)", "A", k < 2 ? "female" : "male")) }
        for k in 0..<8 {
            pool.append(Self.person("b\(k)", "B", k < 3 ? "female" : "male", status: k == 0 ? .continuing : (k == 7 ? .withdrawn : .new)))
        }
        let policy = Policy(body: "B", seats: ["A": 2, "B": 3])
        let poolInput = SelectionInput(policy: policy, nominees: pool)
        // Enumerate: A chooses 2 of 6; B seats b0 and chooses 2 of b1…b6.
        var counts = [Int](repeating: 0, count: 6)
        let a = BruteForce.combinations(Array(0..<6), 2), b = BruteForce.combinations(Array(1..<7), 2)
        for ca in a { for cb in b { counts[ca.filter { $0 < 2 }.count + 1 + cb.filter { $0 < 3 }.count] += 1 } }
        let total = Double(a.count * b.count)
        for women in 1...5 {
            let roster = Array(pool.filter { $0.key(of: "gender") == "female" && $0.status != .withdrawn }.prefix(women))
                + pool.filter { $0.key(of: "gender") == "male" && $0.status != .withdrawn }
            // Only the gender count matters for this share; the roster's groups are filled to their seats.
            let members = roster.filter { $0.group == "A" }.prefix(2) + roster.filter { $0.group == "B" }.prefix(3)
            if members.filter({ $0.key(of: "gender") == "female" }).count != women { continue }
            let audit = Auditor.audit(roster: SelectionInput(policy: policy, nominees: Array(members)), pool: poolInput)
            let row = audit.shares.first { $0.attribute == "gender" && $0.value == "female" }!
            let mean = counts.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) } / total
            let below = Double(counts.prefix(women + 1).reduce(0, +)) / total
            let above = Double(counts.dropFirst(women).reduce(0, +)) / total
            #expect(abs(row.expected! - mean) < 1e-12)
            #expect(abs(row.pValue! - (Double(women) < mean ? below : above)) < 1e-12, "women \(women)")
        }
    }

    @Test("large pools stay exact in log space")
    func largePool() {
        let d = CountDistribution.hypergeometric(population: 50_000, successes: 20_000, draws: 1_000)
        #expect(abs(d.mean - 400) < 1e-6)
        #expect(d.atMost(250) > 0 && d.atMost(250) < 1e-20)
        #expect(abs(d.atMost(1000) - 1) < 1e-9)
    }

    @Test("quota verdicts and notes of the ICG roster")
    func icgRoster() throws {
        let run = try CLI.run(["audit", "examples/icg/roster.csv", "--policy", "examples/icg/policy.yaml", "--pool", "examples/icg/nominations.csv", "--format", "json"])
        let quotas = run.json["quotas"] as? [[String: Any]] ?? []
        let broken = quotas.filter { $0["satisfied"] as? Bool == false }.compactMap { $0["label"] as? String }
        #expect(broken.contains("quota 1: gender = female, at least 9 of 30 seats in the body"))
        #expect(broken.contains("quota 3: region = WEOG, at most 15 of 30 seats in the body"))
        #expect((run.json["inputs"] as? [String: Any])?["pool_sha256"] is String)
        #expect(run.json["size"] as? Int == 30)
    }
}

@Suite("Audit rows for absent values")
struct AuditAbsentValueTests {
    @Test("without a pool, every region of the reference list is a row: an absent one is counted 0 and judged")
    func absentRegion() throws {
        let members = (0..<4).map { k in
            Nominee(id: "m\(k)", name: "M \(k)", group: "G", rank: nil,
                    attributes: ["gender": "female", "country": "KEN", "region": k < 2 ? "African" : "WEOG", "development": "developing"])
        }
        let policy = Policy(body: "Roster", seats: ["G": 4], quotas: [Quota(index: 0, attribute: "region", selector: .each, min: .count(1))])
        let audit = Auditor.audit(roster: SelectionInput(policy: policy, nominees: members))
        let rows = Dictionary(uniqueKeysWithValues: audit.quotas.map { ($0.row.values[0], $0) })
        #expect(Set(rows.keys) == Set(CountryTable.regions))
        #expect(rows["GRULAC"]?.count == 0 && rows["GRULAC"]?.satisfied == false)
        #expect(rows["African"]?.satisfied == true)
    }
}
