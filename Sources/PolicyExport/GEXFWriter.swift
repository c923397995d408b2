import PolicyCore
import PolicyStore
import PolicyXML

/// Writes GEXF 1.3 with time (`mode="dynamic"`, `timeformat="date"`), streaming through libxml2. Documents' dates
/// become `start` times: a document starts at its date, every other node at the earliest dated document it is
/// linked to, an edge when both its ends exist; in the co-issuance view an agency pair starts with its first joint
/// document and its `cumulative_weight` grows with each further one, so Gephi's timeline shows the network growing.
public struct GEXFWriter {
    public let view: GraphView
    public let options: ExportOptions

    public init(view: GraphView, options: ExportOptions) {
        self.view = view
        self.options = options
    }

    static let namespace = "http://gexf.net/1.3"
    static let vizNamespace = "http://gexf.net/1.3/viz"

    public func write(to xml: XMLWriter) throws {
        try xml.startDocument()
        try xml.startElement(prefix: nil, name: "gexf", namespaceURI: Self.namespace)
        try xml.namespace(prefix: "viz", uri: Self.vizNamespace)
        try xml.namespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
        try xml.attribute("xsi:schemaLocation", Self.namespace + " http://gexf.net/1.3/gexf.xsd")
        try xml.attribute("version", "1.3")
        try xml.startElement("meta")
        try xml.element(XMLName("creator"), text: "PolicyKG")
        try xml.element(XMLName("description"), text: options.view == .full
            ? "Policy knowledge graph (full multigraph)" : "Agency co-issuance network")
        try xml.endElement()
        switch options.view {
        case .full: try writeFull(xml)
        case .coissue: try writeCoissue(xml)
        }
        try xml.endDocument()
    }

    private func startGraph(_ xml: XMLWriter, directed: Bool) throws {
        try xml.startElement("graph")
        try xml.attribute("mode", "dynamic")
        try xml.attribute("defaultedgetype", directed ? "directed" : "undirected")
        try xml.attribute("timeformat", "date")
    }

    private func declare(_ xml: XMLWriter, domain: String, mode: String, _ columns: [(id: String, type: String)]) throws {
        try xml.startElement("attributes")
        try xml.attribute("class", domain)
        try xml.attribute("mode", mode)
        for c in columns {
            try xml.startElement(Names.attribute)
            try xml.attribute(Names.id, c.id)
            try xml.attribute(Names.title, c.id)
            try xml.attribute(Names.type, c.type)
            try xml.endElement()
        }
        try xml.endElement()
    }

    static func gexfType(_ t: ScalarType) -> String {
        switch t {
        case .boolean: return "boolean"
        case .integer: return "long"
        case .double: return "double"
        case .string: return "string"
        }
    }

    /// Start dates: documents at their own date, other nodes at their earliest linked dated document.
    func nodeStarts() -> [String?] {
        let graph = view.graph
        var start = view.documentDates
        for e in 0..<graph.edgeCount where view.includesEdge[e] {
            let s = graph.edgeSource(e), t = graph.edgeTarget(e)
            if let d = view.documentDates[s], graph.nodeKind(t) != .document, start[t].map({ d < $0 }) ?? true { start[t] = d }
            if let d = view.documentDates[t], graph.nodeKind(s) != .document, start[s].map({ d < $0 }) ?? true { start[s] = d }
        }
        return start
    }

