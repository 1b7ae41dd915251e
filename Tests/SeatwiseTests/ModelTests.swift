// Model building: quota rows with their labels and bounds, fixed columns, objectives, the LP file.

import Testing
@testable import Seatwise

@Suite("Model")
struct ModelTests {
    func nominee(_ id: String, _ group: String, _ gender: String, _ region: String, rank: Int? = nil,
                 status: NomineeStatus = .new, terms: Int = 0) -> Nominee {
        Nominee(id: id, name: "Name \(id)", group: group, rank: rank, status: status, terms: terms,
                attributes: ["gender": gender, "region": region, "country": "C-\(id)", "development": "developing"])
    }

    var input: SelectionInput {
        let nominees = [
            nominee("a", "Gov", "female", "African", rank: 1), nominee("b", "Gov", "male", "WEOG", rank: 2),
            nominee("c", "Gov", "male", "African", status: .continuing), nominee("d", "CS", "female", "GRULAC", rank: 1),
            nominee("e", "CS", "male", "WEOG", rank: 1, terms: 3), nominee("f", "CS", "female", "WEOG", status: .withdrawn),
        ]
        let policy = Policy(body: "B", seats: ["Gov": 2, "CS": 1], quotas: [
            Quota(index: 0, attribute: "gender", selector: .one("female"), min: .percent(numerator: 40, denominator: 100)),
            Quota(index: 1, attribute: "region", selector: .each, max: .count(1), scope: .perGroup),
            Quota(index: 2, attribute: "gender", selector: .one("male"), min: .count(1), max: .count(1), scope: .group("Gov")),
        ], rules: SelectionRules(continuing: .keep, maxTerms: 3), seed: 4)
        return SelectionInput(policy: policy, nominees: nominees)
    }

    @Test("quota rows: scopes, each-values among those who can be seated, rounded bounds, labels")
    func quotaRows() {
        let context = SelectionContext(input)
        let rows = context.quotaRows
        #expect(rows[0].min == 2 && rows[0].max == nil && rows[0].group == nil, "40% of 3 seats rounds up to 2")
        #expect(rows[0].label == "quota 1: gender = female, at least 2 of 3 seats in the body")
        // per group, every region of the reference list, whether or not anyone who can be seated has it
        let perGroup = rows.filter { $0.quotaIndex == 1 }
        #expect(perGroup.map { "\($0.group!):\($0.values[0])" } == ["Gov", "CS"].flatMap { g in CountryTable.regions.map { "\(g):\($0)" } })
        #expect(perGroup.map(\.members.count) == [2, 0, 0, 0, 1, 0, 0, 0, 1, 2], "CS's WEOG row counts e and f, who cannot be seated")
        #expect(rows.last!.label == "quota 3: gender = male, exactly 1 of 2 seats in Gov")
        #expect(context.standings.map { "\($0)" } == ["free", "free", "fixedIn(Seatwise.StandingRule.continuing)", "free", "fixedOut(Seatwise.StandingRule.termLimited)", "fixedOut(Seatwise.StandingRule.withdrawn)"])
    }

    @Test("the program: columns fixed by standing, seats rows, one row per binding bound, objectives in order")
    func program() {
        let context = SelectionContext(input)
        let model = context.model(groups: input.policy.groups, rows: context.quotaRows)
        let p = model.program
        #expect(p.variables.map { "\($0.lower)\($0.upper)" } == ["01", "01", "11", "01", "00", "00"])
        #expect(p.rows[0].name == "seats_Gov" && p.rows[0].sense == .equal && p.rows[0].rhs == 2 && p.rows[0].terms.count == 3)
        #expect(p.rows[0].label == "Gov fills exactly 2 seats")
        let female = p.rows.first { $0.origin == .quotaMin(row: 0) }!
        #expect(female.sense == .atLeast && female.rhs == 2 && female.terms.map(\.variable) == [0, 3, 5])
        #expect(p.rows.contains { $0.origin == .quotaExact(row: 11) && $0.sense == .equal && $0.rhs == 1 })
        // a cap of 1 on a value only one nominee has is vacuous and not written
        #expect(!p.rows.contains { $0.origin == .quotaMax(row: 9) })
        #expect(p.rows.contains { $0.origin == .quotaMax(row: 1) && $0.rhs == 1 })
        #expect(p.objectives.count == 2 && p.objectives[0].minimize)
        #expect(p.objectives[0].coefficients == [1, 2, 3, 1, 1, 2], "unranked nominees rank after the group's ranked ones")
        #expect(p.objectives[1].label.contains("seed 4"))
    }

    @Test("lexicographic objectives: one stage per rank level among free nominees")
    func lexicographic() {
        var lex = input
        lex.policy.objective = .lexicographic
        let context = SelectionContext(lex)
        let model = context.model(groups: lex.policy.groups, rows: context.quotaRows)
        #expect(model.rankLevels == [1, 2])
        #expect(model.program.objectives.count == 3)
        // d (CS, rank 1) and a (Gov, rank 1); e is ranked 1 but term-limited (fixed out, counted as a constant).
        #expect(model.program.objectives[0].coefficients == [1, 0, 0, 1, 1, 0] && !model.program.objectives[0].minimize)
        // f is unranked: effective rank 2 in CS for the rank sum, but no level of its own here.
        #expect(model.program.objectives[1].coefficients == [0, 1, 0, 0, 0, 0])
    }

    @Test("the CPLEX LP file names and labels every row")
    func lpFile() {
        let context = SelectionContext(input)
        let model = context.model(groups: input.policy.groups, rows: context.quotaRows)
        let lp = CPLEXLPWriter.write(model.program, title: "B")
        #expect(lp.contains("Minimize\n obj: 1 x_a + 2 x_b + 3 x_c + 1 x_d + 1 x_e + 2 x_f\n"))
        #expect(lp.contains(" seats_Gov: 1 x_a + 1 x_b + 1 x_c = 2\n"))
        #expect(lp.contains(" q1_gender_female_min: 1 x_a + 1 x_d + 1 x_f >= 2\n"))
        #expect(lp.contains("\\   q1_gender_female_min: quota 1: gender = female, at least 2 of 3 seats in the body\n"))
        #expect(lp.contains(" x_c = 1\n") && lp.contains(" x_e = 0\n"))
        #expect(lp.hasSuffix("Binary\n x_a x_b x_c x_d x_e x_f\nEnd\n"))
    }

    @Test("names are made safe for LP readers and unique")
    func names() {
        var names = LPNames()
        #expect(names.make("x", ["ab-1 é"]) == "x_ab_1")
        #expect(names.make("x", ["ab_1"]) == "x_ab_1_2")
        #expect(names.make("x", [""]) == "x")
    }
}
