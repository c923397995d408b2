import PolicyCore
import PolicyFormats

/// What an ingest run tells its caller while it works. Every member has a default that does nothing.
public struct IngestObserver {
    /// An input passed over during discovery, with the one-line reason.
    public var skipped: (_ path: String, _ reason: String) -> Void
    /// A reader's warning about an input (e.g. HTML metadata the text contradicts).
    public var warning: (_ path: String, _ message: String) -> Void
    /// An input (or an archive) that could not be read or extracted; the error names it.
    public var failed: (KGError) -> Void
    /// A source withdrawn because it is no longer there (`IngestOptions.prune`).
    public var removed: (_ path: String) -> Void
    /// Makes the progress reporter once the inputs are known (total files and bytes); nil for none.
    public var makeProgress: ((_ totalFiles: Int, _ totalBytes: Int) -> IngestProgress)?
    /// Another process holds the snapshot's writer lock; the run waits for it (`IngestOptions.waitForLock`).
    public var waitingForLock: () -> Void
    /// Called after each saved batch. Throwing stops the run: the snapshot on disk keeps every batch saved so far.
    public var checkpointSaved: (IngestCheckpoint) throws -> Void

    public init(skipped: @escaping (String, String) -> Void = { _, _ in },
                warning: @escaping (String, String) -> Void = { _, _ in },
                failed: @escaping (KGError) -> Void = { _ in },
                removed: @escaping (String) -> Void = { _ in },
                waitingForLock: @escaping () -> Void = {},
                makeProgress: ((Int, Int) -> IngestProgress)? = nil,
                checkpointSaved: @escaping (IngestCheckpoint) throws -> Void = { _ in }) {
        self.skipped = skipped
        self.warning = warning
        self.failed = failed
        self.removed = removed
        self.waitingForLock = waitingForLock
        self.makeProgress = makeProgress
        self.checkpointSaved = checkpointSaved
    }

    /// Hears nothing.
    public static var silent: IngestObserver { IngestObserver() }
}
