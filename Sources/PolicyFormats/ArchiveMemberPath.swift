/// The source path of an archive member, written the way jar URLs are: `corpus.zip!/dir/member.txt` — the
/// archive's path as the user gave it (or as found below a folder), `!/`, then the member's path inside the
/// archive. Evidence of a member points into the member's own bytes (line, column and byte offsets within it).
public enum ArchiveMemberPath {
    /// What separates the archive's path from the member's path.
    public static let separator = "!/"

    /// `archive!/member` (a leading "/" of the member path is dropped).
    public static func join(archive: String, member: String) -> String {
        archive + separator + (member.hasPrefix("/") ? String(member.dropFirst()) : member)
    }

    /// Splits a member's source path at the first `.zip!/` (extension case-insensitive); nil for other paths.
    public static func split(_ path: String) -> (archive: String, member: String)? {
        let scalars = Array(path.unicodeScalars)
        let marker = Array(".zip!/".unicodeScalars)
        guard scalars.count > marker.count else { return nil }
        for start in 0...(scalars.count - marker.count) {
            var matches = true
            for k in 0..<marker.count {
                let a = scalars[start + k].properties.lowercaseMapping, b = String(marker[k])
                if a != b { matches = false; break }
            }
            guard matches, start > 0 else { continue }
            let archiveEnd = start + 4   // keep ".zip"
            let member = String(String.UnicodeScalarView(scalars[(archiveEnd + 2)...]))
            guard !member.isEmpty else { return nil }
            return (String(String.UnicodeScalarView(scalars[..<archiveEnd])), member)
        }
        return nil
    }

    /// The member-path prefix shared by every member of `archive` (`archive!/`).
    public static func prefix(ofMembersOf archive: String) -> String { archive + separator }
}
