import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction
import PolicyIngest
import PolicyOntology
import PolicyText
#if canImport(Glibc)
import Glibc
#endif

/// `kg-bench ingest`: full extraction pipeline throughput (read → normalise → segment → recognise → extract →
/// records) in MB/s of input on one core, and jieba.posseg on the same files as the reference peer.
struct IngestBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extraction pipeline throughput (MB/s, one core, median of rounds) and the ratio to jieba.posseg.")

    @OptionGroup var measurement: CorpusMeasurementOptions
    var corpus: String { measurement.corpus }
    var rounds: Int { measurement.rounds }
    var seconds: Double { measurement.seconds }

    @Option(help: "Python peer script (default: Tests/Peers/jieba_posseg.py of this package).")
    var peer: String?

    @Option(help: "Rounds for the peer (each at least one pass over the corpus; jieba is slow).")
    var peerRounds: Int = 1

    @Flag(help: "Skip the jieba peer.")
    var noPeer = false

    @Option(help: "Also write the extracted graph as contract JSONL to this path (for shared/eval/score.py).")
    var jsonl: String?

    @Option(help: "Time only these phases (comma-separated: read, normalise, segment, sentences, recognise, pipeline); all by default.")
    var phases: String?

    @Flag(help: "Keep glibc's default of returning freed memory to the kernel (kg ingest keeps it: HeapRetention).")
    var defaultHeap = false

    func run() throws {
        if !defaultHeap { HeapRetention.keepFreedMemory() }
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
            .map { corpus + "/" + $0 }
        guard !files.isEmpty else { throw ValidationError("no .txt files in \(corpus)") }
        let bytes = try files.reduce(0) { $0 + (try SourceText.read(path: $1)).originalBytes.count }

        let clock = ContinuousClock.now
        let ontology = try Ontology.loadDefault()
        let pipeline = ExtractionPipeline(ontology: ontology)
        let setup = ContinuousClock.now - clock

        // Warm-up pass, also the graph for --jsonl.
        var graph = ContractGraph()
        for file in files { graph.add(try pipeline.extract(file: file)) }
        if let jsonl {
            try graph.jsonl().write(toFile: jsonl, atomically: true, encoding: .utf8)
        }

        var sink = 0
        print("ingest: \(files.count) files, \(bytes) bytes, \(graph.nodeCount) nodes, \(graph.edgeCount) edges")
        print("ingest: setup (ontology + recogniser) \(format(setup)); freed memory \(defaultHeap ? "returned to the kernel (glibc default)" : "kept in the heap, as kg ingest does")")
        // Phases, to show where the time goes (each over the whole corpus, from decoded sources).
        let sources = try files.map { try SourceText.read(path: $0) }
        let texts = sources.map { NormalizedText($0) }
        let recognizer = EntityRecognizer(ontology: ontology)
        let phases: [(String, () -> Int)] = [
            ("read", { files.reduce(0) { $0 &+ ((try? SourceText.read(path: $1))?.utf8.count ?? 0) } }),
            ("normalise", { sources.reduce(0) { $0 &+ NormalizedText($1).utf8.count } }),
            ("segment", { texts.reduce(0) { $0 &+ segmentDocuments($1).count } }),
            ("sentences", { texts.reduce(0) { $0 &+ splitSentences($1, in: 0..<$1.utf8.count).count } }),
            ("recognise", { texts.reduce(0) { $0 &+ recognizer.mentions(in: $1.utf8, range: 0..<$1.utf8.count, contextProvince: nil).count } }),
            ("pipeline", { files.reduce(0) { total, file in
                guard let c = try? pipeline.extract(file: file) else { return total }
                return total &+ c.nodes.count &+ c.edges.count } }),
        ]
        var median = 0.0
        var rates: [String: Double] = [:]
        let selected = self.phases.map { Set($0.split(separator: ",").map { String($0) }) }
        for (name, work) in phases where selected?.contains(name) ?? true {
            var wallRates: [Double] = []
            var cpuRates: [Double] = []
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                let cpuStart = BenchmarkClock.threadCPUSeconds()
                var passes = 0
                repeat { sink &+= work(); passes += 1 } while BenchmarkClock.seconds(since: start) < seconds
                wallRates.append(Double(bytes * passes) / BenchmarkClock.seconds(since: start) / 1_000_000)
                cpuRates.append(Double(bytes * passes) / (BenchmarkClock.threadCPUSeconds() - cpuStart) / 1_000_000)
            }
            wallRates.sort()
            cpuRates.sort()
            let cpu = cpuRates[rounds / 2]
            if name == "pipeline" { median = cpu }
            rates[name] = cpu
            print("ingest: \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%7.2f", cpu)) MB/s per core (thread CPU time), \(String(format: "%7.2f", wallRates[rounds / 2])) MB/s wall-clock (medians of \(rounds))")
        }
        // What the pipeline spends beyond the timed phases: the extractors and the records (plus per-scope overhead).
        let parts = ["read", "normalise", "segment", "sentences", "recognise"]
        if let total = rates["pipeline"], parts.allSatisfy({ rates[$0] != nil }) {
            let rest = 1 / total - parts.reduce(0) { $0 + 1 / rates[$1]! }
            let share = { (rate: Double) in String(format: "%4.1f%%", 100 / rate * total) }
            print("ingest: shares of pipeline time: " + parts.map { "\($0) \(share(rates[$0]!))" }.joined(separator: ", ")
                  + ", extractors and records " + String(format: "%4.1f%%", 100 * rest * total))
        }
        if !noPeer {
            let peerRate = try runPeer()
            print("ingest: jieba.posseg \(String(format: "%.4f", peerRate)) MB/s per core (process CPU time)")
            print("ingest: ratio \(String(format: "%.1f", median / peerRate))× jieba.posseg")
        }
        if sink == -1 { print(sink) }
    }

    private func format(_ d: Duration) -> String { String(format: "%.3f s", BenchmarkClock.seconds(d)) }

    /// Runs the Python peer and returns its median MB/s.
    private func runPeer() throws -> Double {
        let peer = self.peer.map(PythonPeer.init(path:)) ?? PythonPeer(named: "jieba_posseg.py")
        let (json, status) = try peer.run(["--corpus", corpus, "--rounds", String(peerRounds), "--seconds", String(seconds)])
        guard let rate = (json?["mb_per_s"] as? NSNumber)?.doubleValue, rate > 0 else {
            throw KGError(file: peer.script, "peer failed (exit \(status)); is jieba installed? (pip install jieba)")
        }
        return rate
    }
}
