// A round's own pages: one nominee's explanation, what-if answers with the choice to keep them, and
// repairs applied with one click. Plain HTML forms posting to the server; every answer from the library.

import Foundation
import Hummingbird
import Seatwise

struct RoundPages {
    let store: RoundStore
    let work: RoundWork
    let api: APIRoutes
    let pages: Pages

    func add(to router: Router<WorkbenchContext>) {
        router.get("/rounds/{id}/nominee/{nominee}") { request, context in
            let id = try api.roundID(context)
            let raw = try context.parameters.require("nominee")
            let nominee = raw.removingPercentEncoding ?? raw
            try work.check(id, RoundRequest(analysis: .explain))
            let page = try await work.run(id, context) { budget -> String in
                let result = try work.session(id, mode: .coordinated, budget: budget).base
                guard result.status != .infeasible else { throw APIError(.conflict, "no panel meets the rules: there is nothing to explain") }
                guard result.input.nominees.contains(where: { AttributeKey.normalize($0.id) == AttributeKey.normalize(nominee) }) else {
                    throw APIError(.notFound, "no nominee has the id \(nominee)")
                }
                let report = try result.explanations(ExplanationOptions(nominee: nominee, budget: budget))
                guard let e = report.explanations.first else { throw APIError(.notFound, "no nominee has the id \(nominee)") }
                return try NomineeReport.render(result, e, format: .html)
            }
            return pages.html(Pages.withBar(page, bar: pages.bar(id)))
        }
        router.post("/rounds/{id}/what-if") { request, context in
            let id = try api.roundID(context)
            let form = try await Self.form(request)
            let adjustments = try Self.adjustments(form)
            try work.check(id, RoundRequest(analysis: .whatIf))
            guard !adjustments.isEmpty else { return pages.redirect("/rounds/\(id)") }
            let page = try await work.run(id, context) { budget -> String in
                let answer: WhatIf
                do { answer = try work.session(id, mode: .coordinated, budget: budget).whatIf(adjustments, budget: budget) } catch let error as InputError {
                    return Self.answerPage(id: id, title: term("The question has problems"), lines: error.diagnostics.map(\.message), form: nil)
                }
                try store.recordSolve(id, kind: "what-if", result: answer.result)
                var lines = [answer.summary] + answer.result.context.adjustments.suffix(adjustments.count).map(\.description)
                lines += answer.groups.filter { $0.change != 0 }.map { phrase("{group}: rank sum {before} → {after}", ["group": .text($0.group), "before": .number($0.rankSumBefore), "after": .number($0.rankSumAfter)]) }
                lines += answer.crossGroup.map(\.description)
                if answer.result.status != .infeasible {
                    let nominees = answer.result.input.nominees
                    for seat in Alternates.seats(answer.result, count: Pages.alternatesShown) where answer.entering.contains(seat.member) {
                        let list = seat.alternates.map { "\(nominees[$0].name) [\(nominees[$0].id)]" }.joined(separator: ", ")
                        lines.append(phrase("alternates for {member}: {list}", ["member": .nominee(id: nominees[seat.member].id, name: nominees[seat.member].name),
                                                                                   "list": .text(list.isEmpty ? seat.blockedBy ?? term("none") : list)]))
                    }
                }
                return Self.answerPage(id: id, title: phrase("What if: {question}", ["question": .text(adjustments.map(\.description).joined(separator: "; "))]), lines: lines,
                                       form: answer.result.status == .infeasible ? nil : form)
            }
            return pages.html(Pages.withBar(page, bar: pages.bar(id)))
        }
        router.post("/rounds/{id}/keep") { request, context in
            let id = try api.roundID(context)
            let adjustments = try Self.adjustments(try await Self.form(request))
            try work.check(id, RoundRequest(analysis: .whatIf))
            try await work.run(id, context) { budget in
                let round = try work.round(id, mode: .coordinated).adjusted(adjustments)
                let context: SelectionContext
                do { context = try round.context() } catch let error as InputError { throw APIError.input(error) }
                try store.keepAdjustments(adjustments, said: Array(context.adjustments.suffix(adjustments.count)), in: id)
                work.forget(id)
            }
            return pages.redirect("/rounds/\(id)")
        }
        router.post("/rounds/{id}/adjustments/{adjustment}/undo") { _, context in
            let id = try api.roundID(context)
            try await api.undo(id, context: context)
            return pages.redirect("/rounds/\(id)")
        }
        router.post("/rounds/{id}/repair/{k}") { _, context in
            let id = try api.roundID(context)
            guard let k = Int(try context.parameters.require("k")), k >= 0 else { throw APIError(.notFound, "no such repair") }
            try await work.run(id, context) { budget in
                let result = try work.session(id, mode: .coordinated, budget: budget).base
                guard result.status == .infeasible else { throw APIError(.conflict, "the round has a panel: there is nothing to repair") }
                let repairs = try result.diagnosis(budget: budget).repairs
                guard k < repairs.count else { throw APIError(.notFound, "no such repair") }
                let adjustments = repairs[k].steps.map { Adjustment.setBound(row: result.context.quotaRows[$0.quotaRow].reference(in: result.context.quotaRows), side: $0.bound, value: $0.to) }
                let context = try work.round(id, mode: .coordinated).adjusted(adjustments).context()
                try store.keepAdjustments(adjustments, said: Array(context.adjustments.suffix(adjustments.count)), in: id)
                work.forget(id)
            }
            return pages.redirect("/rounds/\(id)")
        }
    }

