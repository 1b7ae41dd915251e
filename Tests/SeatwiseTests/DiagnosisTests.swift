// Infeasible policies: every reported conflict is infeasible and irreducible (checked by exhaustive
// enumeration, not by GLPK), every repair is feasible, and the infeasible example's diagnosis says
// what a coordinator needs.

import Foundation
import Testing
@testable import Seatwise

@Suite("Diagnosis of infeasible policies")
struct DiagnosisTests {
    /// Whether some 0-1 assignment meets the given rows and fixings; columns not fixed are free.
    static func feasible(_ program: IntegerProgram, rows: [Int], fixed: Set<Int>) -> Bool {
        let n = program.variables.count
        var lower = [Int](repeating: 0, count: n), upper = [Int](repeating: 1, count: n)
        for j in fixed { lower[j] = program.variables[j].lower; upper[j] = program.variables[j].upper }
        let free = (0..<n).filter { lower[$0] != upper[$0] }
        for mask in 0..<(1 << free.count) {
            var x = lower.map { $0 == 1 }
            for (b, j) in free.enumerated() where mask & (1 << b) != 0 { x[j] = true }
            let ok = rows.allSatisfy { k in
                let row = program.rows[k]
                let lhs = row.terms.reduce(0) { $0 + (x[$1.variable] ? $1.coefficient : 0) }
                switch row.sense {
                case .equal: return lhs == row.rhs
                case .atLeast: return lhs >= row.rhs
                case .atMost: return lhs <= row.rhs
                }
            }
            if ok { return true }
        }
        return false
    }

    @Test("every conflict is infeasible, and dropping any one of its rules makes it feasible")
    func irreducible() throws {
        var rng = TestRandom(808)
        var verified = 0
        for instance in 0..<400 where verified < 25 {
            let input = RandomInstance.make(&rng, objective: .rankSum)
            guard input.nominees.count <= 13 else { continue }
            let context = SelectionContext(input)
            guard PreCheck.run(input: input, standings: context.standings, quotaRows: context.quotaRows, groups: input.policy.groups).isEmpty else { continue }
            let model = SelectionSolver.models(context, mode: .coordinated)[0]
            let conflicts = try ConflictFinder(model: model, nominees: input.nominees).conflicts(limit: 3).conflicts
            let solvable = Self.feasible(model.program, rows: Array(model.program.rows.indices),
                                         fixed: Set(model.program.variables.indices.filter { model.program.variables[$0].lower == model.program.variables[$0].upper }))
            #expect(conflicts.isEmpty == solvable, "instance \(instance): conflicts \(conflicts.count), enumeration says feasible: \(solvable)")
            for conflict in conflicts {
                let rules = conflict.rows + conflict.hardRows
                let fixed = Set(conflict.fixedColumns)
                #expect(!Self.feasible(model.program, rows: rules, fixed: fixed), "instance \(instance): the conflict can be met")
                for k in rules {
                    #expect(Self.feasible(model.program, rows: rules.filter { $0 != k }, fixed: fixed), "instance \(instance): \(model.program.rows[k].label) is not needed")
                }
                for j in fixed {
                    #expect(Self.feasible(model.program, rows: rules, fixed: fixed.subtracting([j])), "instance \(instance): fixing \(j) is not needed")
                }
                #expect(conflict.message.code.rawValue.hasPrefix("conflict.") && conflict.rules.count == rules.count + fixed.count)
                verified += 1
            }
        }
        #expect(verified >= 10, "only \(verified) conflicts verified")
    }

    @Test("every repair makes the policy feasible and respects hard quotas")
    func repairsAreFeasible() throws {
        var rng = TestRandom(909)
        var repaired = 0
        for instance in 0..<300 where repaired < 20 {
            var input = RandomInstance.make(&rng, objective: .rankSum)
            if input.policy.quotas.count > 1 { input.policy.quotas[0].hard = true }
            let result = try SelectionSolver.run(input)
            guard result.status == .infeasible else { continue }
            let diagnosis = try Diagnoser.diagnose(result, repair: true)
            #expect(!diagnosis.conflicts.isEmpty, "instance \(instance): infeasible but no conflict named")
            for repair in diagnosis.repairs {
                #expect(!repair.steps.isEmpty)
                #expect(repair.steps.allSatisfy { !result.input.policy.quotas[SelectionContext(input).quotaRows[$0.quotaRow].quotaIndex].hard })
                var context = SelectionContext(input)
                for step in repair.steps {
                    if step.bound == .min { context.quotaRows[step.quotaRow].min = step.to } else { context.quotaRows[step.quotaRow].max = step.to }
                }
                let fixed = try SelectionSolver.run(context: context, mode: .coordinated)
                #expect(fixed.status == .optimal, "instance \(instance): the repair \(repair.steps.map(\.rule)) leaves the policy infeasible")
                let panel = Set(fixed.seated)
                for row in context.quotaRows {
                    let count = row.members.filter(panel.contains).count
                    #expect(row.min.map { count >= $0 } ?? true)
                    #expect(row.max.map { count <= $0 } ?? true)
                }
                repaired += 1
            }
            if let first = diagnosis.repaired { #expect(first.status == .optimal) }
        }
        #expect(repaired >= 10, "only \(repaired) repairs verified")
    }

    @Test("the infeasible example: the clash in words, the rules, the repair by priority, and the repaired panel")
    func example() throws {

        let run = try CLI.run(["select", "examples/infeasible/nominations.csv", "--policy", "examples/infeasible/policy.yaml", "--format", "json", "--repair"])
        #expect(run.status == 1)
        let json = run.json
        let conflicts = json["conflicts"] as? [[String: Any]] ?? []
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["message"] as? String == "Technical Community needs at least 3 with region = African, but under the other 2 rules of this conflict at most 2 can be seated")
        #expect(Set(conflicts.first?["rules"] as? [String] ?? []) == [
            "quota 2: region = African, at least 3 of 4 seats in Technical Community",
            "quota 3: country = EGY, at most 1 of 4 seats in Technical Community",
            "quota 3: country = ZAF, at most 1 of 4 seats in Technical Community",
        ])
        let repairs = json["repairs"] as? [[[String: Any]]] ?? []
        #expect(repairs.count >= 2, "a repair and at least one alternative")
        // quota 2 has the lowest priority (1), so it is relaxed first.
        #expect(repairs.first?.first?["rule"] as? String == "quota 2: region = African, at least 3 of 4 seats in Technical Community")
        #expect(repairs.first?.first?["from"] as? Int == 3 && repairs.first?.first?["to"] as? Int == 2)
        let repaired = (json["repaired"] as? [[String: Any]])?.first
        #expect(repaired?["status"] as? String == "optimal")
        #expect((repaired?["selected"] as? [Any])?.count == 13)
        let text = try CLI.run(["select", "examples/infeasible/nominations.csv", "--policy", "examples/infeasible/policy.yaml"])
        #expect(text.stdout.contains("Smallest repair (by declared priorities)"))

    }
}
