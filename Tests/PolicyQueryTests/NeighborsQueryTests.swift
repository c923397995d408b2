import PolicyCore
import Testing
@testable import PolicyQuery
@testable import PolicyStore

/// `kg neighbors`: every row states the fact it walked in the fact's own direction.
@Suite struct NeighborsQueryTests {
    /// 司 part_of 部, 部 part_of 院, 文 issued_by 部.
    private func graph() -> Graph {
        var b = GraphBuilder()
        let evidence = [Evidence(source: "t.txt", line: 1, column: 1, byteStart: 0, byteEnd: 3, text: "x")]
        for (id, kind) in [("agency:司", NodeKind.agency), ("agency:部", .agency), ("agency:院", .agency), ("document:文", .document)] {
            b.addNode(NodeRecord(id: id, kind: kind, label: String(id.split(separator: ":")[1]), evidence: evidence))
        }
        b.addEdge(EdgeRecord(kind: .partOf, source: "agency:司", target: "agency:部", evidence: evidence))
        b.addEdge(EdgeRecord(kind: .partOf, source: "agency:部", target: "agency:院", evidence: evidence))
        b.addEdge(EdgeRecord(kind: .issuedBy, source: "document:文", target: "agency:部", evidence: evidence))
        return b.freeze()
    }

    @Test func rowsReadInTheDirectionOfTheFact() throws {
        let g = graph()
        let ministry = try #require(g.node(withID: "agency:部"))
        let rows = neighborsQuery(g, of: ministry)
        let facts = Set(rows.map { "\($0.fact.subject.label) \($0.fact.relation) \($0.fact.object.label)" })
        #expect(facts == ["司 part_of 部", "部 part_of 院", "文 issued_by 部"])
        // Walked from 部: the edge to 院 runs forward, those from 司 and 文 run towards 部.
        #expect(rows.first { $0.node.label == "院" }?.forward == true)
        #expect(rows.first { $0.node.label == "司" }?.forward == false)
        // The same fact seen from its other end reads the same.
        let bureau = try #require(g.node(withID: "agency:司"))
        let fromBureau = neighborsQuery(g, of: bureau)
        #expect(fromBureau.map { "\($0.fact.subject.label) \($0.fact.relation) \($0.fact.object.label)" } == ["司 part_of 部"])
    }

    @Test func depthTwoReachesThroughTheMiddle() throws {
        let g = graph()
        let bureau = try #require(g.node(withID: "agency:司"))
        let rows = neighborsQuery(g, of: bureau, depth: 2)
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.node.label, $0.distance) }) == ["部": 1, "院": 2, "文": 2])
        #expect(rows.first { $0.node.label == "院" }?.via.label == "部")
    }
}
