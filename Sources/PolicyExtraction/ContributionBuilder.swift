import PolicyCore

/// Collects nodes and edges for one source file, merging repeated statements: one node per id (aliases and
/// evidence accumulated, attributes filled in first-come), one edge per (kind, source, target).
struct ContributionBuilder {
    /// Evidence kept per node and per edge (the first mentions in file order).
    static let maxNodeEvidence = 20
    static let maxEdgeEvidence = 5

    private(set) var nodes: [NodeRecord] = []
    private(set) var nodeIndex: [String: Int] = [:]
    private var aliasSets: [Set<String>] = []
    private(set) var edges: [EdgeRecord] = []
    private var edgeIndex: [EdgeKey: Int] = [:]

    private struct EdgeKey: Hashable { let kind: EdgeKind; let source: String; let target: String }

    func contains(_ id: String) -> Bool { nodeIndex[id] != nil }
    func node(_ id: String) -> NodeRecord? { nodeIndex[id].map { nodes[$0] } }

    /// Adds or merges a node. `aliases` are added when they differ from the label.
    mutating func addNode(id: String, kind: NodeKind, label: String, aliases: [String] = [],
                          attributes: Attributes = [:], evidence: Evidence?) {
        let i: Int
        if let existing = nodeIndex[id] {
            i = existing
        } else {
            i = nodes.count
            nodeIndex[id] = i
            nodes.append(NodeRecord(id: id, kind: kind, label: label))
            aliasSets.append([label])
        }
        for alias in aliases where !alias.isEmpty && !aliasSets[i].contains(alias) {
            aliasSets[i].insert(alias)
            nodes[i].aliases.append(alias)
        }
        for (key, value) in attributes {
            if let old = nodes[i].attributes[key], old != .null { continue }
            nodes[i].attributes[key] = value
        }
        if let evidence, nodes[i].evidence.count < Self.maxNodeEvidence, !nodes[i].evidence.contains(evidence) {
            nodes[i].evidence.append(evidence)
        }
    }

    /// Overwrites an attribute of an existing node.
    mutating func setAttribute(_ key: String, _ value: AttributeValue, on id: String) {
        guard let i = nodeIndex[id] else { return }
        nodes[i].attributes[key] = value
    }

    /// Adds or merges an edge (attributes first-come, evidence accumulated).
    mutating func addEdge(_ kind: EdgeKind, from source: String, to target: String,
                          attributes: Attributes = [:], evidence: Evidence?) {
        guard source != target else { return }
        let key = EdgeKey(kind: kind, source: source, target: target)
        let i: Int
        if let existing = edgeIndex[key] {
            i = existing
        } else {
            i = edges.count
            edgeIndex[key] = i
            edges.append(EdgeRecord(kind: kind, source: source, target: target, attributes: attributes))
        }
        for (k, v) in attributes where edges[i].attributes[k] == nil { edges[i].attributes[k] = v }
        if let evidence, edges[i].evidence.count < Self.maxEdgeEvidence, !edges[i].evidence.contains(evidence) {
            edges[i].evidence.append(evidence)
        }
    }

    /// Edges whose endpoints both exist (an edge to a node that was never stated is dropped).
    func finishedEdges() -> [EdgeRecord] {
        edges.filter { nodeIndex[$0.source] != nil && nodeIndex[$0.target] != nil }
    }
}
