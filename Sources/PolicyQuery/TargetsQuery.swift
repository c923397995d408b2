import PolicyCore
import PolicyStore

/// A quantitative target with who sets it.
public struct TargetRow: Codable, Hashable, Sendable {
    public var target: NodeReference
    public var value: String?
    public var unit: String?
    public var comparator: String?
    public var deadline: String?
    /// Nodes with a `sets_target` edge to it.
    public var setBy: [NodeReference]
    public var evidence: EvidenceReference?
}

/// Targets in the graph; with `owner`, those it sets directly (a programme: the targets stated for it, in its
/// sentence) and those set by documents it issued or leads. A document that merely mentions a programme does not
/// make its targets the programme's.
public func targetsQuery(_ graph: Graph, owner: Int? = nil) -> [TargetRow] {
    let setsTarget = graph.edgeKinds.firstIndex(of: .setsTarget)
    var targets: [Int] = []
    if let owner {
        var sources: Set<Int> = [owner]
        for e in graph.inEdges(owner) where graph.edgeKind(Int(e)) == .issuedBy {
            sources.insert(graph.edgeSource(Int(e)))
        }
        for e in graph.outEdges(owner) where graph.edgeKind(Int(e)) == .leads { sources.insert(graph.edgeTarget(Int(e))) }
        var found = Set<Int>()
        for s in sources {
            for e in graph.outEdges(s) where graph.edgeKindOrdinal(Int(e)) == setsTarget { found.insert(graph.edgeTarget(Int(e))) }
        }
        if graph.nodeKind(owner) == .target { found.insert(owner) }
        targets = found.sorted()
    } else {
        targets = (0..<graph.nodeCount).filter { graph.nodeKind($0) == .target }
    }
    return targets.map { t in
        let setBy = graph.inEdges(t).filter { graph.edgeKindOrdinal(Int($0)) == setsTarget }.map { NodeReference(graph, graph.edgeSource(Int($0))) }
        let evidence = graph.evidence(ofNode: t).first.map(EvidenceReference.init)
        return TargetRow(target: NodeReference(graph, t), value: graph.attribute("value", ofNode: t)?.description,
                         unit: graph.attribute("unit", ofNode: t)?.stringValue,
                         comparator: graph.attribute("comparator", ofNode: t)?.stringValue,
                         deadline: graph.attribute("deadline", ofNode: t)?.description, setBy: setBy, evidence: evidence)
    }
}
