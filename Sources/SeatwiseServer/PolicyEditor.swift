// The policy editor: the round's policy as a form (seats per group, each quota's attribute, values,
// scope, bounds, priority; the rules with the renewal rule, the objective with the lottery's method and
// draw values, and the seed) that writes YAML. The YAML is checked by the
// same reader as a file against the round's nominations, shown, and stored as a new version of the policy.

import Foundation
import Hummingbird
import Seatwise

struct PolicyEditor {
    let store: RoundStore
    let work: RoundWork
    let api: APIRoutes
    let pages: Pages

    /// Blank rows offered for new groups and quotas.
    static let spare = 3

    func add(to router: Router<WorkbenchContext>) {
        router.get("/rounds/{id}/policy") { _, context in
            let id = try api.roundID(context)
            guard let files = try store.files(of: id) else { throw APIError(.notFound, "no such round") }
            let policy = try? PolicyReader().read(InputFile(path: files.policy.filename, bytes: files.policy.bytes))
            let yaml = String(decoding: files.policy.bytes, as: UTF8.self)
            if let policy, !policy.bodies.isEmpty {
                return pages.html(Pages.withBar(page(id: id, fields: [:], yaml: yaml, problems: [Self.severalBodies(files.policy.filename)]), bar: pages.bar(id)),
                                  status: .ok)
            }
            return pages.html(Pages.withBar(page(id: id, fields: policy.map(Self.fields) ?? [:], yaml: yaml, problems: []), bar: pages.bar(id)))
        }
        router.get("/api/rounds/{id}/policy.yaml") { _, context in
            let id = try api.roundID(context)
            guard let files = try store.files(of: id) else { throw APIError(.notFound, "no such round") }
            var response = JSONResponse.text(String(decoding: files.policy.bytes, as: UTF8.self), type: "application/yaml; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"policy.yaml\""
            return response
        }
        router.post("/rounds/{id}/policy") { request, context in
            let id = try api.roundID(context)
            let form = try await RoundPages.form(request)
            let yaml = Self.yaml(form)
            guard let files = try store.files(of: id) else { throw APIError(.notFound, "no such round") }
            if let stored = try? PolicyReader().read(InputFile(path: files.policy.filename, bytes: files.policy.bytes)), !stored.bodies.isEmpty {
                return pages.html(Pages.withBar(page(id: id, fields: [:], yaml: String(decoding: files.policy.bytes, as: UTF8.self),
                                                     problems: [Self.severalBodies(files.policy.filename)]), bar: pages.bar(id)),
                                  status: .conflict)
            }
            // The stored file's opening comments stay at the top of the new version.
            let opening = Self.comments(in: String(decoding: files.policy.bytes, as: UTF8.self)).opening
            let policy = InputFile(path: "policy.yaml", bytes: Array((opening + yaml).utf8))
            do {
                _ = try SelectionInput.load(nominations: files.nominations.input, policy: policy, countries: work.countriesTable,
                                            history: files.history.map(\.input))
            } catch let error as InputError {
                return pages.html(Pages.withBar(page(id: id, fields: form, yaml: yaml, problems: error.diagnostics), bar: pages.bar(id)),
                                  status: .unprocessableContent)
            }
            // On the round's queue, so no solve in flight caches a session of the old policy after it.
            try await work.run(id, context) { _ in
                guard try store.files(of: id) != nil else { throw APIError(.notFound, "no such round") }
                try store.addFile(policy, kind: "policy", to: id)
                work.forget(id)
            }
            return pages.redirect("/rounds/\(id)")
        }
    }

    /// A YAML file's comments: the opening block (comment and blank lines before the first key), which a
    /// save keeps, and the lines of every comment after it, which the form cannot place and a save drops.
    static func comments(in yaml: String) -> (opening: String, dropped: [Int]) {
        var opening = "", dropped: [Int] = [], inOpening = true
        for (k, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inOpening, trimmed.isEmpty || trimmed.hasPrefix("#") {
                if trimmed.hasPrefix("#") || !opening.isEmpty { opening += line + "\n" }
                continue
            }
            inOpening = false
            if Self.hasComment(line) { dropped.append(k + 1) }
        }
        // Only comments make an opening block worth keeping (blank lines alone are not).
        if !opening.contains("#") { opening = "" }
        return (opening, dropped)
    }

    /// Whether a line holds a comment: a `#` at its start or after a space, outside quotes.
    static func hasComment(_ line: Substring) -> Bool {
        var quote: Character?
        var previous: Character = " "
        for c in line {
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "#", previous == " " || previous == "\t" { return true }
            previous = c
        }
        return false
    }

    /// The form edits a policy of one body; a policy of several (`bodies:`) is edited as its file.
    static func severalBodies(_ file: String) -> InputDiagnostic {
        InputDiagnostic(file: file, key: "bodies", message: "this policy fills several bodies, which this form cannot edit: edit its YAML file and upload it again (the form would write one body and lose the others)")
    }

    /// The form's fields for a policy.
    static func fields(_ policy: Policy) -> [String: String] {
        var f: [String: String] = ["body": policy.body, "continuing": policy.rules.continuing.rawValue,
                                   "max_terms": policy.rules.maxTerms.map(String.init) ?? "",
                                   "places_per_person": policy.rules.placesPerPerson == 1 ? "" : String(policy.rules.placesPerPerson), "objective": policy.objective.rawValue,
                                   "seed": policy.seed.map(String.init) ?? ""]
        for (k, entry) in policy.seats.enumerated() {
            f["group_\(k)"] = entry.key; f["seats_\(k)"] = String(entry.value)
            if policy.uncounted.contains(entry.key) { f["uncounted_\(k)"] = "1" }
            if policy.rules.appointed.contains(entry.key) { f["appointed_\(k)"] = "1" }
            if policy.roles.contains(entry.key) { f["role_\(k)"] = "1" }
            if policy.rules.independent.contains(entry.key) { f["alone_\(k)"] = "1" }
        }
        if let renewal = policy.rules.renewal {
            f["renewal_min"] = renewal.minNew.description
            f["renewal_per"] = renewal.perGroup ? "group" : "body"
        }
        if let lottery = policy.lottery {
            f["lottery_method"] = lottery.method.rawValue
            f["lottery_draw"] = lottery.draw ?? ""
        }
        // The renewal rule's quota is written as the rule it stands for, not as a quota of its own.
        for (k, q) in policy.quotas.filter({ !$0.renewal }).enumerated() {
            f["q\(k)_attribute"] = q.attribute
            switch q.selector {
            case .each: f["q\(k)_values"] = "each"
            case .one(let v): f["q\(k)_values"] = v
            case .anyOf(let vs): f["q\(k)_values"] = vs.joined(separator: ", ")
            }
            switch q.scope {
            case .body: f["q\(k)_scope"] = "body"
            case .perGroup: f["q\(k)_scope"] = "per group"
            case .group(let g): f["q\(k)_scope"] = g
            }
            f["q\(k)_min"] = q.min?.description ?? ""
            f["q\(k)_max"] = q.max?.description ?? ""
            f["q\(k)_priority"] = q.priority == 0 ? "" : String(q.priority)
            if q.hard { f["q\(k)_hard"] = "1" }
        }
        return f
    }

    /// The form as a policy draft, written by the one policy writer: every value as typed, so the reader
    /// (not this writer) judges it and names the key of any mistake.
    static func yaml(_ f: [String: String]) -> String {
        func value(_ key: String) -> String? { f[key].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
        var seats: [(group: String, seats: String)] = []
        var uncounted: Set<String> = [], appointed: Set<String> = [], roles: Set<String> = [], alone: Set<String> = []
        for k in 0..<200 {
            guard let group = value("group_\(k)") else { continue }
            seats.append((group: group, seats: value("seats_\(k)") ?? ""))
            if f["uncounted_\(k)"] != nil { uncounted.insert(group) }
            if f["appointed_\(k)"] != nil { appointed.insert(group) }
            if f["role_\(k)"] != nil { roles.insert(group) }
            if f["alone_\(k)"] != nil { alone.insert(group) }
        }
        var quotas: [PolicyDraft.QuotaDraft] = []
        for k in 0..<500 {
            guard let attribute = value("q\(k)_attribute") else { continue }
            let typed = value("q\(k)_values") ?? "each"
            let values: PolicyDraft.QuotaDraft.Values = typed.lowercased() == "each" ? .each
                : .listed(typed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            let scope: PolicyDraft.QuotaDraft.Scope
            switch value("q\(k)_scope") ?? "body" {
            case "body": scope = .body
            case "per group": scope = .perGroup
            case let group: scope = .group(group)
            }
            quotas.append(.init(attribute: attribute, values: values, scope: scope, min: value("q\(k)_min"), max: value("q\(k)_max"),
                                priority: value("q\(k)_priority"), hard: f["q\(k)_hard"] != nil))
        }
        var draft = PolicyDraft(body: value("body") ?? "", seats: seats, quotas: quotas)
        draft.uncounted = uncounted
        draft.appointed = appointed
        draft.roles = roles
        draft.independent = alone
        draft.placesPerPerson = value("places_per_person")
        draft.continuing = value("continuing") == "compete" ? .compete : .keep
        draft.maxTerms = value("max_terms")
        draft.renewal = value("renewal_min").map { (minNew: $0, perGroup: value("renewal_per") == "group") }
        draft.objective = ObjectiveKind(rawValue: value("objective") ?? "") ?? .rankSum
        if draft.objective == .lottery {
            draft.lottery = (method: value("lottery_method") == "maximin" ? .maximin : .leximin, draw: value("lottery_draw"))
        }
        draft.seed = value("seed")
        return PolicyWriter.yaml(draft)
    }

    func page(id: Int64, fields f: [String: String], yaml: String, problems: [InputDiagnostic]) -> String {
        func input(_ name: String, size: Int = 12) -> String {
            "<input name=\"\(name)\" size=\"\(size)\" value=\"\(HTML.escape(f[name] ?? ""))\">"
        }
        let groups = (0..<200).filter { f["group_\($0)"] != nil }.count + Self.spare
        let quotas = (0..<500).filter { f["q\($0)_attribute"] != nil }.count + Self.spare
        var form = "<form method=\"post\" action=\"/rounds/\(id)/policy\" id=\"policy-form\" class=\"form-table\">"
        // A policy's own words in a sentence are in backticks, drawn as code.
        func t(_ english: String) -> String {
            HTML.escape(term(english)).replacingOccurrences(of: "`([^`]*)`", with: "<code>$1</code>", options: .regularExpression)
        }
        form += "<p><label>\(t("Body")) \(input("body", size: 50))</label></p><h3>\(t("Seats per group"))</h3>"
        func box(_ name: String) -> String { "<input type=\"checkbox\" name=\"\(name)\" value=\"1\"\(f[name] != nil ? " checked" : "")>" }
        form += HTML.table(["Group", "Seats", "Counts in no quota", "Appoints its members", "Chooses alone", "A role (chairs, co-chairs)"], (0..<groups).map { k in
            [.markup(input("group_\(k)", size: 30)), .markup(input("seats_\(k)", size: 5)), .markup(box("uncounted_\(k)")), .markup(box("appointed_\(k)")),
             .markup(box("alone_\(k)")), .markup(box("role_\(k)"))]
        })
        form += "<h3>\(t("Quotas"))</h3><p class=\"muted\">\(t("Values: one value, several separated by commas, or `each`. Scope: `body`, `per group`, or a group's name. Bounds: a count (3) or a percentage (40%)."))</p>"
        form += HTML.table(["Attribute", "Values", "Scope", "Min", "Max", "Priority", "Hard"], (0..<quotas).map { k in
            [.markup(input("q\(k)_attribute", size: 12)), .markup(input("q\(k)_values", size: 22)), .markup(input("q\(k)_scope", size: 14)),
             .markup(input("q\(k)_min", size: 5)), .markup(input("q\(k)_max", size: 5)), .markup(input("q\(k)_priority", size: 3)),
             .markup("<input type=\"checkbox\" name=\"q\(k)_hard\" value=\"1\"\(f["q\(k)_hard"] != nil ? " checked" : "")>")]
        })
        // The options' values are the policy's own words (keep, compete, rank-sum …); their labels are in the page's language.
        form += "<h3>\(t("Rules"))</h3><p><label>\(t("Continuing members")) <select name=\"continuing\"><option value=\"keep\">keep</option>"
            + "<option value=\"compete\"\(f["continuing"] == "compete" ? " selected" : "")>compete</option></select></label> "
            + "<label>\(t("Max terms")) \(input("max_terms", size: 3))</label> <label>\(t("Places per person")) \(input("places_per_person", size: 3))</label> <label>\(t("Objective")) <select name=\"objective\"><option value=\"rank-sum\">rank-sum</option>"
            + "<option value=\"lexicographic\"\(f["objective"] == "lexicographic" ? " selected" : "")>lexicographic</option>"
            + "<option value=\"lottery\"\(f["objective"] == "lottery" ? " selected" : "")>lottery</option></select></label> "
            + "<label>\(t("Seed")) \(input("seed", size: 8))</label></p>"
            + "<p><label>\(t("Renewal: at least")) \(input("renewal_min", size: 5)) \(t("newcomers"))</label> <label>\(t("in")) <select name=\"renewal_per\"><option value=\"body\">\(t("the body"))</option>"
            + "<option value=\"group\"\(f["renewal_per"] == "group" ? " selected" : "")>\(t("every group"))</option></select></label> "
            + "<span class=\"muted\">\(t("(a count or a percentage; empty: no renewal rule)"))</span></p>"
            + "<p><label>\(t("Lottery method")) <select name=\"lottery_method\"><option value=\"leximin\">leximin</option>"
            + "<option value=\"maximin\"\(f["lottery_method"] == "maximin" ? " selected" : "")>maximin</option></select></label> "
            + "<label>\(t("Draw values")) \(input("lottery_draw", size: 30))</label> <span class=\"muted\">\(t("(with the objective lottery; values published after the distribution, e.g. 9 18 27 / 3 12)"))</span></p>"
        form += "<p><button type=\"submit\" id=\"save-policy\">\(t("Check and save as a new version"))</button></p></form>"
        var body = ""
        let comments = Self.comments(in: yaml)
        if !comments.dropped.isEmpty {
            let lines = phrase(comments.dropped.count == 1 ? "line {numbers}" : "lines {numbers}", ["numbers": .text(comments.dropped.map(String.init).joined(separator: ", "))])
            body += HTML.section("Comments in the YAML", "<p id=\"comments-note\">" + HTML.escape(phrase(
                "Saving from this form keeps the comments at the top of the file but drops the {count#comment} among the rules ({lines}): the form has no place for them. Every earlier version stays in the round's record; to keep them, edit the file and upload it again.",
                ["count": .number(comments.dropped.count), "lines": .text(lines)])) + "</p>", id: "comments")
        }
        if !problems.isEmpty {
            body += HTML.section("Problems (nothing was saved)", HTML.table(["Line", "Key", "Problem"], problems.map {
                [.text($0.line.map(String.init) ?? ""), .text($0.key ?? ""), .text($0.message)]
            }, id: "policy-problems"), id: "problems")
        }
        body += HTML.section("Policy", form, id: "editor")
        body += HTML.section("The YAML", "<pre id=\"policy-yaml\">\(HTML.escape(yaml))</pre><p><a href=\"/api/rounds/\(id)/policy.yaml\">\(t("Download policy.yaml"))</a></p>", id: "yaml")
        return HTML.page(title: phrase("Policy of round {id}", ["id": .text(String(id))]), subtitle: "Edit the rules; each save is checked against the nominations and kept as a new version",
                         body: body, provenance: [])
    }
}
