import PolicyCore
import PolicyStore

/// A node as query results name it.
public struct NodeReference: Codable, Hashable, Sendable {
    public var id: String
    public var kind: String
    public var label: String

    public init(_ graph: Graph, _ n: Int) {
        id = graph.nodeID(n)
        kind = graph.nodeKind(n).rawValue
        label = graph.label(n)
    }
}

/// The first evidence of an edge, as query results cite it.
public struct EvidenceReference: Codable, Hashable, Sendable {
    /// `file:line`.
    public var location: String
    public var text: String

    public init(_ e: Evidence) {
        location = e.location
        text = e.text
    }

    static func firstOf(edge e: Int, in graph: Graph) -> EvidenceReference? {
        graph.evidence(ofEdge: e).first.map(EvidenceReference.init)
    }
}
