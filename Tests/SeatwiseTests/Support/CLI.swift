// Runs the built `seatwise` executable as a user would, capturing exit code, output and errors.

import Foundation

struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
    }
}

enum CLI {
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SEATWISE_BIN"] { return URL(fileURLWithPath: path) }
        return Fixtures.root.appendingPathComponent(".build/debug/seatwise")
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> CLIRun {
        try tool(binary.path, arguments, in: folder ?? Fixtures.root)
    }

    static func tool(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws -> CLIRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        // Output goes to files, so a large output can never fill a pipe and block the child.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seatwise-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return CLIRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Finds a program on PATH.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
