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

/// `coissueQuery` over co-issued documents read before (`documents` must hold those of `agency`, or all of them):
/// their pairs grouped by `CoissuePairIndex`, ranked by count, then by the agencies' ids.
public func coissueQuery(_ graph: Graph, documents: CoissuedDocuments, agency: Int? = nil,
                         options: CoissueOptions = CoissueOptions()) -> [CoissuePair] {
    let index = CoissuePairIndex(graph, documents: documents, agency: agency)
    return index.ranked(options).map { index.coissuePair(graph, $0, options: options) }
}

/// How many co-issued documents (with `agency` among the issuers, when given) have no date: the ones a date
/// filter leaves out unless `CoissueOptions.includeUndated`.
public func undatedCoissuedDocumentCount(_ graph: Graph, agency: Int? = nil) -> Int {
    undatedCoissuedDocumentCount(agency.map { CoissuedDocuments(graph, agency: $0) } ?? CoissuedDocuments(graph), agency: agency)
}

/// `undatedCoissuedDocumentCount` over co-issued documents read before.
public func undatedCoissuedDocumentCount(_ documents: CoissuedDocuments, agency: Int? = nil) -> Int {
    let documents = documents.restricted(to: agency)
    return documents.dateOfEntry.count { $0 < 0 }
}
