// Failures of the solver itself (exit 3): GLPK reported a fatal error, or gave no usable answer.

public enum SolverError: Error, Sendable, CustomStringConvertible {
    /// GLPK hit a fatal error (it would have aborted); the message is GLPK's own.
    case glpkFault(String)
    /// GLPK stopped without a usable answer (e.g. its LP did not converge).
    case noAnswer(String)
    /// A stop was requested (`SolverCancellation.cancel()`) before an answer was proved.
    case cancelled

    public var description: String {
        switch self {
        case .glpkFault(let message): return "GLPK failed: \(message)"
        case .noAnswer(let message): return "the solver gave no usable answer: \(message)"
        case .cancelled: return "the solve was cancelled before it finished"
        }
    }
}
