import PolicyCore
import Testing
@testable import PolicyStore

@Suite struct GraphStoreTests {
    static func ev(_ file: String, _ line: Int) -> Evidence {
        Evidence(source: file, line: line, column: 1, byteStart: 0, byteEnd: 3, text: "第\(line)句")
    }

    static func fileA(hash: String = "a1", extraTarget: Bool = false) -> SourceContribution {
        var c = SourceContribution(path: "a.txt", contentHash: hash, nodes: [
            NodeRecord(id: "agency:甲", kind: .agency, label: "甲", evidence: [ev("a.txt", 1)]),
            NodeRecord(id: "document:A1", kind: .document, label: "A文件", evidence: [ev("a.txt", 2)]),
        ], edges: [
            EdgeRecord(kind: .issuedBy, source: "document:A1", target: "agency:甲", attributes: ["order": .int(1)],
                       evidence: [ev("a.txt", 2)]),
        ])
        if extraTarget {
            c.nodes.append(NodeRecord(id: "target:A", kind: .target, label: "不低于5%", evidence: [ev("a.txt", 7)]))
            c.edges.append(EdgeRecord(kind: .setsTarget, source: "document:A1", target: "target:A", evidence: [ev("a.txt", 7)]))
        }
        return c
    }

    static let fileB = SourceContribution(path: "b.txt", contentHash: "b1", nodes: [
        NodeRecord(id: "agency:甲", kind: .agency, label: "甲", aliases: ["甲机关"], evidence: [ev("b.txt", 4)]),
        NodeRecord(id: "document:B1", kind: .document, label: "B文件", evidence: [ev("b.txt", 5)]),
    ], edges: [
        EdgeRecord(kind: .issuedBy, source: "document:B1", target: "agency:甲", evidence: [ev("b.txt", 5)]),
    ])

    @Test func reingestingAnUnchangedFileChangesNothing() throws {
        var store = GraphStore()
        #expect(try store.upsert(Self.fileA()) == .added)
        #expect(try store.upsert(Self.fileB) == .added)
        let before = store.graph
        #expect(try store.upsert(Self.fileA()) == .unchanged)
        #expect(try store.upsert(contentsOf: [Self.fileB, Self.fileA()]) == [.unchanged, .unchanged])
        #expect(store.graph == before)
    }

    @Test func changedFileReplacesExactlyItsOwnContribution() throws {
        var store = GraphStore(contributions: [Self.fileA(), Self.fileB])
        #expect(try store.upsert(Self.fileA(hash: "a2", extraTarget: true)) == .replaced)
        let g = store.graph
        #expect(g.node(withID: "target:A") != nil)
        #expect(g.sources.map(\.contentHash) == ["a2", "b1"])
        #expect(try store.upsert(Self.fileA(hash: "a3")) == .replaced)
        #expect(store.graph.node(withID: "target:A") == nil)
        // Back to the original content: the graph equals a fresh build of the same files.
        try store.upsert(Self.fileA())
        #expect(store.graph == GraphStore(contributions: [Self.fileA(), Self.fileB]).graph)
    }

    @Test func removingAFileKeepsSharedNodesUntilTheirLastSource() throws {
        var store = GraphStore(contributions: [Self.fileA(), Self.fileB])
        let shared = store.graph.node(withID: "agency:甲")!
        #expect(store.graph.evidence(ofNode: shared).count == 2)
        try store.remove(path: "a.txt")
        let g = store.graph
        #expect(g.node(withID: "document:A1") == nil)
        let stillThere = try #require(g.node(withID: "agency:甲"))
        #expect(g.evidence(ofNode: stillThere).map(\.source) == ["b.txt"])
        #expect(g.aliases(stillThere) == ["甲机关"])
        #expect(g.sources.map(\.path) == ["b.txt"])
        try store.remove(path: "b.txt")
        #expect(store.graph.nodeCount == 0)
        #expect(throws: KGError.self) { try store.remove(path: "b.txt") }
    }

    @Test func graphOnlySnapshotRefusesIncrementalChanges() throws {
        let dir = TemporaryDirectory()
        try SnapshotFile.save(GraphStore(contributions: [Self.fileA()]).graph, to: dir.file("g.kgs"))
        var store = try GraphStore.load(dir.file("g.kgs"))
        #expect(store.graph.nodeCount == 2)
        let error = #expect(throws: KGError.self) { try store.upsert(Self.fileB) }
        #expect(error?.message.contains("without per-source contributions") == true)
        #expect(store.graph.nodeCount == 2)
    }

    @Test func incrementalChangesSurviveSnapshots() throws {
        let dir = TemporaryDirectory()
        let contributions = makeSyntheticContributions(nodes: 600, edgesPerNode: 3, seed: 11, files: 4)
        try GraphStore(contributions: contributions).save(to: dir.file("g.kgs"))
        var store = try GraphStore.load(dir.file("g.kgs"))
        #expect(store.contentHash(ofIdentity: contributions[2].identity) == contributions[2].contentHash)
        try store.remove(path: contributions[2].path)
        try store.save(to: dir.file("g.kgs"))
        var reloaded = try GraphStore.load(dir.file("g.kgs"))
        let expected = GraphStore(contributions: [contributions[0], contributions[1], contributions[3]])
        #expect(reloaded.graph == expected.graph)
        #expect(try reloaded.upsert(contributions[2]) == .added)
        #expect(try reloaded.upsert(contributions[0]) == .unchanged)
        #expect(reloaded.graph == GraphStore(contributions: [contributions[0], contributions[1], contributions[3], contributions[2]]).graph)
    }
}
