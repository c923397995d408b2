import PolicyCore
import TestSupport
import Testing
@testable import PolicyQuery
@testable import PolicyStore

@Suite struct CoissueQueryTests {
    /// Reference: for every document, its set of issuers from the edge list; count pairs.
    func bruteForce(_ g: Graph, options: CoissueOptions) -> [String: Int] {
        var issuers: [Int: Set<Int>] = [:]
        for e in 0..<g.edgeCount where g.edgeKind(e) == .issuedBy {
            issuers[g.edgeSource(e), default: []].insert(g.edgeTarget(e))
        }
        var counts: [String: Int] = [:]
        for (doc, set) in issuers where set.count >= 2 {
            guard options.admits(g.attribute("date", ofNode: doc)?.stringValue) else { continue }
            let list = set.sorted()
            for i in 0..<list.count {
                for j in (i + 1)..<list.count { counts[g.nodeID(list[i]) + "|" + g.nodeID(list[j]), default: 0] += 1 }
            }
        }
        return counts.filter { $0.value >= options.minCount }
    }

    @Test(arguments: [UInt64(3), 4, 5])
    func wholeNetworkMatchesBruteForce(seed: UInt64) {
        let g = makeSyntheticGraph(nodes: 3000, edgesPerNode: 3, seed: seed)
        for options in [CoissueOptions(), CoissueOptions(minCount: 2), CoissueOptions(from: "2018", to: "2020-06")] {
            let pairs = coissueQuery(g, options: options)
            let got = Dictionary(uniqueKeysWithValues: pairs.map { ($0.first.id + "|" + $0.second.id, $0.count) })
            #expect(got == bruteForce(g, options: options))
            #expect(!got.isEmpty)
            #expect(zip(pairs, pairs.dropFirst()).allSatisfy { $0.count >= $1.count })
            #expect(pairs.allSatisfy { $0.documents.count == $0.count })
        }
    }

    @Test func oneReadingOfTheDocumentsAnswersEveryFilterAndAgencyAsAFreshQueryDoes() {
        let g = makeSyntheticGraph(nodes: 3000, edgesPerNode: 3, seed: 6)
        let documents = CoissuedDocuments(g)
        let filters = [CoissueOptions(), CoissueOptions(minCount: 2), CoissueOptions(from: "2019", to: "2021-06"),
                       CoissueOptions(from: "2020", includeUndated: true)]
        let agencies = (0..<g.nodeCount).filter { g.nodeKind($0) == .agency }.prefix(5)
        for options in filters {
            let network = coissueQuery(g, documents: documents, options: options)
            #expect(network == coissueQuery(g, options: options))
            // Ranked by count, then by the two ids (as strings).
            #expect(zip(network, network.dropFirst()).allSatisfy { ($1.count, $0.first.id, $0.second.id) < ($0.count, $1.first.id, $1.second.id) })
            for agency in agencies {
                #expect(coissueQuery(g, documents: documents, agency: agency, options: options) == coissueQuery(g, agency: agency, options: options))
            }
        }
        #expect(undatedCoissuedDocumentCount(documents) == undatedCoissuedDocumentCount(g))
    }

