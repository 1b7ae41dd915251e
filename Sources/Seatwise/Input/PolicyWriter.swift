// A policy as the YAML the reader reads back to the same policy (read(write(p)) == p, a property test):
// the one writer for every policy Seatwise writes (`generate`, `import`, the workbench's editor). It
// writes a `PolicyDraft` — the policy's fields as text, as a person typed them or as a policy states
// them — so a form with a mistake is written as typed and the reader, not this writer, names the key.
// Text is double-quoted (JSON strings are YAML); numbers and bounds as written (`3`, `40%`).

import Foundation

/// A policy's fields as text, not yet judged: what the workbench's form holds, or a `Policy` restated.
public struct PolicyDraft: Sendable, Equatable {
    public struct QuotaDraft: Sendable, Equatable {
        public enum Values: Sendable, Equatable { case each, listed([String]) }
        public enum Scope: Sendable, Equatable { case body, perGroup, group(String) }
        public var attribute: String
        public var values: Values
        public var scope: Scope = .body
        public var min: String?
        public var max: String?
        public var priority: String?
        public var hard = false
        public init(attribute: String, values: Values, scope: Scope = .body, min: String? = nil, max: String? = nil,
                    priority: String? = nil, hard: Bool = false) {
            self.attribute = attribute; self.values = values; self.scope = scope
            self.min = min; self.max = max; self.priority = priority; self.hard = hard
        }
    }

    public var body: String
    public var seats: [(group: String, seats: String)]
    /// Groups seated but counted in no quota.
    public var uncounted: Set<String> = []
    /// Groups that appoint their own members.
    public var appointed: Set<String> = []
    /// Groups that choose alone.
    public var independent: Set<String> = []
    /// Groups whose holders form a role.
    public var roles: Set<String> = []
    /// `rules.places_per_person`, when not 1.
    public var placesPerPerson: String?
    public var quotas: [QuotaDraft]
    public var continuing: SelectionRules.Continuing = .keep
    public var maxTerms: String?
    public var renewal: (minNew: String, perGroup: Bool)?
    public var objective: ObjectiveKind = .rankSum
    public var lottery: (method: LotteryMethod, draw: String?)?
    public var seed: String?

    public init(body: String, seats: [(group: String, seats: String)], quotas: [QuotaDraft]) {
        self.body = body; self.seats = seats; self.quotas = quotas
    }

    /// A policy restated as text: the renewal rule's quota is written as the rule it stands for.
    public init(_ policy: Policy) {
        self.init(body: policy.body, seats: policy.seats.map { (group: $0.key, seats: String($0.value)) },
                  quotas: policy.quotas.filter { !$0.renewal }.map { q in
                      let values: QuotaDraft.Values
                      switch q.selector {
                      case .each: values = .each
                      case .one(let v): values = .listed([v])
                      case .anyOf(let vs): values = .listed(vs)
                      }
                      let scope: QuotaDraft.Scope
                      switch q.scope {
                      case .body: scope = .body
                      case .perGroup: scope = .perGroup
                      case .group(let g): scope = .group(g)
                      }
                      return QuotaDraft(attribute: q.attribute, values: values, scope: scope, min: q.min?.description, max: q.max?.description,
                                        priority: q.priority == 0 ? nil : String(q.priority), hard: q.hard)
                  })
        uncounted = policy.uncounted
        appointed = policy.rules.appointed
        roles = policy.roles
        independent = policy.rules.independent
        placesPerPerson = policy.rules.placesPerPerson == 1 ? nil : String(policy.rules.placesPerPerson)
        continuing = policy.rules.continuing
        maxTerms = policy.rules.maxTerms.map(String.init)
        renewal = policy.rules.renewal.map { (minNew: $0.minNew.description, perGroup: $0.perGroup) }
        objective = policy.objective
        if policy.objective == .lottery, let lottery = policy.lottery { self.lottery = (method: lottery.method, draw: lottery.draw) }
        seed = policy.seed.map(String.init)
    }

