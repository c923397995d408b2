import PolicyCore
import PolicyQuery
import PolicyStore
import Synchronization

/// A small bounded cache (least recently inserted entries go first), safe to share between requests.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Store {
        var values: [Key: Value] = [:]
        var order: [Key] = []
    }
    private let store = Mutex(Store())
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The cached value for `key`, or `make()`'s, stored for next time.
    func value(_ key: Key, make: () throws -> Value) rethrows -> Value {
        if let hit = store.withLock({ $0.values[key] }) { return hit }
        let made = try make()
        // An answer computed past the request's deadline (its time limit) may be cut short: not kept.
        if QueryDeadline.hasPassed { return made }
        store.withLock { s in
            if s.values.updateValue(made, forKey: key) == nil { s.order.append(key) }
            while s.order.count > capacity { s.values[s.order.removeFirst()] = nil }
        }
        return made
    }
}

/// Answers worth keeping for one snapshot: whole-network co-issuance (a scan of every document) and the picture
/// drawn from it, the evidence spans of one source file (a scan of every node and edge), the stats.
final class QueryCaches: Sendable {
    struct CoissueKey: Hashable, Sendable {
        var from: String?
        var to: String?
        var minCount: Int
        var includeUndated: Bool
        var agency: Int?

        /// The filters of `kg coissue` this key stands for.
        var options: CoissueOptions {
            CoissueOptions(from: from, to: to, minCount: minCount, includeUndated: includeUndated)
        }
    }
    /// Pairs of one agency (`kg coissue AGENCY`): many, cheap to recompute.
    let coissue = BoundedCache<CoissueKey, [CoissuePair]>(capacity: 256)
    let undated = BoundedCache<Int, Int>(capacity: 64)
    /// The years and slider steps of the co-issued documents of one agency (-1: the whole network), whatever the filter.
    let periods = BoundedCache<Int, (first: Int?, last: Int?, steps: [String])>(capacity: 64)
    /// The co-issued documents of the whole snapshot, read once: every whole-network filter is answered from them.
    let coissuedDocuments = BoundedCache<Int, CoissuedDocuments>(capacity: 1)
    /// The co-issuing pairs of one agency (-1: the whole network) grouped once, for the co-issuance page.
    let pairIndexes = BoundedCache<Int, CoissuePairIndex>(capacity: 64)
    let sourceSpans = BoundedCache<String, [EvidenceSpan]>(capacity: 16)
    let stats = BoundedCache<Int, GraphStats>(capacity: 1)
    let coissueAnswers = BoundedCache<CoissueRequest, CoissueAnswer>(capacity: 64)
    let coissueNetworkAnswers = BoundedCache<CoissueRequest, CoissueAnswer>(capacity: 16)

    /// Co-issuance pairs under `key` (one agency's, or the whole network's), ranked, from the pair index of the
    /// co-issuance page.
    func pairs(_ key: CoissueKey, in graph: Graph) -> [CoissuePair] {
        coissue.value(key) {
            let index = pairIndex(agency: key.agency, in: graph)
            return index.ranked(key.options).map { index.coissuePair(graph, $0, options: key.options) }
        }
    }

    /// Co-issued documents without a date (with `agency` among the issuers, when given).
    func undatedCount(agency: Int?, in graph: Graph) -> Int {
        undated.value(agency ?? -1) {
            guard agency == nil else { return undatedCoissuedDocumentCount(graph, agency: agency) }
            return undatedCoissuedDocumentCount(networkDocuments(graph))
        }
    }

    /// The co-issuing pairs of `agency` (nil: of the whole network), grouped once: every filter of the co-issuance
    /// page is counted from them.
    func pairIndex(agency: Int?, in graph: Graph) -> CoissuePairIndex {
        pairIndexes.value(agency ?? -1) {
            CoissuePairIndex(graph, documents: agency.map { CoissuedDocuments(graph, agency: $0) } ?? networkDocuments(graph),
                             agency: agency)
        }
    }

    /// The snapshot's co-issued documents, read once.
    private func networkDocuments(_ graph: Graph) -> CoissuedDocuments {
        coissuedDocuments.value(0) { CoissuedDocuments(graph) }
    }
}

extension QueryCaches {
    /// `kg stats` of the snapshot (one scan of every node and edge), kept for the home page.
    static let statsKey = 0
}
