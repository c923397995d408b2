import ArgumentParser
import Hummingbird
import PolicyCore
import PolicyServe

/// `kg serve`: a read-only web explorer of a snapshot, on 127.0.0.1 unless `--host` says otherwise.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "A read-only web explorer of the graph: search, entity cards, co-issuance, paths, documents, targets.",
        discussion: """
        Pages at http://HOST:PORT/, the same answers as JSON under /api/ (described by /api/openapi.json). The snapshot \
        is opened once and replaced atomically when `kg ingest` rewrites the file. Document pages read the original \
        files from the paths the snapshot records, relative to the working directory or --sources.
        """)

    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Option(parsing: .unconditional, help: "TCP port.") var port = 8080
    @Option(help: "Address to bind (default 127.0.0.1: this machine only).") var host = "127.0.0.1"
    @Option(help: "Folder the snapshot's relative source paths are read from (repeatable; default: the working directory and the snapshot's folder).")
    var sources: [String] = []
    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: "Seconds one request may compute before it is answered 503 (service unavailable) with a message.")
    var timeLimit: Double = Double(Explorer.defaultTimeLimit.components.seconds)

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port))") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds (got \(timeLimit))") }
    }

    func run() async throws {
        do {
            let path = TableOutput.graphPath(graph)
            let source = try GraphSource(path: path)
            if !["127.0.0.1", "localhost", "::1"].contains(host) {
                writeToStandardError("warning: --host \(host) makes the explorer reachable from other machines; it has no authentication\n")
            }
            let explorer = Explorer(source: source, sourceRoots: sources.isEmpty ? Explorer.defaultSourceRoots(snapshot: path) : sources,
                                    timeLimit: .milliseconds(Int64(timeLimit * 1000)))
            let loaded = source.current()
            Task.detached(priority: .utility) { explorer.warmUp() }
            let shownHost = host.contains(":") ? "[\(host)]" : host
            let app = explorer.application(host: host, port: port) { bound in
                writeToStandardError("serving \(path) (\(loaded.graph.nodeCount) nodes, \(loaded.graph.edgeCount) edges) at http://\(shownHost):\(bound)/ — Ctrl-C stops\n")
            }
            try await app.runService()
        } catch { fail(error) }
    }
}
