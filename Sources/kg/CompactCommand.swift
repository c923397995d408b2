import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg compact`: fold the deltas beside a snapshot into it.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact", abstract: "Fold the deltas saved beside a graph snapshot into it.",
        discussion: """
        Checkpoints within a `kg ingest` run, and runs of `kg ingest` or `kg remove` given --keep-deltas, save what \
        changed as a delta file beside the snapshot (SNAPSHOT.delta.N). Readers apply the deltas, rebuilding the \
        graph in memory; `kg compact` rewrites the snapshot with them folded in, so that queries map it directly \
        again, and removes them. A snapshot saved in an older format (2 to 4) is rewritten in the current one.
        """)

    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(name: .long, help: "Fail at once when another kg process is writing the snapshot, instead of waiting for it.")
    var noWait = false

    func run() {
        do {
            let path = TableOutput.graphPath(graph)
            let lock = try lockExistingSnapshot(path, wait: !noWait)
            defer { lock.release() }
            let folded = try SnapshotFile.compact(path)
            print(folded == 0 ? "\(path): no deltas to fold in" : "\(path): folded \(folded) delta\(folded == 1 ? "" : "s") into the snapshot")
            if let version = try SnapshotFile.upgrade(path) { print("\(path): rewritten in the current snapshot format (it was format \(version))") }
        } catch { fail(error) }
    }
}
