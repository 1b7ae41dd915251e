// The JSON shape of a selection result (docs/reference.md, "JSON report"): stable snake_case keys, documented there.
// Optional values are written as null rather than left out, so every key is always present.

import Foundation

public struct SelectionDocument: Encodable, Sendable {
    struct Tool: Encodable {
        var name: String, version: String, glpk: String
        /// The language of the report's words (its facts are the same in every language).
        var language = Catalogue.current.language
    }
    struct Inputs: Encodable {
        var nominations: String, nominationsSha256: String, policy: String, policySha256: String
        /// The worksheet `--sheet` named when the nominations are a workbook (null: the first, or a CSV).
        var nominationsSheet: String?
        /// With `--history`: the past compositions' files and their digests (left out without).
        var history: [String]? = nil, historySha256: [String]? = nil
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(nominations, forKey: .nominations); try c.encode(nominationsSha256, forKey: .nominationsSha256)
            try c.encode(policy, forKey: .policy); try c.encode(policySha256, forKey: .policySha256)
            try c.encode(nominationsSheet, forKey: .nominationsSheet)
            if let history { try c.encode(history, forKey: .history); try c.encode(historySha256, forKey: .historySha256) }
        }
        enum Keys: String, CodingKey { case nominations, nominationsSha256, policy, policySha256, nominationsSheet, history, historySha256 }
    }
    struct RankCount: Encodable { var rank: Int, count: Int }
    /// The compositions counted (oldest first) and each seated country's seats in them.
    struct HistoryRecord: Encodable { var years: [Int], countries: [String: [Int]] }
    struct Objective: Encodable {
        var kind: String
        var rankSum: Int?
        var rankCounts: [RankCount]?
        var bound: Double?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(kind, forKey: .kind)
            if kind == ObjectiveKind.lexicographic.rawValue { try c.encode(rankCounts, forKey: .value) } else { try c.encode(rankSum, forKey: .value) }
            try c.encode(rankSum, forKey: .rankSum)
            try c.encode(bound, forKey: .bound)
        }
        enum Keys: String, CodingKey { case kind, value, rankSum, bound }
    }
    struct Group: Encodable { var group: String, seats: Int, seated: Int, rankSum: Int, topChoicesSeated: Int }
    struct Member: Encodable {
        var id, name, group: String
        var rank: Int?
        var effectiveRank: Int
        var gender, country, region, development: String
        var organization: String?
        var status: String
        var terms: Int
        var attributes: [String: String]
        var reason: String
        var message: String
        /// The person (their id in the file), the body and the role of the place: null where none applies.
        var person: String? = nil, body: String? = nil, role: String? = nil
        /// With `--alternates K`: who could take this seat, best first (null when not asked).
        var alternates: [String]? = nil
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(alternates, forKey: .alternates)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(group, forKey: .group)
            try c.encode(rank, forKey: .rank); try c.encode(effectiveRank, forKey: .effectiveRank)
            try c.encode(gender, forKey: .gender); try c.encode(country, forKey: .country)
            try c.encode(region, forKey: .region); try c.encode(development, forKey: .development)
            try c.encode(organization, forKey: .organization); try c.encode(status, forKey: .status)
            try c.encode(terms, forKey: .terms); try c.encode(attributes, forKey: .attributes)
            try c.encode(reason, forKey: .reason); try c.encode(message, forKey: .message)
            try c.encode(person, forKey: .person); try c.encode(body, forKey: .body); try c.encode(role, forKey: .role)
        }
        enum Keys: String, CodingKey {
            case id, name, group, rank, effectiveRank, gender, country, region, development, organization, status, terms, attributes, reason, message, alternates
            case person, body, role
        }
    }
    struct Quota: Encodable {
        var label: String
        var quota: Int
        var attribute: String
        var values: [String]
        var scope: String
        var min: Int?
        var max: Int?
        /// Nil where nothing was solved: no count and no judgement.
        var count: Int?
        var satisfied: Bool?
        var atLimit: Bool?
        var enforced: Bool
        var verdict: Verdict
        /// What `--set`, a what-if file and the API take to name this row: `3`, `3[WEOG]`.
        var reference: String
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(label, forKey: .label); try c.encode(quota, forKey: .quota); try c.encode(attribute, forKey: .attribute)
            try c.encode(values, forKey: .values); try c.encode(scope, forKey: .scope); try c.encode(min, forKey: .min)
            try c.encode(max, forKey: .max); try c.encode(count, forKey: .count); try c.encode(satisfied, forKey: .satisfied)
            try c.encode(atLimit, forKey: .atLimit); try c.encode(enforced, forKey: .enforced); try c.encode(verdict, forKey: .verdict)
            try c.encode(reference, forKey: .reference)
        }
        enum Keys: String, CodingKey { case label, quota, attribute, values, scope, min, max, count, satisfied, atLimit, enforced, verdict, reference }

        init(_ q: QuotaOutcome, reference: String) {
            self.reference = reference
            label = q.row.label; quota = q.row.quotaIndex + 1; attribute = q.row.attribute; values = q.row.values
            scope = q.row.scopeKey; min = q.row.min; max = q.row.max
            verdict = q.verdict
            let judged = verdict != .notSolved
            count = judged ? q.count : nil; satisfied = judged ? q.satisfied : nil
            atLimit = judged ? q.atLimit : nil; enforced = q.enforced
        }
    }
    struct Conflict: Encodable { var rules: [String], message: String, references: [RuleReference] }
    struct RepairStep: Encodable { var rule: String, bound: String, from: Int, to: Int, reference: RuleReference }
    struct Changes: Encodable { var enter: [String], leave: [String] }
    struct ExplanationEntry: Encodable {
        var id, name, group: String
        var decision, reason, message: String
        var delta: Int?
        var deltaAtLeast: Int?
        var deltaLevel: Int?
        var changes: Changes
        var closeCall: Bool
        var rules: [String]
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(group, forKey: .group)
            try c.encode(decision, forKey: .decision); try c.encode(reason, forKey: .reason); try c.encode(message, forKey: .message)
            try c.encode(delta, forKey: .delta); try c.encode(deltaAtLeast, forKey: .deltaAtLeast); try c.encode(deltaLevel, forKey: .deltaLevel); try c.encode(changes, forKey: .changes)
            try c.encode(closeCall, forKey: .closeCall); try c.encode(rules, forKey: .rules)
        }
        enum Keys: String, CodingKey { case id, name, group, decision, reason, message, delta, deltaAtLeast, deltaLevel, changes, closeCall, rules }
    }
    struct Price: Encodable {
        var rule: String, bound: String, from: Int, to: Int
        var improvement: Int?
        var changes: Changes
        var message: String
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(rule, forKey: .rule); try c.encode(bound, forKey: .bound); try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
            try c.encode(improvement, forKey: .improvement); try c.encode(changes, forKey: .changes); try c.encode(message, forKey: .message)
        }
        enum Keys: String, CodingKey { case rule, bound, from, to, improvement, changes, message }
    }
    struct Deviation: Encodable { var group: String, passedOver: [String], message: String }
    /// A public report's own keys: when it was made, the headline, and the nominees not seated as counts.
    struct Public: Encodable {
        struct Count: Encodable { var group: String, reason: String, count: Int }
        var madeAt: String, headline: String, notSeated: [Count]
    }

    var tool: Tool
    var body: String
    var mode: String
    var status: String
    var objective: Objective
    var seed: UInt64
    var seedSource: String
    var inputs: Inputs
    /// With `--history`: the compositions counted and each seated country's seats in them.
    var history: HistoryRecord?
    var groups: [Group]
    var selected: [Member]
    var quotas: [Quota]
    var conflicts: [Conflict]
    var repairs: [[RepairStep]]
    /// Why the smallest repair is as large as it is (docs/reference.md, "JSON report"); empty when the conflicts explain it.
    var repairSize: [Conflict]
    var notes: [String]
    /// Changes to the policy's rules the panel was chosen under (a repair), in words.
    var adjustments: [String]
    var explanations: [ExplanationEntry]?
    var quotaPrices: [Price]?
    var groupDeviations: [Deviation]?
    /// The best panel under the first repair (`--repair`).
    var repaired: [SelectionDocument]?
    /// Set in a public report (`--public`), null otherwise.
    var publicReport: Public?
    /// What re-derives the panel (`seatwise verify`): the adjustments as options, and the seeded
    /// tie-break's weight of the panel, which ties the seed to the panel without a solver.
    var round: RoundRecord

    struct RoundRecord: Encodable {
        struct Option: Encodable { var option: String, value: String }
        var adjustments: [Option]
        var tieBreakWeight: Int
    }

    /// The seeded tie-break's total weight over a panel (the quantity the tie-break minimises).
    static func tieBreakWeight(seed: UInt64, ids: [String], panel: [Int]) -> Int {
        let weights = TieBreakOrder(seed: seed, ids: ids).weights
        return panel.reduce(0) { $0 + weights[$1] }
    }

    /// With `--alternates K`: K, each seat whose alternates are null… and the reserve list (null when not asked).
    struct AlternatesRecord: Encodable {
        struct Blocked: Encodable { var id: String, reason: String }
        var count: Int
        var reserve: [String]
        var blocked: [Blocked]
    }
    var alternates: AlternatesRecord?

    public init(_ result: SelectionResult, explanations report: ExplanationReport? = nil, diagnosis: Diagnosis? = nil, publicView: PublicView? = nil,
                alternates found: Alternates? = nil) {
        let p = Provenance(input: result.input)
        tool = Tool(name: p.tool, version: p.toolVersion, glpk: p.glpkVersion)
        body = p.body
        mode = result.mode.rawValue
        status = result.status.rawValue
        objective = Objective(kind: result.objective.rawValue, rankSum: result.rankSum,
                              rankCounts: result.status == .infeasible ? nil : result.rankCounts.map { RankCount(rank: $0.rank, count: $0.count) },
                              bound: result.bound)
        seed = result.seed
        seedSource = result.seedSource.rawValue
        inputs = Inputs(nominations: p.nominations, nominationsSha256: p.nominationsSHA256, policy: p.policy, policySha256: p.policySHA256,
                        nominationsSheet: result.input.nominations.sheet)
        if let past = result.input.history {
            inputs.history = past.files.map(\.path)
            inputs.historySha256 = past.files.map(\.sha256)
            let window = result.policy.history?.compositions
            let seats = past.countrySeats(window)
            let countries = Set(result.seated.map { result.input.nominees[$0].country })
            history = HistoryRecord(years: past.last(window).map(\.year),
                                    countries: Dictionary(uniqueKeysWithValues: countries.map { ($0, seats[$0] ?? [Int](repeating: 0, count: past.last(window).count)) }))
        }
        groups = result.groups.map { Group(group: $0.group, seats: $0.seats, seated: $0.seated, rankSum: $0.rankSum, topChoicesSeated: $0.topChoicesSeated) }
        let reasons = MemberReasons(result)
        selected = result.seated.map { i in
            let n = result.input.nominees[i]
            let reason = reasons.reasons[i]
            var custom = n.attributes
            for key in AttributeKey.builtIn { custom[key] = nil }
            return Member(id: n.id, name: n.name, group: n.group, rank: n.rank, effectiveRank: result.ranks[i], gender: n.gender,
                          country: n.country, region: n.region, development: n.development, organization: n.attributes["organization"],
                          status: n.status.rawValue, terms: n.terms, attributes: custom, reason: reason.rawValue, message: reasons.sentence(i),
                          person: n.person, body: n.body, role: n.role)
        }
        quotas = zip(result.quotas, QuotaRow.references(result.quotas.map(\.row))).map { Quota($0, reference: $1) }
        conflicts = (diagnosis?.conflicts ?? SelectionReport.conflicts(result, nil)).map {
            Conflict(rules: $0.labels, message: $0.message.description, references: $0.references)
        }
        repairs = (diagnosis?.repairs ?? []).map { $0.steps.map { RepairStep(rule: $0.rule, bound: $0.bound.rawValue, from: $0.from, to: $0.to, reference: $0.reference) } }
        repairSize = (diagnosis?.repairSize ?? []).map { Conflict(rules: $0.labels, message: $0.message.description, references: $0.references) }
        notes = SelectionReport.notes(result, report, diagnosis)
        adjustments = result.context.adjustments.map(\.description)
        let ids = result.input.nominees.map(\.id)
        if let found, publicView == nil {
            let bySeat = Dictionary(found.seats.map { ($0.member, $0) }, uniquingKeysWith: { a, _ in a })
            for (k, i) in result.seated.enumerated() { selected[k].alternates = bySeat[i].map { $0.alternates.map { ids[$0] } } ?? [] }
            alternates = AlternatesRecord(count: found.count, reserve: found.reserve.map { ids[$0] },
                                          blocked: found.seats.compactMap { s in s.blockedBy.map { AlternatesRecord.Blocked(id: ids[s.member], reason: $0) } })
        }
        round = RoundRecord(adjustments: result.context.applied.map { RoundRecord.Option(option: $0.option.name, value: $0.option.value) },
                            tieBreakWeight: Self.tieBreakWeight(seed: result.seed, ids: ids, panel: result.seated))
        if let report {
            explanations = report.explanations.map { Self.entry($0, result, ids) }
            quotaPrices = report.prices.map {
                Price(rule: $0.label, bound: $0.bound.rawValue, from: $0.from, to: $0.to, improvement: $0.improvement,
                      changes: Changes(enter: $0.entering.map { ids[$0] }, leave: $0.leaving.map { ids[$0] }), message: $0.message)
            }
            groupDeviations = report.deviations.map { d in
                Deviation(group: d.group, passedOver: d.passedOver.map { ids[$0.nominee] }, message: d.message)
            }
        }
        repaired = diagnosis?.repaired.map { [SelectionDocument($0, explanations: diagnosis?.repairedExplanations)] }
        publicReport = publicView.map { view in
            Public(madeAt: view.madeAt, headline: view.headline, notSeated: view.notSeated.map { .init(group: $0.group, reason: $0.reason, count: $0.count) })
        }
    }

    public func json() throws -> String { try JSONReport.encode(self) }

    static func entry(_ e: Explanation, _ result: SelectionResult, _ ids: [String]) -> ExplanationEntry {
        let n = result.input.nominees[e.nominee]
        return ExplanationEntry(id: n.id, name: n.name, group: n.group, decision: e.decision.rawValue, reason: e.reason.rawValue,
                                message: e.message, delta: e.delta, deltaAtLeast: e.deltaAtLeast, deltaLevel: e.deltaLevel,
                                changes: Changes(enter: e.entering.map { ids[$0] }, leave: e.leaving.map { ids[$0] }),
                                closeCall: e.closeCall, rules: e.ruleWords)
    }

    /// One explanation as the JSON report's `explanations` holds it (the workbench's explain answer).
    public static func explanationJSON(_ e: Explanation, of result: SelectionResult) throws -> String {
        try JSONReport.encode(entry(e, result, result.input.nominees.map(\.id)))
    }

    /// The report with one more top-level key, written into the encoded text (re-parsing a large report
    /// to add a key costs far more than the report itself).
    public static func adding(_ key: String, _ value: some Encodable, to document: String) throws -> String {
        guard let open = document.firstIndex(of: "{") else { return document }
        let encoded = try JSONReport.encode(value).trimmingCharacters(in: .whitespacesAndNewlines)
        let indented = encoded.replacingOccurrences(of: "\n", with: "\n  ")
        return String(document[...open]) + "\n  \"\(key)\" : \(indented)," + document[document.index(after: open)...]
    }

    // Written by hand so that absent values are null, never left out (docs/reference.md, "JSON report").
    enum Keys: String, CodingKey {
        case tool, body, mode, status, objective, seed, seedSource, inputs, groups, selected, quotas, conflicts, repairs, repairSize, notes
        case adjustments, explanations, quotaPrices, groupDeviations, repaired, round, alternates, history
        case publicReport = "public"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(tool, forKey: .tool); try c.encode(body, forKey: .body); try c.encode(mode, forKey: .mode)
        try c.encode(status, forKey: .status); try c.encode(objective, forKey: .objective); try c.encode(seed, forKey: .seed)
        try c.encode(seedSource, forKey: .seedSource); try c.encode(inputs, forKey: .inputs); try c.encode(groups, forKey: .groups)
        try c.encode(selected, forKey: .selected); try c.encode(quotas, forKey: .quotas); try c.encode(conflicts, forKey: .conflicts)
        try c.encode(repairs, forKey: .repairs); try c.encode(repairSize, forKey: .repairSize); try c.encode(notes, forKey: .notes); try c.encode(adjustments, forKey: .adjustments)
        try c.encode(explanations, forKey: .explanations); try c.encode(quotaPrices, forKey: .quotaPrices)
        try c.encode(groupDeviations, forKey: .groupDeviations); try c.encode(repaired, forKey: .repaired)
        try c.encode(publicReport, forKey: .publicReport); try c.encode(round, forKey: .round); try c.encode(alternates, forKey: .alternates)
        try c.encode(history, forKey: .history)
    }
}

/// The one JSON encoding every report uses: snake_case keys, sorted, pretty-printed.
enum JSONReport {
    /// Throws `ReportError` when the value cannot be encoded (say, a non-finite number): a report is
    /// never silently replaced by an empty one.
    /// `indented: false` for very large reports (a lottery over thousands of big panels): one id a line
    /// would double the file and the time.
    static func encode<T: Encodable>(_ value: T, indented: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = indented ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw ReportError.encoding("the JSON report could not be written: \(error)")
        }
    }
}

/// A report that could not be produced (exit 3: nothing is written).
public enum ReportError: Error, Sendable, CustomStringConvertible {
    case encoding(String)

    public var description: String {
        switch self { case .encoding(let message): return message }
    }
}
