// What every GLPK object of the adapter shares: it belongs to the thread that made it and to that thread's
// GLPK environment (a fault frees the environment and every object in it), and bounds become GLPK's row or
// column types one way.

import CGLPK
import Foundation
import GLPKGuard
import SeatwiseSolver

struct GLPKOwnership {
    /// The thread's environment generation at creation; a later one means GLPK freed the object.
    let generation = sw_environment_generation()
    /// The thread that made the object, the only one that may use or delete it.
    let owner = pthread_self()

    /// Whether the calling thread made the object.
    var onOwnerThread: Bool { pthread_equal(owner, pthread_self()) != 0 }
    /// Whether the object still exists in its environment (no fault freed it since).
    var environmentAlive: Bool { sw_environment_generation() == generation }

    /// The handle, when the calling thread may use it and it still exists.
    func live(_ handle: OpaquePointer?) throws -> OpaquePointer {
        guard onOwnerThread else { throw SolverError.glpkFault("a GLPK problem was used on a thread other than the one that made it") }
        guard let handle, environmentAlive else { throw SolverError.glpkFault("the problem object was lost to an earlier GLPK error on this thread") }
        return handle
    }

    /// GLPK's row or column type for optional bounds (nil = unbounded on that side).
    static func type(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case let (l?, u?) where l == u: return (Int32(GLP_FX), l, u)
        case let (l?, u?): return (Int32(GLP_DB), l, u)
        case let (l?, nil): return (Int32(GLP_LO), l, 0)
        case let (nil, u?): return (Int32(GLP_UP), 0, u)
        case (nil, nil): return (Int32(GLP_FR), 0, 0)
        }
    }
}
