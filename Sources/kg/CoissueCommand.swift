import ArgumentParser
import PolicyCore
import PolicyQuery
import PolicyStore

/// `kg coissue [AGENCY]`: agencies that issued documents together.
struct CoissueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coissue", abstract: "Agency pairs that co-issued documents, ranked by count.")

    @Argument(help: "Agency (omit for the whole co-issuance network).") var agency: String?
    @Option(help: "Earliest document date (yyyy, yyyy-mm or yyyy-mm-dd).") var from: String?
    @Option(help: "Latest document date (inclusive).") var to: String?
    @Flag(name: .customLong("include-undated"), help: "With --from/--to, also count documents that carry no date.")
    var includeUndated = false
    @Option(name: .customLong("min-count"), parsing: .unconditional, help: "Only pairs with at least this many documents.")
    var minCount = 1
    @Option(parsing: .unconditional, help: "Show at most this many pairs in the table.") var limit = 50
    @Option(help: "Graph snapshot (default $KG_GRAPH or ./kg.kgs).") var graph: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        try OptionValidation.checkDateRange(from: from, to: to)
        try OptionValidation.checkAtLeast(minCount, 1, flag: "--min-count")
        try OptionValidation.checkAtLeast(limit, 1, flag: "--limit")
    }

    func run() {
        do {
            let g = try openQueryGraph(graph)
            let node = try agency.map { try NameLookup.node($0, in: g) }
            let options = CoissueOptions(from: from, to: to, minCount: minCount, includeUndated: includeUndated)
            let pairs = coissueQuery(g, agency: node, options: options)
            if options.filtersByDate && !includeUndated {
                let undated = undatedCoissuedDocumentCount(g, agency: node)
                if undated > 0 {
                    writeToStandardError("note: \(undated) co-issued document\(undated == 1 ? "" : "s") without a date left out by --from/--to (--include-undated counts them)\n")
                }
            }
            if json { try TableOutput.printJSON(pairs); return }
            guard !pairs.isEmpty else { print("no co-issued documents"); return }
            let rows = pairs.prefix(limit).map { p in
                [p.first.label, p.second.label, String(p.count),
                 p.documents.map { d in [d.docNumber, d.date, d.title].compactMap { $0 }.joined(separator: " ") }
                    .joined(separator: "；")]
            }
            print(TableOutput.render(headers: ["agency", "co-issuer", "documents", "which"], rows: rows,
                                     maxWidths: [30, 30, nil, 70]))
            if pairs.count > limit { print("… \(pairs.count - limit) more pairs (--limit, --json)") }
        } catch { fail(error) }
    }
}
