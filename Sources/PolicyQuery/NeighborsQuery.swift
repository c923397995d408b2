import PolicyCore
import PolicyStore

/// A node reached from the start, with how it was first reached.
public struct Neighbor: Codable, Hashable, Sendable {
    public var node: NodeReference
    /// Hops from the start (1…depth).
    public var distance: Int
    /// The node it was reached from, and the relation walked: `forward` when the edge runs from `via` to `node`.
    public var via: NodeReference
    public var relation: String
    public var forward: Bool
    public var evidence: EvidenceReference?

    /// The fact walked, in its own direction: (`via`, relation, `node`) when `forward`, else (`node`, relation, `via`).
    public var fact: (subject: NodeReference, relation: String, object: NodeReference) {
        forward ? (via, relation, node) : (node, relation, via)
    }
}

/// Nodes within `depth` hops of `start` (edges walked both ways), nearest first; `kinds` filters what is listed
/// (the walk passes through every kind).
public func neighborsQuery(_ graph: Graph, of start: Int, depth: Int = 1, kinds: Set<NodeKind>? = nil,
                           relations: Set<EdgeKind>? = nil) -> [Neighbor] {
    let edgeAllowed = graph.edgeKinds.map { relations?.contains($0) ?? true }
    var seen: Set<Int32> = [Int32(start)]
    var frontier = [start]
    var out: [Neighbor] = []
    for level in 1...max(1, depth) {
        var next: [Int] = []
        for u in frontier {
            for e in (Array(graph.outEdges(u)) + graph.inEdges(u)).sorted() where edgeAllowed[graph.edgeKindOrdinal(Int(e))] {
                let forward = graph.edgeSource(Int(e)) == u
                let v = forward ? graph.edgeTarget(Int(e)) : graph.edgeSource(Int(e))
                guard seen.insert(Int32(v)).inserted else { continue }
                next.append(v)
                if let kinds, !kinds.contains(graph.nodeKind(v)) { continue }
                out.append(Neighbor(node: NodeReference(graph, v), distance: level, via: NodeReference(graph, u),
                                    relation: graph.edgeKind(Int(e)).rawValue, forward: forward,
                                    evidence: EvidenceReference.firstOf(edge: Int(e), in: graph)))
            }
        }
        frontier = next
        if frontier.isEmpty { break }
    }
    return out
}
