// The files a study writes (docs/guide/research.md, "What a study writes"): pools.csv (one row per pool × variant × mode),
// summary.json (every statistic), report.md and report.html (tables, SVG charts and the method paragraph
// that makes the study reproducible and citable).

import Foundation

public enum StudyReport {
    static func share(_ s: Double?) -> String { s.map { String(format: "%.0f%%", $0 * 100) } ?? "the shape's own" }
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.2f", x)
    }
    /// Full precision (the shortest text that reads back as the same number), so pools.csv recomputes exactly.
    static func fixed(_ x: Double?) -> String { x.map { String($0) } ?? "" }

    // MARK: pools.csv

    public static func poolsCSV(_ study: StudyResult) -> String {
        let header = ["setting", "women_share", "pool", "pool_seed", "variant", "mode", "status", "seats", "women", "regions_covered",
                      "smallest_region", "weog_share", "rank_sum", "rules_broken"] + study.groups.map { "cost[\($0)]" }
        var out = CSVCell.row(header)
        for r in study.rows {
            let cells: [String] = [String(r.setting + 1), r.womenShare.map { String($0) } ?? "", String(r.pool + 1), String(r.poolSeed), r.variant, r.mode.rawValue,
                                   r.status.rawValue, String(r.seats), r.women.map(String.init) ?? "", r.regionsCovered.map(String.init) ?? "",
                                   r.smallestRegion.map(String.init) ?? "", fixed(r.weogShare), r.rankSum.map(String.init) ?? "",
                                   r.rulesBroken.map(String.init) ?? ""]
            out += CSVCell.row(cells + r.groupCosts.map { $0.map(String.init) ?? "" })
        }
        return out
    }

    // MARK: summary.json

    struct SpreadDoc: Encodable { var median: Double, p5: Double, p95: Double }
    struct CellDoc: Encodable {
        var setting: Int, womenShare: Double?, variant: String, mode: String, pools: Int, infeasible: Int, infeasibleRate: Double
        var measures: [String: SpreadDoc]
        var groupCost: [GroupCostDoc]
    }
    struct GroupCostDoc: Encodable { var group: String, median: Double? }
    struct DifferenceDoc: Encodable {
        var setting: Int, womenShare: Double?, variant: String, measure: String, pairs: Int, mean: Double, low: Double?, high: Double?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(setting, forKey: .setting); try c.encode(womenShare, forKey: .womenShare); try c.encode(variant, forKey: .variant)
            try c.encode(measure, forKey: .measure); try c.encode(pairs, forKey: .pairs); try c.encode(mean, forKey: .mean)
            try c.encode(low, forKey: .low); try c.encode(high, forKey: .high)
        }
        enum Keys: String, CodingKey { case setting, womenShare, variant, measure, pairs, mean, low, high }
    }
    struct SummaryDoc: Encodable {
        var tool: SelectionDocument.Tool
        var spec: String, specSha256: String
        /// The policy every pool was solved under (null: each pool's generated one), and its hash; the real
        /// nominations resampled, and theirs.
        var policy: String?, policySha256: String?, nominations: String?, nominationsSha256: String?
        var pools: Int, seed: UInt64, settings: [Double?], variants: [String], modes: [String], runs: Int, seconds: Double
        var bootstrap: [String: UInt64]
        var percentiles: String
        var cells: [CellDoc]
        /// Coordinated minus independent, pool by pool.
        var differences: [DifferenceDoc]
        var method: String
    }

    public static func summaryJSON(_ study: StudyResult, _ summary: StudySummary) throws -> String {
        let spec = study.spec
        let doc = SummaryDoc(
            tool: .init(name: "seatwise", version: SeatwiseTool.version, glpk: SeatwiseTool.glpkVersion), spec: spec.path, specSha256: spec.sha256,
            policy: spec.policy, policySha256: study.policySha256, nominations: study.nominationsPath, nominationsSha256: study.nominationsSha256,
            pools: spec.count, seed: spec.seed, settings: spec.womenShares, variants: spec.variants.map(\.name), modes: spec.modes.map(\.rawValue),
            runs: study.rows.count, seconds: study.seconds,
            bootstrap: ["resamples": UInt64(spec.bootstrapResamples), "seed": spec.bootstrapSeed], percentiles: "linear interpolation between order statistics (numpy's default)",
            cells: summary.cells.map { c in
                CellDoc(setting: c.setting + 1, womenShare: spec.womenShares[c.setting], variant: c.variant, mode: c.mode.rawValue, pools: c.pools,
                        infeasible: c.infeasible, infeasibleRate: c.infeasibleRate,
                        measures: Dictionary(uniqueKeysWithValues: c.spreads.map { ($0.key.rawValue, SpreadDoc(median: $0.value.median, p5: $0.value.p5, p95: $0.value.p95)) }),
                        groupCost: zip(study.groups, c.groupCost).map { GroupCostDoc(group: $0, median: $1) })
            },
            differences: summary.differences.map {
                DifferenceDoc(setting: $0.setting + 1, womenShare: spec.womenShares[$0.setting], variant: $0.variant, measure: $0.measure.rawValue,
                              pairs: $0.pairs, mean: $0.mean, low: $0.low, high: $0.high)
            },
            method: method(study))
        return try JSONReport.encode(doc)
    }

    // MARK: method

    /// The paragraph a paper cites: tool, spec hash, seeds, how pools were made and how statistics were computed.
    public static func method(_ study: StudyResult) -> String {
        let spec = study.spec
        var pools: String
        let perSetting = spec.womenShares.count > 1 ? " per setting" : ""
        switch spec.source {
        case .generated(let shape, let seats, let perSeat, let knobs):
            let nominees = Swift.max(seats, Int((Double(seats) * perSeat).rounded()))
            var command = "seatwise generate --shape \(shape.rawValue) --seats \(seats) --nominees \(nominees)"
            if !knobs.regionWeights.isEmpty {
                command += " --region-weights '" + knobs.regionWeights.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "'"
            }
            for p in knobs.rankFirst { command += " --rank-first '\(p.value):\(p.strength)'" }
            let shares = spec.womenShares.compactMap { $0 }
            if shares.count == 1 { command += " --women-share \(shares[0])" } else if !shares.isEmpty { command += " --women-share S" }
            command += " --seed \(spec.seed)+k"
            pools = "\(Words.count(spec.count, "pool"))\(perSetting) were generated with `\(command)` for k = 0…\(spec.count - 1)"
            if shares.count > 1 { pools += " and S in {\(shares.map { String($0) }.joined(separator: ", "))}" }
            if let size = study.poolSize { pools += " (pools of \(size.nominees) nominees for \(size.seats) seats)" }
            if !shares.isEmpty { pools += "; each nominee is a woman with probability S (1.5% of the others non-binary), so a pool's share of women varies around S" }
        case .resampled(let file):
            pools = "\(Words.count(spec.count, "pool")) were resampled from \(file) (sha256 \(study.nominationsSha256 ?? "")): in each group, the continuing, required, ex officio and withdrawn members kept and the other nominees drawn with replacement, as many as there are, with SplitMix64 seeded \(spec.seed)+k for pool k, listed in their ranks' order"
        }
        let policy = spec.policy.map { "the policy \($0) (sha256 \(study.policySha256 ?? ""))" } ?? "each pool's own generated policy"
        // Each variant with what it changes, a sweep once with its range.
        var described: [String] = []
        var swept: Set<String> = []
        for v in spec.variants {
            if let base = v.sweepName {
                guard swept.insert(base).inserted else { continue }
                let steps = spec.variants.filter { $0.sweepName == base }
                let step = v.sweepStep!
                let changes = v.adjustments.dropLast().map(\.description) + v.off.map { "quota \($0) switched off" }
                described.append("\(base) (rule \(step.rule), \(step.side.rawValue) swept over \(steps.map { $0.sweepStep!.value }.joined(separator: ", "))"
                                 + (changes.isEmpty ? "" : "; " + changes.joined(separator: "; ")) + ")")
            } else {
                let changes = v.adjustments.map(\.description) + v.off.map { "quota \($0) switched off" }
                described.append("\(v.name) (" + (changes.isEmpty ? "the policy as it is" : changes.joined(separator: "; ")) + ")")
            }
        }
        let variants: String = described.joined(separator: ", ")
        let modes: String = spec.modes.map(\.rawValue).joined(separator: " and ")
        var parts: [String] = []
        parts.append("Study run with seatwise \(SeatwiseTool.version) (GLPK \(SeatwiseTool.glpkVersion)) on the specification \(spec.path) (sha256 \(spec.sha256)).")
        parts.append("\(pools).")
        parts.append("Each pool was solved exactly (integer programming, proved optimal, ties broken by the policy's seed) under \(policy) in \(Words.count(described.count, "variant")) (\(variants)) and in \(spec.modes.count == 1 ? "the mode" : "the modes") \(modes): \(Words.count(study.rows.count, "run")).")
        parts.append("Medians and 5th–95th percentiles are over the pools with a panel (linear interpolation between order statistics).")
        if spec.modes.count == 2 {
            parts.append("Differences are coordinated minus independent, pool by pool, over the pools where both modes have a panel; their 95% intervals are percentile-bootstrap intervals of the mean from \(spec.bootstrapResamples) resamples, drawn with SplitMix64 seeded \(spec.bootstrapSeed) afresh for each interval (each resample's i-th value is the difference at index next() mod n, n the pools with both panels in pool order), their ends the 2.5th and 97.5th percentiles of the resampled means; they are given only from \(StudySummary.minimumPairs) pools on.")
        }
        parts.append("A pool is infeasible when no panel meets the variant's rules.")
        return parts.joined(separator: " ")
    }

    // MARK: tables shared by markdown and HTML

    static func settingName(_ study: StudyResult, _ s: Int) -> String {
        study.spec.womenShares.count == 1 && study.spec.womenShares[0] == nil ? "all pools" : "women nominated \(share(study.spec.womenShares[s]))"
    }

    static func spreadText(_ s: Spread?, percent: Bool = false) -> String {
        guard let s else { return "–" }
        func f(_ x: Double) -> String { percent ? String(format: "%.0f%%", x * 100) : number(x) }
        return "\(f(s.median)) (\(f(s.p5))–\(f(s.p95)))"
    }

    static func cellTable(_ study: StudyResult, _ summary: StudySummary) -> (header: [String], rows: [[String]]) {
        let header = ["Setting", "Variant", "Mode", "Pools", "Infeasible"] + StudyMeasure.allCases.map { "\($0.title), median (5th–95th)" }
        let rows = summary.cells.map { c in
            [settingName(study, c.setting), c.variant, c.mode.rawValue, "\(c.pools)", "\(c.infeasible) (\(String(format: "%.0f%%", c.infeasibleRate * 100)))"]
                + StudyMeasure.allCases.map { spreadText(c.spreads[$0], percent: $0 == .weogShare) }
        }
        return (header, rows)
    }

    static func differenceTable(_ study: StudyResult, _ summary: StudySummary) -> (header: [String], rows: [[String]]) {
        let header = ["Setting", "Variant", "Measure", "Pools with both panels", "Coordinated − independent, mean", "95% interval"]
        let rows = summary.differences.map { d in
            let points = d.measure == .weogShare
            func f(_ x: Double) -> String { points ? String(format: "%+.1f points", x * 100) : String(format: "%+.2f", x) }
            let interval = d.low.flatMap { low in d.high.map { "\(f(low)) to \(f($0))" } } ?? "too few pools (under \(StudySummary.minimumPairs))"
            return [settingName(study, d.setting), d.variant, d.measure.title, "\(d.pairs)", f(d.mean), interval]
        }
        return (header, rows)
    }

    static func costTable(_ study: StudyResult, _ summary: StudySummary) -> (header: [String], rows: [[String]]) {
        let header = ["Setting", "Variant"] + study.groups
        let rows = summary.cells.filter { $0.mode == .coordinated && $0.groupCost.contains { $0 != nil } }.map { c in
            [settingName(study, c.setting), c.variant] + c.groupCost.map { $0.map { $0 == 0 ? "0" : String(format: "%+.1f", $0) } ?? "–" }
        }
        return (header, rows)
    }

    // MARK: report.md

    public static func markdown(_ study: StudyResult, _ summary: StudySummary) -> String {
        let cell = MarkdownRenderer.cell
        func table(_ t: (header: [String], rows: [[String]])) -> String {
            "| " + t.header.map(cell).joined(separator: " | ") + " |\n|" + t.header.map { _ in "---" }.joined(separator: "|") + "|\n"
                + t.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |\n" }.joined()
        }
        var out = "# Study: \(cell(study.spec.path))\n\n"
        out += "## Panels, per setting, variant and mode\n\nMedians over the pools with a panel, with the 5th and 95th percentiles.\n\n" + table(cellTable(study, summary))
        if !summary.differences.isEmpty {
            out += "\n## Coordinated against independent, pool by pool\n\n" + table(differenceTable(study, summary))
        }
        let costs = costTable(study, summary)
        if !costs.rows.isEmpty {
            out += "\n## What coordination costs each group\n\nThe median rise of each group's rank sum over its independent choice (0: its own top choices kept).\n\n" + table(costs)
        }
        for curve in curves(study, summary) { out += "\n## Cost of balance: \(cell(curve.title))\n\n" + table(curve.table) }
        out += "\n## Method\n\n\(method(study))\n"
        return out
    }

    // MARK: cost-of-balance curves (variants that sweep a bound)

    struct Curve {
        var title: String
        var table: (header: [String], rows: [[String]])
        /// Per setting and mode: (bound, median rank sum or nil, infeasible rate).
        var series: [(label: String, points: [(x: Double, y: Double?, infeasible: Double)])]
    }

    static func curves(_ study: StudyResult, _ summary: StudySummary) -> [Curve] {
        let swept = study.spec.variants.filter { $0.sweepStep != nil }
        var names: [String] = []
        for v in swept where !names.contains(v.sweepName ?? "") { names.append(v.sweepName ?? "") }
        return names.map { name in
            let steps = swept.filter { $0.sweepName == name }
            let step = steps[0].sweepStep!
            var rows: [[String]] = []
            var series: [(label: String, points: [(x: Double, y: Double?, infeasible: Double)])] = []
            for s in study.spec.womenShares.indices {
                for mode in study.spec.modes {
                    var points: [(x: Double, y: Double?, infeasible: Double)] = []
                    for (k, v) in steps.enumerated() {
                        guard let c = summary.cells.first(where: { $0.setting == s && $0.variant == v.name && $0.mode == mode }) else { continue }
                        let x = Double(v.sweepStep!.value.replacingOccurrences(of: "%", with: "")) ?? Double(k)
                        points.append((x, c.spreads[.rankSum]?.median, c.infeasibleRate))
                        rows.append([settingName(study, s), mode.rawValue, v.sweepStep!.value, spreadText(c.spreads[.rankSum]), spreadText(c.spreads[.women]),
                                     String(format: "%.0f%%", c.infeasibleRate * 100)])
                    }
                    series.append(("\(settingName(study, s)), \(mode.rawValue)", points.sorted { $0.x < $1.x }))
                }
            }
            return Curve(title: "\(name) (rule \(step.rule), \(step.side.rawValue))",
                         table: (["Setting", "Mode", "Bound", "Rank sum, median (5th–95th)", "Women, median (5th–95th)", "Infeasible"], rows), series: series)
        }
    }

    // MARK: report.html

    public static func html(_ study: StudyResult, _ summary: StudySummary) -> String {
        func table(_ t: (header: [String], rows: [[String]]), id: String) -> String {
            HTML.table(t.header, t.rows.map { $0.map { .text($0) } }, numeric: [], id: id)
        }
        var body = HTML.cards([("\(study.spec.count)", "pools per setting"), ("\(study.rows.count)", "runs, each solved exactly"),
                               ("\(study.spec.variants.count)", "policy variants"), (String(format: "%.1f s", study.seconds), "to run")])
        body += HTML.section("Women seated: the spread over pools", distributionChart(study, summary, measure: .women)
                             + "<p class=\"legend\">" + study.spec.modes.enumerated().map { k, mode in
                "<span><i class=\"swatch\" style=\"background:\(SVGChart.palette[k % SVGChart.palette.count])\"></i>\(mode.rawValue)</span>"
            }.joined() + "</p>"
            + "<p class=\"muted\">Each bar runs from the 5th to the 95th percentile over the pools with a panel; the dot is the median.</p>", id: "distributions")
        body += HTML.section("Panels, per setting, variant and mode", table(cellTable(study, summary), id: "cells"), id: "cells-section")
        if !summary.differences.isEmpty {
            body += HTML.section("Coordinated against independent, pool by pool", table(differenceTable(study, summary), id: "differences"), id: "differences-section")
        }
        let costs = costTable(study, summary)
        if !costs.rows.isEmpty {
            body += HTML.section("What coordination costs each group", "<p class=\"muted\">The median rise of each group's rank sum over its independent choice.</p>" + table(costs, id: "costs"), id: "costs-section")
        }
        for (k, curve) in curves(study, summary).enumerated() {
            body += HTML.section("Cost of balance: \(curve.title)", curveChart(curve) + table(curve.table, id: "curve-\(k + 1)"), id: "curve-section-\(k + 1)")
        }
        body += HTML.section("Method", "<p id=\"method\">\(HTML.escape(method(study)))</p>", id: "method-section")
        return HTML.page(title: "Study: \(study.spec.path)", subtitle: "Pools × policy variants × modes, each solved exactly", body: body,
                         provenance: [("Specification", "\(study.spec.path) (sha256 \(study.spec.sha256))"),
                                      ("Tool", "seatwise \(SeatwiseTool.version), GLPK \(SeatwiseTool.glpkVersion)")])
    }

    /// Per setting and variant, one bar per mode from the 5th to the 95th percentile, a dot at the median.
    static func distributionChart(_ study: StudyResult, _ summary: StudySummary, measure: StudyMeasure) -> String {
        let cells = summary.cells.filter { $0.spreads[measure] != nil }
        guard !cells.isEmpty else { return "<p>No pool has a panel.</p>" }
        let top = max(1, cells.map { $0.spreads[measure]!.p95 }.max()!)
        let rowHeight = 16.0, labelWidth = 330.0, width = 360.0
        let height = Double(cells.count) * rowHeight + 24
        // A viewBox, so that on a narrow screen the chart scales as a whole (labels included).
        let box = "0 0 \(Int(labelWidth + width + 40)) \(Int(height))"
        var out = "<svg class=\"study-chart\" role=\"img\" width=\"\(Int(labelWidth + width + 40))\" height=\"\(Int(height))\" viewBox=\"\(box)\"><title>\(HTML.escape(measure.title)) per setting, variant and mode</title>"
        for (k, c) in cells.enumerated() {
            let s = c.spreads[measure]!
            let y = Double(k) * rowHeight + 10
            let color = SVGChart.palette[(study.spec.modes.firstIndex(of: c.mode) ?? 0) % SVGChart.palette.count]
            func x(_ v: Double) -> Double { labelWidth + v / top * width }
            out += "<text x=\"0\" y=\"\(y + 4)\" font-size=\"11\">\(HTML.escape("\(settingName(study, c.setting)) · \(c.variant) · \(c.mode.rawValue)"))</text>"
            out += "<line x1=\"\(x(s.p5))\" x2=\"\(x(s.p95))\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"\(color)\" stroke-width=\"5\" opacity=\"0.5\"/>"
            out += "<circle cx=\"\(x(s.median))\" cy=\"\(y)\" r=\"4\" fill=\"\(color)\"/>"
            out += "<text x=\"\(x(s.p95) + 6)\" y=\"\(y + 4)\" font-size=\"10\">\(number(s.median))</text>"
        }
        out += "<text x=\"\(labelWidth)\" y=\"\(height - 2)\" font-size=\"10\">0</text><text x=\"\(labelWidth + width - 10)\" y=\"\(height - 2)\" font-size=\"10\">\(number(top))</text>"
        return out + "</svg>"
    }

    /// The median rank sum against the bound, one line per setting and mode; a step where most pools have
    /// no panel is left out of the line (its infeasible share is in the table below).
    static func curveChart(_ curve: Curve) -> String {
        let xs = curve.series.flatMap { $0.points.map(\.x) }, ys = curve.series.flatMap { $0.points.compactMap(\.y) }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return "" }
        let w = 480.0, h = 200.0, left = 50.0, top = 10.0
        func px(_ x: Double) -> Double { left + (x1 == x0 ? 0 : (x - x0) / (x1 - x0) * w) }
        func py(_ y: Double) -> Double { top + h - (y1 == y0 ? h / 2 : (y - y0) / (y1 - y0) * h) }
        var out = "<svg class=\"study-curve\" role=\"img\" width=\"\(Int(left + w + 240))\" height=\"\(Int(h + 40))\" viewBox=\"0 0 \(Int(left + w + 240)) \(Int(h + 40))\"><title>\(HTML.escape(curve.title)): median rank sum against the bound</title>"
        out += "<line x1=\"\(left)\" x2=\"\(left + w)\" y1=\"\(top + h)\" y2=\"\(top + h)\" stroke=\"#999\"/><line x1=\"\(left)\" x2=\"\(left)\" y1=\"\(top)\" y2=\"\(top + h)\" stroke=\"#999\"/>"
        out += "<text x=\"\(left)\" y=\"\(top + h + 14)\" font-size=\"10\">\(number(x0))</text><text x=\"\(left + w - 10)\" y=\"\(top + h + 14)\" font-size=\"10\">\(number(x1))</text>"
        out += "<text x=\"0\" y=\"\(top + 8)\" font-size=\"10\">\(number(y1))</text><text x=\"0\" y=\"\(top + h)\" font-size=\"10\">\(number(y0))</text>"
        for (k, s) in curve.series.enumerated() {
            let color = SVGChart.palette[k % SVGChart.palette.count]
            let points = s.points.filter { $0.y != nil && $0.infeasible < 0.5 }.map { "\(px($0.x)),\(py($0.y!))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            out += "<text x=\"\(left + w + 10)\" y=\"\(top + 12 + Double(k) * 14)\" font-size=\"11\" fill=\"\(color)\">\(HTML.escape(s.label))</text>"
        }
        return out + "</svg>"
    }
}
