/// Raw read access to a graph's CSR adjacency and kind columns for tight traversal loops.
/// Valid only inside `Graph.withAdjacency`.
public struct AdjacencyView {
    /// Outgoing edges of node n: edges are sorted by source, so they are the edge indices
    /// `outStart[n] ..< outStart[n+1]` themselves (the graph's `outItems` column, which lists them, is not taken).
    public let outStart: UnsafeBufferPointer<UInt32>
    /// Incoming edges of node n: `inItems[inStart[n] ..< inStart[n+1]]`.
    public let inStart: UnsafeBufferPointer<UInt32>
    public let inItems: UnsafeBufferPointer<Int32>
    /// Source node of each `inItems` entry.
    public let inSources: UnsafeBufferPointer<Int32>
    public let edgeTargets: UnsafeBufferPointer<Int32>
    /// Per edge: its source node. A column (a lazily opened graph verifies the blocks it reads): a path search
    /// reads it only to trace the path it found, so a query does not take the whole section.
    public let edgeSources: Column<Int32>
    /// Per edge: position of its kind in `Graph.edgeKinds` (a column, read only when relations are filtered).
    public let edgeKinds: Column<UInt16>
    /// Per node: position of its kind in `Graph.nodeKinds` (a column, read only when node kinds are filtered).
    public let nodeKinds: Column<UInt16>
}

extension Graph {
    /// Calls `body` with raw views of the adjacency arrays a traversal's inner loop reads (no copies, no reference
    /// counting in the loop). A lazily verified graph verifies these sections whole first, so the loops that read
    /// them check nothing per element; the edges' sources and the kinds stay columns, verified as their blocks are
    /// read (together 6.5 bytes per edge a path query need not keep resident).
    public func withAdjacency<R>(_ body: (AdjacencyView) throws -> R) rethrows -> R {
        try outStart.withUnsafeBufferPointer { os in
            try inStart.withUnsafeBufferPointer { ins in
                try inItems.withUnsafeBufferPointer { ii in
                    try inSources.withUnsafeBufferPointer { isrc in
                        try edgeTargets.withUnsafeBufferPointer { et in
                            try body(AdjacencyView(outStart: os, inStart: ins, inItems: ii, inSources: isrc, edgeTargets: et,
                                                   edgeSources: edgeSources, edgeKinds: edgeKindIndex, nodeKinds: nodeKindIndex))
                        }
                    }
                }
            }
        }
    }
}
