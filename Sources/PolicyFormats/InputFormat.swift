/// The input formats `kg` reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case text, html, docx, pdf

    /// The format a file extension names (case-insensitive), nil for unsupported extensions.
    public init?(extension ext: String) {
        switch ext.lowercased() {
        case "txt", "text", "md": self = .text
        case "html", "htm", "shtml", "xhtml": self = .html
        case "docx": self = .docx
        case "pdf": self = .pdf
        default: return nil
        }
    }

    /// The format of a file from its leading bytes (magic numbers), nil when they say nothing.
    public static func sniff(_ head: ArraySlice<UInt8>) -> InputFormat? {
        let b = Array(head.prefix(512))
        if b.starts(with: [0x25, 0x50, 0x44, 0x46, 0x2D]) { return .pdf }          // %PDF-
        if b.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }               // PK\3\4 (zip)
        // HTML: skip BOM and whitespace, then look for a tag opening a document.
        var i = 0
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "<") {
            let rest = String(decoding: b[i..<min(b.count, i + 64)], as: UTF8.self).lowercased()
            for marker in ["<!doctype html", "<html", "<head", "<meta", "<body", "<!--", "<?xml", "<div", "<title"]
            where rest.hasPrefix(marker) {
                return .html
            }
        }
        return nil
    }

    /// Format of a file: magic bytes win over the extension (a `.html` that is really a PDF is read as PDF);
    /// plain text when neither says anything.
    public static func detect(path: String, head: ArraySlice<UInt8>) -> InputFormat {
        if let sniffed = sniff(head) {
            // A zip is only a DOCX when the name says so or nothing else is known.
            return sniffed
        }
        return InputFormat(extension: fileExtension(of: path)) ?? .text
    }
}

/// The extension of the last path component without the dot ("" when none).
func fileExtension(of path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
}
