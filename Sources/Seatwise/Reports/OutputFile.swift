// Writes a report atomically (temporary file in the same folder, then rename) and refuses to
// overwrite any input file, however it is named (same path, link or hard link). A path that is not a
// regular file (a device such as /dev/null, a FIFO) is written directly: renaming over it would
// replace it with a regular file. A replaced file keeps its mode; a new one is readable by its owner
// only (reports name people). A run interrupted while writing leaves nothing behind.

import Foundation
import SeatwiseSolver

package enum OutputFile {
    package struct Refused: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "\(path): \(reason)" }
        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// `--output -` means standard output.
    package static let standardOutput = "-"

    /// The mode of a new report: it names people, so only its owner reads it.
    package static let newFileMode: mode_t = 0o600
    /// Written in pieces of this size, with a look at `cancellation` before each.
    static let chunk = 1 << 16

    package static func write(_ text: String, to path: String, protecting inputs: [String], cancellation: SolverCancellation? = nil) throws {
        try write(Data(text.utf8), to: path, protecting: inputs, cancellation: cancellation)
    }

    /// The bytes of a report (a text one, or an .xlsx workbook), written the same careful way. When
    /// `cancellation` is raised (Ctrl-C) before the report is complete, nothing more is written, a
    /// regular file is left as it was, and `SolverError.cancelled` is thrown.
    package static func write(_ data: Data, to path: String, protecting inputs: [String], cancellation: SolverCancellation? = nil) throws {
        if cancellation?.isCancelled == true { throw SolverError.cancelled }
        if path == standardOutput {
            try writeChunks(data, to: FileHandle.standardOutput, cancellation: cancellation)
            return
        }
        if path.isEmpty { throw Refused(path: "''", reason: "the output path is empty") }
        if path.hasSuffix("/") { throw Refused(path: path, reason: "ends with '/', which names a folder; give a file name") }
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs {
            let source = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
            if source.path == target.path || sameFile(source.path, target.path) {
                throw Refused(path: path, reason: "is an input file (\(input)); choose another output file")
            }
        }
        var info = stat()
        var mode = newFileMode
        if stat(target.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: mode = info.st_mode & 0o7777
            case S_IFDIR: throw Refused(path: path, reason: "is a folder; give a file name")
            case S_IFCHR, S_IFIFO: return try writeDirectly(data, to: target.path, shownAs: path, cancellation: cancellation)
            default: throw Refused(path: path, reason: "is neither a regular file, a device nor a FIFO; choose another output file")
            }
        }
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Refused(path: path, reason: "the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).seatwise-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            // Created owner-only, given the target's mode once complete, then renamed over it.
            let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, newFileMode)
            guard fd >= 0 else { throw Refused(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            do { try writeChunks(data, to: handle, cancellation: cancellation) } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            fchmod(fd, mode)
            try handle.close()
            if cancellation?.isCancelled == true {
                try? FileManager.default.removeItem(at: temporary)
                throw SolverError.cancelled
            }
            if rename(temporary.path, target.path) != 0 {
                let message = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw Refused(path: path, reason: "cannot replace the file: \(message)")
            }
        } catch let refused as Refused {
            throw refused
        } catch SolverError.cancelled {
            throw SolverError.cancelled
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Refused(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Devices and FIFOs: opened for writing as they are (a FIFO waits for its reader), never created.
    private static func writeDirectly(_ data: Data, to target: String, shownAs path: String, cancellation: SolverCancellation?) throws {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Refused(path: path, reason: "cannot open: \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do { try writeChunks(data, to: handle, cancellation: cancellation) } catch SolverError.cancelled { throw SolverError.cancelled } catch {
            throw Refused(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Writes `data` in pieces, stopping (SolverError.cancelled) as soon as `cancellation` is raised: a
    /// FIFO's reader or standard output then gets no more (and nothing at all if raised before opening).
    private static func writeChunks(_ data: Data, to handle: FileHandle, cancellation: SolverCancellation?) throws {
        var offset = data.startIndex
        repeat {
            if cancellation?.isCancelled == true { throw SolverError.cancelled }
            let end = Swift.min(offset + chunk, data.endIndex)
            try handle.write(contentsOf: data[offset..<end])
            offset = end
        } while offset < data.endIndex
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
