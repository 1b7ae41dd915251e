// Every example end to end through the `seatwise` executable: exit codes, JSON keys, every format,
// atomic output, refusal to overwrite inputs, and exit 2 with every problem for bad input.

import Foundation
import Testing
@testable import Seatwise

@Suite("Command line", .serialized)
struct CLITests {
    static let examples = ["mag", "wgec", "icg", "infeasible"]

    func example(_ name: String) -> [String] {
        ["examples/\(name)/nominations.csv", "--policy", "examples/\(name)/policy.yaml"]
    }

    @Test("every example runs in both modes with the right exit code and the JSON keys of the README's JSON report",
          arguments: examples, [SelectionMode.coordinated, .independent])
    func examplesRun(name: String, mode: SelectionMode) throws {
        let run = try CLI.run(["select"] + example(name) + ["--format", "json", "--mode", mode.rawValue])
        let json = run.json
        let infeasible = name == "infeasible" // its clash lies inside one group, so both modes hit it
        #expect(run.status == (infeasible ? 1 : 0), "\(name) \(mode): exit \(run.status), \(run.stderr)")
        for key in ["status", "mode", "objective", "seed", "inputs", "selected", "quotas", "conflicts", "repairs"] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        #expect(json["mode"] as? String == mode.rawValue)
        #expect(json["status"] as? String == (infeasible ? "infeasible" : "optimal"))
        let inputs = json["inputs"] as? [String: Any] ?? [:]
        #expect((inputs["nominations_sha256"] as? String)?.count == 64 && (inputs["policy_sha256"] as? String)?.count == 64)
        let objective = json["objective"] as? [String: Any] ?? [:]
        #expect(objective["kind"] != nil && objective.keys.contains("value"))
        let selected = json["selected"] as? [[String: Any]] ?? []
        let quotas = json["quotas"] as? [[String: Any]] ?? []
        for quota in quotas { for key in ["label", "min", "max", "count", "satisfied"] { #expect(quota.keys.contains(key)) } }
        if infeasible {
            #expect(selected.isEmpty)
            #expect(!(json["conflicts"] as? [[String: Any]] ?? []).isEmpty)
        } else {
            let seats = try SelectionSolver.run(try load(name)).policy.totalSeats
            #expect(selected.count == seats)
            #expect(selected.allSatisfy { $0["id"] is String && $0["group"] is String })
            if mode == .coordinated { #expect(quotas.allSatisfy { $0["satisfied"] as? Bool == true }) }
        }
    }

    func load(_ name: String) throws -> SelectionInput {
        try SelectionInput.load(nominations: Fixtures.root.appendingPathComponent("examples/\(name)/nominations.csv").path,
                                policy: Fixtures.root.appendingPathComponent("examples/\(name)/policy.yaml").path, countries: Fixtures.countries)
    }

    @Test("the independent ICG panel breaks the body-wide rules that the coordinated one meets")
    func icgContrast() throws {
        let independent = try CLI.run(["select"] + example("icg") + ["--format", "json", "--mode", "independent"]).json
        let broken = (independent["quotas"] as? [[String: Any]] ?? []).filter { $0["satisfied"] as? Bool == false }
        #expect(broken.contains { ($0["label"] as? String)?.contains("gender = female") == true })
        #expect(broken.allSatisfy { $0["enforced"] as? Bool == false })
    }

    @Test("text, markdown and csv carry the provenance; csv neutralises formulas")
    func formats() throws {
        let hash = try load("mag").nominations.sha256
        for format in ["text", "markdown", "csv"] {
            let run = try CLI.run(["select"] + example("mag") + ["--format", format])
            #expect(run.status == 0)
            #expect(run.stdout.contains(hash))
        }
        let md = try CLI.run(["select"] + example("mag") + ["--format", "markdown"]).stdout
        #expect(md.contains("| Group | ID | Name |") && md.contains("## Quotas"))
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country,rank\n=1+1,\"=HYPERLINK(\"\"x\"\")\",Government,female,KE,1\n@b,-Bo,Government,male,DE,2\n", "n.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats: { Government: 2 }\n", "p.yaml", in: folder)
        let csv = try CLI.run(["select", nominations, "--policy", policy, "--format", "csv"]).stdout
        #expect(csv.contains("'=1+1,\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(csv.contains("'@b,'-Bo,"))
    }

    @Test("the same rows in another order give the same panel, byte for byte")
    func rowOrder() throws {
        let folder = Fixtures.temporaryFolder()
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("examples/mag/nominations.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        var rng = TestRandom(99)
        lines.shuffle(using: &rng)
        let shuffled = Fixtures.write(([header] + lines).joined(separator: "\n") + "\n", "shuffled.csv", in: folder)
        let a = try CLI.run(["select"] + example("mag") + ["--format", "json"]).json
        let b = try CLI.run(["select", shuffled, "--policy", "examples/mag/policy.yaml", "--format", "json"]).json
        func bytes(_ value: Any?) throws -> Data { try JSONSerialization.data(withJSONObject: value ?? [], options: [.sortedKeys]) }
        #expect(try bytes(a["selected"]) == bytes(b["selected"]))
        #expect(try bytes(a["quotas"]) == bytes(b["quotas"]))
        #expect(try bytes(a["objective"]) == bytes(b["objective"]))
    }

    @Test("--output writes atomically and never overwrites an input")
    func output() throws {
        let folder = Fixtures.temporaryFolder()
        let target = folder.appendingPathComponent("panel.json").path
        let run = try CLI.run(["select"] + example("mag") + ["--format", "json", "--output", target])
        #expect(run.status == 0 && run.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["panel.json"], "no temporary file is left behind")
        let copy = Fixtures.write(try String(contentsOfFile: "\(Fixtures.root.path)/examples/mag/policy.yaml", encoding: .utf8), "policy.yaml", in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let refused = try CLI.run(["select", "examples/mag/nominations.csv", "--policy", copy, "--output", copy])
        #expect(refused.status == 2 && refused.stderr.contains("is an input file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
        let link = folder.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: copy)
        #expect(try CLI.run(["select", "examples/mag/nominations.csv", "--policy", copy, "--output", link]).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    @Test("bad input exits 2 listing every problem of both files with its place, and writes nothing")
    func badInput() throws {
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country,rank\na,Ana,Government,female,KE,0\na,Bo,Mars,male,ZZZ,1\n", "n.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats: { Government: 2 }\nquotas:\n  - { attribute: shoe_size, value: 9, min: 1 }\n", "p.yaml", in: folder)
        let target = folder.appendingPathComponent("out.json").path
        let run = try CLI.run(["select", nominations, "--policy", policy, "--output", target])
        #expect(run.status == 2)
        #expect(run.stderr.contains("n.csv:2:28: rank:"))
        #expect(run.stderr.contains("n.csv:3:1: id:"))
        #expect(run.stderr.contains("n.csv:3:6: group:"))
        #expect(run.stderr.contains("n.csv:3:16: country:"))
        #expect(run.stderr.contains("p.yaml:4: quotas[1].attribute: 'shoe_size'"))
        #expect(!FileManager.default.fileExists(atPath: target))
        let missing = try CLI.run(["select", "nope.csv", "--policy", "nope.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("nope.csv: no such file") && missing.stderr.contains("nope.yaml: no such file"))
        let usage = try CLI.run(["select", "examples/mag/nominations.csv"])
        #expect(usage.status == 2 && usage.stderr.contains("--policy"))
        let badLimit = try CLI.run(["select"] + example("mag") + ["--time-limit", "-1"])
        #expect(badLimit.status == 2)
    }

    @Test("check validates and pre-checks without solving")
    func check() throws {
        let ok = try CLI.run(["check"] + example("mag"))
        #expect(ok.status == 0 && ok.stdout.contains("310 nominees"))
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country\na,Ana,Government,female,KE\n", "n.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats: { Government: 2 }\nquotas:\n  - { attribute: gender, value: male, min: 1 }\n", "p.yaml", in: folder)
        let short = try CLI.run(["check", nominations, "--policy", policy])
        #expect(short.status == 1)
        #expect(short.stdout.contains("Government has 1 eligible nominee for 2 seats"))
        #expect(short.stdout.contains("nobody with gender = male was nominated, but the body needs at least 1"))
        let infeasible = try CLI.run(["select", nominations, "--policy", policy])
        #expect(infeasible.status == 1 && infeasible.stdout.contains("Government has 1 eligible nominee for 2 seats"))
    }

    @Test("--version and --help exit 0")
    func help() throws {
        #expect(try CLI.run(["--version"]).stdout.contains("GLPK 5"))
        #expect(try CLI.run(["select", "--help"]).status == 0)
    }
}
