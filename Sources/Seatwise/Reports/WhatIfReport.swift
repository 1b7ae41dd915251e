// The report of `seatwise what-if`: the unadjusted panel's objective, then per question its
// adjustments in words and the difference (entering, leaving, objective change per group).

import Foundation

public enum WhatIfReport {
    public typealias Answer = (question: WhatIfQuestion, answer: WhatIf?, problem: String?)

    /// With `alternates` K, each answer's panel carries up to K alternates per seat (`select --alternates`).
    public static func text(base: SelectionResult, _ answers: [Answer], alternates: Int? = nil) -> String {
        var out = phrase("Seatwise what-if: {body}, {mode}, seed {seed}", ["body": .text(base.policy.body), "mode": .text(term(base.mode.rawValue)), "seed": .text(String(base.seed))]) + "\n"
        out += "  " + phrase("Unadjusted panel: {status}, rank sum {sum}", ["status": .text(term(base.status.rawValue)), "sum": .text(base.rankSum.map(String.init) ?? term("none"))]) + "\n"
        for (question, answer, problem) in answers {
            out += "\n\(question.name): \(question.adjustments.map(\.description).joined(separator: "; "))\n"
            if let problem { out += "  " + phrase("not asked: {problem}", ["problem": .text(problem)]) + "\n"; continue }
            guard let answer else { continue }
            out += "  \(answer.summary)\n"
            if answer.result.status == .infeasible {
                out += "    (\(term("select with the same adjustments names the conflicting rules and the smallest repair")))\n"
            } else {
                for g in answer.groups where g.change != 0 {
                    out += "    " + phrase("{group}: rank sum {before} → {after}", ["group": .text(g.group), "before": .number(g.rankSumBefore), "after": .number(g.rankSumAfter)]) + "\n"
                }
                for also in answer.crossGroup { out += "    \(also.description)\n" }
                if let k = alternates {
                    let ids = answer.result.input.nominees
                    for seat in Alternates.seats(answer.result, count: k) where answer.entering.contains(seat.member) {
                        let list = seat.alternates.map { "\(ids[$0].name) [\(ids[$0].id)]" }.joined(separator: ", ")
                        out += "    " + phrase("alternates for {member}: {list}", ["member": .nominee(id: ids[seat.member].id, name: ids[seat.member].name),
                                                                               "list": .text(list.isEmpty ? seat.blockedBy ?? term("none") : list)]) + "\n"
                    }
                }
            }
            for note in answer.result.context.adjustments { out += "    \(note.description)\n" }
        }
        return out
    }

    package struct GroupEntry: Encodable { var group: String, rankSumBefore: Int, rankSumAfter: Int, change: Int }
    /// An answer's difference from the round's own result, as every JSON answer states it.
    package struct Difference: Encodable {
        var entering: [String], leaving: [String], leavingCount: Int, objectiveChange: Int?, groups: [GroupEntry]
        /// Groups the adjustments did not name that change too, with the rule that makes them (null when no
        /// one rule does) and the sentence; empty in a public report, which names no one who leaves.
        var alsoChanging: [AlsoChanging] = []
        package func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(entering, forKey: .entering); try c.encode(leaving, forKey: .leaving); try c.encode(leavingCount, forKey: .leavingCount)
            try c.encode(objectiveChange, forKey: .objectiveChange); try c.encode(groups, forKey: .groups)
            try c.encode(alsoChanging, forKey: .alsoChanging)
        }
        enum Keys: String, CodingKey { case entering, leaving, leavingCount, objectiveChange, groups, alsoChanging = "also_changing" }
    }
    package struct AlsoChanging: Encodable {
        var group: String, rule: String?, message: String
        package func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(group, forKey: .group); try c.encode(rule, forKey: .rule); try c.encode(message, forKey: .message)
        }
        enum Keys: String, CodingKey { case group, rule, message }
    }
    struct Entry: Encodable {
        var name: String
        var adjustments: [String]
        var status: String?
        var problem: String?
        var difference: Difference?
        /// With `--alternates K`: each seated member's alternates, best first (null when not asked or no panel).
        var alternates: [String: [String]]?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name); try c.encode(adjustments, forKey: .adjustments); try c.encode(status, forKey: .status)
            try c.encode(problem, forKey: .problem); try c.encode(difference, forKey: .difference); try c.encode(alternates, forKey: .alternates)
        }
        enum Keys: String, CodingKey { case name, adjustments, status, problem, difference, alternates }
    }
    struct Document: Encodable { var base: SelectionDocument, questions: [Entry] }

    /// A public report names only the seated: those who leave are counted (as "" entries), not named.
    package static func difference(_ a: WhatIf, publicReport: Bool = false) -> Difference {
        let ids = a.result.input.nominees.map(\.id)
        return Difference(entering: a.entering.map { ids[$0] }, leaving: publicReport ? [] : a.leaving.map { ids[$0] }, leavingCount: a.leaving.count,
                          objectiveChange: a.objectiveChange,
                          groups: a.groups.map { GroupEntry(group: $0.group, rankSumBefore: $0.rankSumBefore, rankSumAfter: $0.rankSumAfter, change: $0.change) },
                          alsoChanging: publicReport ? [] : a.crossGroup.map { m in
                              func text(_ key: String) -> String? { if case .text(let t)? = m.parameters[key] { return t }; return nil }
                              return AlsoChanging(group: text("group") ?? "", rule: text("rule"), message: m.description)
                          })
    }

    public static func json(base: SelectionResult, _ answers: [Answer], alternates: Int? = nil) throws -> String {
        let entries = answers.map { question, answer, problem in
            Entry(name: question.name, adjustments: answer?.result.context.adjustments.map(\.description) ?? question.adjustments.map(\.description),
                  status: answer?.result.status.rawValue, problem: problem,
                  difference: answer.flatMap { $0.result.status == .infeasible ? nil : difference($0) },
                  alternates: answer.flatMap { a in
                      guard let k = alternates, a.result.status != .infeasible else { return nil }
                      let ids = a.result.input.nominees.map(\.id)
                      return Dictionary(uniqueKeysWithValues: Alternates.seats(a.result, count: k).map { (ids[$0.member], $0.alternates.map { ids[$0] }) })
                  })
        }
        return try JSONReport.encode(Document(base: SelectionDocument(base), questions: entries))
    }
}
