import PolicyCore
import PolicyStore

/// Graphviz DOT: a `digraph` of the full view (edge labels = relation) or a `graph` of the co-issuance view
/// (edge label and `penwidth` from the weight). Nodes are `n<index>` with `label`, `kind`, `fillcolor` per kind.
public struct DOTWriter {
    public let view: GraphView
    public let options: ExportOptions

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
            for n in network.agencies { try node(n, out) }
            for p in network.pairs {
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
        try out.write(", kind=\"\(graph.nodeKind(n).rawValue)\", fillcolor=\"\(KindPalette.colour(of: graph.nodeKind(n)).hex)\"];\n")
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
