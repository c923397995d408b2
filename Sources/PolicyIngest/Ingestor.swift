import Foundation
import PolicyCore
import PolicyExtraction
import PolicyFormats
import PolicyStore

/// Incremental, parallel, checkpointed ingest: discover the inputs (files, folders, zip archives) → read and
/// extract them on all workers → upsert the contributions → save the snapshot after every `checkpoint` inputs.
///
/// Unchanged inputs (same path and content hash) are skipped before extraction; a changed one replaces exactly
/// its own contribution. A checkpoint saves what changed as a delta beside the snapshot (`GraphStore.checkpoint`).
/// Snapshots and deltas are written atomically, so a run stopped at any point (a crash, Ctrl-C, or an
/// observer that throws) leaves the last saved snapshot intact, and the next run skips what it holds. A snapshot
/// that cannot be read (truncated, damaged) stops the run before anything is written: it is never replaced.
///
/// ```swift
/// let ingestor = Ingestor(pipeline: ExtractionPipeline(ontology: try .loadDefault()),
///                         options: IngestOptions(graphPath: "kg.kgs", checkpoint: 200))
/// let summary = try ingestor.run(paths: ["notices/", "portal-pages.zip"])
/// print(summary.text)
/// ```
public struct Ingestor: Sendable {
    public let pipeline: ExtractionPipeline
    public let options: IngestOptions

    public init(pipeline: ExtractionPipeline, options: IngestOptions) {
        self.pipeline = pipeline
        self.options = options
    }

    /// Discovers the inputs below `paths` and ingests them into the snapshot at `options.graphPath`, holding the
    /// snapshot's writer lock (`SnapshotLock`) from before it loads the snapshot until after the last save.
    /// Named paths that do not exist or cannot be read are counted as failed (the others are still ingested); when
    /// nothing could be read and there is no snapshot yet, none is created.
    public func run(paths: [String], observer: IngestObserver = .silent) throws -> IngestSummary {
        let started = Date()
        let lock = try SnapshotLock.acquire(for: options.graphPath, wait: options.waitForLock, waiting: observer.waitingForLock)
        defer { lock.release() }
        var store = try GraphStore.loadOrEmpty(options.graphPath)
        let migrating = store.needsIdentities
        if migrating { try Self.assignIdentities(&store, snapshotPath: options.graphPath) }
        var skippedPaths: [String] = []
        var unreadable: [String] = []
        var inputs = discoverInputs(paths: paths, skip: { path, reason in
            skippedPaths.append(path)
            observer.skipped(path, reason)
        }, fail: { error in
            unreadable.append(error.file ?? "")
            observer.failed(error)
        })
        // A shard keeps its part; the inputs keep their ordinals among all of them (the merged order).
        if let shard = options.shard { inputs = inputs.filter { shard.contains(path: $0.path, roots: paths) } }
        var removed: [String] = []
        if options.prune {
            let present = Set(inputs.map(\.identity)).union(skippedPaths.map(SourceIdentity.of))
            let stale = Self.staleSources(store.sources.map(\.identity), roots: paths.map(SourceIdentity.of),
                                          present: present, unreadable: unreadable.filter { !$0.isEmpty }.map(SourceIdentity.of))
            for identity in stale { removed += try SourceRemoval.remove(identity, from: &store) }
            for path in removed { observer.removed(path) }
        }
        var summary = try ingest(inputs, into: &store, observer: observer, mustSave: !removed.isEmpty || migrating,
                                 createSnapshot: unreadable.isEmpty || !inputs.isEmpty)
        summary.skipped = skippedPaths.count
        summary.removed = removed.count
        summary.failed += unreadable.count
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Ingests `inputs` (in order, in batches of `options.checkpoint`) into `store`, saving it to
    /// `options.graphPath` after a batch that changed it once `options.minimumSaveInterval` has passed since the
    /// last save, after the last batch, and once at the end when no snapshot exists yet.
    /// `mustSave`: the store has changes of its own (pruned sources) to save even if no input changes it.
    /// `createSnapshot`: save an empty snapshot when none exists and nothing changed (false when every named input
    /// failed: an empty snapshot would look like a successful run).
    public func ingest(_ inputs: [Input], into store: inout GraphStore, observer: IngestObserver = .silent,
                       mustSave: Bool = false, createSnapshot: Bool = true) throws -> IngestSummary {
        let started = Date()
        let totalBytes = inputs.reduce(0) { $0 + $1.size }
        let progress = observer.makeProgress?(inputs.count, totalBytes)
        let pipeline = self.pipeline
        var summary = IngestSummary()
        var unsaved = mustSave
        // Extracted but not yet in the store: batches are folded in and saved together once
        // `minimumSaveInterval` has passed since the last save (and always after the last batch).
        var pending: [SourceContribution] = []
        var lastSave = Date()
        var start = 0
        while start < inputs.count {
            let batch = Array(inputs[start..<min(inputs.count, start + max(1, options.checkpoint))])
            start += batch.count
            let known = Dictionary(store.sources.map { ($0.identity, $0.contentHash) }, uniquingKeysWith: { a, _ in a })
            let outcomes = ingestInParallel(batch, workers: options.workers, progress: progress,
                                            entities: { $0.contribution?.nodes.count ?? 0 }) { input in
                try InputExtraction.extract(input, known: known, pipeline: pipeline)
            }
            for (input, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success(let file):
                    for warning in file.warnings { observer.warning(input.path, warning) }
                    if let c = file.contribution { pending.append(c) } else { summary.unchanged += 1 }
                case .failure(let error):
                    summary.failed += 1
                    observer.failed(Self.naming(error, input.path))
                }
            }
            Self.closeArchiveHandles(of: batch)
            let due = start >= inputs.count || Date().timeIntervalSince(lastSave) >= options.minimumSaveInterval
            if !pending.isEmpty && due {
                for change in try store.upsert(contentsOf: pending) {
                    switch change {
                    case .added: summary.added += 1
                    case .replaced: summary.replaced += 1
                    case .unchanged: summary.unchanged += 1
                    }
                }
                // (The run's last save writes the whole snapshot unless deltas are to be kept.)
                let written = try store.checkpoint(to: options.graphPath, whole: start >= inputs.count && !options.keepDeltas)
                pending = []
                lastSave = Date()
                unsaved = false
                try observer.checkpointSaved(IngestCheckpoint(graphPath: options.graphPath, filesDone: start,
                                                              totalFiles: inputs.count, sourcesSaved: store.sources.count,
                                                              written: written))
            }
        }
        if unsaved || (createSnapshot && !SnapshotFile.exists(options.graphPath)) || (!options.keepDeltas && store.deltaCount > 0) {
            try store.checkpoint(to: options.graphPath, whole: !options.keepDeltas)
        }

        summary.graph = options.graphPath
        summary.files = inputs.count
        summary.megabytes = Double(totalBytes) / 1_048_576
        summary.seconds = Date().timeIntervalSince(started)
        summary.nodes = store.graph.nodeCount
        summary.edges = store.graph.edgeCount
        summary.sources = store.sources.count
        return summary
    }

