import Foundation
import PolicyExport
import PolicyIngest
import PolicyStore
import Testing
import TestSupport

/// `kg ingest --shard K/N` then `kg merge` on the real texts in ../shared (corpus and realdocs) gives the graph one
/// process builds: the JSONL exports are byte-identical, whatever the number of shards.
@Suite struct ShardMergeCorpusTests {
    /// The two real folders, as one command line names them; nil (a skip, a failure in CI) when absent.
    static let roots: [String]? = {
        let roots = [sharedDirectory + "/corpus", sharedDirectory + "/realdocs"]
        return roots.allSatisfy { FileManager.default.fileExists(atPath: $0) } ? roots : nil
    }()

    private func ingest(_ roots: [String], graph: String, shard: Shard? = nil) throws {
        let options = IngestOptions(graphPath: graph, workers: 2, shard: shard)
        _ = try Ingestor(pipeline: Pipeline.extraction, options: options).run(paths: roots)
    }

    private func jsonl(_ graph: String) throws -> Data {
        let out = graph + ".jsonl"
        _ = try GraphExporter.export(try SnapshotFile.loadGraph(graph), format: .jsonl, options: ExportOptions(), to: out)
        return try Data(contentsOf: URL(fileURLWithPath: out))
    }

    @Test(arguments: [2, 5])
    func mergedShardsExportTheJSONLOfOneIngest(shards n: Int) throws {
        guard let roots = Self.roots else {
            if isCI { Issue.record("../shared/corpus or ../shared/realdocs is missing") }
            return
        }
        let scratch = NSTemporaryDirectory() + "kg-shards-\(n)-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        try ingest(roots, graph: scratch + "/one.kgs")
        var shardPaths: [String] = []
        for k in 0..<n {
            shardPaths.append(scratch + "/shard-\(k).kgs")
            try ingest(roots, graph: shardPaths[k], shard: try Shard(index: k, count: n))
        }
        let shardSources = try shardPaths.map { try GraphStore.load($0).sources.count }
        let summary = try ShardMerge.merge(shardPaths, into: scratch + "/all.kgs")

        let one = try jsonl(scratch + "/one.kgs")
        #expect(summary.sources == shardSources.reduce(0, +))
        #expect(shardSources.allSatisfy { $0 > 0 }, "every shard holds some of the \(summary.sources) inputs: \(shardSources)")
        #expect(summary.sources > 50)
        #expect(one.count > 100_000)
        #expect(try jsonl(scratch + "/all.kgs") == one)
    }
}
