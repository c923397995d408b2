import HTTPTypes
import PolicyCore
import PolicyQuery
import PolicyStore

/// An answer other than 200 that a handler chooses: a malformed parameter (400), a name that matches nothing (404)
/// or several things (409, with the candidates), a view too large to produce (413).
struct ServeError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    /// Candidates of an ambiguous name.
    var candidates: [SearchHit] = []

    static func badRequest(_ message: String) -> ServeError { ServeError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> ServeError { ServeError(status: .notFound, message: message) }
}

extension ServeError {
    /// The node a user-typed name denotes, as `NameLookup.node` resolves it, with not-found and ambiguity turned
    /// into 404 and 409 (the candidates listed as the CLI lists them).
    static func node(_ name: String, in graph: Graph, parameter: String) throws -> Int {
        if let document = documentByNumber(name, in: graph) { return document }
        do {
            return try NameLookup.node(name, in: graph)
        } catch let error as KGError where error.kind == .nameAmbiguous {
            let candidates: [Int]
            if case .ambiguous(let list) = graph.resolve(name) { candidates = list } else { candidates = [] }
            throw ServeError(status: .conflict, message: "\(parameter): " + error.message,
                             candidates: candidates.prefix(50).map { SearchHit(graph, $0) })
        } catch let error as KGError {
            throw ServeError(status: .notFound, message: "\(parameter): " + error.message)
        }
    }
}

/// The document whose 文号 is `name` (document ids are `document:文号`), so a 文号 typed alone finds its document.
func documentByNumber(_ name: String, in graph: Graph) -> Int? {
    guard !name.hasPrefix("document:"), graph.node(withID: name) == nil else { return nil }
    return graph.node(withID: "document:" + name)
}
