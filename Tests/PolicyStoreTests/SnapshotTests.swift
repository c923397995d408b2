#if canImport(Glibc)
import Glibc
#endif
import PolicyCore
import Testing
@testable import PolicyStore

@Suite struct SnapshotTests {
    @Test(arguments: [(3000, 4, UInt64(1)), (5000, 3, UInt64(99)), (1, 0, UInt64(5))])
    func roundTripPreservesTheGraph(nodes: Int, edgesPerNode: Int, seed: UInt64) throws {
        let dir = TemporaryDirectory()
        let contributions = makeSyntheticContributions(nodes: nodes, edgesPerNode: edgesPerNode, seed: seed, files: 3)
        let store = GraphStore(contributions: contributions)
        try store.save(to: dir.file("g.kgs"))
        var loaded = try GraphStore.load(dir.file("g.kgs"))
        #expect(loaded.graph == store.graph)
        #expect(try loaded.contributions() == contributions)
        let g = loaded.graph
        for n in stride(from: 0, to: g.nodeCount, by: 97) {
            #expect(g.nodeRecord(n) == store.graph.nodeRecord(n))
        }
        for e in stride(from: 0, to: g.edgeCount, by: 89) {
            #expect(g.edgeRecord(e) == store.graph.edgeRecord(e))
        }
        #expect(dir.fileNames() == ["g.kgs"])
    }

    @Test func emptyGraphRoundTrips() throws {
        let dir = TemporaryDirectory()
        try GraphStore().save(to: dir.file("e.kgs"))
        let g = try SnapshotFile.loadGraph(dir.file("e.kgs"))
        #expect(g.nodeCount == 0 && g.edgeCount == 0)
        #expect(g == Graph.empty)
    }

