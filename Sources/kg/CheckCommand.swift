import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg check`: verify a whole snapshot (queries verify only the sections they read).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify every section of a graph snapshot.",
        discussion: """
        Queries check the checksum of each section they read, and never read the per-source records that only \
        ingest, remove and merge need. `kg check` verifies all of them, the graph's consistency, and that the \
        per-source records decode, and every delta beside the snapshot; it exits non-zero naming the first damaged \
        section or delta file.
        """)

    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(help: "Print JSON.") var json = false

    func run() {
        do {
            let path = TableOutput.graphPath(graph)
            guard SnapshotFile.exists(path) else { throw KGError(file: path, kind: .notFound, "no graph snapshot here") }
            let report = try SnapshotFile.check(path)
            if json { try TableOutput.printJSON(report); return }
            print("\(path): ok, format \(report.version), \(report.bytes) bytes, \(report.sections) sections verified; "
                  + "\(report.nodes) nodes, \(report.edges) edges, \(report.sources) sources"
                  + (report.hasContributions ? "" : " (saved without per-source records: not updatable incrementally)")
                  + (report.deltas == 0 ? "" : "; with \(report.deltas) delta\(report.deltas == 1 ? "" : "s") (\(report.deltaBytes) bytes) verified and applied")
                  + (report.staleDeltas == 0 ? "" : "; \(report.staleDeltas) stale delta file\(report.staleDeltas == 1 ? "" : "s") of an earlier snapshot ignored"))
        } catch { fail(error) }
    }
}
