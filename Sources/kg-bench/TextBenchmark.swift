import ArgumentParser
import PolicyCore
import PolicyText
import PolicyIngest
#if canImport(Glibc)
import Glibc
#endif

/// `kg-bench text`: normalisation + segmentation throughput over a corpus folder, in MB/s of input.
struct TextBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Normalisation + segmentation throughput (MB/s, median of rounds of at least one second).")

    @OptionGroup var measurement: CorpusMeasurementOptions
    var corpus: String { measurement.corpus }
    var rounds: Int { measurement.rounds }
    var seconds: Double { measurement.seconds }

    @Flag(help: "Time normalisation alone (no segmentation).")
    var normalizeOnly = false

    func run() throws {
        HeapRetention.keepFreedMemory()  // as kg ingest does
        let files = textFiles(in: corpus)
        guard !files.isEmpty else { throw ValidationError("no .txt files in \(corpus)") }
        let sources = try files.map { try SourceText.read(path: $0) }
        let bytes = sources.reduce(0) { $0 + $1.originalBytes.count }
        var sink = 0
        var rates: [Double] = []
        var cpuRates: [Double] = []
        var segmentsPerPass = 0
        for _ in 0..<rounds {
            let start = BenchmarkClock.monotonicSeconds()
            let cpuStart = BenchmarkClock.processCPUSeconds()
            var passes = 0
            repeat {
                segmentsPerPass = 0
                for source in sources {
                    let text = NormalizedText(source)
                    let segments = normalizeOnly ? [] : segmentDocuments(text)
                    segmentsPerPass += segments.count
                    sink &+= text.utf8.count &+ segments.count
                }
                passes += 1
            } while BenchmarkClock.monotonicSeconds() - start < seconds
            let elapsed = BenchmarkClock.monotonicSeconds() - start
            rates.append(Double(bytes * passes) / elapsed / 1_000_000)
            cpuRates.append(Double(bytes * passes) / (BenchmarkClock.processCPUSeconds() - cpuStart) / 1_000_000)
        }
        rates.sort()
        cpuRates.sort()
        let median = rates[rates.count / 2]
        print("text: \(files.count) files, \(bytes) bytes, \(segmentsPerPass) documents per pass")
        print("\(normalizeOnly ? "normalise" : "normalise+segment"): median \(format(median)) MB/s over \(rounds) rounds (min \(format(rates.first!)), max \(format(rates.last!))); per CPU second: median \(format(cpuRates[cpuRates.count / 2])) MB/s  [\(sink % 10)]")
    }

    func format(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }

    func textFiles(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = String(decoding: directoryEntryName(entry), as: UTF8.self)
            if name.hasSuffix(".txt") { out.append(folder + "/" + name) }
        }
        return out.sorted()
    }
}
