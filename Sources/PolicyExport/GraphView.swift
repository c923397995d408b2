import PolicyCore
import PolicyStore

/// The part of a graph an export covers: the graph plus which nodes and edges pass the options' filters
/// (node kinds, relations, document date range), and the document dates used by the filters and timelines.
public struct GraphView {
    public let graph: Graph
    /// Per node: included?
    public private(set) var includesNode: [Bool]
    /// Per edge: included? (both ends included and the relation passes)
    public private(set) var includesEdge: [Bool]
    /// Normalised `yyyy-mm-dd` date per document node (nil for others and undated documents).
    public private(set) var documentDates: [String?]
    public private(set) var includedNodeCount = 0
    public private(set) var includedEdgeCount = 0

    public init(graph: Graph, options: ExportOptions) throws {
        self.graph = graph
        let from = try options.from.map { f -> String in
            guard let d = ExportDates.normalized(f) else { throw KGError("--from: not a date (yyyy, yyyy-mm or yyyy-mm-dd): \(f)") }
            return d
        }
        let to = try options.to.map { t -> String in
            guard let d = ExportDates.normalized(t, endOfPeriod: true) else { throw KGError("--to: not a date (yyyy, yyyy-mm or yyyy-mm-dd): \(t)") }
            return d
        }
        let n = graph.nodeCount
        includesNode = [Bool](repeating: true, count: n)
        includesEdge = [Bool](repeating: true, count: graph.edgeCount)
        documentDates = [String?](repeating: nil, count: n)
        for node in 0..<n {
            let kind = graph.nodeKind(node)
            if kind == .document {
                documentDates[node] = ExportDates.documentDate(graphWithoutView: graph, node)
                if from != nil || to != nil {
                    if let d = documentDates[node] {
                        if let from, d < from { includesNode[node] = false }
                        if let to, d > to { includesNode[node] = false }
                    } else {
                        includesNode[node] = false
                    }
                }
            }
            if !options.nodeKinds.isEmpty && !options.nodeKinds.contains(kind) { includesNode[node] = false }
            if includesNode[node] { includedNodeCount += 1 }
        }
        for e in 0..<graph.edgeCount {
            var keep = includesNode[graph.edgeSource(e)] && includesNode[graph.edgeTarget(e)]
            if keep && !options.relations.isEmpty && !options.relations.contains(graph.edgeKind(e)) { keep = false }
            includesEdge[e] = keep
            if keep { includedEdgeCount += 1 }
        }
    }
}

extension GraphView {
    /// A view of exactly the given nodes and edges (edges whose ends are not both listed are dropped).
    public init(graph: Graph, nodes: Set<Int>, edges: Set<Int>) {
        self.graph = graph
        includesNode = (0..<graph.nodeCount).map { nodes.contains($0) }
        includesEdge = (0..<graph.edgeCount).map { e in
            edges.contains(e) && nodes.contains(graph.edgeSource(e)) && nodes.contains(graph.edgeTarget(e))
        }
        documentDates = (0..<graph.nodeCount).map { n in
            graph.nodeKind(n) == .document ? ExportDates.documentDate(graphWithoutView: graph, n) : nil
        }
        includedNodeCount = includesNode.lazy.filter { $0 }.count
        includedEdgeCount = includesEdge.lazy.filter { $0 }.count
    }
}

extension ExportDates {
    static func documentDate(graphWithoutView graph: Graph, _ n: Int) -> String? {
        switch graph.attribute("date", ofNode: n) {
        case .string(let s)?: return normalized(s)
        case .int(let y)?: return normalized(String(y))
        default: return nil
        }
    }
}
