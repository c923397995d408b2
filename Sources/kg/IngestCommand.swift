import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction
import PolicyFormats
import PolicyIngest
import PolicyOntology
import PolicyQuery
import PolicyText

/// `kg ingest PATH…`: read files, folders and zip archives (text, HTML, DOCX, PDF), extract, and add them to a
/// snapshot. The work is `Ingestor` (PolicyIngest); this command prints what it hears.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Build or update a graph snapshot from files, folders and zip archives of policy documents.",
        discussion: """
        Unchanged files (same content hash) are skipped; a changed file replaces exactly its own contributions.
        The snapshot is saved after a batch of --checkpoint files once --save-every seconds have passed since the
        last save, so an interrupted ingest loses nothing already saved and a second run resumes where it stopped.
        Checkpoints within a run save only what changed (a delta file beside the snapshot); the run ends by writing
        the snapshot whole, which queries map in milliseconds (--keep-deltas leaves the deltas, for many small runs
        in a row; `kg compact` folds them in). A .zip stands for its members, read in memory; a
        member's source path is ARCHIVE.zip!/dir/member.txt (quote it in the shell). With --prune, sources
        recorded below the given folders and archives that are no longer there are withdrawn. With --shard K/N only
        the inputs of shard K are ingested (the path below the named folder or archive decides, the same on every
        machine); `kg merge` combines the N snapshots into the graph one process would have built.
        """
    )

    @Argument(help: "Files, folders or .zip archives to ingest (.txt, .html, .docx, .pdf).")
    var paths: [String]

    @Option(name: .long, help: "The graph snapshot to create or update (default: $KG_GRAPH or kg.kgs).")
    var graph: String?

    @Option(name: .long, help: "The ontology folder (default: $KG_ONTOLOGY or the package's Ontology/).")
    var ontology: String?

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Save the snapshot after this many files.")
    var checkpoint: Int = 500

    @Option(name: .long, help: "Save at most this often, in seconds: batches extracted sooner are saved with a later one.")
    var saveEvery: Double = 30

    @Flag(name: .long, help: "Withdraw sources recorded below the given folders and archives that are no longer there.")
    var prune = false

    @Flag(name: .long, help: "Fail at once when another kg process is writing the snapshot, instead of waiting for it.")
    var noWait = false

    @Option(name: .long, help: ArgumentHelp("Ingest only shard K of N (counted from 0): the inputs whose path below the named folder or archive hashes to K. `kg merge` combines the shards.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .long, help: "Leave the run's checkpoints as deltas beside the snapshot (for many small runs in a row; `kg compact` folds them in) instead of writing the snapshot whole at the end.")
    var keepDeltas = false

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        HeapRetention.keepFreedMemory()
        let summary: IngestSummary
        do { summary = try ingest() } catch { fail(error) }
        print(json ? summary.json : summary.text)
        if summary.failed > 0 { throw ExitCode(1) }
    }

    private func ingest() throws -> IngestSummary {
        let started = Date()
        TraditionalConversion.prepareInBackground()
        let graphPath = NameLookup.graphPath(graph, environment: ProcessInfo.processInfo.environment)
        // The ontology as compiled by an earlier run when it is unchanged (see CompiledOntology), else compiled now.
        let compiled = try ontology.map { try CompiledOntology.load(directory: $0) } ?? CompiledOntology.loadDefault()
        let ingestor = Ingestor(pipeline: ExtractionPipeline(ontology: compiled.ontology, recognizer: EntityRecognizer(compiled: compiled)),
                                options: IngestOptions(graphPath: graphPath, workers: jobs, checkpoint: checkpoint,
                                                       prune: prune, minimumSaveInterval: saveEvery, waitForLock: !noWait,
                                                       shard: try shard.map(Shard.init(parsing:)), keepDeltas: keepDeltas))
        let observer = IngestObserver(
            skipped: { path, reason in writeToStandardError("\(path): skipped: \(reason)\n") },
            warning: { path, message in writeToStandardError("\(path): warning: \(message)\n") },
            failed: { error in writeToStandardError(error.description + "\n") },
            removed: { path in writeToStandardError("\(path): removed (no longer there)\n") },
            waitingForLock: { writeToStandardError("\(graphPath): another kg process is writing this snapshot; waiting for it to finish …\n") },
            makeProgress: { files, bytes in IngestProgress(totalFiles: files, totalBytes: bytes) })
        var summary = try ingestor.run(paths: paths, observer: observer)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
