// What a command may spend on solving: one deadline for every phase (selection, explanations,
// diagnosis, repairs), a stop request that any thread may raise, and the solver's memory cap per thread.

import SolverSignals

public struct SolveBudget: Sendable {
    /// `Deadline.now()` seconds after which no solve starts and running ones stop; nil = no limit.
    public var deadline: Double?
    public var cancellation: SolverCancellation?
    /// The solver's memory cap in megabytes, applied on every thread that solves for this budget.
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

}

/// A stop request for solves in progress: `cancel()` may be called from any thread (a signal handler's
/// queue, a UI); the branch-and-bound callback reads it and ends the search (`SolverError.cancelled`).
public final class SolverCancellation: @unchecked Sendable {
    /// Written and read only atomically (SolverSignals), so any thread may raise it during a solve.
    package let flag: UnsafeMutablePointer<Int32>

    public init() {
        flag = .allocate(capacity: 1)
        flag.initialize(to: 0)
    }

    deinit { flag.deallocate() }

    public func cancel() { ss_request_stop(flag) }
    public var isCancelled: Bool { ss_stop_requested(flag) != 0 }
}

/// Monotonic clock seconds, the same clock the C guard checks deadlines against.
public enum Deadline {
    public static func now() -> Double { ss_monotonic_seconds() }
    public static func after(seconds: Double?) -> Double? { seconds.map { now() + $0 } }
}
