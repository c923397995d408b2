import PolicyCore
import PolicyStore

/// The documents of a graph with at least two issuing agencies, read once: each with its issuers (sorted) and its
/// date, plus the documents of each agency. Every co-issuance question (any agency, any date range, any minimum
/// count) is answered from it without another scan of the graph.
///
/// Entries are kept in flat arrays (a node, a run of issuers, a date number each): at a million nodes the whole
/// network's co-issued documents then cost tens of bytes each, not an array and four strings. What results cite
/// (`DocumentReference`) is read from the graph for the documents a page shows.
public struct CoissuedDocuments: Sendable {
    /// The document node of each entry, in node order.
    let nodes: [Int32]
    /// The issuers of entry `e` (sorted by node number, without repeats): `issuers[issuerStart[e]..<issuerStart[e + 1]]`.
    let issuerStart: [Int32]
    let issuers: [Int32]
    /// The distinct dates of the entries, and each entry's position among them (-1: no date): a date filter is
    /// decided once per distinct date, then read per entry.
    let distinctDates: [String]
    let dateOfEntry: [Int32]
    /// Entry positions of each issuing agency, in node order.
    let byAgency: [Int32: [Int32]]

    /// Every co-issued document of `graph` (one scan of the out-edges).
    public init(_ graph: Graph) {
        self.init(graph, documents: 0..<graph.nodeCount)
    }

    /// The co-issued documents that `agency` issued (read from its in-edges only).
    public init(_ graph: Graph, agency: Int) {
        var documents = Set<Int>()
        if let issuedBy = graph.edgeKinds.firstIndex(of: .issuedBy) {
            for e in graph.inEdges(agency) where graph.edgeKindOrdinal(Int(e)) == issuedBy { documents.insert(graph.edgeSource(Int(e))) }
        }
        self.init(graph, documents: documents.sorted())
    }

    private init<S: Sequence>(_ graph: Graph, documents: S) where S.Element == Int {
        var builder = Builder()
        if let issuedBy = graph.edgeKinds.firstIndex(of: .issuedBy) {
            var issuers: [Int32] = []
            for d in documents {
                // (A question past its deadline stops here; whoever set the deadline discards what it gets.)
                if d & 0x3FFF == 0, QueryDeadline.hasPassed { break }
                issuers.removeAll(keepingCapacity: true)
                for e in graph.outEdges(d) where graph.edgeKindOrdinal(Int(e)) == issuedBy {
                    let a = Int32(graph.edgeTarget(Int(e)))
                    if !issuers.contains(a) { issuers.append(a) }
                }
                guard issuers.count >= 2 else { continue }
                issuers.sort()
                builder.append(node: Int32(d), issuers: issuers, date: graph.attribute("date", ofNode: d)?.stringValue)
            }
        }
        self.init(builder)
    }

    private init(_ builder: Builder) {
        nodes = builder.nodes
        issuerStart = builder.issuerStart
        issuers = builder.issuers
        distinctDates = builder.distinctDates
        dateOfEntry = builder.dateOfEntry
        byAgency = builder.byAgency
    }

    /// Collects entries in order.
    private struct Builder {
        var nodes: [Int32] = []
        var issuerStart: [Int32] = [0]
        var issuers: [Int32] = []
        var distinctDates: [String] = []
        var dateNumbers: [String: Int32] = [:]
        var dateOfEntry: [Int32] = []
        var byAgency: [Int32: [Int32]] = [:]

        mutating func append<C: Collection>(node: Int32, issuers entryIssuers: C, date: String?) where C.Element == Int32 {
            let entry = Int32(nodes.count)
            nodes.append(node)
            for a in entryIssuers { byAgency[a, default: []].append(entry) }
            issuers += entryIssuers
            issuerStart.append(Int32(issuers.count))
            dateOfEntry.append(number(of: date))
        }

        private mutating func number(of date: String?) -> Int32 {
            guard let date, !date.isEmpty else { return -1 }
            if let known = dateNumbers[date] { return known }
            dateNumbers[date] = Int32(distinctDates.count)
            distinctDates.append(date)
            return Int32(distinctDates.count - 1)
        }
    }

    /// How many co-issued documents there are.
    public var count: Int { nodes.count }

    /// The issuers of entry `e`, sorted by node number.
    func issuers(of e: Int) -> ArraySlice<Int32> { issuers[Int(issuerStart[e])..<Int(issuerStart[e + 1])] }

    /// The date of entry `e` (nil when it has none).
    func date(of e: Int) -> String? {
        let d = dateOfEntry[e]
        return d < 0 ? nil : distinctDates[Int(d)]
    }

    /// Entry `e` as results cite it (read from `graph`, which must be the graph the entries were read from).
    func reference(_ e: Int, in graph: Graph) -> DocumentReference { DocumentReference(graph, Int(nodes[e])) }

    /// The entries with `agency` among the issuers (all entries without one), as co-issued documents of their own.
    func restricted(to agency: Int?) -> CoissuedDocuments {
        guard let agency else { return self }
        let positions = byAgency[Int32(agency)] ?? []
        if positions.count == count { return self }
        var builder = Builder()
        for p in positions {
            let e = Int(p)
            builder.append(node: nodes[e], issuers: issuers(of: e), date: date(of: e))
        }
        return CoissuedDocuments(builder)
    }
}
