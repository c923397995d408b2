import PolicyCore
import PolicyStore

/// Combines shard snapshots (`kg ingest --shard K/N`) into one, as `kg merge` does: contribution by contribution, in
/// the order one process ingesting all the inputs would have used (each contribution's ordinal, then the shards'
/// order, then the order inside a shard), so the merged graph equals a one-process ingest of the same paths.
///
/// A source (by identity) found in two shards is an error naming it and both shards: shards of one run never share
/// a source, so the shards were cut differently (another N, other paths) and their union is not one ingest.
/// Decoding, sorting and one rebuild: time linear in the contributions (the sort is over sources, not records).
public enum ShardMerge {
    /// What a merge produced.
    public struct Summary: Sendable, Equatable {
        public var shards: Int
        public var sources: Int
        public var nodes: Int
        public var edges: Int
    }

    /// Loads the snapshots at `shardPaths`, merges them and saves the result to `graphPath` (replacing it, under its
    /// writer lock). Nothing is written when a shard cannot be read or two shards hold the same source.
    @discardableResult
    public static func merge(_ shardPaths: [String], into graphPath: String, waitForLock: Bool = true,
                             waiting: () -> Void = {}) throws -> Summary {
        var shards: [(path: String, contributions: [SourceContribution])] = []
        for path in shardPaths {
            guard SnapshotFile.exists(path) else { throw KGError(file: path, kind: .notFound, "no such shard snapshot") }
            var store = try Ingestor.loadWithIdentities(path)
            shards.append((path, try store.contributions()))
        }
        let store = try merged(shards)
        let lock = try SnapshotLock.acquire(for: graphPath, wait: waitForLock, waiting: waiting)
        defer { lock.release() }
        try store.save(to: graphPath)
        return Summary(shards: shardPaths.count, sources: store.sources.count,
                       nodes: store.graph.nodeCount, edges: store.graph.edgeCount)
    }

    /// The store holding every shard's contributions, in ordinal order (ties: shard order, then position).
    public static func merged(_ shards: [(path: String, contributions: [SourceContribution])]) throws -> GraphStore {
        var shardOf: [String: Int] = [:]
        var all: [(shard: Int, position: Int, contribution: SourceContribution)] = []
        all.reserveCapacity(shards.reduce(0) { $0 + $1.contributions.count })
        for (s, shard) in shards.enumerated() {
            for (p, c) in shard.contributions.enumerated() {
                if let other = shardOf.updateValue(s, forKey: c.identity) {
                    throw KGError(file: c.path, "this source is in two shards, \(shards[other].path) and \(shard.path); "
                                  + "shards to merge must come from one split of the same inputs (same paths, same N)")
                }
                all.append((s, p, c))
            }
        }
        all.sort { a, b in
            (a.contribution.ordinal, a.shard, a.position) < (b.contribution.ordinal, b.shard, b.position)
        }
        return GraphStore(contributions: all.map(\.contribution))
    }
}
