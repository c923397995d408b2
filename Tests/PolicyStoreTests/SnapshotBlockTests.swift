#if canImport(Glibc)
import Glibc
#endif
import PolicyCore
import Testing
@testable import PolicyStore

/// Formats 5 and 6: per-block checksums verified as a query reads the blocks, and the summary `kg stats` reads.
@Suite struct SnapshotBlockTests {
    /// A graph whose larger sections span several 16 KiB blocks.
    static func store() -> GraphStore {
        GraphStore(contributions: makeSyntheticContributions(nodes: 1000, edgesPerNode: 3, seed: 21, files: 2))
    }

    @Test func aQueryVerifiesOnlyTheBlocksItReads() throws {
        let dir = TemporaryDirectory()
        let store = Self.store()
        try store.save(to: dir.file("b.kgs"))
        let graph = try SnapshotFile.openGraph(dir.file("b.kgs"))
        let strings = try #require(graph.strings.bytes.verifier)
        #expect(strings.blockCount >= 3)
        #expect(strings.verifiedBlockCount < strings.blockCount)
        let n = graph.nodeCount / 2
        #expect(graph.nodeRecord(n) == store.graph.nodeRecord(n))
        #expect(strings.verifiedBlockCount < strings.blockCount)
        #expect(graph.storedSummary == store.graph.summary)
        // The path query's loop reads raw buffers: taking them verifies their sections whole.
        graph.withAdjacency { _ in }
        for verifier in [graph.outStart, graph.inStart].compactMap(\.verifier) + [graph.edgeTargets, graph.inSources].compactMap(\.verifier) {
            #expect(verifier.verifiedBlockCount == verifier.blockCount)
        }
        #expect(graph == store.graph)
        let lazy = graph.outgoingSections.compactMap(\.verifier)
        #expect(lazy.count >= 2 && lazy.allSatisfy { $0.verifiedBlockCount == $0.blockCount })
    }

    /// A flipped byte in any block of any section: `kg check` reports it, a query's open reports it when it takes
    /// the section whole, and otherwise the section's verifier refuses exactly that block, which every read of
    /// the block checks first.
    @Test func aFlippedByteInAnyBlockIsFoundByCheckAndByTheQueryThatReadsIt() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("f.kgs")
        try Self.store().save(to: path)
        let original = dir.readBytes("f.kgs")
        let table = try original.withUnsafeBytes { try SnapshotTable($0, path: path) }
        #expect(table.version == SnapshotWriter.version)
        var flips: [(section: Int, block: Int, offset: Int)] = []
        for (i, entry) in table.entries.enumerated() where !entry.range.isEmpty {
            for block in 0..<SectionVerifier.blockCount(bytes: entry.range.count) {
                let start = entry.range.lowerBound + block * SectionVerifier.blockSize
                let end = min(start + SectionVerifier.blockSize, entry.range.upperBound)
                flips.append((i, block, (start + end) / 2))
            }
        }
        #expect(flips.count > table.entries.count + 5, "several sections span several blocks")
        var missedByCheck: [String] = [], missedByQuery: [String] = []
        let contributions = table.entries.count - 1
        for flip in flips {
            var damaged = original
            damaged[flip.offset] ^= 0x08
            dir.writeBytes(damaged, to: "f.kgs")
            let name = "\(table.entries[flip.section].name) block \(flip.block)"
            if (try? SnapshotFile.check(path)) != nil { missedByCheck.append(name) }
            guard flip.section != contributions else { continue }
            do {
                let graph = try SnapshotFile.openGraph(path)
                let sectionIndex = flip.section - SnapshotSections.leadingCount(version: SnapshotWriter.version)
                guard sectionIndex >= 0, let verifier = graph.outgoingSections[sectionIndex].verifier else {
                    missedByQuery.append(name)
                    continue
                }
                #expect(throws: KGError.self) { try verifier.verify(block: flip.block) }
                for other in 0..<verifier.blockCount where other != flip.block { try verifier.verify(block: other) }
            } catch let error as KGError {
                #expect(error.kind == .snapshotDamaged && error.message.contains(table.entries[flip.section].name)
                        || error.message.contains("block_checksums"), "\(name): \(error.message)")
            }
        }
        #expect(missedByCheck.isEmpty, "check missed \(missedByCheck.prefix(5))")
        #expect(missedByQuery.isEmpty, "queries missed \(missedByQuery.prefix(5))")
    }

    @Test func aTruncatedFileIsReportedByAQueryOpen() throws {
        let dir = TemporaryDirectory()
        try Self.store().save(to: dir.file("t.kgs"))
        let bytes = dir.readBytes("t.kgs")
        for cut in [bytes.count - 1, bytes.count - SectionVerifier.blockSize, bytes.count / 2, 700, 40, 0] {
            dir.writeBytes(Array(bytes[0..<cut]), to: "t.kgs")
            let error = #expect(throws: KGError.self) { try SnapshotFile.openGraph(dir.file("t.kgs")) }
            #expect(error?.kind == .snapshotDamaged || error?.kind == .notASnapshot, "cut \(cut): \(error?.message ?? "")")
        }
    }

    /// The summary stored in the file is the one counted from the columns, and a summary that disagrees with the
    /// graph (written with a valid checksum) is refused.
    @Test func theStoredSummaryIsTheCountedOneAndIsCheckedAgainstTheGraph() throws {
        let dir = TemporaryDirectory()
        let store = Self.store()
        try store.save(to: dir.file("s.kgs"))
        let counted = GraphSummary(counting: store.graph)
        #expect(counted.nodesPerKind.reduce(0, +) == store.graph.nodeCount && counted.hubs.count == GraphSummary.hubLimit)
        #expect(try SnapshotFile.openGraph(dir.file("s.kgs")).storedSummary == counted)
        #expect(GraphSummary(words: Column(counted.words.map { $0 } + [0]), nodes: counted.nodeCount, edges: counted.edgeCount,
                             nodeKinds: counted.nodesPerKind.count, edgeKinds: counted.edgesPerKind.count) == nil)
        var wrong = counted.words
        wrong[6] += 1
        #expect(GraphSummary(words: Column(wrong), nodes: counted.nodeCount, edges: counted.edgeCount,
                             nodeKinds: counted.nodesPerKind.count, edgeKinds: counted.edgesPerKind.count) == nil)
    }

    /// Reading a damaged block in a query ends the process with the error (what `kg` prints), never with the
    /// damaged bytes used.
    @Test func aQueryReadingADamagedBlockStopsWithTheReport() async {
        let result = await #expect(processExitsWith: .exitCode(3), observing: [\.standardErrorContent]) {
            let dir = TemporaryDirectory()
            let path = dir.file("x.kgs")
            try Self.store().save(to: path)
            var bytes = dir.readBytes("x.kgs")
            let table = try bytes.withUnsafeBytes { try SnapshotTable($0, path: path) }
            let strings = table.entries[SnapshotSections.leadingCount(version: SnapshotWriter.version)]
            bytes[strings.range.upperBound - 10] ^= 0x01          // the last block of strings.bytes
            dir.writeBytes(bytes, to: "x.kgs")
            SnapshotDamage.handler = { error in
                var text = error.description + "\n"
                text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
                exit(3)
            }
            let graph = try SnapshotFile.openGraph(path)
            for n in 0..<graph.nodeCount { _ = graph.label(n) }
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("section 'strings.bytes' is damaged in block"), "\(stderr)")
    }
}
