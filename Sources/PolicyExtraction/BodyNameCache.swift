import PolicyOntology
import Synchronization

/// Names of local bodies already built by one recogniser. Texts name the same bodies (江苏省财政厅) again and
/// again, in one document and across documents, and expanding the suffix template costs more than a lookup.
/// Shared by all calls of the recogniser, hence behind a lock; a name depends only on its key, so what a call
/// finds is what it would have built.
final class BodyNameCache: Sendable {
    private struct Key: Hashable {
        let suffix: Int
        let region: ByteKey
        /// (Regions sharing a name — 朝阳区 of 北京 and of 长春 — may give their bodies different names.)
        let code: String?
        let short: ByteKey?
    }

    private let names = Mutex<[Key: (canonical: String, parent: String?)]>([:])

    /// The name of suffix `index` for `region`, built by `build` the first time.
    func name(suffix index: Int, region: Region, build: () -> (canonical: String, parent: String?))
        -> (canonical: String, parent: String?) {
        let key = Key(suffix: index, region: ByteKey(region.canonical), code: region.code, short: region.aliases.first.map(ByteKey.init))
        if let known = names.withLock({ $0[key] }) { return known }
        let made = build()
        names.withLock { $0[key] = made }
        return made
    }
}
