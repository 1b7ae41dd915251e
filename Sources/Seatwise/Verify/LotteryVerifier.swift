// Re-derives a published lottery report (`seatwise lottery --format json`) from its inputs: the same files,
// every panel of the distribution checked against the rules, the probabilities adding up, the lottery
// re-solved to the same chances, the draw recomputed from the published values and tickets alone; then
// the whole report made again and compared key by key, so an edit anywhere is caught, as for selections.

import Foundation

enum LotteryVerifier {
    struct Published: Decodable {
        struct Inputs: Decodable { var nominationsSha256: String?, policySha256: String?, nominationsSheet: String?, historySha256: [String]? }
        struct Entry: Decodable { var panel: [String], probability: Double }
        struct Chance: Decodable { var id: String, probability: Double }
        struct Ticketed: Decodable { var panel: [String], tickets: Int, first: Int }
        struct Lottery: Decodable { var tickets: Int, entries: [Ticketed] }
        struct Draw: Decodable { var sources: [[String]]?, key: String?, digest: String?, ticket: Int?, panel: [String]? }
        struct RoundRecord: Decodable {
            struct Option: Decodable { var option: String, value: String }
            var adjustments: [Option]
        }
        var method: String, mode: String, status: String?
        var distribution: [Entry], probabilities: [Chance], minimum: Double, upperBound: Double?
        var lottery: Lottery?, draw: Draw?, inputs: Inputs?, round: RoundRecord?
    }

    static let tolerance = 1e-6

