import PolicyCore
import PolicyStore

/// Counts that summarise a graph.
public struct GraphStats: Codable, Sendable {
    public struct Count: Codable, Hashable, Sendable {
        public var name: String
        public var count: Int
    }
    public struct Hub: Codable, Hashable, Sendable {
        public var node: NodeReference
        public var degree: Int
    }
    public var nodes: Int
    public var edges: Int
    public var nodesByKind: [Count]
    public var edgesByKind: [Count]
    public var sources: [SourceFile]
    /// Documents with two or more issuing agencies.
    public var coissuedDocuments: Int
    /// The ten nodes with most edges.
    public var hubs: [Hub]
}

/// Summary statistics of `graph`.
public func statsQuery(_ graph: Graph) -> GraphStats {
    let summary = graph.summary
    func counts(_ names: [String], _ values: [Int]) -> [GraphStats.Count] {
        zip(names, values).map { GraphStats.Count(name: $0, count: $1) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }
    return GraphStats(nodes: summary.nodeCount, edges: summary.edgeCount,
                      nodesByKind: counts(graph.nodeKinds.map(\.rawValue), summary.nodesPerKind),
                      edgesByKind: counts(graph.edgeKinds.map(\.rawValue), summary.edgesPerKind),
                      sources: graph.sources, coissuedDocuments: summary.coissuedDocuments,
                      hubs: summary.hubs.map { GraphStats.Hub(node: NodeReference(graph, $0.node), degree: $0.degree) })
}
