import PolicyStore

/// A batch of inputs finished and the snapshot saved: what `IngestObserver.checkpointSaved` hears.
public struct IngestCheckpoint: Sendable, Equatable {
    /// The snapshot just written.
    public var graphPath: String
    /// Inputs handled so far (saved, unchanged or failed), of `totalFiles`.
    public var filesDone: Int
    public var totalFiles: Int
    /// Source files the saved snapshot holds.
    public var sourcesSaved: Int
    /// What the save wrote: a delta beside the snapshot, or the whole snapshot.
    public var written: GraphStore.Checkpoint = .nothing
}
