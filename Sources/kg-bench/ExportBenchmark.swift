import ArgumentParser
import Foundation
import PolicyCore
import PolicyExport
import PolicyStore

/// `kg-bench export`: GraphML and N-Triples export throughput on `makeSyntheticGraph`, against the libxml2 C
/// ceiling (Tests/Peers/graphml_ceiling.c, compiled here with cc -O2) and the Python peers networkx.write_graphml
/// and rdflib serialize (Tests/Peers/export_peers.py), in one run. Targets: ≥ 70% of the C ceiling, ≥ 10× the peers.
struct ExportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export throughput (GraphML, N-Triples) vs the libxml2 C ceiling and Python peers.")

    @Option(help: "Nodes of the synthetic graph for the Swift and C ceiling runs.")
    var nodes: Int = 1_000_000

    @Option(help: "Edges per node.")
    var edgesPerNode: Int = 3

    @Option(help: "Nodes of the (smaller) graph given to networkx (0: skip).")
    var networkxNodes: Int = 50_000

    @Option(help: "Nodes of the (smaller) graph given to rdflib (0: skip).")
    var rdflibNodes: Int = 5_000

    @Option(help: "Timed repetitions of each Swift/C run (the best is reported).")
    var repeats: Int = 2

    @Option(help: "Scratch directory (default: a new one under the temporary directory; removed afterwards).")
    var dir: String?

    @Option(help: "Which full-size Swift runs to do: graphml, ntriples, jsonl (comma-separated).")
    var formats: String = "graphml,ntriples,jsonl"

    @Option(help: "Evidence records of the hub node in the JSONL linearity check (comma-separated; empty: skip).")
    var hubEvidence: String = "10000,40000"

    @Option(help: "The package root (for Tests/Peers); default: the current directory.")
    var packageRoot: String = FileManager.default.currentDirectoryPath

    func run() throws {
        let scratch = dir ?? NSTemporaryDirectory() + "kg-bench-export-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: scratch) } }
        var rows: [Row] = []

        var clock = ContinuousClock.now
        let graph = makeSyntheticGraph(nodes: nodes, edgesPerNode: edgesPerNode, seed: 1)
        print("synthetic graph: \(graph.nodeCount) nodes, \(graph.edgeCount) edges (built in \(BenchmarkClock.seconds(since: clock)) s)")

        let wanted = Set(formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        var swiftGraphML: Measurement?
        var ceiling: Measurement?
        var textWriterCeiling: Measurement?
        if wanted.contains("graphml") {
        // Swift GraphML at full size; the file is kept for the C ceiling to replay. Swift and C runs alternate so
        // that both see the same machine load; the best (least CPU) run of each is reported.
        let graphml = scratch + "/swift.graphml"
        var swift = try timeExport(graph, .graphml, to: graphml)
        let ceilingSource = packageRoot + "/Tests/Peers/graphml_ceiling.c"
        let ceilingBinary = scratch + "/graphml_ceiling"
        let compile = shell("cc -O2 '\(ceilingSource)' $(pkg-config --cflags --libs libxml-2.0) -o '\(ceilingBinary)'")
        if compile.status != 0 { print("C ceiling not compiled (cc/libxml2-dev missing?): \(compile.output)") }
        for round in 0..<max(1, repeats) {
            if compile.status == 0 {
                // The replay through the exporter's own libxml2 calls is the ceiling; through xmlTextWriter, for scale.
                for textWriter in [false, true] {
                    let flag = textWriter ? "--textwriter " : ""
                    let r = shell("'\(ceilingBinary)' \(flag)'\(graphml)' '\(scratch)/ceiling.graphml'")
                    guard r.status == 0, let m = Measurement(json: r.output) else { throw KGError("graphml_ceiling failed: \(r.output)") }
                    try? FileManager.default.removeItem(atPath: scratch + "/ceiling.graphml")
                    if textWriter {
                        if textWriterCeiling == nil || m.cpuSeconds < textWriterCeiling!.cpuSeconds { textWriterCeiling = m }
                    } else if ceiling == nil || m.cpuSeconds < ceiling!.cpuSeconds {
                        ceiling = m
                    }
                }
            }
            if round + 1 < repeats {
                let m = try timeExport(graph, .graphml, to: graphml)
                if m.cpuSeconds < swift.cpuSeconds { swift = m }
            }
        }
        swiftGraphML = swift
        rows.append(Row("GraphML", "Swift (PolicyExport)", graph.nodeCount, swift))
        if let ceiling { rows.append(Row("GraphML", "C ceiling (libxml2 xmlOutputBuffer)", graph.nodeCount, ceiling)) }
        if let textWriterCeiling { rows.append(Row("GraphML", "C, libxml2 xmlTextWriter", graph.nodeCount, textWriterCeiling)) }
        try? FileManager.default.removeItem(atPath: graphml)
        }

        if wanted.contains("ntriples") {
            // Swift N-Triples at full size, streamed to /dev/null (the file would be ~10 GB at 1M nodes).
            let swiftNT = try best(repeats) { try timeExport(graph, .ntriples, to: "/dev/null") }
            rows.append(Row("N-Triples", "Swift (PolicyExport) → /dev/null", graph.nodeCount, swiftNT))
        }

        if wanted.contains("jsonl") {
            // JSONL at full size, and a graph whose one node carries many evidence records (a body every file
            // mentions): its line is megabytes long, and MB/s must not fall as it grows.
            let swiftJSONL = try best(repeats) { try timeExport(graph, .jsonl, to: "/dev/null") }
            rows.append(Row("JSONL", "Swift (PolicyExport) → /dev/null", graph.nodeCount, swiftJSONL))
            for count in hubEvidence.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                let hub = Self.hubGraph(evidence: count)
                let m = try best(repeats) { try timeExport(hub, .jsonl, to: "/dev/null") }
                rows.append(Row("JSONL", "one node with \(count) evidence records", hub.nodeCount, m))
            }
        }

        // Peers on smaller graphs, with Swift on the very same graphs.
        let peers = packageRoot + "/Tests/Peers/export_peers.py"
        var networkxRatio: Double?, rdflibRatio: Double?
        if networkxNodes > 0 {
            let small = makeSyntheticGraph(nodes: networkxNodes, edgesPerNode: edgesPerNode, seed: 2)
            let input = scratch + "/peer.graphml"
            let swift = try best(repeats) { try timeExport(small, .graphml, to: input) }
            rows.append(Row("GraphML", "Swift (PolicyExport)", small.nodeCount, swift))
            clock = .now
            let r = shell("python3 '\(peers)' networkx-graphml '\(input)' '\(scratch)/networkx.graphml'")
            if r.status == 0, let m = Measurement(json: r.output) {
                rows.append(Row("GraphML", "networkx.write_graphml", small.nodeCount, m))
                networkxRatio = swift.megabytesPerSecond / m.megabytesPerSecond
            } else {
                print("networkx peer skipped: \(r.output)")
            }
        }
        if rdflibNodes > 0 {
            let small = makeSyntheticGraph(nodes: rdflibNodes, edgesPerNode: edgesPerNode, seed: 3)
            let input = scratch + "/peer.nt"
            let swift = try best(repeats) { try timeExport(small, .ntriples, to: input) }
            rows.append(Row("N-Triples", "Swift (PolicyExport)", small.nodeCount, swift))
            let r = shell("python3 '\(peers)' rdflib-nt '\(input)' '\(scratch)/rdflib.nt'")
            if r.status == 0, let m = Measurement(json: r.output) {
                rows.append(Row("N-Triples", "rdflib serialize(format=nt)", small.nodeCount, m))
                rdflibRatio = swift.megabytesPerSecond / m.megabytesPerSecond
            } else {
                print("rdflib peer skipped: \(r.output)")
            }
        }

        print("")
        print("MB/s = MB per CPU second of the writing process (the machine is shared; wall seconds shown too)")
        print("format     writer                              nodes      MB   wall s    CPU s     MB/s")
        for row in rows {
            print(row.format.padding(toLength: 11, withPad: " ", startingAt: 0)
                + row.writer.padding(toLength: 36, withPad: " ", startingAt: 0)
                + pad(String(row.nodes), 9) + pad(String(format: "%.1f", row.m.megabytes), 9)
                + pad(String(format: "%.2f", row.m.seconds), 9) + pad(String(format: "%.2f", row.m.cpuSeconds), 9)
                + pad(String(format: "%.1f", row.m.megabytesPerSecond), 9))
        }
        print("")
        if let ceiling, let swiftGraphML {
            let share = swiftGraphML.megabytesPerSecond / ceiling.megabytesPerSecond
            print(String(format: "GraphML: Swift reaches %.0f%% of the C ceiling (target ≥ 70%%)", share * 100))
        }
        if let networkxRatio { print(String(format: "GraphML: Swift is %.1f× networkx.write_graphml (target ≥ 10×)", networkxRatio)) }
        if let rdflibRatio { print(String(format: "N-Triples: Swift is %.1f× rdflib serialize (target ≥ 10×)", rdflibRatio)) }
    }

    /// Two nodes and an edge; the first node has `evidence` evidence records, each a sentence of a different file.
    static func hubGraph(evidence count: Int) -> Graph {
        var builder = GraphBuilder()
        let sentence = String(repeating: "国务院办公厅关于进一步优化营商环境的通知。", count: 3)
        let evidence = (0..<count).map {
            Evidence(source: "corpus/notice-\($0).txt", line: 1 + $0 % 500, column: 1, byteStart: $0, byteEnd: $0 + 9, text: sentence)
        }
        builder.addNode(NodeRecord(id: "agency:国务院", kind: .agency, label: "国务院", evidence: evidence))
        builder.addNode(NodeRecord(id: "agency:财政部", kind: .agency, label: "财政部", evidence: Array(evidence.prefix(1))))
        builder.addEdge(EdgeRecord(kind: .partOf, source: "agency:财政部", target: "agency:国务院", evidence: Array(evidence.prefix(1))))
        return builder.freeze()
    }

    private func timeExport(_ graph: Graph, _ format: ExportFormat, to path: String) throws -> Measurement {
        let start = ContinuousClock.now
        let cpuStart = BenchmarkClock.processCPUSeconds()
        let bytes = try GraphExporter.exportCountingBytes(graph, format: format, options: ExportOptions(), to: path).bytes
        return Measurement(bytes: bytes, seconds: BenchmarkClock.seconds(since: start), cpuSeconds: BenchmarkClock.processCPUSeconds() - cpuStart)
    }

    private func best(_ n: Int, _ body: () throws -> Measurement) throws -> Measurement {
        var result = try body()
        for _ in 1..<max(1, n) {
            let m = try body()
            if m.cpuSeconds < result.cpuSeconds { result = m }
        }
        return result
    }
}

