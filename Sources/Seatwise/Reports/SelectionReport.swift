// Renders a selection result in text, markdown, JSON or CSV (docs/reference.md, "JSON report"); one function per format,
// every one carrying the provenance of the inputs.

public enum SelectionReport {
    /// With `publicView`, the public version: only seated members named, the rest counted (`--public`).
    /// A round's outcome in `format`: the one renderer every surface calls.
    public static func render(_ outcome: RoundOutcome, format: ReportFormat) throws -> String {
        try render(outcome.result, format: format, explanations: outcome.explanations, diagnosis: outcome.diagnosis, publicView: outcome.publicView,
                   alternates: outcome.alternates, difference: outcome.difference)
    }

    public static func render(_ result: SelectionResult, format: ReportFormat, explanations: ExplanationReport? = nil,
                              diagnosis: Diagnosis? = nil, publicView: PublicView? = nil, alternates: Alternates? = nil,
                              replacement: Replacement? = nil, difference: WhatIf? = nil) throws -> String {
        var (result, explanations, diagnosis) = (result, explanations, diagnosis)
        if let view = publicView {
            explanations = explanations.map { view.apply(to: $0, of: result) }
            diagnosis = diagnosis.map { view.apply(to: $0, of: result) }
            result = view.apply(to: result)
        }
        let sections = {
            var s = SelectionSections(result, explanations: explanations, diagnosis: diagnosis, publicView: publicView, alternates: alternates,
                                      difference: difference)
            s.replacement = replacement?.lines ?? []
            return s
        }
        switch format {
        case .text: return TextRenderer.render(sections())
        case .markdown: return MarkdownRenderer.render(sections())
        case .json:
            var document = try SelectionDocument(result, explanations: explanations, diagnosis: diagnosis, publicView: publicView, alternates: alternates).json()
            if let difference { document = try SelectionDocument.adding("difference", WhatIfReport.difference(difference, publicReport: publicView != nil), to: document) }
            return try replacement.map { try SelectionDocument.adding("replacement", ReplacementRecord($0), to: document) } ?? document
        case .csv: return explanations.map { csv(result, $0) } ?? csv(result)
        case .html: return HTMLReports.selection(result, explanations: explanations, diagnosis: diagnosis, publicView: publicView, alternates: alternates,
                                                 replacement: replacement, difference: difference)
        }
    }

    /// The result in one plain sentence, for a public announcement.
    public static func headline(_ result: SelectionResult) -> String {
        guard result.status != .infeasible else { return term("No panel was chosen: the rules cannot all be met together") }
        let n = result.seated.count
        var parts = [phrase("{count#member} chosen", ["count": .number(n)])]
        // Rules, not rows: a rule on each region has a row per region, and is one rule broken however many of them fail.
        let broken = Set(result.quotas.filter { !$0.satisfied && $0.enforced }.map(\.row.quotaIndex)).count
        let unenforced = Set(result.quotas.filter { !$0.satisfied && !$0.enforced }.map(\.row.quotaIndex)).count
        parts.append(result.quotas.isEmpty ? term("the policy sets no quotas")
                     : broken > 0 ? phrase("{count#rule} not met", ["count": .number(broken)]) : unenforced > 0 ? term("every rule each group applies met") : term("every rule met"))
        if unenforced > 0 { parts.append(phrase(unenforced == 1 ? "1 body-wide rule is not met (not enforced when each group chooses alone)" : "{count} body-wide rules are not met (not enforced when each group chooses alone)", ["count": .number(unenforced)])) }
        // Counted as the panel's rows give each member's reason, so the headline and the table agree.
        let reasons = DecisionReason.all(in: result)
        let inOrder = result.seated.filter { reasons[$0] == .inRankOrder }.count
        let ahead = result.seated.filter { reasons[$0] == .aheadOfHigherRanked }.count
        parts.append(phrase("{count} seated in their group's rank order", ["count": .number(inOrder)])
                     + (ahead > 0 ? phrase(", {count} ahead of higher-ranked nominees to meet the rules", ["count": .number(ahead)]) : ""))
        if let held = heldSeats(result) { parts.append(held) }
        if result.status == .timeLimit { parts.append(term("the best panel found within the time limit, not proved best")) }
        return parts.joined(separator: "; ")
    }

