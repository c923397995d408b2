#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PolicyCore
import PolicyQuery
import PolicyStore
import Synchronization

/// Identity of a snapshot on disk: device, inode, size and modification time of the snapshot file and of each
/// delta file beside it. `kg ingest` replaces a snapshot by renaming a finished file over it and adds a delta the
/// same way, so a new identity always names complete files.
struct FileIdentity: Equatable, Sendable {
    struct File: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modifiedSeconds = info.st_mtim.tv_sec
            modifiedNanoseconds = info.st_mtim.tv_nsec
        }
    }
    var snapshot: File
    var deltas: [File?]

    init?(path: String) {
        guard let snapshot = File(path: path) else { return nil }
        self.snapshot = snapshot
        deltas = SnapshotFile.deltaPaths(of: path).map { File(path: $0) }
    }
}

/// The snapshot being served: an immutable graph, the identity of the file it was read from, and caches of
/// answers computed on it (dropped with it when a new snapshot replaces it).
public final class LoadedGraph: Sendable {
    public let graph: Graph
    /// Increments with every reload (shown on pages and in `/api/stats`).
    public let generation: Int
    let identity: FileIdentity?
    let caches = QueryCaches()
    /// The paths of the files the snapshot was built from (the only files the document page shows).
    let sourcePaths: Set<String>

    init(graph: Graph, generation: Int, identity: FileIdentity?) {
        self.graph = graph
        sourcePaths = Set(graph.sources.map(\.path))
        self.generation = generation
        self.identity = identity
    }
}

/// Serves the current snapshot and switches atomically to a new one when the file is replaced. Each request takes
/// the `LoadedGraph` current when it starts and uses it to the end, so a reload never shows it a half-read state.
/// The file's identity is checked at most once per `checkInterval`; the request that sees a change loads the new
/// snapshot while the others go on with the old one; a snapshot that fails to load leaves the old one in place.
public final class GraphSource: Sendable {
    public let path: String
    let checkInterval: Duration
    private struct State {
        var current: LoadedGraph
        var lastCheck: ContinuousClock.Instant
        var reloading: Bool
    }
    private let state: Mutex<State>

    /// Loads the snapshot at `path` (a `KGError` naming it when it cannot be read).
    public init(path: String, checkInterval: Duration = .milliseconds(500)) throws {
        self.path = path
        self.checkInterval = checkInterval
        let identity = FileIdentity(path: path)
        let graph = try NameLookup.loadGraph(path)
        state = Mutex(State(current: LoadedGraph(graph: graph, generation: 1, identity: identity),
                            lastCheck: .now, reloading: false))
    }

    /// Serves a graph held in memory (tests, benchmarks): never reloads.
    public init(graph: Graph) {
        path = ""
        checkInterval = .seconds(1_000_000_000)
        state = Mutex(State(current: LoadedGraph(graph: graph, generation: 1, identity: nil), lastCheck: .now, reloading: false))
    }

    /// The snapshot to answer a request with, after reloading it if the file was replaced.
    public func current() -> LoadedGraph {
        let now = ContinuousClock.now
        let (loaded, mustCheck) = state.withLock { s -> (LoadedGraph, Bool) in
            guard !path.isEmpty, !s.reloading, now - s.lastCheck >= checkInterval else { return (s.current, false) }
            s.lastCheck = now
            s.reloading = true
            return (s.current, true)
        }
        guard mustCheck else { return loaded }
        let identity = FileIdentity(path: path)
        var next = loaded
        if let identity, identity != loaded.identity, let graph = try? SnapshotFile.loadGraph(path) {
            next = LoadedGraph(graph: graph, generation: loaded.generation + 1, identity: identity)
        }
        state.withLock { s in
            s.current = next
            s.reloading = false
        }
        return next
    }

    /// Checks the file now, whatever the interval (tests).
    public func checkNow() -> LoadedGraph {
        state.withLock { $0.lastCheck = .now - checkInterval }
        return current()
    }
}
