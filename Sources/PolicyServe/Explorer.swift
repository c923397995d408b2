import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PolicyCore
import PolicyExport
import PolicyQuery
import PolicyStore

/// `kg serve`: the read-only web explorer. Pages under `/`, the same answers as JSON under `/api/…` (described by
/// `/api/openapi.json`), static assets from a fixed compiled-in list. Every answer is computed by the query layer
/// (`PolicyQuery`) and the exporters (`PolicyExport`) on the snapshot `GraphSource` holds.
public struct Explorer: Sendable {
    public let source: GraphSource
    /// Folders where relative source paths of the snapshot are looked up (for the document text).
    public let sourceRoots: [String]
    /// Shown in the footer.
    let snapshotName: String
    /// The longest one request may compute before it is answered 503.
    public let timeLimit: Duration

    public init(source: GraphSource, sourceRoots: [String], timeLimit: Duration = Explorer.defaultTimeLimit) {
        self.source = source
        self.sourceRoots = sourceRoots
        self.timeLimit = timeLimit
        snapshotName = source.path.isEmpty ? "(in memory)" : (source.path as NSString).lastPathComponent
    }

    /// The default time limit of a request: far above any answer of the 1M-node benchmark graph.
    public static let defaultTimeLimit = Duration.seconds(30)

    /// Folders to look for sources in when none are given: the working directory, and the snapshot's folder.
    public static func defaultSourceRoots(snapshot: String) -> [String] {
        let folder = (snapshot as NSString).deletingLastPathComponent
        return folder.isEmpty || folder == "." ? ["."] : [".", folder]
    }

    /// The router with every route and the middleware that adds security headers and turns errors into 4xx answers.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityMiddleware(timeLimit: timeLimit))
        addAPIRoutes(to: router)
        addPageRoutes(to: router)
        router.get("static/:name") { _, context -> Response in
            let name = context.parameters.get("name") ?? ""
            guard let asset = StaticAssets.files[name] else { throw ServeError.notFound("no static file '\(name)'") }
            return Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "max-age=300"],
                            body: .init(byteBuffer: ByteBuffer(string: asset.body)))
        }
        return router
    }

    /// The application: `host:port`, HTTP/1.1 with an idle timeout; no request bodies are read by any route.
    /// `onServerRunning` receives the port bound (the one asked for, or the one the system chose for port 0).
    public func application(host: String, port: Int,
                            onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "kg-serve")
        logger.logLevel = .warning
        return Application(router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(30))),
                           configuration: .init(address: .hostname(host, port: port), serverName: "kg-serve"),
                           onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
                           logger: logger)
    }

    // MARK: Responses

    static func json<T: Encodable>(_ value: T) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let data = try encoder.encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func download(_ bytes: [UInt8], contentType: String, filename: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType,
                                        .contentDisposition: "attachment; filename=\"\(filename)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    func page(_ title: String, _ body: String, _ loaded: LoadedGraph, query: String = "") -> Response {
        let html = PageTemplates.render("layout", [
            "title": title, "body": body, "query": query, "snapshot": snapshotName, "generation": loaded.generation,
            "nodes": loaded.graph.nodeCount, "edges": loaded.graph.edgeCount,
        ])
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension HTTPField.Name {
    static let contentDisposition = HTTPField.Name("Content-Disposition")!
}
