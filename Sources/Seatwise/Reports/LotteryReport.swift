// The report of `seatwise lottery`: every nominee's chance of a seat (table and chart), the proved minimum
// and the spread (Gini), the panels and their probabilities, the ticket lottery and the draw, and the
// chances a naive per-group lottery would give instead; in every format, JSON with the keys of docs/reference.md, "lottery".

import Foundation

public enum LotteryReport {
    /// `conflicts`: when no panel meets the rules, the diagnosis's conflicts in words.
    /// Panel places (panels × seats) up to which the JSON report is indented.
    static let indentedPlaces = 200_000

    public static func render(_ result: LotteryResult, draw: LotteryDraw?, format: ReportFormat, conflicts: [String] = []) throws -> String {
        switch format {
        case .json:
            var document = Document(result, draw)
            document.conflicts = conflicts
            return try JSONReport.encode(document, indented: result.distribution.reduce(0) { $0 + $1.panel.count } <= indentedPlaces)
        default: return sections(result, draw, conflicts: conflicts, chart: format == .html).render(format)
        }
    }

    /// Nominees in the policy's group order, the likeliest first within a group.
    static func order(_ result: LotteryResult) -> [Int] {
        let nominees = result.input.nominees
        let groups = Dictionary(result.policy.groups.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return nominees.indices.sorted {
            (groups[nominees[$0].group] ?? 0, -result.probabilities[$0], nominees[$0].id) < (groups[nominees[$1].group] ?? 0, -result.probabilities[$1], nominees[$1].id)
        }
    }

    static func percent(_ p: Double) -> String { String(format: "%.2f%%", p * 100) }

    static func standing(_ result: LotteryResult, _ i: Int) -> String {
        if result.unseatable.contains(i) { return term("no valid panel seats them") }
        switch result.context.standings[i] {
        case .free: return term("in the lottery")
        case .fixedIn(let rule): return phrase("seated ({why})", ["why": .text(term(rule == .decision ? "the coordinator's decision" : rule.rawValue.replacingOccurrences(of: "_", with: " ")))])
        case .fixedOut(let rule): return phrase("not in the lottery ({why})", ["why": .text(term(rule == .termLimited ? "term limit" : rule == .decision ? "excluded by the coordinator" : rule.rawValue.replacingOccurrences(of: "_", with: " ")))])
        }
    }

    public static func headline(_ result: LotteryResult) -> String {
        guard result.status != .infeasible else { return term("No panel meets the rules: there is nothing to draw from") }
        let n = result.eligible.count
        var text = phrase("{method}: every one of the {count} nominees who can be seated has at least a {chance} chance of a seat",
                          ["method": .text(result.method.rawValue), "count": .number(n), "chance": .text(percent(result.minimum))])
        text += result.status == .optimal ? term(" (proved the best any lottery over valid panels can give)")
            : phrase(" (the time limit ended the search: no lottery can give more than {bound})", ["bound": .text(percent(result.upperBound))])
        return text
    }

    /// With `chart`, every eligible nominee's chance drawn as a chart after the guarantee (HTML).
    /// The report's header lines: body, method, mode, status, the headline and provenance.
    static func header(_ result: LotteryResult) -> [(key: String, value: String)] {
        let input = result.input
        var header: [(key: String, value: String)] = [
            ("Body", result.policy.body),
            ("Method", "\(result.method.rawValue) (\(term(result.method == .leximin ? "the smallest chance as large as possible, then the next, and so on" : "the smallest chance as large as possible")))"),
            ("Mode", term(result.mode.rawValue)),
            ("Status", term(result.status.rawValue.replacingOccurrences(of: "_", with: " "))),
            ("In short", headline(result)),
            ("Nominations", "\(input.nominations.path) (sha256 \(input.nominations.sha256))"),
            ("Policy", "\(input.policyFile.path) (sha256 \(input.policyFile.sha256))"),
            ("Tool", "seatwise \(SeatwiseTool.version), GLPK \(SeatwiseTool.glpkVersion)"),
        ] + (Catalogue.current.language == "en" ? [] : [("Language", Catalogue.current.language)])
        if let sheet = input.nominations.sheet { header.insert(("Sheet", sheet), at: 6) }
        return header
    }

    public static func sections(_ result: LotteryResult, _ draw: LotteryDraw?, conflicts: [String] = [], chart drawn: Bool = false) -> SectionedReport {
        let nominees = result.input.nominees
        let header = Self.header(result)
        var sections: [SectionedReport.Section] = []
        guard result.status != .infeasible else {
            sections.append(.init("No valid panel: the rules that clash", conflicts.isEmpty ? .line(term("No panel meets every rule of the policy.")) : .bullets(conflicts)))
            return SectionedReport(kind: "Lottery", title: result.policy.body, subtitle: headline(result), header: header, sections: sections)
        }
        sections.append(.init("The guarantee", .bullets([
            phrase("Smallest chance among the {count} nominees who can be seated: {chance}; no lottery over panels that meet every rule can give more than {bound} (the pricing problem's bound, LP duality).",
                   ["count": .number(result.eligible.count), "chance": .text(percent(result.minimum)), "bound": .text(percent(result.upperBound))]),
            phrase("Spread of the chances (Gini): {gini} (0 = all equal).", ["gini": .text(String(format: "%.3f", result.gini))]),
            phrase("{panels#panel} carry the distribution (from {patterns#seat-count pattern} over {classes#class|classes} of nominees the rules cannot tell apart, {stages#stage}), each meeting ",
                   ["panels": .number(result.distribution.count), "patterns": .number(result.panelsGenerated), "classes": .number(result.classes), "stages": .number(result.stages)])
                + term(result.mode == .coordinated ? "every rule of the policy." : "every rule of its groups (body-wide rules are not enforced when each group chooses alone)."),
        ] + (result.certificate == nil ? [] : [term("The bound's proof is in the JSON report (its certificate): a weight for each nominee such that no panel that meets the rules weighs more than the bound; any integer-programming solver can check it.")])
          + (result.unseatable.isEmpty ? [] : [phrase("{count#nominee} can be seated in no panel that meets the rules: their chance is 0 by the rules, not by the lottery.", ["count": .number(result.unseatable.count)])]))))
        if drawn { sections.append(.init("Chances of a seat, lowest first", .markup(html: chart(result), otherwise: ""))) }
        var table = ReportTable(["Group", "ID", "Name", "Chance", "Per-group lottery", "Standing"], numeric: [3, 4])
        let naive = result.perGroupLottery
        let order = Self.order(result)
        for i in order {
            let n = nominees[i]
            table.add([n.group, n.id, n.name, percent(result.probabilities[i]), percent(naive[i]), standing(result, i)])
        }
        sections.append(.init("Every nominee's chance of a seat", .table(table)))
        if let rules = quotaTable(result, draw) { sections.append(.init("The rules over the lottery's panels", .table(rules))) }
        var levels = ReportTable(["Level", "Chance", "Nominees"], numeric: [0, 1, 2])
        for (k, l) in result.levels.enumerated() { levels.add(["\(k + 1)", percent(l.probability), "\(l.nominees)"]) }
        if result.method == .leximin { sections.append(.init("LEXIMIN levels (each proved the best given the ones before)", .table(levels))) }
        var panels = ReportTable(["Panel", "Probability", "Members"], numeric: [0, 1])
        for (k, d) in result.distribution.enumerated() {
            panels.add(["\(k + 1)", String(format: "%.6f", d.probability), d.panel.map { nominees[$0].id }.joined(separator: " ")])
        }
        sections.append(.init("The panels and their probabilities (canonical order: by the members' ids)", .table(panels)))
        // The tickets are what is drawn from: each range of tickets and the panel it seats, so that anyone
        // can find the drawn ticket's panel (the distribution's panels are rounded into these).
        if let draw {
            var tickets = ReportTable(["Tickets", "Members"], numeric: [])
            for e in draw.lottery {
                tickets.add([e.tickets == 1 ? "\(e.first)" : "\(e.first)–\(e.first + e.tickets - 1)", e.panel.map { nominees[$0].id }.joined(separator: " ")])
            }
            sections.append(.init("The tickets and the panel each seats (canonical order: by the members' ids)", .table(tickets)))
        }
        if let draw {
            var lines = [phrase("The distribution is rounded to a lottery of {tickets} tickets (largest remainders); rounding moves no one's chance by more than {change}; in the ticket lottery itself the smallest chance is {chance}.",
                                ["tickets": .number(draw.tickets), "change": .text(String(format: "%.4f", draw.largestChange)), "chance": .text(percent(draw.smallestChance(result)))])
                         + (draw.largestChange > 0.005 ? term(" That is more than half a percentage point: more tickets (--tickets) keep the chances closer to the guarantee.") : ""),
                         term("Each ticket seats the panel listed with it in the table of tickets; the tickets are numbered in canonical order.")]
            if let key = draw.key, let digest = draw.digest, let ticket = draw.ticket, let panel = draw.panel {
                lines += [phrase("Published values: {key} (RFC 3797's key: each source's numbers in ascending order, each followed by a full stop, each source by a slash).", ["key": .text(key)]),
                          phrase("MD5 of two zero bytes, the key and two zero bytes: {digest}; as a number modulo {tickets}, plus 1: ticket {ticket}.", ["digest": .text(digest), "tickets": .number(draw.tickets), "ticket": .number(ticket)]),
                          phrase("The panel drawn: {panel}.", ["panel": .text(panel.map { "\(nominees[$0].name) [\(nominees[$0].id)]" }.joined(separator: ", "))])]
            } else {
                lines.append(term("Not drawn yet: publish this report, then draw with the values published afterwards (--draw '…', or Draw values in the workbench)."))
            }
            sections.append(.init("The draw", .bullets(lines)))
        }
        let notes = (result.notes + result.context.adjustments).map(\.description) + result.context.noteWords
        if !notes.isEmpty { sections.append(.init("Notes", .bullets(notes))) }
        var csv = ReportTable(["group", "id", "name", "probability", "per_group_lottery", "standing"])
        for i in order { csv.add([nominees[i].group, nominees[i].id, nominees[i].name, String(format: "%.9f", result.probabilities[i]), String(format: "%.9f", naive[i]), standing(result, i)]) }
        return SectionedReport(kind: "Lottery", title: result.policy.body, subtitle: headline(result), header: header, sections: sections, csvTable: csv)
    }

    /// Each rule over the lottery's panels: the seats its values hold (expected, fewest–most), the worst
    /// verdict of any panel, and the drawn panel's count and verdict; nil when the policy has no quota.
    static func quotaTable(_ result: LotteryResult, _ draw: LotteryDraw?) -> ReportTable? {
        let outcomes = result.quotaOutcomes(drawn: draw?.panel)
        guard !outcomes.isEmpty else { return nil }
        var table = ReportTable(["Rule", "Bound", "Expected seats", "Fewest", "Most", "Every panel", "Drawn panel"], numeric: [2, 3, 4])
        for o in outcomes {
            let solved = o.verdict != .notSolved
            table.add([.init(o.row.label), .init(SelectionReport.bounds(o.row)), .init(solved ? String(format: "%.3f", o.expected) : "–"),
                       .init(solved ? "\(o.fewest)" : "–"), .init(solved ? "\(o.most)" : "–"),
                       .init(Words.verdict(o.verdict), tone: o.verdict.isBroken ? .bad : solved ? .good : .plain),
                       .init(o.drawn.map { "\($0.count): \(Words.verdict($0.verdict))" } ?? "–", tone: o.drawn.map { $0.verdict.isBroken ? .bad : .good } ?? .plain)])
        }
        return table
    }

    /// Every eligible nominee's chance as a bar, lowest first, with the per-group lottery's as a dot.
    static func chart(_ result: LotteryResult) -> String {
        let eligible = result.eligible.sorted { result.probabilities[$0] < result.probabilities[$1] }
        let naive = result.perGroupLottery
        let width = 720.0, height = 180.0
        let top = max(eligible.map { max(result.probabilities[$0], naive[$0]) }.max() ?? 1, 0.01)
        let step = width / Double(max(1, eligible.count))
        var out = "<svg role=\"img\" width=\"\(Int(width) + 60)\" height=\"\(Int(height) + 30)\" viewBox=\"0 0 \(Int(width) + 60) \(Int(height) + 30)\">"
        out += "<title>\(HTML.escape(phrase("Chances of a seat: lottery bars (lowest {chance}), per-group lottery dots", ["chance": .text(percent(result.minimum))])))</title>"
        for (k, i) in eligible.enumerated() {
            let h = result.probabilities[i] / top * height
            out += "<rect x=\"\(String(format: "%.2f", Double(k) * step))\" y=\"\(String(format: "%.2f", height - h))\" width=\"\(String(format: "%.2f", max(0.5, step * 0.9)))\" height=\"\(String(format: "%.2f", h))\" fill=\"#1f5fa8\"/>"
            let y = height - naive[i] / top * height
            out += "<circle cx=\"\(String(format: "%.2f", (Double(k) + 0.45) * step))\" cy=\"\(String(format: "%.2f", y))\" r=\"1.6\" fill=\"#d9822b\"/>"
        }
        let minY = height - result.minimum / top * height
        out += "<line x1=\"0\" x2=\"\(width)\" y1=\"\(minY)\" y2=\"\(minY)\" stroke=\"#1d2733\" stroke-dasharray=\"4,3\"/>"
        out += "<text x=\"\(width + 4)\" y=\"\(minY + 4)\" font-size=\"11\">\(percent(result.minimum))</text>"
        out += "<text x=\"0\" y=\"\(height + 20)\" font-size=\"11\">\(HTML.escape(term("bars: this lottery; dots: a per-group lottery that ignores the quotas")))</text>"
        return out + "</svg>\n"
    }

    struct Entry: Encodable { var panel: [String], probability: Double }
    struct Chance: Encodable { var id: String, name: String, group: String, probability: Double, perGroupLottery: Double, standing: String }
    struct Level: Encodable { var probability: Double, nominees: Int }
    struct Ticketed: Encodable { var panel: [String], tickets: Int, first: Int }
    struct Lottery: Encodable { var tickets: Int, largestChange: Double, entries: [Ticketed] }
    struct Draw: Encodable {
        var sources: [[String]]?, key: String?, digest: String?, ticket: Int?, panel: [String]?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(sources, forKey: .sources); try c.encode(key, forKey: .key); try c.encode(digest, forKey: .digest)
            try c.encode(ticket, forKey: .ticket); try c.encode(panel, forKey: .panel)
        }
        enum Keys: String, CodingKey { case sources, key, digest, ticket, panel }
    }
    /// A rule judged over the lottery's panels, and on the drawn panel once drawn.
    struct Quota: Encodable {
        var label: String, quota: Int, attribute: String, values: [String], scope: String, min: Int?, max: Int?
        var enforced: Bool, expected: Double?, fewest: Int?, most: Int?, verdict: String, drawnCount: Int?, drawnVerdict: String?
        init(_ o: LotteryQuotaOutcome) {
            let row = o.row
            label = row.label; quota = row.quotaIndex + 1; attribute = row.attribute; values = row.values; scope = row.scopeKey; min = row.min; max = row.max
            enforced = o.enforced; verdict = o.verdict.rawValue
            let solved = o.verdict != .notSolved
            expected = solved ? o.expected : nil; fewest = solved ? o.fewest : nil; most = solved ? o.most : nil
            drawnCount = o.drawn?.count; drawnVerdict = o.drawn?.verdict.rawValue
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(label, forKey: .label); try c.encode(quota, forKey: .quota); try c.encode(attribute, forKey: .attribute)
            try c.encode(values, forKey: .values); try c.encode(scope, forKey: .scope); try c.encode(min, forKey: .min); try c.encode(max, forKey: .max)
            try c.encode(enforced, forKey: .enforced); try c.encode(expected, forKey: .expected); try c.encode(fewest, forKey: .fewest)
            try c.encode(most, forKey: .most); try c.encode(verdict, forKey: .verdict); try c.encode(drawnCount, forKey: .drawnCount)
            try c.encode(drawnVerdict, forKey: .drawnVerdict)
        }
        enum Keys: String, CodingKey { case label, quota, attribute, values, scope, min, max, enforced, expected, fewest, most, verdict, drawnCount, drawnVerdict }
    }
    /// The same inputs record as a selection's (past compositions' digests included).
    typealias Inputs = SelectionDocument.Inputs
    struct Tool: Encodable {
        var name: String, version: String, glpk: String
        /// The language of the report's words (its facts are the same in every language).
        var language = Catalogue.current.language
    }
    /// The adjustments as options, so that `verify` re-applies them.
    struct RoundRecord: Encodable {
        struct Option: Encodable { var option: String, value: String }
        var adjustments: [Option]
    }
    /// The bound's proof: no panel that meets the rules has weights summing above `bound`.
    struct Certificate: Encodable { var bound: Double, weights: [Weight] }
    struct Weight: Encodable { var id: String, weight: Double }
    /// Seconds in all, covering everyone who can be seated, in the pricing problems and the master LP.
    struct Timings: Encodable { var seconds: Double, cover: Double, pricing: Double, master: Double, expansion: Double, pricings: Int }
    struct Document: Encodable {
        var kind = "lottery"
        var body: String, method: String, mode: String, status: String
        var distribution: [Entry], probabilities: [Chance]
        var minimum: Double, upperBound: Double, gap: Double, gini: Double
        var levels: [Level], unseatable: [String], fixedIn: [String]
        var panelsGenerated: Int, stages: Int, classes: Int
        var certificate: Certificate?
        var timings: Timings
        var lottery: Lottery?, draw: Draw?
        var round: RoundRecord
        var quotas: [Quota], notes: [String], inputs: Inputs, tool: Tool
        var conflicts: [String] = []
        init(_ r: LotteryResult, _ d: LotteryDraw?) {
            let ids = r.input.nominees.map(\.id)
            body = r.policy.body; method = r.method.rawValue; mode = r.mode.rawValue; status = r.status.rawValue
            distribution = r.distribution.map { Entry(panel: $0.panel.map { ids[$0] }, probability: $0.probability) }
            let naive = r.perGroupLottery
            probabilities = r.input.nominees.indices.map { i in
                let n = r.input.nominees[i]
                return Chance(id: n.id, name: n.name, group: n.group, probability: r.probabilities[i], perGroupLottery: naive[i], standing: standing(r, i))
            }
            minimum = r.minimum; upperBound = r.upperBound; gap = r.gap; gini = r.gini
            levels = r.levels.map { Level(probability: $0.probability, nominees: $0.nominees) }
            unseatable = r.unseatable.map { ids[$0] }
            fixedIn = r.input.nominees.indices.filter { r.context.standings[$0].isFixedIn }.map { ids[$0] }
            panelsGenerated = r.panelsGenerated; stages = r.stages; classes = r.classes
            certificate = r.certificate.map { c in
                Certificate(bound: c.bound, weights: c.weights.indices.filter { c.weights[$0] > 0 }.map { Weight(id: ids[$0], weight: c.weights[$0]) })
            }
            timings = Timings(seconds: r.seconds, cover: r.coverSeconds, pricing: r.pricingSeconds, master: r.masterSeconds, expansion: r.expansionSeconds, pricings: r.pricings)
            lottery = d.map { d in Lottery(tickets: d.tickets, largestChange: d.largestChange, entries: d.lottery.map { Ticketed(panel: $0.panel.map { ids[$0] }, tickets: $0.tickets, first: $0.first) }) }
            // Null until drawn: the report published before the draw carries the tickets alone.
            draw = d.flatMap { $0.ticket == nil ? nil : Draw(sources: $0.sources, key: $0.key, digest: $0.digest, ticket: $0.ticket, panel: $0.panel.map { $0.map { ids[$0] } }) }
            round = RoundRecord(adjustments: r.context.applied.map { RoundRecord.Option(option: $0.option.name, value: $0.option.value) })
            quotas = r.quotaOutcomes(drawn: d?.panel).map(Quota.init)
            notes = (r.notes + r.context.adjustments).map(\.description) + r.context.noteWords
            let input = r.input
            inputs = Inputs(nominations: input.nominations.path, nominationsSha256: input.nominations.sha256, policy: input.policyFile.path,
                            policySha256: input.policyFile.sha256, nominationsSheet: input.nominations.sheet,
                            history: input.history.map { $0.files.map(\.path) }, historySha256: input.history.map { $0.files.map(\.sha256) })
            tool = Tool(name: "seatwise", version: SeatwiseTool.version, glpk: SeatwiseTool.glpkVersion)
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(kind, forKey: .kind); try c.encode(body, forKey: .body); try c.encode(method, forKey: .method); try c.encode(mode, forKey: .mode)
            try c.encode(status, forKey: .status); try c.encode(distribution, forKey: .distribution); try c.encode(probabilities, forKey: .probabilities)
            try c.encode(minimum, forKey: .minimum); try c.encode(upperBound, forKey: .upperBound); try c.encode(gap, forKey: .gap); try c.encode(gini, forKey: .gini)
            try c.encode(levels, forKey: .levels); try c.encode(unseatable, forKey: .unseatable); try c.encode(fixedIn, forKey: .fixedIn)
            try c.encode(panelsGenerated, forKey: .panelsGenerated); try c.encode(stages, forKey: .stages); try c.encode(classes, forKey: .classes); try c.encode(timings, forKey: .timings)
            try c.encode(certificate, forKey: .certificate)
            try c.encode(lottery, forKey: .lottery)
            try c.encode(draw, forKey: .draw); try c.encode(round, forKey: .round); try c.encode(conflicts, forKey: .conflicts); try c.encode(quotas, forKey: .quotas); try c.encode(notes, forKey: .notes); try c.encode(inputs, forKey: .inputs)
            try c.encode(tool, forKey: .tool)
        }
        enum Keys: String, CodingKey {
            case kind, body, method, mode, status, distribution, probabilities, minimum, upperBound, gap, gini, levels, unseatable, fixedIn
            case panelsGenerated, stages, classes, certificate, timings, lottery, draw, round, conflicts, quotas, notes, inputs, tool
        }
    }
}
