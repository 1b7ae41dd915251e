// The GLPK adapter: one glp_prob built from an IntegerProgram. Not Sendable on purpose: a GLPK problem
// object must be created, used and deleted on one OS thread (GLPK-NOTES, "Safety").

import CGLPK
import GLPKGuard

public final class GLPKProblem {
    private var handle: OpaquePointer?
    /// The thread's environment generation the problem was made in; a later one means GLPK freed it.
    private let generation: UInt
    public let columnCount: Int

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
        generation = sw_environment_generation()
        columnCount = n
    }

    deinit {
        // After a fault elsewhere on this thread GLPK has already freed this object: never delete it twice.
        if let handle, sw_environment_generation() == generation { sw_delete(handle) }
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

    private static func check(_ fault: sw_fault) throws {
        guard fault.failed != 0 else { return }
        var message = fault.message
        let text = withUnsafeBytes(of: &message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        throw SolverError.glpkFault(text)
    }

    private func live() throws -> OpaquePointer {
        guard let handle, sw_environment_generation() == generation else {
            throw SolverError.glpkFault("the problem object was lost to an earlier GLPK error on this thread")
        }
        return handle
    }

    public func setObjective(_ objective: IntegerProgram.Objective) throws {
        let p = try live()
        var fault = sw_fault()
        let coefficients = [0.0] + objective.coefficients.map(Double.init)
        _ = coefficients.withUnsafeBufferPointer { sw_set_objective(p, objective.minimize ? 1 : 0, Int32(columnCount), $0.baseAddress, &fault) }
        try checkAlive(fault)
    }

    /// GLPK's row or column type for optional bounds (nil = unbounded on that side).
    private static func type(_ lower: Int?, _ upper: Int?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case let (l?, u?) where l == u: return (Int32(GLP_FX), Double(l), Double(u))
        case let (l?, u?): return (Int32(GLP_DB), Double(l), Double(u))
        case let (l?, nil): return (Int32(GLP_LO), Double(l), 0)
        case let (nil, u?): return (Int32(GLP_UP), 0, Double(u))
        case (nil, nil): return (Int32(GLP_FR), 0, 0)
        }
    }

    /// Adds a row with optional bounds and returns its 1-based GLPK index.
    @discardableResult
    public func addRow(terms: [(variable: Int, coefficient: Int)], lower: Int?, upper: Int?) throws -> Int {
        let p = try live()
        var fault = sw_fault()
        let index = [Int32(0)] + terms.map { Int32($0.variable + 1) }
        let values = [0.0] + terms.map { Double($0.coefficient) }
        let (type, l, u) = GLPKProblem.type(lower, upper)
        let row = index.withUnsafeBufferPointer { i in values.withUnsafeBufferPointer { v in
            sw_add_row(p, Int32(terms.count), i.baseAddress, v.baseAddress, type, l, u, &fault) } }
        try checkAlive(fault)
        return Int(row)
    }

    /// Sets the bounds of GLPK row `i` (1-based); a free row keeps the basis valid.
    public func setRowBounds(_ i: Int, lower: Int?, upper: Int?) throws {
        let p = try live()
        var fault = sw_fault()
        let (type, l, u) = GLPKProblem.type(lower, upper)
        sw_set_row_bounds(p, Int32(i), type, l, u, &fault)
        try checkAlive(fault)
    }

    /// Sets the bounds of column `j` (0-based).
    public func setColumnBounds(_ j: Int, lower: Int, upper: Int) throws {
        let p = try live()
        var fault = sw_fault()
        let (type, l, u) = GLPKProblem.type(lower, upper)
        sw_set_col_bounds(p, Int32(j + 1), type, l, u, &fault)
        try checkAlive(fault)
    }

    public struct Outcome: Sendable {
        public enum Status: Sendable, Equatable {
            case optimal
            /// The search stopped early with a feasible 0-1 point.
            case feasible
            case infeasible
            /// The search stopped early with no feasible point.
            case unknown
        }
        public var status: Status
        public var objective: Double
        /// The best bound proved, when the search stopped early.
        public var bound: Double?
        public var stoppedByDeadline: Bool
        public var detail: String
    }

    /// Solves the current problem: root LP by dual simplex with the long-step ratio test (warm from the
    /// last basis), then branch and bound. `deadline` is in `Deadline.now()` seconds.
    public func solve(deadline: Double?, cancel: SolverCancellation? = nil) throws -> Outcome {
        let p = try live()
        var fault = sw_fault()
        var out = sw_solve_outcome()
        sw_solve(p, deadline ?? 0, cancel?.flag, &out, &fault)
        try checkAlive(fault)
        if out.stopped == 2 { throw SolverError.cancelled }
        let stopped = out.stopped != 0
        if out.mip_rc < 0 {
            if out.lp_status == GLP_NOFEAS { return Outcome(status: .infeasible, objective: 0, bound: nil, stoppedByDeadline: false, detail: "the LP relaxation is infeasible") }
            if stopped { return Outcome(status: .unknown, objective: 0, bound: nil, stoppedByDeadline: true, detail: "the time limit ended the LP relaxation") }
            throw SolverError.noAnswer("the LP relaxation ended with simplex code \(out.simplex_rc), status \(out.lp_status)")
        }
        switch out.mip_status {
        case GLP_OPT:
            return Outcome(status: .optimal, objective: out.mip_objective, bound: out.mip_objective, stoppedByDeadline: false, detail: "")
        case GLP_FEAS:
            return Outcome(status: .feasible, objective: out.mip_objective, bound: out.have_bound != 0 ? out.best_bound : out.lp_objective,
                           stoppedByDeadline: stopped, detail: "branch and bound stopped early (code \(out.mip_rc))")
        case GLP_NOFEAS:
            return Outcome(status: .infeasible, objective: 0, bound: nil, stoppedByDeadline: false, detail: "no 0-1 point meets every row")
        default:
            if stopped || out.mip_rc == GLP_ETMLIM || out.mip_rc == GLP_ESTOP {
                return Outcome(status: .unknown, objective: 0, bound: out.have_bound != 0 ? out.best_bound : out.lp_objective,
                               stoppedByDeadline: true, detail: "the time limit ended the search before any panel was found")
            }
            throw SolverError.noAnswer("branch and bound ended with code \(out.mip_rc) and no solution")
        }
    }

    /// The 0-1 values of the last integer solution.
    public func values() throws -> [Bool] {
        let p = try live()
        var fault = sw_fault()
        var buffer = [Double](repeating: 0, count: columnCount + 1)
        _ = buffer.withUnsafeMutableBufferPointer { sw_mip_values(p, Int32(columnCount), $0.baseAddress, &fault) }
        try checkAlive(fault)
        return buffer.dropFirst().map { $0 > 0.5 }
    }
}

