// Inputs whose size, not their syntax, is hostile (issue 15, defects 3, 11 and 12): generated at test
// time, run through the executable, some under a virtual-memory limit (`ulimit -v`) so that an
// allocation failure shows as an abort instead of passing unnoticed.

import Foundation
import Testing

@Suite("Input size", .serialized)
struct InputSizeTests {
    let policy = Fixtures.root.appendingPathComponent("Tests/BadInput/default-policy.yaml").path

    /// The executable under `ulimit -v` (KB).
    func limited(_ kilobytes: Int, _ arguments: [String]) throws -> CLIRun {
        let quoted = ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try CLI.tool("/bin/sh", ["-c", "ulimit -v \(kilobytes) && exec \(quoted)"])
    }

    @Test("a row of 20 million empty fields is refused at once, within 1 GB of address space")
    func millionsOfFields() throws {
        let folder = Fixtures.temporaryFolder()
        var bytes = Array("id,name,group,gender,country,rank\na1,Ana,Government,female,KE,1".utf8)
        bytes += [UInt8](repeating: 0x2C, count: 20_000_000) + [0x0A]
        let path = folder.appendingPathComponent("nominations.csv").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let run = try limited(1_000_000, ["check", path, "--policy", policy])
        #expect(run.status == 2, "exit \(run.status): \(run.stderr.prefix(300))")
        #expect(run.stderr.contains("nominations.csv:2: the row has 20000006 fields, the header has 6"))
    }

    @Test("a million custom columns: refused with the limit, quickly, with a short message")
    func millionColumns() throws {
        let folder = Fixtures.temporaryFolder()
        let header = (["id", "name", "group", "gender", "country"] + (0..<1_000_000).map { "c\($0)" }).joined(separator: ",")
        let row = (["a1", "Ana", "Government", "female", "KE"] + Array(repeating: "x", count: 1_000_000)).joined(separator: ",")
        let path = Fixtures.write(header + "\n" + row + "\n", "roster.csv", in: folder)
        let start = Date()
        let run = try limited(1_000_000, ["audit", path, "--policy", policy])
        #expect(run.status == 2)
        #expect(run.stderr.contains("roster.csv:1: the header has 1000005 columns; at most 100 are read"))
        #expect(run.stderr.count < 2_000 && run.stdout.isEmpty)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("a 1 MB number is quoted in 60 characters and called too large")
    func megabyteNumber() throws {
        let folder = Fixtures.temporaryFolder()
        let policy = Fixtures.write("body: B\nseats:\n  Government: \(String(repeating: "9", count: 1_000_000))\n  Civil Society: 1\n", "policy.yaml", in: folder)
        let run = try CLI.run(["check", Fixtures.root.appendingPathComponent("Tests/BadInput/default-nominations.csv").path, "--policy", policy])
        #expect(run.status == 2)
        #expect(run.stderr.contains("policy.yaml:3:15: seats.Government: '\(String(repeating: "9", count: 60))…' (1000000 characters) is too large"))
        #expect(run.stderr.count < 400)
    }

    @Test("a file of 5,000 bad rows lists 1,000 problems and counts the rest")
    func manyProblems() throws {
        let folder = Fixtures.temporaryFolder()
        var text = "id,name,group,gender,country,rank\n"
        for i in 0..<5_000 { text += "n\(i),Name,Government,female,KE,0\n" }
        let path = Fixtures.write(text, "nominations.csv", in: folder)
        let run = try CLI.run(["check", path, "--policy", policy])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1_001)
        #expect(lines.last?.hasSuffix("nominations.csv: 4000 more problems not listed (the first 1000 are)") == true)
    }

    @Test("a run that needs more than --memory-limit stops before building, exit 3, under a 400 MB address space")
    func memoryNeed() throws {
        let folder = Fixtures.temporaryFolder()
        var text = "id,name,group,gender,country,rank\n"
        text.reserveCapacity(8_000_000)
        let countries = ["KE", "DE", "BR", "IN", "FR", "JP", "PL", "MX"]
        for i in 0..<200_000 {
            text += "n\(i),Person \(i),\(i % 2 == 0 ? "Government" : "Civil Society"),\(i % 3 == 0 ? "male" : "female"),\(countries[i % countries.count]),\(i / 2 + 1)\n"
        }
        let nominations = Fixtures.write(text, "nominations.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats:\n  Government: 500\n  Civil Society: 500\nquotas:\n"
                                    + "  - { attribute: gender, value: female, min: 40% }\n  - { attribute: country, each: true, max: 20% }\n", "p.yaml", in: folder)
        let out = folder.appendingPathComponent("report.json").path
        let run = try limited(400_000, ["select", nominations, "--policy", policy, "--memory-limit", "200", "--output", out])
        #expect(run.status == 3, "exit \(run.status): \(run.stderr.suffix(300))")
        #expect(run.stderr.contains("nominees, 2 quotas), more than --memory-limit 200 MB"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("check on 100,000 groups: every group indexed once, a few lines per kind of problem and the count of the rest")
    func manyGroups() throws {
        let folder = Fixtures.temporaryFolder()
        var policy = "body: Many groups\nseats:\n"
        for g in 0..<100_000 { policy += "  Group \(g): 1\n" }
        policy += "quotas:\n  - { attribute: gender, value: female, min: 1, per: group }\n"
        var nominations = "id,name,group,gender,country,rank\n"
        for i in 0..<100 { nominations += "n\(i),Person \(i),Group \(i),male,KE,1\n" }
        let run = try CLI.run(["check", Fixtures.write(nominations, "n.csv", in: folder), "--policy", Fixtures.write(policy, "p.yaml", in: folder)])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        // The summary, the warning that no nominee is female, 20 lines of each kind and their counts.
        #expect(lines.count == 1 + 1 + 20 + 20 + 2, "\(lines.count) lines")
        #expect(lines.contains { $0.hasSuffix("warning: quotas[1].value: gender = female: no nominee has it; the file has male; closest: 'male'; so no panel can meet this quota") })
        #expect(lines.contains("infeasible: nobody with gender = female was nominated in Group 0, but Group 0 needs at least 1; reopen the call for nominations or relax this row"))
        #expect(lines.contains("infeasible: … and 99880 more like the 20 above"), "groups with no nominee")
        #expect(lines.contains("infeasible: … and 99980 more like the 20 above"), "groups with no woman")
    }
}
