// Ties between equally good panels are decided by the seed alone, never by row order.

import Testing
@testable import Seatwise

@Suite("Tie-break by seed")
struct TieBreakTests {
    /// Ten unranked nominees for three seats: every panel is equally good.
    func allTied(seed: UInt64?) -> SelectionInput {
        let nominees = (0..<10).map { k in
            Nominee(id: "N\(k)", name: "Person \(k)", group: "G", rank: nil, attributes: ["gender": k % 2 == 0 ? "female" : "male", "region": "WEOG", "country": "DEU", "development": "developed"])
        }
        return SelectionInput(policy: Policy(body: "ties", seats: ["G": 3], seed: seed), nominees: nominees)
    }

    @Test("the same seed gives the same panel whatever the row order")
    func rowOrderDoesNotMatter() throws {
        var rng = TestRandom(3)
        let reference = try SelectionSolver.run(allTied(seed: 42)).seated.map { allTied(seed: 42).nominees[$0].id }
        for _ in 0..<10 {
            var input = allTied(seed: 42)
            let shuffled = input.nominees.shuffled(using: &rng)
            input = SelectionInput(policy: input.policy, nominees: shuffled)
            let result = try SelectionSolver.run(input)
            #expect(result.seated.map { input.nominees[$0].id } == reference)
        }
    }

    @Test("different seeds choose different panels among ties")
    func seedDecides() throws {
        var panels = Set<[String]>()
        for seed in UInt64(0)..<12 {
            let input = allTied(seed: seed)
            let result = try SelectionSolver.run(input)
            #expect(result.status == .optimal)
            #expect(result.seated.count == 3)
            panels.insert(result.seated.map { input.nominees[$0].id }.sorted())
        }
        #expect(panels.count >= 4, "twelve seeds gave only \(panels.count) distinct panels")
    }

    @Test("the tie-break order depends on seed and id only")
    func orderIsAFunctionOfSeedAndId() {
        let a = TieBreakOrder(seed: 9, ids: ["x", "y", "z"]).weights
        let b = TieBreakOrder(seed: 9, ids: ["z", "x", "y", "w"]).weights
        #expect([a[0], a[1], a[2]] == [b[1], b[2], b[0]])
        #expect(Set(a).count == 3)
        #expect(a.allSatisfy { (1...(1 << 20)).contains($0) })
        #expect(TieBreakOrder(seed: 10, ids: ["x", "y", "z"]).weights != a)
    }

    @Test("without a seed the default seed is used and reported")
    func defaultSeed() throws {
        let result = try SelectionSolver.run(allTied(seed: nil))
        #expect(result.seed == Policy.defaultSeed)
        #expect(result.seedSource == .default)
        let overridden = try SelectionSolver.run(allTied(seed: 5), options: SelectionOptions(seed: 77))
        #expect(overridden.seed == 77)
        #expect(overridden.seedSource == .commandLine)
    }
}
