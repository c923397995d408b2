import Foundation
import PolicyCore
import PolicyStore
import PolicyXML

/// Writes GraphML through libxml2 (PolicyXML's `XMLWriter` over its output buffer), streaming. Every key is declared
/// with `for`, `attr.name` and `attr.type`; key ids equal attribute names (an edge key whose name a node key already
/// uses gets the id `edge_<name>`). Values are scalars (lists joined with `|`). Nodes carry `label` and `name`
/// (Cytoscape), `kind`, and a colour per kind (`color` as #rrggbb and `r`/`g`/`b` ints); edges carry `relation` and
/// `interaction`.
/// GraphML node ids are `n<index>`, edge ids `e<index>`; the graph's own ids are in `kg_id`.
public struct GraphMLWriter {
    public let view: GraphView
    public let options: ExportOptions

    public init(view: GraphView, options: ExportOptions) {
        self.view = view
        self.options = options
    }

    static let graphmlNamespace = "http://graphml.graphdrawing.org/xmlns"
    static let yWorksNamespace = "http://www.yworks.com/xml/graphml"

    /// One declared key.
    struct Key {
        var id: String
        var name: String
        var domain: String
        var type: ScalarType
        /// The id as a C string, for the `key` attribute of every `<data>`.
        var xmlID: XMLName { XMLNameCache.shared(id) }
        var graphmlType: String {
            switch type {
            case .boolean: return "boolean"
            case .integer: return "long"
            case .double: return "double"
            case .string: return "string"
            }
        }
    }

    /// Fixed node keys written before the graph's own attributes.
    static let nodeFixed: [(String, ScalarType)] = [
        ("kg_id", .string), ("label", .string), ("name", .string), ("kind", .string), ("color", .string),
        ("r", .integer), ("g", .integer), ("b", .integer), ("aliases", .string), ("evidence", .string),
        ("locations", .string),
    ]
    static let edgeFixed: [(String, ScalarType)] = [
        ("kg_id", .string), ("relation", .string), ("interaction", .string), ("evidence", .string), ("locations", .string),
    ]
    static let coissueNodeFixed: [(String, ScalarType)] = [
        ("kg_id", .string), ("label", .string), ("name", .string), ("kind", .string), ("color", .string),
        ("r", .integer), ("g", .integer), ("b", .integer), ("aliases", .string), ("coissued_documents", .integer),
    ]
    static let coissueEdgeFixed: [(String, ScalarType)] = [
        ("relation", .string), ("interaction", .string), ("weight", .integer), ("first_year", .integer),
        ("last_year", .integer), ("first_date", .string), ("last_date", .string), ("documents", .string),
    ]

    /// Key declarations: fixed ones, then attribute columns (renamed `attr_<key>` when they clash with a fixed name).
    static func keys(nodeFixed: [(String, ScalarType)], edgeFixed: [(String, ScalarType)],
                     schema: AttributeSchema?) -> (node: [Key], edge: [Key], nodeAttr: [String: Key], edgeAttr: [String: Key]) {
        var node: [Key] = nodeFixed.map { Key(id: $0.0, name: $0.0, domain: "node", type: $0.1) }
        var edge: [Key] = []
        var nodeAttr: [String: Key] = [:], edgeAttr: [String: Key] = [:]
        var nodeNames = Set(node.map(\.name))
        if let schema {
            for c in schema.nodeColumns {
                var name = xmlNameToken(c.key)
                if nodeNames.contains(name) { name = "attr_" + name }
                nodeNames.insert(name)
                let key = Key(id: name, name: name, domain: "node", type: c.type)
                node.append(key)
                nodeAttr[c.key] = key
            }
        }
        var edgeNames = Set<String>()
        func addEdge(_ rawName: String, _ type: ScalarType) -> Key {
            var name = rawName
            while edgeNames.contains(name) { name = "attr_" + name }
            edgeNames.insert(name)
            let id = nodeNames.contains(name) ? "edge_" + name : name
            let key = Key(id: id, name: name, domain: "edge", type: type)
            edge.append(key)
            return key
        }
        for (name, type) in edgeFixed { _ = addEdge(name, type) }
        if let schema {
            for c in schema.edgeColumns { edgeAttr[c.key] = addEdge(xmlNameToken(c.key), c.type) }
        }
        return (node, edge, nodeAttr, edgeAttr)
    }

    /// Writes the view through an existing writer (e.g. an in-memory one).
    public func write(to xml: XMLWriter) throws {
        switch options.view {
        case .full: try writeFull(xml)
        case .coissue: try writeCoissue(xml)
        }
    }

