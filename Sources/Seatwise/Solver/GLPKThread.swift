// Worker threads for GLPK: each runs its work on a thread of its own, with the budget's settings, and
// frees that thread's GLPK environment when done. The caller's own GLPK state is never touched.

import Foundation
import GLPKGuard

enum GLPKThread {
    /// Runs `work(k)` for k in 0..<count, each on a new thread, and waits for all; rethrows the first
    /// error by index. GLPK problems made inside `work` must not outlive it.
    static func run(_ count: Int, budget: SolveBudget, _ work: @escaping @Sendable (Int) throws -> Void) throws {
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
                    try budget.applyToThread()
                    try work(k)
                } catch {
                    errors.lock.lock(); errors.byIndex[k] = error; errors.lock.unlock()
                }
                sw_thread_done() // this thread's environment was created here, so it is ours to free
                group.leave()
            }
            thread.stackSize = 16 << 20 // GLPK's branch and bound recurses on deep trees
            thread.start()
        }
        group.wait()
        if let first = errors.byIndex.keys.min() { throw errors.byIndex[first]! }
    }
}
