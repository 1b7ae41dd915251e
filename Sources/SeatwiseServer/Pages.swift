// The workbench's pages, rendered on the server: the list of rounds with an upload form and the
// shipped examples, and each round as its full HTML report with the downloads. Plain HTML forms, no script.

import Foundation
import Hummingbird
import Seatwise

struct Pages {
    let store: RoundStore
    let work: RoundWork
    let api: APIRoutes
    /// The shipped examples (`examples/` of the source tree), offered as starting points when present.
    let examplesFolder: String

    var examples: [String] {
        ["mag", "wgec", "icg", "infeasible", "nomcom", "ipcc", "mag-history"].filter { FileManager.default.fileExists(atPath: "\(examplesFolder)/\($0)/nominations.csv") }
    }

    func add(to router: Router<WorkbenchContext>) {
        router.get("/") { _, _ in html(try index()) }
        router.post("/rounds") { request, context in
            do {
                let id = try await api.create(request, context: context)
                return redirect("/rounds/\(id)")
            } catch let error as APIError where error.status == .unprocessableContent {
                return html(problemsPage(error), status: .unprocessableContent)
            }
        }
        router.post("/rounds/example/{name}") { _, context in
            let name = try context.parameters.require("name")
            guard examples.contains(name) else { throw APIError(.notFound, "no example \(name)") }
            let nominations = try InputFile.read("\(examplesFolder)/\(name)/nominations.csv")
            let policy = try InputFile.read("\(examplesFolder)/\(name)/policy.yaml")
            let body = try PolicyReader().read(policy).body
            // An example with past rosters (`history/`, one file per year) starts with them.
            let folder = "\(examplesFolder)/\(name)/history"
            let history = try ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
                .map { file in InputFile(path: file, bytes: try InputFile.read("\(folder)/\(file)").bytes) }
            let id = try store.create(name: body, nominations: InputFile(path: "nominations.csv", bytes: nominations.bytes),
                                      policy: InputFile(path: "policy.yaml", bytes: policy.bytes), history: history)
            return redirect("/rounds/\(id)")
        }
        router.get("/rounds/{id}") { _, context in
            let id = try api.roundID(context)
            // A policy that chooses by lottery has no ranked panel to show: its page is the lottery.
            if try work.choosesByLottery(id) { return redirect("/rounds/\(id)/lottery") }
            let page: String
            do { page = try await work.run(id, context) { budget -> String in
                // Every nominee's explanation is one click away (the member's ID) and in every download;
                // the page itself shows the panel with each member's reason, so it opens at once. Who could
                // take each seat, for the day a member withdraws: three per seat, and the reserve list.
                let outcome = try work.outcome(id, mode: .coordinated, request: RoundRequest(repair: true, alternates: Pages.alternatesShown), budget: budget)
                let page = HTMLReports.selection(outcome, nomineeLink: { "/rounds/\(id)/nominee/" + ($0.addingPercentEncoding(withAllowedCharacters: Pages.idCharacters) ?? $0) })
                let kept = try store.summary(of: id)?.adjustmentRecord ?? []
                return Self.withControls(page, RoundPages.readingNotes(outcome.result) + RoundPages.controls(id: id, result: outcome.result, diagnosis: outcome.diagnosis, kept: kept))
            } } catch let error as APIError where error.status == .unprocessableContent {
                // Files or kept adjustments that cannot be applied: the round opens with its problems.
                return html(Self.withBar(problemsPage(error, stored: true), bar: bar(id)), status: .unprocessableContent)
            }
            return html(Self.withBar(page, bar: bar(id)))
        }
    }

    func index() throws -> String {
        func t(_ english: String) -> String { HTML.escape(term(english)) }
        let rounds = try store.list()
        var body = Self.languageSwitch + "<section id=\"rounds\"><h2>\(t("Rounds"))</h2>"
        if rounds.isEmpty { body += "<p class=\"muted\">\(t("No round yet: upload the nominations and the policy, or start from an example."))</p>" } else {
            body += HTML.table(["Round", "Started", "Files", "Solves"], rounds.map { r in
                [.markup("<a href=\"/rounds/\(r.id)\">\(HTML.escape(r.name))</a>"), .text(r.createdAt),
                 .text(r.files.map { "\(term($0.kind)): \($0.filename)" }.joined(separator: "; ")), .text("\(r.solves.count)")]
            }, numeric: [3], id: "round-list")
        }
        body += "</section>"
        body += HTML.section("Start a round", """
            <form method="post" action="/rounds" enctype="multipart/form-data" id="upload">
            <p><label>\(t("Name")) <input name="name" placeholder="\(t("the body's name from the policy"))"></label></p>
            <p><label>\(t("Nominations (CSV or Excel .xlsx)")) <input type="file" name="nominations" accept=".csv,text/csv,.xlsx" required></label></p>
            <p><label>\(t("Policy (YAML)")) <input type="file" name="policy" accept=".yaml,.yml" required></label></p>
            <p><label>\(t("Past rosters (optional: one per year named with its year, or one with a year column)")) <input type="file" name="history" accept=".csv,text/csv,.xlsx" multiple></label></p>
            <p><button type="submit">\(t("Upload and solve"))</button></p></form>
            """ + (examples.isEmpty ? "" : "<h3>\(t("Or start from a shipped example"))</h3>" + examples.map {
                "<form method=\"post\" action=\"/rounds/example/\($0)\" style=\"display:inline\"><button type=\"submit\" id=\"example-\($0)\">\($0.uppercased())</button></form> "
            }.joined()) + "<h3>\(t("Or audit a published roster"))</h3><p><a href=\"/audit\" id=\"audit-link\">\(t("Audit a roster"))</a></p>", id: "start")
        return HTML.page(title: term("Seatwise workbench"), subtitle: "Selection rounds kept on this machine", body: body,
                         provenance: [("Tool", "seatwise \(SeatwiseTool.version), GLPK \(SeatwiseTool.glpkVersion)")])
    }

