// Renders independent against coordinated selection (docs/guide/audit-and-compare.md, "Compare"; docs/reference.md, "compare") in every format.

public enum ComparisonReport {
    /// With `publicView` (`--public`): the time of the run and a plain headline first, the provenance
    /// last, and no nominee named whom neither way of choosing seats.
    public static func render(_ c: Comparison, format: ReportFormat, publicView: PublicView? = nil) throws -> String {
        var c = c
        if let view = publicView {
            c.independent = view.apply(to: c.independent)
            c.coordinated = view.apply(to: c.coordinated)
        }
        switch format {
        case .text:
            guard let view = publicView else { return text(c, header: header(c)) }
            return text(c, header: [("Made", view.madeAt), ("In short", view.headline)])
                + "\n\(term("Provenance"))\n" + header(c).map { "  - \(term($0.0)): \(VisibleText.oneLine($0.1))\n" }.joined()
        case .markdown:
            guard let view = publicView else { return markdown(c, header: header(c)) }
            return markdown(c, header: [("Made", view.madeAt), ("In short", view.headline)])
                + "\n## \(term("Provenance"))\n\n" + header(c).map { "- \(term($0.0)): \(MarkdownRenderer.cell($0.1))\n" }.joined()
        case .json:
            var document = ComparisonDocument(c)
            document.publicReport = publicView.map { SelectionDocument.Public(madeAt: $0.madeAt, headline: $0.headline, notSeated: []) }
            return try JSONReport.encode(document)
        case .csv: return csv(c)
        case .html: return HTMLReports.comparison(c, publicView: publicView)
        }
    }

    /// Every quota row under both modes: (label, bound, independent count and verdict, coordinated count and verdict).
    static func quotaRows(_ c: Comparison) -> [[String]] {
        let hasI = c.independent.status != .infeasible, hasC = c.coordinated.status != .infeasible
        let indLines = SelectionReport.quotaLines(c.independent.quotas, policy: c.input.policy, hasPanel: hasI)
        let cooLines = SelectionReport.quotaLines(c.coordinated.quotas, policy: c.input.policy, hasPanel: hasC)
        // Summarised lines of both modes line up unless one lists broken rows the other does not: a row
        // listed by one mode alone is met in the other (a summary lists only its broken rows).
        var rows: [[String]] = []
        var coo: [SelectionReport.QuotaLine.Key: SelectionReport.QuotaLine] = [:]
        for line in cooLines { coo[line.key] = line }
        var seen = Set<SelectionReport.QuotaLine.Key>()
        let met = Words.verdict(.met)
        for line in indLines {
            seen.insert(line.key)
            rows.append([line.rule, line.bound, line.count, line.verdict, coo[line.key]?.count ?? "–", coo[line.key]?.verdict ?? met])
        }
        for line in cooLines where !seen.contains(line.key) { rows.append([line.rule, line.bound, "–", met, line.count, line.verdict]) }
        return rows
    }

    static func groupRows(_ c: Comparison) -> [[String]] {
        c.groups.map { g in
            [g.group, "\(g.seats)", g.independentRankSum.map(String.init) ?? "–", g.coordinatedRankSum.map(String.init) ?? "–",
             g.cost.map { $0 == 0 ? term("none") : "+\($0)" } ?? "–", "\(g.replaced)",
             "\(g.independentTopChoices.map(String.init) ?? "–") → \(g.coordinatedTopChoices.map(String.init) ?? "–")"]
        }
    }

    static let groupHeader = ["Group", "Seats", "Rank sum, independent", "Rank sum, coordinated", "Cost", "Replaced", "Top choices seated"]
    static let quotaHeader = ["Rule", "Bound", "Independent", "Verdict", "Coordinated", "Verdict"]

