// Ctrl-C during a solve or while the report is written: the search is asked to stop (the report's
// writer looks at the same flag), the command ends with exit 3 and writes nothing.

import Dispatch
import Foundation
import Seatwise

enum Interrupt {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?
    /// The run's cancellation, once a command has asked for one: the report's writer stops on it too.
    nonisolated(unsafe) private(set) static var current: SolverCancellation?

    /// A cancellation that SIGINT triggers (the handler runs on a Dispatch queue, not in the signal).
    static func cancellation() -> SolverCancellation {
        let cancellation = SolverCancellation()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if cancellation.isCancelled { exit(3) } // a second Ctrl-C ends at once
            // The flag first, the words after: whoever reads the words may rely on the flag being up.
            cancellation.cancel()
            FileHandle.standardError.write(Data("\ninterrupted: stopping the solver…\n".utf8))
        }
        source.resume()
        Self.source = source
        Self.current = cancellation
        return cancellation
    }
}
