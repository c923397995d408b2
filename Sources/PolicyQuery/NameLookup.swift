import PolicyCore
import PolicyStore

/// Resolving user-typed names for queries, with errors that list candidates.
public enum NameLookup {
    /// The node `name` denotes, or a KGError: "not found", or "ambiguous" listing candidates with kinds and ids.
    public static func node(_ name: String, in graph: Graph) throws -> Int {
        switch graph.resolve(name) {
        case .found(let n): return n
        case .notFound:
            throw KGError(kind: .nameNotFound, "no node named '\(name)' (tried ids, names, aliases and name prefixes)")
        case .ambiguous(let candidates):
            let shown = candidates.prefix(20).map { "  \(graph.label($0)) [\(graph.nodeKind($0).rawValue)] id=\(graph.nodeID($0))" }
            let more = candidates.count > 20 ? "\n  … and \(candidates.count - 20) more" : ""
            throw KGError(kind: .nameAmbiguous, "'\(name)' is ambiguous; \(candidates.count) candidates:\n" + shown.joined(separator: "\n") + more
                          + "\nuse a longer name or an id")
        }
    }

    /// The graph file to use: the explicit option, else $KG_GRAPH, else `kg.kgs` in the current directory.
    public static func graphPath(_ option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["KG_GRAPH"], !env.isEmpty { return env }
        return "kg.kgs"
    }

    /// Loads the graph at `path`, with a helpful error when the file does not exist.
    public static func loadGraph(_ path: String) throws -> Graph {
        guard SnapshotFile.exists(path) else {
            throw KGError(file: path, kind: .notFound, "no graph snapshot here; build one with `kg ingest FILES --graph \(path)` or pass --graph FILE")
        }
        return try SnapshotFile.loadGraph(path)
    }

    /// Opens the graph at `path` for a one-off query (`SnapshotFile.openGraph`: large sections verified block by
    /// block as they are read), with the same error as `loadGraph` when the file does not exist.
    public static func openGraph(_ path: String) throws -> Graph {
        guard SnapshotFile.exists(path) else {
            throw KGError(file: path, kind: .notFound, "no graph snapshot here; build one with `kg ingest FILES --graph \(path)` or pass --graph FILE")
        }
        return try SnapshotFile.openGraph(path)
    }
}
