import PolicyCore
import Testing
@testable import PolicyQuery
@testable import PolicyStore

@Suite struct PathQueryTests {
    /// Checks that `path` is a walk from s to t over existing edges and returns its node sequence.
    func walk(_ g: Graph, _ path: [Int], from s: Int, to t: Int) -> [Int]? {
        var at = s, nodes = [s]
        for e in path {
            if g.edgeSource(e) == at { at = g.edgeTarget(e) } else if g.edgeTarget(e) == at { at = g.edgeSource(e) } else { return nil }
            nodes.append(at)
        }
        return at == t ? nodes : nil
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func shortestPathLengthsMatchBreadthFirstSearch(seed: UInt64) {
        let g = makeRandomGraph(nodes: 40, edges: 55, seed: seed)
        let adj = undirectedAdjacency(g)
        let search = ShortestPaths(graph: g, options: PathOptions(maxHops: 40))
        for s in 0..<g.nodeCount {
            let dist = bfsDistances(adj, from: s)
            for t in 0..<g.nodeCount where t != s {
                let found = search.paths(from: s, to: t)
                if let d = dist[t] {
                    #expect(found.count == 1)
                    #expect(found.first?.count == d, "\(s)->\(t)")
                    if let p = found.first { #expect(walk(g, p, from: s, to: t) != nil) }
                } else {
                    #expect(found.isEmpty)
                }
            }
        }
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func kAlternativePathsAreTheKShortestSimplePaths(seed: UInt64) {
        let g = makeRandomGraph(nodes: 14, edges: 24, seed: seed)
        let adj = undirectedAdjacency(g)
        let k = 4, maxHops = 5
        let search = ShortestPaths(graph: g, options: PathOptions(maxHops: maxHops, k: k))
        for s in 0..<g.nodeCount {
            for t in 0..<g.nodeCount where t != s {
                let expected = Array(simplePathLengths(adj, from: s, to: t, maxHops: maxHops).prefix(k))
                let found = search.paths(from: s, to: t)
                #expect(found.map(\.count) == expected, "\(s)->\(t)")
                #expect(Set(found).count == found.count)
                for p in found {
                    let nodes = walk(g, p, from: s, to: t)
                    #expect(nodes != nil && Set(nodes!).count == nodes!.count, "loopless \(s)->\(t)")
                }
            }
        }
    }

    @Test func filtersRestrictRelationsAndIntermediateKindsAndHops() {
        let g = makeRandomGraph(nodes: 40, edges: 80, seed: 21)
        let allowed = g.edgeKinds.firstIndex(of: .mentions)!
        let adj = undirectedAdjacency(g) { g.edgeKindOrdinal($0) == allowed }
        let search = ShortestPaths(graph: g, options: PathOptions(maxHops: 3, relations: [.mentions]))
        for s in 0..<10 {
            let dist = bfsDistances(adj, from: s)
            for t in 0..<g.nodeCount where t != s {
                let found = search.paths(from: s, to: t).first
                if let d = dist[t], d <= 3 {
                    #expect(found?.count == d)
                    #expect(found?.allSatisfy { g.edgeKind($0) == .mentions } == true)
                } else {
                    #expect(found == nil)
                }
            }
        }
        let kindSearch = ShortestPaths(graph: g, options: PathOptions(maxHops: 10, nodeKinds: [.agency]))
        for s in 0..<10 {
            for t in 0..<g.nodeCount where t != s {
                guard let p = kindSearch.paths(from: s, to: t).first, let nodes = walk(g, p, from: s, to: t) else { continue }
                #expect(nodes.dropFirst().dropLast().allSatisfy { g.nodeKind($0) == .agency })
            }
        }
    }

    @Test func answerReportsTrueDirectionAndEvidence() {
        var b = GraphBuilder()
        let ev = Evidence(source: "f.txt", line: 7, column: 2, byteStart: 10, byteEnd: 20, text: "甲乙联合印发")
        b.addEdge(EdgeRecord(kind: .issuedBy, source: "document:D", target: "agency:甲", evidence: [ev]))
        b.addEdge(EdgeRecord(kind: .issuedBy, source: "document:D", target: "agency:乙", evidence: [ev]))
        let g = b.freeze()
        let answer = pathQuery(g, from: g.node(withID: "agency:甲")!, to: g.node(withID: "agency:乙")!)
        #expect(answer.paths.count == 1)
        let hops = answer.paths[0]
        #expect(hops.map(\.forward) == [false, true])
        #expect(hops.map(\.relation) == ["issued_by", "issued_by"])
        #expect(hops[0].edgeSource == "document:D" && hops[0].edgeTarget == "agency:甲")
        #expect(hops[1].evidence?.location == "f.txt:7" && hops[1].evidence?.text == "甲乙联合印发")
    }

    @Test func hopCitesTheStatedRelationRatherThanAMention() {
        var b = GraphBuilder()
        let title = Evidence(source: "f.txt", line: 1, column: 1, byteStart: 0, byteEnd: 9, text: "甲关于推进丙的通知")
        let signature = Evidence(source: "f.txt", line: 40, column: 1, byteStart: 900, byteEnd: 903, text: "甲")
        // The mention is added first, so it has the smaller edge index and is what the search reaches first.
        b.addEdge(EdgeRecord(kind: .mentions, source: "document:D", target: "agency:甲", evidence: [title]))
        b.addEdge(EdgeRecord(kind: .issuedBy, source: "document:D", target: "agency:甲", evidence: [signature]))
        b.addEdge(EdgeRecord(kind: .mentions, source: "document:D", target: "programme:丙", evidence: [title]))
        let g = b.freeze()
        let hops = pathQuery(g, from: g.node(withID: "agency:甲")!, to: g.node(withID: "programme:丙")!).paths[0]
        #expect(hops.map(\.relation) == ["issued_by", "mentions"])
        #expect(hops[0].evidence?.location == "f.txt:40")
        // With issued_by filtered out, the mention is the hop.
        let mentionsOnly = pathQuery(g, from: g.node(withID: "agency:甲")!, to: g.node(withID: "programme:丙")!,
                                     options: PathOptions(relations: [.mentions])).paths[0]
        #expect(mentionsOnly.map(\.relation) == ["mentions", "mentions"])
    }
}
