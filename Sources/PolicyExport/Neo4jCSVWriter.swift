import PolicyCore
import PolicyStore

/// Neo4j bulk-import CSV (`neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`):
/// typed headers (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name:long`, `aliases:string[]` …), every
/// string field quoted (quotes doubled), line breaks inside values replaced by spaces (so the default
/// `--multiline-fields=false` works), list items joined with `;` (the default `--array-delimiter`), a `;` inside an
/// item replaced by `；`. Labels are `Entity;<Kind>`, relationship types upper snake case (`ISSUED_BY`).
public struct Neo4jCSVWriter {
    public let view: GraphView
    public let options: ExportOptions

    public init(view: GraphView, options: ExportOptions) {
        self.view = view
        self.options = options
    }

    /// Writes the node file and the relationship file.
    public func write(nodes: ByteSink, relationships: ByteSink) throws {
        switch options.view {
        case .full: try writeFull(nodes, relationships)
        case .coissue: try writeCoissue(nodes, relationships)
        }
        try nodes.flush()
        try relationships.flush()
    }

    static func neo4jType(_ t: ScalarType) -> String {
        switch t {
        case .boolean: return "boolean"
        case .integer: return "long"
        case .double: return "double"
        case .string: return "string"
        }
    }

    static func label(_ kind: NodeKind) -> String { "Entity;" + Vocabulary.localName(kind.rawValue, upperFirst: true) }
    static func relationshipType(_ kind: EdgeKind) -> String {
        String(String.UnicodeScalarView(kind.rawValue.uppercased().unicodeScalars.map {
            ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x30 && $0.value <= 0x39) ? $0 : "_"
        }))
    }

    private func writeFull(_ nodes: ByteSink, _ rels: ByteSink) throws {
        let graph = view.graph
        let schema = AttributeSchema(view)
        let reserved: Set<String> = ["id", "name", "kind", "aliases", "evidence", "locations", "color", "relation"]
        func column(_ key: String) -> String {
            let k = xmlNameToken(key).replacingColons()
            return reserved.contains(k) ? "attr_" + k : k
        }
        var header = "id:ID,:LABEL,name,kind,aliases:string[],color,evidence,locations"
        for c in schema.nodeColumns { header += "," + column(c.key) + ":" + Self.neo4jType(c.type) }
        try nodes.write(header + "\n")
        let nodeTypes = schema.nodeColumns.map(\.type)
        var row = ""
        for n in 0..<graph.nodeCount where view.includesNode[n] {
            row.removeAll(keepingCapacity: true)
            Self.quoted(graph.nodeID(n), into: &row)
            row += ","
            row += Self.label(graph.nodeKind(n))
            row += ","
            Self.quoted(graph.label(n), into: &row)
            row += ","
            row += graph.nodeKind(n).rawValue
            row += ","
            Self.quotedList(graph.aliases(n), into: &row)
            row += ","
            row += KindPalette.colour(of: graph.nodeKind(n)).hex
            Self.evidence(graph.evidence(ofNode: n), into: &row)
            Self.values(graph.attributes(ofNode: n), columns: schema.nodeColumns, types: nodeTypes, into: &row)
            row += "\n"
            try nodes.write(row)
        }
        var relHeader = ":START_ID,:END_ID,:TYPE,id,evidence,locations"
        for c in schema.edgeColumns { relHeader += "," + column(c.key) + ":" + Self.neo4jType(c.type) }
        try rels.write(relHeader + "\n")
        let edgeTypes = schema.edgeColumns.map(\.type)
        for e in 0..<graph.edgeCount where view.includesEdge[e] {
            row.removeAll(keepingCapacity: true)
            Self.quoted(graph.nodeID(graph.edgeSource(e)), into: &row)
            row += ","
            Self.quoted(graph.nodeID(graph.edgeTarget(e)), into: &row)
            row += ","
            row += Self.relationshipType(graph.edgeKind(e))
            row += ","
            Self.quoted(graph.edgeID(e), into: &row)
            Self.evidence(graph.evidence(ofEdge: e), into: &row)
            Self.values(graph.attributes(ofEdge: e), columns: schema.edgeColumns, types: edgeTypes, into: &row)
            row += "\n"
            try rels.write(row)
        }
    }

    private func writeCoissue(_ nodes: ByteSink, _ rels: ByteSink) throws {
        let graph = view.graph
        let network = CoissueNetwork(view)
        try nodes.write("id:ID,:LABEL,name,kind,aliases:string[],color\n" as StaticString)
        var row = ""
        for n in network.agencies {
            row.removeAll(keepingCapacity: true)
            Self.quoted(graph.nodeID(n), into: &row)
            row += "," + Self.label(graph.nodeKind(n)) + ","
            Self.quoted(graph.label(n), into: &row)
            row += "," + graph.nodeKind(n).rawValue + ","
            Self.quotedList(graph.aliases(n), into: &row)
            row += "," + KindPalette.colour(of: graph.nodeKind(n)).hex + "\n"
            try nodes.write(row)
        }
        try rels.write(":START_ID,:END_ID,:TYPE,weight:int,first_year:int,last_year:int,documents:string[]\n" as StaticString)
        for p in network.pairs {
            row.removeAll(keepingCapacity: true)
            Self.quoted(graph.nodeID(p.first), into: &row)
            row += ","
            Self.quoted(graph.nodeID(p.second), into: &row)
            row += ",COISSUED_WITH,\(p.weight),"
            row += p.firstDate.flatMap(ExportDates.year).map(String.init) ?? ""
            row += ","
            row += p.lastDate.flatMap(ExportDates.year).map(String.init) ?? ""
            row += ","
            Self.quotedList(p.documents.map { CoissueNetwork.documentName(graph, $0) }, into: &row)
            row += "\n"
            try rels.write(row)
        }
    }

    private static func evidence(_ evidence: [Evidence], into row: inout String) {
        row += ","
        if let first = evidence.first { quoted(first.text, into: &row) }
        row += ","
        quotedList(evidence.map { "\($0.source):\($0.line)" }, into: &row)
    }

    private static func values(_ attributes: [(key: String, value: AttributeValue)], columns: [AttributeSchema.Column],
                               types: [ScalarType], into row: inout String) {
        var i = 0
        for (c, column) in columns.enumerated() {
            row += ","
            while i < attributes.count && attributes[i].key < column.key { i += 1 }
            guard i < attributes.count, attributes[i].key == column.key else { continue }
            let value = attributes[i].value
            guard let text = AttributeSchema.text(value, as: types[c]) else { continue }
            if types[c] == .string {
                if case .strings(let list) = value { quoted(list.joined(separator: ExportText.listSeparator), into: &row) } else { quoted(text, into: &row) }
            } else {
                row += text
            }
        }
    }

    /// `"text"` with quotes doubled and line breaks as spaces.
    static func quoted(_ s: String, into row: inout String) {
        row += "\""
        for u in ExportText.clean(s).unicodeScalars {
            switch u {
            case "\"": row += "\"\""
            case "\n", "\r": row += " "
            default: row.unicodeScalars.append(u)
            }
        }
        row += "\""
    }

    static func quotedList(_ items: [String], into row: inout String) {
        quoted(items.map { $0.replacingSemicolons() }.joined(separator: ";"), into: &row)
    }
}

extension String {
    fileprivate func replacingColons() -> String { String(String.UnicodeScalarView(unicodeScalars.map { $0 == ":" ? "_" : $0 })) }
    fileprivate func replacingSemicolons() -> String { String(String.UnicodeScalarView(unicodeScalars.map { $0 == ";" ? "；" : $0 })) }
}
