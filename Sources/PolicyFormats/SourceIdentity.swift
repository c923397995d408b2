#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one identity of a source, whatever spelling of its path the user typed: the canonical absolute path of the
/// file (symbolic links, `.`, `..` and repeated slashes resolved, as `realpath(3)` does), and for an archive member
/// the archive's canonical path, `!/`, then the member's path inside it (`/data/corpus.zip!/dir/a.txt`).
///
/// `kg ingest /data/corpus` run from `/` and `kg ingest corpus` run from `/data` record the same sources; `kg remove`
/// finds a file by any spelling. The written path stays the source's display path (evidence, exports); the
/// identity only decides which recorded source an input is.
public enum SourceIdentity {
    /// The identity of `path`. A path that no longer exists (a deleted file being removed) is canonicalised as far
    /// as it does exist — its deepest existing folder — with the rest appended as written, so a file deleted
    /// since its ingest keeps the identity it had.
    public static func of(_ path: String) -> String {
        if let (archive, member) = ArchiveMemberPath.split(path) {
            return ArchiveMemberPath.join(archive: canonicalPath(archive), member: member)
        }
        return canonicalPath(path)
    }

    /// The canonical absolute path of `path` (see `of`).
    static func canonicalPath(_ path: String) -> String {
        if let resolved = realPath(path) { return resolved }
        // Canonicalise the deepest existing ancestor and append the missing components.
        var missing: [Substring] = []
        var head = Substring(path)
        while let slash = head.lastIndex(of: "/") {
            missing.insert(head[head.index(after: slash)...], at: 0)
            head = head[..<slash]
            let ancestor = head.isEmpty ? "/" : String(head)
            if let resolved = realPath(ancestor) { return join(resolved, missing) }
        }
        // A bare name relative to the working directory.
        missing.insert(head, at: 0)
        guard let cwd = realPath(".") else { return path }
        return join(cwd, missing)
    }

    private static func join(_ base: String, _ components: [Substring]) -> String {
        let rest = components.filter { !$0.isEmpty && $0 != "." }
        var out = base
        for c in rest {
            if c == ".." {
                if let slash = out.lastIndex(of: "/"), out != "/" { out = slash == out.startIndex ? "/" : String(out[..<slash]) }
            } else {
                out += (out.hasSuffix("/") ? "" : "/") + c
            }
        }
        return out
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension SourceIdentity {
    /// The identity of a source recorded, before sources had identities, under the path the user typed then
    /// (relative to a working directory nobody recorded): the file that path names from the current working
    /// directory if it exists there, else from the snapshot's folder, else the path canonicalised from here.
    public static func migrated(recordedPath: String, snapshotPath: String) -> String {
        func exists(_ path: String) -> Bool {
            let file = ArchiveMemberPath.split(path)?.archive ?? path
            var info = stat()
            return stat(file, &info) == 0
        }
        if exists(recordedPath) || recordedPath.hasPrefix("/") { return of(recordedPath) }
        let folder = snapshotPath.lastIndex(of: "/").map { String(snapshotPath[..<$0]) } ?? "."
        let fromSnapshot = (folder.isEmpty ? "/" : folder + "/") + recordedPath
        return exists(fromSnapshot) ? of(fromSnapshot) : of(recordedPath)
    }
}
