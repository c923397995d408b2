import PolicyCore
import PolicyQuery
import PolicyStore

/// A document an agency issued, with every issuer in signing order.
public struct IssuedDocument: Codable, Hashable, Sendable {
    public var document: DocumentReference
    public var issuers: [NodeReference]
}

/// The entity page's answer: `kg show`'s card, plus the documents the entity issued (co-signers in order), the
/// targets `kg targets` lists for it and, for an agency, its co-issuers as `kg coissue AGENCY` ranks them.
public struct EntityAnswer: Codable, Sendable {
    public var card: EntityCard
    public var issued: [IssuedDocument]
    public var targets: [TargetRow]
    public var coissuers: [CoissuePair]
    /// Relation items per group beyond this were cut (`EntityAnswer.relationLimit`); the JSON says how many.
    public var relationsTruncated: Bool
}

extension EntityAnswer {
    /// Items shown per relation group and documents listed (hubs of a million-node graph have thousands).
    static let relationLimit = 200

    init(_ loaded: LoadedGraph, node n: Int) {
        let graph = loaded.graph
        var card = entityCardQuery(graph, n)
        var truncated = false
        for i in card.relations.indices where card.relations[i].items.count > Self.relationLimit {
            card.relations[i].items.removeLast(card.relations[i].items.count - Self.relationLimit)
            truncated = true
        }
        if card.documents.count > Self.relationLimit {
            card.documents.removeFirst(card.documents.count - Self.relationLimit)
            truncated = true
        }
        self.card = card
        relationsTruncated = truncated
        issued = Self.issuedDocuments(graph, by: n, limit: Self.relationLimit)
        targets = Array(targetsQuery(graph, owner: n).prefix(Self.relationLimit))
        coissuers = graph.nodeKind(n) == .agency
            ? loaded.caches.pairs(.init(minCount: 1, includeUndated: false, agency: n), in: graph)
            : []
    }

    /// Documents with an `issued_by` edge to `agency` (latest first), each with all its issuers by `order`.
    static func issuedDocuments(_ graph: Graph, by agency: Int, limit: Int) -> [IssuedDocument] {
        var documents: [Int] = []
        for e in graph.inEdges(agency) where graph.edgeKind(Int(e)) == .issuedBy {
            let d = graph.edgeSource(Int(e))
            if !documents.contains(d) { documents.append(d) }
        }
        let list = documents.map { d -> IssuedDocument in
            var issuers: [(order: Int, node: Int)] = []
            for e in graph.outEdges(d) where graph.edgeKind(Int(e)) == .issuedBy {
                let order: Int
                if case .int(let o)? = graph.attribute("order", ofEdge: Int(e)) { order = o } else { order = Int.max }
                issuers.append((order, graph.edgeTarget(Int(e))))
            }
            issuers.sort { ($0.order, $0.node) < ($1.order, $1.node) }
            return IssuedDocument(document: DocumentReference(graph, d), issuers: issuers.map { NodeReference(graph, $0.node) })
        }
        return Array(list.sorted { ($1.document.date ?? "", $1.document.id) < ($0.document.date ?? "", $0.document.id) }.prefix(limit))
    }
}
