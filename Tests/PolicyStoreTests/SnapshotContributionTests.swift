import PolicyCore
import Testing
@testable import PolicyStore

/// Format 6: the per-source contributions refer to the rows of the graph built from them (`GraphContributionCodec`).
@Suite struct SnapshotContributionTests {
    /// Records that differ from what the graph holds for them: a node restated with another kind, label and
    /// attributes, list attributes the graph unites, every attribute type, evidence no row holds exactly (a line
    /// past 32 bits, an end before the start), an edge to a node nobody declares, a node with more than 32 outgoing
    /// edges some of which a later source restates, and a source that states nothing.
    static func unusualContributions() -> [SourceContribution] {
        func said(_ file: String, _ line: Int, _ text: String) -> Evidence {
            Evidence(source: file, line: line, column: 3, byteStart: 40 * line, byteEnd: 40 * line + text.utf8.count, text: text)
        }
        var a = SourceContribution(path: "notices/a.txt", identity: "/data/notices/a.txt", contentHash: "aa01")
        a.nodes = [
            NodeRecord(id: "agency:示例市财政局", kind: .agency, label: "示例市财政局", aliases: ["市财政局"],
                       attributes: ["level": .string("municipal"), "tags": .strings(["财政", "预算"]), "weight": .double(3.25),
                                    "listed": .bool(true), "rank": .int(-7), "note": .null],
                       evidence: [said("notices/a.txt", 1, "示例市财政局印发。")]),
            NodeRecord(id: "document:示财〔2024〕1号", kind: .document, label: "关于预算管理的通知",
                       attributes: ["date": .string("2024-01-05")],
                       evidence: [said("notices/a.txt", 2, "关于预算管理的通知"),
                                  Evidence(source: "notices/a.txt", line: Int(Int32.max) + 9, column: 1, byteStart: 90, byteEnd: 70, text: "越界")]),
        ]
        a.edges = [
            EdgeRecord(kind: .issuedBy, source: "document:示财〔2024〕1号", target: "agency:示例市财政局", attributes: ["order": .int(1)],
                       evidence: [said("notices/a.txt", 1, "示例市财政局印发。")]),
            EdgeRecord(kind: .mentions, source: "document:示财〔2024〕1号", target: "programme:未声明的项目"),
        ]
        for k in 0..<40 {
            a.edges.append(EdgeRecord(kind: .leads, source: "agency:示例市财政局", target: "programme:项目\(k)",
                                      evidence: [said("notices/a.txt", 100 + k, "由市财政局牵头。")]))
        }
        var b = SourceContribution(path: "notices/b.txt", identity: "/data/notices/b.txt", contentHash: "bb02", ordinal: 7)
        b.nodes = [
            NodeRecord(id: "agency:示例市财政局", kind: .organization, label: "示例市财政局（本级）",
                       attributes: ["level": .string("district"), "tags": .strings(["预算", "国库"])],
                       evidence: [said("notices/b.txt", 4, "示例市财政局会同有关部门。"), said("notices/a.txt", 1, "示例市财政局印发。")]),
            NodeRecord(id: "programme:项目3", kind: .programme, label: "第三项目"),
        ]
        b.edges = [
            EdgeRecord(kind: .issuedBy, source: "document:示财〔2024〕1号", target: "agency:示例市财政局", attributes: ["order": .int(1)]),
            EdgeRecord(kind: .leads, source: "agency:示例市财政局", target: "programme:项目38", attributes: ["share": .double(-.infinity)],
                       evidence: [said("notices/b.txt", 9, "继续牵头。")]),
            EdgeRecord(kind: .leads, source: "agency:示例市财政局", target: "programme:项目5"),
            EdgeRecord(kind: .cites, source: "document:示财〔2024〕1号", target: "document:示财〔2023〕9号"),
        ]
        let c = SourceContribution(path: "notices/c.txt", identity: "/data/notices/c.txt", contentHash: "cc03", ordinal: 8)
        return [a, b, c]
    }

    @Test func unusualRecordsRoundTripExactly() throws {
        let dir = TemporaryDirectory()
        let contributions = Self.unusualContributions()
        let store = GraphStore(contributions: contributions)
        try store.save(to: dir.file("u.kgs"))
        var loaded = try GraphStore.load(dir.file("u.kgs"))
        #expect(loaded.graph == store.graph)
        #expect(try loaded.contributions() == contributions)
        #expect(try SnapshotFile.check(dir.file("u.kgs")).sources == 3)

        // Saved again unchanged, the section is written as it was read; changed, it is encoded again.
        let first = dir.readBytes("u.kgs")
        try GraphStore.load(dir.file("u.kgs")).save(to: dir.file("again.kgs"))
        #expect(dir.readBytes("again.kgs") == first)
        var changed = contributions
        changed[0].edges.removeLast(3)
        try loaded.upsert(contentsOf: [SourceContribution(path: "notices/a.txt", identity: "/data/notices/a.txt", contentHash: "aa99",
                                                          nodes: changed[0].nodes, edges: changed[0].edges)])
        try loaded.save(to: dir.file("changed.kgs"))
        var reloaded = try GraphStore.load(dir.file("changed.kgs"))
        #expect(try reloaded.contributions().map(\.edges) == changed.map(\.edges))
        #expect(reloaded.graph == loaded.graph)
    }

