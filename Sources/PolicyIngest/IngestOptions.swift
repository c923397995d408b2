import Foundation

/// How an ingest run works.
public struct IngestOptions: Sendable {
    /// The graph snapshot to create or update.
    public var graphPath: String
    /// Worker threads for reading and extraction.
    public var workers: Int
    /// The snapshot is saved after every `checkpoint` files (at least 1).
    public var checkpoint: Int
    /// Withdraw the sources recorded below the given paths (folders, archives) that are no longer there.
    public var prune: Bool
    /// Seconds that must pass between two saves: batches extracted sooner are saved with a later one (a save
    /// rebuilds and rewrites the whole snapshot). 0 saves after every batch. An interrupted run loses at most
    /// this much work.
    public var minimumSaveInterval: Double
    /// When another process is writing the snapshot: wait for it (true) or fail at once with
    /// `KGError.Kind.snapshotBusy` (false). See `SnapshotLock`.
    public var waitForLock: Bool
    /// Ingest only the inputs of this shard (`kg ingest --shard K/N`); nil takes them all.
    public var shard: Shard?
    /// Checkpoints during the run save deltas beside the snapshot; at its end the snapshot is written whole (false),
    /// so that queries map it in milliseconds instead of applying the deltas, or the deltas are left for a later
    /// run or `kg compact` (true: many small runs in a row, each then writing only what it changed).
    public var keepDeltas: Bool

    public init(graphPath: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount, checkpoint: Int = 500,
                prune: Bool = false, minimumSaveInterval: Double = 0, waitForLock: Bool = true, shard: Shard? = nil,
                keepDeltas: Bool = false) {
        self.graphPath = graphPath
        self.workers = workers
        self.checkpoint = checkpoint
        self.prune = prune
        self.minimumSaveInterval = minimumSaveInterval
        self.waitForLock = waitForLock
        self.shard = shard
        self.keepDeltas = keepDeltas
    }
}
