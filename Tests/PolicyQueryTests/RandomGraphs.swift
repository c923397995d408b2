import PolicyCore
@testable import PolicyStore

/// Small random graphs with parallel edges, self-loops and several kinds, for brute-force comparisons.
func makeRandomGraph(nodes: Int, edges: Int, seed: UInt64) -> Graph {
    var rng = SeededRandom(seed: seed)
    let kinds: [NodeKind] = [.agency, .document, .programme, .region]
    let relations: [EdgeKind] = [.issuedBy, .mentions, .cites, .partOf]
    var b = GraphBuilder()
    for i in 0..<nodes {
        b.addNode(NodeRecord(id: "n\(i)", kind: kinds[i % kinds.count], label: "节点\(i)"))
    }
    for _ in 0..<edges {
        let s = rng.below(nodes), t = rng.below(nodes)
        b.addEdge(EdgeRecord(kind: relations[rng.below(relations.count)], source: "n\(s)", target: "n\(t)",
                             evidence: [Evidence(source: "r.txt", line: s + 1, column: 1, byteStart: 0, byteEnd: 1, text: "句")]))
    }
    return b.freeze()
}

/// Undirected adjacency as (edge, other end) lists, honouring an edge filter.
func undirectedAdjacency(_ g: Graph, allow: (Int) -> Bool = { _ in true }) -> [[(edge: Int, other: Int)]] {
    var adj = [[(edge: Int, other: Int)]](repeating: [], count: g.nodeCount)
    for e in 0..<g.edgeCount where allow(e) {
        let s = g.edgeSource(e), t = g.edgeTarget(e)
        adj[s].append((e, t))
        if s != t { adj[t].append((e, s)) }
    }
    return adj
}

/// Breadth-first distances from `source` (nil: unreachable).
func bfsDistances(_ adj: [[(edge: Int, other: Int)]], from source: Int) -> [Int?] {
    var dist = [Int?](repeating: nil, count: adj.count)
    dist[source] = 0
    var queue = [source], head = 0
    while head < queue.count {
        let u = queue[head]; head += 1
        for (_, v) in adj[u] where dist[v] == nil {
            dist[v] = dist[u]! + 1
            queue.append(v)
        }
    }
    return dist
}

/// Lengths of all loopless paths (as edge sequences) from `s` to `t` with at most `maxHops` edges.
func simplePathLengths(_ adj: [[(edge: Int, other: Int)]], from s: Int, to t: Int, maxHops: Int) -> [Int] {
    var lengths: [Int] = []
    var onPath = [Bool](repeating: false, count: adj.count)
    func dfs(_ u: Int, _ depth: Int) {
        if u == t { lengths.append(depth); return }
        if depth == maxHops { return }
        onPath[u] = true
        for (_, v) in adj[u] where !onPath[v] { dfs(v, depth + 1) }
        onPath[u] = false
    }
    dfs(s, 0)
    return lengths.sorted()
}
