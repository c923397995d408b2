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
    coissueQuery(graph, documents: agency.map { CoissuedDocuments(graph, agency: $0) } ?? CoissuedDocuments(graph),
                 agency: agency, options: options)
}

/// `coissueQuery` over co-issued documents read before (`documents` must hold those of `agency`, or all of them).
public func coissueQuery(_ graph: Graph, documents: CoissuedDocuments, agency: Int? = nil,
                         options: CoissueOptions = CoissueOptions()) -> [CoissuePair] {
    struct PairKey: Hashable { var a: Int32; var b: Int32 }
    var pairs: [PairKey: [Int32]] = [:]
    let entries = documents.entries(of: agency)
    for (index, entry) in entries.enumerated() where options.admits(entry.reference.date) {
        let list = entry.issuers
        if let agency {
            for other in list where other != agency { pairs[PairKey(a: Int32(agency), b: other), default: []].append(Int32(index)) }
        } else {
            for i in 0..<list.count {
                for j in (i + 1)..<list.count { pairs[PairKey(a: list[i], b: list[j]), default: []].append(Int32(index)) }
            }
        }
    }
    // Pairs rank by count, then by the agencies' ids: the ids are compared once, and pairs by those ranks.
    let agencies = Set(pairs.keys.flatMap { [$0.a, $0.b] }).map { (node: $0, id: graph.nodeID(Int($0))) }.sorted { $0.id < $1.id }
    let rank = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($1.node, Int32($0)) })
    let kept = pairs.filter { $0.value.count >= options.minCount }
        .map { (count: $0.value.count, first: rank[$0.key.a]!, second: rank[$0.key.b]!, key: $0.key, documents: $0.value) }
        .sorted { ($1.count, $0.first, $0.second) < ($0.count, $1.first, $1.second) }
    var references: [Int32: NodeReference] = [:]
    func reference(_ a: Int32) -> NodeReference {
        if let known = references[a] { return known }
        let made = NodeReference(graph, Int(a))
        references[a] = made
        return made
    }
    return kept.map { pair in
        let refs = pair.documents.map { entries[Int($0)].reference }.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
        return CoissuePair(first: reference(pair.key.a), second: reference(pair.key.b), count: pair.documents.count, documents: refs)
    }
}

/// How many co-issued documents (with `agency` among the issuers, when given) have no date: the ones a date
/// filter leaves out unless `CoissueOptions.includeUndated`.
public func undatedCoissuedDocumentCount(_ graph: Graph, agency: Int? = nil) -> Int {
    undatedCoissuedDocumentCount(agency.map { CoissuedDocuments(graph, agency: $0) } ?? CoissuedDocuments(graph), agency: agency)
}

/// `undatedCoissuedDocumentCount` over co-issued documents read before.
public func undatedCoissuedDocumentCount(_ documents: CoissuedDocuments, agency: Int? = nil) -> Int {
    documents.entries(of: agency).filter { ($0.reference.date ?? "").isEmpty }.count
}
