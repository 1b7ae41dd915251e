// What every solver backend must do for Seatwise's algorithms, checked against brute force on small
// random 0-1 programs (never against the backend's own answers): staged optima, infeasibility, forced
// columns that are released again, moved row bounds, relaxation bounds below the integer optimum,
// warm re-solves equal to cold ones, and linear sessions grown by columns. A new backend is added to
// `backends` and must pass unchanged.

import Foundation
import Testing
@testable import Seatwise

@Suite("Solver conformance", .serialized)
struct SolverConformanceTests {
    static let backends: [(name: String, backend: any SolverBackend)] = [("GLPK", Solvers.glpk)]

    /// A random program over `n` 0-1 columns: a few rows of every sense, two objectives.
    static func program(_ seed: UInt64) -> IntegerProgram {
        var rng = TestRandom(seed)
        let n = 4 + rng.int(8)
        var p = IntegerProgram()
        for j in 0..<n { p.variables.append(.init(name: "x\(j)", label: "x\(j)", lower: 0, upper: 1)) }
        for r in 0..<(1 + rng.int(4)) {
            let members = (0..<n).filter { _ in rng.int(2) == 0 }
            let terms = members.map { IntegerProgram.Term(variable: $0, coefficient: 1 + rng.int(2)) }
            let sense: IntegerProgram.Sense = [.equal, .atLeast, .atMost][rng.int(3)]
            let total = terms.reduce(0) { $0 + $1.coefficient }
            p.rows.append(.init(name: "r\(r)", label: "row \(r)", terms: terms, sense: sense, rhs: rng.int(total + 2)))
        }
        p.objectives = (0..<2).map { k in .init(label: "objective \(k)", minimize: rng.int(2) == 0, coefficients: (0..<n).map { _ in rng.int(7) - 2 }) }
        return p
    }

    /// Every feasible point, by enumeration.
    static func points(_ p: IntegerProgram, fixed: [Int: Int] = [:]) -> [[Int]] {
        let n = p.variables.count
        return (0..<(1 << n)).compactMap { mask -> [Int]? in
            let x = (0..<n).map { (mask >> $0) & 1 }
            if fixed.contains(where: { x[$0.key] != $0.value }) { return nil }
            for row in p.rows {
                let lhs = row.terms.reduce(0) { $0 + $1.coefficient * x[$1.variable] }
                switch row.sense {
                case .equal: if lhs != row.rhs { return nil }
                case .atLeast: if lhs < row.rhs { return nil }
                case .atMost: if lhs > row.rhs { return nil }
                }
            }
            return x
        }
    }

    /// The lexicographic optimum's stage values, by enumeration; nil when infeasible.
    static func optimum(_ p: IntegerProgram, _ points: [[Int]]) -> [Int]? {
        guard !points.isEmpty else { return nil }
        var left = points
        var values: [Int] = []
        for objective in p.objectives {
            let scored = left.map { ($0, p.value(of: objective, at: $0)) }
            let best = objective.minimize ? scored.map(\.1).min()! : scored.map(\.1).max()!
            values.append(best)
            left = scored.filter { $0.1 == best }.map(\.0)
        }
        return values
    }

    @Test("staged optima and infeasibility equal brute force; forced columns and moved rows are released again",
          arguments: backends.map(\.name))
    func staged(_ name: String) throws {
        let backend = Self.backends.first { $0.name == name }!.backend
        try backend.prepareThread(.unlimited)
        var checked = (feasible: 0, infeasible: 0)
        for seed in UInt64(0)..<120 {
            let p = Self.program(seed)
            let expected = Self.optimum(p, Self.points(p))
            let staged = try StagedProblem(p, backend: backend)
            let solution = try staged.solve()
            if let expected {
                #expect(solution.status == .optimal && solution.stageValues == expected, "seed \(seed)")
                #expect(Self.points(p).contains(solution.values ?? []), "seed \(seed): the point meets every row")
                checked.feasible += 1
            } else {
                #expect(solution.status == .infeasible, "seed \(seed)")
                checked.infeasible += 1
                continue
            }
            // A forced column: the optimum among the points with it, then the program as it was.
            let column = Int(seed) % p.variables.count
            try staged.force(ColumnIndex(column), to: 1)
            let forced = try staged.solve()
            let withColumn = Self.optimum(p, Self.points(p, fixed: [column: 1]))
            #expect(withColumn == nil ? forced.status == .infeasible : forced.stageValues == withColumn!, "seed \(seed) forced")
            try staged.force(ColumnIndex(column), to: nil)
            #expect(try staged.solve().stageValues == expected, "seed \(seed) released")
            // A moved row bound, warm, equals a fresh problem with that bound; restored, the first answer.
            if let row = p.rows.indices.first {
                var moved = p
                moved.rows[row].sense = .atMost
                moved.rows[row].rhs = max(0, p.rows[row].rhs - 1)
                try staged.setRowBounds(RowIndex(row), lower: nil, upper: moved.rows[row].rhs)
                let warm = try staged.solve()
                let fresh = Self.optimum(moved, Self.points(moved))
                #expect(fresh == nil ? warm.status == .infeasible : warm.stageValues == fresh!, "seed \(seed) moved")
                try staged.restoreRow(RowIndex(row))
                #expect(try staged.solve().stageValues == expected, "seed \(seed) restored")
            }
        }
        #expect(checked.feasible >= 30 && checked.infeasible >= 5, "\(checked)")
    }

