import ArgumentParser
import Foundation
import PolicyCore
import PolicyIngest
import PolicyStore

/// `kg-bench merge --nodes 100000,200000,400000 --shards 100`: `kg merge` of shard snapshots of synthetic graphs.
/// The synthetic contributions (`makeSyntheticContributions`, one per source file, ordinals in file order) are dealt
/// round-robin into the shards, each saved as a snapshot; then `ShardMerge.merge` is timed end to end (load and
/// verify every shard, decode its contributions, order them, one rebuild, save). Linear means the time per
/// contribution and per record stays flat as the graph grows at a fixed shard count.
struct MergeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Shard merge (kg merge) on synthetic graphs split into shard snapshots.")

    @Option(help: "Graph sizes in nodes, comma-separated.") var nodes = "100000,200000,400000"
    @Option(help: "Shard counts, comma-separated.") var shards = "100"
    @Option(help: "Source files per 1,000 nodes (each is one contribution).") var filesPerThousand = 20
    @Option(name: .customLong("edges-per-node"), help: "Edges per node.") var edgesPerNode = 4
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "Directory for the shard snapshots.") var workdir = "/tmp/kg-bench-merge"
    @Flag(help: "Also time the merge's steps one by one (a second merge).") var phases = false

    func run() throws {
        let sizes = nodes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let counts = shards.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        print("nodes\tedges\tsources\trecords\tshards\tshard MB\tmerge s\tµs/source\tns/record\tmerged MB")
        for n in sizes {
            var contributions = makeSyntheticContributions(nodes: n, edgesPerNode: edgesPerNode, seed: seed,
                                                           files: max(1, n * filesPerThousand / 1000))
            for i in contributions.indices { contributions[i].ordinal = i }
            let records = contributions.reduce(0) { $0 + $1.nodes.count + $1.edges.count }
            for count in counts { try benchmark(contributions, records: records, nodes: n, shards: count) }
        }
    }

    private func benchmark(_ contributions: [SourceContribution], records: Int, nodes: Int, shards count: Int) throws {
        var paths: [String] = []
        var shardBytes = 0
        for k in 0..<count {
            let path = workdir + "/shard-\(k).kgs"
            let part = stride(from: k, to: contributions.count, by: count).map { contributions[$0] }
            try GraphStore(contributions: part).save(to: path)
            shardBytes += fileSize(path)
            paths.append(path)
        }
        let output = workdir + "/merged.kgs"
        let start = ContinuousClock.now
        let summary = try ShardMerge.merge(paths, into: output)
        let seconds = BenchmarkClock.seconds(since: start)
        print(String(format: "%d\t%d\t%d\t%d\t%d\t%.1f\t%.3f\t%.1f\t%.0f\t%.1f", nodes, summary.edges, summary.sources, records,
                     count, Double(shardBytes) / 1e6, seconds, seconds * 1e6 / Double(summary.sources),
                     seconds * 1e9 / Double(records), Double(fileSize(output)) / 1e6))
        if phases { try printPhases(paths, output: output) }
        for path in paths + [output] { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The merge's steps timed one by one (seconds): where the time goes.
    private func printPhases(_ paths: [String], output: String) throws {
        var clock = ContinuousClock.now
        var stores = try paths.map { try GraphStore.load($0) }
        let load = BenchmarkClock.seconds(since: clock)
        clock = ContinuousClock.now
        var shards: [(path: String, contributions: [SourceContribution])] = []
        for i in stores.indices { shards.append((paths[i], try stores[i].contributions())) }
        stores = []
        let decode = BenchmarkClock.seconds(since: clock)
        clock = ContinuousClock.now
        let merged = try ShardMerge.merged(shards)
        let build = BenchmarkClock.seconds(since: clock)
        shards = []
        clock = ContinuousClock.now
        try merged.save(to: output)
        let save = BenchmarkClock.seconds(since: clock)
        print(String(format: "  phases: load+verify %.3f s, decode %.3f s, order+build %.3f s, encode+save %.3f s", load, decode, build, save))
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
