// The public version of a selection (`--public`): seated members are named; every other nominee is only
// counted, by group and reason. Applied to what the reports are drawn from, so every format obeys it.

import Foundation

public struct PublicView: Sendable {
    /// When the report was made, for the announcement ("2026-12-01 18:20 UTC").
    public var madeAt: String
    /// One plain sentence in place of objective figures.
    public var headline: String
    /// Nominees not seated: (group, reason in words, how many), in the policy's group order.
    public var notSeated: [(group: String, reason: String, count: Int)]
    /// The ids of every nominee who is not seated: messages naming them name a hidden nominee instead.
    private let hiddenIDs: Set<String>
    /// People with no seated place: the places rule's rows name them by their id, and are left out.
    private var hiddenPeople: Set<String> = []

    public init(_ result: SelectionResult, explanations: ExplanationReport? = nil, madeAt: Date = Date()) {
        self.madeAt = Self.time(madeAt)
        headline = SelectionReport.headline(result)
        let nominees = result.input.nominees
        hiddenIDs = Set(nominees.indices.filter { !result.isSeated[$0] }.map { nominees[$0].id })
        let seatedPeople = Set(result.seated.map { nominees[$0].person })
        hiddenPeople = Set(nominees.map(\.person).filter { !seatedPeople.contains($0) })
        // The explained reason where there is one, else the rule-based one.
        var reasons = DecisionReason.all(in: result)
        for e in explanations?.explanations ?? [] { reasons[e.nominee] = e.reason }
        var counts: [String: [String: Int]] = [:]
        for i in nominees.indices where !result.isSeated[i] {
            counts[nominees[i].group, default: [:]][reasons[i].unseatedWords, default: 0] += 1
        }
        notSeated = result.policy.groups.flatMap { g in
            (counts[g] ?? [:]).sorted { $0.key < $1.key }.map { (group: g, reason: $0.key, count: $0.value) }
        }
    }

    /// A comparison's public version: the members of either panel may be named (each was seated by one
    /// way of choosing); a nominee seated by neither is not.
    public init(comparison c: Comparison, madeAt: Date = Date()) {
        self.madeAt = Self.time(madeAt)
        headline = phrase("Independent: {independent}. Coordinated: {coordinated}.", ["independent": .text(SelectionReport.headline(c.independent)), "coordinated": .text(SelectionReport.headline(c.coordinated))])
        let shown = Set(c.independent.seated).union(c.coordinated.seated)
        hiddenIDs = Set(c.input.nominees.indices.filter { !shown.contains($0) }.map { c.input.nominees[$0].id })
        notSeated = []
    }

    /// An audit's public version: the roster is public already; only the time and provenance change.
    public init(audit: AuditResult, madeAt: Date = Date()) {
        self.madeAt = Self.time(madeAt)
        headline = ""
        let onRoster = Set(audit.roster.nominees.map(\.id))
        hiddenIDs = Set((audit.pool?.nominees ?? []).map(\.id).filter { !onRoster.contains($0) })
        notSeated = []
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// A message with every nominee who is not seated left unnamed: messages name nominees by parameter,
    /// so this changes parameters, never words.
    func hide(_ m: Message) -> Message { m.hiding { hiddenIDs.contains($0) } }

    /// A rule reference that names a nominee not seated names no one.
    func hide(_ r: RuleReference) -> RuleReference {
        guard r.kind == .fixed, let id = r.id, hiddenIDs.contains(id) else { return r }
        var r = r
        r.id = nil
        return r
    }

    /// The result as a public report may show it: notes, adjustments and counting checks without the unseated.
    func apply(to result: SelectionResult) -> SelectionResult {
        var shown = result
        shown.quotas = result.quotas.filter { !($0.row.places && hiddenPeople.contains($0.row.values[0])) }
        shown.notes = result.notes.map(hide)
        shown.preCheckFailures = result.preCheckFailures.map { f in
            var f = f
            f.message = hide(f.message)
            f.rules = f.rules.map(hide)
            f.references = f.references.map(hide)
            return f
        }
        shown.context.adjustments = result.context.adjustments.map(hide)
        shown.context.messages = result.context.messages.map(hide)
        return shown
    }

    /// Explanations only for the seated; who would enter in their place is not named.
    func apply(to report: ExplanationReport, of result: SelectionResult) -> ExplanationReport {
        var shown = report
        shown.explanations = report.explanations.filter { result.isSeated[$0.nominee] }.map { e in
            var e = e
            e.said = hide(e.said)
            e.rules = e.rules.map { CitedRule(hide($0.said), quota: $0.quota) }
            e.entering = []
            return e
        }
        shown.prices = report.prices.map { p in
            var p = p
            p.said = hide(p.said)
            p.entering = []
            return p
        }
        shown.deviations = report.deviations.map { d in
            var d = d
            d.passedOver = []
            d.said = hide(d.said)
            return d
        }
        shown.notes = report.notes.map(hide)
        return shown
    }

    func apply(to diagnosis: Diagnosis, of result: SelectionResult) -> Diagnosis {
        var shown = diagnosis
        let conflict = { (c: ConflictReport) -> ConflictReport in
            var c = c
            c.message = hide(c.message)
            c.rules = c.rules.map(hide)
            c.references = c.references.map(hide)
            return c
        }
        shown.conflicts = diagnosis.conflicts.map(conflict)
        shown.repairSize = diagnosis.repairSize.map(conflict)
        shown.notes = diagnosis.notes.map(hide)
        // The panel under a repair is not the chosen panel: a public report does not name its members.
        shown.repaired = nil
        shown.repairedExplanations = nil
        return shown
    }
}
