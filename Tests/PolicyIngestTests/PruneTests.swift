import Foundation
import PolicyCore
import PolicyIngest
import PolicyStore
import TestSupport
import Testing

/// `IngestOptions.prune`: sources that left a folder or an archive are withdrawn, and only those.
@Suite struct PruneTests {
    @Test func filesGoneFromAFolderAreWithdrawnOnlyWhenAskedFor() throws {
        let scratch = try Scratch("prune-folder")
        let notices = try generatedNotices(4)
        for n in notices { try scratch.write(n.bytes, "corpus/" + n.name) }
        let graph = scratch.path + "/g.kgs"
        let root = scratch.path + "/corpus"
        _ = try ingestor(graph).run(paths: [root])
        let gone = root + "/" + notices[1].name
        try FileManager.default.removeItem(atPath: gone)

        // Without prune, the snapshot keeps the source.
        let kept = try ingestor(graph).run(paths: [root])
        #expect(kept.removed == 0 && kept.sources == 4)

        var options = IngestOptions(graphPath: graph, workers: 2, checkpoint: 3, prune: true)
        var heard: [String] = []
        let pruned = try Ingestor(pipeline: sharedPipeline, options: options)
            .run(paths: [root], observer: IngestObserver(removed: { heard.append($0) }))
        #expect(pruned.removed == 1 && pruned.unchanged == 3)
        #expect(heard == [gone])
        let store = try GraphStore.load(graph)
        #expect(!store.sources.contains { $0.path == gone })

        // The result equals a fresh ingest of what is left.
        options.graphPath = scratch.path + "/fresh.kgs"
        _ = try Ingestor(pipeline: sharedPipeline, options: options).run(paths: [root])
        let fresh = try GraphStore.load(options.graphPath)
        #expect(recordSets(store.graph) == recordSets(fresh.graph))
    }

    @Test func membersGoneFromAnArchiveAreWithdrawnButOtherRootsAreUntouched() throws {
        let scratch = try Scratch("prune-archive")
        let notices = try generatedNotices(4)
        let zip = scratch.path + "/batch.zip"
        try writeZip(zip, notices)
        try scratch.write(notices[0].bytes, "other/" + notices[0].name)
        let graph = scratch.path + "/g.kgs"
        _ = try ingestor(graph).run(paths: [zip, scratch.path + "/other"])

        try writeZip(zip, Array(notices.dropLast()))
        let options = IngestOptions(graphPath: graph, workers: 2, checkpoint: 3, prune: true)
        let summary = try Ingestor(pipeline: sharedPipeline, options: options).run(paths: [zip])
        #expect(summary.removed == 1)
        let paths = Set(try GraphStore.load(graph).sources.map(\.path))
        #expect(!paths.contains(zip + "!/" + notices[3].name))
        #expect(paths.contains(zip + "!/" + notices[2].name))
        #expect(paths.contains(scratch.path + "/other/" + notices[0].name))  // not below the given paths
    }

    @Test func nothingBelowAnUnreadableArchiveCountsAsGone() throws {
        let scratch = try Scratch("prune-corrupt")
        let zip = scratch.path + "/batch.zip"
        try writeZip(zip, try generatedNotices(3))
        let graph = scratch.path + "/g.kgs"
        _ = try ingestor(graph).run(paths: [zip])
        try Data("not a zip any more".utf8).write(to: URL(fileURLWithPath: zip))

        let options = IngestOptions(graphPath: graph, workers: 2, checkpoint: 3, prune: true)
        let summary = try Ingestor(pipeline: sharedPipeline, options: options).run(paths: [zip])
        #expect(summary.failed == 1 && summary.removed == 0)
        #expect(try GraphStore.load(graph).sources.count == 3)
    }
}

/// Prune with a folder that cannot be listed (issue 14, finding 2): nothing below it counts as gone. Root lists every
/// folder, so as root (as in CI) the `kg` built beside the tests runs as the user nobody; as anyone else the run is
/// in process.
@Suite struct PruneUnreadableFolderTests {
    @Test func nothingBelowAnUnreadableFolderCountsAsGone() throws {
        let scratch = try Scratch("prune-unreadable")
        for (i, notice) in try generatedNotices(4).enumerated() {
            let name = notice.name.split(separator: "/").last.map(String.init) ?? notice.name
            try scratch.write(notice.bytes, (i < 2 ? "corpus/open/" : "corpus/closed/") + name)
        }
        let graph = scratch.path + "/g.kgs"
        let root = scratch.path + "/corpus"
        _ = try ingestor(graph).run(paths: [root])
        let closed = root + "/closed"
        #expect(chmod(closed, 0) == 0)
        defer { _ = chmod(closed, 0o755) }

        if geteuid() != 0 {
            let options = IngestOptions(graphPath: graph, workers: 2, checkpoint: 3, prune: true)
            var failures: [KGError] = []
            let summary = try Ingestor(pipeline: sharedPipeline, options: options)
                .run(paths: [root], observer: IngestObserver(failed: { failures.append($0) }))
            #expect(summary.failed == 1 && summary.removed == 0)
            #expect(failures.map(\.file) == [closed])
        } else {
            let kg = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kg").path
            guard FileManager.default.isExecutableFile(atPath: kg), hasExecutable("setpriv") else {
                #expect(!isCI, "running as root needs the kg executable beside the tests and setpriv to drop privileges")
                return
            }
            // nobody may write the snapshot's folder and its files, and read the open folder.
            for path in [scratch.path] + (try FileManager.default.contentsOfDirectory(atPath: scratch.path)).map({ scratch.path + "/" + $0 })
            where path != root {
                #expect(chmod(path, 0o777) == 0)
            }
            let result = try run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups",
                                             kg, "ingest", root, "--prune", "--graph", graph])
            #expect(result.status == 1)
            #expect(result.output.contains("2 unchanged, 1 failed"))
        }
        let store = try GraphStore.load(graph)
        #expect(store.sources.count == 4)
        #expect(store.sources.filter { $0.path.hasPrefix(closed + "/") }.count == 2)
    }
}
