import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg stats`: what the graph holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts of nodes, edges, sources and hubs.")

    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(help: "Print JSON.") var json = false

    func run() {
        do {
            let g = try NameLookup.loadGraph(TableOutput.graphPath(graph))
            let s = statsQuery(g)
            if json { try TableOutput.printJSON(s); return }
            print("\(s.nodes) nodes, \(s.edges) edges, \(s.sources.count) sources, \(s.coissuedDocuments) co-issued documents")
            print()
            print(TableOutput.render(headers: ["node kind", "count"], rows: s.nodesByKind.map { [$0.name, String($0.count)] }))
            print()
            print(TableOutput.render(headers: ["relation", "count"], rows: s.edgesByKind.map { [$0.name, String($0.count)] }))
            print()
            print(TableOutput.render(headers: ["hub", "kind", "degree"], rows: s.hubs.map { [$0.node.label, $0.node.kind, String($0.degree)] },
                                     maxWidths: [50, nil, nil]))
            if !s.sources.isEmpty {
                print()
                print(TableOutput.render(headers: ["source", "sha256"], rows: s.sources.map { [$0.path, String($0.contentHash.prefix(16))] }))
            }
        } catch { fail(error) }
    }
}