    public static func == (a: PolicyDraft, b: PolicyDraft) -> Bool {
        a.body == b.body && a.seats.map(\.group) == b.seats.map(\.group) && a.seats.map(\.seats) == b.seats.map(\.seats) && a.uncounted == b.uncounted && a.appointed == b.appointed
            && a.roles == b.roles && a.placesPerPerson == b.placesPerPerson && a.independent == b.independent
            && a.quotas == b.quotas && a.continuing == b.continuing && a.maxTerms == b.maxTerms
            && a.renewal?.minNew == b.renewal?.minNew && a.renewal?.perGroup == b.renewal?.perGroup && a.objective == b.objective
            && a.lottery?.method == b.lottery?.method && a.lottery?.draw == b.lottery?.draw && a.seed == b.seed
    }
}

public enum PolicyWriter {
    /// `comments`: lines put first, each after "# ".
    public static func yaml(_ policy: Policy, comments: [String] = []) -> String {
        yaml(PolicyDraft(policy), comments: comments)
    }

    public static func yaml(_ draft: PolicyDraft, comments: [String] = []) -> String {
        var out = comments.map { "# \($0)\n" }.joined()
        out += "body: \(quoted(draft.body))\nseats:\n"
        for (group, seats) in draft.seats {
            var extra: [String] = []
            if draft.uncounted.contains(group) { extra.append("counts: false") }
            if draft.appointed.contains(group) { extra.append("mode: appointed") }
            if draft.independent.contains(group) { extra.append("mode: independent") }
            if draft.roles.contains(group) { extra.append("role: true") }
            out += extra.isEmpty ? "  \(quoted(group)): \(scalar(seats))\n"
                : "  \(quoted(group)): { seats: \(scalar(seats)), \(extra.joined(separator: ", ")) }\n"
        }
        if !draft.quotas.isEmpty {
            out += "quotas:\n"
            for quota in draft.quotas { out += "  - { \(fields(quota).joined(separator: ", ")) }\n" }
        }
        var rules: [String] = []
        if draft.continuing != .keep { rules.append("  continuing: \(draft.continuing.rawValue)") }
        if let maxTerms = draft.maxTerms { rules.append("  max_terms: \(scalar(maxTerms))") }
        if let places = draft.placesPerPerson { rules.append("  places_per_person: \(scalar(places))") }
        if let renewal = draft.renewal {
            rules.append("  renewal: { min_new: \(scalar(renewal.minNew))\(renewal.perGroup ? ", per: group" : "") }")
        }
        if !rules.isEmpty { out += "rules:\n" + rules.map { $0 + "\n" }.joined() }
        out += "objective: \(draft.objective.rawValue)\n"
        if let lottery = draft.lottery, draft.objective == .lottery {
            out += "lottery: { method: \(lottery.method.rawValue)\(lottery.draw.map { ", draw: \(quoted($0))" } ?? "") }\n"
        }
        if let seed = draft.seed { out += "tie_break: { seed: \(scalar(seed)) }\n" }
        return out
    }

    static func fields(_ quota: PolicyDraft.QuotaDraft) -> [String] {
        var parts = ["attribute: \(quoted(quota.attribute))"]
        switch quota.values {
        case .listed(let values) where values.count == 1: parts.append("value: \(quoted(values[0]))")
        case .listed(let values): parts.append("values: [\(values.map(quoted).joined(separator: ", "))]")
        case .each: parts.append("each: true")
        }
        if let min = quota.min { parts.append("min: \(scalar(min))") }
        if let max = quota.max { parts.append("max: \(scalar(max))") }
        switch quota.scope {
        case .body: break
        case .perGroup: parts.append("per: group")
        case .group(let group): parts.append("group: \(quoted(group))")
        }
        if let priority = quota.priority { parts.append("priority: \(scalar(priority))") }
        if quota.hard { parts.append("hard: true") }
        return parts
    }

    /// A number or bound as written; anything else quoted, so the reader calls it what it is (not a number).
    static func scalar(_ text: String) -> String {
        let digits = text.first == "-" ? text.dropFirst() : Substring(text)
        return digits.first.map { $0.isASCII && $0.isNumber } == true && digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "%" || $0 == ".") })
            ? text : quoted(text)
    }

    static func quoted(_ text: String) -> String {
        { let e = JSONEncoder(); e.outputFormatting = .withoutEscapingSlashes; return String(decoding: (try? e.encode(text)) ?? Data("\"\"".utf8), as: UTF8.self) }()
    }
}
