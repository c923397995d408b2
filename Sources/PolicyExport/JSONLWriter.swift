import PolicyCore
import PolicyStore

/// JSON Lines exactly as shared/eval/CONTRACT.md describes, through `ContractJSON`: every included node, then every
/// included edge, one object a line, all text NFC with XML-illegal control characters removed.
public struct JSONLWriter {
    public let view: GraphView

    public init(view: GraphView) { self.view = view }

    public func write(to out: ByteSink) throws {
        let graph = view.graph
        for n in 0..<graph.nodeCount where view.includesNode[n] {
            try out.write(ContractJSON.line(for: Self.cleaned(graph.nodeRecord(n))))
            try out.write(byte: 0x0A)
        }
        for e in 0..<graph.edgeCount where view.includesEdge[e] {
            try out.write(ContractJSON.line(for: Self.cleaned(graph.edgeRecord(e))))
            try out.write(byte: 0x0A)
        }
        try out.flush()
    }

    static func cleaned(_ r: NodeRecord) -> NodeRecord {
        var r = r
        r.id = ExportText.clean(r.id)
        r.label = ExportText.clean(r.label)
        r.aliases = r.aliases.map(ExportText.clean)
        r.attributes = r.attributes.mapValues(cleaned)
        r.evidence = r.evidence.map(cleaned)
        return r
    }

    static func cleaned(_ r: EdgeRecord) -> EdgeRecord {
        var r = r
        r.source = ExportText.clean(r.source)
        r.target = ExportText.clean(r.target)
        r.attributes = r.attributes.mapValues(cleaned)
        r.evidence = r.evidence.map(cleaned)
        return r
    }

    static func cleaned(_ v: AttributeValue) -> AttributeValue {
        switch v {
        case .string(let s): return .string(ExportText.clean(s))
        case .strings(let l): return .strings(l.map(ExportText.clean))
        default: return v
        }
    }

    static func cleaned(_ e: Evidence) -> Evidence {
        var e = e
        e.source = ExportText.clean(e.source)
        e.text = ExportText.clean(e.text)
        return e
    }
}
