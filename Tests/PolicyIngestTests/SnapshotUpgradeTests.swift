import Foundation
import PolicyCore
import PolicyStore
import Testing

/// A snapshot written by a version-5 build (Fixtures/version5) is read as it is, and the next save writes it in the
/// current format with the same graph and contributions.
@Suite struct SnapshotUpgradeTests {
    @Test func aVersionFiveSnapshotIsReadAsItIsAndUpgradedOnTheNextSave() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/version5/g.kgs").path
        let scratch = try Scratch("upgrade-v5")
        let path = scratch.path + "/g.kgs"
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        let original = try scratch.bytes("g.kgs")

        let report = try SnapshotFile.check(path)
        #expect(report.version == 5 && report.nodes == 14 && report.edges == 18 && report.sources == 3 && report.hasContributions)
        var store = try GraphStore.load(path)
        let graph = store.graph
        let contributions = try store.contributions()
        #expect(contributions.count == 3 && contributions.allSatisfy { !$0.nodes.isEmpty && !$0.edges.isEmpty })
        #expect(GraphStore(contributions: contributions).graph == graph, "the fixture's graph is what the builder makes of its contributions")
        #expect(try SnapshotFile.openGraph(path) == graph)
        #expect(try scratch.bytes("g.kgs") == original, "reading never rewrites")

        #expect(try store.checkpoint(to: path) == .snapshot(bytes: try scratch.bytes("g.kgs").count), "an upgrade is a whole save")
        #expect(try SnapshotFile.check(path).version == 6)
        var upgraded = try GraphStore.load(path)
        #expect(upgraded.graph == graph)
        #expect(try upgraded.contributions() == contributions)
        #expect(try scratch.bytes("g.kgs").count < original.count)
    }
}
