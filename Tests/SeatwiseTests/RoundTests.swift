// Rounds and their adjustments: each kind is applied, stated in words, and used by the explanations;
// a what-if names who enters and leaves; unknown names are bad input with the closest ones. (Optimality
// of adjusted rounds is checked against HiGHS in Tests/crosscheck/test_adjustments.py.)

import Foundation
import Testing
@testable import Seatwise

@Suite("Rounds and what-ifs")
struct RoundTests {
    @Test("seating a nominee: the panel holds them, the report says so, and their explanation names the decision")
    func seat() throws {
        let round = Round(input: TrustFixtures.organisationCap())
        let answer = try round.whatIf([.seat("p2")])
        let ids = answer.result.input.nominees.map(\.id)
        #expect(answer.entering.map { ids[$0] }.contains("p2"))
        #expect(answer.result.context.adjustments == [Message(.adjustedSeat, ["group": .text("P"), "nominee": .nominee(id: "p2", name: "Person p2")])])
        let e = try Explainer.explain(answer.result, options: ExplanationOptions(nominee: "p2")).explanations[0]
        #expect(e.reason == .decision && e.message.contains("decision of the coordinator"))
        #expect(answer.objectiveChange == 1, "rank sum 6 → 7")
    }

    @Test("excluding, moving a bound and changing a group's seats")
    func otherAdjustments() throws {
        let round = Round(input: TrustFixtures.organisationCap())
        let base = try round.solve()
        #expect(try round.whatIf([.exclude("p1")]).leaving.map { base.input.nominees[$0].id } == ["p1"])
        // Lifting the Org X cap lets the group's first choices in.
        let lifted = try round.whatIf([.setBound(row: "1", side: .max, value: 3)])
        #expect(Set(lifted.result.seated.map { base.input.nominees[$0].id }) == ["p1", "p2", "q1"])
        #expect(lifted.result.context.adjustments[0].code == .adjustedBound && lifted.result.context.adjustments[0].parameters["old"] == .text("1")
                && lifted.result.context.adjustments[0].parameters["new"] == .number(3))
        #expect(lifted.result.quotas[0].row.max == 3)
        let wider = try round.whatIf([.groupSeats(group: "Q", seats: 2)])
        #expect(wider.result.seated.count == 4 && wider.result.context.adjustments[0] == Message(.adjustedGroupSeats, ["group": .text("Q"), "seats": .number(2), "old": .number(1)]))
    }

    @Test("unknown ids, rows and groups are bad input, all at once, with the closest names")
    func unknownNames() throws {
        let round = Round(input: TrustFixtures.organisationCap(), adjustments: [.seat("p9"), .setBound(row: "7", side: .min, value: 1),
                                                                                .groupSeats(group: "Qq", seats: 2)])
        do {
            _ = try round.solve()
            Issue.record("unknown names were accepted")
        } catch let error as InputError {
            #expect(error.diagnostics.count == 3)
            #expect(error.description.contains("closest: 'p1'") && error.description.contains("closest: 'Q'"))
        }
    }

    @Test("seating and excluding one nominee, or seating a withdrawn one, is refused")
    func contradictions() throws {
        var input = TrustFixtures.organisationCap()
        input.nominees[0].status = .withdrawn
        let id = input.nominees[0].id
        for adjustments: [Adjustment] in [[.seat("p3"), .exclude("p3")], [.seat(id)]] {
            #expect(throws: InputError.self) { _ = try Round(input: input, adjustments: adjustments).solve() }
        }
    }

    @Test("the CLI: --seat and --set are stated in the JSON; what-if answers each question")
    func cli() throws {
        let args = ["examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml"]
        let run = try CLI.run(["select"] + args + ["--exclude", "MAG-013", "--set", "1:min=18", "--format", "json"])
        #expect(run.status == 0)
        let adjustments = run.json["adjustments"] as? [String] ?? []
        #expect(adjustments.count == 2 && adjustments.allSatisfy { $0.contains("by decision of the coordinator") })
        #expect(!((run.json["selected"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == "MAG-013" })
        let bad = try CLI.run(["select"] + args + ["--seat", "MAG-12O"])
        #expect(bad.status == 2 && bad.stderr.contains("closest: 'MAG-120'"))
        let folder = Fixtures.temporaryFolder()
        let questions = Fixtures.write("- { name: without 13, exclude: [MAG-013] }\n- { seat: [nobody] }\n", "q.yaml", in: folder)
        let whatIf = try CLI.run(["what-if"] + args + ["--questions", questions, "--format", "json"])
        #expect(whatIf.status == 0)
        let answers = whatIf.json["questions"] as? [[String: Any]] ?? []
        #expect(answers.count == 2)
        #expect(((answers.first?["difference"] as? [String: Any])?["leaving"] as? [String])?.contains("MAG-013") == true)
        #expect((answers.last?["problem"] as? String)?.contains("no nominee has the id 'nobody'") == true)
        let badFile = Fixtures.write("- { seat: MAG-013, colour: red }\n", "bad.yaml", in: folder)
        let refused = try CLI.run(["what-if"] + args + ["--questions", badFile])
        #expect(refused.status == 2 && refused.stderr.contains("[1].seat") && refused.stderr.contains("[1].colour"))
        // YAML errors with their place, and tags refused, as in a policy.
        let syntax = Fixtures.write("- { seat: [a] \n- [\n", "syntax.yaml", in: folder)
        let broken = try CLI.run(["what-if"] + args + ["--questions", syntax])
        #expect(broken.status == 2 && broken.stderr.contains("syntax.yaml:2:1: YAML syntax error"))
        let tagged = Fixtures.write("- { seat: !!binary aGVsbG8= }\n", "tag.yaml", in: folder)
        #expect(try CLI.run(["what-if"] + args + ["--questions", tagged]).stderr.contains("the YAML tag '!!binary' is not allowed"))
    }
}

