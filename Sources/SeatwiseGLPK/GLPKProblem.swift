// The GLPK adapter: one glp_prob built from an IntegerProgram. A GLPK problem object must be created,
// used and deleted on one OS thread (GLPK-NOTES, "Safety"): the owner thread is recorded and checked on
// every call and in deinit, and the type is not Sendable, so the compiler refuses to send it elsewhere.

import CGLPK
import Foundation
import GLPKGuard
import SeatwiseSolver

public final class GLPKProblem: SolverSession {
    private var handle: OpaquePointer?
    /// The thread and GLPK environment the problem belongs to.
    private let ownership: GLPKOwnership
    public let columnCount: Int

    /// Problems released on a thread other than their owner's: never deleted there (GLPK would corrupt
    /// the other thread's environment), so they leak; counted so tests can see it never happens.
    nonisolated(unsafe) private static var strayReleases = 0
    private static let strayLock = NSLock()
    static var strayReleaseCount: Int { strayLock.lock(); defer { strayLock.unlock() }; return strayReleases }

    public static var version: String { String(cString: sw_glpk_version()) }

    public init(_ program: IntegerProgram) throws {
        let m = program.rows.count
        let n = program.variables.count
        var rowType = [Int32](repeating: 0, count: m + 1), rowLower = [Double](repeating: 0, count: m + 1)
        var rowUpper = [Double](repeating: 0, count: m + 1)
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for (k, row) in program.rows.enumerated() {
            (rowType[k + 1], rowLower[k + 1], rowUpper[k + 1]) = GLPKProblem.bounds(row.sense, row.rhs)
            for term in row.terms where term.coefficient != 0 {
                ia.append(Int32(k + 1)); ja.append(Int32(term.variable + 1)); ar.append(Double(term.coefficient))
            }
        }
        var colType = [Int32](repeating: 0, count: n + 1), colLower = [Double](repeating: 0, count: n + 1)
        var colUpper = [Double](repeating: 0, count: n + 1)
        for (j, variable) in program.variables.enumerated() {
            (colType[j + 1], colLower[j + 1], colUpper[j + 1]) = GLPKProblem.type(variable.lower, variable.upper)
        }
        var fault = sw_fault()
        let created: OpaquePointer? = rowType.withUnsafeBufferPointer { rt in rowLower.withUnsafeBufferPointer { rl in
            rowUpper.withUnsafeBufferPointer { ru in colType.withUnsafeBufferPointer { ct in colLower.withUnsafeBufferPointer { cl in
                colUpper.withUnsafeBufferPointer { cu in ia.withUnsafeBufferPointer { i in ja.withUnsafeBufferPointer { j in
                    ar.withUnsafeBufferPointer { a in
                        var data = sw_problem_data(rows: Int32(m), cols: Int32(n), row_type: rt.baseAddress, row_lb: rl.baseAddress,
                                                   row_ub: ru.baseAddress, col_type: ct.baseAddress, col_lb: cl.baseAddress,
                                                   col_ub: cu.baseAddress, ne: Int32(ia.count - 1), ia: i.baseAddress,
                                                   ja: j.baseAddress, ar: a.baseAddress)
                        return sw_create(&data, &fault)
                    } } } } } } } } }
        try GLPKProblem.check(fault)
        handle = created
        ownership = GLPKOwnership()
        columnCount = n
    }

    deinit {
        guard let handle else { return }
        guard ownership.onOwnerThread else {
            GLPKProblem.strayLock.lock(); GLPKProblem.strayReleases += 1; GLPKProblem.strayLock.unlock()
            return
        }
        // After a fault elsewhere on this thread GLPK has already freed this object: never delete it twice.
        if ownership.environmentAlive { sw_delete(handle) }
    }

    private static func bounds(_ sense: IntegerProgram.Sense, _ rhs: Int) -> (Int32, Double, Double) {
        switch sense {
        case .equal: return type(rhs, rhs)
        case .atLeast: return type(rhs, nil)
        case .atMost: return type(nil, rhs)
        }
    }

    /// After a fault GLPK has freed every object of this thread: forget the handle, never delete it.
    private func checkAlive(_ fault: sw_fault) throws {
        if fault.failed != 0 {
            handle = nil
            try GLPKProblem.check(fault)
        }
    }

