#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyCore

/// A graph together with what each source file contributed to it, for incremental ingest:
/// re-ingesting an unchanged file changes nothing, a changed file replaces exactly its own contributions,
/// removing a file withdraws them; nodes and edges stated by several files survive until their last source goes.
///
/// Typical `kg ingest` use:
/// ```swift
/// var store = try GraphStore.loadOrEmpty(graphPath)        // a damaged snapshot throws; it is never replaced
/// let todo = files.filter { store.contentHash(ofIdentity: $0.identity) != $0.sha256 }   // skip unchanged files cheaply
/// let changes = try store.upsert(contentsOf: todo.map(extract))              // one rebuild for the batch
/// try store.save(to: graphPath)                                              // atomic
/// ```
public struct GraphStore: Sendable {
    /// The merged graph of all current contributions.
    public private(set) var graph: Graph
    private var contributionList: [SourceContribution]?
    /// The snapshot's encoded contributions, decoded on first change.
    private var encodedContributions: [Int32]
    private var loadedFrom: String
    /// The snapshot format version the contributions were read in (the current one for a new store).
    private var loadedVersion: UInt32 = SnapshotWriter.version

    /// What `upsert` did.
    public enum Change: String, Sendable, Equatable, Codable {
        /// Same identity and content hash as before: nothing changed.
        case unchanged
        case added
        case replaced
    }

    /// An empty store.
    public init() {
        self.init(contributions: [])
    }

    /// A store holding `contributions` (later ones with the same identity replace earlier ones).
    public init(contributions: [SourceContribution]) {
        var list: [SourceContribution] = []
        var position: [String: Int] = [:]
        for c in contributions {
            if let p = position[c.identity] { list[p] = c } else { position[c.identity] = list.count; list.append(c) }
        }
        graph = Self.build(list)
        contributionList = list
        encodedContributions = []
        loadedFrom = ""
    }

    /// Loads a snapshot written by `save(to:)`, verifying every checksum.
    public static func load(_ path: String) throws -> GraphStore {
        let loaded = try SnapshotReader.read(path)
        var store = GraphStore()
        store.graph = loaded.graph
        store.contributionList = nil
        store.encodedContributions = loaded.contributions
        store.loadedFrom = path
        store.loadedVersion = loaded.version
        return store
    }

    /// True when the snapshot was written before sources had identities (format version 1): its sources are known
    /// only by the path as once typed, and `assignIdentities` should give them their identities before ingest or
    /// removal match inputs against them.
    public var needsIdentities: Bool { loadedVersion < 2 && !graph.sourcePaths.isEmpty }

    /// Gives every source the identity `identify` returns for it (one rebuild); the next save records them.
    public mutating func assignIdentities(_ identify: (SourceFile) -> String) throws {
        let identities = Dictionary(sources.map { ($0.path, identify($0)) }, uniquingKeysWith: { first, _ in first })
        var list = try contributions()
        for i in list.indices { list[i].identity = identities[list[i].path] ?? list[i].path }
        self = GraphStore(contributions: list)
    }

    /// Loads `path` if it exists, otherwise an empty store.
    public static func loadOrEmpty(_ path: String) throws -> GraphStore {
        SnapshotFile.exists(path) ? try load(path) : GraphStore()
    }

    /// Writes the graph and the per-source contributions atomically to `path`.
    public func save(to path: String) throws {
        let encoded = contributionList.map { ContributionCodec.encode($0, strings: graph.strings) } ?? encodedContributions
        try SnapshotWriter.write(graph, contributions: encoded, to: path)
    }

    /// The source files, in ingest order.
    public var sources: [SourceFile] { graph.sources }

    /// The content hash recorded for the source of `identity`, if the store holds it (lets callers skip unchanged
    /// files before extracting them).
    public func contentHash(ofIdentity identity: String) -> String? {
        graph.sources.first { $0.identity == identity }?.contentHash
    }

    /// The recorded source whose identity is `identity`, else whose written path is `path` (nil when neither).
    public func source(identity: String, path: String) -> SourceFile? {
        let all = graph.sources
        return all.first { $0.identity == identity } ?? all.first { $0.path == path }
    }

    /// The contributions, in ingest order.
    public mutating func contributions() throws -> [SourceContribution] {
        if let list = contributionList { return list }
        if encodedContributions.isEmpty && (graph.nodeCount > 0 || !graph.sourcePaths.isEmpty) {
            throw KGError(file: loadedFrom, "this snapshot was saved without per-source contributions, so it cannot be "
                          + "updated incrementally; rebuild it by ingesting its sources into a new graph")
        }
        var list = try ContributionCodec.decode(encodedContributions, strings: graph.strings, version: loadedVersion, path: loadedFrom)
        // The contributions are the sources in order: each one's ordinal is its source's (its position before
        // version 3 recorded ordinals).
        let ordinals = graph.sourceOrdinals
        if ordinals.count == list.count { for i in list.indices { list[i].ordinal = Int(ordinals[i]) } }
        contributionList = list
        encodedContributions = []
        return list
    }

