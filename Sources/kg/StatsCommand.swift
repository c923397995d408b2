import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg stats`: what the graph holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts of nodes, edges, sources and hubs.")

    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "List every source file (the table lists the first \(Self.listedSources) by default; JSON always has all).")
    var allSources = false

    /// Sources listed without `--all-sources`: a graph of a whole archive has hundreds of thousands.
    static let listedSources = 20

    func run() {
        do {
            let g = try openQueryGraph(graph)
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
                let listed = allSources ? s.sources[...] : s.sources.prefix(Self.listedSources)
                print()
                print(TableOutput.render(headers: ["source", "sha256"], rows: listed.map { [$0.path, String($0.contentHash.prefix(16))] }))
                if listed.count < s.sources.count {
                    print("… and \(s.sources.count - listed.count) more sources (kg stats --all-sources lists every one)")
                }
            }
        } catch { fail(error) }
    }
}
