// Compare: on every example, which rules the independent selection breaks and what coordination costs.

import Testing
@testable import Seatwise

@Suite("Compare", .serialized)
struct CompareTests {
    @Test("every example compares, naming broken rules and each group's cost", arguments: ["mag", "wgec", "icg"])
    func examples(name: String) throws {
        let run = try CLI.run(["compare", "examples/\(name)/nominations.csv", "--policy", "examples/\(name)/policy.yaml", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = run.json
        let independent = json["independent"] as? [String: Any] ?? [:], coordinated = json["coordinated"] as? [String: Any] ?? [:]
        #expect(independent["mode"] as? String == "independent" && coordinated["mode"] as? String == "coordinated")
        let coordinatedQuotas = coordinated["quotas"] as? [[String: Any]] ?? []
        #expect(coordinatedQuotas.allSatisfy { $0["satisfied"] as? Bool == true })
        let groups = json["groups"] as? [[String: Any]] ?? []
        #expect(!groups.isEmpty)
        for g in groups {
            // Coordination can only cost a group in its own ranking, never gain it more than it lost elsewhere.
            let cost = g["cost"] as? Int
            #expect(cost != nil)
        }
        let totalCost = groups.compactMap { $0["cost"] as? Int }.reduce(0, +)
        #expect(totalCost >= 0, "the independent panel is each group's own optimum, so the sum of costs is never negative")
        let text = try CLI.run(["compare", "examples/\(name)/nominations.csv", "--policy", "examples/\(name)/policy.yaml"]).stdout
        #expect(text.contains("What coordination costs each group"))
    }

    @Test("the ICG example: independent breaks the gender and WEOG rules; members who differ are listed")
    func icg() throws {
        let input = try SelectionInput.load(nominations: Fixtures.root.appendingPathComponent("examples/icg/nominations.csv").path,
                                            policy: Fixtures.root.appendingPathComponent("examples/icg/policy.yaml").path, countries: Fixtures.countries)
        let c = try Comparison.run(input)
        let broken = Set(c.independent.violations.map { $0.row.label })
        #expect(broken.contains("quota 1: gender = female, at least 9 of 30 seats in the body"))
        #expect(broken.contains("quota 3: region = WEOG, at most 15 of 30 seats in the body"))
        #expect(c.coordinated.violations.isEmpty)
        #expect(c.onlyIndependent.count == c.onlyCoordinated.count && !c.onlyIndependent.isEmpty)
        #expect(c.groups.reduce(0) { $0 + $1.replaced } == c.onlyIndependent.count)
        #expect(c.groups.allSatisfy { ($0.cost ?? 0) >= 0 }, "each community's independent choice is its own optimum")
    }
}

@Suite("Compare an infeasible policy")
struct CompareInfeasibleTests {
    @Test("no panel: exit 1, and no violations claimed for a panel that does not exist")
    func infeasible() throws {
        let run = try CLI.run(["compare", "examples/infeasible/nominations.csv", "--policy", "examples/infeasible/policy.yaml"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("Independent  infeasible") && !run.stdout.contains("breaks"))
        #expect(run.stderr.contains("seatwise select"))
        // No "members who differ" and no "both ways choose the same panel" where neither has one (issue 16).
        for format in ["text", "markdown", "html"] {
            let out = try CLI.run(["compare", "examples/infeasible/nominations.csv", "--policy", "examples/infeasible/policy.yaml", "--format", format]).stdout
            #expect(out.contains("o comparison: neither the independent nor the coordinated selection has a panel"), "\(format)")
            #expect(!out.contains("replaced)") && !out.contains("same panel"), "\(format)")
        }
        #expect(run.stdout.contains("Objective    rank-sum; independent: none; coordinated: none"))
    }
}
