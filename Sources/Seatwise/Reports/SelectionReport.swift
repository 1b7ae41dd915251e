// Renders a selection result in text, markdown, JSON or CSV (SPEC §9); one function per format,
// every one carrying the provenance of the inputs.

public enum SelectionReport {
    public static func render(_ result: SelectionResult, format: ReportFormat, explanations: ExplanationReport? = nil,
                              diagnosis: Diagnosis? = nil) throws -> String {
        switch format {
        case .text: return text(result, explanations, diagnosis)
        case .markdown: return markdown(result, explanations, diagnosis)
        case .json: return try SelectionDocument(result, explanations: explanations, diagnosis: diagnosis).json()
        case .csv: return explanations.map { csv(result, $0) } ?? csv(result)
        case .html: return HTMLReports.selection(result, explanations: explanations, diagnosis: diagnosis)
        }
    }

    /// Every note a report states: the rules' adjustments (a repair), the round's own notes, and what
    /// the explanations or the diagnosis could not compute.
    static func notes(_ result: SelectionResult, _ explanations: ExplanationReport?, _ diagnosis: Diagnosis?) -> [String] {
        result.context.adjustments + result.notes + (explanations?.notes ?? []) + (diagnosis?.notes ?? [])
    }

    /// How many conflicts the text and markdown reports show before counting the rest.
    static let shownConflicts = 50

    /// Conflicts for people: the diagnosis when there is one, else the pre-checks.
    static func conflicts(_ result: SelectionResult, _ diagnosis: Diagnosis?) -> [ConflictReport] {
        diagnosis?.conflicts ?? result.preCheckFailures.map { ConflictReport(rules: $0.rules, message: $0.message) }
    }

    static func repairLine(_ repair: Repair) -> String {
        repair.steps.map { "\($0.rule): \($0.bound) \($0.from) → \($0.to)" }.joined(separator: "; ")
    }