    private func writeFull(_ xml: XMLWriter) throws {
        let graph = view.graph
        let schema = AttributeSchema(view)
        let reserved: Set<String> = ["kg_id", "kind", "aliases", "evidence", "locations", "relation"]
        func columnID(_ key: String) -> String { reserved.contains(key) ? "attr_" + key : key }
        try startGraph(xml, directed: true)
        try declare(xml, domain: "node", mode: "static",
                    [("kg_id", "string"), ("kind", "string"), ("aliases", "string"), ("evidence", "string"), ("locations", "string")]
                    + schema.nodeColumns.map { (columnID($0.key), Self.gexfType($0.type)) })
        try declare(xml, domain: "edge", mode: "static",
                    [("kg_id", "string"), ("relation", "string"), ("evidence", "string"), ("locations", "string")]
                    + schema.edgeColumns.map { (columnID($0.key), Self.gexfType($0.type)) })
        let nodeTypes = Dictionary(uniqueKeysWithValues: schema.nodeColumns.map { ($0.key, $0.type) })
        let edgeTypes = Dictionary(uniqueKeysWithValues: schema.edgeColumns.map { ($0.key, $0.type) })
        let starts = nodeStarts()
        try xml.startElement("nodes")
        for n in 0..<graph.nodeCount where view.includesNode[n] {
            try startNode(xml, n, start: starts[n])
            try evidence(xml, graph.evidence(ofNode: n))
            for (key, value) in graph.attributes(ofNode: n) {
                guard let type = nodeTypes[key], let text = AttributeSchema.text(value, as: type) else { continue }
                try attvalue(xml, columnID(key), text)
            }
            try endNode(xml, n)
        }
        try xml.endElement()
        try xml.startElement("edges")
        for e in 0..<graph.edgeCount where view.includesEdge[e] {
            let s = graph.edgeSource(e), t = graph.edgeTarget(e)
            try xml.startElement(Names.edge)
            try xml.attribute(Names.id, letter: 0x65, e)
            try xml.attribute(Names.source, letter: 0x6E, s)
            try xml.attribute(Names.target, letter: 0x6E, t)
            try xml.attribute(Names.label, graph.edgeKind(e).rawValue)
            if let start = later(starts[s], starts[t]) { try xml.attribute(Names.start, start) }
            try xml.startElement(Names.attvalues)
            try attvalue(xml, "kg_id", ExportText.clean(graph.edgeID(e)))
            try attvalue(xml, "relation", graph.edgeKind(e).rawValue)
            try evidence(xml, graph.evidence(ofEdge: e))
            for (key, value) in graph.attributes(ofEdge: e) {
                guard let type = edgeTypes[key], let text = AttributeSchema.text(value, as: type) else { continue }
                try attvalue(xml, columnID(key), text)
            }
            try xml.endElement()
            try xml.endElement()
        }
        try xml.endElement()
        try xml.endElement()
    }

    /// Opens node `n` (id, label, start time) and its `<attvalues>` with the columns every view declares: kg_id,
    /// kind and aliases. The caller adds its own values, then `endNode`.
    private func startNode(_ xml: XMLWriter, _ n: Int, start: String?) throws {
        let graph = view.graph
        try xml.startElement(Names.node)
        try xml.attribute(Names.id, letter: 0x6E, n)
        try xml.attribute(Names.label, ExportText.clean(graph.label(n)))
        if let start { try xml.attribute(Names.start, start) }
        try xml.startElement(Names.attvalues)
        try attvalue(xml, "kg_id", ExportText.clean(graph.nodeID(n)))
        try attvalue(xml, "kind", graph.nodeKind(n).rawValue)
        let aliases = graph.aliases(n)
        if !aliases.isEmpty { try attvalue(xml, "aliases", ExportText.clean(aliases.joined(separator: ExportText.listSeparator))) }
    }

    /// Closes the `<attvalues>` and the node `startNode` opened, with the node's colour in between.
    private func endNode(_ xml: XMLWriter, _ n: Int) throws {
        try xml.endElement()
        try colour(xml, view.graph.nodeKind(n))
        try xml.endElement()
    }

