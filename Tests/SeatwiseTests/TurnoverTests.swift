// The turnover methods as a library user calls them, on files written here: the roster's departures and
// open seats, a renewal rule read from the policy, a replacement, and the calendar's term-limit years.
// (Exactness against HiGHS and brute force is in Tests/crosscheck/test_vacancies, test_replace, test_plan.)

import Foundation
import Testing
@testable import Seatwise

@Suite("Turnover: vacancies, replacements and the renewal calendar")
struct TurnoverTests {
    static let roster = """
        id,name,group,gender,country,status,terms
        g1,Ada,Government,female,KEN,continuing,3
        g2,Bo,Government,male,DEU,continuing,1
        g3,Cy,Government,male,BRA,continuing,2
        c1,Di,Civil Society,female,IND,continuing,1
        c2,Ed,Civil Society,male,POL,continuing,3

        """
    static let policy = """
        body: Small body
        seats: { Government: 3, Civil Society: 2 }
        quotas:
          - { attribute: gender, value: female, min: 1, per: group }
          - { attribute: country, each: true, max: 1, per: group }
        rules: { max_terms: 3, renewal: { min_new: 1, per: group } }

        """

    static func load() throws -> Roster {
        let folder = Fixtures.temporaryFolder()
        return try Roster.load(roster: Fixtures.write(roster, "roster.csv", in: folder), policy: Fixtures.write(policy, "policy.yaml", in: folder),
                               countries: CountryTable.bundled())
    }

    @Test("the term limit and an announced departure open seats; the renewal rule is a quota row of its own")
    func vacancies() throws {
        let body = try Self.load()
        let v = try body.vacancies(leaving: try body.members(["G2"], option: "--leaving"), reason: "new post", countries: CountryTable.bundled())
        #expect(v.departures.map { body.members[$0.member].id } == ["c2", "g1", "g2"])
        #expect(v.departures.map(\.words).contains("announced departure: new post"))
        #expect(Array(v.open.values) == [2, 1])
        let renewal = v.rows.filter(\.row.renewal)
        // Every newcomer is new: the rule's range is the open seats, whatever its minimum.
        #expect(renewal.count == 2 && renewal.allSatisfy { $0.row.label.hasPrefix("renewal rule: status = new") && $0.note == nil })
        #expect(renewal.map(\.minNew) == [2, 1] && renewal.map(\.maxNew) == [2, 1])
        #expect(!body.input.notes.contains { $0.contains("rules.renewal") })
        // Government keeps one man (g3) and needs a woman: of two open seats, one to three women is too many.
        let women = v.rows.first { $0.row.subject == "gender = female" && $0.row.group == "Government" }!
        #expect((women.minNew, women.maxNew) == (1, 2))
        let brazil = v.rows.first { $0.row.values == ["BRA"] }!
        #expect(brazil.maxNew == 0 && brazil.note?.contains("its one seat is held") == true)
    }

    @Test("a replacement keeps everyone else, even past the term limit, and names who enters")
    func replace() throws {
        let body = try Self.load()
        let folder = Fixtures.temporaryFolder()
        let pool = try SelectionInput.load(nominations: Fixtures.write("""
            id,name,group,gender,country,rank
            n1,Fay,Government,male,FRA,1
            n2,Gus,Government,female,JPN,2
            g1,Ada,Government,female,KEN,1

            """, "pool.csv", in: folder), policy: Fixtures.write(Self.policy, "p.yaml", in: folder),
            countries: CountryTable.bundled())
        let r = try body.replace(vacate: try body.members(["g1"], option: "--vacate"), reason: "resigned", pool: pool)
        let ids = r.result.input.nominees.map(\.id)
        // g1 was the only woman of Government: the replacement must be one (n2), not the better-ranked n1.
        #expect(r.entering.map { ids[$0] } == ["n2"])
        #expect(Set(r.result.seated.map { ids[$0] }) == ["g2", "g3", "n2", "c1", "c2"])
        #expect(r.lines[0].contains("vacates the seat (resigned)"))
        #expect(r.result.context.messages.contains { $0.code == .replaceDroppedOne })
        #expect(r.result.context.messages.contains(Message(.replaceNoRenewal)))
        let vacated = try Explainer.explain(r.result, options: ExplanationOptions(nominee: "g1", prices: false)).explanations[0]
        #expect(vacated.reason == .vacated && vacated.decision == .notSeated)
    }

    @Test("the year the term limit ends each member's service")
    func calendar() throws {
        let body = try Self.load()
        let plan = try body.plan(years: 4)
        let ids = body.members.map(\.id)
        #expect(plan.years.map { $0.leaving.map { ids[$0] }.sorted() } == [["c2", "g1"], ["g3"], ["c1", "g2"], []])
        #expect(plan.years[3].newcomersLeaving["Government"] == 1 && plan.years[3].open["Civil Society"] == 1)
    }
}
