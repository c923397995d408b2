import PolicyCore
import PolicyFormats
import PolicyStore

/// Withdrawing inputs from a store, as `kg remove` does.
public enum SourceRemoval {
    /// Withdraws `path` from `store` and returns the source paths removed (as they were written when ingested): the
    /// file or archive member that `path` names, by any spelling (its `SourceIdentity`, else the path as once
    /// written), or — when `path` is an archive the store holds no file for — every member of that archive
    /// (one rebuild). Throws a `KGError` naming `path` when the store holds neither.
    @discardableResult
    public static func remove(_ path: String, from store: inout GraphStore) throws -> [String] {
        let identity = SourceIdentity.of(path)
        if let source = store.source(identity: identity, path: path) {
            try store.remove(path: source.path, identity: source.identity)
            return [source.path]
        }
        let membersPrefix = ArchiveMemberPath.prefix(ofMembersOf: identity)
        let writtenPrefix = ArchiveMemberPath.prefix(ofMembersOf: path)
        func isMember(_ c: SourceContribution) -> Bool { c.identity.hasPrefix(membersPrefix) || c.path.hasPrefix(writtenPrefix) }
        if store.sources.contains(where: { $0.identity.hasPrefix(membersPrefix) || $0.path.hasPrefix(writtenPrefix) }) {
            return try store.remove(where: isMember).map(\.path)
        }
        try store.remove(path: path, identity: identity)
        return [path]
    }
}
