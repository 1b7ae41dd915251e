// Re-derives a published selection report from its inputs: the same files (SHA-256), the same seed and
// adjustments, the same panel, an objective proved optimal. Every difference is said in words; the
// reported panel is also checked on its own against the rules, so a better or invalid panel is named.

import Foundation

/// What `seatwise verify` found: the checks that held and the differences, each a sentence.
public struct Verification: Sendable {
    public var report: String
    public var checks: [String] = []
    public var differences: [String] = []
    public var verified: Bool { differences.isEmpty }
    /// The re-derived result (nil when the inputs could not be read into a round).
    public var result: SelectionResult?
}

public enum ReportVerifier {
    /// The parts of a JSON selection report that `verify` reads (docs/reference.md, "JSON report"'s keys).
    struct Published: Decodable {
        struct Tool: Decodable { var version: String?; var language: String? }
        struct Inputs: Decodable {
            var nominations: String?, nominationsSha256: String?, policy: String?, policySha256: String?, nominationsSheet: String?
            var historySha256: [String]?
        }
        struct Member: Decodable { var id: String }
        struct Objective: Decodable { var kind: String?, rankSum: Int? }
        struct RoundRecord: Decodable {
            struct Option: Decodable { var option: String, value: String }
            var adjustments: [Option]
            var tieBreakWeight: Int?
        }
        var tool: Tool?
        var mode: String?
        var status: String?
        var seed: UInt64?
        var seedSource: String?
        var inputs: Inputs?
        var selected: [Member]?
        var objective: Objective?
        var adjustments: [String]?
        var round: RoundRecord?
    }

