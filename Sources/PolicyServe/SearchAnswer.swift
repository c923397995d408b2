import PolicyCore
import PolicyQuery
import PolicyStore

/// One candidate of a search: the node, its aliases and how many documents it is linked to.
public struct SearchHit: Codable, Hashable, Sendable {
    public var id: String
    public var kind: String
    public var label: String
    public var aliases: [String]
    /// Documents linked to the node by any relation (for a document: 1).
    public var documents: Int

    init(_ graph: Graph, _ n: Int) {
        id = graph.nodeID(n)
        kind = graph.nodeKind(n).rawValue
        label = graph.label(n)
        aliases = Array(graph.aliases(n).prefix(8))
        documents = Self.documentCount(graph, n)
    }

    /// Distinct document neighbours, counting at most `cap` edges (a hub's count is shown as "≥ cap").
    static func documentCount(_ graph: Graph, _ n: Int, cap: Int = 20_000) -> Int {
        if graph.nodeKind(n) == .document { return 1 }
        var seen = Set<Int>()
        var looked = 0
        for e in graph.outEdges(n) {
            let other = graph.edgeTarget(Int(e))
            if graph.nodeKind(other) == .document { seen.insert(other) }
            looked += 1
            if looked >= cap { return seen.count }
        }
        for e in graph.inEdges(n) {
            let other = graph.edgeSource(Int(e))
            if graph.nodeKind(other) == .document { seen.insert(other) }
            looked += 1
            if looked >= cap { return seen.count }
        }
        return seen.count
    }
}

/// The answer of `/api/search`: how the query resolves (as `kg show` would resolve it) and the candidates whose
/// names or aliases start with it, the most connected first (each with its document count).
public struct SearchAnswer: Codable, Sendable {
    public var query: String
    /// `found`, `ambiguous` or `not_found`, as the CLI resolves the name.
    public var resolution: String
    /// The node the query denotes when `found`.
    public var match: SearchHit?
    public var candidates: [SearchHit]
    /// Candidates beyond `limit` were left out.
    public var truncated: Bool
}

extension SearchAnswer {
    /// Nodes scanned at most for a prefix (a one-character prefix on a million-node graph stays bounded).
    static let scanLimit = 5_000

    init(graph: Graph, query: String, limit: Int) {
        self.query = query
        var ranked: [Int] = []
        let resolved = documentByNumber(query, in: graph).map(NameResolution.found) ?? graph.resolve(query)
        switch resolved {
        case .found(let n):
            resolution = "found"
            match = SearchHit(graph, n)
            ranked = [n]
        case .ambiguous(let list):
            resolution = "ambiguous"
            match = nil
            ranked = list
        case .notFound:
            resolution = "not_found"
            match = nil
        }
        let prefixed = graph.nodes(withNamePrefix: query)
        var seen = Set(ranked)
        for n in prefixed.prefix(Self.scanLimit) where seen.insert(n).inserted { ranked.append(n) }
        // The exact match first; the others by how connected they are (a cheap degree), then in node order.
        let rest = ranked.dropFirst(match == nil ? 0 : 1).sorted { a, b in
            let da = graph.outEdges(a).count + graph.inEdges(a).count, db = graph.outEdges(b).count + graph.inEdges(b).count
            return da != db ? da > db : a < b
        }
        let chosen = (match == nil ? [] : [ranked[0]]) + rest
        candidates = chosen.prefix(limit).map { SearchHit(graph, $0) }
        truncated = chosen.count > limit || prefixed.count > Self.scanLimit
    }
}
