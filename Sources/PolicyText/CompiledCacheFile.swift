import Crypto
import Foundation

/// A file of data compiled once and read back by later runs (the compiled ontology, the traditional-character
/// table): `KGCOMPILED`, a 32-byte key naming what was compiled from what, a SHA-256 of the payload, the payload.
/// A file whose key differs, or whose payload fails its checksum (damaged, truncated), is not read; files are
/// written whole to a temporary name and renamed, so a reader never sees half of one.
///
/// Folders: `$KG_CACHE` when set (`off`: no cache, every run compiles), else the caller's preferred folder (the
/// ontology's `.compiled/`), then `$XDG_CACHE_HOME/policykg` or `~/.cache/policykg`. A folder that cannot be
/// written is passed over.
public enum CompiledCacheFile {
    private static let magic = Array("KGCOMPILED".utf8)
    private static let headerSize = magic.count + 32 + 32
    /// How many compiled files of one kind a folder keeps (each build of `kg` and of its tests writes its own).
    static let filesKept = 4

    /// The folders to look in and write to, in order.
    public static func folders(preferred: String? = nil, environment: [String: String]) -> [String] {
        if let chosen = environment["KG_CACHE"], !chosen.isEmpty { return chosen == "off" ? [] : [chosen] }
        var folders = preferred.map { [$0] } ?? []
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            folders.append((xdg as NSString).appendingPathComponent("policykg"))
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folders.append((home as NSString).appendingPathComponent(".cache/policykg"))
        }
        return folders
    }

    /// `<kind>-<first 8 bytes of key in hex>.kgc`.
    public static func fileName(kind: String, key: [UInt8]) -> String {
        kind + "-" + key.prefix(8).map { String(format: "%02x", $0) }.joined() + ".kgc"
    }

    /// The payload of the first valid file for `key` among `folders`, and its path.
    public static func read(kind: String, key: [UInt8], folders: [String]) -> (payload: Data, path: String)? {
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(fileName(kind: kind, key: key))
            if let payload = read(path: path, key: key) { return (payload, path) }
        }
        return nil
    }

    /// Writes `payload` under `key` into the first folder that takes it; the path written, or nil.
    @discardableResult
    public static func write(kind: String, key: [UInt8], payload: [UInt8], folders: [String]) -> String? {
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(fileName(kind: kind, key: key))
            if write(path: path, key: key, payload: payload) {
                removeStale(kind: kind, in: folder)
                return path
            }
        }
        return nil
    }

    /// SHA-256 of `parts`, each preceded by its length: a key for `read` and `write`.
    public static func key(_ parts: [[UInt8]]) -> [UInt8] {
        var hash = SHA256()
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { hash.update(bufferPointer: $0) }
            hash.update(data: part)
        }
        return Array(hash.finalize())
    }

    /// Path, size and modification time of the running executable: data compiled by code (an automaton, a table)
    /// is keyed by it, so a rebuilt `kg` never reads what another build compiled.
    public static func executableIdentity() -> [UInt8] {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        return Array(fileIdentity(path).utf8)
    }

    /// Path, size and modification time of a file ("path" alone when it cannot be read).
    public static func fileIdentity(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path)\u{0}\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    static func read(path: String, key: [UInt8]) -> Data? {
        guard let data = FileManager.default.contents(atPath: path), data.count >= headerSize else { return nil }
        return data.withUnsafeBytes { bytes -> Data? in
            guard Array(bytes[0..<magic.count]) == magic, Array(bytes[magic.count..<(magic.count + 32)]) == key else { return nil }
            let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
            guard Array(SHA256.hash(data: payload)) == Array(bytes[(magic.count + 32)..<headerSize]) else { return nil }
            return Data(payload)
        }
    }

    private static func write(path: String, key: [UInt8], payload: [UInt8]) -> Bool {
        let file = magic + key + Array(SHA256.hash(data: payload)) + payload
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = path + ".\(getpid()).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(file).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                return false
            }
            return true
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            return false
        }
    }

    /// Removes all but the `filesKept` most recently written files of `kind` in `folder`.
    private static func removeStale(kind: String, in folder: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        let files = names.filter { $0.hasPrefix(kind + "-") && $0.hasSuffix(".kgc") }.map { (folder as NSString).appendingPathComponent($0) }
        let byAge = files.map { path in (path, (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast) }
            .sorted { $0.1 > $1.1 }
        for (path, _) in byAge.dropFirst(filesKept) { try? fm.removeItem(atPath: path) }
    }
}