    private func startDocument(_ xml: XMLWriter, keys: [Key], directed: Bool) throws {
        try xml.startDocument()
        try xml.startElement(prefix: nil, name: "graphml", namespaceURI: Self.graphmlNamespace)
        try xml.namespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
        if options.yEd { try xml.namespace(prefix: "y", uri: Self.yWorksNamespace) }
        try xml.attribute("xsi:schemaLocation",
                          Self.graphmlNamespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
        for key in keys {
            try xml.startElement(Names.key)
            try xml.attribute(Names.id, key.id)
            try xml.attribute(Names.for, key.domain)
            try xml.attribute(Names.attrName, key.name)
            try xml.attribute(Names.attrType, key.graphmlType)
            try xml.endElement()
        }
        if options.yEd {
            for (id, domain, type) in [("graphics", "node", "nodegraphics"), ("edge_graphics", "edge", "edgegraphics")] {
                try xml.startElement(Names.key)
                try xml.attribute(Names.id, id)
                try xml.attribute(Names.for, domain)
                try xml.attribute("yfiles.type", type)
                try xml.endElement()
            }
        }
        try xml.startElement(Names.graph)
        try xml.attribute(Names.id, options.view == .full ? "policykg" : "policykg_coissue")
        try xml.attribute(Names.edgedefault, directed ? "directed" : "undirected")
    }

    private func writeFull(_ xml: XMLWriter) throws {
        let graph = view.graph
        let schema = AttributeSchema(view)
        let keys = Self.keys(nodeFixed: Self.nodeFixed, edgeFixed: Self.edgeFixed, schema: schema)
        try startDocument(xml, keys: keys.node + keys.edge, directed: true)
        let edgeIDs = Dictionary(uniqueKeysWithValues: keys.edge.map { ($0.name, $0.id) })
        // Ids, names and evidence are written from the graph's string table in place (no String per value).
        for n in 0..<graph.nodeCount where view.includesNode[n] {
            try xml.startElement(Names.node)
            try xml.attribute(Names.id, letter: 0x6E, n)
            let kind = graph.nodeKind(n)
            try graph.withNodeIDUTF8(n) { try data(xml, Names.kgID, utf8: $0) }
            try graph.withLabelUTF8(n) { label in
                try data(xml, Names.label, utf8: label)
                try data(xml, Names.name, utf8: label)
            }
            try data(xml, Names.kind, kind.rawValue)
            try colour(xml, kind)
            let aliases = graph.aliases(n)
            if !aliases.isEmpty { try data(xml, Names.aliases, ExportText.clean(aliases.joined(separator: ExportText.listSeparator))) }
            try evidence(xml, graph.evidenceRecords(ofNode: n), evidenceKey: Names.evidence, locationsKey: Names.locations)
            for (key, value) in graph.attributes(ofNode: n) {
                guard let column = keys.nodeAttr[key], let text = AttributeSchema.text(value, as: column.type) else { continue }
                try data(xml, column.xmlID, text)
            }
            if options.yEd { try yEdNode(xml, label: ExportText.clean(graph.label(n)), kind: kind) }
            try xml.endElement()
        }
        let relationKey = XMLName(edgeIDs["relation"]!), interactionKey = XMLName(edgeIDs["interaction"]!)
        let idKey = XMLName(edgeIDs["kg_id"]!), evidenceKey = XMLName(edgeIDs["evidence"]!)
        let locationsKey = XMLName(edgeIDs["locations"]!)
        for e in 0..<graph.edgeCount where view.includesEdge[e] {
            try xml.startElement(Names.edge)
            try xml.attribute(Names.id, letter: 0x65, e)
            try xml.attribute(Names.source, letter: 0x6E, graph.edgeSource(e))
            try xml.attribute(Names.target, letter: 0x6E, graph.edgeTarget(e))
            let relation = graph.edgeKind(e).rawValue
            // `kind:source->target`, each node id cleaned on its own as the node's `kg_id` is.
            try xml.startElement(Names.data)
            try xml.attribute(Names.key, name: idKey)
            try xml.text(relation)
            try xml.text(":")
            try graph.withNodeIDUTF8(graph.edgeSource(e)) { try cleanText(xml, utf8: $0) }
            try xml.text("->")
            try graph.withNodeIDUTF8(graph.edgeTarget(e)) { try cleanText(xml, utf8: $0) }
            try xml.endElement()
            try data(xml, relationKey, relation)
            try data(xml, interactionKey, relation)
            try evidence(xml, graph.evidenceRecords(ofEdge: e), evidenceKey: evidenceKey, locationsKey: locationsKey)
            for (key, value) in graph.attributes(ofEdge: e) {
                guard let column = keys.edgeAttr[key], let text = AttributeSchema.text(value, as: column.type) else { continue }
                try data(xml, column.xmlID, text)
            }
            if options.yEd { try yEdEdge(xml, label: relation, directed: true) }
            try xml.endElement()
        }
        try xml.endDocument()
    }

    private func writeCoissue(_ xml: XMLWriter) throws {
        let graph = view.graph
        let network = CoissueNetwork(view)
        let keys = Self.keys(nodeFixed: Self.coissueNodeFixed, edgeFixed: Self.coissueEdgeFixed, schema: nil)
        try startDocument(xml, keys: keys.node + keys.edge, directed: false)
        var documentsPerAgency: [Int: Set<Int>] = [:]
        for p in network.pairs {
            documentsPerAgency[p.first, default: []].formUnion(p.documents)
            documentsPerAgency[p.second, default: []].formUnion(p.documents)
        }
        for n in network.agencies {
            try xml.startElement(Names.node)
            try xml.attribute(Names.id, letter: 0x6E, n)
            let label = ExportText.clean(graph.label(n))
            try data(xml, "kg_id", ExportText.clean(graph.nodeID(n)))
            try data(xml, "label", label)
            try data(xml, "name", label)
            try data(xml, "kind", graph.nodeKind(n).rawValue)
            try colour(xml, graph.nodeKind(n))
            let aliases = graph.aliases(n)
            if !aliases.isEmpty { try data(xml, "aliases", ExportText.clean(aliases.joined(separator: ExportText.listSeparator))) }
            try data(xml, "coissued_documents", documentsPerAgency[n]?.count ?? 0)
            if options.yEd { try yEdNode(xml, label: label, kind: graph.nodeKind(n)) }
            try xml.endElement()
        }
        for (i, p) in network.pairs.enumerated() {
            try xml.startElement(Names.edge)
            try xml.attribute(Names.id, letter: 0x65, i)
            try xml.attribute(Names.source, letter: 0x6E, p.first)
            try xml.attribute(Names.target, letter: 0x6E, p.second)
            try data(xml, "relation", "coissued_with")
            try data(xml, "interaction", "coissued_with")
            try data(xml, "weight", p.weight)
            if let d = p.firstDate, let y = ExportDates.year(d) { try data(xml, "first_year", y); try data(xml, "first_date", d) }
            if let d = p.lastDate, let y = ExportDates.year(d) { try data(xml, "last_year", y); try data(xml, "last_date", d) }
            let names = p.documents.map { ExportText.clean(CoissueNetwork.documentName(graph, $0)) }
            try data(xml, "documents", names.joined(separator: ExportText.listSeparator))
            if options.yEd { try yEdEdge(xml, label: String(p.weight), directed: false) }
            try xml.endElement()
        }
        try xml.endDocument()
    }

    @inline(__always)
    private func data(_ xml: XMLWriter, _ key: XMLName, _ text: String) throws {
        try xml.startElement(Names.data)
        try xml.attribute(Names.key, name: key)
        try xml.text(text)
        try xml.endElement()
    }

    @inline(__always)
    private func data(_ xml: XMLWriter, _ key: XMLName, _ value: Int) throws {
        try xml.startElement(Names.data)
        try xml.attribute(Names.key, name: key)
        try xml.text(value)
        try xml.endElement()
    }

    @inline(__always)
    private func data(_ xml: XMLWriter, _ key: String, _ text: String) throws {
        try data(xml, XMLNameCache.shared(key), text)
    }

    @inline(__always)
    private func data(_ xml: XMLWriter, _ key: String, _ value: Int) throws {
        try data(xml, XMLNameCache.shared(key), value)
    }

    private func colour(_ xml: XMLWriter, _ kind: NodeKind) throws {
        let c = KindPalette.colour(of: kind)
        try data(xml, Names.color, c.hex)
        try data(xml, Names.r, Int(c.red))
        try data(xml, Names.g, Int(c.green))
        try data(xml, Names.b, Int(c.blue))
    }

    /// `<data key="…">` with text lent as UTF-8 bytes (cleaned as `ExportText.clean` cleans a `String`).
    @inline(__always)
    private func data(_ xml: XMLWriter, _ key: XMLName, utf8 text: UnsafeBufferPointer<UInt8>) throws {
        try xml.startElement(Names.data)
        try xml.attribute(Names.key, name: key)
        try cleanText(xml, utf8: text)
        try xml.endElement()
    }

    /// Writes UTF-8 text as it is when it is already clean NFC (the common case), else through `ExportText.clean`.
    @inline(__always)
    private func cleanText(_ xml: XMLWriter, utf8 text: UnsafeBufferPointer<UInt8>) throws {
        if ExportText.isCleanNFC(utf8: text) {
            try xml.text(utf8: text)
        } else {
            try xml.text(ExportText.clean(String(decoding: text, as: UTF8.self)))
        }
    }

    /// The first record's sentence as `evidence`, and every record's `source:line`, `|`-separated, as `locations`.
    private func evidence(_ xml: XMLWriter, _ records: Range<Int>, evidenceKey: XMLName, locationsKey: XMLName) throws {
        guard let first = records.first else { return }
        let graph = view.graph
        try graph.withEvidenceTextUTF8(first) { try data(xml, evidenceKey, utf8: $0) }
        try xml.startElement(Names.data)
        try xml.attribute(Names.key, name: locationsKey)
        for record in records {
            if record != first { try xml.text(ExportText.listSeparator) }
            try graph.withEvidenceSourceUTF8(record) { try cleanText(xml, utf8: $0) }
            try xml.text(":")
            try xml.text(graph.evidenceLine(record))
        }
        try xml.endElement()
    }

    private func yEdNode(_ xml: XMLWriter, label: String, kind: NodeKind) throws {
        try xml.startElement(Names.data)
        try xml.attribute(Names.key, "graphics")
        try xml.startElement("y:ShapeNode")
        try xml.startElement("y:Geometry")
        try xml.attribute("height", "30.0")
        try xml.attribute("width", String(max(40, 14 * label.unicodeScalars.count + 10)) + ".0")
        try xml.endElement()
        try xml.startElement("y:Fill")
        try xml.attribute("color", KindPalette.colour(of: kind).hex.uppercased())
        try xml.attribute("transparent", "false")
        try xml.endElement()
        try xml.startElement("y:NodeLabel")
        try xml.text(label)
        try xml.endElement()
        try xml.startElement("y:Shape")
        try xml.attribute("type", kind == .agency ? "roundrectangle" : (kind == .document ? "rectangle" : "ellipse"))
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
    }

    private func yEdEdge(_ xml: XMLWriter, label: String, directed: Bool) throws {
        try xml.startElement(Names.data)
        try xml.attribute(Names.key, "edge_graphics")
        try xml.startElement("y:PolyLineEdge")
        try xml.startElement("y:Arrows")
        try xml.attribute("source", "none")
        try xml.attribute("target", directed ? "standard" : "none")
        try xml.endElement()
        try xml.startElement("y:EdgeLabel")
        try xml.text(label)
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
    }

    /// Element and attribute names, converted to C strings once.
    enum Names {
        static let key = XMLName("key"), id = XMLName("id"), `for` = XMLName("for")
        static let attrName = XMLName("attr.name"), attrType = XMLName("attr.type")
        static let graph = XMLName("graph"), edgedefault = XMLName("edgedefault")
        static let node = XMLName("node"), edge = XMLName("edge"), data = XMLName("data")
        static let source = XMLName("source"), target = XMLName("target")
        static let kgID = XMLName("kg_id"), label = XMLName("label"), name = XMLName("name"), kind = XMLName("kind")
        static let aliases = XMLName("aliases"), evidence = XMLName("evidence"), locations = XMLName("locations")
        static let color = XMLName("color"), r = XMLName("r"), g = XMLName("g"), b = XMLName("b")
    }
}

/// XML names made once per distinct string (key ids are few and reused for every element).
enum XMLNameCache {
    nonisolated(unsafe) private static var names: [String: XMLName] = [:]
    private static let lock = NSLock()

    static func shared(_ s: String) -> XMLName {
        lock.lock()
        defer { lock.unlock() }
        if let n = names[s] { return n }
        let n = XMLName(s)
        names[s] = n
        return n
    }
}

/// `s` as an XML NMTOKEN: letters, digits, `_`, `-`, `.` kept, anything else replaced by `_`.
func xmlNameToken(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
        let v = u.value
        let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
            || v == 0x2D || v == 0x2E || (v >= 0x4E00 && v <= 0x9FFF)
        out.append(ok ? u : "_")
    }
    return out.isEmpty ? "_" : String(out)
}
