import Foundation
import PolicyCore
import PolicyFormats
import PolicyIngest
import PolicyStore
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Findings of the hostile-tester review (issue 14): two writers, mistyped inputs, symbolic links.
@Suite struct WriterSafetyTests {
    /// A second process holding the writer lock makes a `--no-wait` writer fail with `.snapshotBusy`; once it exits
    /// (without unlocking: the kernel releases the lock), the writer gets the lock.
    @Test func anotherProcessHoldingTheLockStopsANoWaitWriter() throws {
        let scratch = try Scratch("lock")
        let snapshot = scratch.path + "/k.kgs"
        let lockPath = SnapshotLock.lockPath(for: snapshot)
        var ready: [Int32] = [0, 0]
        #expect(pipe(&ready) == 0)
        let child = lockPath.withCString { path -> pid_t in
            let pid = fork()
            if pid == 0 {
                // Child: only async-signal-safe calls. Take the lock, say so, hold it, exit without unlocking.
                let fd = open(path, O_RDWR | O_CREAT, 0o644)
                if fd < 0 || flock(fd, LOCK_EX) != 0 { _exit(2) }
                var one: UInt8 = 1
                _ = write(ready[1], &one, 1)
                usleep(300_000)
                _exit(0)
            }
            return pid
        }
        #expect(child > 0)
        var byte: UInt8 = 0
        #expect(read(ready[0], &byte, 1) == 1)
        let error = #expect(throws: KGError.self) { try SnapshotLock.acquire(for: snapshot, wait: false) }
        #expect(error?.kind == .snapshotBusy)
        #expect(error?.file == snapshot)
        var waited = false
        let lock = try SnapshotLock.acquire(for: snapshot, wait: true) { waited = true }
        #expect(waited)
        lock.release()
        var status: Int32 = 0
        waitpid(child, &status, 0)
        close(ready[0]); close(ready[1])
    }

    /// Two ingests of different folders into one snapshot at the same time: the second waits for the first and
    /// starts from its result, so the snapshot ends with both folders' sources (before the lock, the last writer
    /// won and one run's files were lost although both reported them added).
    @Test func concurrentIngestsIntoOneSnapshotKeepBothRuns() throws {
        let scratch = try Scratch("concurrent")
        for (i, notice) in try generatedNotices(8).enumerated() {
            try scratch.write(notice.bytes, (i < 4 ? "a/" : "b/") + (notice.name.split(separator: "/").last.map(String.init) ?? notice.name))
        }
        let snapshot = scratch.path + "/both.kgs"
        let folders = [scratch.path + "/a", scratch.path + "/b"]
        let summaries = Mutex<[IngestSummary]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let folder = folders[i]
            if let summary = try? ingestor(snapshot, checkpoint: 1, workers: 1).run(paths: [folder]) {
                summaries.withLock { $0.append(summary) }
            }
        }
        #expect(summaries.withLock { $0.map(\.added) } == [4, 4])
        let store = try GraphStore.load(snapshot)
        #expect(store.sources.count == 8)
    }

    /// A named input that does not exist is a failure (exit 1 in the CLI), and no empty snapshot is created.
    @Test func missingNamedInputFailsAndCreatesNoSnapshot() throws {
        let scratch = try Scratch("missing")
        let snapshot = scratch.path + "/m.kgs"
        var failures: [KGError] = []
        let summary = try ingestor(snapshot).run(paths: [scratch.path + "/no-such-folder"],
                                                 observer: IngestObserver(failed: { failures.append($0) }))
        #expect(summary.failed == 1)
        #expect(failures.map(\.kind) == [.notFound])
        #expect(!FileManager.default.fileExists(atPath: snapshot))
        // The same with one good input beside it: the good one is ingested, the run still counts the failure.
        try scratch.write(try generatedNotices(1)[0].bytes, "good/n.txt")
        let mixed = try ingestor(snapshot).run(paths: [scratch.path + "/good", scratch.path + "/typo"])
        #expect(mixed.added == 1)
        #expect(mixed.failed == 1)
    }

    /// Symbolic links met while walking a folder are skipped with a reason and never followed: a link to a file
    /// outside the root is not read and a link to the folder itself does not loop. A link named explicitly is read.
    @Test func linksInFoldersAreNotFollowed() throws {
        let scratch = try Scratch("links")
        try scratch.write(Array("国务院关于印发某方案的通知\n".utf8), "root/real.txt")
        try scratch.write(Array("财政部关于某事项的通知\n".utf8), "outside/secret.txt")
        #expect(symlink(scratch.path + "/outside/secret.txt", scratch.path + "/root/link.txt") == 0)
        #expect(symlink(".", scratch.path + "/root/loop") == 0)
        var skipped: [String: String] = [:]
        let found = discoverInputs(paths: [scratch.path + "/root"], skip: { skipped[$0] = $1 }, fail: { _ in })
        #expect(found.map(\.path) == [scratch.path + "/root/real.txt"])
        #expect(skipped[scratch.path + "/root/link.txt"]?.contains("symbolic link") == true)
        #expect(skipped[scratch.path + "/root/loop"]?.contains("symbolic link") == true)
        let named = discoverInputs(paths: [scratch.path + "/root/link.txt"], skip: { _, _ in }, fail: { _ in })
        #expect(named.map(\.path) == [scratch.path + "/root/link.txt"])
    }
}
