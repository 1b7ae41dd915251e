// Progress on standard error: a one-line counter on a terminal; with --progress, plain lines (each phase,
// and every tenth of the explanations) that a log file or a supervising program can read.

import Foundation

enum Progress {
    nonisolated(unsafe) static var lines = false

    static var onTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Says that a phase begins ("selecting", "explaining", "diagnosing", "writing"), with --progress.
    static func phase(_ name: String) {
        if lines { FileHandle.standardError.write(Data("progress: \(name)\n".utf8)) }
    }

    /// A reporter for `label`, or nil when there is nobody to tell.
    static func reporter(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
        if lines {
            return { done, total in
                if done == total || done % max(1, total / 10) == 0 {
                    FileHandle.standardError.write(Data("progress: \(label) \(done)/\(total)\n".utf8))
                }
            }
        }
        guard onTerminal else { return nil }
        return { done, total in
            if done == total || done % max(1, total / 100) == 0 {
                FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\(done == total ? "\n" : "")".utf8))
            }
        }
    }
}
