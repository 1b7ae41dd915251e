// A policy as the YAML the reader reads back to the same policy (read(write(p)) == p, a property test):
// the one writer for every policy Seatwise writes (`generate`, `import`, the workbench's editor once its
// form is a policy). Text is double-quoted (JSON strings are YAML); bounds as written (`3`, `40%`).

import Foundation

public enum PolicyWriter {
    /// `comments`: lines put first, each after "# ".
    public static func yaml(_ policy: Policy, comments: [String] = []) -> String {
        var out = comments.map { "# \($0)\n" }.joined()
        out += "body: \(quoted(policy.body))\nseats:\n"
        for (group, seats) in policy.seats { out += "  \(quoted(group)): \(seats)\n" }
        let listed = policy.quotas.filter { !$0.renewal }
        if !listed.isEmpty {
            out += "quotas:\n"
            for quota in listed { out += "  - { \(fields(quota).joined(separator: ", ")) }\n" }
        }
        var rules: [String] = []
        if policy.rules.continuing != .keep { rules.append("  continuing: \(policy.rules.continuing.rawValue)") }
        if let maxTerms = policy.rules.maxTerms { rules.append("  max_terms: \(maxTerms)") }
        if let renewal = policy.rules.renewal {
            rules.append("  renewal: { min_new: \(renewal.minNew.description)\(renewal.perGroup ? ", per: group" : "") }")
        }
        if !rules.isEmpty { out += "rules:\n" + rules.map { $0 + "\n" }.joined() }
        out += "objective: \(policy.objective.rawValue)\n"
        if let lottery = policy.lottery, policy.objective == .lottery {
            out += "lottery: { method: \(lottery.method.rawValue)\(lottery.draw.map { ", draw: \(quoted($0))" } ?? "") }\n"
        }
        if let seed = policy.seed { out += "tie_break: { seed: \(seed) }\n" }
        return out
    }

    static func fields(_ quota: Quota) -> [String] {
        var parts = ["attribute: \(quoted(quota.attribute))"]
        switch quota.selector {
        case .one(let value): parts.append("value: \(quoted(value))")
        case .anyOf(let values): parts.append("values: [\(values.map(quoted).joined(separator: ", "))]")
        case .each: parts.append("each: true")
        }
        if let min = quota.min { parts.append("min: \(min.description)") }
        if let max = quota.max { parts.append("max: \(max.description)") }
        switch quota.scope {
        case .body: break
        case .perGroup: parts.append("per: group")
        case .group(let group): parts.append("group: \(quoted(group))")
        }
        if quota.priority != 0 { parts.append("priority: \(quota.priority)") }
        if quota.hard { parts.append("hard: true") }
        return parts
    }

    static func quoted(_ text: String) -> String {
        { let e = JSONEncoder(); e.outputFormatting = .withoutEscapingSlashes; return String(decoding: (try? e.encode(text)) ?? Data("\"\"".utf8), as: UTF8.self) }()
    }
}
