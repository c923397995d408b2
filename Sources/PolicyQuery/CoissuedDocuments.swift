import PolicyStore

/// The documents of a graph with at least two issuing agencies, read once: each with its issuers (sorted) and the
/// reference that results cite, plus the documents of each agency. Every co-issuance question (any agency, any date
/// range, any minimum count) is answered from it without another scan of the graph.
public struct CoissuedDocuments: Sendable {
    /// One co-issued document.
    struct Entry: Sendable {
        let node: Int32
        /// Issuing agencies, sorted by node number, without repeats.
        let issuers: [Int32]
        let reference: DocumentReference
    }

    /// By node number.
    let entries: [Entry]
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
        var entries: [Entry] = []
        var byAgency: [Int32: [Int32]] = [:]
        if let issuedBy = graph.edgeKinds.firstIndex(of: .issuedBy) {
            for d in documents {
                var issuers: [Int32] = []
                for e in graph.outEdges(d) where graph.edgeKindOrdinal(Int(e)) == issuedBy {
                    let a = Int32(graph.edgeTarget(Int(e)))
                    if !issuers.contains(a) { issuers.append(a) }
                }
                guard issuers.count >= 2 else { continue }
                issuers.sort()
                for a in issuers { byAgency[a, default: []].append(Int32(entries.count)) }
                entries.append(Entry(node: Int32(d), issuers: issuers, reference: DocumentReference(graph, d)))
            }
        }
        self.entries = entries
        self.byAgency = byAgency
    }

    /// The entries with `agency` among the issuers (all entries without one).
    func entries(of agency: Int?) -> [Entry] {
        guard let agency else { return entries }
        return (byAgency[Int32(agency)] ?? []).map { entries[Int($0)] }
    }
}
