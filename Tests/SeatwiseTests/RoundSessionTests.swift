// A round kept open for what-ifs: every warm answer (bounds moved on the kept problem, re-solved from the
// last basis) is the panel a fresh solve of the adjusted round gives; errors leave the session usable.
// (Each answer's optimum is checked against HiGHS in Tests/crosscheck/test_adjustments.py.)

import Foundation
import Testing
@testable import Seatwise

@Suite("Round sessions")
struct RoundSessionTests {
    @Test("warm answers equal fresh solves, question after question, in both objectives", arguments: [ObjectiveKind.rankSum, .lexicographic])
    func warmEqualsCold(objective: ObjectiveKind) throws {
        var rng = TestRandom(objective == .rankSum ? 41 : 42)
        var checked = 0
        for _ in 0..<12 {
            let input = RandomInstance.make(&rng, objective: objective)
            let round = Round(input: input)
            guard try round.solve().status == .optimal else { continue }
            let session = try round.open()
            let ids = input.nominees.map(\.id)
            var questions: [[Adjustment]] = []
            for _ in 0..<6 {
                switch rng.int(4) {
                case 0: questions.append([.seat(ids[rng.int(ids.count)])])
                case 1: questions.append([.exclude(ids[rng.int(ids.count)])])
                case 2 where !session.base.quotas.isEmpty:
                    let k = rng.int(session.base.quotas.count)
                    let q = session.base.quotas[k]
                    questions.append([.setBound(row: q.row.reference(in: session.base.quotas.map(\.row)), side: .max, value: max(q.row.min ?? 0, q.count - 1))])
                default: questions.append([.seat(ids[rng.int(ids.count)]), .exclude(ids[rng.int(ids.count)])])
                }
            }
            for question in questions {
                let warm: WhatIf
                do { warm = try session.whatIf(question) } catch is InputError { continue } // e.g. seated and excluded
                let cold = try round.adjusted(question).solve()
                #expect(warm.result.status == cold.status, "\(question)")
                #expect(warm.result.seated == cold.seated, "\(question)")
                #expect(warm.result.rankSum == cold.rankSum, "\(question)")
                #expect(warm.result.context.adjustments == cold.context.adjustments)
                checked += 1
            }
            #expect(session.solveCounts.warm + session.solveCounts.cold >= 1)
        }
        #expect(checked >= 20)
    }

    @Test("questions that only move bounds re-solve the kept problem")
    func warmIsUsed() throws {
        let session = try Round(input: TrustFixtures.organisationCap()).open()
        let before = session.solveCounts
        _ = try session.whatIf([.seat("p2")])
        _ = try session.whatIf([.exclude("p1")])
        _ = try session.whatIf([.setBound(row: "1", side: .max, value: 2)])
        #expect(session.solveCounts.warm == before.warm + 3)
    }

    @Test("a bad question is bad input and the session answers the next; a closed session refuses")
    func errorsAndClose() throws {
        let session = try Round(input: TrustFixtures.organisationCap()).open()
        #expect(throws: InputError.self) { _ = try session.whatIf([.seat("nobody")]) }
        #expect(try session.whatIf([.seat("p2")]).entering.map { session.base.input.nominees[$0].id }.contains("p2"))
        session.close()
        #expect(throws: SolverError.self) { _ = try session.whatIf([.seat("p2")]) }
    }

    @Test("a session's thread frees its solver state: many sessions opened and closed")
    func manySessions() throws {
        let round = Round(input: TrustFixtures.organisationCap())
        for _ in 0..<50 {
            let session = try round.open()
            _ = try session.whatIf([.exclude("p1")])
        }
    }
}
