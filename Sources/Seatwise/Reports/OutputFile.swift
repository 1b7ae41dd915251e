// Writes a report atomically (temporary file in the same folder, then rename) and refuses to
// overwrite any input file, however it is named (same path, link or hard link).

import Foundation

public enum OutputFile {
    public struct Refused: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String, protecting inputs: [String]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs {
            let source = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
            if source.path == target.path || sameFile(source.path, target.path) {
                throw Refused(path: path, reason: "is an input file (\(input)); choose another output file")
            }
        }
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Refused(path: path, reason: "the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).seatwise-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(text.utf8).write(to: temporary, options: [.withoutOverwriting])
            if rename(temporary.path, target.path) != 0 {
                let message = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw Refused(path: path, reason: "cannot replace the file: \(message)")
            }
        } catch let refused as Refused {
            throw refused
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Refused(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
