import PolicyCore
import Testing
@testable import PolicyExtraction

@Suite struct ContributionBuilderTests {
    func evidence(_ start: Int) -> Evidence {
        Evidence(source: "a.txt", line: 1, column: start + 1, byteStart: start, byteEnd: start + 3, text: "句子")
    }

    @Test func aliasesAreKeptOnceByBytesAndByCanonicalEquivalence() {
        var b = ContributionBuilder()
        let slot = b.addNode(slot: nil, id: "agency:国家发展和改革委员会", kind: .agency, label: "国家发展和改革委员会",
                             aliases: ["国家发展改革委", "国家发展改革委", "国家发展和改革委员会"], evidence: nil)
        b.addNode(id: "agency:国家发展和改革委员会", kind: .agency, label: "国家发展和改革委员会", aliases: ["发改委", "国家发展改革委"], evidence: nil)
        #expect(b.nodes[slot].aliases == ["国家发展改革委", "发改委"])
        #expect(b.hasName("发改委", slot: slot))
        #expect(b.hasName("国家发展和改革委员会", slot: slot))
        #expect(!b.hasName("国家发改委", slot: slot))
        // "é" precomposed and decomposed are one name; a decomposed alias is dropped when the precomposed one exists.
        let other = b.addNode(slot: nil, id: "organization:Café", kind: .organization, label: "Café", aliases: ["Cafe\u{301}", "CAFÉ"], evidence: nil)
        #expect(b.nodes[other].aliases == ["CAFÉ"])
    }

    @Test func evidenceIsCappedAndNotRepeated() {
        var b = ContributionBuilder()
        for k in 0..<(ContributionBuilder.maxNodeEvidence + 5) {
            b.addNode(id: "region:110000", kind: .region, label: "北京市", evidence: evidence(k * 3))
            b.addNode(id: "region:110000", kind: .region, label: "北京市", evidence: evidence(k * 3))
        }
        #expect(b.nodes[0].evidence.count == ContributionBuilder.maxNodeEvidence)
        #expect(!b.wantsEvidence(nodeSlot: b.nodeSlot("region:110000")))
        let first = b.addEdge(slot: nil, .mentions, from: "document:x", to: "region:110000", evidence: evidence(0))
        #expect(first == 0)
        #expect(b.edgeSlot(.mentions, from: "document:x", to: "region:110000") == 0)
        #expect(b.addEdge(slot: nil, .mentions, from: "region:110000", to: "region:110000", evidence: nil) == nil)
        // An edge to a node that was never added is dropped when the contribution is finished.
        b.addEdge(.mentions, from: "document:x", to: "region:999999", evidence: evidence(9))
        #expect(b.finishedEdges().isEmpty)
        b.addNode(id: "document:x", kind: .document, label: "x", evidence: nil)
        #expect(b.finishedEdges().map(\.target) == ["region:110000"])
    }
}