    /// "16 seats held by continuing members, 1 by a required member"; nil when none is held.
    static func heldSeats(_ result: SelectionResult) -> String? {
        let reasons = DecisionReason.all(in: result)
        let continuing = result.seated.filter { reasons[$0] == .continuing }.count
        let required = result.seated.filter { reasons[$0] == .required }.count
        var parts: [String] = []
        if continuing > 0 { parts.append(phrase("{count#seat} held by continuing {members}", ["count": .number(continuing), "members": .text(Words.noun(continuing, "member"))])) }
        if required > 0 {
            parts.append(parts.isEmpty ? phrase(required == 1 ? "1 seat held by a required member" : "{count} seats held by required members", ["count": .number(required)])
                                       : phrase(required == 1 ? "1 by a required member" : "{count} by required members", ["count": .number(required)]))
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Every note a report states: the rules' adjustments (a repair), the round's own notes, and what
    /// the explanations or the diagnosis could not compute.
    static func notes(_ result: SelectionResult, _ explanations: ExplanationReport?, _ diagnosis: Diagnosis?) -> [String] {
        let messages: [Message] = result.context.adjustments + result.context.messages + result.notes
            + (explanations?.notes ?? []) + (diagnosis?.notes ?? [])
        return messages.map(\.description)
    }

    /// How many conflicts the text and markdown reports show before counting the rest.
    static let shownConflicts = 50

    /// Conflicts for people: the diagnosis when there is one, else the pre-checks.
    static func conflicts(_ result: SelectionResult, _ diagnosis: Diagnosis?) -> [ConflictReport] {
        diagnosis?.conflicts ?? result.preCheckFailures.map { ConflictReport(rules: $0.rules, message: $0.message, references: $0.references) }
    }

    static func repairLine(_ repair: Repair) -> String {
        repair.steps.map { "\($0.rule): \($0.bound.rawValue) \($0.from) → \($0.to)" }.joined(separator: "; ")
    }

    static func statusLine(_ result: SelectionResult) -> String {
        switch result.status {
        case .optimal:
            return term(result.objective == .rankSum ? "optimal (proved optimal: no panel meeting the rules has a lower rank sum)" : "optimal (proved optimal, level by level)")
        case .timeLimit:
            return term("time limit reached: best panel found, optimality not proved") + (result.bound.map { phrase(" (bound {bound})", ["bound": .text(format($0))]) } ?? "")
        case .infeasible:
            return term("infeasible: no panel meets every rule")
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func objectiveLine(_ result: SelectionResult) -> String {
        switch result.objective {
        case .rankSum, .lottery: return phrase("rank-sum, minimise the sum of the seated nominees' ranks: {value}", ["value": .text(result.objectiveSummary)])
        case .lexicographic: return phrase("lexicographic, most first choices, then second, …: {value} (rank sum {sum})", ["value": .text(result.objectiveSummary), "sum": .text(result.rankSum.map(String.init) ?? term("none"))])
        }
    }

    /// Keyed by English (what code looks lines up by); a renderer puts each key in words as it draws it.
    static func headerLines(_ result: SelectionResult) -> [(String, String)] {
        let p = Provenance(input: result.input)
        return [
            ("Body", p.body),
            ("Mode", term(result.mode == .coordinated ? "coordinated (MAG-style: one choice across all groups)" : "independent (IGC-style: each group fills its own seats)")),
            ("Status", statusLine(result)),
            ("Objective", objectiveLine(result)),
        ] + (heldSeats(result).map { [("Held seats", $0)] } ?? []) + [
            ("Seed", "\(result.seed) (\(term(result.seedSource == .default ? "default; set tie_break.seed or --seed" : result.seedSource == .policy ? "from the policy" : "from the command line")))"),
            ("Nominations", "\(p.nominations)\(result.input.nominationsSheet.map { phrase(", sheet {sheet}", ["sheet": .text(Quote.value($0))]) } ?? "") (sha256 \(p.nominationsSHA256))"),
            ("Policy", "\(p.policy) (sha256 \(p.policySHA256))"),
            ("Tool", "seatwise \(p.toolVersion), GLPK \(p.glpkVersion)"),
        ] + (Catalogue.current.language == "en" ? [] : [("Language", Catalogue.current.language)])
    }

    static func bounds(_ row: QuotaRow) -> String {
        switch (row.min, row.max) {
        case let (min?, max?) where min == max: return "= \(min)"
        case let (min?, max?): return "\(min)–\(max)"
        case let (min?, nil): return "≥ \(min)"
        case let (nil, max?): return "≤ \(max)"
        default: return term("any")
        }
    }

    static func verdict(_ q: QuotaOutcome, hasPanel: Bool) -> String {
        Words.verdict(hasPanel ? q.verdict : .notSolved)
    }

    /// One line of a quota table: the words, and the judgement they word (nil for a summary of many
    /// rows that mixes verdicts, or an audit's unverified quota), which decides how a format marks it.
    struct QuotaLine {
        var rule: String
        var bound: String
        var count: String
        var verdict: String
        /// True: every row met; false: some row broken; nil: not judged (not solved, not verified).
        var met: Bool?
        /// An audit's quota it could not verify.
        var unverified = false
        /// The policy's quota (0-based) the line belongs to.
        var quota: Int? = nil
        /// The row the line states; nil for a summary of a quota's many rows.
        var row: QuotaRow? = nil

        /// What the line is about, whatever its words: a quota's summary, or one of its rows.
        struct Key: Hashable { var quota: Int?, group: String?, values: [String]? }
        var key: Key { Key(quota: quota, group: row?.group, values: row?.values) }
    }

    /// Quotas for people: each row, except that a quota expanding into many rows (a cap per country,
    /// say) is summarised in one line, with its violated rows still listed one by one.
    static func quotaLines(_ result: SelectionResult) -> [QuotaLine] {
        quotaLines(result.quotas, policy: result.policy, hasPanel: result.status != .infeasible)
    }

    static func quotaLines(_ quotas: [QuotaOutcome], policy: Policy, hasPanel: Bool) -> [QuotaLine] {
        var lines: [QuotaLine] = []
        func judged(_ q: QuotaOutcome) -> Bool? { hasPanel && q.verdict != .notSolved ? q.verdict.isMet : nil }
        var byQuota: [Int: [QuotaOutcome]] = [:]
        for q in quotas { byQuota[q.row.quotaIndex, default: []].append(q) }
        for index in byQuota.keys.sorted() {
            let rows = byQuota[index]!
            if rows.count <= 6 {
                for q in rows {
                    lines.append(QuotaLine(rule: q.row.label, bound: bounds(q.row), count: hasPanel ? "\(q.count)" : "–", verdict: verdict(q, hasPanel: hasPanel),
                                           met: judged(q), quota: index, row: q.row))
                }
                continue
            }
            let first = rows[0].row
            let scope = policy.quotas.first { $0.index == index }?.scope.words ?? first.scopeName
            let bound = Set(rows.map { bounds($0.row) }).count == 1 ? bounds(first) : term("varies")
            let rule = first.places
                ? phrase("places rule: each person takes at most {most#place} ({people#person|people} applied for more)", ["most": .number(first.max ?? 1), "people": .number(rows.count)])
                : phrase("quota {number}: {attribute}, each value separately, in {scope} ({values#value})",
                         ["number": .number(index + 1), "attribute": .text(Words.attribute(first.attribute)), "scope": .text(scope), "values": .number(rows.count)])
            if !hasPanel { lines.append(QuotaLine(rule: rule, bound: bound, count: "–", verdict: Words.verdict(.notSolved), met: nil, quota: index)); continue }
            let broken = rows.filter { !$0.satisfied }
            let atLimit = rows.filter { $0.satisfied && $0.atLimit }.count
            let verdictText = broken.isEmpty ? phrase("all met, {count} at their limit", ["count": .number(atLimit)])
                : phrase(broken.first!.enforced ? "{count} violated" : "{count} violated (not enforced)", ["count": .number(broken.count)])
            lines.append(QuotaLine(rule: rule, bound: bound, count: phrase("max {count}", ["count": .number(rows.map(\.count).max() ?? 0)]), verdict: verdictText, met: broken.isEmpty, quota: index))
            for q in broken {
                lines.append(QuotaLine(rule: "  " + q.row.label, bound: bounds(q.row), count: "\(q.count)", verdict: verdict(q, hasPanel: true), met: judged(q),
                                       quota: index, row: q.row))
            }
        }
        return lines
    }
}
