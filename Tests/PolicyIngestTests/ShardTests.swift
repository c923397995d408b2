import Foundation
import PolicyCore
import PolicyFormats
import PolicyIngest
import PolicyStore
import Testing

/// Sharded ingest (`kg ingest --shard K/N`) and its merge (`kg merge`).
@Suite struct ShardTests {
    @Test func readsKOverNAndRefusesWhatIsNoShard() throws {
        let shard = try Shard(parsing: "2/5")
        #expect(shard.index == 2 && shard.count == 5 && shard.description == "2/5")
        for bad in ["5/5", "-1/3", "1", "a/b", "1/0", "1/2/3", ""] {
            #expect(throws: KGError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }

    /// The hash is 64-bit FNV-1a (published test vectors), not Swift's per-process seeded `Hasher`.
    @Test func hashIsFixedFNV1a() {
        #expect(Shard.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.hash("foobar") == 0x8594_4171_f739_67e8)
    }

    /// The key does not depend on where the shared folder is mounted or how the root is spelled.
    @Test func keyIsThePathBelowTheNamedRoot() {
        #expect(Shard.key(of: "/mnt/nfs/policy/2023/a.txt", roots: ["/mnt/nfs/policy"]) == "policy/2023/a.txt")
        #expect(Shard.key(of: "../policy/2023/a.txt", roots: ["../policy/"]) == "policy/2023/a.txt")
        #expect(Shard.key(of: "data/portal.zip!/dir/b.html", roots: ["other", "data/portal.zip"]) == "portal.zip!/dir/b.html")
        #expect(Shard.key(of: "/srv/x/notice.docx", roots: ["/srv/x/notice.docx"]) == "notice.docx")
        // A file found below an earlier named root keeps that root's key.
        #expect(Shard.key(of: "a/b/c.txt", roots: ["a", "a/b"]) == "a/b/c.txt")
        #expect(Shard.key(of: "a/b/c.txt", roots: ["a/b", "a"]) == "b/c.txt")
    }

    private func notices(in scratch: Scratch, count: Int) throws -> String {
        let notices = try generatedNotices(count)
        for n in notices { try scratch.write(n.bytes, "corpus/" + n.name) }
        try writeZip(scratch.path + "/corpus/more.zip", Array(try generatedNotices(4, seed: 11).map { ("zipped/" + $0.name, $0.bytes) }))
        return scratch.path + "/corpus"
    }

    private func shards(of root: String, _ n: Int, in scratch: Scratch, prefix: String = "shard") throws -> [String] {
        try (0..<n).map { k in
            let path = scratch.path + "/\(prefix)-\(k).kgs"
            let options = IngestOptions(graphPath: path, workers: 2, checkpoint: 3, shard: try Shard(index: k, count: n))
            _ = try Ingestor(pipeline: sharedPipeline, options: options).run(paths: [root])
            return path
        }
    }

    @Test func everyInputLandsInExactlyOneShardAndTheMergeIsTheOneProcessGraph() throws {
        let scratch = try Scratch("shards")
        let root = try notices(in: scratch, count: 12)
        _ = try ingestor(scratch.path + "/one.kgs").run(paths: [root])
        let one = try GraphStore.load(scratch.path + "/one.kgs")
        let parts = try shards(of: root, 3, in: scratch)
        let identities = try parts.flatMap { try GraphStore.load($0).sources.map(\.identity) }
        #expect(identities.count == 16 && Set(identities) == Set(one.sources.map(\.identity)))

        let summary = try ShardMerge.merge(parts.reversed(), into: scratch.path + "/all.kgs")
        #expect(summary.sources == 16 && summary.shards == 3)
        #expect(try GraphStore.load(scratch.path + "/all.kgs").graph == one.graph)
        // The one process's checkpoints saved deltas, and its run ended with the snapshot written whole: the
        // file is the merge's.
        #expect(SnapshotFile.deltaPaths(of: scratch.path + "/one.kgs").isEmpty)
        #expect(try scratch.bytes("all.kgs") == scratch.bytes("one.kgs"))
    }

    /// A worker that reaches the shared folder through another path (a link, a different mount) cuts the same shards.
    @Test func theSplitIsTheSameWhateverPathReachesTheFolder() throws {
        let scratch = try Scratch("shards-mount")
        let root = try notices(in: scratch, count: 9)
        try FileManager.default.createDirectory(atPath: scratch.path + "/mnt", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/mnt/corpus", withDestinationPath: root)
        let direct = try shards(of: root, 2, in: scratch, prefix: "direct")
        let mounted = try shards(of: scratch.path + "/mnt/corpus/", 2, in: scratch, prefix: "mounted")
        for (a, b) in zip(direct, mounted) {
            #expect(try GraphStore.load(a).sources.map(\.identity) == GraphStore.load(b).sources.map(\.identity))
        }
    }

    @Test func aSourceInTwoShardsIsAnErrorNamingItAndNothingIsWritten() throws {
        let scratch = try Scratch("shards-twice")
        let root = try notices(in: scratch, count: 6)
        let parts = try shards(of: root, 2, in: scratch)
        // The same inputs cut in one shard: every source of shard 0 is in it too.
        _ = try ingestor(scratch.path + "/whole.kgs").run(paths: [root])
        let twice = try GraphStore.load(parts[0]).sources[0].path
        let error = #expect(throws: KGError.self) {
            try ShardMerge.merge([parts[0], scratch.path + "/whole.kgs"], into: scratch.path + "/all.kgs")
        }
        #expect(error?.file == twice)
        #expect(error?.message.contains(parts[0]) == true && error?.message.contains("whole.kgs") == true)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/all.kgs"))
    }

    /// An incremental run on a shard keeps working: a changed file replaces its contribution and the merge follows.
    @Test func aReingestedShardMergesWithItsChange() throws {
        let scratch = try Scratch("shards-update")
        let root = try notices(in: scratch, count: 6)
        var parts = try shards(of: root, 2, in: scratch)
        let changed = try #require(try GraphStore.load(parts[1]).sources.map(\.path).first { !$0.contains("!/") })
        try Data("关于印发测试办法的通知\n各有关单位：\n现将办法印发给你们。\n财政部\n2024年3月1日\n".utf8)
            .write(to: URL(fileURLWithPath: changed))
        parts = try shards(of: root, 2, in: scratch)
        _ = try ShardMerge.merge(parts, into: scratch.path + "/all.kgs")
        _ = try ingestor(scratch.path + "/one.kgs").run(paths: [root])
        #expect(try GraphStore.load(scratch.path + "/all.kgs").graph == GraphStore.load(scratch.path + "/one.kgs").graph)
    }
}
