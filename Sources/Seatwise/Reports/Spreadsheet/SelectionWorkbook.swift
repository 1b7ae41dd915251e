// A selection (select, explain) as a workbook: Panel (members with every attribute and why each is in),
// Quotas (every row, bound, count, verdict), Groups, Explanations when asked for, and Provenance.

extension ReportWorkbook {
    /// A round's outcome as a workbook (the renderer every surface calls).
    public init(outcome: RoundOutcome) {
        self.init(selection: outcome.result, explanations: outcome.explanations, diagnosis: outcome.diagnosis, publicView: outcome.publicView,
                  alternates: outcome.alternates, difference: outcome.difference)
    }

    public init(selection result: SelectionResult, explanations: ExplanationReport? = nil, diagnosis: Diagnosis? = nil, publicView: PublicView? = nil,
                alternates: Alternates? = nil, difference: WhatIf? = nil) {
        let sections = SelectionSections(result, explanations: explanations, diagnosis: diagnosis, publicView: publicView, alternates: alternates,
                                         difference: difference)
        var sheets = [Self.panel(result), Self.quotas(result.quotas, hasPanel: sections.hasPanel), Sheet("Groups", table: sections.seats)]
        if let table = sections.alternates { sheets.append(Sheet("Alternates", table: table)) }
        if let table = sections.reserve { sheets.append(Sheet("Reserve", table: table)) }
        if let table = sections.history { sheets.append(Sheet("History", table: table)) }
        if let table = sections.bodies { sheets.append(Sheet("Bodies", table: table)) }
        if let outside = sections.outside { sheets.append(Sheet("Not seated", table: outside)) }
        if let table = sections.explanations { sheets.append(Self.explanations(result, explanations, table: table)) }
        if !sections.conflicts.isEmpty || !sections.repairs.isEmpty {
            var diagnosisSheet = Sheet("Diagnosis", headers: ["Finding", "Rules"])
            for c in sections.conflicts { diagnosisSheet.add([.text(c.message), .text(c.rules.joined(separator: "; "))]) }
            for (k, r) in sections.repairs.enumerated() { diagnosisSheet.add([.text(term(k == 0 ? "Smallest repair: " : "Alternative: ") + r), .empty]) }
            for c in sections.repairSize { diagnosisSheet.add([.text("\(SelectionSections.repairSizeTitle): " + c.message), .text(c.rules.joined(separator: "; "))]) }
            sheets.append(diagnosisSheet)
        }
        sheets.append(Self.provenance(result, sections: sections))
        self.init(sheets)
    }

    static func panel(_ result: SelectionResult) -> Sheet {
        let custom = Array(Set(result.seated.flatMap { result.input.nominees[$0].attributes.keys })
            .subtracting(AttributeKey.builtIn)).sorted()
        let placed = result.seated.contains { result.input.nominees[$0].placement != nil }
        var sheet = Sheet("Panel", headers: ["Group", "ID", "Name", "Rank", "Gender", "Country", "Region", "Development", "Organization", "Status", "Terms"]
                          + (placed ? ["Person ID", "Seat's body", "Seat's role"] : [])
                          + custom.map { result.input.columnHeadings[$0] ?? $0 } + ["Reason", "Why"])
        let reasons = MemberReasons(result)
        for i in result.seated {
            let n = result.input.nominees[i]
            sheet.add([.text(n.group), .text(n.id), .text(n.name), .int(n.rank), .text(n.gender), .text(n.country), .text(n.region),
                       .text(n.development), .text(n.attributes["organization"] ?? ""), .text(n.status.rawValue), .int(n.terms)]
                      + (placed ? [.text(n.person), .text(n.body ?? ""), .text(n.role ?? "")] : [])
                      + custom.map { .text(n.attributes[$0] ?? "") }
                      + [.text(reasons.reasons[i].words), .text(reasons.sentence(i))])
        }
        return sheet
    }

    /// Every quota row on its own line (a spreadsheet filters; it need not summarise).
    static func quotas(_ quotas: [QuotaOutcome], hasPanel: Bool) -> Sheet {
        var sheet = Sheet("Quotas", headers: ["Quota", "Rule", "Attribute", "Values", "Scope", "Min", "Max", "Bound", "Count", "Verdict", "Enforced"])
        for q in quotas {
            sheet.add([.number(Double(q.row.quotaIndex + 1)), .text(q.row.label), .text(q.row.attribute), .text(q.row.values.joined(separator: ", ")),
                       .text(q.row.scopeName), .int(q.row.min), .int(q.row.max), .text(SelectionReport.bounds(q.row)),
                       hasPanel ? .number(Double(q.count)) : .empty, .text(SelectionReport.verdict(q, hasPanel: hasPanel)),
                       .text(term(q.enforced ? "yes" : "no"))])
        }
        return sheet
    }

    static func explanations(_ result: SelectionResult, _ report: ExplanationReport?, table: ReportTable) -> Sheet {
        guard let report else { return Sheet("Explanations", table: table) }
        let ids = result.input.nominees.map(\.id)
        var sheet = Sheet("Explanations", headers: ["Group", "ID", "Name", "Rank", "Decision", "Reason", "Δ objective", "Close call", "Would enter", "Would leave", "Why"])
        for e in report.explanations {
            let n = result.input.nominees[e.nominee]
            sheet.add([.text(n.group), .text(n.id), .text(n.name), .int(n.rank), .text(term(e.decision == .seated ? "seated" : "not seated")),
                       .text(e.reason.words), .int(e.delta), .text(term(e.closeCall ? "yes" : "no")),
                       .text(e.entering.map { ids[$0] }.joined(separator: " ")), .text(e.leaving.map { ids[$0] }.joined(separator: " ")), .text(e.message)])
        }
        return sheet
    }

    /// The header lines, each input's digest, the adjustments and the notes: what a reader needs to re-run it.
    static func provenance(_ result: SelectionResult, sections: SelectionSections) -> Sheet {
        var lines = provenanceLines(sections.header + sections.provenance, input: result.input)
        for adjustment in sections.adjustments { lines.append(("Adjustment", adjustment)) }
        for line in sections.difference { lines.append((SelectionSections.differenceTitle, line)) }
        for note in sections.notes { lines.append(("Note", note)) }
        for price in sections.prices { lines.append(("Quota price", price)) }
        return Sheet("Provenance", lines: lines)
    }

    /// A report's header lines for a Provenance sheet, each once: an input's name (and sheet) and its
    /// digest in cells of their own, everything else as the header gives it.
    static func provenanceLines(_ header: [(String, String)], input: SelectionInput) -> [(String, String)] {
        header.flatMap { line -> [(String, String)] in
            switch line.0 {
            case "Nominations": return [("Nominations", input.nominations.path + (input.nominationsSheet.map { phrase(", sheet {sheet}", ["sheet": .text(Quote.value($0))]) } ?? "")),
                                        ("Nominations SHA-256", input.nominations.sha256)]
            case "Policy": return [("Policy", input.policyFile.path), ("Policy SHA-256", input.policyFile.sha256)]
            default: return [line]
            }
        }
    }
}
