// HTML reports in a real browser: headless Chromium loads each report; the DOM it builds must hold the
// charts and tables, and hostile nominee names must show as text and run nothing.

import Foundation
import Testing
@testable import Seatwise

@Suite("HTML reports in Chromium", .serialized)
struct HTMLTests {
    static let hostile = ["<script>alert(1)</script>", "\" onmouseover=\"document.body.setAttribute('data-pwned','1')",
                          "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">"]

    /// The DOM Chromium builds for a file, after load.
    func dom(_ path: String) throws -> String {
        guard let chromium = CLI.which("chromium") ?? CLI.which("chromium-browser") else {
            Issue.record("chromium is not installed (make test installs it)")
            return ""
        }
        let run = try CLI.tool(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000", "--dump-dom", "file://\(path)"])
        #expect(!run.stdout.isEmpty, "chromium printed nothing: \(run.stderr.prefix(300))")
        return run.stdout
    }

    func hostileFiles() -> (folder: URL, nominations: String, policy: String) {
        let folder = Fixtures.temporaryFolder()
        var csv = "id,name,group,gender,country,rank,organization\n"
        for (k, name) in Self.hostile.enumerated() {
            csv += "h\(k),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",Government,female,KE,\(k + 1),\n"
        }
        csv += "ok1,Plain Name,Government,male,DE,4,\nok2,Other Name,Civil Society,male,FR,1,\"=cmd|' /C calc'!A0\"\nok3,Third Name,Civil Society,female,BR,2,\n"
        let nominations = Fixtures.write(csv, "n.csv", in: folder)
        let policy = Fixtures.write("""
        body: "<b>Body</b> & <script>alert('body')</script>"
        seats: { Government: 3, Civil Society: 1 }
        quotas:
          - { attribute: gender, value: female, min: 2 }
          - { attribute: region, value: WEOG, max: 1 }
        tie_break: { seed: 3 }
        """, "p.yaml", in: folder)
        return (folder, nominations, policy)
    }

    func assertSafe(_ dom: String) {
        // The names' own text mentions data-pwned; only an attribute actually set would read data-pwned="…".
        #expect(!dom.contains("data-pwned=\""), "a script from the input ran")
        #expect(dom.contains("<body>"), "the body element is untouched")
        #expect(!dom.contains("<script"), "a script element came through")
        #expect(!dom.contains("<img"), "an element from the input came through")
        #expect(!dom.contains("<b>Body</b>"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile name shows as text")
    }

    @Test("select --explain: charts, tables and explanations render; input text is inert")
    func selection() throws {
        let files = hostileFiles()
        let out = files.folder.appendingPathComponent("select.html").path
        let run = try CLI.run(["select", files.nominations, "--policy", files.policy, "--explain", "--format", "html", "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: out, encoding: .utf8)
        // Links only within the page (its contents bar), none to the network.
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<link") && !page.contains(" src=\"")
                && page.components(separatedBy: " href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") }, "self-contained, no network")
        let dom = try dom(out)
        assertSafe(dom)
        #expect(dom.contains("<svg class=\"band\""), "quota band charts")
        #expect(dom.contains("<svg class=\"composition\""), "composition charts")
        #expect(dom.contains("<svg class=\"ranking\""), "ranking chart")
        #expect(dom.contains("id=\"panel\"") && dom.contains("id=\"explanations\"") && dom.contains("id=\"quota-chart\""))
        #expect(dom.contains("&lt;b&gt;Body&lt;/b&gt; &amp; &lt;script&gt;"), "the body name is escaped in the title")
    }

    @Test("audit, compare, explain and the infeasible diagnosis render in Chromium")
    func otherReports() throws {
        let folder = Fixtures.temporaryFolder()
        let audit = folder.appendingPathComponent("audit.html").path
        #expect(try CLI.run(["audit", "examples/icg/roster.csv", "--policy", "examples/icg/policy.yaml", "--pool", "examples/icg/nominations.csv",
                             "--reference", "gender=female:0.5", "--format", "html", "--output", audit]).status == 0)
        let auditDOM = try dom(audit)
        #expect(auditDOM.contains("id=\"shares\"") && auditDOM.contains("0.000162") && auditDOM.contains("<svg class=\"band\""))
        let compare = folder.appendingPathComponent("compare.html").path
        #expect(try CLI.run(["compare", "examples/icg/nominations.csv", "--policy", "examples/icg/policy.yaml", "--format", "html", "--output", compare]).status == 0)
        let compareDOM = try dom(compare)
        #expect(compareDOM.contains("independent (IGC-style)") && compareDOM.contains("id=\"costs\"") && compareDOM.contains("id=\"differ\""))
        #expect(compareDOM.components(separatedBy: "fill=\"#d9822b\"").count > 5, "independent bars drawn beside the coordinated ones")
        let infeasible = folder.appendingPathComponent("infeasible.html").path
        #expect(try CLI.run(["select", "examples/infeasible/nominations.csv", "--policy", "examples/infeasible/policy.yaml", "--format", "html",
                             "--repair", "--output", infeasible]).status == 1)
        let infeasibleDOM = try dom(infeasible)
        #expect(infeasibleDOM.contains("Why no panel exists") && infeasibleDOM.contains("Smallest repair") && infeasibleDOM.contains("id=\"repaired\""))
        let files = hostileFiles()
        let explain = files.folder.appendingPathComponent("explain.html").path
        #expect(try CLI.run(["explain", files.nominations, "--policy", files.policy, "--format", "html", "--output", explain]).status == 0)
        assertSafe(try dom(explain))
    }

    @Test("--redact leaves no name in any format")
    func redact() throws {
        let files = hostileFiles()
        for format in ["text", "markdown", "json", "csv", "html"] {
            let run = try CLI.run(["select", files.nominations, "--policy", files.policy, "--explain", "--redact", "--format", format])
            #expect(run.status == 0)
            #expect(!run.stdout.contains("Plain Name") && !run.stdout.contains("Third Name") && !run.stdout.contains("alert(1)"), "\(format)")
            #expect(run.stdout.contains("P. N.") || run.stdout.contains("T. N."), "\(format)")
        }
        let audit = try CLI.run(["audit", "examples/icg/roster.csv", "--policy", "examples/icg/policy.yaml", "--redact", "--format", "json"])
        #expect(audit.status == 0)
        #expect(Redaction.initials("Amaia Varnlin-Ost") == "A. V. O." && Redaction.initials("  ") == "–")
    }
}
