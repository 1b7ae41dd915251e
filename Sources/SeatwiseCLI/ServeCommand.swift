// `seatwise serve`: the workbench, a local web application over the same library. Thin: parse the
// options, start the server, print its URL first.

import ArgumentParser
import Foundation
import Seatwise
import SeatwiseServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the workbench: rounds in the browser, kept in a local SQLite file.")

    @Option(name: .long, help: "The address to listen on; anything but loopback requires a token.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port (0: any free port; the URL printed says which).")
    var port = 8737

    @Option(name: .long, help: "The folder holding the workbench's SQLite file.")
    var data = "seatwise-data"

    @Option(name: .long, help: "Require this token on every request (generated when listening beyond loopback and none is given).")
    var token: String?

    @Option(name: .long, help: "The folder of examples offered as starting points (default: ./examples if there is one, else the examples shipped with seatwise).")
    var examples: String?

    @Option(name: .customLong("host-name"), help: "Another name the server answers to (repeatable); a request naming any other host is refused.")
    var hostNames: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        if let token, token.count < 16 || !token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            throw ValidationError("--token must be at least 16 letters, digits, - or _")
        }
    }

    func run() throws {
        var token = self.token
        if token == nil, !WorkbenchServer.isLoopback(host) {
            token = (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 36) }.joined()
        }
        let server = WorkbenchServer(host: host, port: port, dataFolder: data, token: token, examplesFolder: examples, hostNames: hostNames)
        let done = DispatchSemaphore(value: 0)
        final class Outcome: @unchecked Sendable { var error: Error? }
        let outcome = Outcome()
        Task {
            do {
                try await server.run { url in
                    // The URL is the first line of standard output, for people and for scripts.
                    FileHandle.standardOutput.write(Data((url + "\n").utf8))
                }
            } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}
