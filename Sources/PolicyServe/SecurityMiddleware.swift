import Foundation
import HTTPTypes
import Hummingbird
import PolicyCore

/// Adds the security headers to every answer and turns every error into an answer with a message: a malformed
/// parameter 400, an unknown name or path 404, an ambiguous name 409 (with its candidates), a view too large 413.
/// An unexpected error is a 500 that names no internals (none is known: the route tests and the fuzzer check). A
/// request that computes longer than the time limit is a 503.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// The longest a request may compute (`RequestTimeLimit`).
    let timeLimit: Duration

    /// Scripts, styles and images only from this server; no plugins, no framing, forms only to this server.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if request.method != .get {
            response = Self.errorResponse(ServeError(status: .methodNotAllowed, message: "read-only: only GET is served"),
                                          api: true)
        } else {
            do {
                response = try await RequestTimeLimit.run(timeLimit) { try await next(request, context) }
            } catch let error as ServeError {
                response = Self.errorResponse(error, api: request.uri.path.hasPrefix("/api/"))
            } catch let error as HTTPError {
                response = Self.errorResponse(ServeError(status: error.status, message: error.body ?? error.status.reasonPhrase),
                                              api: request.uri.path.hasPrefix("/api/"))
            } catch let error as KGError {
                response = Self.errorResponse(ServeError(status: .badRequest, message: error.message), api: request.uri.path.hasPrefix("/api/"))
            } catch {
                response = Self.errorResponse(ServeError(status: .internalServerError, message: "internal error"),
                                              api: request.uri.path.hasPrefix("/api/"))
            }
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }

    struct ErrorBody: Encodable {
        var error: String
        var status: Int
        var candidates: [SearchHit]?
    }

    static func errorResponse(_ error: ServeError, api: Bool) -> Response {
        if api {
            let body = ErrorBody(error: error.message, status: error.status.code, candidates: error.candidates.isEmpty ? nil : error.candidates)
            let data = (try? JSONEncoder().encode(body)) ?? Data("{\"error\":\"internal error\"}".utf8)
            return Response(status: error.status, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        let body = PageTemplates.render("error", [
            "message": error.message, "hasCandidates": !error.candidates.isEmpty,
            "candidates": error.candidates.map { c -> [String: Any] in
                ["label": c.label, "kind": c.kind, "documents": c.documents, "id": c.id,
                 "href": HTMLText.link("/entity", [("id", c.id)])]
            },
        ])
        let html = PageTemplates.render("layout", [
            "title": "\(error.status.code) \(error.status.reasonPhrase)", "body": body, "snapshot": "", "generation": "–",
            "nodes": "–", "edges": "–",
        ])
        return Response(status: error.status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
