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
    var nodeCounts = [Int](repeating: 0, count: graph.nodeKinds.count)
    for n in 0..<graph.nodeCount { nodeCounts[graph.nodeKindOrdinal(n)] += 1 }
    var edgeCounts = [Int](repeating: 0, count: graph.edgeKinds.count)
    for e in 0..<graph.edgeCount { edgeCounts[graph.edgeKindOrdinal(e)] += 1 }
    let issuedBy = graph.edgeKinds.firstIndex(of: .issuedBy)
    var coissued = 0
    var hubs: [(Int, Int)] = []
    for n in 0..<graph.nodeCount {
        if issuedBy != nil, graph.outEdges(n).lazy.filter({ graph.edgeKindOrdinal(Int($0)) == issuedBy }).count >= 2 { coissued += 1 }
        hubs.append((graph.outEdges(n).count + graph.inEdges(n).count, n))
        if hubs.count > 64 {
            hubs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            hubs.removeLast(hubs.count - 10)
        }
    }
    hubs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
    func counts(_ names: [String], _ values: [Int]) -> [GraphStats.Count] {
        zip(names, values).map { GraphStats.Count(name: $0, count: $1) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }
    return GraphStats(nodes: graph.nodeCount, edges: graph.edgeCount,
                      nodesByKind: counts(graph.nodeKinds.map(\.rawValue), nodeCounts),
                      edgesByKind: counts(graph.edgeKinds.map(\.rawValue), edgeCounts),
                      sources: graph.sources, coissuedDocuments: coissued,
                      hubs: hubs.prefix(10).map { GraphStats.Hub(node: NodeReference(graph, $0.1), degree: $0.0) })
}
