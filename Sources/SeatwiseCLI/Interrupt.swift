// Ctrl-C during a solve: the search is asked to stop, the command ends with exit 3 and writes nothing.

import Dispatch
import Foundation
import Seatwise

enum Interrupt {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    /// A cancellation that SIGINT triggers (the handler runs on a Dispatch queue, not in the signal).
    static func cancellation() -> SolverCancellation {
        let cancellation = SolverCancellation()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            if cancellation.isCancelled { exit(3) } // a second Ctrl-C ends at once
            FileHandle.standardError.write(Data("\ninterrupted: stopping the solver…\n".utf8))
            cancellation.cancel()
        }
        source.resume()
        Self.source = source
        return cancellation
    }
}
