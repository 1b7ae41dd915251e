// The server's connections: a cap on how many are open at once, so half-sent request heads or bodies
// cannot use up the process's descriptors (past the cap, the connection idle longest, with no request or
// still sending one, is closed to make room; one whose request is being answered never is), and a JSON
// answer to a request the HTTP parser refuses.

import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Every open connection, its state and when it last did anything. Shared by all the server's connections.
final class ConnectionTable: @unchecked Sendable {
    /// At most this many connections are open at once (a browser opens about six).
    static let maximum = 256
    /// A connection that has sent no complete request head for this long is closed.
    static let idleTimeout: TimeAmount = .seconds(30)

    /// Where a connection is: waiting for a request head, reading a request, or answering one.
    enum State: Int { case waiting, reading, answering }

    private let lock = NSLock()
    private let maximum: Int
    /// Open connections, each with its state and when it last did anything (a counter, not a clock).
    private var open: [ObjectIdentifier: (channel: Channel, state: State, since: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(maximum: Int = ConnectionTable.maximum) { self.maximum = maximum }

    /// Registers a new connection; the connections to close to stay within the cap (the new one itself
    /// when every other is answering a request).
    func add(_ channel: Channel) -> [Channel] {
        lock.lock(); defer { lock.unlock() }
        clock += 1
        open[ObjectIdentifier(channel)] = (channel, .waiting, clock)
        guard open.count > maximum else { return [] }
        let idlest = open.filter { $0.value.state != .answering && $0.key != ObjectIdentifier(channel) }
            .min { $0.value.since < $1.value.since }
        guard let (key, entry) = idlest else {
            open[ObjectIdentifier(channel)] = nil
            return [channel]
        }
        open[key] = nil
        return [entry.channel]
    }

    func set(_ channel: Channel, _ state: State) {
        lock.lock(); defer { lock.unlock() }
        clock += 1
        if open[ObjectIdentifier(channel)] != nil {
            open[ObjectIdentifier(channel)]!.state = state
            open[ObjectIdentifier(channel)]!.since = clock
        }
    }

    func remove(_ channel: Channel) {
        lock.lock(); defer { lock.unlock() }
        open[ObjectIdentifier(channel)] = nil
    }
}

/// One per connection, after the HTTP codec: keeps the table up to date and answers parser errors.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let table: ConnectionTable

    init(table: ConnectionTable) { self.table = table }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    private var admitted = false
    private func admit(_ context: ChannelHandlerContext) {
        guard !admitted else { return }
        admitted = true
        for channel in table.add(context.channel) { channel.close(promise: nil) }
    }

    /// Requests whose head was read, and answers whose end was written (an answer may come before its
    /// request's body has all arrived: an early 413).
    private var heads = 0, answers = 0, reading = false
    private var current: ConnectionTable.State { reading ? .reading : heads > answers ? .answering : .waiting }

    func channelInactive(context: ChannelHandlerContext) {
        table.remove(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        admit(context)
        switch unwrapInboundIn(data) {
        case .head: heads += 1; reading = true
        case .body: break
        case .end: reading = false
        }
        table.set(context.channel, current)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            answers += 1
            table.set(context.channel, current)
        }
        context.write(data, promise: promise)
    }

    /// A request the parser refuses (a malformed head, say) gets 400 with a JSON body and the security
    /// headers every answer carries, and the connection is closed.
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // Only between requests: once a head is read, the request's own handler answers.
        guard error is HTTPParserError, heads == answers, !reading else {
            context.fireErrorCaught(error)
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = (try? encoder.encode(ErrorBody(error: "the request is not well-formed HTTP/1.1"))) ?? Data("{}".utf8)
        let body = ByteBuffer(bytes: Array(data) + [0x0A])
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        Guard.securityHeaders(&fields)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .badRequest, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
