import ArgumentParser
import Foundation
import PolicyExtraction
import PolicyOntology

/// `kg-bench startup`: what a small `kg ingest` costs before and around its one file. In process: compiling the
/// ontology from its data files against reading the compiled file (each followed by building the recogniser).
/// Fresh processes: `kg ingest` of one small file with the compiled ontology cached and with the cache off,
/// beside `kg --version` (the floor: loading the executable), and optionally another build of `kg`.
struct StartupBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "startup",
        abstract: "Start-up of a small kg ingest: ontology compile vs cached, fresh-process wall time (best and median of runs).")

    @Option(help: "The kg executable to time.")
    var kg: String = ".build/release/kg"

    @Option(help: "Another kg executable timed in the same run (e.g. the previous release).")
    var baseline: String?

    @Option(help: "The small file ingested in each run.")
    var file: String = "../shared/corpus"

    @Option(help: "Runs of each measurement.")
    var runs: Int = 20

    func run() throws {
        let ontologyDirectory = try Ontology.defaultDirectory() ?? { throw ValidationError("no Ontology folder") }()
        let cache = NSTemporaryDirectory() + "kg-startup-cache-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: cache) }

        // In process (this executable's code, so the cache written here is for kg-bench alone).
        let compile = try times(runs) {
            let compiled = try CompiledOntology(compiling: ontologyDirectory)
            _ = EntityRecognizer(compiled: compiled)
        }
        _ = try CompiledOntology.load(directory: ontologyDirectory, environment: ["KG_CACHE": cache])
        let cached = try times(runs) {
            let compiled = try CompiledOntology.load(directory: ontologyDirectory, environment: ["KG_CACHE": cache])
            guard case .cache = compiled.origin else { throw ValidationError("the compiled ontology was not read from \(cache)") }
            _ = EntityRecognizer(compiled: compiled)
        }
        print("in process, ontology + recogniser: compiled from the data files \(describe(compile)); read compiled \(describe(cached))")

        // Fresh processes.
        let input = try smallFile()
        var executables = [("kg", kg)]
        if let baseline { executables.append(("baseline", baseline)) }
        for (label, path) in executables {
            guard FileManager.default.isExecutableFile(atPath: path) else { throw ValidationError("not an executable: \(path)") }
            // (A build without --version has no floor figure.)
            let floor = (try? processTimes(path, ["--version"], environment: [:])).map(describe) ?? "n/a"
            let warm = try ingestTimes(path, input, environment: ["KG_CACHE": cache + "-" + label])
            let off = try ingestTimes(path, input, environment: ["KG_CACHE": "off"])
            print("\(label) (\(path)): kg --version \(floor); kg ingest one file: compiled ontology cached "
                  + "\(describe(warm)), cache off \(describe(off))")
            try? FileManager.default.removeItem(atPath: cache + "-" + label)
        }
    }

    /// A small policy text: the first lines of the first corpus file, or `file` itself when it is a file.
    private func smallFile() throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else { throw ValidationError("no \(file)") }
        guard isDirectory.boolValue else { return file }
        guard let first = try FileManager.default.contentsOfDirectory(atPath: file).filter({ $0.hasSuffix(".txt") }).sorted().first,
              let text = FileManager.default.contents(atPath: file + "/" + first) else { throw ValidationError("no .txt in \(file)") }
        let path = NSTemporaryDirectory() + "kg-startup-\(getpid()).txt"
        let lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).prefix(60)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Wall seconds of `kg ingest file` into a fresh snapshot, `runs` times (after one untimed run).
    private func ingestTimes(_ executable: String, _ input: String, environment: [String: String]) throws -> [Double] {
        let graph = NSTemporaryDirectory() + "kg-startup-\(getpid()).kgs"
        func clean() { for suffix in ["", ".lock"] { try? FileManager.default.removeItem(atPath: graph + suffix) } }
        defer { clean() }
        clean()
        _ = try processTimes(executable, ["ingest", input, "--graph", graph], environment: environment, runs: 1)
        var out: [Double] = []
        for _ in 0..<runs {
            clean()
            out += try processTimes(executable, ["ingest", input, "--graph", graph], environment: environment, runs: 1)
        }
        return out
    }

    private func processTimes(_ executable: String, _ arguments: [String], environment: [String: String], runs: Int? = nil) throws -> [Double] {
        var out: [Double] = []
        for _ in 0..<(runs ?? self.runs) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let start = BenchmarkClock.monotonicSeconds()
            try process.run()
            process.waitUntilExit()
            out.append(BenchmarkClock.monotonicSeconds() - start)
            guard process.terminationStatus == 0 else {
                throw ValidationError("\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
            }
        }
        return out
    }

    private func times(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
        try (0..<runs).map { _ in
            let start = BenchmarkClock.monotonicSeconds()
            try body()
            return BenchmarkClock.monotonicSeconds() - start
        }
    }

    private func describe(_ seconds: [Double]) -> String {
        let sorted = seconds.sorted()
        return String(format: "best %.1f ms, median %.1f ms", sorted[0] * 1000, sorted[sorted.count / 2] * 1000)
    }
}
