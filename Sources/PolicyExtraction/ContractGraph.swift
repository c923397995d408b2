import PolicyCore

/// Several files' contributions merged by node id and edge id (aliases and evidence concatenated) and written as
/// contract JSONL (shared/eval/CONTRACT.md). A development aid for scoring and benchmarks; the store does the real merge.
public struct ContractGraph: Sendable {
    private var nodes: [NodeRecord] = []
    private var nodeIndex: [String: Int] = [:]
    private var edges: [EdgeRecord] = []
    private var edgeIndex: [String: Int] = [:]

    public init() {}

    public init(_ contributions: [SourceContribution]) {
        for c in contributions { add(c) }
    }

    public var nodeCount: Int { nodes.count }
    public var edgeCount: Int { edges.count }

    public mutating func add(_ contribution: SourceContribution) {
        for node in contribution.nodes {
            if let i = nodeIndex[node.id] {
                for a in node.aliases where a != nodes[i].label && !nodes[i].aliases.contains(a) { nodes[i].aliases.append(a) }
                nodes[i].evidence += node.evidence
                for (k, v) in node.attributes where nodes[i].attributes[k] == nil || nodes[i].attributes[k] == .null {
                    nodes[i].attributes[k] = v
                }
            } else {
                nodeIndex[node.id] = nodes.count
                nodes.append(node)
            }
        }
        for edge in contribution.edges {
            if let i = edgeIndex[edge.id] {
                edges[i].evidence += edge.evidence
            } else {
                edgeIndex[edge.id] = edges.count
                edges.append(edge)
            }
        }
    }

    /// Nodes then edges, one JSON object a line, each line ending in "\n".
    public func jsonl() -> String {
        var out = ""
        for node in nodes { out += ContractJSON.line(for: node); out += "\n" }
        for edge in edges { out += ContractJSON.line(for: edge); out += "\n" }
        return out
    }
}
