import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg targets [PROGRAMME|AGENCY]`: quantitative targets and who sets them.
struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets", abstract: "Quantitative targets, all or those of one programme or agency.")

    @Argument(help: "Programme or agency (omit for all targets).") var owner: String?
    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(help: "Print JSON.") var json = false

    func run() {
        do {
            let g = try openQueryGraph(graph)
            let node = try owner.map { try NameLookup.node($0, in: g) }
            let rows = targetsQuery(g, owner: node)
            if json { try TableOutput.printJSON(rows); return }
            guard !rows.isEmpty else { print("no targets"); return }
            print(TableOutput.render(
                headers: ["target", "value", "unit", "cmp", "deadline", "set by", "where"],
                rows: rows.map { r in
                    [r.target.label, r.value ?? "", r.unit ?? "", r.comparator ?? "", r.deadline ?? "",
                     r.setBy.map(\.label).joined(separator: "、"), TableOutput.shortLocation(r.evidence?.location)]
                },
                maxWidths: [50, nil, nil, nil, nil, 40, 40]))
        } catch { fail(error) }
    }
}
