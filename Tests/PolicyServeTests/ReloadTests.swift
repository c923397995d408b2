import Foundation
import HummingbirdTesting
import PolicyCore
import PolicyStore
import Testing
@testable import PolicyServe

/// `kg serve` follows the snapshot file: a replaced file is loaded whole and swapped in; a request that holds the
/// old graph keeps it; a damaged replacement leaves the old graph in place.
@Suite struct ReloadTests {
    func graph(agencies: Int) -> Graph {
        var builder = GraphBuilder()
        for i in 0..<agencies { builder.addNode(NodeRecord(id: "agency:机构\(i)", kind: .agency, label: "机构\(i)")) }
        return builder.freeze()
    }

    @Test func aReplacedSnapshotIsSwappedInWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-serve-reload-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/kg.kgs"
        try SnapshotFile.save(graph(agencies: 3), to: path)
        let source = try GraphSource(path: path, checkInterval: .zero)
        let held = source.current()
        #expect(held.generation == 1 && held.graph.nodeCount == 3)
        // Unchanged file: the same loaded graph.
        #expect(source.checkNow() === held)
        try SnapshotFile.save(graph(agencies: 5), to: path)   // written aside and renamed over, as kg ingest does
        let next = source.checkNow()
        #expect(next.generation == 2 && next.graph.nodeCount == 5)
        #expect(held.graph.nodeCount == 3)   // a request still holding the old graph reads it unchanged
        // A damaged file in its place: the last good graph stays.
        try Data("not a snapshot".utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        #expect(rename(path + ".tmp", path) == 0)
        #expect(source.checkNow() === next)
    }

    /// A checkpoint that saves a delta beside the snapshot (the snapshot file itself unchanged) is a new state too.
    @Test func aNewDeltaIsSwappedIn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kg-serve-reload-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/kg.kgs"
        let files = makeSyntheticContributions(nodes: 400, edgesPerNode: 2, seed: 5, files: 10)
        try GraphStore(contributions: Array(files[0..<9])).save(to: path)
        let source = try GraphSource(path: path, checkInterval: .zero)
        let held = source.current()
        var store = try GraphStore.load(path)
        try store.upsert(files[9])
        guard case .delta = try store.checkpoint(to: path) else { Issue.record("expected a delta"); return }
        let next = source.checkNow()
        #expect(next.generation == 2 && next.graph == store.graph && held.graph != store.graph)
        #expect(source.checkNow() === next)
    }

    @Test func onlyGETIsAnswered() async throws {
        try await DemoServer.withClient { client in
            let answer = try await client.execute(uri: "/api/stats", method: .post) { $0.status }
            #expect(answer == .methodNotAllowed)
        }
    }
}
