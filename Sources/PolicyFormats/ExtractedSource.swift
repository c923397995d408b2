import Foundation
import PolicyCore
import PolicyText

/// An input file read for extraction: the text the text layer works on, plus what the format adds.
///
/// Provenance by format: plain text — the file itself. HTML — the text layer sees the extracted main text
/// (one block a line); `originalEvidence(_:)` / `mapToOriginal(_:)` move evidence to the HTML file's line,
/// column and bytes. DOCX — the extracted text is the original: line N = paragraph N of word/document.xml in
/// document order, columns and bytes within it. PDF — the `pdftotext -layout` output is the original: its
/// lines and bytes, with `page(ofLine:)` giving the PDF page.
public struct ExtractedSource: Sendable {
    /// What the text layer reads.
    public let source: SourceText
    public let format: InputFormat
    /// Metadata the file states about itself (HTML meta tags and tables, DOCX core properties, PDF page count).
    public let metadata: [String: String]
    /// Problems found while reading (e.g. HTML metadata that the text contradicts).
    public let warnings: [String]
    /// PDF: the 1-based page of every 1-based line (`pageOfLine[line - 1]`); empty for other formats.
    public let pageOfLine: [Int]
    /// HTML: extracted text → HTML file; nil when the extracted text is the original.
    public let positionMap: OriginalPositionMap?

    /// The PDF page a line of the extracted text is on.
    public func page(ofLine line: Int) -> Int? {
        line >= 1 && line <= pageOfLine.count ? pageOfLine[line - 1] : nil
    }

    /// Evidence moved from the extracted text to the original file (identity when they are the same).
    public func originalEvidence(_ e: Evidence) -> Evidence {
        guard let map = positionMap else { return e }
        return map.translate(e)
    }

    /// A contribution whose evidence all points into the original file.
    public func mapToOriginal(_ c: SourceContribution) -> SourceContribution {
        guard positionMap != nil else { return c }
        var out = c
        for i in out.nodes.indices { out.nodes[i].evidence = out.nodes[i].evidence.map(originalEvidence) }
        for i in out.edges.indices { out.edges[i].evidence = out.edges[i].evidence.map(originalEvidence) }
        return out
    }

    /// The original line of a line of the extracted text (HTML: the HTML line where that line's text starts).
    public func originalLine(ofExtractedLine line: Int) -> Int {
        guard let map = positionMap else { return line }
        var current = 1
        var offset = 0
        let bytes = source.originalBytes
        while current < line, offset < bytes.count {
            if bytes[offset] == 0x0A { current += 1 }
            offset += 1
        }
        return map.lineAndColumn(ofOriginal: map.originalOffset(ofExtracted: offset)).line
    }
}

/// Reads any supported input (format by magic bytes, else extension).
public func readInput(path: String) throws -> ExtractedSource {
    let bytes: [UInt8]
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes = [UInt8](data)
    } catch {
        throw KGError(file: path, "cannot read: \(error.localizedDescription)")
    }
    return try readInput(bytes: bytes, path: path)
}

/// Reads an input already in memory (e.g. an archive member); `path` is its source path for provenance and
/// errors. The format is decided by magic bytes, else by the extension of `path`.
public func readInput(bytes: [UInt8], path: String) throws -> ExtractedSource {
    if bytes.isEmpty { throw KGError(file: path, "empty file") }
    let format = InputFormat.detect(path: path, head: bytes[...])
    switch format {
    case .text:
        return ExtractedSource(source: try SourceText(path: path, bytes: bytes), format: .text, metadata: [:],
                               warnings: [], pageOfLine: [], positionMap: nil)
    case .html:
        let derived = try HTMLReader.extract(bytes, path: path)
        let map = OriginalPositionMap(extractedToOriginal: derived.originalOffsets, originalBytes: bytes,
                                      isGB18030: HTMLReader.readsAsGB18030(bytes))
        return ExtractedSource(source: try SourceText(path: path, bytes: derived.utf8), format: .html,
                               metadata: derived.metadata, warnings: derived.warnings, pageOfLine: [], positionMap: map)
    case .docx:
        let derived = try DOCXReader.extract(bytes, path: path)
        return ExtractedSource(source: try SourceText(path: path, bytes: derived.utf8), format: .docx,
                               metadata: derived.metadata, warnings: derived.warnings, pageOfLine: [], positionMap: nil)
    case .pdf:
        let (derived, pages) = try PDFReader.extract(bytes: bytes, path: path)
        return ExtractedSource(source: try SourceText(path: path, bytes: derived.utf8), format: .pdf,
                               metadata: derived.metadata, warnings: derived.warnings, pageOfLine: pages, positionMap: nil)
    }
}

/// Reads an input found by `discoverInputs` (a file, or an archive member in memory).
public func readInput(_ input: Input) throws -> ExtractedSource {
    try readInput(bytes: input.readBytes(), path: input.path)
}

/// Reads any supported input as the text layer's `SourceText` (see `ExtractedSource` for provenance).
public func readSource(path: String) throws -> SourceText {
    try readInput(path: path).source
}
