import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg compact`: fold the deltas beside a snapshot into it.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact", abstract: "Fold the deltas saved beside a graph snapshot into it.",
        discussion: """
        A checkpoint of `kg ingest` or `kg remove` saves what changed as a delta file beside the snapshot \
        (SNAPSHOT.delta.N) and rewrites the whole snapshot only when the deltas pass a quarter of its size. Readers \
        apply the deltas, rebuilding the graph in memory; `kg compact` rewrites the snapshot with them folded in, \
        so that queries map it directly again, and removes them.
        """)

    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(name: .long, help: "Fail at once when another kg process is writing the snapshot, instead of waiting for it.")
    var noWait = false

    func run() {
        do {
            let path = TableOutput.graphPath(graph)
            guard SnapshotFile.exists(path) else { throw KGError(file: path, kind: .notFound, "no graph snapshot here") }
            let lock = try SnapshotLock.acquire(for: path, wait: !noWait) {
                writeToStandardError("\(path): another kg process is writing this snapshot; waiting for it to finish …\n")
            }
            defer { lock.release() }
            let folded = try SnapshotFile.compact(path)
            print(folded == 0 ? "\(path): no deltas to fold in" : "\(path): folded \(folded) delta\(folded == 1 ? "" : "s") into the snapshot")
        } catch { fail(error) }
    }
}
