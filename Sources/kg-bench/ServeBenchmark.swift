import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PolicyCore
import PolicyQuery
import PolicyServe
import PolicyStore
#if canImport(Glibc)
import Glibc
#endif

/// `kg-bench serve --nodes 1000000`: the explorer on the largest synthetic graph, loaded from a snapshot as `kg serve`
/// loads it, answering over loopback through a real HTTP client (AsyncHTTPClient): p50/p99 latency per endpoint
/// (sequential requests on one connection, each endpoint warmed once), requests/s with concurrent clients, and the
/// server's resident memory against the graph's.
struct ServeBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "kg serve latency and throughput over loopback.")

    @Option(help: "Graph size in nodes.") var nodes = 1_000_000
    @Option(name: .customLong("edges-per-node"), help: "Edges per node.") var edgesPerNode = 4
    @Option(help: "Requests per endpoint for the latency figures.") var requests = 200
    @Option(help: "Concurrent requests for the throughput figure.") var concurrency = 8
    @Option(help: "Seconds of the throughput run.") var seconds = 10.0
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "Directory for the snapshot.") var workdir = "/tmp/kg-bench-serve"

    func run() async throws {
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        let snapshot = workdir + "/serve-\(nodes).kgs"
        if !FileManager.default.fileExists(atPath: snapshot) {
            let store = GraphStore(contributions: makeSyntheticContributions(nodes: nodes, edgesPerNode: edgesPerNode, seed: seed, files: 8))
            try store.save(to: snapshot)
        }
        trimMallocArenas()
        let before = residentBytes()
        let start = ContinuousClock.now
        let source = try GraphSource(path: snapshot)
        let loadSeconds = BenchmarkClock.seconds(since: start)
        trimMallocArenas()
        let graphResident = residentBytes() - before
        let graph = source.current().graph
        print("== kg serve on \(graph.nodeCount) nodes, \(graph.edgeCount) edges: snapshot loaded in \(String(format: "%.2f", loadSeconds)) s, graph resident \(mb(graphResident)) MB")

        // The workload: names, agencies, path pairs chosen with a seeded generator from the graph itself.
        var rng = SeededRandom(seed: seed)
        let agencies = (0..<graph.nodeCount).filter { graph.nodeKind($0) == .agency }
        let programmes = (0..<graph.nodeCount).filter { graph.nodeKind($0) == .programme }
        let busiest = agencies.max { graph.inEdges($0).count < graph.inEdges($1).count }!
        func pick(_ list: [Int]) -> Int { list[Int(rng.next() % UInt64(list.count))] }
        func enc(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }
        var workload: [(String, [String])] = []
        workload.append(("search (type-ahead)", (0..<requests).map { _ in "/api/search?limit=10&q=" + enc(String(graph.label(pick(agencies)).prefix(3))) }))
        workload.append(("entity page", (0..<requests).map { _ in "/entity?id=" + enc(graph.nodeID(pick(agencies))) }))
        workload.append(("entity JSON", (0..<requests).map { _ in "/api/entity?id=" + enc(graph.nodeID(pick(agencies))) }))
        workload.append(("path page (k=3)", (0..<requests).map { _ in
            "/path?k=3&from=" + enc(graph.nodeID(pick(agencies))) + "&to=" + enc(graph.nodeID(pick(programmes)))
        }))
        workload.append(("co-issuance page, one agency", (0..<requests).map { _ in "/coissue?agency=" + enc(graph.nodeID(pick(agencies))) }))
        workload.append(("co-issuance page, whole network", (0..<requests).map { i in
            let years = ["", "from=2019&to=2021", "from=2020&min_count=2", "from=2022"]
            return "/coissue?" + years[i % years.count]
        }))
        workload.append(("targets of a programme", (0..<requests).map { _ in "/api/targets?owner=" + enc(graph.nodeID(pick(programmes))) }))
        workload.append(("busiest agency page", (0..<max(10, requests / 10)).map { _ in "/entity?id=" + enc(graph.nodeID(busiest)) }))

        let workloadList = workload
        let explorer = Explorer(source: source, sourceRoots: ["."])
        let app = Application(router: explorer.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              logger: { var l = Logger(label: "bench"); l.logLevel = .error; return l }())
        let concurrency = self.concurrency, seconds = self.seconds
        try await app.test(.ahc(.http)) { client in
            print("endpoint | p50 ms | p99 ms | max ms | first (cold) ms | resident after, MB")
            var mixed: [String] = []
            for (name, uris) in workloadList {
                var times: [Double] = []
                var cold = 0.0
                for (i, uri) in uris.enumerated() {
                    let t = ContinuousClock.now
                    let status = try await client.execute(uri: uri, method: .get) { $0.status }
                    let ms = BenchmarkClock.seconds(since: t) * 1000
                    guard status == .ok || status == .found else { throw KGError("\(uri) answered \(status)") }
                    if i == 0 { cold = ms } else { times.append(ms) }
                }
                times.sort()
                func at(_ q: Double) -> Double { times.isEmpty ? cold : times[min(times.count - 1, Int(Double(times.count) * q))] }
                trimMallocArenas()
                print("\(name) | \(f(at(0.5))) | \(f(at(0.99))) | \(f(times.last ?? cold)) | \(f(cold)) | \(mb(residentBytes() - before))")
                mixed += uris.prefix(50)
            }
            // Throughput: `concurrency` clients replaying the mixed workload for `seconds`.
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            let started = ContinuousClock.now
            let total = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<concurrency {
                    let list = mixed
                    group.addTask {
                        var done = 0, i = worker
                        while ContinuousClock.now < deadline {
                            _ = try await client.execute(uri: list[i % list.count], method: .get) { $0.status }
                            done += 1
                            i += concurrency
                        }
                        return done
                    }
                }
                return try await group.reduce(0, +)
            }
            let elapsed = BenchmarkClock.seconds(since: started)
            print("throughput: \(total) requests in \(f(elapsed)) s with \(concurrency) concurrent clients = \(f(Double(total) / elapsed)) requests/s (mixed workload)")
        }
        trimMallocArenas()
        let serving = residentBytes() - before
        print("server resident after the run: \(mb(serving)) MB = \(String(format: "%.2f", Double(serving) / Double(max(graphResident, 1))))× the loaded graph")
    }

    private func f(_ v: Double) -> String { String(format: "%.1f", v) }
    private func mb(_ bytes: Int) -> String { String(format: "%.0f", Double(bytes) / 1e6) }

    private func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
