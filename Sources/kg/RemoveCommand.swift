import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg remove FILE`: withdraw everything one input file contributed.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Withdraw an input file's contributions from the graph.")

    @Argument(help: "The input file, as it was given to `kg ingest`.") var file: String
    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?

    func run() {
        do {
            let path = TableOutput.graphPath(graph)
            guard SnapshotFile.exists(path) else { throw KGError(file: path, "no graph snapshot here") }
            var store = try GraphStore.load(path)
            try store.remove(path: file)
            try store.save(to: path)
            print("removed \(file); \(store.graph.nodeCount) nodes, \(store.graph.edgeCount) edges remain in \(path)")
        } catch { fail(error) }
    }
}