    /// Loads the snapshot at `path` (an empty store if there is none), giving the sources of a snapshot written
    /// before sources had identities theirs (`SourceIdentity.migrated`); the next save records them.
    public static func loadWithIdentities(_ path: String) throws -> GraphStore {
        var store = try GraphStore.loadOrEmpty(path)
        if store.needsIdentities { try assignIdentities(&store, snapshotPath: path) }
        return store
    }

    private static func assignIdentities(_ store: inout GraphStore, snapshotPath: String) throws {
        try store.assignIdentities { SourceIdentity.migrated(recordedPath: $0.path, snapshotPath: snapshotPath) }
    }

    /// Recorded source identities below one of `roots` (the root itself, a file below a folder root, a member of
    /// an archive root; all as identities) that are not `present` now. Nothing below an archive or folder that
    /// could not be read counts as gone: it may still be there.
    static func staleSources(_ recorded: [String], roots: [String], present: Set<String>, unreadable: [String]) -> [String] {
        func below(_ path: String, _ root: String) -> Bool {
            let folder = root.hasSuffix("/") ? root : root + "/"
            return path == root || path.hasPrefix(folder) || path.hasPrefix(ArchiveMemberPath.prefix(ofMembersOf: root))
        }
        return recorded.filter { path in
            !present.contains(path) && roots.contains { below(path, $0) }
                && !unreadable.contains { !$0.isEmpty && below(path, $0) }
        }
    }

    /// The error as a `KGError` naming `path` when it names no file itself.
    static func naming(_ error: Error, _ path: String) -> KGError {
        guard let e = error as? KGError else { return KGError(file: path, "\(error)") }
        return e.file == nil ? KGError(file: path, e.message) : e
    }

    /// Closes the idle read handles of the archives a batch read from (they reopen on demand).
    static func closeArchiveHandles(of batch: [Input]) {
        var closed = Set<ObjectIdentifier>()
        for input in batch {
            if case .zipMember(let archive, _) = input.location, closed.insert(ObjectIdentifier(archive)).inserted {
                archive.closeIdleHandles()
            }
        }
    }
}
