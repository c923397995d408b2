import ArgumentParser
import Foundation
import PolicyCore
import PolicyExport
import PolicyStore

/// `kg render X [--to Y]`: draw an agency's co-issuance neighbourhood, or a path between two entities, with Graphviz.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw an agency's co-issuance neighbourhood, or a path between two entities (needs Graphviz dot).")

    @Argument(help: "An entity name, alias or id (an agency for the co-issuance neighbourhood).")
    var entity: String

    @Option(name: .long, help: "Draw a shortest path from the entity to this one instead.")
    var to: String?

    @Option(name: .long, help: "svg | png | pdf | dot (dot writes the Graphviz source, no Graphviz needed).")
    var format: String = "svg"

    @Option(name: .long, help: "Output file.")
    var out: String

    @Option(name: .long, help: "Documents dated on or after (co-issuance only).")
    var from: String?

    @Option(name: .customLong("until"), help: "Documents dated on or before (co-issuance only).")
    var until: String?

    @Option(name: .long, help: "The graph snapshot (default: $KG_GRAPH or kg.kgs).")
    var graph: String?

    func run() throws {
        do {
            let graphPath = graph ?? ProcessInfo.processInfo.environment["KG_GRAPH"] ?? "kg.kgs"
            let loaded = try SnapshotFile.loadGraph(graphPath)
            let first = try resolve(entity, in: loaded)
            var options = ExportOptions()
            options.from = from
            options.to = until
            let subject: GraphvizRenderer.Subject
            if let to {
                subject = .path(first, try resolve(to, in: loaded))
            } else {
                guard loaded.nodeKind(first) == .agency else {
                    throw KGError("\(entity) is a \(loaded.nodeKind(first).rawValue), not an agency; give --to for a path")
                }
                subject = .coissueNeighbourhood(first)
            }
            let source = try GraphvizRenderer.dotSource(loaded, subject, options: options)
            if format.lowercased() == "dot" {
                try source.write(toFile: out, atomically: true, encoding: .utf8)
            } else {
                guard let image = GraphvizRenderer.ImageFormat(rawValue: format.lowercased()) else {
                    throw KGError("unknown format '\(format)'; use svg, png, pdf or dot")
                }
                try GraphvizRenderer.render(dot: source, format: image, to: out)
            }
            writeToStandardError("wrote \(out)\n")
        } catch {
            fail(error)
        }
    }

    private func resolve(_ name: String, in graph: Graph) throws -> Int {
        if let n = graph.node(withID: name) { return n }
        switch graph.resolve(name) {
        case .found(let n): return n
        case .notFound: throw KGError("no entity named '\(name)'")
        case .ambiguous(let candidates):
            let list = candidates.prefix(10).map { "\(graph.label($0)) (\(graph.nodeKind($0).rawValue), \(graph.nodeID($0)))" }
            throw KGError("'\(name)' is ambiguous: " + list.joined(separator: "; "))
        }
    }
}
