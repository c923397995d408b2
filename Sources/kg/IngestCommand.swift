import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction
import PolicyFormats
import PolicyOntology
import PolicyQuery
import PolicyStore

/// `kg ingest PATH…`: read files and folders (text, HTML, DOCX, PDF), extract, and add them to a snapshot.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Build or update a graph snapshot from files and folders of policy documents.",
        discussion: """
        Unchanged files (same content hash) are skipped; a changed file replaces exactly its own contributions.
        The snapshot is saved after every --checkpoint files, so an interrupted ingest loses nothing already
        saved and a second run resumes where it stopped.
        """
    )

    @Argument(help: "Files or folders to ingest (.txt, .html, .docx, .pdf).")
    var paths: [String]

    @Option(name: .long, help: "The graph snapshot to create or update (default: $KG_GRAPH or kg.kgs).")
    var graph: String?

    @Option(name: .long, help: "The ontology folder (default: $KG_ONTOLOGY or the package's Ontology/).")
    var ontology: String?

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Save the snapshot after this many files.")
    var checkpoint: Int = 500

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        do { try ingest() } catch { fail(error) }
    }

    private func ingest() throws {
        let started = Date()
        let graphPath = NameLookup.graphPath(graph, environment: ProcessInfo.processInfo.environment)
        var store = try GraphStore.loadOrEmpty(graphPath)
        let loadedOntology: Ontology
        if let ontology { loadedOntology = try Ontology.load(directory: ontology) } else { loadedOntology = try Ontology.loadDefault() }
        let pipeline = ExtractionPipeline(ontology: loadedOntology)

        var skipped: [(String, String)] = []
        let inputs = discoverInputs(paths: paths) { path, reason in
            skipped.append((path, reason))
            writeToStandardError("\(path): skipped: \(reason)\n")
        }
        let totalBytes = inputs.reduce(0) { $0 + $1.size }
        let progress = IngestProgress(totalFiles: inputs.count, totalBytes: totalBytes)

        var summary = IngestSummary()
        summary.skipped = skipped.count
        var start = 0
        while start < inputs.count {
            let batch = Array(inputs[start..<min(inputs.count, start + max(1, checkpoint))])
            start += batch.count
            let known = Dictionary(store.sources.map { ($0.path, $0.contentHash) }, uniquingKeysWith: { a, _ in a })
            let outcomes = ingestInParallel(batch, workers: jobs, progress: progress,
                                            entities: { $0.contribution?.nodes.count ?? 0 }) { input in
                try FileOutcome.extract(input, known: known, pipeline: pipeline)
            }
            var contributions: [SourceContribution] = []
            for (input, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success(let file):
                    for warning in file.warnings { writeToStandardError("\(input.path): warning: \(warning)\n") }
                    if let c = file.contribution { contributions.append(c) } else { summary.unchanged += 1 }
                case .failure(let error):
                    summary.failed += 1
                    let described = (error as? KGError).map { $0.file == nil ? KGError(file: input.path, $0.message) : $0 }
                        ?? KGError(file: input.path, "\(error)")
                    writeToStandardError(described.description + "\n")
                }
            }
            if !contributions.isEmpty {
                for change in try store.upsert(contentsOf: contributions) {
                    switch change {
                    case .added: summary.added += 1
                    case .replaced: summary.replaced += 1
                    case .unchanged: summary.unchanged += 1
                    }
                }
                try store.save(to: graphPath)
            }
        }
        if !SnapshotFile.exists(graphPath) { try store.save(to: graphPath) }

        summary.graph = graphPath
        summary.files = inputs.count
        summary.megabytes = Double(totalBytes) / 1_048_576
        summary.seconds = Date().timeIntervalSince(started)
        summary.nodes = store.graph.nodeCount
        summary.edges = store.graph.edgeCount
        summary.sources = store.sources.count
        print(json ? summary.json : summary.text)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// What ingesting one file produced: nothing (unchanged) or its contribution, plus reader warnings.
struct FileOutcome: Sendable {
    var contribution: SourceContribution?
    var warnings: [String]

    /// Reads, hashes and extracts `input`, unless the snapshot already holds the same content.
    static func extract(_ input: Input, known: [String: String], pipeline: ExtractionPipeline) throws -> FileOutcome {
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: input.path))) } catch {
            throw KGError(file: input.path, "cannot read: \(error.localizedDescription)")
        }
        let hash = ExtractionPipeline.sha256Hex(bytes)
        if known[input.path] == hash { return FileOutcome(contribution: nil, warnings: []) }
        let extracted = try readInput(path: input.path)
        var contribution = extracted.mapToOriginal(pipeline.extract(source: extracted.source))
        contribution.contentHash = hash
        return FileOutcome(contribution: contribution, warnings: extracted.warnings)
    }
}

/// The closing summary of an ingest run.
struct IngestSummary: Codable {
    var graph = ""
    var files = 0, added = 0, replaced = 0, unchanged = 0, failed = 0, skipped = 0
    var nodes = 0, edges = 0, sources = 0
    var megabytes = 0.0, seconds = 0.0

    var text: String {
        let rate = seconds > 0 ? megabytes / seconds : 0
        return """
        \(graph): \(files) files (\(added) added, \(replaced) replaced, \(unchanged) unchanged, \(failed) failed, \(skipped) skipped)
        graph: \(nodes) nodes, \(edges) edges from \(sources) source files; \(String(format: "%.2f MB in %.2f s (%.2f MB/s)", megabytes, seconds, rate))
        """
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