    /// How the files were read (a semicolon-separated file, a sheet chosen, a column taken as another),
    /// shown at the top of the round's page as well as among the report's notes.
    static func readingNotes(_ result: SelectionResult) -> String {
        let notes = result.input.readingNotes
        guard !notes.isEmpty else { return "" }
        return HTML.section("How the files were read", HTML.list(notes), id: "reading")
    }

    /// The what-if form shown on a round's page, and the repairs of an infeasible one.
    static func controls(id: Int64, result: SelectionResult, diagnosis: Diagnosis?, kept: [KeptAdjustment]) -> String {
        func t(_ english: String) -> String { HTML.escape(term(english)) }
        var out = HTML.section("What if…", """
            <form method="post" action="/rounds/\(id)/what-if" id="what-if">
            <p><label>\(t("Seat (ids, separated by spaces)")) <input name="seat" size="30"></label>
               <label>\(t("Exclude")) <input name="exclude" size="30"></label></p>
            <p><label>\(t("Quota row (number or label)")) <input name="rule" size="12"></label>
               <select name="side"><option value="min">min</option><option value="max">max</option></select>
               <label>= <input name="value" size="4" inputmode="numeric"></label></p>
            <p><label>\(t("Group")) <input name="group" size="20"></label> <label>\(t("seats")) <input name="seats" size="4" inputmode="numeric"></label></p>
            <p><button type="submit">\(t("Ask"))</button> <span class="muted">\(t("The answer says who enters, who leaves and what it costs; keep it or leave it."))</span></p>
            </form>
            """, id: "what-if-section")
        if let repairs = diagnosis?.repairs, !repairs.isEmpty {
            out += HTML.section("Apply a repair", repairs.enumerated().map { k, repair in
                "<form method=\"post\" action=\"/rounds/\(id)/repair/\(k)\"><p>\(HTML.escape(repair.steps.map { "\($0.rule): \($0.bound.rawValue) \($0.from) → \($0.to)" }.joined(separator: "; "))) "
                    + "<button type=\"submit\" id=\"repair-\(k)\">\(t(k == 0 ? "Apply (the smallest)" : "Apply"))</button></p></form>"
            }.joined(), id: "repairs")
        }
        // Each adjustment in force with its Undo; an undone one stays in the round's record (History).
        let inForce = kept.filter { $0.undoneAt == nil }
        if !inForce.isEmpty {
            out += HTML.section("Kept adjustments", "<ul>" + inForce.map { a in
                "<li>\(HTML.escape(a.said.words)) <span class=\"muted\">(\(HTML.escape(phrase("kept {time}", ["time": .text(a.keptAt)]))))</span> "
                    + "<form method=\"post\" action=\"/rounds/\(id)/adjustments/\(a.id)/undo\" style=\"display:inline\">"
                    + "<button type=\"submit\" id=\"undo-\(a.id)\">\(t("Undo"))</button></form></li>"
            }.joined() + "</ul>", id: "kept")
        }
        return out
    }

    static func answerPage(id: Int64, title: String, lines: [String], form: [String: String]?) -> String {
        var body = HTML.section("Answer", HTML.list(lines), id: "answer")
        if let form {
            let hidden = form.sorted { $0.key < $1.key }.map { "<input type=\"hidden\" name=\"\(HTML.escape($0.key))\" value=\"\(HTML.escape($0.value))\">" }.joined()
            body += HTML.section("Keep it?", "<form method=\"post\" action=\"/rounds/\(id)/keep\">\(hidden)<button type=\"submit\" id=\"keep\">\(HTML.escape(term("Keep as an adjustment of the round")))</button></form>"
                                 + "<p><a href=\"/rounds/\(id)\" id=\"discard\">\(HTML.escape(term("Leave it (back to the round)")))</a></p>", id: "keep-section")
        }
        return HTML.page(title: title, subtitle: "A what-if on the round; nothing is changed until it is kept", body: body, provenance: [])
    }

    /// An application/x-www-form-urlencoded body.
    static func form(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 1 << 20)
        var out: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if let key = parts.first, !key.isEmpty { out[key] = parts.count > 1 ? parts[1] : "" }
        }
        return out
    }

    /// The adjustments a what-if form asks for (empty fields ask nothing); a number that is not a whole
    /// number in range is refused (400), by the same check as every other edge (`Adjustment.rangeProblem`).
    static func adjustments(_ form: [String: String]) throws -> [Adjustment] {
        func words(_ key: String) -> [String] { (form[key] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }
        func number(_ key: String) throws -> Int {
            let text = (form[key] ?? "").trimmingCharacters(in: .whitespaces)
            guard let n = Int(text) else { throw APIError(.badRequest, "\(key) must be a whole number from 0 to 1,000,000, not \(String(text.prefix(60)))") }
            return n
        }
        var out = words("seat").map(Adjustment.seat) + words("exclude").map(Adjustment.exclude)
        if let rule = form["rule"]?.trimmingCharacters(in: .whitespaces), !rule.isEmpty {
            guard let side = QuotaBoundSide(rawValue: form["side"] ?? "min") else { throw APIError(.badRequest, "side is min or max") }
            out.append(.setBound(row: rule, side: side, value: try number("value")))
        }
        if let group = form["group"]?.trimmingCharacters(in: .whitespaces), !group.isEmpty {
            out.append(.groupSeats(group: group, seats: try number("seats")))
        }
        if let problem = out.lazy.compactMap(\.rangeProblem).first { throw APIError(.badRequest, problem) }
        return out
    }
}
