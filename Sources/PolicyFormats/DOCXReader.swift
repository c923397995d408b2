import Foundation
import PolicyCore
import PolicyXML
import ZIPFoundation

/// Reads a Word document: `word/document.xml` out of the zip, parsed with libxml2; paragraphs (also those in
/// tables and text boxes) in document order, one a line, so that line N of the extracted text is paragraph N
/// (1-based, counting every `w:p` in document order). Provenance of DOCX input therefore reads
/// "line = paragraph number, column = scalar within the paragraph, byte offsets into the extracted text".
public enum DOCXReader {
    /// Extracts the paragraphs of a DOCX given as bytes.
    public static func extract(_ bytes: [UInt8], path: String) throws -> DerivedText {
        let xml = try documentXML(bytes, path: path)
        guard let tree = MarkupTree.parseXML(xml) else {
            throw KGError(file: path, "word/document.xml is not well-formed XML")
        }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var openParagraphs = 0
        func closeLine() {
            lines.append(String(current))
            current = String.UnicodeScalarView()
        }
        // Pre-order walk with exit markers (negative), skipping subtrees that duplicate content
        // (mc:Fallback) or hold no visible text (deleted text, field instructions, properties).
        let ignored: Set<String> = ["Fallback", "delText", "instrText", "pPr", "rPr", "sectPr"]
        var stack = [0]
        while let item = stack.popLast() {
            let n = item < 0 ? -item - 1 : item
            let entering = item >= 0
            if tree.kinds[n] == .text {
                if tree.names[Int(tree.parents[n])] == "t" { current.append(contentsOf: tree.texts[n].unicodeScalars) }
                continue
            }
            let name = tree.names[n]
            if entering {
                if tree.kinds[n] == .element && ignored.contains(name) { continue }
                stack.append(-n - 1)
                stack.append(contentsOf: tree.children(of: n).reversed())
            }
            guard tree.kinds[n] == .element else { continue }
            switch (name, entering) {
            case ("p", true):
                if openParagraphs > 0 { closeLine() }  // a text-box paragraph inside a paragraph starts a line
                openParagraphs += 1
            case ("p", false):
                closeLine()
                openParagraphs -= 1
            case ("tab", true), ("ptab", true): current.append("\t")
            case ("br", true), ("cr", true): current.append(" ")
            case ("noBreakHyphen", true): current.append("-")
            default: break
            }
        }
        var utf8: [UInt8] = []
        for line in lines {
            utf8.append(contentsOf: line.utf8)
            utf8.append(0x0A)
        }
        // The extracted text is its own original: offsets are identity.
        var offsets = [Int32](); offsets.reserveCapacity(utf8.count + 1)
        for i in 0...utf8.count { offsets.append(Int32(i)) }
        var metadata: [String: String] = [:]
        if let core = try? entry("docProps/core.xml", in: bytes), let coreTree = MarkupTree.parseXML(core) {
            for (element, key) in [("title", "title"), ("creator", "creator"), ("created", "created")] {
                if let n = coreTree.elements(named: element).first {
                    let value = HTMLMetadata.cleaned(coreTree.textContent(of: n))
                    if !value.isEmpty { metadata[key] = value }
                }
            }
        }
        if utf8.allSatisfy({ $0 == 0x0A }) { throw KGError(file: path, "the Word document holds no text") }
        return DerivedText(utf8: utf8, originalOffsets: offsets, metadata: metadata)
    }

    /// The bytes of `word/document.xml`.
    static func documentXML(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        do {
            return try entry("word/document.xml", in: bytes)
        } catch let e as KGError {
            throw KGError(file: path, e.message)
        } catch {
            throw KGError(file: path, "not a readable DOCX (zip): \(error)")
        }
    }

    /// One entry of a zip archive held in memory.
    static func entry(_ name: String, in bytes: [UInt8]) throws -> [UInt8] {
        // ZIPFoundation's in-memory archive never closes its memory file when the end record is missing (a leak
        // per damaged file, found by fuzzing): such bytes are refused here, before it opens them.
        guard hasEndOfCentralDirectory(bytes) else { throw KGError("not a zip archive (no end of central directory record)") }
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        guard let e = archive[name] else { throw KGError("no \(name) in the archive (not a Word document?)") }
        var out: [UInt8] = []
        out.reserveCapacity(Int(e.uncompressedSize))
        _ = try archive.extract(e, skipCRC32: true) { chunk in out.append(contentsOf: chunk) }
        return out
    }

    /// Whether the zip end-of-central-directory signature (`PK\u{5}\u{6}`) is within the last 65,557 bytes, where
    /// the format puts it (22 bytes of record after at most 65,535 of comment).
    static func hasEndOfCentralDirectory(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 22 else { return false }
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 65_557)
        while i >= lowest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { return true }
            i -= 1
        }
        return false
    }
}
