import ArgumentParser
import Foundation
import PolicyCore
import PolicyIngest
import PolicyQuery

/// `kg merge SHARD.kgs… --graph ALL.kgs`: combine the snapshots of `kg ingest --shard K/N` into one.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard snapshots (kg ingest --shard K/N) into one graph snapshot.",
        discussion: """
        The shards' contributions are put back in the order one `kg ingest` of all the inputs would have used, so \
        the merged graph (and its exports) equals a one-process ingest of the same paths. A source found in two \
        shards is an error naming it: nothing is written. --graph is replaced by the merge.
        """)

    @Argument(help: "The shard snapshots to combine.")
    var shards: [String]

    @Option(name: .long, help: "The snapshot to write (default: $KG_GRAPH or kg.kgs).")
    var graph: String?

    @Flag(name: .long, help: "Fail at once when another kg process is writing the snapshot, instead of waiting for it.")
    var noWait = false

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("give the shard snapshots to merge (kg merge shard-*.kgs --graph all.kgs)") }
    }

    func run() {
        do {
            let started = Date()
            let path = NameLookup.graphPath(graph, environment: ProcessInfo.processInfo.environment)
            let summary = try ShardMerge.merge(shards, into: path, waitForLock: !noWait) {
                writeToStandardError("\(path): another kg process is writing this snapshot; waiting for it to finish …\n")
            }
            let seconds = Date().timeIntervalSince(started)
            print("merged \(summary.shards) shards: \(summary.sources) sources, \(summary.nodes) nodes, \(summary.edges) edges "
                  + "in \(path) (\(String(format: "%.2f", seconds)) s)")
        } catch { fail(error) }
    }
}
