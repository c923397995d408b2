import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction
import PolicyFormats
import PolicyIngest
import PolicyOntology
#if canImport(Glibc)
import Glibc
#endif

/// `kg-bench archive`: generate an archive of policy documents in mixed formats (a folder, packed as a zip with
/// `--zip`), then ingest it with all cores (read → extract → evidence mapped to the original) and report
/// documents/s, MB/s and peak memory.
struct ArchiveBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Mixed-format archive ingest: documents/s, MB/s, peak RSS.")

    @Option(help: "Number of documents (one a file).")
    var docs: Int = 10_000

    @Option(help: "How many of them are PDFs (made with Tests/Fixtures/formats/make_pdf.py; 0 to skip).")
    var pdf: Int = 200

    @Option(help: "Worker threads.")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Archive folder (generated when missing or when the document count differs).")
    var folder: String = NSTemporaryDirectory() + "kg-bench-archive"

    @Flag(help: "Read and segment only (no extraction).")
    var readOnly = false

    @Flag(help: "Ingest the documents packed as one zip (FOLDER.zip, members read in memory) instead of the folder.")
    var zip = false

    @Option(help: "Also time the whole `kg ingest` loop into a fresh snapshot at this path (upserts, checkpoint saves).")
    var graph: String?

    @Option(help: "Batch size for --graph (files per checkpoint).")
    var checkpoint: Int = 500

    @Option(help: "Minimum seconds between saves for --graph (kg ingest's --save-every).")
    var saveEvery: Double = 30

    func run() throws {
        HeapRetention.keepFreedMemory()  // as kg ingest does
        let generationStart = Date()
        let made = try generateIfNeeded()
        let generationSeconds = Date().timeIntervalSince(generationStart)
        let zipPath = folder + ".zip"
        if zip {
            let fm = FileManager.default
            func modified(_ path: String) -> Date? { (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date }
            let stamp = folder + "/.archive-\(docs)-\(pdf)"
            if made || (modified(zipPath) ?? .distantPast) < (modified(stamp) ?? .distantFuture) {
                let packStart = Date()
                let members = try ZipWriter.pack(folder: folder, to: zipPath)
                print("packed \(members) files into \(zipPath) in \(String(format: "%.1f", Date().timeIntervalSince(packStart))) s")
            }
            let zipSize = ((try? fm.attributesOfItem(atPath: zipPath)[.size]) as? NSNumber)?.intValue ?? 0
            print("zip: \(zipPath): \(String(format: "%.1f", Double(zipSize) / 1_048_576)) MB compressed")
        }
        let discoveryStart = Date()
        let inputs = discoverInputs(paths: [zip ? zipPath : folder])
        let discoverySeconds = Date().timeIntervalSince(discoveryStart)
        let totalBytes = inputs.reduce(0) { $0 + $1.size }
        var byFormat: [InputFormat: Int] = [:]
        for i in inputs { byFormat[i.format, default: 0] += 1 }
        print("\(zip ? "zip members" : "folder"): \(inputs.count) files, \(String(format: "%.1f", Double(totalBytes) / 1_048_576)) MB"
              + (made ? " (generated in \(String(format: "%.1f", generationSeconds)) s)" : " (reused)")
              + String(format: ", discovered in %.2f s", discoverySeconds))
        print("formats: " + InputFormat.allCases.map { "\($0.rawValue) \(byFormat[$0] ?? 0)" }.joined(separator: ", "))
        fflush(nil)

        let ontology = try Ontology.loadDefault()
        let pipeline = ExtractionPipeline(ontology: ontology)
        let progress = IngestProgress(totalFiles: inputs.count, totalBytes: totalBytes)
        let readOnly = self.readOnly
        let start = Date()
        let results = ingestInParallel(inputs, workers: workers, progress: progress, entities: { $0.entities }) { input -> FileOutcome in
            let source = try readInput(input)
            if readOnly { return FileOutcome(entities: 0, documents: 0) }
            let contribution = source.mapToOriginal(pipeline.extract(source: source.source))
            return FileOutcome(entities: contribution.nodes.count,
                               documents: contribution.nodes.filter { $0.kind == .document }.count)
        }
        let seconds = Date().timeIntervalSince(start)
        var failures: [String] = []
        var entities = 0
        var documentsFound: [InputFormat: Int] = [:]
        for (i, r) in results.enumerated() {
            switch r {
            case .success(let outcome):
                entities += outcome.entities
                documentsFound[inputs[i].format, default: 0] += outcome.documents
            case .failure(let e): failures.append("\(inputs[i].path): \(e)")
            }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let documents = inputs.count - failures.count
        print(String(format: "ingest: %d documents in %.2f s with %d workers: %.0f documents/s, %.2f MB/s, %d entities, peak RSS %.0f MB",
                     documents, seconds, workers, Double(documents) / seconds, Double(totalBytes) / 1_048_576 / seconds,
                     entities, Double(usage.ru_maxrss) / 1024))
        if !readOnly {
            print("document nodes found per format: " + InputFormat.allCases.map {
                "\($0.rawValue) \(documentsFound[$0] ?? 0)/\(byFormat[$0] ?? 0)"
            }.joined(separator: ", "))
        }
        if !failures.isEmpty {
            print("\(failures.count) files failed, e.g.:")
            for f in failures.prefix(5) { print("  " + f) }
        }
        if let graph, !readOnly { try timeFullIngest(into: graph, pipeline: pipeline, root: zip ? zipPath : folder, bytes: totalBytes) }
    }

    /// The whole ingest loop of `kg ingest` (extract, upsert, save every `checkpoint` files) into a fresh snapshot,
    /// then a second run over the unchanged input (hashing only).
    func timeFullIngest(into graph: String, pipeline: ExtractionPipeline, root: String, bytes: Int) throws {
        try? FileManager.default.removeItem(atPath: graph)
        let ingestor = Ingestor(pipeline: pipeline, options: IngestOptions(graphPath: graph, workers: workers, checkpoint: checkpoint,
                                                                                  minimumSaveInterval: saveEvery))
        for pass in ["fresh snapshot", "unchanged re-run"] {
            let start = Date()
            let summary = try ingestor.run(paths: [root])
            let seconds = Date().timeIntervalSince(start)
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print(String(format: "kg ingest loop (%@): %d files in %.2f s: %.0f documents/s, %.2f MB/s, %d nodes, %d edges, "
                         + "%d added, %d unchanged, peak RSS %.0f MB", pass, summary.files, seconds,
                         Double(summary.files) / seconds, Double(bytes) / 1_048_576 / seconds, summary.nodes, summary.edges,
                         summary.added, summary.unchanged, Double(usage.ru_maxrss) / 1024))
        }
    }

    struct FileOutcome: Sendable { let entities: Int; let documents: Int }

    /// Writes the archive unless a matching one is there; true when it was generated.
    func generateIfNeeded() throws -> Bool {
        let fm = FileManager.default
        let stamp = folder + "/.archive-\(docs)-\(pdf)"
        if fm.fileExists(atPath: stamp) { return false }
        try? fm.removeItem(atPath: folder)
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = NoticeGenerator(state: 2026)
        let pdfScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/formats/make_pdf.py").path
        var pdfJobs: [String] = []
        let pdfCount = fm.fileExists(atPath: pdfScript) ? min(pdf, docs) : 0
        if pdfCount < pdf { print("note: \(pdfScript) not found: no PDFs") }
        for i in 0..<docs {
            let sub = folder + "/batch\(i / 1000)"
            if i % 1000 == 0 { try fm.createDirectory(atPath: sub, withIntermediateDirectories: true) }
            let name = sub + "/doc\(i)"
            if i < pdfCount {
                let (lines, signatures) = generator.document(index: i)
                var pdfLines = lines
                for k in (lines.count - signatures - 1)..<lines.count { pdfLines[k] = ">" + lines[k] }
                try (pdfLines.joined(separator: "\n") + "\n").write(toFile: name + ".pdf.txt", atomically: false, encoding: .utf8)
                pdfJobs += [name + ".pdf.txt", name + ".pdf"]
                continue
            }
            let kind = NoticeGenerator.FileKind(index: i)
            try Data(try generator.file(index: i, kind: kind)).write(to: URL(fileURLWithPath: name + "." + kind.fileExtension))
        }
        if !pdfJobs.isEmpty {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", pdfScript] + pdfJobs
            try p.run()
            p.waitUntilExit()
            if p.terminationStatus != 0 { print("note: make_pdf.py failed (reportlab / fonts-wqy-zenhei missing?)") }
            for k in stride(from: 0, to: pdfJobs.count, by: 2) { try? fm.removeItem(atPath: pdfJobs[k]) }
        }
        _ = fm.createFile(atPath: stamp, contents: Data())
        return true
    }
}
