// `seatwise serve`: the workbench's server. Binds to loopback unless told otherwise (then a token is
// required), prints its URL on the first line of standard output, and serves until stopped.

import Foundation
import Hummingbird
import Logging
import Seatwise
import SeatwiseExamples

public struct WorkbenchServer {
    public var host: String
    public var port: Int
    public var dataFolder: String
    public var token: String?
    /// The examples offered as starting points; nil: `./examples` when there is one, else the examples
    /// shipped with the binary.
    public var examplesFolder: String?
    /// More names the server answers to (a Host header naming anything else is refused, 421).
    public var hostNames: [String]

    public init(host: String = "127.0.0.1", port: Int = 8737, dataFolder: String = "seatwise-data", token: String? = nil, examplesFolder: String? = nil,
                hostNames: [String] = []) {
        self.host = host
        self.hostNames = hostNames
        self.port = port
        self.dataFolder = dataFolder
        self.token = token
        self.examplesFolder = examplesFolder
    }

    /// The examples shipped with the binary (a copy of the source tree's examples/ beside it).
    public static var shippedExamples: String? { ShippedExamples.folder }

    /// The folder examples are offered from: the one given, else ./examples, else the shipped copy.
    var examples: String {
        if let examplesFolder { return examplesFolder }
        if FileManager.default.fileExists(atPath: "examples/mag/nominations.csv") { return "examples" }
        return Self.shippedExamples ?? "examples"
    }

    /// Whether `host` can only be reached from this machine.
    public static func isLoopback(_ host: String) -> Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

    /// Serves until SIGINT or SIGTERM. `announce` gets the URL (and the token, if any) once listening.
    public func run(announce: @escaping @Sendable (String) -> Void) async throws {
        let store = try RoundStore(folder: dataFolder)
        let work = RoundWork(store: store, countries: try CountryTable.bundled())
        let router = Router(context: WorkbenchContext.self)
        router.add(middleware: Guard(token: token, hosts: Guard.hosts(listening: host, extra: hostNames)))
        let api = APIRoutes(store: store, work: work)
        api.add(to: router)
        let pages = Pages(store: store, work: work, api: api, examplesFolder: examples)
        pages.add(to: router)
        RoundPages(store: store, work: work, api: api, pages: pages).add(to: router)
        AnalysisPages(work: work, api: api, pages: pages).add(to: router)
        PolicyEditor(store: store, work: work, api: api, pages: pages).add(to: router)
        let (host, token) = (host, token)
        let connections = ConnectionTable()
        let app = Application(responder: HeadAsGet(inner: router.buildResponder()), server: .http1(configuration: .init(additionalChannelHandlers: [HangUpHandler(), ConnectionGuard(table: connections)],
                                                                                   idleTimeout: ConnectionTable.idleTimeout)),
                              configuration: .init(address: .hostname(host, port: port), serverName: "seatwise"),
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? 0
                                  let shown = host.contains(":") ? "[\(host)]" : host
                                  announce("http://\(shown):\(port)/" + (token.map { "?token=\($0)" } ?? ""))
                              }, logger: {
                                  var logger = Logger(label: "seatwise")
                                  logger.logLevel = .error
                                  return logger
                              }())
        try await app.runService()
    }
}
