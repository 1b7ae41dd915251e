// GLPK's fatal errors become Swift errors: the process never aborts and later selections still work.

import Testing
@testable import Seatwise

@Suite("GLPK faults", .serialized)
struct SolverFaultTests {
    func bigProgram() -> IntegerProgram {
        var p = IntegerProgram()
        for j in 0..<20_000 { p.variables.append(.init(name: "x\(j)", label: "", lower: 0, upper: 1)) }
        for i in 0..<200 {
            p.rows.append(.init(name: "r\(i)", label: "", terms: (0..<2_000).map { ($0 * 10 + i % 10, 1) }, sense: .atMost, rhs: 5, origin: .seats(group: "g")))
        }
        p.objectives = [.init(label: "o", minimize: true, coefficients: Array(repeating: 1, count: 20_000))]
        return p
    }

    @Test("exceeding GLPK's memory limit is a SolverError, and the next selection works")
    func memoryLimit() throws {
        try limitGLPKMemory(megabytes: 1)
        #expect(throws: SolverError.self) { _ = try GLPKProblem(bigProgram()) }
        // The environment was reset by the guard: the limit is gone and GLPK works again.
        var rng = TestRandom(1)
        var input = RandomInstance.make(&rng, objective: .rankSum)
        input.policy.quotas = []
        let result = try Selector.run(input)
        #expect(result.status == .optimal || result.status == .infeasible)
        #expect(try GLPKProblem(bigProgram()).columnCount == 20_000)
    }

    @Test("invalid use of the API (a duplicate matrix entry) is caught, not aborted")
    func invalidUse() throws {
        var p = IntegerProgram()
        p.variables = [.init(name: "a", label: "", lower: 0, upper: 1)]
        p.rows = [.init(name: "r", label: "", terms: [(0, 1), (0, 1)], sense: .atMost, rhs: 1, origin: .seats(group: "g"))]
        do {
            _ = try GLPKProblem(p)
            Issue.record("a duplicate entry should be refused")
        } catch let error as SolverError {
            #expect(error.description.contains("GLPK failed"))
            #expect(error.description.lowercased().contains("duplicate"))
        }
    }

    @Test("a time limit ends the search with exit-3 semantics or a best panel")
    func timeLimit() throws {
        let input = try SelectionInput.load(nominations: Fixtures.root.appendingPathComponent("examples/mag/nominations.csv").path,
                                            policy: Fixtures.root.appendingPathComponent("examples/mag/policy.yaml").path,
                                            countries: Fixtures.countries)
        do {
            let result = try Selector.run(input, options: SelectionOptions(timeLimit: 1e-9))
            #expect(result.status == .timeLimit || result.status == .optimal)
            if result.status == .timeLimit { #expect(result.seated.count == input.policy.totalSeats) }
        } catch let error as SolverError {
            #expect(error.description.contains("time limit"))
        }
        let full = try Selector.run(input, options: SelectionOptions(timeLimit: 60))
        #expect(full.status == .optimal)
    }
}
