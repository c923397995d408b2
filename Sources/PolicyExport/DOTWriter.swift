import PolicyCore
import PolicyStore

/// Graphviz DOT: a `digraph` of the full view (edge labels = relation) or a `graph` of the co-issuance view
/// (edge label and `penwidth` from the weight). Nodes are `n<index>` with `label`, `kind`, `fillcolor` per kind.
public struct DOTWriter {
    public let view: GraphView
    public let options: ExportOptions
    /// Co-issuance view only: draw just the pairs whose both agencies are in this set.
    public var focus: Set<Int>?
    /// Nodes drawn with a thick border (e.g. the entity a render is about).
    public var highlighted: Set<Int> = []

    public init(view: GraphView, options: ExportOptions) {
        self.view = view
        self.options = options
    }

    public func write(to out: ByteSink) throws {
        let graph = view.graph
        let directed = options.view == .full
        try out.write(directed ? "digraph PolicyKG {\n" : "graph PolicyKG_coissue {\n")
        try out.write("  graph [charset=\"UTF-8\", overlap=false, splines=true, fontname=\"Noto Sans CJK SC\"];\n")
        try out.write("  node [shape=box, style=\"rounded,filled\", fontname=\"Noto Sans CJK SC\", fontcolor=\"white\"];\n")
        try out.write("  edge [fontname=\"Noto Sans CJK SC\", fontsize=10];\n")
        switch options.view {
        case .full:
            for n in 0..<graph.nodeCount where view.includesNode[n] { try node(n, out) }
            for e in 0..<graph.edgeCount where view.includesEdge[e] {
                try out.write("  n\(graph.edgeSource(e)) -> n\(graph.edgeTarget(e)) [label=")
                try out.write(Self.quoted(graph.edgeKind(e).rawValue))
                try out.write(", relation=")
                try out.write(Self.quoted(graph.edgeKind(e).rawValue))
                try out.write("];\n")
            }
        case .coissue:
            let network = CoissueNetwork(view)
            let pairs = network.pairs.filter { p in focus.map { $0.contains(p.first) && $0.contains(p.second) } ?? true }
            var drawn = Set<Int>()
            for p in pairs { drawn.insert(p.first); drawn.insert(p.second) }
            for n in network.agencies where drawn.contains(n) || focus == nil { try node(n, out) }
            for p in pairs {
                try out.write("  n\(p.first) -- n\(p.second) [weight=\(p.weight), label=\"\(p.weight)\", penwidth=\(Self.penWidth(p.weight))];\n")
            }
        }
        try out.write("}\n")
        try out.flush()
    }

    private func node(_ n: Int, _ out: ByteSink) throws {
        let graph = view.graph
        try out.write("  n\(n) [label=")
        try out.write(Self.quoted(graph.label(n)))
        try out.write(", kind=\"\(graph.nodeKind(n).rawValue)\", fillcolor=\"\(KindPalette.colour(of: graph.nodeKind(n)).hex)\"")
        try out.write(highlighted.contains(n) ? ", penwidth=3, color=\"black\"];\n" : "];\n")
    }

    static func penWidth(_ weight: Int) -> String {
        let w = min(8.0, 1.0 + Double(weight - 1) * 0.75)
        return String(w)
    }

    /// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n`.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in ExportText.clean(s).unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
