// Hostile text that is valid input (issue 15): escape sequences and NULs in names and the body, line
// breaks inside cells, invisible and full-width look-alikes, a policy with a byte-order mark, and
// misspelt or malformed audit references.

import Foundation
import Testing
@testable import Seatwise

@Suite("Hostile text")
struct HostileTextTests {
    static let policy = "body: \"Body\\e]0;owned\\a\\0 end\"\nseats:\n  Government: 1\n  Civil Society: 1\n"

    func rawControl(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("escape sequences in names and the body are shown escaped in text and markdown", arguments: ["text", "markdown"])
    func terminalInjection(format: String) throws {
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country,rank\na1,\"Ana\u{1B}[2J\u{1B}]0;title\u{07}\",Government,female,KE,1\n"
                                         + "a2,Bo \u{9B}31m,Civil Society,male,DE,1\n", "n.csv", in: folder)
        let policy = Fixtures.write(Self.policy, "p.yaml", in: folder)
        let run = try CLI.run(["select", nominations, "--policy", policy, "--explain", "--format", format, "--seed", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(rawControl(run.stdout) == nil, "raw U+\(String(rawControl(run.stdout)?.value ?? 0, radix: 16)) in the report")
        // Markdown also escapes its own punctuation (`\\[`, `\\]`) around them.
        #expect(run.stdout.contains("Ana\\u{1B}") && run.stdout.contains("0;title\\u{7}"))
        #expect(run.stdout.contains("0;owned\\u{7}\\u{0} end"))
        #expect(run.stdout.contains("Bo \\u{9B}31m"))
    }

    @Test("JSON keeps C1 controls as \\u escapes and stays valid")
    func jsonEscapes() throws {
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country,rank\na1,Ana \u{9B}31m\u{202E},Government,female,KE,1\na2,Bo,Civil Society,male,DE,1\n", "n.csv", in: folder)
        let policy = Fixtures.write(Self.policy, "p.yaml", in: folder)
        let run = try CLI.run(["select", nominations, "--policy", policy, "--format", "json", "--seed", "1"])
        #expect(run.status == 0)
        #expect(rawControl(run.stdout) == nil && !run.stdout.unicodeScalars.contains("\u{202E}"))
        let selected = run.json["selected"] as? [[String: Any]]
        #expect(selected?.contains { $0["name"] as? String == "Ana \u{9B}31m\u{202E}" } == true, "the value itself is kept")
    }

    @Test("a CRLF inside a quoted field does not break markdown tables or text lines")
    func crlfInCell() throws {
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country,rank\r\na1,\"Ana\r\nLind\",Government,female,KE,1\r\na2,\"Bo\rDar\u{2028}Jr\",Civil Society,male,DE,1\r\n", "n.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats:\n  Government: 1\n  Civil Society: 1\n", "p.yaml", in: folder)
        let markdown = try CLI.run(["select", nominations, "--policy", policy, "--explain", "--format", "markdown", "--seed", "1"])
        #expect(markdown.status == 0)
        for line in markdown.stdout.split(separator: "\n") where line.hasPrefix("|") {
            #expect(line.hasSuffix("|"), "a table row was cut: «\(line)»")
        }
        #expect(markdown.stdout.contains("| Ana Lind |") && markdown.stdout.contains("| Bo Dar Jr |"))
        let text = try CLI.run(["select", nominations, "--policy", policy, "--explain", "--seed", "1"])
        #expect(text.stdout.contains("in  Ana Lind [a1]"))
        #expect(!text.stdout.split(separator: "\n").contains { $0.hasPrefix("Lind") || $0.hasPrefix("Jr") })
    }

    @Test("a line break in a name does not split a note or an explanation of the text report")
    func lineBreakInNote() throws {
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country,rank,status,terms\na1,\"Ana\r\nLind\",Government,female,KE,1,required,5\n"
                                         + "a2,Bo,Government,male,DE,2,,0\na3,\"Cy\nEo\",Civil Society,female,BR,1,,0\n", "n.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats:\n  Government: 1\n  Civil Society: 1\nrules: { max_terms: 3 }\n", "p.yaml", in: folder)
        let run = try CLI.run(["select", nominations, "--policy", policy, "--explain", "--seed", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  - Ana Lind [a1] is required"), "the note: \(run.stdout)")
        #expect(!run.stdout.split(separator: "\n").contains { $0.hasPrefix("Lind") || $0.hasPrefix("Eo") })
    }

    @Test("values that print alike count alike: zero-width space, full width, case")
    func lookAlikeValues() throws {
        #expect(AttributeKey.normalize("fe\u{200B}male") == "female")
        #expect(AttributeKey.normalize("\u{FF46}emale") == "female")
        #expect(AttributeKey.normalize(" FEMALE ") == "female")
        #expect(AttributeKey.normalize("A\u{200D}1") == AttributeKey.normalize("a1"))
        #expect(AttributeKey.normalize("Straße") == AttributeKey.normalize("STRASSE"))
        #expect(Fixtures.countries.lookup("\u{FF2B}\u{FF25}")?.iso3 == "KEN")
        #expect(Fixtures.countries.lookup("K\u{200B}E")?.iso3 == "KEN")
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country,rank\na1,Ana,Government,fe\u{200B}male,KE,1\na2,Bo,Government,male,DE,2\n"
                                         + "a3,Cy,Civil Society,\u{FF46}emale,BR,1\na4,Di,Civil Society,male,IN,2\n", "n.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats:\n  Government: 1\n  Civil Society: 1\nquotas:\n  - { attribute: gender, value: female, min: 2 }\n", "p.yaml", in: folder)
        let run = try CLI.run(["select", nominations, "--policy", policy, "--format", "json", "--seed", "1"])
        #expect(run.status == 0, "the two women were not counted as female: \(run.stderr)")
        let quotas = run.json["quotas"] as? [[String: Any]]
        #expect(quotas?.first?["count"] as? Int == 2)
    }

    @Test("a policy saved with a byte-order mark is read")
    func policyBOM() throws {
        let folder = Fixtures.temporaryFolder()
        let policy = Fixtures.write("\u{FEFF}body: B\nseats:\n  Government: 1\n  Civil Society: 1\n", "p.yaml", in: folder)
        let run = try CLI.run(["check", "Tests/BadInput/default-nominations.csv", "--policy", policy])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("audit: a misspelt attribute or a malformed reference is exit 2, with the close match")
    func auditReferences() throws {
        let base = ["audit", "Tests/BadInput/default-nominations.csv", "--policy", "Tests/BadInput/default-policy.yaml"]
        let typo = try CLI.run(base + ["--reference", "gendr=female:0.5"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("'gendr' is not an attribute with shares; did you mean gender?"))
        let twoColons = try CLI.run(base + ["--reference", "gender=female:0.5:0.3"])
        #expect(twoColons.status == 2)
        #expect(twoColons.stderr.contains("gender=female:0.5:0.3: is not ATTRIBUTE=VALUE:SHARE"))
        #expect(ReferenceShare(parsing: "gender=female:0.5:0.3") == nil)
        let good = try CLI.run(base + ["--reference", "gender=female:50%", "--format", "json"])
        #expect(good.status == 0)
        #expect(CloseMatches.of("regoin", among: ["gender", "region", "development"]) == ["region"])
    }

    @Test("numeric options with a minus sign are validated, not 'Missing value'", arguments: ["--time-limit", "--close-call", "--memory-limit"])
    func negativeOptions(option: String) throws {
        let run = try CLI.run(["select", "Tests/BadInput/default-nominations.csv", "--policy", "Tests/BadInput/default-policy.yaml", option, "-1"])
        #expect(run.status == 2)
        #expect(!run.stderr.contains("Missing value"))
        #expect(run.stderr.contains("\(option) must be"))
    }
}
