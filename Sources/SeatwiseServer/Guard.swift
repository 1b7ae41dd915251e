// Every request passes here: the token (when the server is reachable beyond this machine), the origin
// of state-changing requests, typed errors turned into JSON answers, and the security headers.

import Foundation
import HTTPTypes
import NIOCore
import Hummingbird

struct WorkbenchContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Completes when the client's connection closes: a solve for a client that went away is stopped.
    let closing: EventLoopFuture<Void>
    init(source: Source) {
        coreContext = .init(source: source)
        closing = source.channel.closeFuture
    }
    /// Uploads above this are refused with 413 before they are read whole.
    var maxUploadSize: Int { 50 * 1024 * 1024 }
}

struct Guard: RouterMiddleware {
    typealias Context = WorkbenchContext
    /// Required on every request when set: `Authorization: Bearer …`, `?token=…` or the cookie a page sets.
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try check(request)
            response = try await next(request, context)
        } catch let error as APIError {
            response = error.response
        } catch let error as HTTPResponseError {
            response = APIError(error.status, error.status.reasonPhrase.isEmpty ? "\(error.status.code)" : error.status.reasonPhrase.lowercased()).response
        } catch is Multipart.Malformed {
            response = APIError(.badRequest, "the upload is not a well-formed multipart form").response
        } catch {
            response = APIError(.internalServerError, "the request failed: \(error)").response
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'"
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on its own forms.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if let token, request.uri.queryParameters["token"].map(String.init) == token {
            response.headers[.setCookie] = "seatwise_token=\(token); Path=/; HttpOnly; SameSite=Strict"
        }
        return response
    }

    private func check(_ request: Request) throws {
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
