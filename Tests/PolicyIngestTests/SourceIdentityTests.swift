import Foundation
import PolicyCore
import PolicyFormats
import PolicyIngest
import PolicyStore
import Testing

/// One file is one source, whatever spelling of its path reached it (issue: sources keyed by the typed string were
/// ingested twice, and `kg remove` by another spelling said "not in the graph").
@Suite struct SourceIdentityTests {
    /// Two spellings of one folder: through a symbolic link, and with `.`/`..` and doubled slashes.
    private func spellings(_ scratch: Scratch) throws -> (real: String, linked: String, dotted: String) {
        let real = scratch.path + "/corpus"
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/alias", withDestinationPath: real)
        return (real, scratch.path + "/alias", scratch.path + "/./corpus/../corpus//")
    }

    /// `count` generated notices written to `corpus/` in `scratch`, the folder's spellings, and the graph path, with
    /// the folder already ingested under its real spelling.
    private func ingestedCorpus(in scratch: Scratch, notices count: Int) throws
        -> (notices: [(name: String, bytes: [UInt8])], real: String, linked: String, dotted: String,
            graph: String, first: IngestSummary) {
        let notices = try generatedNotices(count)
        for n in notices { try scratch.write(n.bytes, "corpus/" + n.name) }
        let (real, linked, dotted) = try spellings(scratch)
        let graph = scratch.path + "/g.kgs"
        let first = try ingestor(graph).run(paths: [real])
        return (notices, real, linked, dotted, graph, first)
    }

    @Test func aFileReachedByTwoSpellingsIsOneSource() throws {
        let scratch = try Scratch("identity-spellings")
        let (_, real, linked, dotted, graph, first) = try ingestedCorpus(in: scratch, notices: 3)
        #expect(first.added == 3)
        for other in [linked, dotted] {
            let again = try ingestor(graph).run(paths: [other])
            #expect(again.added == 0 && again.replaced == 0 && again.unchanged == 3)
        }
        let store = try GraphStore.load(graph)
        #expect(store.sources.count == 3)
        // The written path stays the one first given: evidence keeps pointing where the user looked.
        #expect(store.sources.allSatisfy { $0.path.hasPrefix(real + "/") })
        #expect(Set(store.sources.map(\.identity)).count == 3)
    }

    @Test func anEditSeenThroughAnotherSpellingReplacesTheSource() throws {
        let scratch = try Scratch("identity-edit")
        let (notices, real, linked, _, graph, _) = try ingestedCorpus(in: scratch, notices: 2)
        let edited = notices[0].name.hasSuffix(".txt") ? notices[0] : notices[1]
        try scratch.write(Array("示例省人民政府关于调整公共服务收费的通知\n".utf8) + edited.bytes, "corpus/" + edited.name)
        let summary = try ingestor(graph).run(paths: [linked])
        #expect(summary.replaced == 1 && summary.added == 0)
        let store = try GraphStore.load(graph)
        #expect(store.sources.count == 2)
        #expect(store.sources.contains { $0.path == linked + "/" + edited.name })
        // No evidence is left behind under the old spelling of the edited file.
        let stale = real + "/" + edited.name
        #expect(!(0..<store.graph.nodeCount).contains { n in store.graph.nodeRecord(n).evidence.contains { $0.source == stale } })
    }

    @Test func removeFindsTheSourceByAnySpelling() throws {
        let scratch = try Scratch("identity-remove")
        let (notices, real, _, dotted, graph, _) = try ingestedCorpus(in: scratch, notices: 2)
        var store = try GraphStore.load(graph)
        let removed = try SourceRemoval.remove(dotted + notices[0].name, from: &store)
        #expect(removed == [real + "/" + notices[0].name])
        #expect(store.sources.count == 1)
        // A near miss: another file of the same name in another folder is not the recorded one.
        try scratch.write(notices[1].bytes, "elsewhere/" + notices[1].name)
        #expect(throws: KGError.self) { try SourceRemoval.remove(scratch.path + "/elsewhere/" + notices[1].name, from: &store) }
    }

    @Test func aFileDeletedSinceItsIngestKeepsItsIdentity() throws {
        let scratch = try Scratch("identity-deleted")
        try scratch.write(Array("x".utf8), "corpus/sub/a.txt")
        let (_, linked, _) = try spellings(scratch)
        let before = SourceIdentity.of(linked + "/sub/a.txt")
        try FileManager.default.removeItem(atPath: scratch.path + "/corpus/sub")
        #expect(SourceIdentity.of(linked + "/sub/a.txt") == before)
        #expect(SourceIdentity.of(linked + "/sub/../sub/a.txt") == before)
    }

    @Test func archiveMembersAreIdentifiedThroughTheArchivesCanonicalPath() throws {
        let scratch = try Scratch("identity-archive")
        let notices = try generatedNotices(2)
        try writeZip(scratch.path + "/batch.zip", notices)
        let graph = scratch.path + "/g.kgs"
        _ = try ingestor(graph).run(paths: [scratch.path + "/batch.zip"])
        let again = try ingestor(graph).run(paths: [scratch.path + "/./batch.zip"])
        #expect(again.unchanged == 2 && again.added == 0)
        var store = try GraphStore.load(graph)
        #expect(store.sources.count == 2)
        let removed = try SourceRemoval.remove(scratch.path + "//batch.zip", from: &store)
        #expect(removed.count == 2 && store.sources.isEmpty)
    }

    /// A snapshot of format version 1 recorded paths as once typed, relative to a working directory it did not
    /// record: on load they get the identities of the files they name from the snapshot's folder.
    @Test func aVersionOneSnapshotMigratesOnLoad() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/version1").path
        let scratch = try Scratch("identity-v1")
        try FileManager.default.copyItem(atPath: fixture + "/notices", toPath: scratch.path + "/notices")
        try FileManager.default.copyItem(atPath: fixture + "/g.kgs", toPath: scratch.path + "/g.kgs")
        let graph = scratch.path + "/g.kgs"
        let old = try GraphStore.load(graph)
        #expect(old.needsIdentities && old.sources.map(\.path) == ["notices/n000.txt"])

        let migrated = try Ingestor.loadWithIdentities(graph)
        #expect(migrated.sources.map(\.identity) == [SourceIdentity.of(scratch.path + "/notices/n000.txt")])
        #expect(migrated.sources.map(\.path) == ["notices/n000.txt"])

        // Re-ingesting the file by its absolute path replaces (the extractor has changed since) the old source
        // instead of adding a second one, and the snapshot is now written in the current format.
        let summary = try ingestor(graph).run(paths: [scratch.path + "/notices"])
        #expect(summary.added == 0 && summary.sources == 1)
        let saved = try GraphStore.load(graph)
        #expect(!saved.needsIdentities && saved.sources.count == 1)
    }
}
