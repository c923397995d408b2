#if canImport(Glibc)
import Glibc
#endif
import PolicyCore
import Testing
@testable import PolicyStore

/// Checkpoints that save what changed as deltas beside the snapshot (SNAPSHOT-FORMAT.md, "Deltas").
@Suite struct SnapshotDeltaTests {
    /// Synthetic source files: `files` contributions of a graph of `nodes` nodes, seeded.
    private func sources(_ files: Int, nodes: Int = 240, seed: UInt64 = 21) -> [SourceContribution] {
        makeSyntheticContributions(nodes: nodes, edgesPerNode: 3, seed: seed, files: files).enumerated().map { i, c in
            var c = c
            c.ordinal = i
            return c
        }
    }

    /// A new version of `c`: different content, so different records and hash, same identity.
    private func changed(_ c: SourceContribution) -> SourceContribution {
        var other = sources(1, nodes: 30, seed: 77)[0]
        other.path = c.path
        other.identity = c.identity
        other.ordinal = c.ordinal + 100
        other.contentHash = String(c.contentHash.reversed())
        return other
    }

    /// Ingest, remove, re-ingest a changed file, each saved by a checkpoint: every reader sees exactly the graph
    /// and contributions the in-memory store holds (what a whole save writes), and compacting writes the very
    /// bytes of a whole save.
    @Test func baseAndDeltasEqualAWholeSave() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("g.kgs"), whole = dir.file("whole.kgs")
        let all = sources(60, nodes: 3000)
        var store = GraphStore(contributions: Array(all[0..<54]))
        #expect(try store.checkpoint(to: path) == .snapshot(bytes: dir.readBytes("g.kgs").count))

        /// Makes `change` on the saved store and checkpoints it (a delta), and on the in-memory store.
        func step(_ change: (inout GraphStore) throws -> Void) throws {
            var loaded = try GraphStore.load(path)
            try change(&loaded)
            guard case .delta = try loaded.checkpoint(to: path) else { Issue.record("expected a delta"); return }
            try change(&store)
        }
        try step { try $0.upsert(contentsOf: [all[54], all[55]]) }                     // ingest two more files
        try step { try $0.remove(path: all[1].path, identity: all[1].identity) }       // remove one
        try step { try $0.upsert(self.changed(all[3])) }                               // re-ingest a changed file
        try step { s in                                                               // all in one checkpoint
            try s.remove(path: all[0].path, identity: all[0].identity)
            try s.upsert(all[0])                                                   // back, now at the end
            try s.upsert(all[56])
            try s.remove(path: all[54].path, identity: all[54].identity)
        }
        #expect(SnapshotFile.deltaPaths(of: path).count == 4)

        var loaded = try GraphStore.load(path)
        #expect(loaded.graph == store.graph)
        #expect(try loaded.contributions() == store.contributions())
        #expect(try SnapshotFile.loadGraph(path) == store.graph)
        let report = try SnapshotFile.check(path)
        #expect(report.deltas == 4 && report.nodes == store.graph.nodeCount && report.edges == store.graph.edgeCount)

