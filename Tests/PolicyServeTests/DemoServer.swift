import Foundation
import Hummingbird
import HummingbirdTesting
import PolicyCore
import PolicyExtraction
import PolicyOntology
import PolicyStore
import PolicyText
@testable import PolicyServe

/// The explorer on the bundled demo corpus, built the way `kg ingest Exports/demo-corpus` builds it (evidence
/// names each file `Exports/demo-corpus/NAME`, read back from the package root).
enum DemoServer {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let graph: Graph = {
        let ontology = try! Ontology.load(directory: packageRoot.appendingPathComponent("Ontology").path)
        let extraction = ExtractionPipeline(ontology: ontology)
        let folder = packageRoot.appendingPathComponent("Exports/demo-corpus")
        let names = try! FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let contributions = names.map { name -> SourceContribution in
            let bytes = [UInt8](try! Data(contentsOf: folder.appendingPathComponent(name)))
            return extraction.extract(source: try! SourceText(path: "Exports/demo-corpus/" + name, bytes: bytes))
        }
        return GraphStore(contributions: contributions).graph
    }()

    static var explorer: Explorer { Explorer(source: GraphSource(graph: graph), sourceRoots: [packageRoot.path]) }

    /// Runs `body` with a test client of the explorer's router.
    static func withClient(_ explorer: Explorer = DemoServer.explorer, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: explorer.router())
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A GET answer read whole.
struct Answer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}

extension TestClientProtocol {
    /// GETs `path` with the parameters percent-encoded.
    func get(_ path: String, _ parameters: [(String, String)] = []) async throws -> Answer {
        try await execute(uri: HTMLText.link(path, parameters.map { ($0.0, Optional($0.1)) }), method: .get) { response in
            Answer(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }

    func getRaw(_ uri: String) async throws -> Answer {
        try await execute(uri: uri, method: .get) { response in
            Answer(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }
}
