import Foundation
import Hummingbird
import PolicyCore
import PolicyExport
import PolicyQuery
import PolicyStore

/// "Export this view": the current selection written by the same exporters as `kg export`, as a download.
extension Explorer {
    /// Largest view exported over HTTP; bigger ones are `kg export`'s job.
    static let largestExport = 200_000
    /// Formats one file holds (Neo4j's two CSV files are `kg export`'s).
    static let exportFormats: [ExportFormat] = [.graphml, .gexf, .rdfxml, .turtle, .ntriples, .nquads, .jsonl, .dot]

    /// The selection is either explicit nodes (`node=`, repeatable, with the edges among them), the neighbourhood of
    /// one node (`around=`, `depth=`, as `kg neighbors`), or the whole graph under `kg export`'s filters
    /// (`view`, `from`, `to`, `kind`, `relation`).
    func export(_ loaded: LoadedGraph, _ p: QueryParameters) throws -> Response {
        let graph = loaded.graph
        let formatName = try p.choice("format", Self.exportFormats.map(\.rawValue), default: "graphml")
        let format = ExportFormat(rawValue: formatName)!
        var options = ExportOptions()
        options.view = ExportView(rawValue: try p.choice("view", ExportView.allCases.map(\.rawValue), default: "full"))!
        let range = try p.dateRange()
        options.from = range.from
        options.to = range.to
        options.nodeKinds = try p.nodeKinds("kind", in: graph) ?? []
        options.relations = try p.relations("relation", in: graph) ?? []
        if options.view == .coissue && [.rdfxml, .turtle, .ntriples, .nquads, .jsonl].contains(format) {
            throw ServeError.badRequest("view coissue is available for graphml, gexf and dot; \(format.rawValue) exports the full graph")
        }
        var selected = Set<Int>()
        for name in try p.list("node").prefix(5_000) { selected.insert(try ServeError.node(name, in: graph, parameter: "node")) }
        if let around = try p.string("around") {
            let start = try ServeError.node(around, in: graph, parameter: "around")
            selected.insert(start)
            let depth = try p.int("depth", default: 1, in: 1...3)
            for n in neighborsQuery(graph, of: start, depth: depth, relations: options.relations.isEmpty ? nil : options.relations)
                .prefix(Self.largestExport) {
                if let i = graph.node(withID: n.node.id) { selected.insert(i) }
            }
        }
        let view: GraphView
        if selected.isEmpty {
            view = try GraphView(graph: graph, options: options)
        } else {
            var edges = Set<Int>()
            for n in selected {
                for e in graph.outEdges(n) where selected.contains(graph.edgeTarget(Int(e))) {
                    if options.relations.isEmpty || options.relations.contains(graph.edgeKind(Int(e))) { edges.insert(Int(e)) }
                }
            }
            view = GraphView(graph: graph, nodes: selected, edges: edges)
        }
        guard view.includedNodeCount <= Self.largestExport else {
            throw ServeError(status: .contentTooLarge,
                             message: "the view has \(view.includedNodeCount) nodes, more than \(Self.largestExport) exported over HTTP: narrow it or use kg export")
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("kg-serve-\(UUID().uuidString).\(format.fileExtension)").path
        defer { unlink(temporary) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ServeError(status: .serviceUnavailable, message: "cannot create a temporary file for the export") }
        do {
            try GraphExporter.write(view, format: format, options: options, fileDescriptor: fd, path: temporary)
            close(fd)
        } catch {
            close(fd)
            throw error
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: temporary)))
        let types: [ExportFormat: String] = [.graphml: "application/xml", .gexf: "application/xml", .rdfxml: "application/rdf+xml",
                                            .turtle: "text/turtle", .ntriples: "application/n-triples", .nquads: "application/n-quads",
                                            .jsonl: "application/x-ndjson", .dot: "text/vnd.graphviz"]
        return Self.download(bytes, contentType: (types[format] ?? "application/octet-stream") + "; charset=utf-8",
                             filename: "policykg-view.\(format.fileExtension)")
    }
}
