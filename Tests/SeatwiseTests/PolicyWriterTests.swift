// The one policy writer: whatever policy it is given, the reader reads its YAML back to the same policy
// (random policies of every quota form, scope, bound, rule and objective; names with quotes, colons,
// hashes and non-ASCII letters), the workbench's editor writes a policy's own form back to the same
// policy, and `generate` and `import` write through it.

import Foundation
import PropertyBased
import Testing
@testable import Seatwise
@testable import SeatwiseServer

@Suite("Policy writer")
struct PolicyWriterTests {
    static let names = ["Government", "Civil Society", "Tech: \"core\" #1", "Société civile", "Grupo 3", "G/4"]
    static let attributes = ["gender", "region", "development", "country", "organization", "status", "language"]

    static func randomPolicy(_ seed: Int) -> Policy {
        var rng = TestRandom(UInt64(seed))
        let groups = Array(names.shuffled(using: &rng).prefix(1 + rng.int(4)))
        var seats: [(String, Int)] = []
        for g in groups { seats.append((g, 1 + rng.int(30))) }
        func bound() -> QuotaBound {
            rng.int(2) == 0 ? .count(rng.int(10)) : (rng.int(2) == 0 ? .percent(numerator: rng.int(101), denominator: 100) : .percent(numerator: rng.int(1001), denominator: 1000))
        }
        var quotas: [Quota] = []
        for k in 0..<rng.int(6) {
            let attribute = attributes[rng.int(attributes.count)]
            let selector: ValueSelector = [ValueSelector.each, .one("v\(k) \"x\": y"), .anyOf(["a", "b: c", "ñ"])][rng.int(3)]
            let scope: QuotaScope = [QuotaScope.body, .perGroup, .group(groups[rng.int(groups.count)])][rng.int(3)]
            var min: QuotaBound? = rng.int(2) == 0 ? bound() : nil
            let max: QuotaBound? = rng.int(2) == 0 || min == nil ? .count(10 + rng.int(20)) : nil
            if case .percent? = min, max != nil { min = .count(rng.int(10)) }
            quotas.append(Quota(index: k, attribute: attribute, selector: selector, min: min, max: max, scope: scope,
                                priority: rng.int(3), hard: rng.int(4) == 0))
        }
        let renewal = rng.int(2) == 0 ? SelectionRules.Renewal(minNew: .count(rng.int(3)), perGroup: rng.int(2) == 0) : nil
        let rules = SelectionRules(continuing: rng.int(2) == 0 ? .keep : .compete, maxTerms: rng.int(2) == 0 ? 1 + rng.int(4) : nil, renewal: renewal)
        let objective: ObjectiveKind = [.rankSum, .lexicographic, .lottery][rng.int(3)]
        var policy = Policy(body: "Body \(seed): \"quoted\" # not a comment", seats: .init(uniqueKeysWithValues: seats), quotas: quotas,
                            rules: rules, objective: objective, seed: rng.int(2) == 0 ? UInt64(rng.int(1_000_000)) : nil)
        if objective == .lottery { policy.lottery = LotterySettings(method: rng.int(2) == 0 ? .leximin : .maximin, draw: rng.int(2) == 0 ? "4 8 15 / 16 23 42" : nil) }
        // Now and then a group counted in no quota: one no quota names, and never every group.
        let named = Set(quotas.compactMap { if case .group(let g) = $0.scope { return g } else { return nil } })
        if groups.count > 1, rng.int(3) == 0, let free = groups.first(where: { !named.contains($0) }) { policy.uncounted = [free] }
        if rng.int(3) == 0 { policy.rules.appointed = [groups[rng.int(groups.count)]] }
        return policy
    }

    /// The facts of a policy, as text, for comparison (line numbers aside).
    static func facts(_ p: Policy) -> String {
        let quotas = p.quotas.map { q in "\(q.index)|\(q.attribute)|\(q.selector)|\(String(describing: q.min))|\(String(describing: q.max))|\(q.scope)|\(q.priority)|\(q.hard)|\(q.renewal)" }
        let renewal = p.rules.renewal.map { "\($0.minNew)|\($0.perGroup)" } ?? "none"
        return "\(p.body)\n\(p.seats.map { "\($0.key)=\($0.value)\(p.uncounted.contains($0.key) ? " uncounted" : "")\(p.rules.appointed.contains($0.key) ? " appointed" : "")" })\n\(quotas)\n\(p.rules.continuing)|\(String(describing: p.rules.maxTerms))|\(renewal)\n"
            + "\(p.objective)|\(String(describing: p.seed))|\(p.lottery.map { "\($0.method)|\(String(describing: $0.draw))" } ?? "none")"
    }

    @Test("read(write(p)) == p")
    func roundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            let policy = Self.randomPolicy(seed)
            let yaml = PolicyWriter.yaml(policy, comments: ["written by a test"])
            do {
                let read = try PolicyReader().read(InputFile(path: "p.yaml", bytes: Array(yaml.utf8)))
                var expected = policy
                // The reader adds the renewal rule as the quota it stands for, after the listed ones.
                if let renewal = policy.rules.renewal {
                    expected.quotas.append(Quota(index: policy.quotas.count, attribute: "status", selector: .one("new"), min: renewal.minNew,
                                                 scope: renewal.perGroup ? .perGroup : .body, renewal: true))
                }
                #expect(Self.facts(read) == Self.facts(expected), "\(yaml)")
            } catch {
                Issue.record("\(error)\n\(yaml)")
            }
        }
    }

    @Test("the workbench editor's form of a policy is written back to the same policy")
    func editorRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            let policy = Self.randomPolicy(seed)
            let yaml = PolicyEditor.yaml(PolicyEditor.fields(policy))
            do {
                let read = try PolicyReader().read(InputFile(path: "p.yaml", bytes: Array(yaml.utf8)))
                let expected = try PolicyReader().read(InputFile(path: "p.yaml", bytes: Array(PolicyWriter.yaml(policy).utf8)))
                #expect(Self.facts(read) == Self.facts(expected), "\(yaml)")
                #expect(yaml == PolicyWriter.yaml(policy), "the editor and the writer disagree")
            } catch {
                Issue.record("\(error)\n\(yaml)")
            }
        }
    }

    @Test("a form with a mistake is written as typed, and the reader names the key")
    func editorKeepsMistakes() throws {
        let yaml = PolicyEditor.yaml(["body": "B", "group_0": "Government", "seats_0": "ten", "q0_attribute": "gender", "q0_values": "F", "q0_min": "-2"])
        #expect(throws: InputError.self) { try PolicyReader().read(InputFile(path: "p.yaml", bytes: Array(yaml.utf8))) }
        do { _ = try PolicyReader().read(InputFile(path: "p.yaml", bytes: Array(yaml.utf8))) } catch let error as InputError {
            let keys = Set(error.diagnostics.compactMap(\.key))
            #expect(keys.contains { $0.contains("seats") }, "\(error.diagnostics)")
        }
    }
}