private struct Measurement {
    var bytes: Int
    var seconds: Double
    var cpuSeconds: Double
    var megabytes: Double { Double(bytes) / 1_000_000 }
    /// Per CPU second: other processes on a shared machine do not distort it.
    var megabytesPerSecond: Double { megabytes / max(cpuSeconds, 1e-9) }

    init(bytes: Int, seconds: Double, cpuSeconds: Double) {
        self.bytes = bytes
        self.seconds = seconds
        self.cpuSeconds = cpuSeconds
    }

    /// From `{"bytes": N, "seconds": S, …}` on the last line of a peer's output.
    init?(json text: String) {
        guard let line = text.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let bytes = object["bytes"] as? Int, let seconds = object["seconds"] as? Double,
              let cpu = object["cpu_seconds"] as? Double else { return nil }
        self.init(bytes: bytes, seconds: seconds, cpuSeconds: cpu)
    }
}

private struct Row {
    var format: String, writer: String, nodes: Int, m: Measurement
    init(_ format: String, _ writer: String, _ nodes: Int, _ m: Measurement) {
        self.format = format
        self.writer = writer
        self.nodes = nodes
        self.m = m
    }
}

private func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

/// Runs a shell command, returning its status and combined output.
private func shell(_ command: String) -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command + " 2>&1"]
    let pipe = Pipe()
    p.standardOutput = pipe
    do { try p.run() } catch { return (127, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}
