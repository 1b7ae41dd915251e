// The workbench's analyses beside a round: independent against coordinated selection on the round's
// files, the fairest lottery over its valid panels (with its draw), and an audit of a published roster
// (uploaded with its policy and, if given, the pool).

import Foundation
import Hummingbird
import Seatwise

struct AnalysisPages {
    let work: RoundWork
    let api: APIRoutes
    let pages: Pages

    func add(to router: Router<WorkbenchContext>) {
        router.get("/rounds/{id}/compare") { request, context in
            let id = try api.roundID(context)
            try work.check(id, RoundRequest(analysis: .compare))
            let isPublic = request.uri.queryParameters["public"].map { $0 == "1" } ?? false
            let page = try await work.run(id, context) { budget -> String in
                let comparison = try Comparison.run(try work.round(id, mode: .coordinated), budget: budget)
                return try ComparisonReport.render(comparison, format: .html, publicView: isPublic ? PublicView(comparison: comparison) : nil)
            }
            return pages.html(Pages.withBar(page, bar: pages.bar(id)))
        }
        router.get("/api/rounds/{id}/compare") { _, context in
            let id = try api.roundID(context)
            try work.check(id, RoundRequest(analysis: .compare))
            let json = try await work.run(id, context) { budget in try ComparisonReport.render(try Comparison.run(try work.round(id, mode: .coordinated), budget: budget), format: .json) }
            return JSONResponse.text(json, type: "application/json; charset=utf-8")
        }
        router.get("/rounds/{id}/lottery") { request, context in
            let id = try api.roundID(context)
            let (method, values, mode) = try lotteryQuery(request)
            // Values typed into the form that are not numbers: the problems page, with the form to correct them.
            if let values {
                do { _ = try LotteryDraw.sources(values) } catch let error as InputError {
                    return pages.html(Pages.withBar(pages.problemsPage(APIError.input(error)), bar: pages.bar(id) + drawForm(id, method: method, values: values, mode: mode)),
                                      status: .unprocessableContent)
                }
            }
            let page = try await work.run(id, context) { budget in try lottery(id, method, values, mode, budget).render(.html) }
            return pages.html(Pages.withBar(page, bar: pages.bar(id) + drawForm(id, method: method, values: values, mode: mode)))
        }
        router.get("/api/rounds/{id}/lottery") { request, context in
            let id = try api.roundID(context)
            let (method, values, mode) = try lotteryQuery(request)
            let json = try await work.run(id, context) { budget in try lottery(id, method, values, mode, budget).render(.json) }
            return JSONResponse.text(json, type: "application/json; charset=utf-8")
        }
        router.get("/audit") { _, _ in pages.html(form()) }
        router.post("/audit") { request, context in
            guard let boundary = request.headers[.contentType].flatMap(Multipart.boundary) else {
                throw APIError(.badRequest, "send a multipart/form-data upload with the files roster and policy (and pool)")
            }
            let parts = try Multipart.parse(Array(buffer: try await request.body.collect(upTo: context.maxUploadSize)), boundary: boundary)
            func file(_ name: String) -> InputFile? {
                parts.first { $0.name == name && !$0.bytes.isEmpty }.map { InputFile(path: $0.filename.flatMap(APIRoutes.safeName) ?? name, bytes: $0.bytes) }
            }
            guard let roster = file("roster"), let policy = file("policy") else { throw APIError(.badRequest, "the upload needs a roster and a policy") }
            let pool = file("pool")
            let history = APIRoutes.history(parts)
            let isPublic = parts.contains { $0.name == "public" }
            let countries = work.countriesTable
            let page: String
            do {
                page = try await Task.detached {
                    let rosterInput = try SelectionInput.load(nominations: roster, policy: policy, countries: countries, history: history)
                    let poolInput = try pool.map { try SelectionInput.load(nominations: $0, policy: policy, countries: countries, history: history) }
                    let audit = Auditor.audit(roster: rosterInput, pool: poolInput)
                    return try AuditReport.render(audit, format: .html, publicView: isPublic ? PublicView(audit: audit) : nil)
                }.value
            } catch let error as InputError {
                return pages.html(pages.problemsPage(APIError.input(error)), status: .unprocessableContent)
            }
            return pages.html(page)
        }
    }

