import PolicyCore
import PolicyStore

/// The writers' lock of the existing snapshot at `path`, for a command that changes it (`kg remove`, `kg compact`):
/// a `KGError` when there is no snapshot, a note on standard error while another writer holds the lock and `wait`.
func lockExistingSnapshot(_ path: String, wait: Bool) throws -> SnapshotLock {
    guard SnapshotFile.exists(path) else { throw KGError(file: path, kind: .notFound, "no graph snapshot here") }
    return try SnapshotLock.acquire(for: path, wait: wait) {
        writeToStandardError("\(path): another kg process is writing this snapshot; waiting for it to finish …\n")
    }
}
