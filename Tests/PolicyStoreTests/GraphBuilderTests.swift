import PolicyCore
import Testing
@testable import PolicyStore

@Suite struct GraphBuilderTests {
    static func ev(_ file: String, _ line: Int, _ text: String) -> Evidence {
        Evidence(source: file, line: line, column: 1, byteStart: line * 10, byteEnd: line * 10 + text.utf8.count, text: text)
    }

    @Test func mergesNodesAndEdgesAcrossContributions() {
        var b = GraphBuilder()
        b.add(SourceContribution(path: "a.txt", contentHash: "h1", nodes: [
            NodeRecord(id: "agency:甲部", kind: .agency, label: "甲部", aliases: ["甲部委"],
                       attributes: ["level": .string("central"), "tags": .strings(["x"])], evidence: [Self.ev("a.txt", 3, "句一")]),
            NodeRecord(id: "document:D1", kind: .document, label: "关于甲的通知"),
        ], edges: [
            EdgeRecord(kind: .issuedBy, source: "document:D1", target: "agency:甲部", attributes: ["order": .int(1)],
                       evidence: [Self.ev("a.txt", 4, "句二")]),
        ]))
        b.add(SourceContribution(path: "b.txt", contentHash: "h2", nodes: [
            NodeRecord(id: "agency:甲部", kind: .agency, label: "甲部门", aliases: ["甲部委", "甲"],
                       attributes: ["tags": .strings(["y", "x"])], evidence: [Self.ev("b.txt", 9, "句三")]),
        ], edges: [
            EdgeRecord(kind: .issuedBy, source: "document:D1", target: "agency:甲部", evidence: [Self.ev("b.txt", 10, "句四")]),
            EdgeRecord(kind: .leads, source: "agency:甲部", target: "programme:乙计划"),
        ]))
        let g = b.freeze()
        #expect(g.nodeCount == 3)
        #expect(g.edgeCount == 2)
        let a = g.node(withID: "agency:甲部")!
        #expect(g.label(a) == "甲部")
        #expect(g.aliases(a) == ["甲部委", "甲部门", "甲"])
        #expect(g.attributes(ofNode: a).map(\.key) == ["level", "tags"])
        #expect(g.attribute("tags", ofNode: a) == .strings(["x", "y"]))
        #expect(g.evidence(ofNode: a).map(\.text) == ["句一", "句三"])
        #expect(g.evidence(ofNode: a)[1] == Self.ev("b.txt", 9, "句三"))
        let stub = g.node(withID: "programme:乙计划")!
        #expect(g.nodeKind(stub) == .programme)
        #expect(g.label(stub) == "乙计划")
        let d = g.node(withID: "document:D1")!
        #expect(g.outEdges(d).count == 1)
        let e = Int(g.outEdges(d).first!)
        #expect(g.edgeKind(e) == .issuedBy)
        #expect(g.edgeTarget(e) == a)
        #expect(g.edgeID(e) == "issued_by:document:D1->agency:甲部")
        #expect(g.evidence(ofEdge: e).map(\.location) == ["a.txt:4", "b.txt:10"])
        #expect(g.attribute("order", ofEdge: e) == .int(1))
        #expect(g.inEdges(a).count == 1 && g.outEdges(a).count == 1)
        #expect(g.sources == [SourceFile(path: "a.txt", contentHash: "h1"), SourceFile(path: "b.txt", contentHash: "h2")])
        #expect(g.edgeRecord(e).id == g.edgeID(e))
        #expect(g.nodeRecord(a).aliases == g.aliases(a))
    }

    @Test func identicalEvidenceIsStoredOnce() {
        var b = GraphBuilder()
        let sentence = Self.ev("s.txt", 5, "甲乙丙联合印发")
        for issuer in ["agency:甲", "agency:乙", "agency:丙"] {
            b.addEdge(EdgeRecord(kind: .issuedBy, source: "document:D", target: issuer, evidence: [sentence]))
        }
        b.addNode(NodeRecord(id: "document:D", kind: .document, label: "D", evidence: [sentence, Self.ev("s.txt", 6, "另一句")]))
        let g = b.freeze()
        #expect(g.evidenceRows.count == 2)
        #expect((0..<g.edgeCount).allSatisfy { g.evidence(ofEdge: $0) == [sentence] })
        #expect(g.evidence(ofNode: g.node(withID: "document:D")!).map(\.line) == [5, 6])
    }

    @Test func resolvesNamesAliasesAndPrefixes() {
        var b = GraphBuilder()
        b.addNode(NodeRecord(id: "agency:财政部", kind: .agency, label: "财政部"))
        b.addNode(NodeRecord(id: "programme:ppp", kind: .programme, label: "政府和社会资本合作", aliases: ["PPP"]))
        b.addNode(NodeRecord(id: "agency:财政厅A", kind: .agency, label: "江苏省财政厅"))
        b.addNode(NodeRecord(id: "agency:财政厅B", kind: .agency, label: "江苏省财政局"))
        let g = b.freeze()
        #expect(g.resolve("中华人民共和国财政部") == .found(g.node(withID: "agency:财政部")!))
        #expect(g.resolve("ＰＰＰ") == .found(g.node(withID: "programme:ppp")!))
        #expect(g.resolve("ppp") == .found(g.node(withID: "programme:ppp")!))
        #expect(g.resolve("政府和社会资本") == .found(g.node(withID: "programme:ppp")!))
        #expect(g.resolve("江苏省财政") == .ambiguous([2, 3]))
        #expect(g.resolve("国务院") == .notFound)
        #expect(g.resolve("agency:财政厅B") == .found(3))
    }

    @Test func syntheticGraphHasConsistentAdjacency() {
        let g = makeSyntheticGraph(nodes: 2000, edgesPerNode: 4, seed: 7)
        #expect(g.nodeCount == 2000)
        #expect(g.edgeCount > 7000 && g.edgeCount <= 8000)
        var outTotal = 0, inTotal = 0
        for n in 0..<g.nodeCount {
            for e in g.outEdges(n) { #expect(g.edgeSource(Int(e)) == n); outTotal += 1 }
            for e in g.inEdges(n) { #expect(g.edgeTarget(Int(e)) == n); inTotal += 1 }
            #expect(g.node(withID: g.nodeID(n)) == n)
        }
        #expect(outTotal == g.edgeCount && inTotal == g.edgeCount)
        let kinds = Set((0..<g.nodeCount).map { g.nodeKind($0) })
        #expect(kinds == [.agency, .document, .programme, .target, .region])
        let issued = (0..<g.edgeCount).filter { g.edgeKind($0) == .issuedBy }
        #expect(issued.allSatisfy { g.attribute("order", ofEdge: $0)?.intValue != nil && !g.evidence(ofEdge: $0).isEmpty })
        let again = makeSyntheticGraph(nodes: 2000, edgesPerNode: 4, seed: 7)
        #expect((0..<g.edgeCount).allSatisfy { g.edgeID($0) == again.edgeID($0) })
    }
}
