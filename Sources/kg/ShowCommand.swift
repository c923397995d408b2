import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg show X`: the entity card.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Everything the graph knows about one entity.")

    @Argument(help: "Entity: name, alias, unique prefix or id.") var entity: String
    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(help: "Print JSON.") var json = false

    func run() {
        do {
            let g = try openQueryGraph(graph)
            let card = entityCardQuery(g, try NameLookup.node(entity, in: g))
            if json { try TableOutput.printJSON(card); return }
            print("\(card.node.label)  [\(card.node.kind)]  id=\(card.node.id)")
            if !card.aliases.isEmpty { print("aliases: " + card.aliases.joined(separator: "、")) }
            if !card.attributes.isEmpty {
                print()
                print(TableOutput.render(headers: ["attribute", "value"], rows: card.attributes.map { [$0.key, $0.value] },
                                         maxWidths: [nil, 80]))
            }
            for group in card.relations {
                print()
                print(group.outgoing ? "\(group.relation) →" : "← \(group.relation)")
                print(TableOutput.render(headers: ["entity", "kind", "where", "evidence"],
                                         rows: group.items.map { [$0.other.label, $0.other.kind, TableOutput.shortLocation($0.evidence?.location), $0.evidence?.text ?? ""] },
                                         maxWidths: [40, nil, 40, 60]))
            }
            if !card.documents.isEmpty {
                print()
                print("documents")
                print(TableOutput.render(headers: ["date", "number", "title"],
                                         rows: card.documents.map { [$0.date ?? "", $0.docNumber ?? "", $0.title] },
                                         maxWidths: [nil, 30, 70]))
            }
            if !card.evidence.isEmpty {
                print()
                print(TableOutput.render(headers: ["where", "evidence"], rows: card.evidence.map { [TableOutput.shortLocation($0.location), $0.text] },
                                         maxWidths: [40, 80]))
            }
        } catch { fail(error) }
    }
}
