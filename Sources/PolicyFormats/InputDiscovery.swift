import Foundation

/// A file to ingest.
public struct Input: Sendable, Hashable {
    /// The path as the user gave it (or as found below a folder the user gave).
    public let path: String
    public let format: InputFormat
    /// Size in bytes.
    public let size: Int
}

/// Finds the files to ingest below `paths` (files or folders, folders walked recursively in sorted order).
/// Files with an unsupported extension found in folders, hidden files, unreadable paths and empty files are
/// skipped; `skip(path, reason)` hears about each (default: one line on standard error). Files named
/// explicitly are taken whatever their extension (read as their magic bytes or as plain text).
public func discoverInputs(paths: [String],
                           skip: (String, String) -> Void = { path, reason in
                               FileHandle.standardError.write(Data("skip: \(path): \(reason)\n".utf8))
                           }) -> [Input] {
    var out: [Input] = []
    var seen = Set<String>()
    let fm = FileManager.default
    func visit(_ path: String, explicit: Bool) {
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { skip(path, "no such file or folder"); return }
        if isDirectory.boolValue {
            guard let names = try? fm.contentsOfDirectory(atPath: path) else { skip(path, "cannot list the folder"); return }
            for name in names.sorted() {
                if name.hasPrefix(".") { continue }
                visit(path.hasSuffix("/") ? path + name : path + "/" + name, explicit: false)
            }
            return
        }
        let ext = fileExtension(of: path)
        let byExtension = InputFormat(extension: ext)
        if !explicit && byExtension == nil {
            skip(path, ext.isEmpty ? "no file extension" : "unsupported extension .\(ext)")
            return
        }
        guard let attributes = try? fm.attributesOfItem(atPath: path), let size = (attributes[.size] as? NSNumber)?.intValue else {
            skip(path, "cannot read the file"); return
        }
        if size == 0 { skip(path, "empty file"); return }
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        if !seen.insert(key).inserted { return }
        var format = byExtension ?? .text
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = handle.readData(ofLength: 512)
            try? handle.close()
            format = InputFormat.detect(path: path, head: ArraySlice([UInt8](head)))
        } else {
            skip(path, "cannot open the file"); return
        }
        out.append(Input(path: path, format: format, size: size))
    }
    for p in paths { visit(p, explicit: true) }
    return out
}