    /// Links to the page in each language (kept in a cookie from then on); the current one in bold.
    static var languageSwitch: String {
        "<p class=\"muted\" id=\"languages\" lang=\"\(Catalogue.current.language)\">" + Language.allCases.map { language in
            language.rawValue == Catalogue.current.language ? "<b lang=\"\(language.rawValue)\">\(language.name)</b>"
                : "<a href=\"?lang=\(language.rawValue)\" hreflang=\"\(language.rawValue)\" lang=\"\(language.rawValue)\" id=\"lang-\(language.rawValue)\">\(language.name)</a>"
        }.joined(separator: " · ") + "</p>"
    }

    func bar(_ id: Int64) -> String {
        let links = [("All rounds", "/"), ("Edit the policy", "/rounds/\(id)/policy"), ("Compare independent and coordinated", "/rounds/\(id)/compare"), ("Lottery", "/rounds/\(id)/lottery"), ("JSON", "/api/rounds/\(id)/report.json"), ("Markdown", "/api/rounds/\(id)/report.md"),
                     ("CSV", "/api/rounds/\(id)/report.csv"), ("CSV for a European Excel", "/api/rounds/\(id)/report.csv?csv_style=excel-europe"), ("Excel", "/api/rounds/\(id)/report.xlsx"), ("HTML", "/api/rounds/\(id)/report.html"),
                     ("Public copy (HTML)", "/api/rounds/\(id)/report.html?public=1"), ("Redacted copy (initials)", "/api/rounds/\(id)/report.html?redact=1"),
                     ("History", "/api/rounds/\(id)")]
        let switcher = Language.allCases.filter { $0.rawValue != Catalogue.current.language }.map {
            "<a href=\"?lang=\($0.rawValue)\" hreflang=\"\($0.rawValue)\" lang=\"\($0.rawValue)\" id=\"lang-\($0.rawValue)\" style=\"margin-right:12px\">\($0.name)</a>"
        }.joined()
        return "<nav class=\"bar\" style=\"padding:8px 40px;background:#eef2f7;font-size:14px\">" + links.map { "<a href=\"\($0.1)\" style=\"margin-right:16px\">\(HTML.escape(term($0.0)))</a>" }.joined()
            + "<span style=\"float:right\">\(switcher)</span></nav>"
    }

    /// Characters an id keeps in a link's path; every other one is percent-encoded.
    static let idCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    /// Alternates shown per seat on a round's page.
    static let alternatesShown = 3

    /// The round's controls near the top, after the headline and before the report's first section, so
    /// the what-if form is one click away on a long page; the contents bar then lists them too.
    static func withControls(_ page: String, _ controls: String) -> String {
        guard let main = page.range(of: "<main>\n"), let first = page[main.upperBound...].range(of: "<section ") else { return page }
        return HTML.withContents(page.replacingCharacters(in: first.lowerBound..<first.lowerBound, with: controls))
    }

    static func withBar(_ page: String, bar: String) -> String {
        guard let range = page.range(of: "<body>\n") else { return page }
        return page.replacingCharacters(in: range, with: "<body>\n" + bar + "\n")
    }

    /// The problems of an upload, or (`stored`) of a round's stored files and kept adjustments.
    func problemsPage(_ error: APIError, stored: Bool = false) -> String {
        let rows: [[HTML.Cell]] = (error.body.problems ?? []).map { p in
            [.text(p.file), .text(p.line.map(String.init) ?? ""), .text(p.column.map(String.init) ?? ""), .text(p.key ?? ""), .text(p.message)]
        }
        return HTML.page(title: term(stored ? "The round cannot be solved as kept" : "The files have problems"),
                         subtitle: stored ? "Its files or kept adjustments have these problems" : "Nothing was stored: correct the files and upload them again",
                         body: HTML.section("Problems", HTML.table(["File", "Line", "Column", "Column or key", "Problem"], rows, numeric: [1, 2], id: "problems")
                                            + "<p><a href=\"/\">\(HTML.escape(term("Back to the rounds")))</a></p>", id: "problems-section"), provenance: [])
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response { JSONResponse.text(text, type: "text/html; charset=utf-8", status: status) }

    func redirect(_ path: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = path
        return Response(status: .seeOther, headers: headers)
    }
}
