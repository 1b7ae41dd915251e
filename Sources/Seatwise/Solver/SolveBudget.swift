// What a command may spend on solving: one deadline for every phase (selection, explanations,
// diagnosis, repairs), a stop request that any thread may raise, and GLPK's memory cap per thread.

import GLPKGuard

public struct SolveBudget: Sendable {
    /// `Deadline.now()` seconds after which no solve starts and running ones stop; nil = no limit.
    public var deadline: Double?
    public var cancellation: SolverCancellation?
    /// GLPK's memory cap in megabytes, applied on every thread that solves for this budget.
    public var memoryLimit: Int?

    public static let unlimited = SolveBudget()

    public init(deadline: Double? = nil, cancellation: SolverCancellation? = nil, memoryLimit: Int? = nil) {
        self.deadline = deadline
        self.cancellation = cancellation
        self.memoryLimit = memoryLimit
    }

    /// A budget of `seconds` from now (nil: no limit).
    public init(seconds: Double?, cancellation: SolverCancellation? = nil, memoryLimit: Int? = nil) {
        self.init(deadline: Deadline.after(seconds: seconds), cancellation: cancellation, memoryLimit: memoryLimit)
    }

    /// The deadline has passed: a phase that has not started should not start.
    public var isExpired: Bool { deadline.map { Deadline.now() >= $0 } ?? false }

    /// Throws `SolverError.cancelled` once a stop was requested; phases call it between solves.
    public func checkCancelled() throws {
        if cancellation?.isCancelled == true { throw SolverError.cancelled }
    }

    /// Applies the memory cap to the calling thread's GLPK environment.
    func applyToThread() throws {
        if let memoryLimit { try limitGLPKMemory(megabytes: memoryLimit) }
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

/// Caps GLPK's memory on the calling thread (megabytes); exceeding it becomes a `SolverError`.
public func limitGLPKMemory(megabytes: Int) throws {
    var fault = sw_fault()
    sw_mem_limit(Int32(megabytes), &fault)
    if fault.failed != 0 { throw SolverError.glpkFault("cannot set the memory limit") }
}