    /// Flipping any single byte of a small snapshot must make loading fail with a KGError.
    @Test func everySingleByteFlipIsDetected() throws {
        let dir = TemporaryDirectory()
        let store = GraphStore(contributions: makeSyntheticContributions(nodes: 12, edgesPerNode: 2, seed: 3, files: 2))
        try store.save(to: dir.file("s.kgs"))
        let original = dir.readBytes("s.kgs")
        #expect(original.count > 500)
        var undetected: [Int] = []
        for i in 0..<original.count {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = original
                damaged[i] ^= mask
                let result = damaged.withUnsafeBytes { bytes in Result { try SnapshotReader.parse(bytes, path: "s.kgs") } }
                if case .success = result { undetected.append(i) }
            }
        }
        #expect(undetected.isEmpty, "undetected flips at byte offsets \(undetected.prefix(10))")
    }

    @Test func damagedSectionIsNamedAndFileIsKept() throws {
        let dir = TemporaryDirectory()
        let store = GraphStore(contributions: makeSyntheticContributions(nodes: 200, edgesPerNode: 3, seed: 8, files: 1))
        try store.save(to: dir.file("d.kgs"))
        var bytes = dir.readBytes("d.kgs")
        bytes[bytes.count - 1] ^= 0x10          // last byte: inside the final (contributions) section
        dir.writeBytes(bytes, to: "d.kgs")
        let error = #expect(throws: KGError.self) { try GraphStore.load(dir.file("d.kgs")) }
        #expect(error?.kind == .snapshotDamaged)
        #expect(error?.message.contains("section 'contributions' is damaged") == true)
        #expect(error?.message.contains("expected 0x") == true)
        #expect(error?.file == dir.file("d.kgs"))
        #expect(dir.readBytes("d.kgs") == bytes)
    }

    /// Queries never read the per-source records (about half the file): damage there does not stop a query, but
    /// `kg check` and every command that changes the store (which loads them) report it, and the file is kept.
    @Test func queriesSkipTheContributionsWhichCheckAndWritersVerify() throws {
        let dir = TemporaryDirectory()
        let store = GraphStore(contributions: makeSyntheticContributions(nodes: 200, edgesPerNode: 3, seed: 8, files: 2))
        try store.save(to: dir.file("q.kgs"))
        var bytes = dir.readBytes("q.kgs")
        let report = try SnapshotFile.check(dir.file("q.kgs"))
        #expect(report == SnapshotCheck(version: Int(SnapshotWriter.version), bytes: bytes.count, sections: SnapshotSections.layout.count,
                                        nodes: store.graph.nodeCount, edges: store.graph.edgeCount, sources: 2, hasContributions: true))
        bytes[bytes.count - 5] ^= 0x04          // inside the final (contributions) section
        dir.writeBytes(bytes, to: "q.kgs")
        #expect(try SnapshotFile.loadGraph(dir.file("q.kgs")) == store.graph)
        for load in [{ _ = try SnapshotFile.check(dir.file("q.kgs")) }, { _ = try GraphStore.load(dir.file("q.kgs")) }] {
            let error = #expect(throws: KGError.self) { try load() }
            #expect(error?.kind == .snapshotDamaged)
            #expect(error?.message.contains("section 'contributions' is damaged") == true)
        }
        #expect(dir.readBytes("q.kgs") == bytes)
    }

    /// `kg check` on the file finds every flipped byte; a query finds every one outside the contributions.
    @Test func checkFindsEveryFlippedByteAndQueriesEveryOneTheyRead() throws {
        let dir = TemporaryDirectory()
        let store = GraphStore(contributions: makeSyntheticContributions(nodes: 10, edgesPerNode: 2, seed: 6, files: 2))
        try store.save(to: dir.file("f.kgs"))
        let original = dir.readBytes("f.kgs")
        let contributionsStart = try original.withUnsafeBytes { try SnapshotTable($0, path: "f.kgs").entries.last!.range.lowerBound }
        var missedByCheck: [Int] = [], missedByQuery: [Int] = []
        for i in 0..<original.count {
            var damaged = original
            damaged[i] ^= 0x20
            dir.writeBytes(damaged, to: "f.kgs")
            if (try? SnapshotFile.check(dir.file("f.kgs"))) != nil { missedByCheck.append(i) }
            if i < contributionsStart, (try? SnapshotFile.loadGraph(dir.file("f.kgs"))) != nil { missedByQuery.append(i) }
        }
        #expect(missedByCheck.isEmpty, "check missed flips at \(missedByCheck.prefix(10))")
        #expect(missedByQuery.isEmpty, "queries missed flips at \(missedByQuery.prefix(10))")
    }

    @Test func checkReportsASnapshotSavedWithoutContributions() throws {
        let dir = TemporaryDirectory()
        let graph = GraphStore(contributions: makeSyntheticContributions(nodes: 50, edgesPerNode: 2, seed: 1, files: 1)).graph
        try SnapshotFile.save(graph, to: dir.file("g.kgs"))
        let report = try SnapshotFile.check(dir.file("g.kgs"))
        #expect(!report.hasContributions && report.nodes == graph.nodeCount && report.edges == graph.edgeCount)
    }

    @Test func truncatedFileIsReported() throws {
        let dir = TemporaryDirectory()
        try GraphStore(contributions: makeSyntheticContributions(nodes: 300, edgesPerNode: 3, seed: 2, files: 1)).save(to: dir.file("t.kgs"))
        let bytes = dir.readBytes("t.kgs")
        for cut in [bytes.count - 1, bytes.count / 2, 40, 5, 0] {
            dir.writeBytes(Array(bytes[0..<cut]), to: "t.kgs")
            let error = #expect(throws: KGError.self) { try SnapshotFile.loadGraph(dir.file("t.kgs")) }
            let message = error?.message ?? ""
            #expect(error?.kind == .snapshotDamaged || error?.kind == .notASnapshot, "cut \(cut): \(message)")
        }
    }

    @Test func unknownVersionIsRefused() throws {
        let dir = TemporaryDirectory()
        try GraphStore().save(to: dir.file("v.kgs"))
        var bytes = dir.readBytes("v.kgs")
        bytes[8] = 7
        dir.writeBytes(bytes, to: "v.kgs")
        let error = #expect(throws: KGError.self) { try SnapshotFile.loadGraph(dir.file("v.kgs")) }
        #expect(error?.kind == .snapshotVersion)
        #expect(error?.message.contains("version 7") == true)
    }

    @Test func notASnapshotIsReported() throws {
        let dir = TemporaryDirectory()
        dir.writeBytes(Array("{\"type\": \"node\"}\n".utf8) + [UInt8](repeating: 0, count: 64), to: "x.kgs")
        let error = #expect(throws: KGError.self) { try SnapshotFile.loadGraph(dir.file("x.kgs")) }
        #expect(error?.kind == .notASnapshot)
    }

    /// A writer killed at any moment of a save leaves the previous snapshot loadable.
    @Test func killedSaveLeavesPreviousSnapshotLoadable() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("k.kgs")
        let old = GraphStore(contributions: makeSyntheticContributions(nodes: 300, edgesPerNode: 3, seed: 4, files: 1))
        try old.save(to: path)
        let big = GraphStore(contributions: makeSyntheticContributions(nodes: 40_000, edgesPerNode: 4, seed: 5, files: 2))
        var killedMidWrite = 0
        for attempt in 0..<4 {
            let child = fork()
            if child == 0 {
                // Child: save repeatedly until killed.
                while true { try? big.save(to: path) }
            }
            #expect(child > 0)
            // Wait until the child's temporary file has some but not all bytes, then kill it.
            let temporary = "k.kgs.tmp.\(child)"
            var sawPartial = false
            for _ in 0..<150_000 {   // up to ~30 s on a busy machine
                var info = stat()
                let size = stat(dir.file(temporary), &info) == 0 ? Int(info.st_size) : 0
                if size > 1000 * (attempt + 1) { sawPartial = true; break }
                usleep(200)
            }
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
            if sawPartial { killedMidWrite += 1 }
            let graph = try SnapshotFile.loadGraph(path)
            #expect(graph == old.graph || graph == big.graph, "attempt \(attempt)")
            try? old.save(to: path)
            for name in dir.fileNames() where name.hasPrefix("k.kgs.tmp") { unlink(dir.file(name)) }
        }
        #expect(killedMidWrite >= 2, "the writer was caught mid-write only \(killedMidWrite) times")
    }
}