    /// The header of a comparison: the coordinated header's provenance, with the objective of each mode.
    static func header(_ c: Comparison) -> [(String, String)] {
        SelectionReport.headerLines(c.coordinated).filter { $0.0 != "Mode" && $0.0 != "Status" }.map { key, value in
            guard key == "Objective" else { return (key, value) }
            let kind = c.input.policy.objective.rawValue
            return (key, phrase("{kind}; independent: {independent}; coordinated: {coordinated}",
                                ["kind": .text(kind), "independent": .text(c.independent.objectiveSummary), "coordinated": .text(c.coordinated.objectiveSummary)]))
        }
    }

    static func differences(_ c: Comparison) -> [[String]] {
        let n = c.input.nominees
        return c.onlyIndependent.map { [n[$0].group, n[$0].id, n[$0].name, term("independent only"), Words.value("gender", n[$0].gender), Words.value("region", n[$0].region)] }
            + c.onlyCoordinated.map { [n[$0].group, n[$0].id, n[$0].name, term("coordinated only"), Words.value("gender", n[$0].gender), Words.value("region", n[$0].region)] }
    }

    static func text(_ c: Comparison, header: [(String, String)]) -> String {
        var out = term("Seatwise comparison: independent (IGC-style) and coordinated (MAG-style)") + "\n"
        let keys = (header.map(\.0) + ["Independent", "Coordinated"]).map(term)
        let width = max(12, keys.map(\.count).max() ?? 0)
        func key(_ k: String) -> String { term(k).padding(toLength: width, withPad: " ", startingAt: 0) }
        for (k, v) in header { out += "  \(key(k)) \(VisibleText.oneLine(v))\n" }
        out += "  \(key("Independent")) \(SelectionReport.statusLine(c.independent))\(c.independent.status == .infeasible ? "" : phrase("; breaks {count#body-wide quota row}", ["count": .number(c.independent.violations.count)]))\n"
        out += "  \(key("Coordinated")) \(SelectionReport.statusLine(c.coordinated))\n"
        out += "\n\(term("Quotas"))\n"
        var quotas = TextTable(quotaHeader)
        for row in quotaRows(c) { quotas.add(row) }
        out += quotas.render()
        out += "\n\(term("What coordination costs each group in its own ranking"))\n"
        var groups = TextTable(groupHeader)
        for row in groupRows(c) { groups.add(row) }
        out += groups.render()
        if let missing = c.missingPanel {
            out += "\n\(term("Members who differ"))\n  \(missing)\n"
            return out
        }
        out += "\n" + phrase("Members who differ ({count} replaced)", ["count": .number(c.onlyIndependent.count)]) + "\n"
        var differ = TextTable(["Group", "ID", "Name", "Seated by", "Gender", "Region"])
        for row in differences(c) { differ.add(row) }
        out += c.onlyIndependent.isEmpty && c.onlyCoordinated.isEmpty ? "  (\(term("none: both ways choose the same panel")))\n" : differ.render()
        return out
    }

    static func markdown(_ c: Comparison, header: [(String, String)]) -> String {
        let cell = MarkdownRenderer.cell
        func table(_ header: [String], _ rows: [[String]]) -> String {
            "| " + header.map { cell(term($0)) }.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
                + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |\n" }.joined()
        }
        var out = "# \(cell(term("Independent and coordinated selection"))): \(cell(c.input.policy.body))\n\n"
        for (k, v) in header { out += "- **\(cell(term(k)))**: \(cell(v))\n" }
        out += "- **\(term("Independent"))**: \(cell(SelectionReport.statusLine(c.independent)))\(c.independent.status == .infeasible ? "" : cell(phrase("; breaks {count#body-wide quota row}", ["count": .number(c.independent.violations.count)])))\n"
        out += "- **\(term("Coordinated"))**: \(cell(SelectionReport.statusLine(c.coordinated)))\n"
        out += "\n## \(term("Quotas"))\n\n" + table(quotaHeader, quotaRows(c))
        out += "\n## \(term("What coordination costs each group"))\n\n" + table(groupHeader, groupRows(c))
        if let missing = c.missingPanel { return out + "\n## \(term("Members who differ"))\n\n\(MarkdownRenderer.cell(missing))\n" }
        out += "\n## \(term("Members who differ"))\n\n" + table(["Group", "ID", "Name", "Seated by", "Gender", "Region"], differences(c))
        return out
    }

    static func csv(_ c: Comparison) -> String {
        var out = CSVCell.row(["group", "id", "name", "gender", "country", "region", "development", "independent", "coordinated"]
                              + CSVCell.provenanceHeader)
        let provenance = CSVCell.provenance(body: c.input.policy.body, mode: "compare", objective: c.input.policy.objective.rawValue,
                                            seed: c.coordinated.seed, nominations: c.input.nominations.sha256, policy: c.input.policyFile.sha256)
        let a = Set(c.independent.seated), b = Set(c.coordinated.seated)
        for i in c.input.nominees.indices where a.contains(i) || b.contains(i) {
            let n = c.input.nominees[i]
            out += CSVCell.row([n.group, n.id, n.name, n.gender, n.country, n.region, n.development, a.contains(i) ? "seated" : "",
                                b.contains(i) ? "seated" : ""] + provenance)
        }
        return out
    }
}

struct ComparisonDocument: Encodable {
    struct Cost: Encodable {
        var group: String, seats: Int
        var independentRankSum, coordinatedRankSum, cost, independentTopChoices, coordinatedTopChoices: Int?
        var replaced: Int
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(group, forKey: .group); try c.encode(seats, forKey: .seats)
            try c.encode(independentRankSum, forKey: .independentRankSum); try c.encode(coordinatedRankSum, forKey: .coordinatedRankSum)
            try c.encode(cost, forKey: .cost); try c.encode(independentTopChoices, forKey: .independentTopChoices)
            try c.encode(coordinatedTopChoices, forKey: .coordinatedTopChoices); try c.encode(replaced, forKey: .replaced)
        }
        enum Keys: String, CodingKey { case group, seats, independentRankSum, coordinatedRankSum, cost, independentTopChoices, coordinatedTopChoices, replaced }
    }
    struct Differences: Encodable { var onlyIndependent: [String], onlyCoordinated: [String] }

    var tool: SelectionDocument.Tool
    var body: String
    var mode = "compare"
    var inputs: SelectionDocument.Inputs
    var independent: SelectionDocument
    var coordinated: SelectionDocument
    var differences: Differences
    var groups: [Cost]
    /// Set in a public report (`--public`), null otherwise.
    var publicReport: SelectionDocument.Public?

    enum CodingKeys: String, CodingKey {
        case tool, body, mode, inputs, independent, coordinated, differences, groups
        case publicReport = "public"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tool, forKey: .tool); try c.encode(body, forKey: .body); try c.encode(mode, forKey: .mode)
        try c.encode(inputs, forKey: .inputs); try c.encode(independent, forKey: .independent); try c.encode(coordinated, forKey: .coordinated)
        try c.encode(differences, forKey: .differences); try c.encode(groups, forKey: .groups); try c.encode(publicReport, forKey: .publicReport)
    }

    init(_ c: Comparison) {
        independent = SelectionDocument(c.independent)
        coordinated = SelectionDocument(c.coordinated)
        tool = coordinated.tool
        body = coordinated.body
        inputs = coordinated.inputs
        let ids = c.input.nominees.map(\.id)
        differences = Differences(onlyIndependent: c.onlyIndependent.map { ids[$0] }, onlyCoordinated: c.onlyCoordinated.map { ids[$0] })
        groups = c.groups.map { Cost(group: $0.group, seats: $0.seats, independentRankSum: $0.independentRankSum, coordinatedRankSum: $0.coordinatedRankSum,
                                     cost: $0.cost, independentTopChoices: $0.independentTopChoices, coordinatedTopChoices: $0.coordinatedTopChoices,
                                     replaced: $0.replaced) }
    }
}
