import PolicyCore
import Testing
@testable import PolicyStore

/// Formats 4 to 6: aligned sections used in place from the mapped file; format 3, 4 and 5 files still read.
@Suite struct SnapshotLayoutTests {
    @Test func everySectionStartsAtAMultipleOfEight() throws {
        let dir = TemporaryDirectory()
        try GraphStore(contributions: makeSyntheticContributions(nodes: 300, edgesPerNode: 3, seed: 11, files: 2)).save(to: dir.file("a.kgs"))
        let bytes = dir.readBytes("a.kgs")
        let table = try bytes.withUnsafeBytes { try SnapshotTable($0, path: "a.kgs") }
        #expect(table.version == SnapshotWriter.version)
        #expect(table.entries.allSatisfy { $0.range.lowerBound % 8 == 0 })
    }

    @Test func aMappedGraphReadsItsColumnsInPlaceAndOutlivesTheFileBeingReplaced() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("p.kgs")
        let first = GraphStore(contributions: makeSyntheticContributions(nodes: 400, edgesPerNode: 3, seed: 12, files: 2))
        try first.save(to: path)
        let mapped = try SnapshotFile.loadGraph(path)
        #expect(mapped.nodeIDs.isInPlace && mapped.outItems.isInPlace && mapped.inSources.isInPlace && mapped.strings.bytes.isInPlace
                && mapped.sourceOrdinals.isInPlace && mapped.attributeRows.payloads.isInPlace && mapped.evidenceRows.texts.isInPlace)
        // Writers rename a new file over the old one: the mapping keeps the file it opened.
        try GraphStore(contributions: makeSyntheticContributions(nodes: 50, edgesPerNode: 2, seed: 13, files: 1)).save(to: path)
        #expect(mapped == first.graph)
        for n in stride(from: 0, to: mapped.nodeCount, by: 37) { #expect(mapped.nodeRecord(n) == first.graph.nodeRecord(n)) }
        #expect(try SnapshotFile.loadGraph(path).nodeCount < mapped.nodeCount)
    }

    /// A format-3 file (no padding, so some columns are unaligned and copied), a format-4 file (no block checksums,
    /// no summary) and a format-5 file (contributions as 32-bit words) read to the same graph, summary and
    /// contributions, by a query's open too, and the next save writes the current format.
    @Test(arguments: [UInt32(3), 4, 5])
    func anOlderSnapshotIsReadAndUpgradedOnTheNextSave(version: UInt32) throws {
        let dir = TemporaryDirectory()
        let contributions = makeSyntheticContributions(nodes: 500, edgesPerNode: 3, seed: 14, files: 3)
        let store = GraphStore(contributions: contributions)
        try store.save(to: dir.file("current.kgs"))
        try Self.writeVersion5(store, to: dir.file("v5.kgs"))
        let old = version == 5 ? dir.readBytes("v5.kgs") : try Self.olderVersion(version, of: dir.readBytes("v5.kgs"))
        dir.writeBytes(old, to: "old.kgs")
        let table = try old.withUnsafeBytes { try SnapshotTable($0, path: "old.kgs") }
        #expect(table.version == version && table.entries.count == (version == 5 ? 42 : 40))
        #expect(table.entries.contains { $0.range.lowerBound % 4 != 0 } == (version == 3))

        for graph in [try SnapshotFile.loadGraph(dir.file("old.kgs")), try SnapshotFile.openGraph(dir.file("old.kgs"))] {
            #expect(graph == store.graph)
            #expect((graph.storedSummary == nil) == (version < 5) && graph.summary == store.graph.summary)
        }
        #expect(try SnapshotFile.check(dir.file("old.kgs")).version == Int(version))
        // `kg compact` rewrites an older format in the current one.
        dir.writeBytes(dir.readBytes("old.kgs"), to: "upgraded.kgs")
        #expect(try SnapshotFile.upgrade(dir.file("upgraded.kgs")) == Int(version))
        #expect(dir.readBytes("upgraded.kgs") == dir.readBytes("current.kgs"))
        #expect(try SnapshotFile.upgrade(dir.file("upgraded.kgs")) == nil)
        var loaded = try GraphStore.load(dir.file("old.kgs"))
        #expect(try loaded.contributions() == contributions)
        try loaded.checkpoint(to: dir.file("old.kgs"))
        #expect(dir.readBytes("old.kgs") == dir.readBytes("current.kgs"))
    }

    /// `store` saved as version 5 saved it: the contributions as `ContributionCodec` words.
    static func writeVersion5(_ store: GraphStore, to path: String) throws {
        var store = store
        let words = ContributionCodec.encode(try store.contributions(), strings: store.graph.strings)
        try SnapshotWriter.write(store.graph, contributions: OutgoingSection(words), to: path, version: 5)
    }

    /// The same snapshot in format 3 (sections back to back without padding) or 4 (sections at multiples of 8):
    /// the version in the header, without the sections version 5 put first.
    static func olderVersion(_ version: UInt32, of v5: [UInt8]) throws -> [UInt8] {
        let table = try v5.withUnsafeBytes { try SnapshotTable($0, path: "v5.kgs") }
        let kept = table.entries.dropFirst(SnapshotSections.leadingCount(version: 5))
        var header = Array(v5[0..<8])
        appendLE(version, to: &header)
        appendLE(UInt32(kept.count), to: &header)
        let firstKept = 16 + 16 * SnapshotSections.leadingCount(version: 5)
        header += v5[firstKept..<16 + 16 * table.entries.count]
        let crc = header.withUnsafeBytes { CRC32C.checksum($0) }
        appendLE(crc, to: &header)
        return kept.reduce(header) { file, entry in
            let start = SnapshotSections.sectionStart(after: file.count, version: version)
            return file + [UInt8](repeating: 0, count: start - file.count) + v5[entry.range]
        }
    }
}
