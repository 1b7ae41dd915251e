// GLPK as a SolverBackend: sessions are GLPKProblems; worker threads get the budget's memory cap and
// free their own GLPK environment when done, so the caller's GLPK state is never touched.

import Foundation
import GLPKGuard
import SeatwiseSolver

public struct GLPKBackend: SolverBackend {
    public init() {}

    public var version: String { GLPKProblem.version }

    public func session(for program: IntegerProgram) throws -> any SolverSession {
        try GLPKProblem(program)
    }

    public func linearSession(rows: [(lower: Double?, upper: Double?)], maximize: Bool) throws -> any LinearSession {
        try GLPKLinearProblem(rows: rows, maximize: maximize)
    }

    public func prepareThread(_ budget: SolveBudget) throws {
        if let megabytes = budget.memoryLimit { try limitGLPKMemory(megabytes: megabytes) }
    }

    public func run(_ count: Int, budget: SolveBudget, _ work: @escaping @Sendable (Int) throws -> Void) throws {
        final class Errors: @unchecked Sendable {
            let lock = NSLock()
            var byIndex: [Int: Error] = [:]
        }
        let errors = Errors()
        let group = DispatchGroup()
        for k in 0..<count {
            group.enter()
            let thread = Thread {
                do {
                    try prepareThread(budget)
                    try work(k)
                } catch {
                    errors.lock.lock(); errors.byIndex[k] = error; errors.lock.unlock()
                }
                finishThread() // this thread's environment was created here, so it is ours to free
                group.leave()
            }
            thread.stackSize = 16 << 20 // GLPK's branch and bound recurses on deep trees
            thread.start()
        }
        group.wait()
        if let first = errors.byIndex.keys.min() { throw errors.byIndex[first]! }
    }

    public func finishThread() { sw_thread_done() }
}

/// Caps GLPK's memory on the calling thread (megabytes); exceeding it becomes a `SolverError`.
public func limitGLPKMemory(megabytes: Int) throws {
    var fault = sw_fault()
    sw_mem_limit(Int32(megabytes), &fault)
    if fault.failed != 0 { throw SolverError.glpkFault("cannot set the memory limit") }
}
