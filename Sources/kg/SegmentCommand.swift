import ArgumentParser
import PolicyCore
import PolicyFormats
import PolicyText

/// `kg segment PATH…`: the documents found in each file (title, original lines, kind, 文号, date).
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "List the documents found in files and every GB/T 9704 element of each (title, 文号, date, 署名, 抄送, 印发 …).")

    @Argument(help: "Files or folders (as for `kg ingest`: .txt, .html, .docx, .pdf, .zip; folders recursively).")
    var paths: [String]

    @Flag(name: .long, help: "One JSON object per document and line.")
    var json = false

    @Flag(name: .long, help: "Print the normalised text instead of the documents.")
    var text = false

    func run() throws {
        var failed = false
        let inputs = discoverInputs(paths: paths, fail: { error in
            failed = true
            writeToStandardError(error.description + "\n")
        })
        for input in inputs {
            do {
                let extracted = try readInput(input)
                let normalized = NormalizedText(extracted.source)
                if text {
                    print(normalized.string)
                    continue
                }
                let segments = segmentDocuments(normalized)
                if json {
                    for s in segments { print(SegmentCommand.jsonLine(s, path: input.path)) }
                } else {
                    print(SegmentCommand.table(segments, path: input.path))
                    for (i, s) in segments.enumerated() {
                        let lines = SegmentCommand.elementLines(s, text: normalized)
                        if !lines.isEmpty { print("  #\(i + 1)"); lines.forEach { print("    " + $0) } }
                    }
                }
            } catch {
                failed = true
                writeToStandardError((error as? KGError)?.description ?? "\(input.path): error: \(error)")
                writeToStandardError("\n")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// Every element found in a document, one a line with its original line: "l.12 发文字号 国发〔2021〕23号".
    static func elementLines(_ s: DocumentSegment, text: NormalizedText) -> [String] {
        var out: [(Int, String)] = []
        func add(_ name: String, _ value: String, _ range: Range<Int>?) {
            let line = range.map { text.originalLine(ofCleanOffset: $0.lowerBound) } ?? s.firstLine
            out.append((line, "l.\(line) \(name) \(value)"))
        }
        if let t = s.title { add(DocumentElement.title.rawValue, t, s.titleRange) }
        if let n = s.docNumber {
            add(DocumentElement.docNumber.rawValue, n.text + (n.written == n.text ? "" : " (written \(n.written))"), s.docNumberRange)
        }
        if let a = s.addressee { add(DocumentElement.addressee.rawValue, a, s.addresseeRange) }
        for line in s.signatureLines { add(DocumentElement.signature.rawValue, line.text, line.range) }
        if let d = s.date { add(DocumentElement.date.rawValue, d, s.dateRange) }
        for a in s.attachments { add(DocumentElement.attachmentNote.rawValue, a, nil) }
        for e in s.elements { add(e.element.rawValue, e.text, e.range) }
        for e in s.metadata { add("metadata " + e.label, e.text, e.range) }
        return out.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func table(_ segments: [DocumentSegment], path: String) -> String {
        var rows: [[String]] = [["#", "lines", "kind", "layout", "文号", "date", "title"]]
        for (i, s) in segments.enumerated() {
            rows.append([String(i + 1), "\(s.firstLine)–\(s.lastLine)", s.kind.rawValue, s.layout.rawValue, s.docNumber?.text ?? "-",
                         s.date ?? "-", s.title ?? "-"])
        }
        return "\(path): \(segments.count) documents\n" + DisplayTable.render(rows)
    }

    static func jsonLine(_ s: DocumentSegment, path: String) -> String {
        var out = "{\"source\": "
        ContractJSON.appendString(path, to: &out)
        out += ", \"first_line\": \(s.firstLine), \"last_line\": \(s.lastLine), \"kind\": "
        ContractJSON.appendString(s.kind.rawValue, to: &out)
        out += ", \"layout\": "
        ContractJSON.appendString(s.layout.rawValue, to: &out)
        func field(_ name: String, _ value: String?) {
            out += ", \"\(name)\": "
            if let value { ContractJSON.appendString(value, to: &out) } else { out += "null" }
        }
        field("title", s.title)
        field("headline", s.headline)
        field("doc_number", s.docNumber?.text)
        field("date", s.date)
        field("addressee", s.addressee)
        field("news_source", s.newsSource)
        out += ", \"signature\": "
        ContractJSON.appendValue(.strings(s.signatureLines.map(\.text)), to: &out)
        out += ", \"attachments\": "
        ContractJSON.appendValue(.strings(s.attachments), to: &out)
        if let n = s.docNumber, n.written != n.text { field("doc_number_written", n.written) }
        for (name, list) in [("elements", s.elements), ("metadata", s.metadata)] {
            out += ", \"\(name)\": ["
            for (i, e) in list.enumerated() {
                if i > 0 { out += ", " }
                out += "{\"element\": "
                ContractJSON.appendString(e.element.rawValue, to: &out)
                out += ", \"label\": "
                ContractJSON.appendString(e.label, to: &out)
                out += ", \"text\": "
                ContractJSON.appendString(e.text, to: &out)
                out += "}"
            }
            out += "]"
        }
        out += "}"
        return out
    }
}