    static func verify(report file: InputFile, nominations: InputFile, policy: InputFile, countries: CountryTable,
                       history: [InputFile] = [], budget: SolveBudget) throws -> Verification {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let published: Published
        do { published = try decoder.decode(Published.self, from: Data(file.bytes)) } catch {
            throw InputError([InputDiagnostic(file: file.path, message: "cannot be read as a lottery report: \(error)")])
        }
        var v = Verification(report: file.path)
        var nominations = nominations
        if nominations.sheet == nil, WorkbookTable.isWorkbook(nominations) { nominations.sheet = published.inputs?.nominationsSheet }
        try ReportVerifier.requireHistory(published.inputs?.historySha256 ?? [], given: history, report: file)
        let input = try SelectionInput.load(nominations: nominations, policy: policy, countries: countries, history: history)
        for (name, f, claimed) in [("nominations", nominations, published.inputs?.nominationsSha256), ("policy", policy, published.inputs?.policySha256)] {
            if claimed?.lowercased() == f.sha256 {
                v.checks.append("\(f.path) is the \(name) file the report was made from (SHA-256 \(f.sha256.prefix(16))…)")
            } else {
                v.differences.append("\(f.path) is not the \(name) file the report was made from")
            }
        }
        guard let mode = SelectionMode(rawValue: published.mode), let method = LotteryMethod(rawValue: published.method) else {
            v.differences.append("the report's mode or method is not one Seatwise has"); return v
        }
        var adjustments: [Adjustment] = []
        for option in published.round?.adjustments ?? [] {
            if let a = Adjustment.parse(option: option.option, value: option.value) { adjustments.append(a) } else {
                v.differences.append("the report's adjustment --\(option.option) \(Quote.value(option.value)) is not one Seatwise can apply")
            }
        }
        let round = Round(input: input, mode: mode, adjustments: adjustments)
        let context = try round.context()
        let index = Dictionary(input.nominees.indices.map { (input.nominees[$0].id, $0) }, uniquingKeysWith: { a, _ in a })

        // The published distribution on its own: valid panels, probabilities that add up.
        var broken = 0
        var sums = [Double](repeating: 0, count: input.nominees.count)
        for entry in published.distribution {
            let panel = entry.panel.compactMap { index[$0] }
            if panel.count != entry.panel.count || !PanelCheck.broken(panel, context: context, mode: mode).isEmpty { broken += 1 }
            for i in panel { sums[i] += entry.probability }
        }
        let rules = mode == .coordinated ? "every rule of the policy" : "every rule of its groups"
        if broken == 0 { v.checks.append("\(published.distribution.count == 1 ? "the one panel meets" : "every one of the \(published.distribution.count) panels meets") \(rules)") } else {
            v.differences.append("\(Words.count(broken, "panel")) of the distribution break\(broken == 1 ? "s" : "") a rule or name someone not in the nominations")
        }
        let total = published.distribution.reduce(0) { $0 + $1.probability }
        if abs(total - 1) <= tolerance { v.checks.append("the panels' probabilities add up to 1") } else { v.differences.append("the panels' probabilities add up to \(total), not 1") }
        let mismatched = published.probabilities.filter { c in index[c.id].map { abs(sums[$0] - c.probability) > tolerance } ?? true }
        if mismatched.isEmpty { v.checks.append("each nominee's chance is the sum over the panels that hold them") } else {
            v.differences.append("the chance of \(Words.count(mismatched.count, "nominee")) is not the sum over their panels (first: \(mismatched[0].id))")
        }

        // Re-solved: the same chances and minimum.
        let result = try FairLottery.run(context: context, mode: mode, method: method, budget: budget)
        let chance = Dictionary(published.probabilities.map { ($0.id, $0.probability) }, uniquingKeysWith: { a, _ in a })
        let largest = input.nominees.indices.map { abs(result.probabilities[$0] - (chance[input.nominees[$0].id] ?? -1)) }.max() ?? 0
        if largest <= tolerance && abs(result.minimum - published.minimum) <= tolerance {
            v.checks.append("re-solved, every nominee's chance is the same (largest difference \(String(format: "%.1e", largest))) and the minimum \(String(format: "%.6f", result.minimum)) is proved")
        } else {
            v.differences.append("re-solved, the chances differ (largest difference \(String(format: "%.2e", largest)); minimum \(String(format: "%.6f", result.minimum)), the report's \(String(format: "%.6f", published.minimum)))")
        }

        // The same distribution, panel by panel (the solve is deterministic): another distribution with the
        // same chances would change which panel a ticket draws.
        let derived = result.distribution.map { ($0.panel.map { input.nominees[$0].id }, $0.probability) }
        let sameDistribution = derived.count == published.distribution.count
            && zip(derived, published.distribution).allSatisfy { $0.0 == $1.panel && abs($0.1 - $1.probability) <= 1e-9 }
        if sameDistribution { v.checks.append("re-solved, the distribution is the same, panel by panel") } else {
            v.differences.append("re-solved, the distribution differs: \(Words.count(derived.count, "panel")), the report's \(published.distribution.count), or other panels or probabilities")
        }
        if let status = published.status, status != result.status.rawValue {
            v.differences.append("the report's status is \(status); re-solved, it is \(result.status.rawValue)")
        }
        if let bound = published.upperBound, abs(bound - result.upperBound) > tolerance {
            v.differences.append("the report's proved bound is \(bound); re-solved, it is \(result.upperBound)")
        }

        // The draw, from the published distribution, tickets and values alone.
        if let draw = published.draw, published.lottery == nil || [draw.sources == nil, draw.key == nil, draw.digest == nil, draw.ticket == nil, draw.panel == nil].contains(true) {
            v.differences.append("the report's draw is incomplete: a draw needs the ticket lottery, the published values, the key, the digest, the ticket and the panel")
        }
        if let lottery = published.lottery, !(1...1_000_000).contains(lottery.tickets) {
            v.differences.append("the report's lottery has \(lottery.tickets) tickets; a lottery has 1 to 1,000,000")
        } else if let lottery = published.lottery {
            // From the re-solved lottery (its distribution is checked against the published one above).
            let rounded = LotteryDraw(result, tickets: lottery.tickets)
            let same = rounded.lottery.map { ($0.panel.map { input.nominees[$0].id }, $0.tickets, $0.first) }.elementsEqual(lottery.entries.map { ($0.panel, $0.tickets, $0.first) }) { $0 == $1 }
            if same { v.checks.append("the ticket lottery (\(lottery.tickets) tickets) is the lottery rounded as Seatwise rounds it: seat-count patterns by largest remainders, each class's members in turn") } else {
                v.differences.append("the ticket lottery is not the lottery rounded as Seatwise rounds it (seat-count patterns by largest remainders, each class's members in turn)")
            }
            if let draw = published.draw, let sources = draw.sources, let ticket = draw.ticket {
                // The values as RFC 3797 writes them: ascending, no leading zeros or signs, no empty source.
                let text = sources.map { $0.joined(separator: " ") }.joined(separator: " / ")
                if (try? LotteryDraw.sources(text)) != sources {
                    v.differences.append("the report's published values are not in RFC 3797's form (each source's whole numbers, ascending, no leading zeros): \(text)")
                }
                let key = LotteryDraw.key(sources)
                let (k, digest) = LotteryDraw.select(key: key, count: lottery.tickets)
                let holder = lottery.entries.first { k + 1 >= $0.first && k + 1 < $0.first + $0.tickets }?.panel
                var wrong: [String] = []
                if key != draw.key { wrong.append("the key is \(key), the report's \(draw.key ?? "none")") }
                if digest != draw.digest { wrong.append("the MD5 is \(digest), the report's \(draw.digest ?? "none")") }
                if k + 1 != ticket { wrong.append("the ticket is \(k + 1), the report's \(ticket)") }
                if holder != draw.panel { wrong.append("ticket \(k + 1) holds another panel than the report's") }
                if wrong.isEmpty {
                    v.checks.append("the draw is recomputed from the published values: key \(key), MD5 \(digest.prefix(12))…, ticket \(ticket), the same panel")
                } else {
                    v.differences.append("the draw does not follow from the published values: " + wrong.joined(separator: "; "))
                }
            }
        }

        // Everything else the report states (names, standings, per-group chances, the certificate, Gini,
        // gap, notes, quota counts, unseatable, fixed_in, the draw, unknown keys): the report made again
        // from the re-solved lottery, with the report's tickets and published values, compared key by key.
        let claimed = (try? JSONSerialization.jsonObject(with: Data(file.bytes))) as? [String: Any] ?? [:]
        // (A ticket count out of range is a difference said above; no ticket lottery is made from it.)
        let tickets = published.lottery?.tickets ?? LotteryDraw.defaultTickets
        let values = published.draw?.sources.map { $0.map { $0.joined(separator: " ") }.joined(separator: " / ") } ?? input.policy.lottery?.draw
        var remadeLottery = try DrawnLottery(result, of: round, values: nil, tickets: (1...1_000_000).contains(tickets) ? tickets : 1, budget: budget)
        if !(1...1_000_000).contains(tickets) { remadeLottery.draw = nil }
        if let values { try? remadeLottery.draw?.draw(values) }
        // Made again in the report's own language (its facts are compared, whatever words they were put in).
        let language = ((claimed["tool"] as? [String: Any])?["language"] as? String).flatMap(Language.init(rawValue:)) ?? .en
        let remade = try Catalogue.$current.withValue(language.catalogue) { try remadeLottery.render(.json) }
        if let derived = (try? JSONSerialization.jsonObject(with: Data(remade.utf8))) as? [String: Any] {
            let restated = ReportVerifier.differences(claimed, derived, ignored: ["tool", "inputs.nominations", "inputs.policy", "timings"])
            if restated.isEmpty { v.checks.append("every other key of the report is the same when it is made again from the re-solved lottery") }
            v.differences += restated
        }
        return v
    }
}
