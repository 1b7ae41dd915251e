// `explain --nominee ID`: one nominee's explanation and only what is needed to read it: the rules it
// cites with their counts, the members holding the seats of each full quota, and the provenance.

import Foundation

public enum NomineeReport {
    /// One cited rule: its label and, for a quota row, its count, verdict and the seated members it counts.
    struct Rule {
        var label: String
        var verdict: String?
        var holders: [String]
    }

    static func rules(_ e: Explanation, in result: SelectionResult) -> [Rule] {
        let nominees = result.input.nominees
        let reasons = DecisionReason.all(in: result)
        return e.rules.map { rule in
            let label = rule.said.description
            guard let k = rule.quota else { return Rule(label: label, verdict: nil, holders: []) }
            let q = result.quotas[k]
            let verdict = phrase("{count#seat} counted, {verdict}", ["count": .number(q.count), "verdict": .text(SelectionReport.verdict(q, hasPanel: result.status != .infeasible))])
            // A quota at its limit: who holds its seats, continuing and required members marked as such.
            let holders: [String] = q.atLimit ? q.row.members.filter { result.isSeated[$0] }.map { i in
                let n = nominees[i]
                let held = term(reasons[i] == .continuing ? " (continuing member)" : reasons[i] == .required ? " (required)" : reasons[i] == .exOfficio ? " (ex officio)" : "")
                return "\(n.name) [\(n.id)]\(held)"
            } : []
            return Rule(label: label, verdict: verdict, holders: holders)
        }
    }

    public static func render(_ result: SelectionResult, _ e: Explanation, format: ReportFormat) throws -> String {
        let n = result.input.nominees[e.nominee]
        let title = "\(n.name) [\(n.id)], \(n.group)" + (n.rank.map { phrase(" (ranked {rank})", ["rank": .rank($0)]) } ?? "")
        let decision = "\(term(e.decision == .seated ? "seated" : "not seated")) — \(e.reason.words)" + (e.closeCall && e.delta != 0 ? term(" (close call)") : "")
        // Who the nominee is, before the rules: a colleague can pass the explanation on as it stands.
        let who = Message.nomineeWho(n).description
        let cited = rules(e, in: result)
        let provenance = SelectionReport.headerLines(result).filter { ["Body", "Mode", "Seed", "Nominations", "Policy", "Tool"].contains($0.0) }
        switch format {
        case .text:
            let keys = ["Nominee", "Decision", "Why"].map(term)
            let width = max(9, keys.map(\.count).max() ?? 0)
            func key(_ k: Int) -> String { keys[k].padding(toLength: width, withPad: " ", startingAt: 0) }
            var out = "\(term("Seatwise explanation")): \(VisibleText.oneLine(title))\n  \(key(0)) \(VisibleText.oneLine(who))\n  \(key(1)) \(decision)\n  \(key(2)) \(VisibleText.oneLine(e.message))\n"
            if !cited.isEmpty {
                out += "\n\(term("Rules behind it"))\n"
                for rule in cited {
                    out += "  - \(VisibleText.oneLine(rule.label))\(rule.verdict.map { ": \($0)" } ?? "")\n"
                    if !rule.holders.isEmpty { out += "      \(term("its seats are held by")) \(VisibleText.oneLine(rule.holders.joined(separator: ", ")))\n" }
                }
            }
            let provenanceWidth = max(12, provenance.map { term($0.0).count }.max() ?? 0)
            out += "\n\(term("Provenance"))\n" + provenance.map { "  \(term($0.0).padding(toLength: provenanceWidth, withPad: " ", startingAt: 0)) \(VisibleText.oneLine($0.1))\n" }.joined()
            return out
        case .markdown:
            let cell = MarkdownRenderer.cell
            var out = "# \(term("Explanation")): \(cell(title))\n\n- **\(term("Nominee"))**: \(cell(who))\n- **\(term("Decision"))**: \(cell(decision))\n- **\(term("Why"))**: \(cell(e.message))\n"
            if !cited.isEmpty {
                out += "\n## \(term("Rules behind it"))\n\n"
                for rule in cited {
                    out += "- \(cell(rule.label))\(rule.verdict.map { ": \(cell($0))" } ?? "")\n"
                    if !rule.holders.isEmpty { out += "  - \(term("its seats are held by")) \(cell(rule.holders.joined(separator: ", ")))\n" }
                }
            }
            return out + "\n## \(term("Provenance"))\n\n" + provenance.map { "- \(term($0.0)): \(cell($0.1))\n" }.joined()
        case .html:
            var body = HTML.section("Decision", "<p id=\"who\">\(HTML.escape(who))</p><p><b>\(HTML.escape(decision))</b></p><p id=\"why\">\(HTML.escape(e.message))</p>", id: "decision")
            if !cited.isEmpty {
                body += HTML.section("Rules behind it", "<ul>" + cited.map { rule in
                    "<li>\(HTML.escape(rule.label))\(rule.verdict.map { ": " + HTML.escape($0) } ?? "")"
                        + (rule.holders.isEmpty ? "" : "<br><span class=\"muted\">\(HTML.escape(term("its seats are held by"))) \(HTML.escape(rule.holders.joined(separator: ", ")))</span>") + "</li>"
                }.joined() + "</ul>", id: "rules")
            }
            return HTML.page(title: title, subtitle: term(e.decision == .seated ? "Why this nominee is seated" : "Why this nominee is not seated"), body: body, provenance: provenance)
        case .json, .csv:
            // Data formats and the page keep the full report's shape, with this one explanation.
            let report = ExplanationReport(explanations: [e], prices: [], deviations: [])
            return try SelectionReport.render(result, format: format, explanations: report)
        }
    }
}
