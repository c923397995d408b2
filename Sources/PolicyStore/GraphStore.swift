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
/// try store.checkpoint(to: graphPath)                                        // atomic: a delta, or the whole snapshot
/// ```
///
/// A checkpoint saves only what changed since the last save, as a delta file beside the snapshot (see
/// `SnapshotDelta` and SNAPSHOT-FORMAT.md), until the deltas would pass `compactionFraction` of the snapshot's
/// bytes; then it writes the whole snapshot again (a compaction) and removes the deltas. `save(to:)` always writes
/// the whole snapshot. Loading reads the snapshot and applies its deltas.
public struct GraphStore: Sendable {
    /// Deltas may grow to this fraction of the base snapshot's bytes; the checkpoint that would pass it rewrites
    /// the whole snapshot instead.
    public static let compactionFraction = 0.25

    /// The file this store was last read from or written to whole, and the deltas saved beside it since.
    private struct SavedBase: Sendable {
        var path: String
        var fingerprint: SnapshotFingerprint
        var deltaCount: Int
        var deltaBytes: Int
        /// Delta files of an earlier base, still beside the file: removed before the next delta is written.
        var staleDeltas: [String]
    }
    /// Nil: the next checkpoint writes the whole snapshot (a new store, or one read in an older format).
    private var savedBase: SavedBase?
    /// The changes since the last save, in order: what the next delta holds.
    private var unsavedChanges: [ContributionChange] = []

