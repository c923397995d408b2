import PolicyCore

/// The per-source contributions as a snapshot stores them, decoded only when a command changes the store (or
/// `kg check` reads them).
enum StoredContributions {
    /// None: a new store, or a snapshot saved without them.
    case none
    /// Format 1–5: `ContributionCodec` words (self-contained; `version` 1 has no identities).
    case words([Int32], version: UInt32)
    /// Format 6: `GraphContributionCodec` bytes, which refer to the rows of the graph they were saved with.
    case bytes(Column<UInt8>)

    var isEmpty: Bool {
        switch self {
        case .none: true
        case .words(let words, _): words.isEmpty
        case .bytes(let bytes): bytes.isEmpty
        }
    }

    /// The contributions, in order (ordinals not set: the graph's `source.ordinals` hold them). `graph`: the graph
    /// of the snapshot they were read from.
    func decode(graph: Graph, path: String) throws -> [SourceContribution] {
        switch self {
        case .none: return []
        case .words(let words, let version):
            return try ContributionCodec.decode(words, strings: graph.strings, version: version, path: path)
        case .bytes(let bytes):
            return try bytes.withUnsafeBufferPointer { try GraphContributionCodec.decode($0, graph: graph, path: path) }
        }
    }
}