    /// The pair index (grouped once, counted per filter) gives `coissueQuery`'s pairs in its order, and each agency's
    /// distinct co-issued documents over the kept pairs.
    @Test func thePairIndexAnswersEveryFilterAsTheQueryDoes() {
        let g = makeSyntheticGraph(nodes: 3000, edgesPerNode: 3, seed: 8)
        var generator = SeededGenerator(seed: 8)
        let documents = CoissuedDocuments(g)
        let filters = [CoissueOptions(), CoissueOptions(minCount: 2), CoissueOptions(from: "2019", to: "2021-06"),
                       CoissueOptions(from: "2020", minCount: 2, includeUndated: true), CoissueOptions(to: "2019")]
        let agencies = (0..<g.nodeCount).filter { g.nodeKind($0) == .agency }.prefix(4)
        for agency in [nil] + agencies.map(Optional.some) {
            let index = CoissuePairIndex(g, documents: agency.map { CoissuedDocuments(g, agency: $0) } ?? documents, agency: agency)
            for options in filters {
                let expected = coissueQuery(g, agency: agency, options: options)
                let kept = index.ranked(options)
                #expect(kept.map { index.coissuePair(g, $0, options: options) } == expected)
                // …and those are the pairs a count over the edge list finds (coissueQuery reads the index itself).
                let counted = Dictionary(uniqueKeysWithValues: kept.map { r -> (String, Int) in
                    let (a, b) = index.agencies(r)
                    return (g.nodeID(min(a, b)) + "|" + g.nodeID(max(a, b)), r.count)
                })
                let reference = bruteForce(g, options: options).filter { key, _ in
                    agency.map { key.split(separator: "|").contains(Substring(g.nodeID($0))) } ?? true
                }
                #expect(counted == reference)
                // A page of the unordered list, ranked by the partial sort, is that page of the ranked list.
                let unordered = index.kept(options).shuffled(using: &generator)
                for page in [0..<5, 5..<15, 0..<expected.count + 3] {
                    let got = CoissuePairIndex.inRankOrder(unordered, page).map { index.coissuePair(g, $0, options: options) }
                    #expect(got == Array(expected[min(page.lowerBound, expected.count)..<min(page.upperBound, expected.count)]))
                }
                var distinct: [String: Set<String>] = [:]
                for pair in expected {
                    for d in pair.documents { distinct[pair.first.id, default: []].insert(d.id); distinct[pair.second.id, default: []].insert(d.id) }
                }
                let counts = index.documentCounts(kept, options: options)
                #expect(Dictionary(uniqueKeysWithValues: counts.map { (g.nodeID($0.node), $0.count) }) == distinct.mapValues(\.count))
                // The most co-issuing agencies, as a full sort by count then id would rank them.
                let sorted = counts.map { (node: $0.node, id: g.nodeID($0.node), count: $0.count) }
                    .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
                for limit in [1, 3, 10, counts.count + 2] {
                    #expect(index.mostCoissuing(counts.shuffled(using: &generator), limit: limit).map(\.node) == sorted.prefix(limit).map(\.node))
                }
            }
        }
        #expect(!coissueQuery(g, options: CoissueOptions(minCount: 2)).isEmpty)
    }

    @Test func singleAgencyListsItsPartners() {
        let g = makeSyntheticGraph(nodes: 3000, edgesPerNode: 3, seed: 9)
        let reference = bruteForce(g, options: CoissueOptions())
        let agency = (0..<g.nodeCount).first { n in g.nodeKind(n) == .agency && reference.keys.contains { $0.hasPrefix(g.nodeID(n) + "|") || $0.hasSuffix("|" + g.nodeID(n)) } }!
        let id = g.nodeID(agency)
        let pairs = coissueQuery(g, agency: agency)
        #expect(pairs.allSatisfy { $0.first.id == id })
        var expected: [String: Int] = [:]
        for (key, count) in reference {
            let parts = key.split(separator: "|").map(String.init)
            if parts[0] == id { expected[parts[1]] = count } else if parts[1] == id { expected[parts[0]] = count }
        }
        #expect(Dictionary(uniqueKeysWithValues: pairs.map { ($0.second.id, $0.count) }) == expected)
    }

    @Test func dateRangeIsInclusiveAndPrefixAware() {
        let o = CoissueOptions(from: "2020-03", to: "2021")
        #expect(o.admits("2020-03-01"))
        #expect(o.admits("2020-03"))
        #expect(o.admits("2021-12-31"))
        #expect(!o.admits("2020-02-28"))
        #expect(!o.admits("2022-01"))
        #expect(!o.admits(nil))
        #expect(CoissueOptions().admits(nil))
    }
}