    static func statusLine(_ result: SelectionResult) -> String {
        switch result.status {
        case .optimal:
            let proof = result.objective == .rankSum ? " (proved optimal: no panel meeting the rules has a lower rank sum)" : " (proved optimal, level by level)"
            return "optimal\(proof)"
        case .timeLimit:
            return "time limit reached: best panel found, optimality not proved" + (result.bound.map { " (bound \(format($0)))" } ?? "")
        case .infeasible:
            return "infeasible: no panel meets every rule"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func objectiveLine(_ result: SelectionResult) -> String {
        switch result.objective {
        case .rankSum: return "rank-sum, minimise the sum of the seated nominees' ranks: \(result.objectiveSummary)"
        case .lexicographic: return "lexicographic, most first choices, then second, …: \(result.objectiveSummary) (rank sum \(result.rankSum.map(String.init) ?? "none"))"
        }
    }

    static func headerLines(_ result: SelectionResult) -> [(String, String)] {
        let p = Provenance(input: result.input)
        return [
            ("Body", p.body),
            ("Mode", result.mode == .coordinated ? "coordinated (MAG-style: one choice across all groups)" : "independent (IGC-style: each group fills its own seats)"),
            ("Status", statusLine(result)),
            ("Objective", objectiveLine(result)),
            ("Seed", "\(result.seed) (\(result.seedSource == .default ? "default; set tie_break.seed or --seed" : "from the \(result.seedSource.rawValue)"))"),
            ("Nominations", "\(p.nominations) (sha256 \(p.nominationsSHA256))"),
            ("Policy", "\(p.policy) (sha256 \(p.policySHA256))"),
            ("Tool", "seatwise \(p.toolVersion), GLPK \(p.glpkVersion)"),
        ]
    }

    static func bounds(_ row: QuotaRow) -> String {
        switch (row.min, row.max) {
        case let (min?, max?) where min == max: return "= \(min)"
        case let (min?, max?): return "\(min)–\(max)"
        case let (min?, nil): return "≥ \(min)"
        case let (nil, max?): return "≤ \(max)"
        default: return "any"
        }
    }

    static func verdict(_ q: QuotaOutcome, hasPanel: Bool) -> String {
        if !hasPanel { return "—" }
        if !q.satisfied { return q.enforced ? "VIOLATED" : "violated (not enforced)" }
        return q.atLimit ? "met, at its limit" : "met"
    }

    /// Quotas for people: each row, except that a quota expanding into many rows (a cap per country,
    /// say) is summarised in one line, with its violated rows still listed one by one.
    static func quotaLines(_ result: SelectionResult) -> [(rule: String, bound: String, count: String, verdict: String)] {
        quotaLines(result.quotas, policy: result.policy, hasPanel: result.status != .infeasible)
    }

    static func quotaLines(_ quotas: [QuotaOutcome], policy: Policy, hasPanel: Bool) -> [(rule: String, bound: String, count: String, verdict: String)] {
        var lines: [(String, String, String, String)] = []
        var byQuota: [Int: [QuotaOutcome]] = [:]
        for q in quotas { byQuota[q.row.quotaIndex, default: []].append(q) }
        for index in byQuota.keys.sorted() {
            let rows = byQuota[index]!
            if rows.count <= 6 {
                for q in rows { lines.append((q.row.label, bounds(q.row), hasPanel ? "\(q.count)" : "–", verdict(q, hasPanel: hasPanel))) }
                continue
            }
            let first = rows[0].row
            let scope = policy.quotas.first { $0.index == index }.map { quota -> String in
                switch quota.scope {
                case .body: return "the body"
                case .perGroup: return "each group"
                case .group(let g): return g
                }
            } ?? first.scopeName
            let bound = Set(rows.map { bounds($0.row) }).count == 1 ? bounds(first) : "varies"
            let rule = "quota \(index + 1): \(first.attribute), each value separately, in \(scope) (\(rows.count) values)"
            if !hasPanel { lines.append((rule, bound, "–", "—")); continue }
            let broken = rows.filter { !$0.satisfied }
            let atLimit = rows.filter { $0.satisfied && $0.atLimit }.count
            let verdictText = broken.isEmpty ? "all met, \(atLimit) at their limit" : "\(broken.count) violated\(broken.first!.enforced ? "" : " (not enforced)")"
            lines.append((rule, bound, "max \(rows.map(\.count).max() ?? 0)", verdictText))
            for q in broken { lines.append(("  " + q.row.label, bounds(q.row), "\(q.count)", verdict(q, hasPanel: true))) }
        }
        return lines
    }

    // MARK: text

    static func text(_ result: SelectionResult, _ explanations: ExplanationReport?, _ diagnosis: Diagnosis?) -> String {
        var out = "Seatwise selection\n"
        for (key, value) in headerLines(result) { out += "  \(key.padding(toLength: 12, withPad: " ", startingAt: 0)) \(VisibleText.oneLine(value))\n" }
        let nominees = result.input.nominees
        if result.status == .infeasible {
            out += "\nWhy no panel exists\n"
            let all = conflicts(result, diagnosis)
            for (k, conflict) in all.prefix(shownConflicts).enumerated() {
                out += "  \(k + 1). \(VisibleText.oneLine(conflict.message))\n"
                for rule in conflict.rules { out += "       - \(VisibleText.oneLine(rule))\n" }
            }
            if all.count > shownConflicts { out += "  … and \(all.count - shownConflicts) more (the JSON report lists every one)\n" }
            if let repairs = diagnosis?.repairs, !repairs.isEmpty {
                out += "\nSmallest repair (by declared priorities)\n  \(VisibleText.oneLine(repairLine(repairs[0])))\n"
                for alternative in repairs.dropFirst() { out += "  alternative: \(VisibleText.oneLine(repairLine(alternative)))\n" }
            }
        } else {
            out += "\nSeats\n"
            var seats = TextTable(["Group", "Seated", "Rank sum", "Seated from the group's top choices"])
            for g in result.groups { seats.add([g.group, "\(g.seated)/\(g.seats)", "\(g.rankSum)", "\(g.topChoicesSeated) of \(g.seats)"]) }
            out += seats.render()
            out += "\nPanel (\(result.seated.count) members)\n"
            var panel = TextTable(["Group", "ID", "Name", "Rank", "Gender", "Country", "Region", "Development", "Why"])
            let reasons = MemberReasons(result)
            for i in result.seated {
                let n = nominees[i]
                panel.add([n.group, n.id, n.name, n.rank.map(String.init) ?? "–", n.gender, n.country, n.region, n.development,
                           reasons.sentence(i)])
            }
            out += panel.render()
        }
        out += "\nQuotas\n"
        var quotas = TextTable(["Rule", "Bound", "Count", "Verdict"])
        for line in quotaLines(result) { quotas.add([line.rule, line.bound, line.count, line.verdict]) }
        out += result.quotas.isEmpty ? "  (the policy sets no quotas)\n" : quotas.render()
        if !notes(result, explanations, diagnosis).isEmpty {
            out += "\nNotes\n"
            for note in notes(result, explanations, diagnosis) { out += "  - \(VisibleText.oneLine(note))\n" }
        }
        if let explanations { out += explanationText(result, explanations) }
        if let repaired = diagnosis?.repaired {
            out += "\n==== The best panel under the smallest repair ====\n\n" + text(repaired, diagnosis?.repairedExplanations, nil)
        }
        return out
    }

    static func explanationText(_ result: SelectionResult, _ report: ExplanationReport) -> String {
        var out = "\nExplanations\n"
        let nominees = result.input.nominees
        for group in result.policy.groups {
            let entries = report.explanations.filter { nominees[$0.nominee].group == group }
            guard !entries.isEmpty else { continue }
            out += "  \(VisibleText.oneLine(group))\n"
            for e in entries {
                let n = nominees[e.nominee]
                out += "    \(e.decision == .seated ? "in " : "out") \(VisibleText.oneLine(n.name)) [\(VisibleText.oneLine(n.id))] \(e.reason.rawValue)\(e.closeCall && e.delta != 0 ? " (close call)" : ""): \(VisibleText.oneLine(e.message))\n"
            }
        }
        if !report.prices.isEmpty {
            out += "\nQuota prices (each quota at its limit, moved by one seat)\n"
            for p in report.prices { out += "  - \(VisibleText.oneLine(p.message))\n" }
        }
        if !report.deviations.isEmpty {
            out += "\nEach group's ranking\n"
            for d in report.deviations {
                out += "  - \(VisibleText.oneLine(d.message))\n"
                for e in d.passedOver { out += "      \(VisibleText.oneLine(nominees[e.nominee].name)) [\(VisibleText.oneLine(nominees[e.nominee].id))]: \(VisibleText.oneLine(e.message))\n" }
            }
        }
        return out
    }

    // MARK: markdown

    static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": out += "\\\(c)"
            // Every line-break kind, CRLF included (one Character in Swift), ends a table row.
            case _ where c.isNewline: out += " "
            default: out.append(c)
            }
        }
        return out
    }

    static func markdown(_ result: SelectionResult, _ explanations: ExplanationReport?, _ diagnosis: Diagnosis?) -> String {
        var out = "# Selection: \(cell(result.policy.body))\n\n"
        for (key, value) in headerLines(result) { out += "- **\(key)**: \(cell(value))\n" }
        let nominees = result.input.nominees
        if result.status == .infeasible {
            out += "\n## Why no panel exists\n\n"
            let all = conflicts(result, diagnosis)
            for (k, conflict) in all.prefix(shownConflicts).enumerated() {
                out += "\(k + 1). \(cell(conflict.message))\n"
                for rule in conflict.rules { out += "   - \(cell(rule))\n" }
            }
            if all.count > shownConflicts { out += "\n… and \(all.count - shownConflicts) more (the JSON report lists every one)\n" }
            if let repairs = diagnosis?.repairs, !repairs.isEmpty {
                out += "\n## Smallest repair\n\n- \(cell(repairLine(repairs[0])))\n"
                for alternative in repairs.dropFirst() { out += "- alternative: \(cell(repairLine(alternative)))\n" }
            }
        } else {
            out += "\n## Seats\n\n| Group | Seated | Rank sum | From the group's top choices |\n|---|---:|---:|---:|\n"
            for g in result.groups { out += "| \(cell(g.group)) | \(g.seated)/\(g.seats) | \(g.rankSum) | \(g.topChoicesSeated) of \(g.seats) |\n" }
            out += "\n## Panel (\(result.seated.count) members)\n\n| Group | ID | Name | Rank | Gender | Country | Region | Development | Why |\n|---|---|---|---:|---|---|---|---|---|\n"
            let reasons = MemberReasons(result)
            for i in result.seated {
                let n = nominees[i]
                let cells = [n.group, n.id, n.name, n.rank.map(String.init) ?? "–", n.gender, n.country, n.region, n.development,
                             reasons.sentence(i)]
                out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
            }
        }
        out += "\n## Quotas\n\n"
        if result.quotas.isEmpty { out += "The policy sets no quotas.\n" } else {
            out += "| Rule | Bound | Count | Verdict |\n|---|---|---:|---|\n"
            for line in quotaLines(result) {
                out += "| \(cell(line.rule)) | \(cell(line.bound)) | \(cell(line.count)) | \(cell(line.verdict)) |\n"
            }
        }
        if !notes(result, explanations, diagnosis).isEmpty {
            out += "\n## Notes\n\n"
            for note in notes(result, explanations, diagnosis) { out += "- \(cell(note))\n" }
        }
        if let explanations {
            let nominees = result.input.nominees
            out += "\n## Explanations\n\n| Group | Nominee | Decision | Reason | Δ | Why |\n|---|---|---|---|---:|---|\n"
            for e in explanations.explanations {
                let n = nominees[e.nominee]
                out += "| \(cell(n.group)) | \(cell(n.name)) [\(cell(n.id))] | \(e.decision.rawValue) | \(e.reason.rawValue)\(e.closeCall && e.delta != 0 ? " (close call)" : "") | \(e.delta.map(String.init) ?? "–") | \(cell(e.message)) |\n"
            }
            if !explanations.prices.isEmpty {
                out += "\n## Quota prices\n\n"
                for p in explanations.prices { out += "- \(cell(p.message))\n" }
            }
            if !explanations.deviations.isEmpty {
                out += "\n## Each group's ranking\n\n"
                for d in explanations.deviations { out += "- \(cell(d.message))\n" }
            }
        }
        if let repaired = diagnosis?.repaired {
            out += "\n---\n\n" + markdown(repaired, diagnosis?.repairedExplanations, nil).replacingOccurrences(of: "# Selection:", with: "# Under the smallest repair:")
        }
        return out
    }

    // MARK: csv

    /// With explanations: every explained nominee, seated or not, with decision, reason and numbers.
    static func csv(_ result: SelectionResult, _ report: ExplanationReport) -> String {
        let ids = result.input.nominees.map(\.id)
        var out = CSVCell.row(["group", "id", "name", "rank", "gender", "country", "region", "development", "decision", "reason", "delta",
                               "close_call", "enter", "leave", "message"] + CSVCell.provenanceHeader)
        let provenance = provenanceCells(result)
        for e in report.explanations {
            let n = result.input.nominees[e.nominee]
            out += CSVCell.row([n.group, n.id, n.name, n.rank.map(String.init) ?? "", n.gender, n.country, n.region, n.development,
                                e.decision.rawValue, e.reason.rawValue, e.delta.map(String.init) ?? "", e.closeCall ? "yes" : "no",
                                e.entering.map { ids[$0] }.joined(separator: " "), e.leaving.map { ids[$0] }.joined(separator: " "), e.message]
                               + provenance)
        }
        return out
    }

    static func provenanceCells(_ result: SelectionResult) -> [String] {
        CSVCell.provenance(body: result.policy.body, mode: result.mode.rawValue, objective: result.objective.rawValue, seed: result.seed,
                           nominations: result.input.nominations.sha256, policy: result.input.policyFile.sha256)
    }

    static func csv(_ result: SelectionResult) -> String {
        let provenance = provenanceCells(result)
        let custom = Array(Set(result.seated.flatMap { result.input.nominees[$0].attributes.keys })
            .subtracting(["gender", "country", "region", "development", "organization", "group"])).sorted()
        var out = CSVCell.row(["group", "id", "name", "rank", "gender", "country", "region", "development", "organization", "status", "terms"]
                              + custom + ["reason", "message"] + CSVCell.provenanceHeader)
        let reasons = MemberReasons(result)
        for i in result.seated {
            let n = result.input.nominees[i]
            let reason = reasons.reasons[i]
            out += CSVCell.row([n.group, n.id, n.name, n.rank.map(String.init) ?? "", n.gender, n.country, n.region, n.development,
                                n.attributes["organization"] ?? "", n.status.rawValue, String(n.terms)]
                               + custom.map { n.attributes[$0] ?? "" }
                               + [reason.rawValue, reasons.sentence(i)] + provenance)
        }
        return out
    }
}
