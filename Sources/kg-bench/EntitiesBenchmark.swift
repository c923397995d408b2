import ArgumentParser
import Foundation
import PolicyCore
import PolicyText
import PolicyOntology
import PolicyExtraction
import PolicyIngest
#if canImport(Glibc)
import Glibc
#endif

/// `kg-bench entities`: entity-recognition throughput over normalised corpus text, in MB/s of clean text:
/// the longest-match automaton alone, and the full recogniser (automaton + patterns + discovery).
struct EntitiesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Entity recognition throughput (MB/s of clean text, median of rounds of at least one second).")

    @OptionGroup var measurement: CorpusMeasurementOptions
    var corpus: String { measurement.corpus }
    var rounds: Int { measurement.rounds }
    var seconds: Double { measurement.seconds }

    func run() throws {
        HeapRetention.keepFreedMemory()  // as kg ingest does
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { corpus + "/" + $0 }
        guard !files.isEmpty else { throw ValidationError("no .txt files in \(corpus)") }
        let buildStart = Date()
        let ontology = try Ontology.loadDefault()
        let loaded = Date()
        let recognizer = EntityRecognizer(ontology: ontology)
        let built = Date()
        print("ontology load \(format(loaded.timeIntervalSince(buildStart) * 1000)) ms, recogniser build "
              + "\(format(built.timeIntervalSince(loaded) * 1000)) ms")
        // Paragraphs of the normalised texts, as the pipeline hands them over.
        let texts = try files.map { NormalizedText(try SourceText.read(path: $0)).utf8 }
        var paragraphs: [(text: Int, range: Range<Int>)] = []
        for (t, bytes) in texts.enumerated() {
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end > start { paragraphs.append((t, start..<end)) }
                start = end + 1
            }
        }
        let total = texts.reduce(0) { $0 + $1.count }
        var mentionsPerPass = 0
        let full = measure(total) {
            var count = 0
            for p in paragraphs {
                count += recognizer.mentions(in: texts[p.text], range: p.range, contextProvince: nil).count
            }
            mentionsPerPass = count
            return count
        }
        print("entities: \(files.count) files, \(total) clean bytes, \(mentionsPerPass) mentions per pass")
        print("recogniser: median \(format(full.median)) MB/s wall, \(format(full.cpuMedian)) MB/s per CPU second "
              + "(wall min \(format(full.min)), max \(format(full.max)))")
    }

    /// Wall-clock and process-CPU-time rates; the CPU rate stays meaningful on a machine shared with other work.
    private func measure(_ bytes: Int, _ pass: () -> Int) -> (median: Double, min: Double, max: Double, cpuMedian: Double) {
        var rates: [Double] = []
        var cpuRates: [Double] = []
        var sink = 0
        for _ in 0..<rounds {
            let start = Date()
            let cpuStart = clock()
            var passes = 0
            repeat {
                sink &+= pass()
                passes += 1
            } while Date().timeIntervalSince(start) < seconds
            let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
            rates.append(Double(bytes * passes) / Date().timeIntervalSince(start) / 1_000_000)
            cpuRates.append(Double(bytes * passes) / max(cpu, 1e-9) / 1_000_000)
        }
        rates.sort()
        cpuRates.sort()
        if sink == -1 { print(sink) }
        return (rates[rates.count / 2], rates.first!, rates.last!, cpuRates[cpuRates.count / 2])
    }

    private func format(_ x: Double) -> String { String((x * 100).rounded() / 100) }
}