    /// Adds or replaces one file's contribution and rebuilds the graph if anything changed.
    @discardableResult
    public mutating func upsert(_ c: SourceContribution) throws -> Change {
        try upsert(contentsOf: [c])[0]
    }

    /// Adds or replaces several files' contributions with one rebuild.
    @discardableResult
    public mutating func upsert(contentsOf batch: [SourceContribution]) throws -> [Change] {
        var changes: [Change] = []
        // Same identity and hash means unchanged, by definition; nothing to decode or rebuild.
        let recorded = Dictionary(graph.sources.map { ($0.identity, $0.contentHash) }, uniquingKeysWith: { first, _ in first })
        if batch.allSatisfy({ recorded[$0.identity] == $0.contentHash }) {
            return batch.map { _ in .unchanged }
        }
        var list = try contributions()
        // One index of the identities per batch: a lookup per contribution, not a scan of the whole list.
        var position = Dictionary(list.enumerated().map { ($1.identity, $0) }, uniquingKeysWith: { first, _ in first })
        for c in batch {
            if let p = position[c.identity] {
                if list[p].contentHash == c.contentHash { changes.append(.unchanged); continue }
                list[p] = c
                changes.append(.replaced)
            } else {
                position[c.identity] = list.count
                list.append(c)
                changes.append(.added)
            }
        }
        if changes.contains(where: { $0 != .unchanged }) {
            contributionList = list
            graph = Self.build(list)
        }
        return changes
    }

    /// Withdraws everything the source of `identity` contributed (else the source recorded under the written path
    /// `path`, which is also the identity when none is given). Throws if the store holds neither.
    public mutating func remove(path: String, identity: String? = nil) throws {
        var list = try contributions()
        let identity = identity ?? path
        guard let p = list.firstIndex(where: { $0.identity == identity }) ?? list.firstIndex(where: { $0.path == path }) else {
            let known = list.map(\.path).prefix(5).joined(separator: ", ")
            throw KGError(file: path, "not in the graph" + (known.isEmpty ? " (the graph is empty)" : "; it holds \(known)\(list.count > 5 ? ", …" : "")"))
        }
        list.remove(at: p)
        contributionList = list
        graph = Self.build(list)
    }

    private static func build(_ list: [SourceContribution]) -> Graph {
        var builder = GraphBuilder()
        for c in list { builder.add(c) }
        return builder.freeze()
    }
}

/// Snapshot files on disk.
public enum SnapshotFile {
    /// Reads only the graph of a snapshot: the per-source contributions are neither read nor checksummed (they
    /// are verified by the commands that change the store, and by `check`).
    public static func loadGraph(_ path: String) throws -> Graph {
        try SnapshotReader.readGraph(path).graph
    }

    /// Verifies a whole snapshot: every section's checksum, the graph's consistency, and that the per-source
    /// contributions decode, one per source. Throws a `KGError` naming the first damaged section.
    public static func check(_ path: String) throws -> SnapshotCheck {
        let mapping = try SnapshotMapping(path: path)
        return try withExtendedLifetime(mapping) {
            let table = try SnapshotTable(mapping.bytes, path: path)
            try table.verifyAll()
            let graph = try table.graph()
            let words = try table.contributions()
            let contributions = try ContributionCodec.decode(words, strings: graph.strings, version: table.version, path: path)
            if !words.isEmpty && contributions.count != graph.sourcePaths.count {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot holds \(graph.sourcePaths.count) sources but "
                              + "\(contributions.count) per-source contributions")
            }
            return SnapshotCheck(version: Int(table.version), bytes: mapping.bytes.count, sections: table.entries.count,
                                 nodes: graph.nodeCount, edges: graph.edgeCount, sources: graph.sourcePaths.count,
                                 hasContributions: !words.isEmpty)
        }
    }

    /// Writes a graph without per-source contributions (not usable for incremental ingest).
    public static func save(_ graph: Graph, to path: String) throws {
        try SnapshotWriter.write(graph, contributions: [], to: path)
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }
}

/// What `SnapshotFile.check` verified.
public struct SnapshotCheck: Sendable, Equatable, Codable {
    /// The format version of the file.
    public var version: Int
    public var bytes: Int
    /// Sections whose checksums were verified.
    public var sections: Int
    public var nodes: Int
    public var edges: Int
    public var sources: Int
    /// False for a snapshot saved without per-source contributions (not usable for incremental ingest).
    public var hasContributions: Bool
}
