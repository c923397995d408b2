import PolicyCore
import Testing
@testable import PolicyStore

/// Format 4: aligned sections used in place from the mapped file; format 3 files still read.
@Suite struct SnapshotLayoutTests {
    @Test func everySectionStartsAtAMultipleOfEight() throws {
        let dir = TemporaryDirectory()
        try GraphStore(contributions: makeSyntheticContributions(nodes: 300, edgesPerNode: 3, seed: 11, files: 2)).save(to: dir.file("a.kgs"))
        let bytes = dir.readBytes("a.kgs")
        let table = try bytes.withUnsafeBytes { try SnapshotTable($0, path: "a.kgs") }
        #expect(table.version == 4)
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

    /// A format-3 file (no padding, so some columns are unaligned and copied) reads to the same graph and
    /// contributions, and the next save writes format 4.
    @Test func aVersionThreeSnapshotIsReadAndUpgradedOnTheNextSave() throws {
        let dir = TemporaryDirectory()
        let contributions = makeSyntheticContributions(nodes: 500, edgesPerNode: 3, seed: 14, files: 3)
        let store = GraphStore(contributions: contributions)
        try store.save(to: dir.file("v4.kgs"))
        dir.writeBytes(try Self.versionThree(of: dir.readBytes("v4.kgs")), to: "v3.kgs")
        let v3 = try dir.readBytes("v3.kgs").withUnsafeBytes { try SnapshotTable($0, path: "v3.kgs") }
        #expect(v3.version == 3 && v3.entries.contains { $0.range.lowerBound % 4 != 0 })

        #expect(try SnapshotFile.loadGraph(dir.file("v3.kgs")) == store.graph)
        #expect(try SnapshotFile.check(dir.file("v3.kgs")).version == 3)
        var loaded = try GraphStore.load(dir.file("v3.kgs"))
        #expect(try loaded.contributions() == contributions)
        try loaded.save(to: dir.file("v3.kgs"))
        #expect(dir.readBytes("v3.kgs") == dir.readBytes("v4.kgs"))
    }

    /// The same snapshot in format 3: version 3 in the header, sections back to back without padding.
    static func versionThree(of v4: [UInt8]) throws -> [UInt8] {
        let table = try v4.withUnsafeBytes { try SnapshotTable($0, path: "v4.kgs") }
        var header = Array(v4[0..<12])
        header[8] = 3
        let tableEnd = 16 + 16 * table.entries.count
        header += v4[12..<tableEnd]
        let crc = header.withUnsafeBytes { CRC32C.checksum($0) }
        appendLE(crc, to: &header)
        return table.entries.reduce(header) { $0 + v4[$1.range] }
    }
}