/// A stop request for solves in progress: `cancel()` may be called from any thread (a signal handler's
/// queue, a UI); the branch-and-bound callback reads it and ends the search (`SolverError.cancelled`).
public final class SolverCancellation: @unchecked Sendable {
    let flag: UnsafeMutablePointer<Int32>

    public init() {
        flag = .allocate(capacity: 1)
        flag.initialize(to: 0)
    }

    deinit { flag.deallocate() }

    public func cancel() { sw_request_stop(flag) }
    public var isCancelled: Bool { sw_stop_requested(flag) != 0 }
}

/// Monotonic clock seconds, the same clock the C guard checks deadlines against.
public enum Deadline {
    public static func now() -> Double { sw_monotonic_seconds() }
    public static func after(seconds: Double?) -> Double? { seconds.map { now() + $0 } }
}

/// Frees the calling thread's GLPK environment; worker threads call it before they end.
public func releaseGLPKThreadState() { sw_thread_done() }

/// Caps GLPK's memory on the calling thread (megabytes); exceeding it becomes a `SolverError`.
public func limitGLPKMemory(megabytes: Int) throws {
    var fault = sw_fault()
    sw_mem_limit(Int32(megabytes), &fault)
    if fault.failed != 0 { throw SolverError.glpkFault("cannot set the memory limit") }
}
