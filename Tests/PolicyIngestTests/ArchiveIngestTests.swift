import Foundation
import PolicyCore
import PolicyFormats
import PolicyIngest
import PolicyStore
import Testing

@Suite struct ArchiveIngestTests {
    @Test func reingestingAnArchiveChangesOnlyChangedMembers() throws {
        let scratch = try Scratch("archive-incremental")
        let zip = scratch.path + "/corpus.zip"
        var members = try generatedNotices(6, seed: 11)
        try writeZip(zip, members)
        let graph = scratch.path + "/g.kgs"
        let first = try ingestor(graph).run(paths: [zip])
        #expect(first.added == 6 && first.files == 6 && first.failed == 0)
        var store = try GraphStore.load(graph)
        #expect(store.sources.map(\.path) == members.map { zip + "!/" + $0.name })
        let before = try store.contributions()
        // Evidence of a member names the member and points into its bytes.
        let textMember = try #require(before.first { $0.path.hasSuffix(".txt") })
        let evidence = try #require(textMember.nodes.first { $0.kind == .document }?.evidence.first)
        #expect(evidence.source == textMember.path)
        let memberBytes = try #require(members.first { zip + "!/" + $0.name == textMember.path }).bytes
        #expect(evidence.byteEnd <= memberBytes.count && evidence.byteStart < evidence.byteEnd)

        // Same archive again: every member unchanged, the snapshot's graph untouched.
        let again = try ingestor(graph).run(paths: [zip])
        #expect(again.unchanged == 6 && again.added == 0 && again.replaced == 0)
        #expect(try GraphStore.load(graph).graph == store.graph)

        // One member rewritten: only its contribution is replaced.
        members[2].bytes = try generatedNotices(3, seed: 12345)[2].bytes
        try writeZip(zip, members)
        let changed = try ingestor(graph).run(paths: [zip])
        #expect(changed.replaced == 1 && changed.unchanged == 5 && changed.added == 0)
        store = try GraphStore.load(graph)
        let after = try store.contributions()
        #expect(after.map(\.path) == before.map(\.path))
        for i in after.indices where i != 2 { #expect(after[i] == before[i]) }
        #expect(after[2] != before[2])
        // … and the graph is what a fresh ingest of the new archive gives.
        let fresh = try ingestor(scratch.path + "/fresh.kgs").run(paths: [zip])
        #expect(fresh.added == 6)
        #expect(recordSets(store.graph) == recordSets(try GraphStore.load(scratch.path + "/fresh.kgs").graph))
    }

    @Test func removingAMemberOrTheWholeArchive() throws {
        let scratch = try Scratch("archive-remove")
        let members = try generatedNotices(4, seed: 5)
        try writeZip(scratch.path + "/a.zip", members)
        try writeZip(scratch.path + "/without.zip", members.enumerated().filter { $0.offset != 1 }.map(\.element))
        for (name, bytes) in members { try scratch.write(bytes, "loose/" + name) }
        let graph = scratch.path + "/g.kgs"
        _ = try ingestor(graph).run(paths: [scratch.path + "/a.zip", scratch.path + "/loose"])
        var store = try GraphStore.load(graph)
        #expect(store.sources.count == 8)

        // A member path works like a file path.
        let member = scratch.path + "/a.zip!/" + members[1].name
        #expect(try SourceRemoval.remove(member, from: &store) == [member])
        #expect(store.sources.count == 7)
        #expect(throws: KGError.self) { try SourceRemoval.remove(member, from: &store) }

        // The archive path withdraws all its members, leaving the loose files: the graph of the loose files alone.
        let removed = try SourceRemoval.remove(scratch.path + "/a.zip", from: &store)
        #expect(removed == [0, 2, 3].map { scratch.path + "/a.zip!/" + members[$0].name })
        _ = try ingestor(scratch.path + "/loose.kgs").run(paths: [scratch.path + "/loose"])
        #expect(store.graph == (try GraphStore.load(scratch.path + "/loose.kgs").graph))
    }

    @Test func corruptArchiveFailsTheRunButNotTheOtherInputs() throws {
        let scratch = try Scratch("archive-corrupt")
        let members = try generatedNotices(3, seed: 8)
        try writeZip(scratch.path + "/good.zip", members)
        let good = try scratch.bytes("good.zip")
        try scratch.write(Array(good.prefix(good.count - 30)), "cut.zip")
        try scratch.write(members[0].bytes, "loose.txt")
        var failures: [KGError] = []
        let summary = try ingestor(scratch.path + "/g.kgs").run(
            paths: [scratch.path + "/cut.zip", scratch.path + "/good.zip", scratch.path + "/loose.txt"],
            observer: IngestObserver(failed: { failures.append($0) }))
        #expect(failures.map(\.file) == [scratch.path + "/cut.zip"])
        #expect(summary.failed == 1 && summary.added == 4 && summary.files == 4)
    }

    @Test func observerHearsSkipsWarningsAndProgress() throws {
        let scratch = try Scratch("observer")
        let members = try generatedNotices(5, seed: 21)
        try writeZip(scratch.path + "/x.zip", members + [(name: "notes.xls", bytes: [1, 2, 3])])
        var skipped: [String] = []
        var failed: [KGError] = []
        let lines = Lines()
        let summary = try ingestor(scratch.path + "/g.kgs", checkpoint: 2).run(
            paths: [scratch.path + "/x.zip", scratch.path + "/missing"],
            observer: IngestObserver(skipped: { skipped.append("\($0): \($1)") }, failed: { failed.append($0) },
                                     makeProgress: { IngestProgress(totalFiles: $0, totalBytes: $1, terminal: false, write: lines.append) }))
        #expect(skipped == [scratch.path + "/x.zip!/notes.xls: unsupported extension .xls"])
        // A named path that is not there is a failure (the run exits 1), not a skip.
        #expect(failed == [KGError(file: scratch.path + "/missing", kind: .notFound, "no such file or folder")])
        #expect(summary.skipped == 1 && summary.failed == 1 && summary.files == 5 && summary.added == 5 && summary.sources == 5)
        #expect(summary.megabytes == Double(members.reduce(0) { $0 + $1.bytes.count }) / 1_048_576)
        #expect(lines.all.last?.hasPrefix("5/5 files") == true)
        #expect(summary.text.hasPrefix(scratch.path + "/g.kgs: 5 files (5 added, 0 replaced, 0 unchanged, 1 failed, 1 skipped)\ngraph: "))
    }
}

/// Lines written from several threads.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var all: [String] { lock.lock(); defer { lock.unlock() }; return stored }
    func append(_ s: String) { lock.lock(); stored.append(s); lock.unlock() }
}
