// The exported LP file, solved by independent solvers (glpsol and CBC as separate programs), gives the
// same optimum as `select`: the model file is faithful and the in-process solve is right.

import Foundation
import Testing
@testable import Seatwise

@Suite("Independent solvers", .serialized)
struct CrossCheckTests {
    /// Objective of an LP file by glpsol and by CBC; nil where the solver is not installed.
    func solveElsewhere(_ lp: String, folder: URL) throws -> (glpsol: Double?, cbc: Double?) {
        var glpsol: Double?, cbc: Double?
        if let path = CLI.which("glpsol") {
            let out = folder.appendingPathComponent("glpsol.txt").path
            _ = try CLI.tool(path, ["--lp", lp, "-o", out])
            let text = try String(contentsOfFile: out, encoding: .utf8)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }) {
                glpsol = Double(line.split(separator: "=")[1].split(separator: " ")[0])
            }
        }
        if let path = CLI.which("cbc") {
            let out = folder.appendingPathComponent("cbc.txt").path
            _ = try CLI.tool(path, [lp, "solve", "solution", out])
            let first = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").first ?? ""
            if first.hasPrefix("Optimal"), let value = first.split(separator: " ").last { cbc = Double(value) }
        }
        return (glpsol, cbc)
    }

    @Test("glpsol and CBC are installed (make test installs them)")
    func solversPresent() {
        #expect(CLI.which("glpsol") != nil && CLI.which("cbc") != nil)
    }

    @Test("every feasible example: the exported model's optimum equals the selection's", arguments: ["mag", "wgec", "icg"])
    func examples(name: String) throws {
        let folder = Fixtures.temporaryFolder()
        let lp = folder.appendingPathComponent("\(name).lp").path
        let args = ["examples/\(name)/nominations.csv", "--policy", "examples/\(name)/policy.yaml"]
        #expect(try CLI.run(["export-lp"] + args + ["--output", lp]).status == 0)
        let json = try CLI.run(["select"] + args + ["--format", "json"]).json
        let objective = json["objective"] as! [String: Any]
        // The file holds the first objective: the rank sum, or for lexicographic the count of rank-1 members.
        let expected: Double
        if objective["kind"] as? String == "rank-sum" {
            expected = Double(objective["value"] as! Int)
        } else {
            let counts = objective["value"] as! [[String: Int]]
            expected = Double(counts.first { $0["rank"] == 1 }?["count"] ?? 0)
        }
        let (glpsol, cbc) = try solveElsewhere(lp, folder: folder)
        #expect(glpsol == expected, "glpsol: \(String(describing: glpsol)), seatwise: \(expected)")
        #expect(cbc == expected, "cbc: \(String(describing: cbc)), seatwise: \(expected)")
    }

    @Test("random instances: CBC agrees with the in-process optimum and with infeasibility")
    func randomInstances() throws {
        var rng = TestRandom(71)
        let folder = Fixtures.temporaryFolder()
        var agreed = 0
        for k in 0..<25 {
            let input = RandomInstance.make(&rng, objective: .rankSum)
            let context = SelectionContext(input)
            let model = context.model(groups: input.policy.groups, rows: context.quotaRows)
            let lp = folder.appendingPathComponent("r\(k).lp")
            try Data(CPLEXLPWriter.write(model.program, title: "random \(k)").utf8).write(to: lp)
            let result = try SelectionSolver.run(input)
            let (glpsol, cbc) = try solveElsewhere(lp.path, folder: folder)
            if result.status == .optimal {
                #expect(cbc == Double(result.rankSum!), "instance \(k)")
                #expect(glpsol == Double(result.rankSum!), "instance \(k)")
                agreed += 1
            } else {
                #expect(cbc == nil, "instance \(k): CBC found a panel Seatwise calls infeasible")
            }
        }
        #expect(agreed >= 8)
    }
}
