import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg path A B`: shortest path(s) between two entities, each hop with relation, direction and evidence.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path", abstract: "Shortest path(s) between two entities, with the evidence for each hop.")

    @Argument(help: "Start entity: name, alias, unique name prefix or id.") var from: String
    @Argument(help: "End entity.") var to: String
    @Option(name: .customLong("max-hops"), parsing: .unconditional, help: "Longest path considered.") var maxHops = 6
    @Option(help: "Only these relations (comma-separated, e.g. issued_by,cooperates).") var relations: [String] = []
    @Option(name: .customLong("node-kinds"), help: "Only these kinds of intermediate nodes (comma-separated).") var nodeKinds: [String] = []
    @Option(name: .customShort("k"), parsing: .unconditional, help: "Number of alternative paths.") var k = 1
    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try OptionValidation.checkAtLeast(maxHops, 1, flag: "--max-hops")
        try OptionValidation.checkAtLeast(k, 1, flag: "-k")
    }

    func run() {
        do {
            let g = try openQueryGraph(graph)
            let a = try NameLookup.node(from, in: g), b = try NameLookup.node(to, in: g)
            if a == b {
                let id = g.nodeID(a)
                print(from == to ? "\(from) is one entity (\(id)): there is no path to find"
                               : "\(from) and \(to) name the same entity (\(id)): there is no path to find")
                return
            }
            let options = PathOptions(
                maxHops: maxHops,
                relations: try OptionValidation.kinds(TableOutput.list(relations), known: g.edgeKinds, noun: "relation", option: "relations"),
                nodeKinds: try OptionValidation.kinds(TableOutput.list(nodeKinds), known: g.nodeKinds, noun: "node kind", option: "node-kinds"), k: k)
            let answer = pathQuery(g, from: a, to: b, options: options)
            if json { try TableOutput.printJSON(answer); return }
            guard !answer.paths.isEmpty else {
                print("no path between \(answer.from.label) and \(answer.to.label) within \(maxHops) hops")
                return
            }
            for (i, path) in answer.paths.enumerated() {
                if answer.paths.count > 1 { print("path \(i + 1) (\(path.count) hops)") }
                let rows: [[String]] = path.map { hop -> [String] in
                    [hop.from.label, TableOutput.arrow(hop.relation, forward: hop.forward), hop.to.label,
                     TableOutput.shortLocation(hop.evidence?.location), hop.evidence?.text ?? ""]
                }
                print(TableOutput.render(headers: ["from", "relation", "to", "where", "evidence"], rows: rows,
                                         maxWidths: [30, nil, 30, 40, 60]))
                if i < answer.paths.count - 1 { print() }
            }
        } catch { fail(error) }
    }
}
