/// A node as an extractor states it, before merging into the graph.
public struct NodeRecord: Hashable, Sendable, Codable {
    /// Stable id, e.g. "agency:财政部" or "document:财金〔2022〕119号". Nodes with equal ids merge.
    public var id: String
    public var kind: NodeKind
    /// Canonical name; for a document its title.
    public var label: String
    public var aliases: [String]
    public var attributes: Attributes
    public var evidence: [Evidence]

    public init(id: String, kind: NodeKind, label: String, aliases: [String] = [],
                attributes: Attributes = [:], evidence: [Evidence] = []) {
        self.id = id
        self.kind = kind
        self.label = label
        self.aliases = aliases
        self.attributes = attributes
        self.evidence = evidence
    }
}

/// A directed edge as an extractor states it. Edges with equal (kind, source, target) merge.
public struct EdgeRecord: Hashable, Sendable, Codable {
    public var kind: EdgeKind
    /// Node ids.
    public var source: String
    public var target: String
    public var attributes: Attributes
    public var evidence: [Evidence]

    public init(kind: EdgeKind, source: String, target: String,
                attributes: Attributes = [:], evidence: [Evidence] = []) {
        self.kind = kind
        self.source = source
        self.target = target
        self.attributes = attributes
        self.evidence = evidence
    }

    /// Stable edge id derived from kind and endpoints.
    public var id: String { "\(kind.rawValue):\(source)->\(target)" }
}

/// Everything one source file contributes to the graph; the unit of incremental ingest and withdrawal.
public struct SourceContribution: Hashable, Sendable, Codable {
    /// The input file's path as the user gave it: what evidence and exports show.
    public var path: String
    /// What makes two spellings of a path one source: the file's canonical absolute path (the archive's, then
    /// `!/member`, for an archive member); see `SourceIdentity` in PolicyFormats. Defaults to `path`.
    public var identity: String
    /// Hex SHA-256 of the file's bytes.
    public var contentHash: String
    /// The input's position among all the inputs of the ingest run that extracted it (discovery order, counted
    /// before `--shard` keeps its part): `kg merge` puts the sources of several shards back in this order, the order
    /// one process ingesting all the inputs would have used. 0 unless an ingest run set it.
    public var ordinal: Int
    public var nodes: [NodeRecord]
    public var edges: [EdgeRecord]

    public init(path: String, identity: String? = nil, contentHash: String, ordinal: Int = 0,
                nodes: [NodeRecord] = [], edges: [EdgeRecord] = []) {
        self.path = path
        self.identity = identity ?? path
        self.contentHash = contentHash
        self.ordinal = ordinal
        self.nodes = nodes
        self.edges = edges
    }
}
