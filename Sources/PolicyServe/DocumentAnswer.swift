#if canImport(Glibc)
import Glibc
#endif
import PolicyCore
import PolicyFormats
import PolicyQuery
import PolicyStore
import PolicyText

/// Metadata of a document node: what `kg show` lists for it, arranged as the document page shows it.
public struct DocumentMetadata: Codable, Sendable {
    public var document: DocumentReference
    public var type: String?
    /// Issuers in signing order.
    public var issuers: [NodeReference]
    /// Documents it cites, and documents that cite it.
    public var cites: [DocumentReference]
    public var citedBy: [DocumentReference]
    public var targets: [TargetRow]
    /// Whether the graph holds the document's text (false: only cited by another file).
    public var fullText: Bool
}

/// The document page's answer: metadata (for a document node), the ORIGINAL text of its source file, one page of
/// lines, and every evidence span in that file with its exact original byte offsets.
public struct DocumentAnswer: Codable, Sendable {
    public var metadata: DocumentMetadata?
    public var source: String
    /// The file's encoding as read (`utf8`, `gb18030`, …), nil when the text could not be shown.
    public var encoding: String?
    /// Why the text is not shown (file moved, too large, unreadable), nil when it is.
    public var unavailable: String?
    /// `docx` or `pdf` when the text shown is the one extracted from such a file: evidence of those formats points
    /// into the extracted text (DOCX: line N is paragraph N; PDF: the lines of `pdftotext -layout`), nil for text
    /// and HTML files, shown as they are.
    public var extractedFrom: String?
    public var lineCount: Int
    public var page: Int
    public var pageCount: Int
    public var firstLine: Int
    /// Lines `firstLine…` of this page, as decoded.
    public var lines: [String]
    public var spans: [EvidenceSpan]
    /// The page's lines as HTML, spans highlighted (not in the JSON).
    var html: String = ""

    enum CodingKeys: String, CodingKey {
        case metadata, source, encoding, unavailable, extractedFrom, lineCount, page, pageCount, firstLine, lines, spans
    }
}

extension DocumentAnswer {
    static let linesPerPage = 2_000
    /// Largest source file shown (bigger ones are listed by their spans only).
    static let largestFile = 32 << 20

    /// `page` 0 means "the page holding `line`".
    init(_ loaded: LoadedGraph, documentNode: Int?, source: String, page requested: Int, line: Int?,
         sourceRoots: [String]) throws {
        let graph = loaded.graph
        metadata = documentNode.map { DocumentMetadata(graph, $0) }
        self.source = source
        spans = loaded.caches.sourceSpans.value(source) { EvidenceSpan.all(in: graph, source: source) }
        let text: SourceText
        do {
            (text, extractedFrom) = try Self.readSource(source, roots: sourceRoots)
        } catch {
            extractedFrom = nil
            encoding = nil
            unavailable = (error as? KGError)?.message ?? "\(error)"
            lineCount = 0; page = 1; pageCount = 1; firstLine = 1; lines = []
            return
        }
        encoding = text.encoding.rawValue
        unavailable = nil
        lineCount = text.lineCount
        pageCount = max(1, (lineCount + Self.linesPerPage - 1) / Self.linesPerPage)
        var chosen = requested
        if chosen == 0 { chosen = line.map { ($0 - 1) / Self.linesPerPage + 1 } ?? 1 }
        guard (1...pageCount).contains(chosen) else {
            throw ServeError.badRequest("parameter 'page' must be between 1 and \(pageCount) (got \(chosen))")
        }
        page = chosen
        firstLine = (chosen - 1) * Self.linesPerPage + 1
        let lastLine = min(lineCount, firstLine + Self.linesPerPage - 1)
        let rendered = HighlightedText(text: text, spans: spans, lines: firstLine...max(firstLine, lastLine))
        lines = rendered.lines
        html = rendered.html
    }

    /// The text a recorded source's evidence points into — a file (absolute, or relative to one of `roots`) or a zip
    /// member (`archive.zip!/member`) — and the format it was extracted from when that is not the file itself.
    static func readSource(_ source: String, roots: [String]) throws -> (SourceText, extractedFrom: String?) {
        let (file, member) = ArchiveMemberPath.split(source).map { ($0.archive, Optional($0.member)) } ?? (source, nil)
        let candidates = file.hasPrefix("/") ? [file] : roots.map { $0.isEmpty || $0 == "." ? file : $0 + "/" + file }
        guard let found = candidates.first(where: { access($0, R_OK) == 0 }) else {
            throw KGError(file: source, "the source file is not where it was ingested from (looked in \(roots.joined(separator: ", ")); start kg serve with --sources DIR)")
        }
        let bytes: [UInt8]
        if let member {
            let archive = try ZipArchive(path: found)
            guard let m = archive.member(named: member) else { throw KGError(file: source, "no such member in the archive any more") }
            guard m.size <= largestFile else { throw KGError(file: source, "larger than \(largestFile >> 20) MB: not shown") }
            bytes = try archive.bytes(of: m)
        } else {
            var info = stat()
            guard stat(found, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw KGError(file: source, "not a regular file") }
            guard Int(info.st_size) <= largestFile else { throw KGError(file: source, "larger than \(largestFile >> 20) MB: not shown") }
            bytes = try FileBytes.read(path: found)
        }
        switch InputFormat.detect(path: source, head: bytes[...]) {
        case .text, .html:
            return (try SourceText(path: source, bytes: bytes), nil)
        case let format:
            return (try readInput(bytes: bytes, path: source).source, format.rawValue)
        }
    }
}

extension DocumentMetadata {
    init(_ graph: Graph, _ d: Int) {
        document = DocumentReference(graph, d)
        type = graph.attribute("doc_type", ofNode: d)?.stringValue
        var issuers: [(Int, Int)] = []
        var cites: [Int] = [], citedBy: [Int] = []
        for e in graph.outEdges(d) {
            switch graph.edgeKind(Int(e)) {
            case .issuedBy:
                let order: Int
                if case .int(let o)? = graph.attribute("order", ofEdge: Int(e)) { order = o } else { order = Int.max }
                issuers.append((order, graph.edgeTarget(Int(e))))
            case .cites: cites.append(graph.edgeTarget(Int(e)))
            default: break
            }
        }
        for e in graph.inEdges(d) where graph.edgeKind(Int(e)) == .cites { citedBy.append(graph.edgeSource(Int(e))) }
        self.issuers = issuers.sorted { $0 < $1 }.map { NodeReference(graph, $0.1) }
        self.cites = cites.prefix(200).map { DocumentReference(graph, $0) }
        self.citedBy = citedBy.prefix(200).map { DocumentReference(graph, $0) }
        targets = Array(targetsQuery(graph, owner: d).prefix(200))
        if case .bool(let b)? = graph.attribute("full_text", ofNode: d) { fullText = b } else { fullText = true }
    }
}
