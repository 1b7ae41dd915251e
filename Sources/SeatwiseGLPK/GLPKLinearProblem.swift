// The GLPK adapter for a linear program that grows between solves (a lottery's master problem): continuous
// columns, rows added as cuts, dual simplex warm from the last basis, primal values and row duals. Confined to the thread
// that made it, as every GLPK object is (GLPK-NOTES, "Safety").

import CGLPK
import Foundation
import GLPKGuard
import SeatwiseSolver

public final class GLPKLinearProblem: LinearSession {
    private var handle: OpaquePointer?
    private let ownership: GLPKOwnership
    private var rowCount: Int
    private var columnCount = 0
    private let maximize: Bool

    public init(rows: [(lower: Double?, upper: Double?)], maximize: Bool) throws {
        var type = [Int32](repeating: 0, count: rows.count + 1), lower = [Double](repeating: 0, count: rows.count + 1)
        var upper = [Double](repeating: 0, count: rows.count + 1)
        for (k, row) in rows.enumerated() { (type[k + 1], lower[k + 1], upper[k + 1]) = GLPKOwnership.type(row.lower, row.upper) }
        var fault = sw_fault()
        let created = type.withUnsafeBufferPointer { t in lower.withUnsafeBufferPointer { l in upper.withUnsafeBufferPointer { u in
            sw_lp_create(Int32(rows.count), t.baseAddress, l.baseAddress, u.baseAddress, maximize ? 1 : 0, &fault) } } }
        try GLPKProblem.check(fault)
        handle = created
        ownership = GLPKOwnership()
        rowCount = rows.count
        self.maximize = maximize
    }

    deinit {
        // Off its thread, or after a fault freed the thread's environment, the object is not deleted.
        guard let handle, ownership.onOwnerThread, ownership.environmentAlive else { return }
        sw_delete(handle)
    }

    private func live() throws -> OpaquePointer { try ownership.live(handle) }

    private func checkAlive(_ fault: sw_fault) throws {
        if fault.failed != 0 {
            handle = nil
            try GLPKProblem.check(fault)
        }
    }

    @discardableResult
    public func addColumn(cost: Double, lower: Double, upper: Double?, entries: [(row: Int, value: Double)]) throws -> Int {
        let p = try live()
        var fault = sw_fault()
        let (type, l, u) = GLPKOwnership.type(lower, upper)
        let index = [Int32(0)] + entries.map { Int32($0.row + 1) }
        let values = [0.0] + entries.map(\.value)
        _ = index.withUnsafeBufferPointer { i in values.withUnsafeBufferPointer { v in
            sw_lp_add_col(p, cost, type, l, u, Int32(entries.count), i.baseAddress, v.baseAddress, &fault) } }
        try checkAlive(fault)
        columnCount += 1
        return columnCount - 1
    }

    public func setRowBounds(_ row: Int, lower: Double?, upper: Double?) throws {
        let p = try live()
        var fault = sw_fault()
        let (type, l, u) = GLPKOwnership.type(lower, upper)
        sw_set_row_bounds(p, Int32(row + 1), type, l, u, &fault)
        try checkAlive(fault)
    }

    @discardableResult
    public func addRow(entries: [(column: Int, value: Double)], lower: Double?, upper: Double?) throws -> Int {
        let p = try live()
        var fault = sw_fault()
        let (type, l, u) = GLPKOwnership.type(lower, upper)
        let index = [Int32(0)] + entries.map { Int32($0.column + 1) }
        let values = [0.0] + entries.map(\.value)
        _ = index.withUnsafeBufferPointer { i in values.withUnsafeBufferPointer { v in
            sw_add_row(p, Int32(entries.count), i.baseAddress, v.baseAddress, type, l, u, &fault) } }
        try checkAlive(fault)
        rowCount += 1
        return rowCount - 1
    }

    public func setObjective(_ costs: [Double]) throws {
        let p = try live()
        var fault = sw_fault()
        let coefficients = [0.0] + costs
        _ = coefficients.withUnsafeBufferPointer { sw_set_objective(p, maximize ? 0 : 1, Int32(costs.count), $0.baseAddress, &fault) }
        try checkAlive(fault)
    }

    public func setColumnBounds(_ column: Int, lower: Double, upper: Double?) throws {
        let p = try live()
        var fault = sw_fault()
        let (type, l, u) = GLPKOwnership.type(lower, upper)
        sw_set_col_bounds(p, Int32(column + 1), type, l, u, &fault)
        try checkAlive(fault)
    }

    public func solve(deadline: Double?, cancel: SolverCancellation?) throws -> LinearOutcome {
        let p = try live()
        var fault = sw_fault()
        var status: Int32 = 0, rc: Int32 = 0, stopped: Int32 = 0, objective = 0.0
        sw_lp_solve(p, deadline ?? 0, cancel?.flag, &status, &rc, &stopped, &objective, &fault)
        try checkAlive(fault)
        if stopped == 2 { throw SolverError.cancelled }
        if stopped == 1 { return LinearOutcome(status: .stopped, objective: objective) }
        switch status {
        case GLP_OPT: return LinearOutcome(status: .optimal, objective: objective)
        case GLP_NOFEAS: return LinearOutcome(status: .infeasible, objective: 0)
        case GLP_UNBND: return LinearOutcome(status: .unbounded, objective: 0)
        default: throw SolverError.noAnswer("GLPK's simplex method did not reach an answer (\(GLPKProblem.simplexWords(rc)))")
        }
    }

    public func solution() throws -> (primal: [Double], dual: [Double]) {
        let p = try live()
        var fault = sw_fault()
        var primal = [Double](repeating: 0, count: columnCount + 1), dual = [Double](repeating: 0, count: rowCount + 1)
        _ = primal.withUnsafeMutableBufferPointer { x in dual.withUnsafeMutableBufferPointer { y in
            sw_lp_read(p, Int32(columnCount), x.baseAddress, Int32(rowCount), y.baseAddress, &fault) } }
        try checkAlive(fault)
        return (Array(primal.dropFirst()), Array(dual.dropFirst()))
    }
}

/// A GLPK problem belongs to the thread that made it.
@available(*, unavailable)
extension GLPKLinearProblem: Sendable {}
