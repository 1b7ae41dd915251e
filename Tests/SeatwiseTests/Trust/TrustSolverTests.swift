// The trust issue's solver defects: GLPK state confined to its thread, integer columns read as
// integers, a seeded panel unique even when tie-break weights collide, honest words for a time limit
// that cut only the tie-break, and reports that never turn a failure into an empty success.

import Foundation
import Testing
@testable import Seatwise
@testable import SeatwiseGLPK

@Suite("Trust: solver and results")
struct TrustSolverTests {
    static func tiny() -> IntegerProgram {
        var p = IntegerProgram()
        p.variables = [.init(name: "a", label: "", lower: 0, upper: 1), .init(name: "s", label: "", lower: 0, upper: 5)]
        p.rows = [.init(name: "r", label: "", terms: [.init(variable: 0, coefficient: 1), .init(variable: 1, coefficient: 1)], sense: .atLeast, rhs: 4, origin: .seats(group: "g"))]
        p.objectives = [.init(label: "o", minimize: true, coefficients: [1, 1])]
        return p
    }

    @Test("integer columns read back as integers, not 0-1 flags (defect 1)")
    func integerValues() throws {
        let solution = try StagedProblem(Self.tiny(), backend: GLPKBackend()).solve()
        #expect(solution.status == .optimal)
        #expect(solution.values.map { $0[0] + $0[1] } == 4)
        #expect(solution.stageValues == [4])
    }

    @Test("explaining leaves the caller's GLPK problems alive (defect 10)")
    func callerStateSurvives() throws {
        let mine = try GLPKProblem(Self.tiny())
        try mine.setObjective(Self.tiny().objectives[0])
        let result = try SelectionSolver.run(TrustFixtures.organisationCap())
        _ = try Explainer.explain(result)
        #expect(try mine.solve(deadline: nil).objective == 4)
    }

    @Test("a problem used on another thread is refused, and released there it is never deleted (defect 10)")
    func threadConfinement() throws {
        final class Holder: @unchecked Sendable { var problem: GLPKProblem?; var error: Error? }
        let holder = Holder()
        holder.problem = try GLPKProblem(Self.tiny())
        let before = GLPKProblem.strayReleaseCount
        let done = DispatchSemaphore(value: 0)
        Thread {
            do { _ = try holder.problem!.solve(deadline: nil) } catch { holder.error = error }
            holder.problem = nil // released on the wrong thread: must not touch GLPK
            done.signal()
        }.start()
        done.wait()
        #expect("\(holder.error.map { "\($0)" } ?? "none")".contains("other than the one that made it"))
        #expect(GLPKProblem.strayReleaseCount == before + 1)
    }

    @Test("the memory cap reaches the explanation workers (defect 10)")
    func workersGetMemoryLimit() throws {
        let instance = InstanceGenerator(shape: .mag, nominees: 5000, seats: 200, seed: 7, countries: Fixtures.countries).generate()
        let folder = Fixtures.temporaryFolder()
        let input = try SelectionInput.load(nominations: Fixtures.write(instance.nominationsCSV, "n.csv", in: folder),
                                            policy: Fixtures.write(instance.policyYAML, "p.yaml", in: folder), countries: Fixtures.countries)
        let result = try SelectionSolver.run(input)
        #expect(throws: SolverError.self) {
            _ = try Explainer.explain(result, options: ExplanationOptions(budget: SolveBudget(memoryLimit: 1)))
        }
    }

    @Test("tie-break weights built to collide still give one panel, whatever the row order (defect 11)")
    func collidingWeights() throws {
        let seed: UInt64 = 11
        // Find ids a, b, c, d with w(a) + w(b) = w(c) + w(d) under this seed.
        var sums: [Int: (String, String)] = [:]
        var found: (String, String, String, String)?
        let ids = (0..<3000).map { "id\($0)" }
        let w = TieBreakOrder(seed: seed, ids: ids).weights
        search: for i in 0..<1500 {
            for j in 1500..<3000 {
                let s = w[i] + w[j]
                if let (c, d) = sums[s], c != ids[i], d != ids[j] { found = (ids[i], ids[j], c, d); break search }
                sums[s] = (ids[i], ids[j])
            }
        }
        let (a, b, c, d) = try #require(found)
        #expect(TieBreakOrder(seed: seed, ids: [a, b]).weights.reduce(0, +) == TieBreakOrder(seed: seed, ids: [c, d]).weights.reduce(0, +))
        // Group X holds a and c, group Y holds b and d, all unranked; exactly one woman: {a, b} or {c, d}.
        let nominees = [
            TrustFixtures.person(a, "X", rank: nil, gender: "female"), TrustFixtures.person(c, "X", rank: nil),
            TrustFixtures.person(b, "Y", rank: nil), TrustFixtures.person(d, "Y", rank: nil, gender: "female"),
        ]
        let policy = Policy(body: "Collision", seats: ["X": 1, "Y": 1],
                            quotas: [Quota(attribute: "gender", selector: .one("female"), min: .count(1), max: .count(1))], seed: seed)
        var panels: Set<[String]> = []
        for order in [[0, 1, 2, 3], [1, 0, 3, 2], [3, 2, 1, 0], [2, 3, 0, 1], [1, 3, 0, 2], [2, 0, 3, 1]] {
            let result = try SelectionSolver.run(SelectionInput(policy: policy, nominees: order.map { nominees[$0] }))
            #expect(result.status == .optimal)
            panels.insert(result.seated.map { result.input.nominees[$0].id }.sorted())
        }
        #expect(panels.count == 1, "row order changed the panel: \(panels)")
    }

    @Test("a time limit that cut only the tie-break says so in words, and the panel stays optimal (defect 8)")
    func tieBreakCut() throws {
        let input = TrustFixtures.organisationCap()
        let context = SelectionContext(input)
        let model = context.models(mode: .coordinated)[0]
        let full = try SelectionSolver.solve(model, budget: .unlimited)
        var cut = full
        cut.status = .timeLimit
        cut.provedStages = model.program.objectives.count - 1
        cut.detail = ""
        let result = try SelectionSolver.finish(context, mode: .coordinated, solutions: [(model, cut)], failures: [])
        #expect(result.status == .optimal && !result.tieBreakFinished)
        let note = try #require(result.notes.last)
        #expect(note.code == .noteTieBreakCut && note.mentions(.tieBreakUnfinished))
    }

    @Test("--seed equal to the policy's seed is reported as given on the command line (defect 11)")
    func seedSource() throws {
        let input = TrustFixtures.organisationCap()
        #expect(try SelectionSolver.run(input).seedSource == .policy)
        #expect(try SelectionSolver.run(input, options: SelectionOptions(seed: input.policy.seed)).seedSource == .commandLine)
    }

    @Test("a report that cannot be encoded is an error, never {} (defect 11)")
    func encodingFailure() throws {
        var result = try SelectionSolver.run(TrustFixtures.organisationCap())
        result.bound = .infinity
        #expect(throws: ReportError.self) { _ = try SelectionReport.render(result, format: .json) }
    }
}
