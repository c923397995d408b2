import PolicyCore
import PolicyStore

/// Limits on path search.
public struct PathOptions: Sendable {
    /// Longest path considered, in edges.
    public var maxHops: Int
    /// Only edges of these kinds (nil: all).
    public var relations: Set<EdgeKind>?
    /// Only intermediate nodes of these kinds (nil: all); the endpoints are always allowed.
    public var nodeKinds: Set<NodeKind>?
    /// Number of alternative loopless paths wanted (shortest first).
    public var k: Int

    public init(maxHops: Int = 6, relations: Set<EdgeKind>? = nil, nodeKinds: Set<NodeKind>? = nil, k: Int = 1) {
        self.maxHops = maxHops
        self.relations = relations
        self.nodeKinds = nodeKinds
        self.k = k
    }
}

/// Shortest paths in the graph's undirected view (edges may be walked against their direction).
/// Paths are sequences of edge indices; ties are broken deterministically (smallest indices first).
public struct ShortestPaths {
    let graph: Graph
    let options: PathOptions
    let edgeAllowed: [Bool]
    let nodeKindAllowed: [Bool]

    public init(graph: Graph, options: PathOptions) {
        self.graph = graph
        self.options = options
        edgeAllowed = graph.edgeKinds.map { options.relations?.contains($0) ?? true }
        nodeKindAllowed = graph.nodeKinds.map { options.nodeKinds?.contains($0) ?? true }
    }

