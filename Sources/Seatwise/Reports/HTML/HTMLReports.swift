// The HTML reports for select, explain, audit and compare: summary, composition, every quota against its
// band, each group's ranking, the tables and the explanations, in one self-contained page.

import Foundation

public enum HTMLReports {
    /// Quota rows worth drawing: all of a small quota; of a quota expanded into many values, the broken
    /// rows and a few at their limit, with a line saying what is left out.
    static func chartRows(_ quotas: [[QuotaOutcome]]) -> [(rows: [Int], summary: String?)] {
        guard let first = quotas.first else { return [] }
        var byQuota: [Int: [Int]] = [:]
        for (k, q) in first.enumerated() { byQuota[q.row.quotaIndex, default: []].append(k) }
        return byQuota.keys.sorted().map { index in
            let rows = byQuota[index]!
            if rows.count <= 6 { return (rows, nil) }
            let broken = rows.filter { k in quotas.contains { $0[k].verdict.isBroken } }
            let limit = rows.filter { k in !broken.contains(k) && quotas.contains { $0[k].atLimit } }.prefix(max(0, 6 - broken.count))
            let shown = broken + limit
            let q = first[rows[0]].row
            let what = q.places ? phrase("places rule (each person takes at most {most#place}): {people#person|people} applied for more", ["most": .number(q.max ?? 1), "people": .number(rows.count)])
                : phrase("quota {number} ({attribute}, each value separately): {count} values", ["number": .number(index + 1), "attribute": .text(Words.attribute(q.attribute)), "count": .number(rows.count)])
            return (shown, what + phrase("; {broken} broken, {shown} shown", ["broken": .number(broken.count), "shown": .number(shown.count)]))
        }
    }

    static func quotaChart(_ quotas: [[QuotaOutcome]], series: [(label: String, color: String)]) -> String {
        var rows: [[HTML.Cell]] = []
        for group in chartRows(quotas) {
            if let summary = group.summary { rows.append([.text(summary), .text(""), .text("")]) }
            for k in group.rows {
                let row = quotas[0][k].row
                // A series with nothing solved draws no count and states no verdict but "not solved".
                let counts = quotas.enumerated().filter { $0.element[k].verdict != .notSolved }
                    .map { (count: $0.element[k].count, color: series[$0.offset].color, label: series[$0.offset].label) }
                let verdicts = quotas.enumerated().map { s, q in
                    let v = q[k].verdict
                    return "<span class=\"\(v.isMet ? "ok" : v.isBroken ? "bad" : "muted")\">\(HTML.escape(series.count > 1 ? "\(term(series[s].label)): " : ""))\(HTML.escape(Words.verdict(v)))</span>"
                }.joined(separator: "<br>")
                rows.append([.text(row.label), .markup(SVGChart.band(row: row, counts: counts)), .markup(verdicts)])
            }
        }
        let legend = "<p class=\"legend\"><span><i class=\"swatch\" style=\"background:#dbe7f5\"></i>\(HTML.escape(term("allowed band")))</span>"
            + series.map { "<span><i class=\"swatch\" style=\"background:\($0.color)\"></i>\(HTML.escape(term($0.label)))</span>" }.joined()
            + "<span>\(HTML.escape(term("solid line: minimum; dashed: maximum")))</span></p>\n"
        return legend + HTML.table(["Rule", "Count against the band", "Verdict"], rows, id: "quota-chart")
    }

    static func composition(_ members: [Nominee], attributes: [String]) -> String {
        attributes.map { "<h3>\(HTML.escape(term($0.capitalized)))</h3>" + SVGChart.composition(attribute: $0, parts: SVGChart.parts(members, $0)) }.joined(separator: "\n")
    }

    static func provenance(_ result: SelectionResult) -> [(String, String)] {
        SelectionReport.headerLines(result).filter { $0.0 != "Body" && $0.0 != "Status" }
    }

    // MARK: - select and explain

