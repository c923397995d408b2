import ArgumentParser
import PolicyCore
import PolicyFormats
import PolicyIngest
import PolicyQuery
import PolicyStore

/// `kg remove FILE`: withdraw everything one input file (or archive member, or every member of an archive)
/// contributed.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Withdraw an input file's contributions from the graph.",
        discussion: """
        FILE is a source path as `kg ingest` recorded it: a file, an archive member ('corpus.zip!/dir/a.txt', \
        quoted for the shell), or an archive (corpus.zip), which withdraws all its members.
        """)

    @Argument(help: "The input file, as it was given to `kg ingest` (or ARCHIVE.zip!/member, or ARCHIVE.zip).") var file: String
    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(name: .long, help: "Fail at once when another kg process is writing the snapshot, instead of waiting for it.")
    var noWait = false
    @Flag(name: .long, help: "Save the removal as a delta beside the snapshot (`kg compact` folds it in) instead of writing the snapshot whole.")
    var keepDeltas = false

    func run() {
        do {
            let path = TableOutput.graphPath(graph)
            let lock = try lockExistingSnapshot(path, wait: !noWait)
            defer { lock.release() }
            var store = try Ingestor.loadWithIdentities(path)
            let removedPaths = try SourceRemoval.remove(file, from: &store)
            let removed = removedPaths.count == 1 && !removedPaths[0].hasPrefix(ArchiveMemberPath.prefix(ofMembersOf: file))
                ? removedPaths[0] : "\(removedPaths.count) members of \(file)"
            try store.checkpoint(to: path, whole: !keepDeltas)
            print("removed \(removed); \(store.graph.nodeCount) nodes, \(store.graph.edgeCount) edges remain in \(path)")
        } catch { fail(error) }
    }
}
