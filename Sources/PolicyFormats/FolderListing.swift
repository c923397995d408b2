#if canImport(Glibc)
import Glibc
#endif
import PolicyCore

/// One entry of a folder as the file system names it: bytes, which need not be UTF-8 (a name written under a GBK
/// locale, or copied from an old archive, is GBK bytes).
struct FolderEntry {
    let bytes: [UInt8]

    /// The name, when its bytes are UTF-8 (the only names `kg` paths can spell).
    var name: String? { String(validating: bytes, as: UTF8.self) }

    /// The name as a person can read it: UTF-8, else GB18030 when the bytes decode as that without loss (the
    /// encoding Chinese names that are not UTF-8 are nearly always in), else UTF-8 with each undecodable byte
    /// written `\xNN`.
    var displayName: String {
        if let name { return name }
        let decoded = decodeGB18030WithOffsets(bytes).utf8
        if !decoded.isEmpty, !containsReplacement(decoded) { return String(decoding: decoded, as: UTF8.self) + " (GB18030)" }
        var out = ""
        var rest = bytes[...]
        while let first = rest.first {
            if first < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(first))
            } else {
                out += "\\x" + String(first, radix: 16, uppercase: true)
            }
            rest = rest.dropFirst()
        }
        return out
    }

    private func containsReplacement(_ utf8: [UInt8]) -> Bool {
        utf8.indices.dropLast(2).contains { utf8[$0] == 0xEF && utf8[$0 + 1] == 0xBF && utf8[$0 + 2] == 0xBD }
    }
}

/// The entries of the folder at `path` (without `.` and `..`), read with `readdir` so that names are kept as bytes;
/// nil when the folder cannot be opened.
func listFolder(_ path: String) -> [FolderEntry]? {
    guard let folder = opendir(path) else { return nil }
    defer { closedir(folder) }
    var entries: [FolderEntry] = []
    while let entry = readdir(folder) {
        let bytes = directoryEntryName(entry)
        if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
        entries.append(FolderEntry(bytes: bytes))
    }
    return entries
}