    /// A round's outcome as a page; `nomineeLink` gives each member's ID a link (the workbench).
    public static func selection(_ outcome: RoundOutcome, nomineeLink: (@Sendable (String) -> String)? = nil) -> String {
        var (result, explanations, diagnosis) = (outcome.result, outcome.explanations, outcome.diagnosis)
        if let view = outcome.publicView {
            // As every public format: only the seated named.
            explanations = explanations.map { view.apply(to: $0, of: result) }
            diagnosis = diagnosis.map { view.apply(to: $0, of: result) }
            result = view.apply(to: result)
        }
        return selection(result, explanations: explanations, diagnosis: diagnosis, publicView: outcome.publicView,
                         nomineeLink: nomineeLink, alternates: outcome.alternates, difference: outcome.difference)
    }

    public static func selection(_ result: SelectionResult, explanations: ExplanationReport? = nil, diagnosis: Diagnosis? = nil,
                                 publicView: PublicView? = nil, nomineeLink: (@Sendable (String) -> String)? = nil, alternates: Alternates? = nil,
                                 replacement: Replacement? = nil, difference: WhatIf? = nil) -> String {
        let sections = SelectionSections(result, explanations: explanations, diagnosis: diagnosis, publicView: publicView, nomineeLink: nomineeLink,
                                         alternates: alternates, difference: difference)
        let members = result.seated.map { result.input.nominees[$0] }
        var body = ""
        let solved = result.status != .infeasible
        let counts = SummaryCounts(members, policy: result.policy)
        body += HTML.cards([
            (result.status == .infeasible ? term("No panel") : "\(members.count)", result.status == .infeasible ? "the rules cannot all be met" : "members seated"),
            (term(result.status.rawValue.replacingOccurrences(of: "_", with: " ")), "status"),
        ] + (publicView != nil ? [] : [
            (result.objectiveSummary.count > 24 ? String(result.objectiveSummary.prefix(22)) + "…" : result.objectiveSummary, phrase("objective ({kind})", ["kind": .text(result.objective.rawValue)])),
        ]) + [
            solved ? counts.genderCard : ("–", counts.genderCard.label),
            (solved ? "\(counts.regions)" : "–", "UN regional groups represented"),
            solved ? ("\(result.quotas.filter { $0.verdict.isBroken }.count)", "quota rows not met") : (Words.verdict(.notSolved), "quota rows"),
        ])
        if !sections.adjustments.isEmpty {
            body += HTML.section("Adjustments", HTML.list(sections.adjustments), id: "adjustments")
        }
        if let replacement { body += HTML.section("Replacement", HTML.list(replacement.lines), id: "replacement") }
        if !sections.difference.isEmpty { body += HTML.section(SelectionSections.differenceTitle, HTML.list(sections.difference), id: "difference") }
        if !sections.hasPanel {
            var content = "<ol>"
            for conflict in sections.conflicts {
                content += "<li><p>\(HTML.escape(conflict.message))</p>" + HTML.list(conflict.rules) + "</li>"
            }
            content += "</ol>"
            if let first = sections.repairs.first {
                content += "<h3>\(HTML.escape(term("Smallest repair (by declared priorities)")))</h3><p>\(HTML.escape(first))</p>"
                for alternative in sections.repairs.dropFirst() { content += "<p class=\"muted\">\(HTML.escape(term("Alternative: ")))\(HTML.escape(alternative))</p>" }
                if !sections.repairSize.isEmpty {
                    content += "<h3>\(HTML.escape(term(SelectionSections.repairSizeTitle)))</h3><ol>"
                    for c in sections.repairSize { content += "<li><p>\(HTML.escape(c.message))</p>" + HTML.list(c.rules) + "</li>" }
                    content += "</ol>"
                }
            }
            body += HTML.section("Why no panel exists", content, id: "diagnosis")
        } else {
            body += HTML.section("Composition", composition(members, attributes: ["gender", "region", "development"]), id: "composition")
        }
        // The chart shows each count against its allowed band; the table gives every verdict in words.
        body += HTML.section("Quotas", quotaChart([result.quotas], series: [("panel", "#1f5fa8")]), id: "quotas")
        if sections.hasPanel {
            let chart = SVGChart.ranking(groups: result.groups.map { ($0.group, $0.seats, [$0.topChoicesSeated]) }, series: [("seated from the group's top choices", "#1f5fa8")])
            if let bodies = sections.bodies { body += HTML.section("Bodies", HTML.table(bodies, id: "bodies-table"), id: "bodies") }
            body += HTML.section("Seats and each group's ranking", chart + HTML.table(sections.seats), id: "groups")
            body += HTML.section("The panel", HTML.table(sections.panel, id: "panel"), id: "members")
            if let alternates = sections.alternates {
                body += HTML.section("Alternates (who could take each seat, everyone else staying)", HTML.table(alternates, id: "alternates-table"), id: "alternates")
            }
            if let reserve = sections.reserve { body += HTML.section("Reserve list", HTML.table(reserve, id: "reserve-table"), id: "reserve") }
            if let history = sections.history { body += HTML.section(sections.historyTitle, HTML.table(history, id: "history-table"), id: "history") }
        }
        if let outside = sections.outside { body += HTML.section(sections.outsideTitle, HTML.table(outside, id: "outside-table"), id: "outside") }
        if let table = sections.explanations {
            var content = HTML.table(table, id: "explanations")
            if !sections.prices.isEmpty { content += "<h3>\(HTML.escape(term("What each quota at its limit costs")))</h3>" + HTML.list(sections.prices) }
            if !sections.deviations.isEmpty { content += "<h3>\(HTML.escape(term("Each group's ranking")))</h3>" + HTML.list(sections.deviations.map(\.message)) }
            body += HTML.section("Why each nominee is in or out", content, id: "explanations-section")
        }
        if !sections.notes.isEmpty { body += HTML.section("Notes", HTML.list(sections.notes), id: "notes") }
        for repaired in sections.repaired {
            body += HTML.section("The best panel under the smallest repair", HTML.table(repaired.panel), id: "repaired")
        }
        if let view = publicView {
            return HTML.page(title: result.policy.body, subtitle: view.headline, body: body,
                             provenance: provenance(result), madeAt: view.madeAt)
        }
        let subtitle = term(result.mode == .coordinated ? "Selection round, coordinated (MAG-style)" : "Selection round, independent (IGC-style)") + " — \(SelectionReport.statusLine(result))"
        return HTML.page(title: result.policy.body, subtitle: subtitle, body: body, provenance: provenance(result))
    }

    // MARK: - audit

    public static func audit(_ audit: AuditResult, publicView: PublicView? = nil) -> String {
        var body = ""
        let members = audit.roster.nominees
        let counts = SummaryCounts(members, policy: audit.policy)
        body += HTML.cards([("\(audit.size)", "members on the roster"), counts.genderCard,
                            ("\(counts.regions)", "UN regional groups represented"),
                            ("\(audit.quotas.filter { $0.verdict.isBroken }.count + audit.groups.filter { !$0.filled }.count)", "rules not met (seats and quota rows)")]
                           + (audit.unverified.isEmpty ? [] : [("\(audit.unverified.count)", "quotas not verified")]))
        body += HTML.section("Composition", composition(members, attributes: ["gender", "region", "development"]), id: "composition")
        let unverified = AuditReport.quotaLines(audit).filter(\.unverified)
            .map { "<p class=\"bad\">\(HTML.escape($0.rule)) (\(HTML.escape($0.bound))): \(HTML.escape($0.verdict))</p>" }.joined()
        body += HTML.section("Quotas", quotaChart([audit.quotas], series: [("roster", "#1f5fa8")]) + unverified, id: "quotas")
        let (header, rows) = AuditReport.shareTable(audit)
        body += HTML.section(AuditReport.sharesHeading(audit), HTML.table(header, rows.map { $0.map { .text($0) } }, numeric: Set(2..<header.count), id: "shares")
                             + audit.probabilityGuide.map { "<p class=\"muted\">\(HTML.escape($0.description))</p>" }.joined(), id: "shares-section")
        body += HTML.section("Seats", HTML.table(["Group", "Members", "Seats", "Verdict"], audit.groups.map {
            [.text($0.group), .text("\($0.seated)"), .text("\($0.seats)"), HTML.verdict($0.filled, AuditReport.seatVerdict($0))]
        }, numeric: [1, 2]), id: "seats")
        if !audit.notes.isEmpty { body += HTML.section("Notes", "<ul>" + audit.notes.map { "<li>\(HTML.escape($0.description))</li>" }.joined() + "</ul>", id: "notes") }
        return HTML.page(title: audit.policy.body, subtitle: publicView.map { _ in AuditReport.headline(audit) } ?? "Audit of a published roster", body: body,
                         provenance: AuditReport.headerLines(audit).filter { $0.0 != "Body" }, madeAt: publicView?.madeAt)
    }

    // MARK: - compare

    public static func comparison(_ c: Comparison, publicView: PublicView? = nil) -> String {
        var body = ""
        let ind = c.independent, coo = c.coordinated
        let counts = { (r: SelectionResult) in SummaryCounts(r.seated.map { r.input.nominees[$0] }, policy: r.policy) }
        let (gi, gc) = (counts(ind), counts(coo))
        func shown(_ r: SelectionResult, _ n: Int) -> String { r.status == .infeasible ? "–" : "\(n)" }
        var values = gi.genders.map(\.value)
        for v in gc.genders.map(\.value) where !values.contains(where: { AttributeKey.normalize($0) == AttributeKey.normalize(v) }) { values.append(v) }
        body += HTML.cards([
            ("\(ind.violations.count)", "quota rows the independent panel breaks"),
            ("\(coo.violations.count)", "quota rows the coordinated panel breaks"),
            // Each value counted on both sides (with no value named, each side lists its own, most common first).
            (values.map { "\(shown(ind, gi.count(of: $0))) → \(shown(coo, gc.count(of: $0)))" }.joined(separator: " · "),
             phrase("gender {values}, independent → coordinated", ["values": .text(values.map { Words.value("gender", $0) }.joined(separator: " · "))])),
            ("\(c.onlyIndependent.count)", "members who change"),
        ])
        let series = [("independent (IGC-style)", "#d9822b"), ("coordinated (MAG-style)", "#1f5fa8")]
        if ind.status != .infeasible && coo.status != .infeasible {
            body += HTML.section("Quotas: independent against coordinated", quotaChart([ind.quotas, coo.quotas], series: series), id: "quotas")
        }
        let chart = SVGChart.ranking(groups: c.groups.map { ($0.group, $0.seats, [$0.independentTopChoices, $0.coordinatedTopChoices]) }, series: series)
        let table = HTML.table(["Group", "Seats", "Rank sum, independent", "Rank sum, coordinated", "Cost of coordination", "Members replaced"],
                               c.groups.map { g in [.text(g.group), .text("\(g.seats)"), .text(g.independentRankSum.map(String.init) ?? "–"),
                                                    .text(g.coordinatedRankSum.map(String.init) ?? "–"), .text(g.cost.map { $0 == 0 ? term("none") : "+\($0)" } ?? "–"), .text("\(g.replaced)")] },
                               numeric: [1, 2, 3, 4, 5], id: "costs")
        body += HTML.section("What coordination costs each group in its own ranking", chart + table, id: "groups")
        let nominees = c.input.nominees
        let differ: [[HTML.Cell]] = c.onlyIndependent.map { i in [.text(nominees[i].group), .text("\(nominees[i].name) [\(nominees[i].id)]"), .text(term("independent only")), .text(Words.value("gender", nominees[i].gender)), .text(Words.value("region", nominees[i].region))] }
            + c.onlyCoordinated.map { i in [.text(nominees[i].group), .text("\(nominees[i].name) [\(nominees[i].id)]"), .text(term("coordinated only")), .text(Words.value("gender", nominees[i].gender)), .text(Words.value("region", nominees[i].region))] }
        if let missing = c.missingPanel {
            body += HTML.section("Members who differ", "<p>\(HTML.escape(missing))</p>", id: "differences")
        } else {
            body += HTML.section("Members who differ", HTML.table(["Group", "Nominee", "Seated by", "Gender", "Region"], differ, id: "differ"), id: "differences")
        }
        for (title, r, id) in [("Composition, independent", ind, "composition-independent"), ("Composition, coordinated", coo, "composition-coordinated")]
        where r.status != .infeasible {
            body += HTML.section(title, composition(r.seated.map { nominees[$0] }, attributes: ["gender", "region"]), id: id)
        }
        return HTML.page(title: c.input.policy.body,
                         subtitle: publicView?.headline ?? "Independent (IGC-style) and coordinated (MAG-style) selection on the same nominations",
                         body: body, provenance: provenance(coo).filter { $0.0 != "Mode" }, madeAt: publicView?.madeAt)
    }
}
