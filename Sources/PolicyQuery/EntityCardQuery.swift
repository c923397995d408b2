import PolicyCore
import PolicyStore

/// Everything the graph knows about one node.
public struct EntityCard: Codable, Sendable {
    public struct Attribute: Codable, Hashable, Sendable {
        public var key: String
        public var value: String
    }
    public struct Relation: Codable, Hashable, Sendable {
        public var other: NodeReference
        public var evidence: EvidenceReference?
    }
    /// Relations of one kind and direction: `outgoing` means this node is the edge's source.
    public struct RelationGroup: Codable, Sendable {
        public var relation: String
        public var outgoing: Bool
        public var items: [Relation]
    }

    public var node: NodeReference
    public var aliases: [String]
    public var attributes: [Attribute]
    public var relations: [RelationGroup]
    /// Documents linked to this node by any relation.
    public var documents: [DocumentReference]
    public var evidence: [EvidenceReference]
}

/// The entity card of node `n`.
public func entityCardQuery(_ graph: Graph, _ n: Int) -> EntityCard {
    struct GroupKey: Hashable { var kind: Int; var outgoing: Bool }
    var groups: [GroupKey: [EntityCard.Relation]] = [:]
    var documents = Set<Int>()
    for (list, outgoing) in [(graph.outEdges(n), true), (graph.inEdges(n), false)] {
        for e in list {
            let other = outgoing ? graph.edgeTarget(Int(e)) : graph.edgeSource(Int(e))
            groups[GroupKey(kind: graph.edgeKindOrdinal(Int(e)), outgoing: outgoing), default: []]
                .append(EntityCard.Relation(other: NodeReference(graph, other), evidence: EvidenceReference.firstOf(edge: Int(e), in: graph)))
            if graph.nodeKind(other) == .document { documents.insert(other) }
        }
    }
    let relations = groups.map { key, items in
        EntityCard.RelationGroup(relation: graph.edgeKinds[key.kind].rawValue, outgoing: key.outgoing, items: items)
    }.sorted { ($0.relation, $0.outgoing ? 0 : 1) < ($1.relation, $1.outgoing ? 0 : 1) }
    return EntityCard(
        node: NodeReference(graph, n), aliases: graph.aliases(n),
        attributes: graph.attributes(ofNode: n).map { EntityCard.Attribute(key: $0.key, value: $0.value.description) },
        relations: relations,
        documents: documents.map { DocumentReference(graph, $0) }.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) },
        evidence: graph.evidence(ofNode: n).map(EvidenceReference.init))
}
