import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg neighbors X`: what lies within a few hops of an entity.
struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors", abstract: "Entities within N hops of an entity.")

    @Argument(help: "Entity: name, alias, unique prefix or id.") var entity: String
    @Option(parsing: .unconditional, help: "Number of hops.") var depth = 1
    @Option(help: "Only list these node kinds (comma-separated).") var kind: [String] = []
    @Option(help: "Only walk these relations (comma-separated).") var relations: [String] = []
    @Option(parsing: .unconditional, help: "Show at most this many rows in the table.") var limit = 100
    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(help: "Print JSON (every row).") var json = false

    func validate() throws {
        try OptionValidation.checkAtLeast(depth, 1, flag: "--depth")
        try OptionValidation.checkAtLeast(limit, 1, flag: "--limit")
    }

    func run() {
        do {
            let g = try openQueryGraph(graph)
            let n = try NameLookup.node(entity, in: g)
            let result = neighborsQuery(g, of: n, depth: depth,
                                        kinds: try OptionValidation.kinds(TableOutput.list(kind), known: g.nodeKinds, noun: "node kind", option: "kind"),
                                        relations: try OptionValidation.kinds(TableOutput.list(relations), known: g.edgeKinds, noun: "relation", option: "relations"))
            if json { try TableOutput.printJSON(result); return }
            // Each row reads as the fact it walked: `via —relation→ entity` when the edge runs from via to the
            // entity, `via ←relation— entity` when it runs the other way.
            let rows: [[String]] = result.prefix(limit).map { r -> [String] in
                [String(r.distance), r.via.label, TableOutput.arrow(r.relation, forward: r.forward), r.node.label,
                 r.node.kind, TableOutput.shortLocation(r.evidence?.location)]
            }
            print(TableOutput.render(headers: ["hops", "via", "relation", "entity", "kind", "where"], rows: rows,
                                     maxWidths: [nil, 30, nil, 40, nil, 40]))
            if result.count > limit { print("… \(result.count - limit) more (--limit, --json)") }
        } catch { fail(error) }
    }
}
