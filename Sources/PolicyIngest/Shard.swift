import PolicyCore
import PolicyFormats

/// One part of a sharded ingest: `kg ingest PATHS --shard K/N` takes only the inputs whose shard key hashes to K
/// (`0 ≤ K < N`), so N processes — on one machine or many — each build one snapshot and `kg merge` combines them.
///
/// The key is machine-independent on purpose: the last component of the path named on the command line (the ingest
/// root) followed by the input's path below it (`corpus/2023/a.txt`, `portal.zip!/dir/b.html`). A source's identity
/// (its realpath) would not do: workers that mount the shared folder at different places would disagree about which
/// shard a file belongs to, and a file would land in two shards or in none. The hash is 64-bit FNV-1a of the key's
/// UTF-8 bytes, a fixed function (Swift's `Hasher` is seeded per process), so the assignment is the same on every
/// machine and in every run.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// Which shard, `0 ..< count`.
    public let index: Int
    /// How many shards the inputs are split into.
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (0..<count).contains(index) else {
            throw KGError(kind: .invalidOption, "--shard \(index)/\(count): K/N needs N ≥ 1 and 0 ≤ K < N")
        }
        self.index = index
        self.count = count
    }

    /// Reads `K/N` (for example `0/4`, the first of four shards).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw KGError(kind: .invalidOption, "--shard takes K/N (shard K of N, counted from 0), got '\(text)'")
        }
        try self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the input at `path` (as discovery wrote it below one of `roots`) belongs to this shard.
    public func contains(path: String, roots: [String]) -> Bool {
        Int(Self.hash(Self.key(of: path, roots: roots)) % UInt64(count)) == index
    }

    /// The shard key of an input path found below one of `roots` (the first that holds it, in command-line order):
    /// the root's last component, then the rest of the path. A path below no root is its own key.
    public static func key(of path: String, roots: [String]) -> String {
        for root in roots {
            if path == root { return lastComponent(root) }
            let folder = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(folder) { return lastComponent(root) + "/" + path.dropFirst(folder.count) }
            let members = ArchiveMemberPath.prefix(ofMembersOf: root)
            if path.hasPrefix(members) { return lastComponent(root) + "!/" + path.dropFirst(members.count) }
        }
        return path
    }

    /// 64-bit FNV-1a of the UTF-8 bytes of `key` (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
    public static func hash(_ key: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// `corpus` for `/data/corpus/`, `a.zip` for `../a.zip`; a path of slashes only stays as written.
    static func lastComponent(_ root: String) -> String {
        root.split(separator: "/").last.map(String.init) ?? root
    }
}
