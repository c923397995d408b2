import PolicyQuery
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
    }
    /// Pairs of one agency (`kg coissue AGENCY`): many, cheap to recompute.
    let coissue = BoundedCache<CoissueKey, [CoissuePair]>(capacity: 256)
    /// Pairs of the whole network (a scan of every document): few filters, kept apart so that the per-agency
    /// entries of entity pages never push them out.
    let coissueNetwork = BoundedCache<CoissueKey, [CoissuePair]>(capacity: 16)
    let undated = BoundedCache<Int, Int>(capacity: 64)
    let sourceSpans = BoundedCache<String, [EvidenceSpan]>(capacity: 16)
    let stats = BoundedCache<Int, GraphStats>(capacity: 1)
    let coissueAnswers = BoundedCache<CoissueRequest, CoissueAnswer>(capacity: 64)
    let coissueNetworkAnswers = BoundedCache<CoissueRequest, CoissueAnswer>(capacity: 16)

    /// The cache for co-issuance pairs under `key`.
    func pairs(_ key: CoissueKey) -> BoundedCache<CoissueKey, [CoissuePair]> { key.agency == nil ? coissueNetwork : coissue }
}

extension QueryCaches {
    /// `kg stats` of the snapshot (one scan of every node and edge), kept for the home page.
    static let statsKey = 0
}