        try store.save(to: whole)
        #expect(try SnapshotFile.compact(path) == 4)
        #expect(SnapshotFile.deltaPaths(of: path).isEmpty)
        let compacted = dir.readBytes("g.kgs"), written = dir.readBytes("whole.kgs")
        let same = compacted == written
        #expect(same, "compacted \(compacted.count) bytes, a whole save \(written.count)")
    }

    /// A delta is written whole to a temporary file and renamed into place: a crash at any byte of the write leaves
    /// the temporary file cut there, which readers ignore (the checkpoint is not written) and the next writer's
    /// rename replaces. Once renamed, a delta cut short is damage, reported naming it, never skipped.
    @Test func aCrashAtAnyByteOfADeltaWriteLeavesTheLastCheckpoint() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("c.kgs")
        let all = sources(22, nodes: 120)
        try GraphStore(contributions: Array(all[0..<20])).save(to: path)
        var first = try GraphStore.load(path)
        try first.upsert(all[20])
        #expect(try first.checkpoint(to: path) != .nothing)
        var second = try GraphStore.load(path)
        try second.upsert(all[21])
        #expect(try second.checkpoint(to: path) != .nothing)
        let delta = dir.readBytes("c.kgs.delta.2")
        #expect(unlink(path + ".delta.2") == 0)
        #expect(delta.count > 200)

        for cut in 0...delta.count {
            dir.writeBytes(Array(delta[0..<cut]), to: "c.kgs.delta.2.tmp.4242")
            let opened = try OpenedSnapshot(path)
            #expect(opened.deltas.current.map(\.delta.sequence) == [1], "temporary file cut at \(cut)")
            if cut % 500 == 0 || cut == delta.count { #expect(try GraphStore.load(path).graph == first.graph, "cut at \(cut)") }
        }
        for cut in [0, 1, 47, 48, delta.count / 2, delta.count - 4, delta.count - 1] {
            dir.writeBytes(Array(delta[0..<cut]), to: "c.kgs.delta.2")
            let error = #expect(throws: KGError.self) { try GraphStore.load(path) }
            #expect(error?.kind == .snapshotDamaged && error?.file == path + ".delta.2", "delta cut at \(cut)")
            #expect(throws: KGError.self) { try SnapshotFile.loadGraph(path) }
        }
        dir.writeBytes(delta, to: "c.kgs.delta.2")
        #expect(try GraphStore.load(path).graph == second.graph)
    }

    /// Every single flipped byte of a delta is detected by its decoder; through the readers it is reported naming
    /// the delta file, by queries, writers and `check`, and the file is kept.
    @Test func everyFlippedByteOfADeltaIsDetected() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("f.kgs")
        let all = sources(12, nodes: 100)
        try GraphStore(contributions: Array(all[0..<10])).save(to: path)
        var store = try GraphStore.load(path)
        try store.upsert(all[10])
        try store.remove(path: all[0].path, identity: all[0].identity)
        try store.checkpoint(to: path)
        let delta = dir.readBytes("f.kgs.delta.1")
        var undetected: [Int] = []
        for i in delta.indices {
            for mask: UInt8 in [0x01, 0x80] {
                var damaged = delta
                damaged[i] ^= mask
                let result = damaged.withUnsafeBytes { bytes in Result { try SnapshotDelta(decoding: bytes, path: "d") } }
                if case .success = result { undetected.append(i) }
            }
        }
        #expect(undetected.isEmpty, "undetected flips at byte offsets \(undetected.prefix(10))")

        var damaged = delta
        damaged[delta.count / 2] ^= 0x10
        dir.writeBytes(damaged, to: "f.kgs.delta.1")
        for read in [{ _ = try GraphStore.load(path) }, { _ = try SnapshotFile.loadGraph(path) }, { _ = try SnapshotFile.check(path) }] {
            let error = #expect(throws: KGError.self) { try read() }
            #expect(error?.kind == .snapshotDamaged)
            #expect(error?.file == path + ".delta.1")
            #expect(error?.message.contains("checksum expected 0x") == true)
        }
        let kept = dir.readBytes("f.kgs.delta.1") == damaged
        #expect(kept, "the damaged delta is kept")
    }

    /// Checkpoints write deltas until they would pass `compactionFraction` of the base; that checkpoint rewrites
    /// the whole snapshot and removes them. Each delta costs about what changed, not the whole snapshot.
    @Test func theCheckpointPassingTheFractionCompacts() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("p.kgs")
        let all = sources(40, nodes: 2000)
        var store = GraphStore(contributions: Array(all[0..<20]))
        try store.checkpoint(to: path)
        let base = dir.readBytes("p.kgs").count
        var deltaBytes: [Int] = []
        var compacted = false
        for c in all[20...] {
            try store.upsert(c)
            switch try store.checkpoint(to: path) {
            case .delta(let bytes): deltaBytes.append(bytes)
            case .snapshot: compacted = true
            case .nothing: Issue.record("a change was not saved")
            }
            if compacted { break }
            #expect(try GraphStore.load(path).graph == store.graph)
        }
        #expect(compacted && deltaBytes.count >= 3)
        #expect(Double(deltaBytes.reduce(0, +)) <= GraphStore.compactionFraction * Double(base))
        // The base holds 20 files of the same size: one file's delta costs about a tenth of it (a delta repeats the
        // strings and keys the base holds once, as references to its graph), not all of it.
        #expect(deltaBytes.allSatisfy { $0 < base / 6 }, "deltas \(deltaBytes) beside a base of \(base) bytes")
        #expect(SnapshotFile.deltaPaths(of: path).isEmpty)
        #expect(try GraphStore.load(path).graph == store.graph)
        #expect(try store.checkpoint(to: path) == .nothing)
    }

    /// A compaction that stopped after renaming the new snapshot but before removing the deltas leaves deltas of
    /// the old one: readers ignore them (they name another base), `check` counts them, the next checkpoint
    /// removes them. A missing delta in the middle is damage.
    @Test func staleDeltasAreIgnoredAndAGapIsReported() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("s.kgs")
        let all = sources(24, nodes: 200)
        try GraphStore(contributions: Array(all[0..<21])).save(to: path)
        var store = try GraphStore.load(path)
        for c in all[21..<23] {
            try store.upsert(c)
            try store.checkpoint(to: path)
        }
        let deltas = SnapshotFile.deltaPaths(of: path)
        #expect(deltas.count == 2)
        let kept = deltas.map { dir.readBytes(String($0.split(separator: "/").last!)) }

        // A gap: delta 2 without delta 1.
        #expect(unlink(deltas[0]) == 0)
        let error = #expect(throws: KGError.self) { try GraphStore.load(path) }
        #expect(error?.kind == .snapshotDamaged && error?.file == deltas[1])
        #expect(error?.message.contains("s.kgs.delta.1 is missing") == true)

        // Compaction interrupted before the deltas went.
        try store.save(to: path)
        for (name, bytes) in zip(["s.kgs.delta.1", "s.kgs.delta.2"], kept) { dir.writeBytes(bytes, to: name) }
        var reloaded = try GraphStore.load(path)
        #expect(reloaded.graph == store.graph)
        #expect(try SnapshotFile.check(path).staleDeltas == 2)
        try reloaded.upsert(all[23])
        #expect(try reloaded.checkpoint(to: path) != .nothing)
        try store.upsert(all[23])
        #expect(try GraphStore.load(path).graph == store.graph)
        #expect(try SnapshotFile.check(path).staleDeltas == 0)
    }
}
