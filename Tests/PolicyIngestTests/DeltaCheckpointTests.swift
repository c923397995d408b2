import Foundation
import PolicyCore
import PolicyFormats
import PolicyIngest
import PolicyStore
import TestSupport
import Testing

/// `kg ingest` checkpoints saved as deltas beside the snapshot, read back by every command, folded in by
/// `kg compact`.
@Suite struct DeltaCheckpointTests {
    /// A second ingest run adding files and changing one saves deltas, not the snapshot, and the graph read back
    /// is the graph of one run over the final inputs; `kg check`, `kg remove` and `kg compact` then work on
    /// base + deltas, and `kg compact` waits for (or, with --no-wait, refuses) another writer's lock.
    @Test func ingestSavesDeltasAndKgCompactFoldsThem() throws {
        let scratch = try Scratch("checkpoints")
        let corpus = scratch.path + "/corpus", graph = scratch.path + "/g.kgs"
        let notices = try generatedNotices(40)
        for (name, bytes) in notices.prefix(36) { try scratch.write(bytes, "corpus/" + name) }
        _ = try ingestor(graph, checkpoint: 100).run(paths: [corpus])
        #expect(SnapshotFile.deltaPaths(of: graph).isEmpty)
        let base = try scratch.bytes("g.kgs").count

        for (name, bytes) in notices.suffix(4) { try scratch.write(bytes, "corpus/" + name) }
        try scratch.write(try generatedNotices(4, seed: 99)[3].bytes, "corpus/" + notices[3].name)
        var written: [GraphStore.Checkpoint] = []
        let summary = try ingestor(graph, checkpoint: 3, keepDeltas: true)
            .run(paths: [corpus], observer: IngestObserver(checkpointSaved: { written.append($0.written) }))
        #expect(summary.added == 4 && summary.replaced == 1)
        #expect(written.count == 3)
        for w in written {
            guard case .delta(let bytes) = w else { Issue.record("checkpoint wrote \(w)"); continue }
            // A delta repeats the strings and keys that the format-6 snapshot holds once as references to its graph.
            #expect(bytes < base / 5, "a delta of a few files beside a \(base)-byte snapshot: \(bytes) bytes")
        }
        #expect(SnapshotFile.deltaPaths(of: graph).count == 3)

        let oneRun = scratch.path + "/one.kgs"
        _ = try ingestor(oneRun, checkpoint: 100).run(paths: [corpus])
        let expected = try GraphStore.load(oneRun).graph
        #expect(try GraphStore.load(graph).graph == expected)
        #expect(try SnapshotFile.loadGraph(graph) == expected)

        let kg = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kg").path
        guard FileManager.default.isExecutableFile(atPath: kg) else {
            #expect(!isCI, "the kg executable is not beside the tests")
            return
        }
        let check = try run(kg, ["check", "--graph", graph])
        #expect(check.status == 0 && check.output.contains("with 3 deltas"), "\(check.output)")
        let removed = try run(kg, ["remove", corpus + "/" + notices[5].name, "--graph", graph, "--keep-deltas"])
        #expect(removed.status == 0)
        #expect(SnapshotFile.deltaPaths(of: graph).count == 4)
        let beforeCompaction = try GraphStore.load(graph).graph
        #expect(beforeCompaction.sources.count == 39)

        let lock = try SnapshotLock.acquire(for: graph, wait: false)
        let busy = try run(kg, ["compact", "--no-wait", "--graph", graph])
        #expect(busy.status != 0)
        #expect(SnapshotFile.deltaPaths(of: graph).count == 4)
        lock.release()

        let compacted = try run(kg, ["compact", "--graph", graph])
        #expect(compacted.status == 0 && compacted.output.contains("folded 4 deltas"), "\(compacted.output)")
        #expect(SnapshotFile.deltaPaths(of: graph).isEmpty)
        #expect(try GraphStore.load(graph).graph == beforeCompaction)
        let again = try run(kg, ["compact", "--graph", graph])
        #expect(again.status == 0 && again.output.contains("no deltas"))
        let checked = try run(kg, ["check", "--graph", graph])
        #expect(checked.status == 0 && !checked.output.contains("delta"))
    }

    /// Without --keep-deltas a run's checkpoints are deltas but it ends with the snapshot written whole (and the
    /// deltas an earlier run kept folded in): queries then map it instead of applying deltas.
    @Test func aRunEndsWithTheSnapshotWrittenWhole() throws {
        let scratch = try Scratch("whole-at-end")
        let corpus = scratch.path + "/corpus", graph = scratch.path + "/g.kgs"
        let notices = try generatedNotices(44)
        for (name, bytes) in notices.prefix(30) { try scratch.write(bytes, "corpus/" + name) }
        _ = try ingestor(graph, checkpoint: 100).run(paths: [corpus])
        for (name, bytes) in notices.dropFirst(30).prefix(7) { try scratch.write(bytes, "corpus/" + name) }
        _ = try ingestor(graph, checkpoint: 3, keepDeltas: true).run(paths: [corpus])
        #expect(!SnapshotFile.deltaPaths(of: graph).isEmpty)

        for (name, bytes) in notices.suffix(7) { try scratch.write(bytes, "corpus/" + name) }
        var written: [GraphStore.Checkpoint] = []
        _ = try ingestor(graph, checkpoint: 3)
            .run(paths: [corpus], observer: IngestObserver(checkpointSaved: { written.append($0.written) }))
        #expect(written.contains { if case .delta = $0 { return true } else { return false } })
        #expect(SnapshotFile.deltaPaths(of: graph).isEmpty)
        let oneRun = scratch.path + "/one.kgs"
        _ = try ingestor(oneRun, checkpoint: 100).run(paths: [corpus])
        #expect(try GraphStore.load(graph).graph == GraphStore.load(oneRun).graph)
        #expect(try scratch.bytes("g.kgs") == scratch.bytes("one.kgs"))

        // A run with nothing new still folds in the deltas an earlier run kept.
        try scratch.write(try generatedNotices(1, seed: 7)[0].bytes, "corpus/extra.txt")
        _ = try ingestor(graph, checkpoint: 100, keepDeltas: true).run(paths: [corpus])
        #expect(SnapshotFile.deltaPaths(of: graph).count == 1)
        let summary = try ingestor(graph, checkpoint: 100).run(paths: [corpus])
        #expect(summary.added == 0 && summary.replaced == 0)
        #expect(SnapshotFile.deltaPaths(of: graph).isEmpty)
    }
}
