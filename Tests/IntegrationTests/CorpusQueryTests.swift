import Foundation
import PolicyCore
import PolicyQuery
import PolicyStore
import Testing

/// Questions users ask, on the graph of the real corpus in ../shared/corpus.
@Suite struct CorpusQueryTests {
    static let graph: Graph? = {
        guard let dir = Pipeline.corpusDirectory else { return nil }
        return try? Pipeline.graph(of: dir, displayPrefix: dir.path)
    }()

    @Test func financeMinistryReachesPPPWithEvidenceOnEveryHop() throws {
        guard let graph = Self.graph else {
            Issue.record("../shared/corpus is missing")
            return
        }
        let from = try NameLookup.node("财政部", in: graph)
        let to = try NameLookup.node("PPP", in: graph)
        #expect(graph.nodeKind(to) == .programme)
        let answer = pathQuery(graph, from: from, to: to)
        let path = try #require(answer.paths.first)
        #expect(!path.isEmpty)
        for hop in path {
            let evidence = try #require(hop.evidence, "hop \(hop.relation) has no evidence")
            #expect(evidence.location.contains(".txt:"), "evidence must cite file:line, got \(evidence.location)")
            #expect(!evidence.text.isEmpty)
        }
    }

    @Test func coissueListsTheJointNoticesOfTheCorpus() throws {
        guard let graph = Self.graph else {
            Issue.record("../shared/corpus is missing")
            return
        }
        let pairs = coissueQuery(graph)
        #expect(!pairs.isEmpty)
        // The four-office joint notice on government procurement from poverty-relief areas names its issuers in
        // its title; every pair of them must be listed with that document.
        let offices = ["财政部办公厅", "农业农村部办公厅", "国家乡村振兴局综合司", "中华全国供销合作总社办公厅"]
        for i in 0..<offices.count {
            for j in (i + 1)..<offices.count {
                let pair = pairs.first { Set([$0.first.label, $0.second.label]) == Set([offices[i], offices[j]]) }
                #expect(pair != nil, "missing co-issuing pair \(offices[i]) / \(offices[j])")
                #expect(pair?.documents.contains { $0.docNumber == "财办库〔2022〕273号" } == true)
            }
        }
    }
}
