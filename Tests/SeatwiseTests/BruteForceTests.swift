// Selection is optimal and meets every rule: checked against brute-force enumeration on many random
// small instances, for both modes and both objectives, including infeasible ones.

import Testing
@testable import Seatwise

@Suite("Selection against brute force")
struct BruteForceTests {
    @Test("coordinated and independent selection match brute force",
          arguments: [ObjectiveKind.rankSum, .lexicographic], [SelectionMode.coordinated, .independent])
    func matchesBruteForce(objective: ObjectiveKind, mode: SelectionMode) throws {
        var rng = TestRandom(objective == .rankSum ? 11 : 23)
        var feasible = 0, infeasible = 0
        for instance in 0..<160 {
            let input = RandomInstance.make(&rng, objective: objective)
            let result = try SelectionSolver.run(input, options: SelectionOptions(mode: mode))
            let policy = input.policy
            let groupRuns: [[String]] = mode == .coordinated ? [policy.groups] : policy.groups.map { [$0] }
            let bests = groupRuns.map { BruteForce.best(input.nominees, policy, groups: $0, bodyQuotas: mode == .coordinated) }
            if bests.contains(where: { $0 == nil }) {
                infeasible += 1
                #expect(result.status == .infeasible, "instance \(instance): brute force finds no panel, Seatwise says \(result.status)")
                #expect(result.seated.isEmpty)
                continue
            }
            feasible += 1
            #expect(result.status == .optimal, "instance \(instance): a panel exists but Seatwise says \(result.status)")
            let panel = Set(result.seated)
            let levels = input.nominees.indices.map { BruteForce.effectiveRank(input.nominees, $0) }.max() ?? 1
            for (groups, best) in zip(groupRuns, bests) {
                let part = panel.filter { groups.contains(input.nominees[$0].group) }
                #expect(BruteForce.meetsRules(part, input.nominees, policy, groups: groups, bodyQuotas: mode == .coordinated),
                        "instance \(instance): the panel breaks a rule")
                #expect(BruteForce.key(part, input.nominees, policy, levels: levels) == best!.key,
                        "instance \(instance): objective \(BruteForce.key(part, input.nominees, policy, levels: levels)) but the best is \(best!.key)")
            }
            if objective == .rankSum { #expect(result.rankSum == bests.reduce(0) { $0 + $1!.key[0] }) }
            // Reported quota counts agree with a recount of the panel.
            for q in result.quotas {
                #expect(q.count == q.row.members.filter(panel.contains).count)
            }
        }
        #expect(feasible >= 40, "too few feasible instances to mean anything: \(feasible)")
        #expect(infeasible >= 5, "too few infeasible instances to mean anything: \(infeasible)")
    }

    @Test("independent and coordinated agree when no body-wide quota exists")
    func modesAgreeWithoutBodyQuotas() throws {
        var rng = TestRandom(5)
        var compared = 0
        for _ in 0..<60 {
            var input = RandomInstance.make(&rng, objective: .rankSum)
            input.policy.quotas = input.policy.quotas.filter(\.isGroupScoped)
            let coordinated = try SelectionSolver.run(input, options: SelectionOptions(mode: .coordinated))
            let independent = try SelectionSolver.run(input, options: SelectionOptions(mode: .independent))
            #expect(coordinated.status == independent.status)
            if coordinated.status == .optimal {
                compared += 1
                #expect(coordinated.rankSum == independent.rankSum)
                #expect(coordinated.seated == independent.seated, "the same seed breaks ties the same way in both modes")
            }
        }
        #expect(compared >= 20)
    }
}
