import PolicyCore
import PolicyStore

/// One step of a path: the relation walked, in its true direction, with its evidence.
public struct PathHop: Codable, Hashable, Sendable {
    public var from: NodeReference
    public var to: NodeReference
    public var relation: String
    /// True if the edge points from `from` to `to`; false if the path walks it backwards.
    public var forward: Bool
    /// The edge as stored: `source -[relation]-> target`.
    public var edgeSource: String
    public var edgeTarget: String
    public var evidence: EvidenceReference?
}

/// The answer of `kg path A B`.
public struct PathAnswer: Codable, Sendable {
    public var from: NodeReference
    public var to: NodeReference
    /// Shortest first; empty if the nodes are not connected within the limits.
    public var paths: [[PathHop]]
}

/// Shortest path(s) between two nodes, each hop with relation, direction and evidence.
public func pathQuery(_ graph: Graph, from source: Int, to target: Int, options: PathOptions = PathOptions()) -> PathAnswer {
    let search = ShortestPaths(graph: graph, options: options)
    let paths = search.paths(from: source, to: target).map { path -> [PathHop] in
        let nodes = search.nodes(of: path, from: source)
        return path.enumerated().map { i, found in
            let a = nodes[i], b = nodes[i + 1]
            let e = search.mostSpecificEdge(between: a, and: b) ?? found
            let forward = graph.edgeSource(e) == a
            return PathHop(from: NodeReference(graph, a), to: NodeReference(graph, b),
                           relation: graph.edgeKind(e).rawValue, forward: forward,
                           edgeSource: graph.nodeID(graph.edgeSource(e)), edgeTarget: graph.nodeID(graph.edgeTarget(e)),
                           evidence: EvidenceReference.firstOf(edge: e, in: graph))
        }
    }
    return PathAnswer(from: NodeReference(graph, source), to: NodeReference(graph, target), paths: paths)
}
