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
/// let todo = files.filter { store.contentHash(of: $0.path) != $0.sha256 }   // skip unchanged files cheaply
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

    /// What `upsert` did.
    public enum Change: String, Sendable, Equatable, Codable {
        /// Same path and content hash as before: nothing changed.
        case unchanged
        case added
        case replaced
    }

    /// An empty store.
    public init() {
        self.init(contributions: [])
    }

    /// A store holding `contributions` (later ones with the same path replace earlier ones).
    public init(contributions: [SourceContribution]) {
        var list: [SourceContribution] = []
        var position: [String: Int] = [:]
        for c in contributions {
            if let p = position[c.path] { list[p] = c } else { position[c.path] = list.count; list.append(c) }
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
        return store
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

    /// The content hash recorded for `path`, if the store holds that file (lets callers skip unchanged files
    /// before extracting them).
    public func contentHash(of path: String) -> String? {
        graph.sources.first { $0.path == path }?.contentHash
    }

    /// The contributions, in ingest order.
    public mutating func contributions() throws -> [SourceContribution] {
        if let list = contributionList { return list }
        if encodedContributions.isEmpty && (graph.nodeCount > 0 || !graph.sourcePaths.isEmpty) {
            throw KGError(file: loadedFrom, "this snapshot was saved without per-source contributions, so it cannot be "
                          + "updated incrementally; rebuild it by ingesting its sources into a new graph")
        }
        let list = try ContributionCodec.decode(encodedContributions, strings: graph.strings, path: loadedFrom)
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
        // Same path and hash means unchanged, by definition; nothing to decode or rebuild.
        if batch.allSatisfy({ contentHash(of: $0.path) == $0.contentHash }) {
            return batch.map { _ in .unchanged }
        }
        var list = try contributions()
        // One index of the paths per batch: a lookup per contribution, not a scan of the whole list.
        var position = Dictionary(list.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        for c in batch {
            if let p = position[c.path] {
                if list[p].contentHash == c.contentHash { changes.append(.unchanged); continue }
                list[p] = c
                changes.append(.replaced)
            } else {
                position[c.path] = list.count
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

    /// Withdraws everything `path` contributed. Throws if the store does not hold that file.
    public mutating func remove(path: String) throws {
        var list = try contributions()
        guard let p = list.firstIndex(where: { $0.path == path }) else {
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
    /// Reads only the graph of a snapshot (contributions are checked but not decoded).
    public static func loadGraph(_ path: String) throws -> Graph {
        try SnapshotReader.read(path).graph
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
