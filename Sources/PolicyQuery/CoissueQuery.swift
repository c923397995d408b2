import PolicyCore
import PolicyStore

/// Filters for co-issuance.
public struct CoissueOptions: Sendable {
    /// Inclusive ISO date bounds (`yyyy`, `yyyy-mm` or `yyyy-mm-dd`); documents without a date are left out when
    /// set, unless `includeUndated` (`undatedCoissuedDocumentCount` tells how many were left out).
    public var from: String?
    public var to: String?
    public var minCount: Int
    /// Count documents without a date even when date bounds are set.
    public var includeUndated: Bool

    public init(from: String? = nil, to: String? = nil, minCount: Int = 1, includeUndated: Bool = false) {
        self.from = from
        self.to = to
        self.minCount = minCount
        self.includeUndated = includeUndated
    }

    /// Whether date bounds are set.
    public var filtersByDate: Bool { from != nil || to != nil }

    /// Whether a document date lies in the range (prefix-aware: `to: "2021"` includes "2021-12-31").
    func admits(_ date: String?) -> Bool {
        if from == nil && to == nil { return true }
        guard let date, !date.isEmpty else { return includeUndated }
        if let from, date < from && !from.hasPrefix(date) { return false }
        if let to, date > to && !date.hasPrefix(to) { return false }
        return true
    }
}

/// A document in co-issuance results.
public struct DocumentReference: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var docNumber: String?
    public var date: String?

    /// Document node `n` as results name it.
    public init(_ graph: Graph, _ n: Int) {
        id = graph.nodeID(n)
        title = graph.attribute("title", ofNode: n)?.stringValue ?? graph.label(n)
        docNumber = graph.attribute("doc_number", ofNode: n)?.stringValue
        date = graph.attribute("date", ofNode: n)?.stringValue
    }
}

/// Two agencies that issued documents together.
public struct CoissuePair: Codable, Hashable, Sendable {
    public var first: NodeReference
    public var second: NodeReference
    public var count: Int
    /// Sorted by date, then id.
    public var documents: [DocumentReference]
}

/// Agency pairs that co-issued documents (a document with ≥ 2 `issued_by` agencies), ranked by count.
/// With `agency`, only pairs that include it (it is then always `first`).
public func coissueQuery(_ graph: Graph, agency: Int? = nil, options: CoissueOptions = CoissueOptions()) -> [CoissuePair] {
    struct PairKey: Hashable { var a: Int32; var b: Int32 }
    var pairs: [PairKey: [Int]] = [:]
    for (d, list) in coissuedDocuments(graph, agency: agency) {
        guard options.admits(graph.attribute("date", ofNode: d)?.stringValue) else { continue }
        if let agency {
            for other in list where other != agency { pairs[PairKey(a: Int32(agency), b: Int32(other)), default: []].append(d) }
        } else {
            for i in 0..<list.count {
                for j in (i + 1)..<list.count { pairs[PairKey(a: Int32(list[i]), b: Int32(list[j])), default: []].append(d) }
            }
        }
    }
    var out: [CoissuePair] = []
    for (key, docs) in pairs where docs.count >= options.minCount {
        let refs = docs.map { DocumentReference(graph, $0) }.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
        out.append(CoissuePair(first: NodeReference(graph, Int(key.a)), second: NodeReference(graph, Int(key.b)),
                               count: docs.count, documents: refs))
    }
    out.sort { ($1.count, $0.first.id, $0.second.id) < ($0.count, $1.first.id, $1.second.id) }
    return out
}

/// How many co-issued documents (with `agency` among the issuers, when given) have no date: the ones a date
/// filter leaves out unless `CoissueOptions.includeUndated`.
public func undatedCoissuedDocumentCount(_ graph: Graph, agency: Int? = nil) -> Int {
    coissuedDocuments(graph, agency: agency).filter { d, _ in
        (graph.attribute("date", ofNode: d)?.stringValue ?? "").isEmpty
    }.count
}

/// Documents with at least two issuing agencies (with `agency` among them, when given), with their issuers sorted.
private func coissuedDocuments(_ graph: Graph, agency: Int?) -> [(document: Int, issuers: [Int])] {
    guard let issuedBy = graph.edgeKinds.firstIndex(of: .issuedBy) else { return [] }
    func issuers(of document: Int) -> [Int] {
        var out: [Int] = []
        for e in graph.outEdges(document) where graph.edgeKindOrdinal(Int(e)) == issuedBy {
            let a = graph.edgeTarget(Int(e))
            if !out.contains(a) { out.append(a) }
        }
        return out.sorted()
    }
    var documents: [Int] = []
    if let agency {
        for e in graph.inEdges(agency) where graph.edgeKindOrdinal(Int(e)) == issuedBy {
            documents.append(graph.edgeSource(Int(e)))
        }
        documents = Array(Set(documents)).sorted()
    } else {
        documents = (0..<graph.nodeCount).filter { n in
            graph.outEdges(n).contains { graph.edgeKindOrdinal(Int($0)) == issuedBy }
        }
    }
    return documents.map { ($0, issuers(of: $0)) }.filter { $0.issuers.count >= 2 }
}
