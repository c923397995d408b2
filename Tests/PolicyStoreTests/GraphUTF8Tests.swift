import PolicyCore
import Testing
import TestSupport
@testable import PolicyStore

/// The byte-level reads lend exactly the bytes of the `String` reads, in memory and from a mapped snapshot.
@Suite struct GraphUTF8Tests {
    static func bytes(_ read: ((UnsafeBufferPointer<UInt8>) -> [UInt8]) -> [UInt8]) -> [UInt8] { read { Array($0) } }

    static func expectSameAsStrings(_ graph: Graph) {
        for n in 0..<graph.nodeCount {
            #expect(bytes { graph.withNodeIDUTF8(n, $0) } == Array(graph.nodeID(n).utf8))
            #expect(bytes { graph.withLabelUTF8(n, $0) } == Array(graph.label(n).utf8))
            expectSameRecords(graph, graph.evidenceRecords(ofNode: n), graph.evidence(ofNode: n))
        }
        for e in 0..<graph.edgeCount {
            expectSameRecords(graph, graph.evidenceRecords(ofEdge: e), graph.evidence(ofEdge: e))
        }
    }

    static func expectSameRecords(_ graph: Graph, _ records: Range<Int>, _ evidence: [Evidence]) {
        #expect(records.count == evidence.count)
        for (record, ev) in zip(records, evidence) {
            #expect(graph.evidenceLine(record) == ev.line)
            #expect(bytes { graph.withEvidenceSourceUTF8(record, $0) } == Array(ev.source.utf8))
            #expect(bytes { graph.withEvidenceTextUTF8(record, $0) } == Array(ev.text.utf8))
        }
    }

    @Test("ids, names and evidence as bytes equal the String reads of a built graph")
    func builtGraph() {
        let graph = makeSyntheticGraph(nodes: 400, edgesPerNode: 3, seed: 7)
        #expect(graph.edgeCount > 0)
        Self.expectSameAsStrings(graph)
    }

    @Test("the same reads on a snapshot loaded whole and on one opened lazily (blocks read as touched)",
          arguments: [false, true])
    func snapshotFromDisk(lazily: Bool) throws {
        let dir = TemporaryDirectory()
        let file = dir.file("g.kgs")
        let contributions = [GraphStoreTests.fileA(extraTarget: true), GraphStoreTests.fileB]
        try GraphStore(contributions: contributions).save(to: file)
        let graph = try lazily ? SnapshotFile.openGraph(file) : SnapshotFile.loadGraph(file)
        #expect(graph.nodeCount == 4)
        Self.expectSameAsStrings(graph)
    }
}
