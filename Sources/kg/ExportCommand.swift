import ArgumentParser
import Foundation
import PolicyCore
import PolicyExport
import PolicyStore

/// `kg export`: write the graph (or its co-issuance network) as GraphML, GEXF, RDF, Neo4j CSV, JSONL or DOT.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the graph for Gephi, Cytoscape, yEd, networkx/igraph, RDF stores, Neo4j or Graphviz.",
        discussion: """
        Formats: graphml, gexf (1.3, dynamic), rdfxml, turtle, ntriples, nquads (one named graph per source file), \
        neo4j (a directory with nodes.csv and relationships.csv), jsonl (shared/eval/CONTRACT.md), dot.
        See Exports/README.md for which file to open in which tool.
        """)

    @Option(name: .long, help: "graphml | gexf | rdfxml | turtle | ntriples | nquads | neo4j | jsonl | dot")
    var format: String

    @Option(name: .long, help: "Output file (directory for neo4j; '-' for standard output). Default: graph.<ext> / neo4j/.")
    var out: String?

    @Option(name: .long, help: "full (the multigraph) or coissue (weighted agency co-issuance network).")
    var view: String = "full"

    @Option(name: .long, help: "Keep only nodes of these kinds (repeatable: --kind agency --kind document).")
    var kind: [String] = []

    @Option(name: .long, help: "Keep only edges of these relations (repeatable).")
    var relation: [String] = []

    @Option(name: .long, help: "Documents dated on or after (yyyy, yyyy-mm or yyyy-mm-dd).")
    var from: String?

    @Option(name: .long, help: "Documents dated on or before (yyyy, yyyy-mm or yyyy-mm-dd).")
    var to: String?

    @Option(name: .long, help: "GraphML flavour: plain or yed (y:ShapeNode graphics).")
    var flavour: String = "plain"

    @Option(name: .long, help: "Base IRI for minted resources (RDF formats).")
    var baseIRI: String = "https://policykg.example/id/"

    @Option(name: .long, help: "The graph snapshot (default: $KG_GRAPH or kg.kgs).")
    var graph: String?

    func validate() throws { try OptionValidation.checkDateRange(from: from, to: to) }

    func run() throws {
        do {
            guard let format = ExportFormat(rawValue: format.lowercased()) else {
                throw KGError("unknown format '\(format)'; use one of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let view = ExportView(rawValue: view.lowercased()) else {
                throw KGError("unknown view '\(view)'; use full or coissue")
            }
            var options = ExportOptions()
            options.view = view
            options.from = from
            options.to = to
            switch flavour.lowercased() {
            case "plain", "": options.yEd = false
            case "yed": options.yEd = true
            default: throw KGError("unknown flavour '\(flavour)'; use plain or yed")
            }
            guard baseIRI.contains(":"), !baseIRI.contains(" ") else { throw KGError("--base-iri must be an absolute IRI: \(baseIRI)") }
            options.baseIRI = baseIRI
            let graphPath = graph ?? ProcessInfo.processInfo.environment["KG_GRAPH"] ?? "kg.kgs"
            let loaded = try SnapshotFile.loadGraph(graphPath)
            options.nodeKinds = try OptionValidation.kinds(kind, known: loaded.nodeKinds, noun: "node kind", option: "kind") ?? []
            options.relations = try OptionValidation.kinds(relation, known: loaded.edgeKinds, noun: "relation", option: "relation") ?? []
            let outPath = out ?? (format == .neo4j ? "neo4j" : "graph." + format.fileExtension)
            let written = try GraphExporter.export(loaded, format: format, options: options, to: outPath)
            if outPath != "-" {
                writeToStandardError("wrote " + written.joined(separator: ", ") + "\n")
            }
        } catch {
            fail(error)
        }
    }
}
