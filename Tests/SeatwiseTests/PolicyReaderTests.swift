// The policy reader: the full schema, exact percentages, and every problem with its key path and line.

import Testing
@testable import Seatwise

@Suite("Policy reader")
struct PolicyReaderTests {
    func read(_ text: String) throws -> Policy { try PolicyReader().read(Fixtures.file(text, path: "policy.yaml")) }
    func problems(_ text: String) -> [InputDiagnostic] { Fixtures.diagnostics { _ = try read(text) } }

    @Test("the full schema of the README's policy file")
    func fullSchema() throws {
        let policy = try read("""
        body: IGF MAG (example)
        seats:
          Government: 20
          Civil Society: 10
        quotas:
          - { attribute: gender, value: female, min: 40% }
          - { attribute: region, each: true, min: 15%, priority: 3 }
          - { attribute: development, values: [developing, economy_in_transition], min: 12.5% }
          - { attribute: gender, value: female, min: 1, per: group }
          - { attribute: region, each: true, min: 4, max: 4, group: government, hard: true }
        rules:
          continuing: keep
          max_terms: 3
        objective: lexicographic
        tie_break: { seed: 2026 }
        """)
        #expect(policy.body == "IGF MAG (example)")
        #expect(policy.groups == ["Government", "Civil Society"] && policy.totalSeats == 30)
        #expect(policy.quotas.count == 5)
        #expect(policy.quotas[0].min == .percent(numerator: 40, denominator: 100))
        #expect(policy.quotas[1].selector == .each && policy.quotas[1].priority == 3)
        #expect(policy.quotas[2].selector == .anyOf(["developing", "economy_in_transition"]))
        #expect(policy.quotas[2].min == .percent(numerator: 125, denominator: 1000))
        #expect(policy.quotas[3].scope == .perGroup)
        #expect(policy.quotas[4].scope == .group("Government") && policy.quotas[4].hard)
        #expect(policy.quotas[4].line == 10)
        #expect(policy.rules.maxTerms == 3 && policy.objective == .lexicographic && policy.seed == 2026)
    }

    @Test("percentages round exactly: up for a minimum, down for a maximum")
    func rounding() {
        let forty = QuotaBound.percent(numerator: 40, denominator: 100)
        #expect(forty.minimum(seats: 55) == 22, "40% of 55 is exactly 22 (floating point would give 23)")
        #expect(forty.maximum(seats: 55) == 22)
        #expect(forty.minimum(seats: 56) == 23 && forty.maximum(seats: 56) == 22)
        let fifteen = QuotaBound.percent(numerator: 15, denominator: 100)
        #expect(fifteen.minimum(seats: 20) == 3 && fifteen.minimum(seats: 50) == 8)
        #expect(QuotaBound.percent(numerator: 125, denominator: 1000).minimum(seats: 8) == 1)
        #expect(QuotaBound.percent(numerator: 125, denominator: 1000).description == "12.5%")
        #expect(forty.description == "40%")
    }

    @Test("unknown keys, wrong types, bad bounds and unknown groups, each with key path and line")
    func everyProblem() {
        let found = problems("""
        body: x
        seats:
          Government: two
          Civil Society: 0
        quotas:
          - { attribute: gender, value: female, min: 140% }
          - { attribute: gender, value: female, min: -3 }
          - { attribute: gender, value: female, min: 5, max: 2 }
          - { attribute: region, each: true, min: 1, group: Nowhere }
          - { attribute: gender, value: female, values: [a], min: 1 }
          - { attribute: gender, value: x, minimum: 1 }
          - { attribute: gender, value: x, min: 0.4 }
        rules: { continuing: drop, max_terms: 0 }
        objective: fastest
        tie_break: { seed: -1 }
        colour: blue
        """)
        func has(_ key: String, _ line: Int, _ fragment: String) -> Bool {
            found.contains { $0.key == key && $0.line == line && $0.message.contains(fragment) && $0.file == "policy.yaml" }
        }
        #expect(has("seats.Government", 3, "'two' is not a whole number"))
        #expect(has("seats.Civil Society", 4, "at least 1"))
        #expect(has("quotas[1].min", 6, "over 100%"))
        #expect(has("quotas[2].min", 7, "negative"))
        #expect(has("quotas[3].min", 8, "above max"))
        #expect(has("quotas[4].group", 9, "'Nowhere' is not a group"))
        #expect(has("quotas[5]", 10, "gives value and values"))
        #expect(has("quotas[6].minimum", 11, "unknown key"))
        #expect(has("quotas[7].min", 12, "neither a count"))
        #expect(has("rules.continuing", 13, "'drop'"))
        #expect(has("rules.max_terms", 13, "at least 1"))
        #expect(has("objective", 14, "'fastest'"))
        #expect(has("tie_break.seed", 15, "'-1'"))
        #expect(has("colour", 16, "unknown key"))
    }

    @Test("YAML syntax errors and missing seats")
    func syntax() {
        let broken = problems("seats:\n  Government: [1, 2\n")
        #expect(broken.count == 1 && broken[0].line != nil && broken[0].message.contains("YAML syntax error"))
        #expect(problems("body: x\n").contains { $0.key == "seats" && $0.message.contains("missing") })
        #expect(problems("- a\n- b\n").first?.message.contains("mapping") == true)
        #expect(problems("seats:\n  A: 1\n  a: 2\n").contains { $0.message.contains("listed twice") })
    }
}
