// Runs the bad-input catalogue (Tests/BadInput) through the executable: every case exits 2, lists each
// expected problem with its place, prints no report, writes no output file, and ends in bounded time.

import Foundation
import Testing

@Suite("Bad-input catalogue", .serialized)
struct BadInputCatalogueTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/BadInput")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/expect").path) }.sorted()
    }

    func check(nominations: String, policy: String, countries: String? = nil, expected: [String], label: String,
               seconds limit: Double = 60) throws {
        let out = Fixtures.temporaryFolder().appendingPathComponent("report.json").path
        let start = Date()
        let table = countries.map { ["--countries", $0] } ?? []
        let run = try CLI.run(["select", nominations, "--policy", policy, "--format", "json", "--output", out] + table)
        let elapsed = Date().timeIntervalSince(start)
        #expect(run.status == 2, "\(label): exit \(run.status)\n\(run.stderr)")
        #expect(run.stdout.isEmpty, "\(label): printed a report")
        #expect(!FileManager.default.fileExists(atPath: out), "\(label): wrote an output file")
        #expect(elapsed < limit, "\(label): took \(elapsed) s")
        for text in expected { #expect(run.stderr.contains(text), "\(label): missing «\(text)» in\n\(run.stderr)") }
        for line in run.stderr.split(separator: "\n") {
            // Every problem names its file, and a line or a key.
            #expect(line.hasPrefix("error: ") && (line.contains(".csv") || line.contains(".yaml")), "\(label): «\(line.prefix(300))»")
            // Echoed values are quoted short, and lists of allowed values are cut.
            #expect(line.count <= 1_500, "\(label): a line of \(line.count) characters")
        }
        // No control character of the input reaches the terminal raw.
        let raw = run.stderr.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(raw == nil, "\(label): raw control character U+\(String(raw?.value ?? 0, radix: 16)) on standard error")
        let check = try CLI.run(["check", nominations, "--policy", policy] + table)
        #expect(check.status == 2, "\(label): check exits \(check.status)")
    }

    @Test("the catalogue holds at least 40 cases")
    func size() { #expect(Self.cases.count >= 40) }

    @Test("every stored case", arguments: BadInputCatalogueTests.cases)
    func stored(name: String) throws {
        let dir = Self.folder.appendingPathComponent(name)
        func file(_ f: String, _ fallback: String) -> String {
            let path = dir.appendingPathComponent(f).path
            return FileManager.default.fileExists(atPath: path) ? path : Self.folder.appendingPathComponent(fallback).path
        }
        let expected = try String(contentsOf: dir.appendingPathComponent("expect"), encoding: .utf8).split(separator: "\n").map(String.init)
        let countries = dir.appendingPathComponent("countries.csv").path
        try check(nominations: file("nominations.csv", "default-nominations.csv"), policy: file("policy.yaml", "default-policy.yaml"),
                  countries: FileManager.default.fileExists(atPath: countries) ? countries : nil, expected: expected, label: name)
    }

    @Test("a 10 MB field is refused with its place")
    func hugeField() throws {
        let dir = Fixtures.temporaryFolder()
        var text = "id,name,group,gender,country,rank\na1,"
        text += String(repeating: "x", count: 10 * 1024 * 1024)
        text += ",Government,female,KE,1\n"
        let path = Fixtures.write(text, "nominations.csv", in: dir)
        try check(nominations: path, policy: Self.folder.appendingPathComponent("default-policy.yaml").path,
                  expected: ["nominations.csv:2:4: ", "10485760 bytes long"], label: "10 MB field")
    }

    @Test("a million-row file whose last row is bad: the last row's problem, in bounded time and memory")
    func millionRows() throws {
        let dir = Fixtures.temporaryFolder()
        var text = "id,name,group,gender,country,rank\n"
        text.reserveCapacity(48_000_000)
        for i in 0..<1_000_000 { text += "n\(i),Person \(i),Government,female,KE,\(i % 50 + 1)\n" }
        text += "bad,Bad Row,Government,female,KE,0\n"
        let path = Fixtures.write(text, "nominations.csv", in: dir)
        text = ""
        try check(nominations: path, policy: Self.folder.appendingPathComponent("default-policy.yaml").path,
                  expected: ["nominations.csv:1000002:34: rank: "], label: "million rows", seconds: 120)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #expect(usage.ru_maxrss < 1_500_000, "peak memory of a child: \(usage.ru_maxrss) KB")
    }
}