    private func writeCoissue(_ xml: XMLWriter) throws {
        let graph = view.graph
        let network = CoissueNetwork(view)
        try startGraph(xml, directed: false)
        try declare(xml, domain: "node", mode: "static", [("kg_id", "string"), ("kind", "string"), ("aliases", "string")])
        try declare(xml, domain: "edge", mode: "static",
                    [("relation", "string"), ("first_year", "long"), ("last_year", "long"), ("documents", "string")])
        try declare(xml, domain: "edge", mode: "dynamic", [("cumulative_weight", "long")])
        var agencyStart: [Int: String] = [:]
        for p in network.pairs {
            guard let d = p.firstDate else { continue }
            for a in [p.first, p.second] where agencyStart[a].map({ d < $0 }) ?? true { agencyStart[a] = d }
        }
        try xml.startElement("nodes")
        for n in network.agencies {
            try startNode(xml, n, start: agencyStart[n])
            try endNode(xml, n)
        }
        try xml.endElement()
        try xml.startElement("edges")
        for (i, p) in network.pairs.enumerated() {
            try xml.startElement(Names.edge)
            try xml.attribute(Names.id, letter: 0x65, i)
            try xml.attribute(Names.source, letter: 0x6E, p.first)
            try xml.attribute(Names.target, letter: 0x6E, p.second)
            try xml.attribute(Names.weight, p.weight)
            if let d = p.firstDate { try xml.attribute(Names.start, d) }
            try xml.startElement(Names.attvalues)
            try attvalue(xml, "relation", "coissued_with")
            if let d = p.firstDate, let y = ExportDates.year(d) { try attvalue(xml, "first_year", String(y)) }
            if let d = p.lastDate, let y = ExportDates.year(d) { try attvalue(xml, "last_year", String(y)) }
            try attvalue(xml, "documents", p.documents.map { ExportText.clean(CoissueNetwork.documentName(graph, $0)) }
                .joined(separator: ExportText.listSeparator))
            // Weight over time: one value per distinct date of a joint document, each until the next.
            var steps: [(date: String, weight: Int)] = []
            for (k, doc) in p.documents.enumerated() {
                guard let d = view.documentDates[doc] else { continue }
                if let last = steps.last, last.date == d { steps[steps.count - 1].weight = k + 1 } else { steps.append((d, k + 1)) }
            }
            for (k, step) in steps.enumerated() {
                try xml.startElement(Names.attvalue)
                try xml.attribute(Names.for, "cumulative_weight")
                try xml.attribute(Names.value, step.weight)
                try xml.attribute(Names.start, step.date)
                if k + 1 < steps.count { try xml.attribute(Names.endOpen, steps[k + 1].date) }
                try xml.endElement()
            }
            try xml.endElement()
            try xml.endElement()
        }
        try xml.endElement()
        try xml.endElement()
    }

    private func later(_ a: String?, _ b: String?) -> String? {
        switch (a, b) {
        case let (x?, y?): return max(x, y)
        case let (x?, nil): return x
        case let (nil, y?): return y
        default: return nil
        }
    }

    @inline(__always)
    private func attvalue(_ xml: XMLWriter, _ key: String, _ value: String) throws {
        try xml.startElement(Names.attvalue)
        try xml.attribute(Names.for, key)
        try xml.attribute(Names.value, value)
        try xml.endElement()
    }

    private func evidence(_ xml: XMLWriter, _ evidence: [Evidence]) throws {
        guard let first = evidence.first else { return }
        try attvalue(xml, "evidence", ExportText.clean(first.text))
        try attvalue(xml, "locations", ExportText.clean(evidence.map { "\($0.source):\($0.line)" }.joined(separator: ExportText.listSeparator)))
    }

    private func colour(_ xml: XMLWriter, _ kind: NodeKind) throws {
        let c = KindPalette.colour(of: kind)
        try xml.startElement(Names.vizColor)
        try xml.attribute(Names.r, Int(c.red))
        try xml.attribute(Names.g, Int(c.green))
        try xml.attribute(Names.b, Int(c.blue))
        try xml.endElement()
    }

    enum Names {
        static let attribute = XMLName("attribute"), id = XMLName("id"), title = XMLName("title"), type = XMLName("type")
        static let node = XMLName("node"), edge = XMLName("edge"), label = XMLName("label"), start = XMLName("start")
        static let endOpen = XMLName("endopen")
        static let attvalues = XMLName("attvalues"), attvalue = XMLName("attvalue"), `for` = XMLName("for")
        static let value = XMLName("value"), source = XMLName("source"), target = XMLName("target")
        static let weight = XMLName("weight"), vizColor = XMLName("viz:color")
        static let r = XMLName("r"), g = XMLName("g"), b = XMLName("b")
    }
}
