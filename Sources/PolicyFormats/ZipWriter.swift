import Foundation
import PolicyCore
import ZIPFoundation

/// Writes zip archives of a folder's files: for benchmarks and fixtures.
public enum ZipWriter {
    /// Packs every non-hidden file below `folder` (sorted, nested folders kept as member paths) into a new
    /// archive at `archivePath` (replaced when present), deflated. Returns the number of members written.
    @discardableResult
    public static func pack(folder: String, to archivePath: String) throws -> Int {
        let fm = FileManager.default
        try? fm.removeItem(atPath: archivePath)
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .create) } catch {
            throw KGError(file: archivePath, "cannot create the zip archive: \(error)")
        }
        let base = URL(fileURLWithPath: folder)
        var count = 0
        for relative in try regularFiles(below: folder) {
            try archive.addEntry(with: relative, relativeTo: base, compressionMethod: .deflate)
            count += 1
        }
        return count
    }

    /// Paths (relative to `folder`) of the non-hidden regular files below it, sorted.
    static func regularFiles(below folder: String) throws -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        func walk(_ relative: String) throws {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            for name in try fm.contentsOfDirectory(atPath: absolute).sorted() where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: folder + "/" + child, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue { try walk(child) } else { out.append(child) }
            }
        }
        try walk("")
        return out
    }
}
