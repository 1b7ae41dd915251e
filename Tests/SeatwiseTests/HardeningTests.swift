// Issue 25, the third hardening pass, at the library's level: numbers from outside never reach
// arithmetic that traps, and the closest-match search is bounded. (The workbench's side is in
// Tests/server/test_hardening.py, against the real server.)

import Foundation
import Testing
@testable import Seatwise

@Suite("Hardening, third pass")
struct HardeningTests {
    @Test("item 1: seat counts and bounds past 1,000,000 are bad input, never an arithmetic trap")
    func hugeAdjustments() throws {
        for adjustment in [Adjustment.groupSeats(group: "Q", seats: Int.max), .setBound(row: "1", side: .min, value: Int.max),
                           .setBound(row: "1", side: .max, value: -1), .groupSeats(group: "Q", seats: 0)] {
            let round = Round(input: TrustFixtures.organisationCap(), adjustments: [adjustment])
            #expect(adjustment.rangeProblem != nil)
            let error = try #require(throws: InputError.self) { try round.solve() }
            #expect(error.diagnostics.count == 1 && error.diagnostics[0].message.contains("1,000,000"), "\(error)")
        }
        #expect(Adjustment.groupSeats(group: "Q", seats: 1_000_000).rangeProblem == nil)
        // A percentage of any seat count, and totals of any seats, are worked out without overflow.
        #expect(QuotaBound.percent(numerator: 1, denominator: 2).minimum(seats: Int.max) == Int.max / 2 + 1)
        #expect(QuotaBound.percent(numerator: 1, denominator: 1).maximum(seats: Int.max) == Int.max)
        var policy = TrustFixtures.organisationCap().policy
        policy.seats["P"] = Int.max
        #expect(policy.totalSeats == Int.max)
    }

    @Test("item 9: a name over 200 characters gets no suggestions; shorter ones still do")
    func boundedSuggestions() {
        let long = String(repeating: "a", count: 250)
        #expect(Suggestions.closest(long + "b", among: [long + "c"]) == "")
        #expect(Suggestions.closest("MAG-01", among: ["MAG-010", "MAG-011", "XYZ"]) == "; closest: 'MAG-010', 'MAG-011'")
        #expect(Suggestions.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestions.distance(Array("kitten"), Array("sitting"), atMost: 2) == nil)
    }
}
