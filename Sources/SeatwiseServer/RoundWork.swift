// Work on rounds off the server's event loops: solves block (GLPK runs on its own threads), so each
// round gets a serial queue of its own, which also serialises concurrent requests on one round. Rounds
// opened for what-ifs (a RoundSession each, per mode) are kept, so a what-if re-solves warm.

import Foundation
import Hummingbird
import Seatwise

final class RoundWork: @unchecked Sendable {
    private let store: RoundStore
    private let countries: CountryTable
    var countriesTable: CountryTable { countries }
    private let lock = NSLock()
    private var queues: [Int64: DispatchQueue] = [:]
    /// Open sessions by round and mode.
    private var sessions: [String: RoundSession] = [:]

    init(store: RoundStore, countries: CountryTable) {
        self.store = store
        self.countries = countries
    }

    private func queue(_ id: Int64) -> DispatchQueue {
        lock.lock(); defer { lock.unlock() }
        if let q = queues[id] { return q }
        let q = DispatchQueue(label: "seatwise.round.\(id)")
        queues[id] = q
        return q
    }

    /// The stop request of each round's running job, so `cancel` can end it.
    private var running: [Int64: SolverCancellation] = [:]

    /// Runs `body` on the round's queue with a budget whose cancellation `cancel(id)` (or the request's
    /// own cancellation, or its client's connection closing) raises; a cancelled solve answers 409.
    func run<T: Sendable>(_ id: Int64, _ context: WorkbenchContext, _ body: @escaping @Sendable (SolveBudget) throws -> T) async throws -> T {
        let cancellation = SolverCancellation()
        context.closing.whenComplete { _ in cancellation.cancel() }
        // The request's language goes with the work onto the round's queue (a queue has no task-locals).
        let catalogue = Catalogue.current
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue(id).async { [self] in
                    lock.lock(); running[id] = cancellation; lock.unlock()
                    defer { lock.lock(); if running[id] === cancellation { running[id] = nil }; lock.unlock() }
                    continuation.resume(with: Result {
                        do { return try Catalogue.$current.withValue(catalogue) { try body(SolveBudget(cancellation: cancellation)) } } catch SolverError.cancelled {
                            throw APIError(.conflict, "the solve was cancelled before it finished")
                        }
                    })
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Stops the round's running solve, if any; whether there was one.
    func cancel(_ id: Int64) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard let cancellation = running[id] else { return false }
        cancellation.cancel()
        return true
    }

    /// Whether the round's policy chooses by lottery, from the policy file alone (no nominations parsed);
    /// a policy that cannot be read is not a lottery here, and the ranked path reports its problems.
    func choosesByLottery(_ id: Int64) throws -> Bool {
        guard let files = try store.files(of: id) else { throw APIError(.notFound, "no round \(id)") }
        let policy = try? PolicyReader().read(InputFile(path: files.policy.filename, bytes: files.policy.bytes))
        return policy?.objective == .lottery
    }

    /// Refuses, before anything is solved, what the round's policy cannot answer (a what-if, an
    /// explanation or a comparison of a lottery policy): the library's refusal, in its words, as a 409.
    func check(_ id: Int64, _ request: RoundRequest) throws {
        guard let files = try store.files(of: id) else { throw APIError(.notFound, "no round \(id)") }
        guard let policy = try? PolicyReader().read(InputFile(path: files.policy.filename, bytes: files.policy.bytes)) else { return }
        do { try request.check(policy) } catch let refusal as RoundRefusal { throw APIError(.conflict, refusal.description) }
    }

    /// The round's input as last uploaded (404 when there is no such round; 422 if its files fail).
    func input(_ id: Int64) throws -> SelectionInput {
        guard let files = try store.files(of: id) else { throw APIError(.notFound, "no round \(id)") }
        do {
            return try SelectionInput.load(nominations: files.nominations.input, policy: files.policy.input, countries: countries,
                                           history: files.history.map(\.input))
        } catch let error as InputError { throw APIError.input(error) }
    }

    /// The round with its kept adjustments, in `mode`.
    func round(_ id: Int64, mode: SelectionMode) throws -> Round {
        let kept: [Adjustment]
        do { kept = try store.adjustments(of: id) } catch is DecodingError {
            // A kept adjustment this version cannot read is the round's problem (422), never a failure of the server.
            throw APIError.input(InputError([InputDiagnostic(file: "adjustments", message: "a kept adjustment cannot be read by this version of Seatwise; delete the round's adjustments or the round")]))
        }
        return Round(input: try input(id), mode: mode, adjustments: kept)
    }

    /// The round's outcome for `request` on the library's one path (`Round.run`), as the command line
    /// makes it; the session's result is reused rather than solved again. `redacted`: names as initials.
    func outcome(_ id: Int64, mode: SelectionMode, request: RoundRequest, budget: SolveBudget, redacted: Bool = false) throws -> RoundOutcome {
        do {
            if redacted { return try round(id, mode: mode).redacted().run(request, budget: budget) }
            let session = try self.session(id, mode: mode, budget: budget)
            return try session.round.run(request, budget: budget, solved: session.base)
        } catch let error as InputError { throw APIError.input(error) } catch let refusal as RoundRefusal { throw APIError(.conflict, refusal.description) }
    }

    /// The round's open session in `mode`, opened (files read and checked, the round solved) on first
    /// use and kept until `forget`: its files and kept adjustments only change through this server, which
    /// forgets the round when they do. Call on the round's queue.
    func session(_ id: Int64, mode: SelectionMode, budget: SolveBudget) throws -> RoundSession {
        let key = "\(id):\(mode.rawValue)"
        lock.lock()
        let open = sessions[key]
        lock.unlock()
        if let open { return open }
        // Kept adjustments that cannot be applied (a group or row since removed, a number out of range)
        // are the round's problems, shown as such (422), never a failure of the server.
        let session: RoundSession
        do { session = try round(id, mode: mode).open(budget: budget) } catch let error as InputError { throw APIError.input(error) }
        lock.lock(); sessions[key] = session; lock.unlock()
        return session
    }

    /// Forgets a round's sessions (after its files or adjustments change, or it is deleted). Call on the
    /// round's queue, in the same job as the change: a solve queued before it then cannot cache a session
    /// of the old files after it.
    func forget(_ id: Int64) {
        lock.lock(); defer { lock.unlock() }
        for key in sessions.keys where key.hasPrefix("\(id):") { sessions[key]?.close(); sessions[key] = nil }
    }
}

extension Round {
    /// The round with every name replaced by initials (ids, ranks and attributes unchanged, so the same panel).
    func redacted() -> Round {
        var round = self
        round.input = input.redacted()
        return round
    }
}
