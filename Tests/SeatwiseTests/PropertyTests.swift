// Properties that must hold on every instance (swift-property-based drives the inputs and reports a
// reproducible seed on failure): panels meet every rule, row order never matters, loosening a policy
// never makes the panel worse, and the two modes agree when no body-wide quota binds.

import Foundation
import PropertyBased
import Testing
@testable import Seatwise

@Suite("Properties")
struct PropertyTests {
    static let seeds = Gen.int(in: 0...1_000_000)

    @Test("every panel meets every rule of its policy")
    func panelsMeetRules() async {
        await propertyCheck(count: 150, input: Self.seeds) { seed in
            var rng = TestRandom(UInt64(seed))
            let input = RandomInstance.make(&rng, objective: seed % 2 == 0 ? .rankSum : .lexicographic)
            let result = try! SelectionSolver.run(input)
            if result.status == .optimal {
                #expect(BruteForce.meetsRules(Set(result.seated), input.nominees, input.policy, groups: input.policy.groups, bodyQuotas: true))
                #expect(result.quotas.allSatisfy { $0.satisfied })
            }
        }
    }

    @Test("row order in the file never changes the panel")
    func rowOrder() async throws {
        let folder = Fixtures.temporaryFolder()
        await propertyCheck(count: 12, input: Self.seeds) { seed in
            let dir = folder.appendingPathComponent("g\(seed)").path
            _ = try! CLI.run(["generate", "--nominees", "80", "--seats", "12", "--seed", "\(seed)", "--shape", seed % 3 == 0 ? "icg" : "mag", "--output", dir])
            let text = try! String(contentsOfFile: "\(dir)/nominations.csv", encoding: .utf8)
            var lines = text.split(separator: "\n").map(String.init)
            let header = lines.removeFirst()
            var rng = TestRandom(UInt64(seed))
            lines.shuffle(using: &rng)
            try! Data(([header] + lines).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: "\(dir)/shuffled.csv"))
            let a = try! CLI.run(["select", "\(dir)/nominations.csv", "--policy", "\(dir)/policy.yaml", "--format", "json"]).json
            let b = try! CLI.run(["select", "\(dir)/shuffled.csv", "--policy", "\(dir)/policy.yaml", "--format", "json"]).json
            let ids = { (j: [String: Any]) in (j["selected"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
            #expect(ids(a) == ids(b))
            #expect(a["status"] as? String == b["status"] as? String)
        }
    }

    @Test("a looser policy never gives a worse panel")
    func looserIsNeverWorse() async {
        await propertyCheck(count: 150, input: Self.seeds) { seed in
            var rng = TestRandom(UInt64(seed))
            let input = RandomInstance.make(&rng, objective: .rankSum)
            guard !input.policy.quotas.isEmpty else { return }
            var looser = input
            let k = seed % input.policy.quotas.count
            // Loosen one quota: drop its minimum, or raise its maximum to the seats.
            if looser.policy.quotas[k].min != nil { looser.policy.quotas[k].min = nil } else { looser.policy.quotas[k].max = .count(input.policy.totalSeats) }
            if looser.policy.quotas[k].min == nil && looser.policy.quotas[k].max == nil { looser.policy.quotas[k].max = .count(input.policy.totalSeats) }
            let strict = try! SelectionSolver.run(input), loose = try! SelectionSolver.run(looser)
            if strict.status == .optimal {
                #expect(loose.status == .optimal)
                #expect(loose.rankSum! <= strict.rankSum!)
            }
        }
    }

    @Test("independent and coordinated agree when no body-wide quota binds")
    func modesAgree() async {
        await propertyCheck(count: 150, input: Self.seeds) { seed in
            var rng = TestRandom(UInt64(seed))
            let input = RandomInstance.make(&rng, objective: .rankSum)
            let independent = try! SelectionSolver.run(input, options: SelectionOptions(mode: .independent))
            guard independent.status == .optimal, independent.violations.isEmpty else { return }
            let coordinated = try! SelectionSolver.run(input, options: SelectionOptions(mode: .coordinated))
            #expect(coordinated.status == .optimal)
            #expect(coordinated.rankSum == independent.rankSum)
            #expect(coordinated.seated == independent.seated)
        }
    }
}
