import PolicyCore

/// The file formats `kg export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case graphml, gexf, rdfxml, turtle, ntriples, nquads, neo4j, jsonl, dot

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .graphml: return "graphml"
        case .gexf: return "gexf"
        case .rdfxml: return "rdf"
        case .turtle: return "ttl"
        case .ntriples: return "nt"
        case .nquads: return "nq"
        case .neo4j: return ""
        case .jsonl: return "jsonl"
        case .dot: return "dot"
        }
    }
}

/// What part of the graph is exported, and how.
public enum ExportView: String, CaseIterable, Sendable {
    /// The whole multigraph: every node and edge kind, directed as stored.
    case full
    /// Agencies linked by co-issued documents; edge weight = number of joint documents.
    case coissue
}

/// Options shared by all exporters.
public struct ExportOptions: Sendable {
    public var view: ExportView = .full
    /// Keep only nodes of these kinds (empty: all). Edges are kept when both ends are kept.
    public var nodeKinds: Set<NodeKind> = []
    /// Keep only edges of these kinds (empty: all).
    public var relations: Set<EdgeKind> = []
    /// Date range for documents (inclusive; "yyyy", "yyyy-mm" or "yyyy-mm-dd"). Documents outside it, or without a
    /// date while a range is given, are left out (and with them their edges and co-issuance).
    public var from: String?
    public var to: String?
    /// GraphML flavour: plain, or with yEd's y:ShapeNode/y:NodeLabel graphics.
    public var yEd = false
    /// Base for minted IRIs (RDF formats).
    public var baseIRI = "https://policykg.example/id/"

    public init() {}
}