    /// `?method=leximin|maximin&draw=VALUES&mode=…`: absent method and draw come from the policy.
    func lotteryQuery(_ request: Request) throws -> (LotteryMethod?, String?, SelectionMode) {
        let query = request.uri.queryParameters
        var method: LotteryMethod?
        if let text = query["method"].map(String.init), !text.isEmpty {
            guard let m = LotteryMethod(rawValue: text) else { throw APIError(.badRequest, "method is leximin or maximin") }
            method = m
        }
        // A form sends spaces as '+' (never part of draw values), which the query keeps.
        let values = query["draw"].map { String($0).replacingOccurrences(of: "+", with: " ") }.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return (method, values, try api.mode(request))
    }

    /// The round's lottery; bad draw values are a 422 naming them.
    func lottery(_ id: Int64, _ method: LotteryMethod?, _ values: String?, _ mode: SelectionMode, _ budget: SolveBudget) throws -> DrawnLottery {
        do { return try DrawnLottery(try work.round(id, mode: mode), method: method, values: values, budget: budget) } catch let error as InputError {
            throw APIError.input(error)
        }
    }

    /// The method and the draw values, above the report: publish the undrawn page, draw once the values are out.
    func drawForm(_ id: Int64, method: LotteryMethod?, values: String?, mode: SelectionMode) -> String {
        let options = LotteryMethod.allCases.map { m in "<option value=\"\(m.rawValue)\"\(m == method ? " selected" : "")>\(m.rawValue)</option>" }.joined()
        return "<form method=\"get\" action=\"/rounds/\(id)/lottery\" id=\"lottery-form\" style=\"padding:8px 40px;background:#f7f9fb;font-size:14px\">"
            + "<input type=\"hidden\" name=\"mode\" value=\"\(mode.rawValue)\">"
            + "<label>\(HTML.escape(term("Method"))) <select name=\"method\"><option value=\"\">\(HTML.escape(term("the policy's (default leximin)")))</option>\(options)</select></label> "
            + "<label>\(HTML.escape(term("Draw values"))) <input name=\"draw\" id=\"draw-values\" size=\"30\" value=\"\(HTML.escape(values ?? ""))\" placeholder=\"9 18 27 36 45 / 3 12\"></label> "
            + "<button type=\"submit\" id=\"draw\">\(HTML.escape(term("Compute (and draw, with values)")))</button> "
            + "<a href=\"/api/rounds/\(id)/lottery?\(query(method, values, mode))\">JSON</a></form>"
    }

    private func query(_ method: LotteryMethod?, _ values: String?, _ mode: SelectionMode) -> String {
        var parts = ["mode=\(mode.rawValue)"]
        if let method { parts.append("method=\(method.rawValue)") }
        if let values, let encoded = values.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { parts.append("draw=\(encoded)") }
        return parts.joined(separator: "&amp;")
    }

    func form() -> String {
        func t(_ english: String) -> String { HTML.escape(term(english)) }
        return HTML.page(title: term("Audit a published roster"), subtitle: "Check a roster against its policy, and how unlikely its shares are", body: Pages.languageSwitch + HTML.section("Files", """
            <form method="post" action="/audit" enctype="multipart/form-data" id="audit-form">
            <p><label>\(t("Roster (the nominations format, CSV or .xlsx)")) <input type="file" name="roster" accept=".csv,text/csv,.xlsx" required></label></p>
            <p><label>\(t("Policy (YAML)")) <input type="file" name="policy" accept=".yaml,.yml" required></label></p>
            <p><label>\(t("Pool it was chosen from (CSV or .xlsx, optional)")) <input type="file" name="pool" accept=".csv,text/csv,.xlsx"></label></p>
            <p><label>\(t("Past rosters (optional, for terms and countries' past seats)")) <input type="file" name="history" accept=".csv,text/csv,.xlsx" multiple></label></p>
            <p><label><input type="checkbox" name="public" value="1"> \(t("Public version (time first, provenance last)"))</label></p>
            <p><button type="submit">\(t("Audit"))</button> <a href="/">\(t("Back to the rounds"))</a></p></form>
            """, id: "audit-files"), provenance: [])
    }
}
