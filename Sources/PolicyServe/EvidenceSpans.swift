import PolicyCore
import PolicyStore

/// One evidence span of a source file: the exact original bytes that state a node or an edge.
public struct EvidenceSpan: Codable, Hashable, Sendable {
    /// Original byte offsets in the source file (end exclusive), as `Evidence` records them.
    public var start: Int
    public var end: Int
    public var line: Int
    /// `node` or `edge`.
    public var owner: String
    /// The node id, or the edge id `kind:source->target`.
    public var id: String
    /// Node kind or relation.
    public var kind: String
    /// What the span supports, for people: a node's label, or `source label —relation→ target label`.
    public var label: String
    /// The node the span links to: the node itself, or the edge's source.
    public var node: String
}

extension EvidenceSpan {
    /// Every evidence span recorded for `source`, ordered by position (longest first at a tie).
    static func all(in graph: Graph, source: String) -> [EvidenceSpan] {
        var out: [EvidenceSpan] = []
        // (A question past its deadline stops early; whoever set the deadline discards the spans.)
        for n in 0..<graph.nodeCount where graph.evidenceCount(ofNode: n) > 0 {
            if n & 0x3FFF == 0, QueryDeadline.hasPassed { return [] }
            for e in graph.evidence(ofNode: n) where e.source == source {
                out.append(EvidenceSpan(start: e.byteStart, end: e.byteEnd, line: e.line, owner: "node", id: graph.nodeID(n),
                                        kind: graph.nodeKind(n).rawValue, label: graph.label(n), node: graph.nodeID(n)))
            }
        }
        for edge in 0..<graph.edgeCount {
            if edge & 0x3FFF == 0, QueryDeadline.hasPassed { return [] }
            for e in graph.evidence(ofEdge: edge) where e.source == source {
                let s = graph.edgeSource(edge), t = graph.edgeTarget(edge)
                out.append(EvidenceSpan(start: e.byteStart, end: e.byteEnd, line: e.line, owner: "edge", id: graph.edgeID(edge),
                                        kind: graph.edgeKind(edge).rawValue,
                                        label: "\(graph.label(s)) —\(graph.edgeKind(edge).rawValue)→ \(graph.label(t))",
                                        node: graph.nodeID(s)))
            }
        }
        return out.filter { $0.end > $0.start }.sorted { ($0.start, $1.end, $0.id) < ($1.start, $0.end, $1.id) }
    }
}
