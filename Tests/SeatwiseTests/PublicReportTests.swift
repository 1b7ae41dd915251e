// `--public`: a report fit for an announcement. Every format of the MAG example names every seated
// member and no nominee who was not seated; the rest are counted by group and reason.

import Foundation
import Testing
@testable import Seatwise

@Suite("Public reports", .serialized)
struct PublicReportTests {
    static let nominations = "examples/mag/nominations.csv", policy = "examples/mag/policy.yaml"

    func mag() throws -> SelectionResult {
        let input = try SelectionInput.load(nominations: Fixtures.root.appendingPathComponent(Self.nominations).path,
                                            policy: Fixtures.root.appendingPathComponent(Self.policy).path, countries: Fixtures.countries)
        return try input.round().solve()
    }

    @Test("every format of the MAG example names the seated and no one else", arguments: ["text", "markdown", "json", "csv", "html"])
    func namesOnlyTheSeated(format: String) throws {
        let result = try mag()
        let nominees = result.input.nominees
        let run = try CLI.run(["select", Self.nominations, "--policy", Self.policy, "--explain", "--public", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        // HTML and JSON escape an apostrophe; compare on the escaped form too.
        let shown = run.stdout.replacingOccurrences(of: "&#39;", with: "'")
        for i in nominees.indices {
            let n = nominees[i]
            if result.isSeated[i] {
                #expect(shown.contains(n.name), "\(format): seated \(n.name) missing")
            } else {
                #expect(!shown.contains(n.name), "\(format): \(n.name) is not seated but named")
                #expect(!shown.contains(n.id + "]") && !shown.contains("\"" + n.id + "\""), "\(format): \(n.id) is not seated but named")
            }
        }
        if format != "csv" {
            #expect(shown.contains("50 members chosen; every rule met"), "\(format): the headline")
            #expect(!shown.contains("objective (rank-sum)"), "\(format)")
        }
    }

    @Test("the text version: headline and time first, the not-seated counted by group and reason, provenance last")
    func layout() throws {
        let run = try CLI.run(["select", Self.nominations, "--policy", Self.policy, "--public"])
        let text = run.stdout
        let result = try mag()
        let notSeated = result.input.nominees.indices.filter { !result.isSeated[$0] }.count
        #expect(text.contains("Made ") && text.contains(" UTC"))
        let counted = PublicView(result).notSeated.reduce(0) { $0 + $1.count }
        #expect(counted == notSeated)
        #expect(text.contains("Nominees not seated (counted, not named)"))
        let provenance = try #require(text.range(of: "\nProvenance\n"))
        #expect(text[provenance.upperBound...].contains("sha256"), "provenance at the end")
        #expect(!text[..<provenance.lowerBound].contains("sha256"), "and only there")
    }

    @Test("the default report lists who the rules kept out and the seats continuing members hold")
    func defaultReport() throws {
        let text = try CLI.run(["select", Self.nominations, "--policy", Self.policy]).stdout
        #expect(text.contains("Held seats") && text.contains("16 seats held by continuing members"))
        #expect(text.contains("Kept out by the rules or the coordinator"))
        let result = try mag()
        for (i, n) in result.input.nominees.enumerated() where n.status == .withdrawn {
            #expect(text.contains(n.name) && result.standings[i] == .fixedOut(.withdrawn))
        }
    }

    @Test("compare --public names no nominee whom neither way seats; audit --public puts provenance last", arguments: ["text", "markdown", "json", "html"])
    func compareAndAudit(format: String) throws {
        let input = try SelectionInput.load(nominations: Fixtures.root.appendingPathComponent("examples/icg/nominations.csv").path,
                                            policy: Fixtures.root.appendingPathComponent("examples/icg/policy.yaml").path, countries: Fixtures.countries)
        let comparison = try Comparison.run(input.round())
        let shown = Set(comparison.independent.seated).union(comparison.coordinated.seated)
        let run = try CLI.run(["compare", "examples/icg/nominations.csv", "--policy", "examples/icg/policy.yaml", "--public", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout.replacingOccurrences(of: "&#39;", with: "'")
        for (i, n) in input.nominees.enumerated() where !shown.contains(i) { #expect(!text.contains(n.name), "\(format): \(n.name)") }
        #expect(text.contains("Independent: 30 members chosen"), "\(format): the headline")
        let audit = try CLI.run(["audit", "examples/icg/roster.csv", "--policy", "examples/icg/policy.yaml", "--public", "--format", format])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("30 members on the roster; 2 quota rows not met"), "\(format)")
        if format == "json" {
            #expect((audit.json["public"] as? [String: Any])?["made_at"] != nil)
            #expect((run.json["public"] as? [String: Any])?["headline"] != nil)
        } else if format != "html" {
            for out in [text, audit.stdout] {
                let provenance = try #require(out.range(of: "Provenance"))
                #expect(out[provenance.upperBound...].contains("sha256") && !out[..<provenance.lowerBound].contains("sha256"), "\(format)")
            }
        }
    }
}

@Suite("The first hour")
struct FirstHourTests {
    @Test("explain --nominee prints that explanation, the rules it cites with their holders, and provenance; nothing else")
    func oneNominee() throws {
        let run = try CLI.run(["explain", "examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml", "--nominee", "MAG-013"])
        #expect(run.status == 0)
        let text = run.stdout
        #expect(text.hasPrefix("Seatwise explanation: Kaeu Gormpell [MAG-013], Government (ranked 13th)"))
        #expect(!text.contains("Panel (") && !text.contains("\nQuotas\n") && !text.contains("MAG-007 "), "not the whole report")
        // Seated ahead of higher-ranked nominees: those left out are named.
        #expect(text.contains("left out although ranked higher: Pelel Quellkov [MAG-010]"))
        // A full quota names who holds its seats, continuing members said to be so.
        #expect(text.contains("its seats are held by") && text.contains("[MAG-001] (continuing member)"))
        #expect(text.contains("\nProvenance\n") && text.contains("sha256"))
    }

    @Test("quota prices that would not improve the panel are one line")
    func idlePrices() throws {
        let text = try CLI.run(["select", "examples/mag/nominations.csv", "--policy", "examples/mag/policy.yaml", "--explain"]).stdout
        let prices = text.components(separatedBy: "\nQuota prices")[1].components(separatedBy: "\n\n")[0]
        #expect(!prices.contains("would not improve the panel."), "no idle price listed on its own")
        #expect(prices.contains("Moving any of the other 40 bounds at their limit by one seat would not improve the panel"))
    }
}
