// An audit without --pool cannot see values nobody on the roster has: for an `each` quota with a
// minimum on such an attribute, the verdict table says so next to the quota and the summary counts it.

import Foundation
import Testing
@testable import Seatwise

@Suite("Audit: what cannot be verified")
struct AuditVerifiedTests {
    func files() -> (roster: String, pool: String, policy: String) {
        let folder = Fixtures.temporaryFolder()
        let header = "id,name,group,gender,country,sector\n"
        let roster = Fixtures.write(header + "a,A One,G,male,KEN,academia\nb,B Two,G,male,DEU,academia\n", "roster.csv", in: folder)
        let pool = Fixtures.write(header + "a,A One,G,male,KEN,academia\nb,B Two,G,male,DEU,academia\nc,C Three,G,female,BRA,business\n", "pool.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats: { G: 2 }\nquotas:\n  - { attribute: sector, each: true, min: 1 }\n  - { attribute: gender, each: true, max: 2 }\n",
                                    "p.yaml", in: folder)
        return (roster, pool, policy)
    }

    @Test("without --pool: a NOT VERIFIED row right after the quota, in the headline and in JSON", arguments: ["text", "markdown", "json", "html"])
    func unverified(format: String) throws {
        let f = files()
        let run = try CLI.run(["audit", f.roster, "--policy", f.policy, "--public", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 quota not verified for values nobody on the roster has"), "\(format)")
        if format == "json" {
            #expect(run.json["unverified_quotas"] as? [Int] == [1])
        } else {
            #expect(run.stdout.contains("NOT VERIFIED"), "\(format)")
        }
        if format == "text" {
            let lines = run.stdout.components(separatedBy: "\n")
            let at = try #require(lines.firstIndex { $0.contains("NOT VERIFIED") })
            #expect(lines[at - 1].contains("quota 1: sector = academia"), "next to its quota")
            // A max needs no check for absent values (0 is within it): quota 2 is not flagged.
            #expect(!run.stdout.contains("quota 2: gender values nobody"))
        }
    }

    @Test("with --pool the absent value is a row of its own, counted 0 and judged")
    func withPool() throws {
        let f = files()
        let run = try CLI.run(["audit", f.roster, "--policy", f.policy, "--pool", f.pool])
        #expect(!run.stdout.contains("NOT VERIFIED"))
        #expect(run.stdout.contains("quota 1: sector = business") && run.stdout.contains("VIOLATED"))
    }
}
