// Every request passes here: the Host (against DNS rebinding), the token (when the server is reachable
// beyond this machine), the origin of state-changing requests, an announced body over the limit, typed
// errors turned into JSON answers, and the security headers. HEAD is answered as GET without the body.

import Foundation
import HTTPTypes
import NIOCore
import Hummingbird
import Seatwise

struct WorkbenchContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Completes when the client's connection closes: a solve for a client that went away is stopped.
    let closing: EventLoopFuture<Void>
    /// The port the connection came in on: the Host a browser sends names it.
    let localPort: Int?
    init(source: Source) {
        coreContext = .init(source: source)
        closing = source.channel.closeFuture
        localPort = source.channel.localAddress?.port
    }
    /// Uploads above this are refused with 413 before they are read whole.
    var maxUploadSize: Int { 50 * 1024 * 1024 }
}

struct Guard: RouterMiddleware {
    typealias Context = WorkbenchContext
    /// Required on every request when set: `Authorization: Bearer …`, `?token=…` or the cookie a page sets.
    let token: String?
    /// Host names (lowercased, without the port) a request may name; nil accepts any (a server beyond
    /// loopback, guarded by its token, when no names are given).
    let hosts: Set<String>?

    /// The names of a server on `host`: loopback answers to its three loopback names and to `extra`.
    static func hosts(listening host: String, extra: [String]) -> Set<String>? {
        let named = Set(extra.map { $0.lowercased() })
        if WorkbenchServer.isLoopback(host) { return named.union(["127.0.0.1", "localhost", "[::1]"]) }
        let shown = host.contains(":") ? "[\(host.lowercased())]" : host.lowercased()
        return named.isEmpty ? nil : named.union([shown])
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try check(request, port: context.localPort)
            // An announced body over the limit is refused before a byte of it is read.
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > context.maxUploadSize {
                throw APIError(.contentTooLarge, "the body announces \(length) bytes; the limit is \(context.maxUploadSize)")
            }
            // The page's language: ?lang= (the switch, kept in a cookie), else the cookie, else the browser's.
            let language = Self.language(request)
            response = try await Catalogue.$current.withValue(language.catalogue) { try await next(request, context) }
            if let chosen = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) {
                response.headers.append(HTTPField(name: .setCookie, value: "seatwise_lang=\(chosen.rawValue); Path=/; SameSite=Strict"))
            }
        } catch let error as APIError {
            response = error.response
        } catch let error as InputError {
            response = APIError.input(error).response
        } catch let error as HTTPResponseError {
            response = APIError(error.status, error.status.reasonPhrase.isEmpty ? "\(error.status.code)" : error.status.reasonPhrase.lowercased()).response
        } catch is Multipart.Malformed {
            response = APIError(.badRequest, "the upload is not a well-formed multipart form").response
        } catch {
            response = APIError(.internalServerError, "the request failed: \(error)").response
        }
        Self.securityHeaders(&response.headers)
        if let token, request.uri.queryParameters["token"].map(String.init) == token {
            response.headers.append(HTTPField(name: .setCookie, value: "seatwise_token=\(token); Path=/; HttpOnly; SameSite=Strict"))
        }
        return response
    }

    /// The language a request is answered in: `?lang=`, the `seatwise_lang` cookie, `Accept-Language`, else English.
    static func language(_ request: Request) -> Language {
        if let chosen = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) { return chosen }
        for cookie in (request.headers[.cookie] ?? "").split(separator: ";") {
            let pair = cookie.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0] == "seatwise_lang", let language = Language(rawValue: pair[1]) { return language }
        }
        return request.headers[.acceptLanguage].flatMap(Language.preferred) ?? .en
    }

    /// The headers every answer carries, the parser's 400 included.
    static func securityHeaders(_ headers: inout HTTPFields) {
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'"
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on its own forms.
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
    }

    /// Whether `authority` (a Host header) names this server: one of `hosts` with the port it listens on
    /// (or without one, on port 80).
    static func admits(_ authority: String?, hosts: Set<String>, port: Int?) -> Bool {
        guard let authority = authority?.lowercased(), !authority.isEmpty else { return false }
        let name: Substring, given: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return false }
            name = authority[...close]
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            given = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            name = authority[..<colon]
            given = authority[authority.index(after: colon)...]
        } else {
            name = Substring(authority)
            given = nil
        }
        guard hosts.contains(String(name)) else { return false }
        guard let port else { return true }
        return given.map { Int($0) == port } ?? (port == 80)
    }

    private func check(_ request: Request, port: Int?) throws {
        // DNS rebinding: a page of another site re-bound to this address still names its own site in Host.
        if let hosts, !Self.admits(request.head.authority, hosts: hosts, port: port) {
            throw APIError(.misdirectedRequest, "this server answers only to \(hosts.sorted().joined(separator: ", ")) on its port, not to \(String((request.head.authority ?? "no Host").prefix(100)))")
        }
        if let token {
            let bearer = request.headers[.authorization].map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : "" }
            let query = request.uri.queryParameters["token"].map(String.init)
            let cookie = request.headers[.cookie]?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("seatwise_token=") }.map { String($0.dropFirst("seatwise_token=".count)) }
            guard [bearer, query, cookie].contains(token) || request.uri.path == "/healthz" else {
                throw APIError(.unauthorized, "this server needs its token: Authorization: Bearer TOKEN, or ?token=TOKEN")
            }
        }
        // A state-changing request from a page of another origin is refused: a browser always says where
        // a cross-site form or fetch came from.
        if ![.get, .head, .options].contains(request.method), let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard origin == "http://\(host)" || origin == "https://\(host)" else {
                throw APIError(.forbidden, "a request from \(origin) may not change this server's rounds")
            }
        }
    }
}

/// HEAD on any GET route is that GET without the body (RFC 9110 §9.3.2). Wraps the router, which picks a
/// route by method before any middleware runs.
struct HeadAsGet<Inner: HTTPResponder>: HTTPResponder where Inner.Context == WorkbenchContext {
    let inner: Inner

    func respond(to request: Request, context: WorkbenchContext) async throws -> Response {
        guard request.method == .head else { return try await inner.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
        // The length the GET's body would have, without the body.
        let length = response.headers[.contentLength]
        response.body = .init()
        response.headers[.contentLength] = length
        return response
    }
}
