import PolicyCore
import PolicyFormats
import PolicyStore

/// Withdrawing inputs from a store, as `kg remove` does.
public enum SourceRemoval {
    /// Withdraws `path` from `store` and returns the source paths removed: the file or archive member recorded
    /// under that path, or — when `path` is an archive the store holds no file for — every member recorded as
    /// `path!/…` (one rebuild). Throws a `KGError` naming `path` when the store holds neither.
    @discardableResult
    public static func remove(_ path: String, from store: inout GraphStore) throws -> [String] {
        let membersPrefix = ArchiveMemberPath.prefix(ofMembersOf: path)
        if store.contentHash(of: path) == nil, store.sources.contains(where: { $0.path.hasPrefix(membersPrefix) }) {
            let all = try store.contributions()
            let kept = all.filter { !$0.path.hasPrefix(membersPrefix) }
            store = GraphStore(contributions: kept)
            return all.map(\.path).filter { $0.hasPrefix(membersPrefix) }
        }
        try store.remove(path: path)
        return [path]
    }
}