    @Test("the LP relaxation bounds the integer optimum", arguments: backends.map(\.name))
    func relaxation(_ name: String) throws {
        let backend = Self.backends.first { $0.name == name }!.backend
        try backend.prepareThread(.unlimited)
        for seed in UInt64(200)..<260 {
            let p = Self.program(seed)
            guard let best = Self.optimum(p, Self.points(p))?.first else { continue }
            let session = try backend.session(for: p)
            try session.setObjective(p.objectives[0])
            let relaxed = try session.relaxationBound(deadline: nil, cancel: nil)
            guard let bound = relaxed.bound else { Issue.record("seed \(seed): no bound for a feasible program"); continue }
            #expect(p.objectives[0].minimize ? bound <= Double(best) + 1e-6 : bound >= Double(best) - 1e-6, "seed \(seed)")
        }
    }

    @Test("a linear session grown by columns reaches the LP optimum, with duals", arguments: backends.map(\.name))
    func linear(_ name: String) throws {
        let backend = Self.backends.first { $0.name == name }!.backend
        try backend.prepareThread(.unlimited)
        // minimise -x0 - x1 - x2 subject to x0 + x1 + x2 <= 2.5, each in [0, 1]: optimum -2.5, dual -1.
        let lp = try backend.linearSession(rows: [(lower: nil, upper: 2.5)], maximize: false)
        for _ in 0..<2 { try lp.addColumn(cost: -1, lower: 0, upper: 1, entries: [(0, 1)]) }
        var outcome = try lp.solve(deadline: nil, cancel: nil)
        #expect(outcome.status == .optimal && abs(outcome.objective + 2) < 1e-9)
        try lp.addColumn(cost: -1, lower: 0, upper: 1, entries: [(0, 1)])
        outcome = try lp.solve(deadline: nil, cancel: nil)
        let (primal, dual) = try lp.solution()
        #expect(outcome.status == .optimal && abs(outcome.objective + 2.5) < 1e-9)
        #expect(abs(primal.reduce(0, +) - 2.5) < 1e-9 && abs(dual[0] + 1) < 1e-9)
    }
}

/// A backend that counts the sessions it makes, delegating to GLPK: a round given it must solve,
/// explain and diagnose with it alone (the backend is passed in, never read from a global).
final class CountingBackend: SolverBackend, @unchecked Sendable {
    let inner = Solvers.glpk
    private let lock = NSLock()
    private var made = 0
    var sessions: Int { lock.lock(); defer { lock.unlock() }; return made }
    var version: String { inner.version }
    func session(for program: IntegerProgram) throws -> any SolverSession {
        lock.lock(); made += 1; lock.unlock()
        return try inner.session(for: program)
    }
    func prepareThread(_ budget: SolveBudget) throws { try inner.prepareThread(budget) }
    func linearSession(rows: [(lower: Double?, upper: Double?)], maximize: Bool) throws -> any LinearSession {
        lock.lock(); made += 1; lock.unlock()
        return try inner.linearSession(rows: rows, maximize: maximize)
    }
    func finishThread() { inner.finishThread() }
    func run(_ count: Int, budget: SolveBudget, _ work: @escaping @Sendable (Int) throws -> Void) throws { try inner.run(count, budget: budget, work) }
}

@Suite("Solver injection")
struct SolverInjectionTests {
    @Test("a round's backend is the one its selection, explanations, alternates and diagnosis use")
    func injected() throws {
        let counting = CountingBackend()
        var round = Round(input: TrustFixtures.organisationCap())
        round.backend = counting
        let outcome = try round.run(RoundRequest(explain: true, alternates: 2))
        #expect(outcome.result.status == .optimal && outcome.explanations != nil)
        #expect(counting.sessions >= 2, "\(counting.sessions) sessions")
        let before = counting.sessions
        var infeasible = round
        infeasible.adjustments = [.seat("p1"), .seat("p2")]
        #expect(try infeasible.run(RoundRequest(repair: true)).diagnosis?.repairs.isEmpty == false)
        #expect(counting.sessions > before)
    }
}