@Suite("Entry points on the values")
struct EntryPointTests {
    @Test("input.round().solve(), result.explanations() and result.diagnosis() give what the engines give")
    func entryPoints() throws {
        let input = TrustFixtures.organisationCap()
        let result = try input.round().solve()
        #expect(result.seated == (try SelectionSolver.run(input)).seated)
        #expect(try result.explanations().explanations.count == input.nominees.count)
        let infeasible = try TrustFixtures.wideRepair().round().solve()
        #expect(try infeasible.diagnosis(repair: true).repaired?.status == .optimal)
    }
}

@Suite("Report format from --output")
struct OutputFormatTests {
    @Test("--output FILE without --format takes the format from the extension; a contradicting --format is exit 2")
    func formatFromExtension() throws {
        let folder = Fixtures.temporaryFolder()
        let args = ["select", "examples/icg/nominations.csv", "--policy", "examples/icg/policy.yaml"]
        for (name, start) in [("r.html", "<!DOCTYPE html>"), ("r.json", "{"), ("r.md", "# "), ("r.csv", "group,id,name")] {
            let path = folder.appendingPathComponent(name).path
            #expect(try CLI.run(args + ["--output", path]).status == 0)
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(start), "\(name)")
        }
        let contradiction = try CLI.run(args + ["--output", folder.appendingPathComponent("x.json").path, "--format", "csv"])
        #expect(contradiction.status == 2 && contradiction.stderr.contains("contradicts"))
        let workbook = try CLI.run(args + ["--output", folder.appendingPathComponent("x.xlsx").path])
        #expect(workbook.status == 0 && FileManager.default.contents(atPath: folder.appendingPathComponent("x.xlsx").path)?.prefix(2) == Data("PK".utf8))
        let old = try CLI.run(args + ["--output", folder.appendingPathComponent("x.xls").path])
        #expect(old.status == 2 && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.xls").path))
    }
}

@Suite("Files as people save them")
struct SavedFileTests {
    @Test("a CSV separated by semicolons or tabs is read, with a note saying so", arguments: [";", "\t"])
    func separators(_ separator: String) throws {
        let folder = Fixtures.temporaryFolder()
        let rows = ["id,name,group,gender,country,rank", "g1,\"Ana, Ruiz\",Government,female,KEN,1", "g2,Bo Li,Government,male,CHN,2",
                    "c1,Cy Ode,Civil Society,female,BRA,1"]
        let text = rows.map { $0.replacingOccurrences(of: ",", with: separator).replacingOccurrences(of: "Ana\(separator) Ruiz", with: "Ana, Ruiz") }
            .joined(separator: "\r\n") + "\r\n"
        let nominations = Fixtures.write(text, "n.csv", in: folder)
        let policy = Fixtures.write(Fixtures.simplePolicy, "p.yaml", in: folder)
        let input = try SelectionInput.load(nominations: nominations, policy: policy, countries: Fixtures.countries)
        #expect(input.nominees.map(\.name).sorted() == ["Ana, Ruiz", "Bo Li", "Cy Ode"])
        let result = try input.round().solve()
        #expect(result.notes.contains { $0.description.contains(separator == ";" ? "separated by semicolons" : "separated by tabs") })
    }
}

@Suite("Adjustments as a reviewer tried them")
struct AdjustmentReviewTests {
    @Test("ids in any case, repeated adjustments stated once, a minimum above the maximum refused, a required member's exclusion said")
    func review() throws {
        let input = TrustFixtures.organisationCap()
        let lower = try Round(input: input, adjustments: [.exclude("P1")]).solve()
        #expect(!lower.seated.map { input.nominees[$0].id }.contains("p1"))
        let twice = try Round(input: input, adjustments: [.groupSeats(group: "Q", seats: 2), .groupSeats(group: "Q", seats: 3)]).context()
        #expect(twice.adjustments.count == 1 && twice.adjustments[0].parameters["seats"] == .number(3) && twice.input.policy.seats(of: "Q") == 3)
        #expect(throws: InputError.self) { _ = try Round(input: input, adjustments: [.setBound(row: "1", side: .min, value: 3)]).context() }
        var required = input
        required.nominees[1].status = .required
        let excluded = try Round(input: required, adjustments: [.exclude(required.nominees[1].id)]).context()
        #expect(excluded.adjustments[0].code == .adjustedExcludeRequired)
    }
}
