// The workbench's analyses beside a round: independent against coordinated selection on the round's
// files, and an audit of a published roster (uploaded with its policy and, if given, the pool).

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
            let isPublic = request.uri.queryParameters["public"].map { $0 == "1" } ?? false
            let page = try await work.run(id, context) { budget -> String in
                let comparison = try Comparison.run(try work.round(id, mode: .coordinated), budget: budget)
                return try ComparisonReport.render(comparison, format: .html, publicView: isPublic ? PublicView(comparison: comparison) : nil)
            }
            return pages.html(Pages.withBar(page, bar: pages.bar(id)))
        }
        router.get("/api/rounds/{id}/compare") { _, context in
            let id = try api.roundID(context)
            let json = try await work.run(id, context) { budget in try ComparisonReport.render(try Comparison.run(try work.round(id, mode: .coordinated), budget: budget), format: .json) }
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
            let isPublic = parts.contains { $0.name == "public" }
            let countries = work.countriesTable
            let page: String
            do {
                page = try await Task.detached {
                    let rosterInput = try SelectionInput.load(nominations: roster, policy: policy, countries: countries)
                    let poolInput = try pool.map { try SelectionInput.load(nominations: $0, policy: policy, countries: countries) }
                    let audit = Auditor.audit(roster: rosterInput, pool: poolInput)
                    return try AuditReport.render(audit, format: .html, publicView: isPublic ? PublicView(audit: audit) : nil)
                }.value
            } catch let error as InputError {
                return pages.html(pages.problemsPage(APIError.input(error)), status: .unprocessableContent)
            }
            return pages.html(page)
        }
    }

    func form() -> String {
        HTML.page(title: "Audit a published roster", subtitle: "Check a roster against its policy, and how unlikely its shares are", body: HTML.section("Files", """
            <form method="post" action="/audit" enctype="multipart/form-data" id="audit-form">
            <p><label>Roster (the nominations format, CSV or .xlsx) <input type="file" name="roster" accept=".csv,text/csv,.xlsx" required></label></p>
            <p><label>Policy (YAML) <input type="file" name="policy" accept=".yaml,.yml" required></label></p>
            <p><label>Pool it was chosen from (CSV or .xlsx, optional) <input type="file" name="pool" accept=".csv,text/csv,.xlsx"></label></p>
            <p><label><input type="checkbox" name="public" value="1"> Public version (time first, provenance last)</label></p>
            <p><button type="submit">Audit</button> <a href="/">Back to the rounds</a></p></form>
            """, id: "audit-files"), provenance: [])
    }
}