    /// The merged graph of all current contributions.
    public private(set) var graph: Graph
    private var contributionList: [SourceContribution]?
    /// The snapshot's encoded contributions, decoded on first change (nil `contributionList`).
    private var storedContributions: StoredContributions
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
        storedContributions = .none
        loadedFrom = ""
    }

    /// Loads a snapshot written by `save(to:)` or `checkpoint(to:)` and the deltas beside it, verifying every
    /// checksum. With deltas, the graph is rebuilt from the contributions they give (the graph a whole save
    /// would have written).
    public static func load(_ path: String) throws -> GraphStore {
        try GraphStore(opened: try OpenedSnapshot(path), path: path)
    }

    init(opened: OpenedSnapshot, path: String) throws {
        self.init()
        let table = opened.table
        graph = try withExtendedLifetime(opened.mapping) { try table.graph() }
        contributionList = nil
        storedContributions = try table.contributions()
        loadedFrom = path
        loadedVersion = table.version
        let deltas = opened.deltas
        if table.version == SnapshotWriter.version {
            savedBase = SavedBase(path: path, fingerprint: table.fingerprint, deltaCount: deltas.current.count,
                                  deltaBytes: deltas.currentBytes, staleDeltas: deltas.stale)
        }
        guard !deltas.current.isEmpty else { return }
        var list = try contributions()
        for (delta, deltaPath) in deltas.current { try Self.apply(delta.changes, to: &list, file: deltaPath) }
        contributionList = list
        graph = Self.build(list)
    }

    /// Applies `changes` as the store made them: a put replaces the contribution with its identity in place or
    /// appends it, a withdrawal removes it (one that names no contribution is damage in `file`).
    static func apply(_ changes: [ContributionChange], to list: inout [SourceContribution], file: String) throws {
        var slots: [SourceContribution?] = list
        var position = Dictionary(list.enumerated().map { ($1.identity, $0) }, uniquingKeysWith: { first, _ in first })
        for change in changes {
            switch change {
            case .put(let c):
                if let p = position[c.identity] { slots[p] = c } else { position[c.identity] = slots.count; slots.append(c) }
            case .withdraw(let identity):
                guard let p = position.removeValue(forKey: identity) else {
                    throw KGError(file: file, kind: .snapshotDamaged, "snapshot delta withdraws \(identity), which the snapshot does not hold")
                }
                slots[p] = nil
            }
        }
        list = slots.compactMap { $0 }
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
        self = GraphStore(contributions: list)     // saved whole next time: the identities of every source changed
    }

    /// Loads `path` if it exists, otherwise an empty store.
    public static func loadOrEmpty(_ path: String) throws -> GraphStore {
        SnapshotFile.exists(path) ? try load(path) : GraphStore()
    }

    /// Writes the whole snapshot (graph and per-source contributions) atomically to `path`, and removes the
    /// deltas beside it (they belong to the snapshot it replaced).
    public func save(to path: String) throws {
        _ = try writeWhole(to: path)
    }

    private func writeWhole(to path: String) throws -> SnapshotFingerprint {
        let (graph, contributions) = try sectionsToSave()
        let fingerprint = try SnapshotWriter.write(graph, contributions: contributions, to: path)
        SnapshotDeltaFiles.removeAll(of: path)
        return fingerprint
    }

    /// The graph and the contributions section a whole save writes: the section read from a format-6 snapshot as it
    /// is (the graph it refers to is unchanged), else the contributions encoded against the graph. Contributions
    /// read from an older format whose graph does not hold them as the builder would have built it (an older
    /// builder's) are saved with the graph built from them.
    private func sectionsToSave() throws -> (Graph, OutgoingSection) {
        if contributionList == nil {
            switch storedContributions {
            case .none: return (graph, OutgoingSection([UInt8]()))
            case .bytes(let bytes): return (graph, OutgoingSection(bytes))
            case .words: break
            }
        }
        var decoded = self
        let list = try decoded.contributions()
        if let bytes = GraphContributionCodec.encode(list, graph: graph) { return (graph, OutgoingSection(bytes)) }
        let built = Self.build(list)
        guard let bytes = GraphContributionCodec.encode(list, graph: built) else {
            preconditionFailure("the graph built from contributions holds every record of them")
        }
        return (built, OutgoingSection(bytes))
    }

    /// What a checkpoint wrote.
    public enum Checkpoint: Sendable, Equatable {
        /// Nothing changed since the last save.
        case nothing
        /// A delta file of this many bytes beside the snapshot.
        case delta(bytes: Int)
        /// The whole snapshot, this many bytes (a new snapshot, a compaction, or an upgrade from an older format).
        case snapshot(bytes: Int)
    }

    /// Saves the changes since the last save to `path` atomically: as a delta beside the snapshot this store was
    /// read from or last wrote whole at `path`, or — when there is none, it was replaced, or the deltas would pass
    /// `compactionFraction` of it — as the whole snapshot (and no deltas). Call with the snapshot's lock held.
    /// `whole`: write the whole snapshot whatever the deltas' size (the end of an ingest run, so that queries map
    /// the snapshot instead of applying deltas).
    @discardableResult
    public mutating func checkpoint(to path: String, whole: Bool = false) throws -> Checkpoint {
        if !whole, var base = savedBase, base.path == path, (try? Self.fingerprint(of: path)) == base.fingerprint {
            if unsavedChanges.isEmpty { return .nothing }
            let delta = SnapshotDelta(sequence: base.deltaCount + 1, base: base.fingerprint, changes: unsavedChanges)
            let bytes = delta.encoded()
            if Double(base.deltaBytes + bytes.count) <= Self.compactionFraction * Double(base.fingerprint.byteCount) {
                SnapshotDeltaFiles.remove(base.staleDeltas, of: path)
                base.staleDeltas = []
                try SnapshotDeltaFiles.write(bytes, sequence: delta.sequence, of: path)
                base.deltaCount += 1
                base.deltaBytes += bytes.count
                savedBase = base
                unsavedChanges = []
                return .delta(bytes: bytes.count)
            }
        }
        let fingerprint = try writeWhole(to: path)
        savedBase = SavedBase(path: path, fingerprint: fingerprint, deltaCount: 0, deltaBytes: 0, staleDeltas: [])
        unsavedChanges = []
        return .snapshot(bytes: Int(fingerprint.byteCount))
    }

    /// Number of deltas beside the snapshot this store was read from or last saved (0 for a new store).
    public var deltaCount: Int { savedBase?.deltaCount ?? 0 }

    /// The fingerprint of the snapshot at `path` (its header checked, no section read).
    private static func fingerprint(of path: String) throws -> SnapshotFingerprint {
        let mapping = try SnapshotMapping(path: path)
        return try withExtendedLifetime(mapping) { try SnapshotTable(mapping.bytes, path: path).fingerprint }
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
        if storedContributions.isEmpty && (graph.nodeCount > 0 || !graph.sourcePaths.isEmpty) {
            throw KGError(file: loadedFrom, "this snapshot was saved without per-source contributions, so it cannot be "
                          + "updated incrementally; rebuild it by ingesting its sources into a new graph")
        }
        var list = try storedContributions.decode(graph: graph, path: loadedFrom)
        // The contributions are the sources in order: each one's ordinal is its source's (its position before
        // version 3 recorded ordinals).
        let ordinals = graph.sourceOrdinals
        if ordinals.count == list.count { for i in list.indices { list[i].ordinal = Int(ordinals[i]) } }
        contributionList = list
        storedContributions = .none
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
            unsavedChanges.append(.put(c))
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
        unsavedChanges.append(.withdraw(identity: list[p].identity))
        list.remove(at: p)
        contributionList = list
        graph = Self.build(list)
    }

    /// Withdraws the contributions of every source whose identity `matches`, with one rebuild; returns the
    /// withdrawn contributions.
    @discardableResult
    public mutating func remove(where matches: (SourceContribution) -> Bool) throws -> [SourceContribution] {
        let list = try contributions()
        let withdrawn = list.filter(matches)
        guard !withdrawn.isEmpty else { return [] }
        unsavedChanges += withdrawn.map { .withdraw(identity: $0.identity) }
        contributionList = list.filter { !matches($0) }
        graph = Self.build(contributionList!)
        return withdrawn
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
    /// With deltas beside it, the graph is rebuilt from the snapshot's contributions and the deltas' (which costs
    /// about what building the graph costs; `kg compact` folds them into the snapshot).
    public static func loadGraph(_ path: String) throws -> Graph {
        let opened = try OpenedSnapshot(path)
        if opened.deltas.current.isEmpty { return try opened.table.graph() }
        return try GraphStore(opened: opened, path: path).graph
    }

    /// Opens only the graph of a snapshot for a one-off query: like `loadGraph`, but a version-5 snapshot's large
    /// sections are verified block by block as the query reads them (`SnapshotDamage` reports a damaged block when
    /// it is read, before any of its bytes is used), so a query touches only the pages it needs. Older versions, and
    /// snapshots with deltas, are read as `loadGraph` reads them. For long-running readers that would rather find
    /// damage up front, `loadGraph`.
    public static func openGraph(_ path: String) throws -> Graph {
        let opened = try OpenedSnapshot(path, onDemand: true)
        if opened.deltas.current.isEmpty { return try opened.table.graph(lazily: true) }
        return try GraphStore(opened: opened, path: path).graph
    }

    /// Rewrites the snapshot at `path` whole with its deltas folded in, and removes them (call with the snapshot's
    /// lock held). Returns how many deltas were folded in (0: nothing was written).
    @discardableResult
    public static func compact(_ path: String) throws -> Int {
        let opened = try OpenedSnapshot(path)
        if opened.deltas.current.isEmpty && opened.deltas.stale.isEmpty { return 0 }
        let store = try GraphStore(opened: opened, path: path)
        if opened.deltas.current.isEmpty {
            SnapshotDeltaFiles.remove(opened.deltas.stale, of: path)
            return 0
        }
        try store.save(to: path)
        return opened.deltas.current.count
    }

    /// Rewrites a snapshot saved in an older format (2 to 5) in the current one, with its deltas folded in (call
    /// with the snapshot's lock held). Returns the version it had; nil when it was current (nothing written). A
    /// version-1 snapshot is left to `kg ingest`, which gives its sources their identities first.
    @discardableResult
    public static func upgrade(_ path: String) throws -> Int? {
        let opened = try OpenedSnapshot(path)
        let version = opened.table.version
        guard version >= 2 && version < SnapshotWriter.version else { return nil }
        try GraphStore(opened: opened, path: path).save(to: path)
        return Int(version)
    }

    /// Verifies a whole snapshot: every section's checksum, the graph's consistency, that the per-source
    /// contributions decode, one per source, and every delta beside it (checksum, structure, and that it applies
    /// to the contributions). Throws a `KGError` naming the first damaged section or delta file.
    public static func check(_ path: String) throws -> SnapshotCheck {
        let opened = try OpenedSnapshot(path)
        let table = opened.table
        var report = try withExtendedLifetime(opened.mapping) {
            try table.verifyAll()
            let graph = try table.graph()
            let stored = try table.contributions()
            let contributions = try stored.decode(graph: graph, path: path)
            if !stored.isEmpty && contributions.count != graph.sourcePaths.count {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot holds \(graph.sourcePaths.count) sources but "
                              + "\(contributions.count) per-source contributions")
            }
            return SnapshotCheck(version: Int(table.version), bytes: opened.mapping.bytes.count, sections: table.entries.count,
                                 nodes: graph.nodeCount, edges: graph.edgeCount, sources: graph.sourcePaths.count,
                                 hasContributions: !stored.isEmpty)
        }
        report.deltas = opened.deltas.current.count
        report.deltaBytes = opened.deltas.currentBytes
        report.staleDeltas = opened.deltas.stale.count
        if !opened.deltas.current.isEmpty {
            let graph = try GraphStore(opened: opened, path: path).graph
            (report.nodes, report.edges, report.sources) = (graph.nodeCount, graph.edgeCount, graph.sourcePaths.count)
        }
        return report
    }

    /// Writes a graph without per-source contributions (not usable for incremental ingest), removing any deltas.
    public static func save(_ graph: Graph, to path: String) throws {
        try SnapshotWriter.write(graph, contributions: OutgoingSection([UInt8]()), to: path)
        SnapshotDeltaFiles.removeAll(of: path)
    }

    /// The delta files beside the snapshot at `path`, in order (current or stale; see SNAPSHOT-FORMAT.md).
    public static func deltaPaths(of path: String) -> [String] {
        SnapshotDeltaFiles.list(path).map(\.path)
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
    /// Delta files verified and applied (nodes, edges and sources count the graph with them).
    public var deltas = 0
    public var deltaBytes = 0
    /// Delta files of an earlier snapshot, left by an interrupted compaction (ignored; the next write removes them).
    public var staleDeltas = 0
}
