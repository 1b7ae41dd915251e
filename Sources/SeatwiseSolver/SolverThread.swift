// One long-lived thread that owns solver sessions across many calls: a session must stay on the thread
// that made it, so a round kept open for what-ifs sends each question here and waits for the answer.

import Foundation

public final class SolverThread: @unchecked Sendable {
    /// The jobs and the closed flag, shared with the thread (which must not keep the SolverThread alive).
    private final class Queue: @unchecked Sendable {
        let condition = NSCondition()
        var jobs: [() -> Void] = []
        var closed = false
        let ended = DispatchSemaphore(value: 0)

        /// The next job, or nil once closed and drained.
        func next() -> (() -> Void)? {
            condition.lock()
            defer { condition.unlock() }
            while jobs.isEmpty && !closed { condition.wait() }
            return jobs.isEmpty ? nil : jobs.removeFirst()
        }
    }

    private let queue = Queue()

    /// Starts the thread; `prepare` runs on it first (e.g. a memory cap), `finish` last (freeing the
    /// thread's solver state), after every job queued before `close()` has run.
    public init(stackSize: Int = 16 << 20, prepare: @escaping @Sendable () -> Void = {}, finish: @escaping @Sendable () -> Void = {}) {
        let queue = queue
        let thread = Thread {
            prepare()
            while let job = queue.next() { job() }
            finish()
            queue.ended.signal()
        }
        thread.stackSize = stackSize
        thread.start()
    }

    /// Runs `body` on the thread and waits for its value or error. `body` may use sessions made by
    /// earlier bodies on this thread.
    public func perform<T>(_ body: @escaping () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let finished = DispatchSemaphore(value: 0)
        queue.condition.lock()
        guard !queue.closed else {
            queue.condition.unlock()
            throw SolverError.noAnswer("the solver thread was closed")
        }
        queue.jobs.append {
            box.result = Result { try body() }
            finished.signal()
        }
        queue.condition.signal()
        queue.condition.unlock()
        finished.wait()
        return try box.result!.get()
    }

    /// Lets the queued jobs finish, then ends the thread and waits for it. Calling it again does nothing.
    public func close() {
        queue.condition.lock()
        let already = queue.closed
        queue.closed = true
        queue.condition.signal()
        queue.condition.unlock()
        if !already { queue.ended.wait() }
    }

    deinit { close() }
}

/// Carries a job's result from the solver thread back to the caller (the semaphore orders the access).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
