import Foundation
import PolicyCore
import PolicyFormats
import PolicyIngest
import PolicyStore
import Testing

@Suite struct ResumeTests {
    /// Stops the first run after `stopAfter` saved batches, then runs again; checks the snapshot in between and
    /// the final graph against a one-shot ingest of the same inputs.
    func interruptAndResume(paths: [String], graphs scratch: Scratch, total: Int, stopAfter: Int, checkpoint: Int) throws {
        let graph = scratch.path + "/resumed.kgs"
        var checkpoints: [IngestCheckpoint] = []
        let stopping = IngestObserver(checkpointSaved: { c in
            checkpoints.append(c)
            if checkpoints.count == stopAfter { throw StopAfterCheckpoint() }
        })
        #expect(throws: StopAfterCheckpoint.self) { try ingestor(graph, checkpoint: checkpoint).run(paths: paths, observer: stopping) }
        let saved = checkpoint * stopAfter
        #expect(checkpoints.map(\.filesDone) == (1...stopAfter).map { $0 * checkpoint })
        #expect(checkpoints.last?.sourcesSaved == saved)

        // What is on disk is a valid snapshot holding exactly the saved batches: the first `saved` inputs.
        let inputs = discoverInputs(paths: paths)
        #expect(inputs.count == total)
        let interrupted = try GraphStore.load(graph)
        #expect(interrupted.sources.map(\.path) == inputs.prefix(saved).map(\.path))
        let partial = scratch.path + "/partial.kgs"
        var partialStore = GraphStore()
        let partialSummary = try ingestor(partial, checkpoint: total).ingest(Array(inputs.prefix(saved)), into: &partialStore)
        #expect(partialSummary.added == saved)
        #expect(interrupted.graph == partialStore.graph)

        // The second run skips what was saved (without extracting it again) and adds the rest.
        let progressLines = Lines()
        let resumed = try ingestor(graph, checkpoint: checkpoint).run(paths: paths, observer: IngestObserver(
            makeProgress: { IngestProgress(totalFiles: $0, totalBytes: $1, terminal: false, write: progressLines.append) }))
        #expect(resumed.files == total)
        #expect(resumed.unchanged == saved)
        #expect(resumed.added == total - saved)
        #expect(resumed.replaced == 0 && resumed.failed == 0)

        // The result equals a one-shot ingest of the same inputs.
        let oneShot = scratch.path + "/one-shot.kgs"
        let whole = try ingestor(oneShot, checkpoint: 1000).run(paths: paths)
        #expect(whole.added == total)
        let a = try GraphStore.load(graph).graph, b = try GraphStore.load(oneShot).graph
        #expect(a.nodeCount > total && a.edgeCount > total)   // the notices did produce a graph
        #expect(recordSets(a) == recordSets(b))
        #expect(a == b)
        // Entities the second run extracted: those of the inputs that were not saved, none of the saved ones.
        var oneShotStore = try GraphStore.load(oneShot)
        let nodesPerPath = Dictionary(uniqueKeysWithValues: try oneShotStore.contributions().map { ($0.path, $0.nodes.count) })
        let expectedEntities = inputs.dropFirst(saved).reduce(0) { $0 + nodesPerPath[$1.path]! }
        #expect(expectedEntities > 0)
        #expect(progressLines.all.last?.contains(" \(expectedEntities) entities,") == true, "\(progressLines.all)")
    }

    @Test func batchesExtractedWithinTheSaveIntervalAreSavedTogether() throws {
        let scratch = try Scratch("save-interval")
        for n in try generatedNotices(7) { try scratch.write(n.bytes, "corpus/" + n.name) }
        var saves: [IngestCheckpoint] = []
        let observer = IngestObserver(checkpointSaved: { saves.append($0) })
        let deferred = IngestOptions(graphPath: scratch.path + "/deferred.kgs", workers: 2, checkpoint: 2, minimumSaveInterval: 3600)
        let summary = try Ingestor(pipeline: sharedPipeline, options: deferred).run(paths: [scratch.path + "/corpus"], observer: observer)
        // Four batches, one save: after the last batch, holding every input.
        #expect(summary.added == 7)
        #expect(saves.map(\.filesDone) == [7])
        #expect(saves.first?.sourcesSaved == 7)
        // With no interval, every batch is saved.
        saves = []
        _ = try ingestor(scratch.path + "/each.kgs", checkpoint: 2).run(paths: [scratch.path + "/corpus"], observer: observer)
        #expect(saves.map(\.filesDone) == [2, 4, 6, 7])
        #expect(try GraphStore.load(deferred.graphPath).graph == GraphStore.load(scratch.path + "/each.kgs").graph)
    }

    @Test func interruptedFolderIngestResumes() throws {
        let scratch = try Scratch("resume-folder")
        for (name, bytes) in try generatedNotices(11) { try scratch.write(bytes, "in/" + name) }
        try interruptAndResume(paths: [scratch.path + "/in"], graphs: scratch, total: 11, stopAfter: 2, checkpoint: 3)
    }

    @Test func interruptedArchiveIngestResumes() throws {
        let scratch = try Scratch("resume-zip")
        try writeZip(scratch.path + "/notices.zip", try generatedNotices(10, seed: 99))
        try interruptAndResume(paths: [scratch.path + "/notices.zip"], graphs: scratch, total: 10, stopAfter: 1, checkpoint: 4)
    }

    @Test func truncatedSnapshotIsNeverOverwritten() throws {
        let scratch = try Scratch("truncated")
        for (name, bytes) in try generatedNotices(4) { try scratch.write(bytes, "in/" + name) }
        let graph = scratch.path + "/g.kgs"
        let first = try ingestor(graph).run(paths: [scratch.path + "/in"])
        #expect(first.added == 4)
        // A half-written snapshot (as a copy interrupted half-way would leave).
        let whole = try scratch.bytes("g.kgs")
        let half = Array(whole.prefix(whole.count / 2))
        try scratch.write(half, "g.kgs")
        try scratch.write(try generatedNotices(5, seed: 3)[4].bytes, "in/new.txt")

        var heard: [String] = []
        let observer = IngestObserver(skipped: { p, _ in heard.append(p) }, failed: { heard.append($0.description) },
                                      checkpointSaved: { _ in heard.append("saved") })
        #expect { try ingestor(graph).run(paths: [scratch.path + "/in"], observer: observer) } throws: { error in
            let e = error as? KGError
            return e?.file == graph && e?.kind == .snapshotDamaged && e?.message.contains("truncated") == true
        }
        // Nothing read, nothing saved; the damaged file is exactly as it was and no temporary file is left (the
        // writers' lock file stays, by design: see SnapshotLock).
        #expect(heard.isEmpty)
        #expect(try scratch.bytes("g.kgs") == half)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["g.kgs", "g.kgs.lock", "in"])
    }
}
