// A one-line progress counter on standard error, shown only when standard error is a terminal.

import Foundation

enum Progress {
    static var onTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// A reporter for `label`, or nil when standard error is not a terminal.
    static func reporter(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard onTerminal else { return nil }
        return { done, total in
            if done == total || done % max(1, total / 100) == 0 {
                FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\(done == total ? "\n" : "")".utf8))
            }
        }
    }
}
