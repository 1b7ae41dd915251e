// Where `--output` writes (issue 15, defect 1): devices and FIFOs are written directly and stay what
// they are, `-` is standard output, a trailing slash is an error, not a file.

import Foundation
import Testing

@Suite("Output targets")
struct OutputTargetTests {
    let inputs = [Fixtures.root.path + "/Tests/BadInput/default-nominations.csv", "--policy",
                  Fixtures.root.path + "/Tests/BadInput/default-policy.yaml", "--seed", "1"]

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test("a FIFO gets the report and is still a FIFO")
    func fifo() throws {
        let folder = Fixtures.temporaryFolder()
        let fifo = folder.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader opens the FIFO as a user's `cat` would; the writer blocks until it does.
        let received = LockedData()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { received.set(handle.readDataToEndOfFile()) }
        }
        reader.start()
        let run = try CLI.run(["select"] + inputs + ["--format", "json", "--output", fifo])
        for _ in 0..<100 where received.value == nil { Thread.sleep(forTimeInterval: 0.05) }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fileType(fifo) == S_IFIFO, "the FIFO was replaced")
        let json = received.value.flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
        #expect(json?["status"] as? String == "optimal", "the reader got no report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.fifo"], "no temporary file is left")
    }

    @Test("a character device (the null device) stays a character device")
    func nullDevice() throws {
        // As root, a null device of the test's own: a regression must not replace the system's /dev/null.
        var device = "/dev/null"
        if getuid() == 0 {
            device = Fixtures.temporaryFolder().appendingPathComponent("null").path
            #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, "mknod: \(errno)")
        }
        let run = try CLI.run(["select"] + inputs + ["--output", device])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fileType(device) == S_IFCHR)
        #expect(fileType("/dev/null") == S_IFCHR)
    }

    @Test("--output - is standard output; a trailing slash is refused")
    func dashAndSlash() throws {
        let folder = Fixtures.temporaryFolder()
        let dash = try CLI.run(["select"] + inputs + ["--format", "json", "--output", "-"], in: folder)
        #expect(dash.status == 0)
        #expect(dash.stdout.contains("\"status\" : \"optimal\""))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path), "a file named - was created")
        let slash = folder.appendingPathComponent("report.json").path + "/"
        let refused = try CLI.run(["select"] + inputs + ["--output", slash], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("ends with '/'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "something was written")
    }
}

/// Data handed from the reading thread to the test.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    var value: Data? { lock.lock(); defer { lock.unlock() }; return data }
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
}
