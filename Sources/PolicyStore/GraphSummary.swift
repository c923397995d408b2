import PolicyCore

/// Counts that describe a whole graph: what `kg stats` prints apart from the sources. A version-5 snapshot stores
/// them (section `summary`), so that reading them touches no column; a graph built in memory, or read from an
/// older snapshot, computes them from its columns.
public struct GraphSummary: Sendable, Equatable {
    /// A node and its degree (incoming plus outgoing edges).
    public struct Hub: Sendable, Equatable {
        public var node: Int
        public var degree: Int
    }

    /// The hubs a summary keeps.
    public static let hubLimit = 10

    public var nodeCount: Int
    public var edgeCount: Int
    /// Nodes per kind, by kind ordinal (`Graph.nodeKinds` order).
    public var nodesPerKind: [Int]
    /// Edges per kind, by kind ordinal (`Graph.edgeKinds` order).
    public var edgesPerKind: [Int]
    /// Nodes with two or more outgoing `issued_by` edges (documents with several issuers).
    public var coissuedDocuments: Int
    /// The `hubLimit` nodes with most edges, most first, the smaller node first among equals.
    public var hubs: [Hub]

    /// The summary of `graph`, counted from its columns.
    init(counting graph: Graph) {
        nodeCount = graph.nodeCount
        edgeCount = graph.edgeCount
        nodesPerKind = [Int](repeating: 0, count: graph.nodeKinds.count)
        edgesPerKind = [Int](repeating: 0, count: graph.edgeKinds.count)
        let issuedBy = graph.edgeKinds.firstIndex(of: .issuedBy).map(UInt16.init) ?? UInt16.max
        var coissued = 0
        var top: [(degree: Int, node: Int)] = []
        func ranked(_ a: (degree: Int, node: Int), _ b: (degree: Int, node: Int)) -> Bool {
            a.degree != b.degree ? a.degree > b.degree : a.node < b.node
        }
        var counts = (nodes: nodesPerKind, edges: edgesPerKind)
        graph.withAdjacency { adj in
            for k in adj.nodeKinds { counts.nodes[Int(k)] += 1 }
            for k in adj.edgeKinds { counts.edges[Int(k)] += 1 }
            for n in 0..<graph.nodeCount {
                let out = Int(adj.outStart[n])..<Int(adj.outStart[n + 1])
                var issuers = 0
                for e in out where adj.edgeKinds[e] == issuedBy { issuers += 1 }
                if issuers >= 2 { coissued += 1 }
                top.append((out.count + Int(adj.inStart[n + 1] &- adj.inStart[n]), n))
                if top.count > 64 {
                    top.sort(by: ranked)
                    top.removeLast(top.count - Self.hubLimit)
                }
            }
        }
        top.sort(by: ranked)
        (nodesPerKind, edgesPerKind) = counts
        coissuedDocuments = coissued
        hubs = top.prefix(Self.hubLimit).map { Hub(node: $0.node, degree: $0.degree) }
    }

    /// The section's words: node count, edge count, co-issued documents, node kinds K, edge kinds L, hubs H, then
    /// K node counts, L edge counts, H (node, degree) pairs.
    var words: [UInt64] {
        [nodeCount, edgeCount, coissuedDocuments, nodesPerKind.count, edgesPerKind.count, hubs.count].map { UInt64($0) }
            + nodesPerKind.map { UInt64($0) } + edgesPerKind.map { UInt64($0) }
            + hubs.flatMap { [UInt64($0.node), UInt64($0.degree)] }
    }

    /// Decodes the section's words for a graph of `nodes` nodes, `edges` edges and the given numbers of kinds;
    /// nil when they disagree with it.
    init?(words: Column<UInt64>, nodes: Int, edges: Int, nodeKinds: Int, edgeKinds: Int) {
        let w = words.map { Int(truncatingIfNeeded: $0) }
        guard w.count >= 6, w[0] == nodes, w[1] == edges, w[3] == nodeKinds, w[4] == edgeKinds, w[5] >= 0, w[5] <= Self.hubLimit,
              w.count == 6 + nodeKinds + edgeKinds + 2 * w[5] else { return nil }
        nodeCount = nodes
        edgeCount = edges
        coissuedDocuments = w[2]
        nodesPerKind = Array(w[6..<6 + nodeKinds])
        edgesPerKind = Array(w[6 + nodeKinds..<6 + nodeKinds + edgeKinds])
        let hubStart = 6 + nodeKinds + edgeKinds
        hubs = (0..<w[5]).map { Hub(node: w[hubStart + 2 * $0], degree: w[hubStart + 2 * $0 + 1]) }
        guard coissuedDocuments >= 0, coissuedDocuments <= nodes,
              nodesPerKind.allSatisfy({ $0 >= 0 }), nodesPerKind.reduce(0, +) == nodes,
              edgesPerKind.allSatisfy({ $0 >= 0 }), edgesPerKind.reduce(0, +) == edges,
              hubs.allSatisfy({ $0.node >= 0 && $0.node < nodes && $0.degree >= 0 && $0.degree <= 2 * edges }) else { return nil }
    }
}

extension Graph {
    /// The graph's summary: read from the snapshot when it stored one, else counted from the columns.
    public var summary: GraphSummary { storedSummary ?? GraphSummary(counting: self) }
}