    /// Up to `options.k` loopless paths from `source` to `target`, shortest first (Yen's algorithm).
    public func paths(from source: Int, to target: Int) -> [[Int]] {
        guard source != target else { return [[]] }
        guard let first = shortest(from: source, to: target, bannedNodes: [], bannedEdges: []) else { return [] }
        var found: [[Int]] = [first]
        var candidates: [[Int]] = []
        var seen: Set<[Int]> = [first]
        while found.count < options.k, !QueryDeadline.hasPassed {   // (past the deadline the paths are discarded)
            let previous = found[found.count - 1]
            let previousNodes = nodes(of: previous, from: source)
            for i in 0..<previous.count {
                let spur = previousNodes[i]
                let root = Array(previous[0..<i])
                var bannedEdges = Set<Int32>()
                for p in found where p.count > i && Array(p[0..<i]) == root { bannedEdges.insert(Int32(p[i])) }
                let bannedNodes = Set(previousNodes[0..<i].map(Int32.init))
                guard let tail = shortest(from: spur, to: target, bannedNodes: bannedNodes, bannedEdges: bannedEdges,
                                          hopBudget: options.maxHops - i) else { continue }
                let candidate = root + tail
                if seen.insert(candidate).inserted { candidates.append(candidate) }
            }
            guard !candidates.isEmpty else { break }
            candidates.sort { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
            found.append(candidates.removeFirst())
        }
        return found
    }

    /// Of the allowed edges joining `a` and `b` (either direction), the one that says most: any stated relation
    /// (issued_by, leads, sets_target …) before a bare `mentions`; the smallest index among equals.
    public func mostSpecificEdge(between a: Int, and b: Int) -> Int? {
        var best: (rank: Int, edge: Int)? = nil
        func consider(_ e: Int) {
            guard edgeAllowed[graph.edgeKindOrdinal(e)] else { return }
            let rank = graph.edgeKind(e) == .mentions ? 1 : 0
            if best.map({ (rank, e) < ($0.rank, $0.edge) }) ?? true { best = (rank, e) }
        }
        for e in graph.outEdges(a) where graph.edgeTarget(Int(e)) == b { consider(Int(e)) }
        for e in graph.inEdges(a) where graph.edgeSource(Int(e)) == b { consider(Int(e)) }
        return best?.edge
    }

    /// The nodes along `path` starting at `source` (count + 1 nodes).
    public func nodes(of path: [Int], from source: Int) -> [Int] {
        var out = [source]
        var at = source
        for e in path {
            at = graph.edgeSource(e) == at ? graph.edgeTarget(e) : graph.edgeSource(e)
            out.append(at)
        }
        return out
    }

    /// One shortest path by bidirectional breadth-first search, or nil if none within the hop budget.
    func shortest(from source: Int, to target: Int, bannedNodes: Set<Int32>, bannedEdges: Set<Int32>,
                  hopBudget: Int? = nil) -> [Int]? {
        let budget = hopBudget ?? options.maxHops
        if source == target { return [] }
        if budget <= 0 || bannedNodes.contains(Int32(source)) || bannedNodes.contains(Int32(target)) { return nil }
        return graph.withAdjacency { adj -> [Int]? in
            let s = Int32(source), t = Int32(target)
            // The edge each reached node was reached by (-1 for the roots), per side.
            var forward = NodeMap(), backward = NodeMap()
            forward.set(s, -1)
            backward.set(t, -1)
            var forwardFrontier: [Int32] = [s], backwardFrontier: [Int32] = [t]
            var forwardDepth = 0, backwardDepth = 0
            var meets: [Int32] = []
            while !forwardFrontier.isEmpty && !backwardFrontier.isEmpty && forwardDepth + backwardDepth < budget, !QueryDeadline.hasPassed {
                if degreeSum(adj, forwardFrontier) <= degreeSum(adj, backwardFrontier) {
                    forwardFrontier = expand(adj, forwardFrontier, reached: &forward, other: backward, meets: &meets,
                                             bannedNodes: bannedNodes, bannedEdges: bannedEdges, endpoint: t)
                    forwardDepth += 1
                } else {
                    backwardFrontier = expand(adj, backwardFrontier, reached: &backward, other: forward, meets: &meets,
                                              bannedNodes: bannedNodes, bannedEdges: bannedEdges, endpoint: s)
                    backwardDepth += 1
                }
                if let meet = meets.min() {
                    func other(_ e: Int32, _ at: Int32) -> Int32 {
                        adj.edgeSources[Int(e)] == at ? adj.edgeTargets[Int(e)] : adj.edgeSources[Int(e)]
                    }
                    var path: [Int] = []
                    var at = meet
                    while let e = forward.value(at), e >= 0 { path.append(Int(e)); at = other(e, at) }
                    path.reverse()
                    at = meet
                    while let e = backward.value(at), e >= 0 { path.append(Int(e)); at = other(e, at) }
                    return path
                }
            }
            return nil
        }
    }

    /// Edges a frontier's expansion would scan (the cheaper side is expanded first).
    private func degreeSum(_ adj: AdjacencyView, _ frontier: [Int32]) -> Int {
        var sum = 0
        for u in frontier {
            let n = Int(u)
            sum += Int(adj.outStart[n + 1] &- adj.outStart[n]) + Int(adj.inStart[n + 1] &- adj.inStart[n])
        }
        return sum
    }

    /// Expands one BFS level; records nodes also reached from the other side in `meets`.
    private func expand(_ adj: AdjacencyView, _ frontier: [Int32], reached: inout NodeMap, other: NodeMap,
                        meets: inout [Int32], bannedNodes: Set<Int32>, bannedEdges: Set<Int32>, endpoint: Int32) -> [Int32] {
        var next: [Int32] = []
        let checkEdges = !bannedEdges.isEmpty, checkNodes = !bannedNodes.isEmpty
        let allEdges = options.relations == nil, allKinds = options.nodeKinds == nil
        @inline(__always) func visit(_ e: Int32, _ v: Int32) {
            if !allEdges && !edgeAllowed[Int(adj.edgeKinds[Int(e)])] { return }
            if checkEdges && bannedEdges.contains(e) { return }
            if reached.contains(v) { return }
            if checkNodes && bannedNodes.contains(v) { return }
            let onOtherSide = other.contains(v)
            if !allKinds && v != endpoint && !onOtherSide && !nodeKindAllowed[Int(adj.nodeKinds[Int(v)])] { return }
            reached.set(v, e)
            if onOtherSide { meets.append(v) }
            next.append(v)
        }
        for u in frontier {
            let n = Int(u)
            // Edges are sorted by source: node n's outgoing edges are the indices outStart[n] ..< outStart[n+1].
            for e in Int(adj.outStart[n])..<Int(adj.outStart[n + 1]) { visit(Int32(e), adj.edgeTargets[e]) }
            for i in Int(adj.inStart[n])..<Int(adj.inStart[n + 1]) { visit(adj.inItems[i], adj.inSources[i]) }
        }
        return next
    }
}