    /// The report's keys that differ from a report made now from the re-derived result, with the same
    /// options (explanations, a repair, a public view) where the report shows it had them. Paths of input
    /// files, the time of a public report and the tool's version are not compared.
    static func restated(_ claimed: [String: Any], round: Round, result: SelectionResult, budget: SolveBudget) throws -> [String] {
        func present(_ key: String) -> Bool { !(claimed[key] is NSNull) && claimed[key] != nil }
        // The request the report shows it answered, run on the one path every surface takes.
        var request = RoundRequest(explain: present("explanations"), repair: present("repaired"),
                                   alternates: (claimed["alternates"] as? [String: Any])?["count"] as? Int, publicReport: present("public"))
        request.differenceFromUnadjusted = present("difference")
        // Made again in the report's own language: its facts are compared, whatever words they were put in.
        let language = ((claimed["tool"] as? [String: Any])?["language"] as? String).flatMap(Language.init(rawValue:)) ?? .en
        let document = try Catalogue.$current.withValue(language.catalogue) {
            try SelectionReport.render(try round.run(request, budget: budget, solved: result), format: .json)
        }
        guard let derived = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any] else { return [] }
        // Also inside `repaired`, which holds whole reports.
        return differences(claimed, derived, ignored: ["tool", "inputs.nominations", "inputs.policy", "inputs.history", "public.made_at"])
    }

    /// The keys of a published JSON report that differ from one made now, in words (at most 20): every
    /// key of either is compared, except the `ignored` paths (a suffix after a dot matches too) and the
    /// `close_call` leaves (`--close-call` is not recorded). Lottery reports are compared the same way.
    static func differences(_ claimed: [String: Any], _ derived: [String: Any], ignored: [String]) -> [String] {
        var out: [String] = []
        // close_call depends on --close-call, which a report does not record.
        let ignoredLeaves: Set<String> = ["close_call"]
        func shown(_ value: Any?) -> String {
            guard let value, !(value is NSNull) else { return "null" }
            if let text = value as? String { return Quote.value(text) }
            if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) {
                let text = String(decoding: data, as: UTF8.self)
                return text.count > 80 ? String(text.prefix(77)) + "…" : text
            }
            return "\(value)"
        }
        func same(_ a: Any?, _ b: Any?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case (is NSNull, nil), (nil, is NSNull), (is NSNull, is NSNull): return true
            case let (x as NSNumber, y as NSNumber): return x == y
            case let (x as String, y as String): return x == y
            default: return false
            }
        }
        func walk(_ a: Any?, _ b: Any?, _ path: String) {
            guard out.count < 20, !ignored.contains(where: { path == $0 || path.hasSuffix("." + $0) }) else { return }
            if let last = path.split(separator: ".").last, ignoredLeaves.contains(String(last)) { return }
            switch (a, b) {
            case let (x as [String: Any], y as [String: Any]):
                for key in Set(x.keys).union(y.keys).sorted() { walk(x[key], y[key], path.isEmpty ? key : "\(path).\(key)") }
            case let (x as [Any], y as [Any]):
                if x.count != y.count {
                    out.append("the report's \(path) has \(x.count) entr\(x.count == 1 ? "y" : "ies"); re-derived, \(y.count)")
                    return
                }
                for (k, (p, q)) in zip(x, y).enumerated() {
                    // Members and explanations are named by their id, quotas by their label.
                    let name = ((q as? [String: Any])?["id"] as? String) ?? ((q as? [String: Any])?["label"] as? String) ?? "\(k + 1)"
                    walk(p, q, "\(path)[\(name)]")
                }
            default:
                if !same(a, b) { out.append("the report's \(path) is \(shown(a)); re-derived, it is \(shown(b))") }
            }
        }
        walk(claimed, derived, "")
        return out
    }

    /// Reads the report, typed and as its JSON object (parsed once); nil for a lottery report, which
    /// `LotteryVerifier` reads. Bad JSON or a report of another kind is bad input (exit 2).
    static func read(_ file: InputFile) throws -> (published: Published, claimed: [String: Any])? {
        func fail(_ message: String) -> InputError { InputError([InputDiagnostic(file: file.path, message: message)]) }
        if let kind = BinaryFile.kind(file.bytes) { throw fail("this is \(kind), not a JSON report; give the report written with --format json") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(file.bytes)) } catch {
            throw fail("is not JSON (\(error.localizedDescription)); give the report written with --format json")
        }
        guard let top = object as? [String: Any] else { throw fail("is JSON but not a Seatwise report (it is not an object)") }
        if top["kind"] as? String == "lottery" { return nil }
        if top["roster_sha256"] != nil || (top["mode"] as? String) == "audit" || top["shares"] != nil {
            throw fail("is an audit report; verify re-derives selection reports (seatwise select --format json)")
        }
        // A replacement is chosen against the sitting roster as well as the pool: from the nominations and the
        // policy alone it would re-derive another panel and read as tampering.
        if top["replacement"] != nil {
            throw fail("is a replace report (seatwise replace): it is made from the sitting roster and the pool together, which verify does not take; run seatwise replace again on that roster and pool and compare the reports")
        }
        if top["independent"] != nil && top["coordinated"] != nil {
            throw fail("is a comparison report; verify re-derives selection reports (seatwise select --format json)")
        }
        guard top["selected"] != nil, top["inputs"] != nil, top["seed"] != nil else {
            throw fail("is JSON but not a Seatwise selection report: it has no \(["selected", "inputs", "seed"].filter { top[$0] == nil }.joined(separator: ", "))")
        }
        do { return (try decoder.decode(Published.self, from: Data(file.bytes)), top) } catch let DecodingError.typeMismatch(_, context),
            let DecodingError.valueNotFound(_, context), let DecodingError.keyNotFound(_, context) {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw InputError([InputDiagnostic(file: file.path, key: String(path.drop { $0 == "." }), message: context.debugDescription)])
        } catch {
            throw fail("cannot be read as a selection report: \(error)")
        }
    }

    /// A report made with past compositions is re-derived only with the same files, in the same order.
    static func requireHistory(_ claimed: [String], given history: [InputFile], report: InputFile) throws {
        guard claimed.map({ $0.lowercased() }) != history.map(\.sha256) else { return }
        let given = history.isEmpty ? "none was given" : "the files given have SHA-256 \(history.map { String($0.sha256.prefix(16)) + "…" }.joined(separator: ", "))"
        throw InputError([InputDiagnostic(file: report.path, key: "inputs.history_sha256",
                                          message: claimed.isEmpty ? "the report was made without past compositions, but --history gave \(history.count)"
                                            : "the report was made with \(Words.count(claimed.count, "history file")) (SHA-256 \(claimed.map { String($0.prefix(16)) + "…" }.joined(separator: ", "))); \(given): give the same files with --history, in the same order")])
    }

    /// Verifies `report` against the nominations and policy it claims to be made from.
    /// `history`: the past compositions the report was made with (`--history`), in the same order.
    public static func verify(report reportFile: InputFile, nominations given: InputFile, policy: InputFile,
                              countries: CountryTable, history: [InputFile] = [], budget: SolveBudget = .unlimited) throws -> Verification {
        guard let (published, claimed) = try read(reportFile) else {
            return try LotteryVerifier.verify(report: reportFile, nominations: given, policy: policy, countries: countries, history: history, budget: budget)
        }
        var v = Verification(report: reportFile.path)
        // The worksheet the report was made from, unless the command names one.
        var nominations = given
        if nominations.sheet == nil, WorkbookTable.isWorkbook(nominations) { nominations.sheet = published.inputs?.nominationsSheet }
        try requireHistory(published.inputs?.historySha256 ?? [], given: history, report: reportFile)
        var input = try SelectionInput.load(nominations: nominations, policy: policy, countries: countries, history: history)
        // A report made with --redact names everyone by initials: re-derived the same way.
        let publishedNames = claimed["selected"] as? [[String: Any]] ?? []
        let names = Dictionary(input.nominees.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let redacted = !publishedNames.isEmpty && publishedNames.allSatisfy { m in
            guard let id = m["id"] as? String, let name = m["name"] as? String, let real = names[id] else { return false }
            return name == Redaction.initials(real) && name != real
        }
        if redacted { input = input.redacted() }

        // The files.
        for (name, file, claimed) in [("nominations", nominations, published.inputs?.nominationsSha256), ("policy", policy, published.inputs?.policySha256)] {
            guard let claimed else { v.differences.append("the report gives no SHA-256 for its \(name) file, so it cannot be tied to \(file.path)"); continue }
            if claimed.lowercased() == file.sha256 {
                v.checks.append("\(file.path) is the \(name) file the report was made from (SHA-256 \(file.sha256.prefix(16))…)")
            } else {
                v.differences.append("\(file.path) is not the \(name) file the report was made from: its SHA-256 is \(file.sha256.prefix(16))…, the report's is \(claimed.prefix(16))…")
            }
        }

        // The round: mode, seed, adjustments.
        guard let mode = SelectionMode(rawValue: published.mode ?? "") else {
            v.differences.append("the report's mode \(Quote.value(published.mode ?? "")) is not coordinated or independent")
            return v
        }
        guard let seed = published.seed else { v.differences.append("the report gives no seed"); return v }
        var seedOverride: UInt64?
        switch published.seedSource {
        case "policy":
            if let policySeed = input.policy.seed, policySeed != seed {
                v.differences.append("the report says its seed \(seed) came from the policy, but the policy's seed is \(policySeed)")
            } else if input.policy.seed == nil {
                v.differences.append("the report says its seed \(seed) came from the policy, but the policy sets no seed")
            }
        case "default":
            if seed != Policy.defaultSeed { v.differences.append("the report says its seed \(seed) is the default, but the default seed is \(Policy.defaultSeed)") }
        default:
            seedOverride = seed
        }
        var adjustments: [Adjustment] = []
        if let record = published.round {
            for option in record.adjustments {
                guard let adjustment = Adjustment.parse(option: option.option, value: option.value) else {
                    v.differences.append("the report's adjustment --\(option.option) \(Quote.value(option.value)) is not one Seatwise can apply")
                    continue
                }
                adjustments.append(adjustment)
            }
        } else if !(published.adjustments ?? []).isEmpty {
            v.differences.append("the report states adjustments only in words (it was written before reports recorded them); they cannot be re-applied")
        }
        let round = Round(input: input, mode: mode, seed: seedOverride, adjustments: adjustments)
        let result: SelectionResult
        do { result = try round.solve(budget: budget) } catch let error as InputError {
            v.differences.append("the report's adjustments do not apply to these inputs: " + error.diagnostics.map(\.message).joined(separator: "; "))
            return v
        }
        v.result = result
        v.checks.append("seed \(result.seed) (\(result.seedSource == .commandLine ? "given to the command" : result.seedSource == .policy ? "from the policy" : "the default")), mode \(mode.rawValue), "
                        + (adjustments.isEmpty ? "no adjustments" : Words.count(adjustments.count, "adjustment") + ": " + adjustments.map(\.description).joined(separator: "; ")))

        // The status.
        if let status = published.status, status != result.status.rawValue {
            v.differences.append("the report's status is \(status); re-derived, it is \(result.status.rawValue)")
        }

        // The panel, by id.
        let ids = input.nominees.map(\.id)
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let reportedIDs = (published.selected ?? []).map(\.id)
        let unknown = reportedIDs.filter { index[$0] == nil }
        var counted: [String: Int] = [:]
        for id in reportedIDs { counted[id, default: 0] += 1 }
        for (id, times) in counted.sorted(by: { $0.key < $1.key }) where times > 1 {
            v.differences.append("the report lists \(Quote.value(id)) \(times) times among the seated")
        }
        for id in unknown { v.differences.append("the report seats \(Quote.value(id)), who is not among the nominations") }
        let reported = Set(reportedIDs.compactMap { index[$0] })
        let derived = Set(result.seated)
        func who(_ i: Int) -> String { "\(input.nominees[i].name) [\(ids[i])], \(input.nominees[i].group)" }
        let extra = reported.subtracting(derived).sorted(), missing = derived.subtracting(reported).sorted()
        for i in extra { v.differences.append("the report seats \(who(i)), who should not be there") }
        for i in missing { v.differences.append("\(who(i)) should be seated, and the report does not seat them") }
        if extra.isEmpty, missing.isEmpty, unknown.isEmpty, result.status != .infeasible {
            v.checks.append("the same panel: \(Words.count(derived.count, "member"))")
        }

        // The reported panel on its own: the rules it breaks, its objective, and the seeded tie-break.
        if result.status != .infeasible, !reported.isEmpty || !reportedIDs.isEmpty {
            let own = Array(reported).sorted()
            let broken = PanelCheck.broken(own, context: result.context, mode: mode)
            for rule in broken.prefix(10) { v.differences.append("the report's panel breaks a rule: \(rule)") }
            if broken.count > 10 { v.differences.append("… and \(broken.count - 10) more rules") }
            let reportedScore = PanelCheck.score(own, context: result.context)
            let derivedScore = PanelCheck.score(result.seated, context: result.context)
            if broken.isEmpty, derivedScore < reportedScore {
                v.differences.append("a better panel exists: \(PanelCheck.words(derivedScore, result)) against the report's \(PanelCheck.words(reportedScore, result))")
            }
            if let claimed = published.objective?.rankSum, result.objective == .rankSum,
               let first = reportedScore.values.first, claimed != first {
                v.differences.append("the report gives its objective as \(claimed), but its own panel's rank sum is \(first)")
            }
            if let weight = published.round?.tieBreakWeight {
                let own = SelectionDocument.tieBreakWeight(seed: seed, ids: ids, panel: Array(reported))
                if own != weight {
                    v.differences.append("the report's seed and panel do not match its tie-break record: under seed \(seed) its panel weighs \(own) in the tie-break, the report says \(weight) (the seed or a member was changed after the report was made)")
                }
            }
        }
        // Everything else the report states, re-derived and compared key by key: names, groups, ranks,
        // quota counts, the objective, the notes, the adjustments in words, explanations and repairs.
        if extra.isEmpty, missing.isEmpty, unknown.isEmpty {
            v.differences += try restated(claimed, round: round, result: result, budget: budget)
        }
        if result.status == .optimal, v.differences.isEmpty {
            v.checks.append("objective \(result.objectiveSummary), proved optimal (GLPK's bound equals it), the tie among equally good panels broken by the seed")
        } else if result.status != .optimal, result.status != .infeasible {
            v.differences.append("the re-derived panel is not proved optimal (\(result.status.rawValue)); give it more time")
        }
        if v.differences.isEmpty {
            v.checks.append("everything else the report states (names, groups, ranks, quota counts, objective, notes\(redacted ? ", names as initials" : "")) is what the inputs give")
        }
        if let version = published.tool?.version, version != SeatwiseTool.version {
            v.checks.append("note: the report was made by seatwise \(version); this is \(SeatwiseTool.version)")
        }
        return v
    }
}
