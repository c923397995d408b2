import ArgumentParser
import Foundation
import PolicyCore
import PolicyExport
import PolicyStore

/// `kg-bench export`: GraphML and N-Triples export throughput on `makeSyntheticGraph`, against the libxml2 C
/// ceiling (Tests/Peers/graphml_ceiling.c, compiled here with cc -O2) and the Python peers networkx.write_graphml
/// and rdflib serialize (Tests/Peers/export_peers.py), in one run. Targets: ≥ 50% of the C ceiling, ≥ 10× the peers.
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

    @Option(help: "The package root (for Tests/Peers); default: the current directory.")
    var packageRoot: String = FileManager.default.currentDirectoryPath

    func run() throws {
        let scratch = dir ?? NSTemporaryDirectory() + "kg-bench-export-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: scratch) } }
        var rows: [Row] = []

        var clock = ContinuousClock.now
        let graph = makeSyntheticGraph(nodes: nodes, edgesPerNode: edgesPerNode, seed: 1)
        print("synthetic graph: \(graph.nodeCount) nodes, \(graph.edgeCount) edges (built in \(seconds(since: clock)) s)")

        // Swift GraphML at full size; the file is kept for the C ceiling to replay.
        let graphml = scratch + "/swift.graphml"
        let swiftGraphML = try best(repeats) { try timeExport(graph, .graphml, to: graphml) }
        rows.append(Row("GraphML", "Swift (PolicyExport)", graph.nodeCount, swiftGraphML))

        // The C ceiling replays the same file through libxml2.
        let ceilingSource = packageRoot + "/Tests/Peers/graphml_ceiling.c"
        let ceilingBinary = scratch + "/graphml_ceiling"
        let compile = shell("cc -O2 '\(ceilingSource)' $(pkg-config --cflags --libs libxml-2.0) -o '\(ceilingBinary)'")
        var ceiling: Measurement?
        if compile.status == 0 {
            ceiling = try best(repeats) {
                let r = shell("'\(ceilingBinary)' '\(graphml)' '\(scratch)/ceiling.graphml'")
                guard r.status == 0, let m = Measurement(json: r.output) else {
                    throw KGError("graphml_ceiling failed: \(r.output)")
                }
                try? FileManager.default.removeItem(atPath: scratch + "/ceiling.graphml")
                return m
            }
            rows.append(Row("GraphML", "C ceiling (libxml2 xmlTextWriter)", graph.nodeCount, ceiling!))
        } else {
            print("C ceiling not compiled (cc/libxml2-dev missing?): \(compile.output)")
        }
        try? FileManager.default.removeItem(atPath: graphml)

        // Swift N-Triples at full size.
        let nt = scratch + "/swift.nt"
        let swiftNT = try best(repeats) {
            let m = try timeExport(graph, .ntriples, to: nt)
            try? FileManager.default.removeItem(atPath: nt)
            return m
        }
        rows.append(Row("N-Triples", "Swift (PolicyExport)", graph.nodeCount, swiftNT))

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
        print("format     writer                              nodes      MB        s     MB/s")
        for row in rows {
            print(row.format.padding(toLength: 11, withPad: " ", startingAt: 0)
                + row.writer.padding(toLength: 36, withPad: " ", startingAt: 0)
                + pad(String(row.nodes), 9) + pad(String(format: "%.1f", row.m.megabytes), 9)
                + pad(String(format: "%.2f", row.m.seconds), 9) + pad(String(format: "%.1f", row.m.megabytesPerSecond), 9))
        }
        print("")
        if let ceiling {
            let share = swiftGraphML.megabytesPerSecond / ceiling.megabytesPerSecond
            print(String(format: "GraphML: Swift reaches %.0f%% of the C ceiling (target ≥ 50%%)", share * 100))
        }
        if let networkxRatio { print(String(format: "GraphML: Swift is %.1f× networkx.write_graphml (target ≥ 10×)", networkxRatio)) }
        if let rdflibRatio { print(String(format: "N-Triples: Swift is %.1f× rdflib serialize (target ≥ 10×)", rdflibRatio)) }
    }

    private func timeExport(_ graph: Graph, _ format: ExportFormat, to path: String) throws -> Measurement {
        let start = ContinuousClock.now
        try GraphExporter.export(graph, format: format, options: ExportOptions(), to: path)
        let elapsed = seconds(since: start)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        return Measurement(bytes: size, seconds: elapsed)
    }

    private func best(_ n: Int, _ body: () throws -> Measurement) throws -> Measurement {
        var result = try body()
        for _ in 1..<max(1, n) {
            let m = try body()
            if m.seconds < result.seconds { result = m }
        }
        return result
    }
}

private struct Measurement {
    var bytes: Int
    var seconds: Double
    var megabytes: Double { Double(bytes) / 1_000_000 }
    var megabytesPerSecond: Double { megabytes / max(seconds, 1e-9) }

    init(bytes: Int, seconds: Double) {
        self.bytes = bytes
        self.seconds = seconds
    }

    /// From `{"bytes": N, "seconds": S, …}` on the last line of a peer's output.
    init?(json text: String) {
        guard let line = text.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let bytes = object["bytes"] as? Int, let seconds = object["seconds"] as? Double else { return nil }
        self.init(bytes: bytes, seconds: seconds)
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

private func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
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