    static func check(_ fault: sw_fault) throws {
        guard fault.failed != 0 else { return }
        var message = fault.message
        let text = withUnsafeBytes(of: &message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        throw SolverError.glpkFault(text)
    }

    private func live() throws -> OpaquePointer { try ownership.live(handle) }

    public func setObjective(_ objective: IntegerProgram.Objective) throws {
        let p = try live()
        var fault = sw_fault()
        let coefficients = [0.0] + objective.coefficients.map(Double.init)
        _ = coefficients.withUnsafeBufferPointer { sw_set_objective(p, objective.minimize ? 1 : 0, Int32(columnCount), $0.baseAddress, &fault) }
        try checkAlive(fault)
    }

    public func setWeights(_ weights: [Double], minimize: Bool) throws {
        let p = try live()
        var fault = sw_fault()
        let coefficients = [0.0] + weights
        _ = coefficients.withUnsafeBufferPointer { sw_set_objective(p, minimize ? 1 : 0, Int32(columnCount), $0.baseAddress, &fault) }
        try checkAlive(fault)
    }

    /// GLPK's row or column type for optional integer bounds (nil = unbounded on that side).
    static func type(_ lower: Int?, _ upper: Int?) -> (Int32, Double, Double) {
        GLPKOwnership.type(lower.map(Double.init), upper.map(Double.init))
    }

    /// Adds a row with optional bounds; GLPK numbers it one above its `RowIndex`.
    @discardableResult
    public func addRow(terms: [IntegerProgram.Term], lower: Int?, upper: Int?) throws -> RowIndex {
        let p = try live()
        var fault = sw_fault()
        let index = [Int32(0)] + terms.map { Int32($0.variable + 1) }
        let values = [0.0] + terms.map { Double($0.coefficient) }
        let (type, l, u) = GLPKProblem.type(lower, upper)
        let row = index.withUnsafeBufferPointer { i in values.withUnsafeBufferPointer { v in
            sw_add_row(p, Int32(terms.count), i.baseAddress, v.baseAddress, type, l, u, &fault) } }
        try checkAlive(fault)
        return RowIndex(Int(row) - 1)
    }

    /// Sets a row's bounds (GLPK's row `row + 1`); a free row keeps the basis valid.
    public func setRowBounds(_ row: RowIndex, lower: Int?, upper: Int?) throws {
        let p = try live()
        var fault = sw_fault()
        let (type, l, u) = GLPKProblem.type(lower, upper)
        sw_set_row_bounds(p, Int32(row.rawValue + 1), type, l, u, &fault)
        try checkAlive(fault)
    }

    /// The optimum of the LP relaxation of the current objective (warm), or nil when the relaxation is
    /// infeasible or the deadline ended it: a bound on every integer point, found without branching.
    public func relaxationBound(deadline: Double?, cancel: SolverCancellation?) throws -> RelaxationBound {
        let p = try live()
        var fault = sw_fault()
        var out = sw_solve_outcome()
        sw_solve(p, deadline ?? 0, cancel?.flag, 0, 1, &out, &fault)
        try checkAlive(fault)
        if out.stopped == 2 { throw SolverError.cancelled }
        if out.lp_status == GLP_NOFEAS { return RelaxationBound(infeasible: true, bound: nil) }
        return RelaxationBound(infeasible: false, bound: out.simplex_rc == 0 && out.lp_status == GLP_OPT ? out.lp_objective : nil)
    }

    /// The LP relaxation of the current objective (warm): its optimum, and for each column that is
    /// nonbasic, the bound it sits at (0 or 1) and its reduced cost (nil when basic). Moving a nonbasic
    /// column to its other bound worsens the relaxation, and so every integer point, by at least
    /// |reduced cost|. Nil when there is no optimum.
    public func reducedCosts() throws -> ReducedCosts? {
        let p = try live()
        var fault = sw_fault()
        var dj = [Double](repeating: 0, count: columnCount + 1)
        var nonbasic = [Int32](repeating: 0, count: columnCount + 1)
        var objective = 0.0, ok: Int32 = 0
        _ = dj.withUnsafeMutableBufferPointer { d in nonbasic.withUnsafeMutableBufferPointer { b in
            sw_lp_reduced_costs(p, Int32(columnCount), d.baseAddress, b.baseAddress, &objective, &ok, &fault) } }
        try checkAlive(fault)
        guard ok != 0 else { return nil }
        return ReducedCosts(objective: objective,
                            costs: (1...max(columnCount, 1)).prefix(columnCount).map { nonbasic[$0] == 0 ? nil : (nonbasic[$0] == 1 ? 0 : 1, dj[$0]) })
    }

    /// Whether `point` is provably the only optimum of the current objective over the LP relaxation (so
    /// the only integer optimum too): the relaxation's optimum is `point` and its basis is dual
    /// nondegenerate (every nonbasic variable that can move has a reduced cost of at least `tolerance`).
    /// False means "not proved", not "not unique".
    public func lpProvesUnique(_ point: [Int]) throws -> Bool { try lpProvesUnique(point, tolerance: 1e-3) }

    public func lpProvesUnique(_ point: [Int], tolerance: Double) throws -> Bool {
        let p = try live()
        var fault = sw_fault()
        var unique: Int32 = 0
        let values = [0.0] + point.map(Double.init)
        _ = values.withUnsafeBufferPointer { sw_lp_proves_unique(p, Int32(columnCount), $0.baseAddress, tolerance, &unique, &fault) }
        try checkAlive(fault)
        return unique != 0
    }

    /// Scales rows and columns for the simplex method (rows of tie-break weights are large), or with
    /// `false` removes the scaling (scaled, these near-integral problems solve more slowly).
    public func setScaling(_ on: Bool) throws {
        let p = try live()
        var fault = sw_fault()
        sw_scale(p, on ? 1 : 0, &fault)
        try checkAlive(fault)
    }

    /// Sets a column's bounds (GLPK's column `column + 1`).
    public func setColumnBounds(_ column: ColumnIndex, lower: Int, upper: Int) throws {
        let p = try live()
        var fault = sw_fault()
        let (type, l, u) = GLPKProblem.type(lower, upper)
        sw_set_col_bounds(p, Int32(column.rawValue + 1), type, l, u, &fault)
        try checkAlive(fault)
    }

    /// Solves the current problem: root LP by dual simplex with the long-step ratio test (warm from the
    /// last basis), then branch and bound. `deadline` is in `Deadline.now()` seconds.
    /// `cold` starts the simplex method from a fresh basis instead of the last one.
    public func solve(deadline: Double?, cancel: SolverCancellation?, cold: Bool) throws -> SolveOutcome {
        let p = try live()
        var fault = sw_fault()
        var out = sw_solve_outcome()
        sw_solve(p, deadline ?? 0, cancel?.flag, cold ? 1 : 0, 0, &out, &fault)
        try checkAlive(fault)
        if out.stopped == 2 { throw SolverError.cancelled }
        let stopped = out.stopped != 0
        if out.mip_rc < 0 {
            if out.lp_status == GLP_NOFEAS { return SolveOutcome(status: .infeasible, objective: 0, bound: nil, stoppedByDeadline: false, detail: "the LP relaxation is infeasible") }
            if stopped { return SolveOutcome(status: .unknown, objective: 0, bound: nil, stoppedByDeadline: true, detail: "the time limit ended the LP relaxation") }
            throw SolverError.noAnswer("GLPK's simplex method did not reach an answer (\(GLPKProblem.simplexWords(out.simplex_rc)))")
        }
        switch out.mip_status {
        case GLP_OPT:
            return SolveOutcome(status: .optimal, objective: out.mip_objective, bound: out.mip_objective, stoppedByDeadline: false, detail: "")
        case GLP_FEAS:
            return SolveOutcome(status: .feasible, objective: out.mip_objective, bound: out.have_bound != 0 ? out.best_bound : out.lp_objective,
                           stoppedByDeadline: stopped, detail: "the time limit ended the search after a panel was found but before it was proved best")
        case GLP_NOFEAS:
            return SolveOutcome(status: .infeasible, objective: 0, bound: nil, stoppedByDeadline: false, detail: "no 0-1 point meets every row")
        default:
            if stopped || out.mip_rc == GLP_ETMLIM || out.mip_rc == GLP_ESTOP {
                return SolveOutcome(status: .unknown, objective: 0, bound: out.have_bound != 0 ? out.best_bound : out.lp_objective,
                               stoppedByDeadline: true, detail: "the time limit ended the search before any panel was found")
            }
            throw SolverError.noAnswer("GLPK's branch and bound ended without a panel (\(GLPKProblem.simplexWords(out.mip_rc)))")
        }
    }

    /// The values of the last integer solution, as integers (every column is an integer column: 0-1
    /// for nominees, wider for the slacks of a repair).
    public func values() throws -> [Int] {
        let p = try live()
        var fault = sw_fault()
        var buffer = [Double](repeating: 0, count: columnCount + 1)
        _ = buffer.withUnsafeMutableBufferPointer { sw_mip_values(p, Int32(columnCount), $0.baseAddress, &fault) }
        try checkAlive(fault)
        return buffer.dropFirst().map { Int($0.rounded()) }
    }

    /// GLPK's return codes in words, for the rare message that has to mention one.
    static func simplexWords(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: return "the starting basis was invalid"
        case GLP_ESING: return "the basis matrix was singular"
        case GLP_ECOND: return "the basis matrix was ill-conditioned"
        case GLP_EBOUND: return "a variable had invalid bounds"
        case GLP_EFAIL: return "the solver failed numerically"
        case GLP_EITLIM: return "the iteration limit was reached"
        case GLP_ETMLIM: return "the time limit was reached"
        case GLP_EROOT: return "no optimal basis for the root relaxation"
        case GLP_ESTOP: return "the search was stopped"
        case GLP_ENOPFS, GLP_ENODFS: return "the relaxation has no feasible solution"
        default: return "GLPK code \(code)"
        }
    }
}

/// A GLPK problem belongs to the thread that made it: sending it elsewhere is a compile-time error.
@available(*, unavailable)
extension GLPKProblem: Sendable {}
