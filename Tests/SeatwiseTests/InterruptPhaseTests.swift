// Ctrl-C in every phase of a run, as a person presses it: the child is sent SIGINT once it says (with
// --progress) that the phase has begun, and must end with exit 3, say it was cancelled, and write nothing.

import Foundation
import Testing
@testable import Seatwise

@Suite("Ctrl-C in each phase", .serialized)
struct InterruptPhaseTests {
    /// Runs `arguments` with --progress, sends SIGINT once `phase` begins, and returns (exit code, stderr,
    /// seconds from the signal to the exit, whether the phase was reached).
    func interrupt(_ arguments: [String], at phase: String) throws -> (Int32, String, Double, Bool) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments + ["--progress"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        var reached = false
        let handle = err.fileHandleForReading
        while process.isRunning || !reached {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if seen.contains("progress: \(phase)") { reached = true; break }
        }
        Thread.sleep(forTimeInterval: 0.2) // well inside the phase
        let sent = Date()
        process.interrupt()
        let rest = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, seen + rest, Date().timeIntervalSince(sent), reached)
    }

    static func generated(_ nominees: Int, _ seats: Int, extraQuotas: String = "") throws -> URL {
        let folder = Fixtures.temporaryFolder()
        #expect(try CLI.run(["generate", "--nominees", "\(nominees)", "--seats", "\(seats)", "--seed", "4", "--output", folder.path]).status == 0)
        if !extraQuotas.isEmpty {
            let policy = folder.appendingPathComponent("policy.yaml")
            var text = try String(contentsOf: policy, encoding: .utf8)
            text = text.replacingOccurrences(of: "quotas:\n", with: "quotas:\n" + extraQuotas)
            try text.write(to: policy, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("select is interrupted while it explains, and while it diagnoses an infeasible policy", arguments: ["explaining", "diagnosing"])
    func phase(_ phase: String) throws {
        // Diagnosing: women at most 1 in each group but 40% of the body, so the conflict search and
        // the repair run; explaining: a body large enough that the explanations take seconds.
        let folder = phase == "explaining" ? try Self.generated(8000, 400)
            : try Self.generated(20000, 600, extraQuotas: "  - { attribute: gender, value: female, max: 1, per: group }\n")
        let out = folder.appendingPathComponent("report.json").path
        let extra = phase == "explaining" ? ["--explain"] : ["--repair"]
        let (status, stderr, seconds, reached) = try interrupt(["select", folder.appendingPathComponent("nominations.csv").path, "--policy",
                                                                folder.appendingPathComponent("policy.yaml").path, "--format", "json",
                                                                "--output", out] + extra, at: phase)
        #expect(reached, "\(stderr)")
        #expect(status == 3, "\(stderr)")
        #expect(stderr.contains("cancelled"))
        #expect(!stderr.contains("progress: writing"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // `make bench` measures the time to stop (under a second); here only that it does stop.
        #expect(seconds < 10, "took \(seconds) s to stop")
    }
}
