import ArgumentParser
import PolicyCore
import PolicyText
#if canImport(Glibc)
import Glibc
#endif

/// `kg segment PATH…`: the documents found in each file (title, original lines, kind, 文号, date).
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "List the documents found in text files (title, lines, kind, 文号, date).")

    @Argument(help: "Text files or folders (folders: their *.txt files, recursively).")
    var paths: [String]

    @Flag(name: .long, help: "One JSON object per document and line.")
    var json = false

    @Flag(name: .long, help: "Print the normalised text instead of the documents.")
    var text = false

    func run() throws {
        var failed = false
        for file in SegmentCommand.expand(paths, failed: &failed) {
            do {
                let normalized = NormalizedText(try SourceText.read(path: file))
                if text {
                    print(normalized.string)
                    continue
                }
                let segments = segmentDocuments(normalized)
                if json {
                    for s in segments { print(SegmentCommand.jsonLine(s, path: file)) }
                } else {
                    print(SegmentCommand.table(segments, path: file))
                }
            } catch {
                failed = true
                writeToStandardError((error as? KGError)?.description ?? "\(file): error: \(error)")
                writeToStandardError("\n")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// Files named directly, and *.txt files under folders (sorted). Missing paths are reported and skipped.
    static func expand(_ paths: [String], failed: inout Bool) -> [String] {
        var out: [String] = []
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else {
                writeToStandardError(KGError(file: path, "no such file or folder").description + "\n")
                failed = true
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                out.append(contentsOf: listTextFiles(path))
            } else {
                out.append(path)
            }
        }
        return out
    }

    static func listTextFiles(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var files: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR { files.append(contentsOf: listTextFiles(path)) } else if name.hasSuffix(".txt") { files.append(path) }
        }
        return files.sorted()
    }

    static func table(_ segments: [DocumentSegment], path: String) -> String {
        var rows: [[String]] = [["#", "lines", "kind", "文号", "date", "title"]]
        for (i, s) in segments.enumerated() {
            rows.append([String(i + 1), "\(s.firstLine)–\(s.lastLine)", s.kind.rawValue, s.docNumber ?? "-",
                         s.date ?? "-", s.title ?? "-"])
        }
        return "\(path): \(segments.count) documents\n" + DisplayTable.render(rows)
    }

    static func jsonLine(_ s: DocumentSegment, path: String) -> String {
        var out = "{\"source\": "
        ContractJSON.appendString(path, to: &out)
        out += ", \"first_line\": \(s.firstLine), \"last_line\": \(s.lastLine), \"kind\": "
        ContractJSON.appendString(s.kind.rawValue, to: &out)
        func field(_ name: String, _ value: String?) {
            out += ", \"\(name)\": "
            if let value { ContractJSON.appendString(value, to: &out) } else { out += "null" }
        }
        field("title", s.title)
        field("headline", s.headline)
        field("doc_number", s.docNumber)
        field("date", s.date)
        field("addressee", s.addressee)
        field("news_source", s.newsSource)
        out += ", \"signature\": "
        ContractJSON.appendValue(.strings(s.signatureLines.map(\.text)), to: &out)
        out += ", \"attachments\": "
        ContractJSON.appendValue(.strings(s.attachments), to: &out)
        out += "}"
        return out
    }
}
