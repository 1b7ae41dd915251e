// Files as people give them: a workbook or other binary where a CSV or YAML is expected gets one clear
// line; a quota value nobody has names the values present and the closest; an ambiguous country name is
// a warning naming the country chosen and the others it could mean.

import Foundation
import Testing
@testable import Seatwise

@Suite("Files people give")
struct FilesPeopleGiveTests {
    func zip(_ entries: [String]) -> [UInt8] {
        // A ZIP local-file header is all the reader looks at: "PK\u{3}\u{4}", then the entry names.
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26)
        for entry in entries { bytes += Array(entry.utf8) + [UInt8](repeating: 0, count: 40) }
        return bytes
    }

    @Test("a damaged workbook, a PDF or an old .xls given as nominations or policy: one line, exit 2", arguments: ["xlsx", "pdf", "xls"])
    func binaryInput(kind: String) throws {
        let folder = Fixtures.temporaryFolder()
        let bytes: [UInt8] = switch kind {
        case "xlsx": zip(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"])
        case "pdf": Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0, count: 600)
        default: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
        }
        let path = folder.appendingPathComponent("nominations.\(kind)").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let run = try CLI.run(["select", path, "--policy", "examples/mag/policy.yaml"])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        // A workbook is read as one (this one is only a ZIP header: damaged); other binary files are named.
        let expected = ["xlsx": "the workbook's ZIP archive is damaged", "pdf": "this is a PDF document",
                        "xls": "this is an old-format Excel workbook (.xls)"][kind]!
        #expect(run.stderr.contains(expected) && (kind == "xlsx" || run.stderr.contains("CSV UTF-8")), "\(run.stderr)")
        let policyRun = try CLI.run(["select", "examples/mag/nominations.csv", "--policy", path])
        #expect(policyRun.status == 2 && policyRun.stderr.contains("not a YAML policy"))
    }

    @Test("a stray NUL byte in a text CSV still gets its line and column")
    func strayNul() throws {
        let folder = Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("n.csv").path
        FileManager.default.createFile(atPath: path, contents: Data("id,name,group,gender,country\na1,A\u{0}One,Government,female,KEN\n".utf8))
        let run = try CLI.run(["check", path, "--policy", "examples/mag/policy.yaml"])
        #expect(run.status == 2 && run.stderr.contains("n.csv:2:") && run.stderr.contains("NUL"))
    }

    @Test("a quota value nobody has: a warning naming the values present and the closest, with a minimum and with a maximum")
    func absentValue() throws {
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country\na,A,G,F,KEN\nb,B,G,M,DEU\nc,C,G,X,FRA\n", "n.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats: { G: 2 }\nquotas:\n  - { attribute: gender, value: female, min: 1 }\n", "p.yaml", in: folder)
        let run = try CLI.run(["select", nominations, "--policy", policy])
        #expect(run.status == 1, "no panel can meet it: the pre-checks say so")
        #expect(run.stderr.contains("p.yaml:4: warning: quotas[1].value: gender = female: no nominee has it; the file has F, M, X; closest: 'F'; so no panel can meet this quota"), "\(run.stderr)")
        #expect(run.stdout.contains("no nominee has it"), "and the report says it")
        let capped = Fixtures.write("body: B\nseats: { G: 2 }\nquotas:\n  - { attribute: gender, value: female, max: 1 }\n", "q.yaml", in: folder)
        let ok = try CLI.run(["select", nominations, "--policy", capped])
        #expect(ok.status == 0 && ok.stdout.contains("quotas[1].value: gender = female: no nominee has it; the file has F, M, X; closest: 'F'; the quota counts 0 for it"))
    }

    @Test("'Korea' and 'Congo' are warnings naming the country chosen and the others; an ISO code is not")
    func ambiguousCountry() throws {
        let folder = Fixtures.temporaryFolder()
        let nominations = Fixtures.write("id,name,group,gender,country\na,A,G,female,Korea\nb,B,G,male,congo\nc,C,G,male,KOR\n", "n.csv", in: folder)
        let policy = Fixtures.write("body: B\nseats: { G: 2 }\ntie_break: { seed: 1 }\n", "p.yaml", in: folder)
        let run = try CLI.run(["select", nominations, "--policy", policy])
        #expect(run.status == 0)
        #expect(run.stderr.contains("n.csv:2: warning: country 'Korea' was read as Republic of Korea (KOR); it could also mean Democratic People's Republic of Korea (PRK)"))
        #expect(run.stderr.contains("n.csv:3: warning: country 'congo' was read as Congo (COG); it could also mean Democratic Republic of the Congo (COD)"))
        #expect(!run.stderr.contains("n.csv:4"))
        #expect(run.stdout.contains("warning: country 'Korea'"), "stated in the report's notes too")
    }
}
