import PolicyCore
import PolicyQuery
import PolicyStore

/// Opens the graph a one-off query reads (`--graph`, else $KG_GRAPH, else ./kg.kgs): its large sections are
/// verified block by block as the query reads them, and a damaged block is reported like every other error
/// (`fail`: the message on standard error, exit status 1) before any of its bytes is used.
func openQueryGraph(_ option: String?) throws -> Graph {
    SnapshotDamage.handler = { fail($0) }
    return try NameLookup.openGraph(TableOutput.graphPath(option))
}
