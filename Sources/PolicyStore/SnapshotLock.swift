#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyCore

/// The writers' lock of a snapshot: an advisory exclusive `flock` on the file `SNAPSHOT.lock` beside it, held by
/// every command that writes the snapshot (`kg ingest`, `kg remove`) from before it loads the snapshot until after
/// its last save, so two writers never both start from the same state and one of them lose the other's work.
/// Readers never take it: a snapshot is replaced atomically by rename, so they always see a whole one.
///
/// The lock file is left in place (removing it would let a third writer lock a different inode); the kernel
/// releases the lock when its holder exits, however it exits, so a killed writer never leaves it held.
///
/// ```swift
/// let lock = try SnapshotLock.acquire(for: "kg.kgs", wait: true) { print("waiting for another writer …") }
/// defer { lock.release() }
/// ```
public final class SnapshotLock {
    /// The lock file's path.
    public let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// The lock file of the snapshot at `snapshotPath`.
    public static func lockPath(for snapshotPath: String) -> String { snapshotPath + ".lock" }

    /// Takes the lock of the snapshot at `snapshotPath`. When another process holds it: with `wait`, calls
    /// `waiting` once and blocks until it is free; without, throws an error naming the snapshot.
    public static func acquire(for snapshotPath: String, wait: Bool, waiting: () -> Void = {}) throws -> SnapshotLock {
        let path = lockPath(for: snapshotPath)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw KGError(file: path, kind: .unreadable, "cannot open the snapshot's lock file: \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return SnapshotLock(path: path, descriptor: fd) }
        let busy = errno == EWOULDBLOCK
        guard busy, wait else {
            let reason = busy ? "another kg process is writing this snapshot (run again when it has finished, or without --no-wait to wait for it)"
                : "cannot lock the snapshot: \(String(cString: strerror(errno)))"
            close(fd)
            throw KGError(file: snapshotPath, kind: .snapshotBusy, reason)
        }
        waiting()
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw KGError(file: snapshotPath, kind: .snapshotBusy, "cannot lock the snapshot: \(reason)")
            }
        }
        return SnapshotLock(path: path, descriptor: fd)
    }

    /// Releases the lock (also done when the lock is deallocated or the process exits).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
