import PolicyCore
import PolicyStore

/// The weighted agency co-issuance network of a view: two agencies are linked when both issued one document
/// (issued_by edges from the document); the weight is the number of such documents.
public struct CoissueNetwork {
    /// One linked pair, `first < second` (node indices), with its joint documents sorted by date then index.
    public struct Pair {
        public var first: Int
        public var second: Int
        public var documents: [Int]
        public var weight: Int { documents.count }
        /// Earliest and latest normalised dates among the dated joint documents.
        public var firstDate: String?
        public var lastDate: String?
    }

    /// Pairs sorted by (first, second).
    public private(set) var pairs: [Pair] = []
    /// Agencies that occur in at least one pair, ascending.
    public private(set) var agencies: [Int] = []

    /// Computes the network over the view's included documents and issued_by edges.
    public init(_ view: GraphView) {
        let graph = view.graph
        var pairIndex: [UInt64: Int] = [:]
        var issuers: [Int] = []
        for doc in 0..<graph.nodeCount where view.includesNode[doc] && graph.nodeKind(doc) == .document {
            issuers.removeAll(keepingCapacity: true)
            for e in graph.outEdges(doc) {
                let edge = Int(e)
                guard view.includesEdge[edge], graph.edgeKind(edge) == .issuedBy else { continue }
                let agency = graph.edgeTarget(edge)
                if agency != doc && !issuers.contains(agency) { issuers.append(agency) }
            }
            guard issuers.count >= 2 else { continue }
            issuers.sort()
            for i in 0..<issuers.count {
                for j in (i + 1)..<issuers.count {
                    let key = UInt64(issuers[i]) << 32 | UInt64(issuers[j])
                    if let p = pairIndex[key] {
                        pairs[p].documents.append(doc)
                    } else {
                        pairIndex[key] = pairs.count
                        pairs.append(Pair(first: issuers[i], second: issuers[j], documents: [doc]))
                    }
                }
            }
        }
        pairs.sort { ($0.first, $0.second) < ($1.first, $1.second) }
        var seen = Set<Int>()
        for p in pairs.indices {
            pairs[p].documents.sort { a, b in
                let da = view.documentDates[a] ?? "9999", db = view.documentDates[b] ?? "9999"
                return da != db ? da < db : a < b
            }
            let dates = pairs[p].documents.compactMap { view.documentDates[$0] }
            pairs[p].firstDate = dates.first
            pairs[p].lastDate = dates.last
            seen.insert(pairs[p].first)
            seen.insert(pairs[p].second)
        }
        agencies = seen.sorted()
    }

    /// How a document is named in lists: "文号 title" when it has a 文号, else its label.
    public static func documentName(_ graph: Graph, _ doc: Int) -> String {
        for (key, value) in graph.attributes(ofNode: doc) where key == "doc_number" {
            if case .string(let number) = value, !number.isEmpty { return number + " " + graph.label(doc) }
        }
        return graph.label(doc)
    }
}