    /// The contributions cost a few bytes per edge, not the ~98 of format 5's words.
    @Test func theSectionIsSmallAndTheFileUnder120BytesPerEdge() throws {
        let dir = TemporaryDirectory()
        let store = GraphStore(contributions: makeSyntheticContributions(nodes: 5000, edgesPerNode: 4, seed: 3, files: 4))
        try store.save(to: dir.file("v6.kgs"))
        try SnapshotLayoutTests.writeVersion5(store, to: dir.file("v5.kgs"))
        func contributionBytes(_ name: String) throws -> Int {
            try dir.readBytes(name).withUnsafeBytes { try SnapshotTable($0, path: name).entries.last!.range.count }
        }
        let edges = store.graph.edgeCount
        let v5 = try contributionBytes("v5.kgs"), v6 = try contributionBytes("v6.kgs")
        #expect(Double(v6) / Double(edges) < 8, "\(v6) bytes for \(edges) edges")
        #expect(v6 * 10 < v5)
        #expect(Double(dir.readBytes("v6.kgs").count) / Double(edges) <= 120)
    }

    /// A contributions section whose checksums hold but whose content does not fit the graph (cut short, longer,
    /// any byte changed and the checksums written again, or the section of another graph) is reported as damage by
    /// the commands that decode it, never a crash, and the file is kept.
    @Test func aSectionThatDoesNotFitItsGraphIsReportedNeverUsed() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("m.kgs")
        let store = GraphStore(contributions: Self.unusualContributions())
        let bytes = try #require(GraphContributionCodec.encode(Self.unusualContributions(), graph: store.graph))
        let other = GraphStore(contributions: makeSyntheticContributions(nodes: 60, edgesPerNode: 2, seed: 5, files: 2)).graph

        func decodeFails(_ section: [UInt8], with graph: Graph) throws -> Bool {
            try SnapshotWriter.write(graph, contributions: OutgoingSection(section), to: path)
            let written = dir.readBytes("m.kgs")
            defer { #expect(dir.readBytes("m.kgs") == written) }
            do {
                var loaded = try GraphStore.load(path)
                _ = try loaded.contributions()
            } catch let error as KGError {
                #expect(error.kind == .snapshotDamaged && error.message.contains("'contributions' is malformed"), "\(error.message)")
                #expect(throws: KGError.self) { try SnapshotFile.check(path) }
                return true
            }
            return false
        }
        #expect(try decodeFails(Array(bytes.dropLast()), with: store.graph))
        #expect(try decodeFails(bytes + [0], with: store.graph))
        #expect(try decodeFails(bytes, with: other))
        var undetected = 0
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 0x41
            do {
                _ = try changed.withUnsafeBufferPointer { try GraphContributionCodec.decode($0, graph: store.graph, path: path) }
                undetected += 1
            } catch let error as KGError {
                #expect(error.kind == .snapshotDamaged)
            }
        }
        // A changed byte may still name valid rows (another string, another node); most do not fit.
        #expect(undetected * 4 < bytes.count, "\(undetected) of \(bytes.count)")
    }

    /// Contributions saved beside a graph that holds them in another order (as an older builder might have built
    /// it) still come back exactly: evidence the rows do not hold in order is written inline, or the graph built
    /// from them is saved instead.
    @Test func contributionsBesideAGraphBuiltInAnotherOrderRoundTrip() throws {
        let dir = TemporaryDirectory()
        // (Ordinals 0: the graph's sources stand in the other order too.)
        let contributions = (makeSyntheticContributions(nodes: 400, edgesPerNode: 3, seed: 17, files: 3) + Self.unusualContributions())
            .map { c in var c = c; c.ordinal = 0; return c }
        let store = GraphStore(contributions: contributions)
        let reordered = GraphStore(contributions: contributions.reversed()).graph
        #expect(reordered != store.graph)
        let words = ContributionCodec.encode(contributions, strings: reordered.strings)
        try SnapshotWriter.write(reordered, contributions: OutgoingSection(words), to: dir.file("o.kgs"), version: 5)
        try GraphStore.load(dir.file("o.kgs")).save(to: dir.file("o.kgs"))
        #expect(try SnapshotFile.check(dir.file("o.kgs")).version == Int(SnapshotWriter.version))
        var loaded = try GraphStore.load(dir.file("o.kgs"))
        #expect(try loaded.contributions() == contributions)
        #expect(loaded.graph == reordered || loaded.graph == store.graph)
    }
}
