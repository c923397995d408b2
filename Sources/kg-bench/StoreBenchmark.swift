import ArgumentParser
import Foundation
import PolicyCore
import PolicyQuery
import PolicyStore
#if canImport(Glibc)
import Glibc
#endif

/// `kg-bench store --nodes 100000,1000000`: build, save, load, path p50/p99, coissue and resident bytes per edge
/// on synthetic graphs, next to networkx doing the same (Tests/Peers/networkx_store.py), reported as ratios.
struct StoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Graph store benchmark against networkx.")

    @Option(help: "Graph sizes in nodes, comma-separated.") var nodes = "100000,1000000"
    @Option(name: .customLong("edges-per-node"), help: "Edges per node.") var edgesPerNode = 4
    @Option(help: "Random path queries per size.") var queries = 1000
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "Directory for snapshots and exchange files.") var workdir = "/tmp/kg-bench-store"
    @Flag(name: .customLong("skip-networkx"), help: "Do not run the networkx peer.") var skipNetworkx = false

    func run() throws {
        let sizes = nodes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        for n in sizes { try benchmark(nodeCount: n) }
    }

    func benchmark(nodeCount: Int) throws {
        print("== \(nodeCount) nodes, \(edgesPerNode) edges per node (seed \(seed))")
        var contributions = makeSyntheticContributions(nodes: nodeCount, edgesPerNode: edgesPerNode, seed: seed, files: 8)
        var (store, buildSeconds) = timed { GraphStore(contributions: contributions) }
        contributions = []
        let snapshot = workdir + "/bench-\(nodeCount).kgs"
        let (_, saveSeconds) = try timedThrowing { try store.save(to: snapshot) }
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int) ?? 0
        let built = store.graph
        print("graph: \(built.nodeCount) nodes, \(built.edgeCount) edges; snapshot \(megabytes(fileBytes)) MB")

        // Exchange files for the networkx peer, and the query workload.
        var rng = SeededRandom(seed: seed ^ 0xBEEF)
        let pairs = (0..<queries).map { _ in (rng.below(built.nodeCount), rng.below(built.nodeCount)) }
        let agency = busiestCoissuer(built)
        let lookupID = built.nodeID(pairs[0].0)
        if !skipNetworkx { try exportForPeer(built, pairs: pairs, agency: agency) }
        store = GraphStore()
        let builtStorage = built.storageBytes
        print("largest arrays: " + built.storageBreakdown.prefix(8).map { "\($0.name) \(megabytes($0.bytes))" }.joined(separator: ", ") + " MB")
        _ = consume built
        trimMallocArenas()

        // Open as a query command does (SnapshotFile.openGraph: mapped, blocks verified as read) and look one node
        // up by id: best of three. Then as kg serve and export do (every graph section verified; resident growth,
        // mapped file pages included, measured on the last), and as ingest does (with the per-source records).
        var openSeconds: [Double] = []
        for _ in 0..<3 {
            let (found, seconds) = try timedThrowing { try SnapshotFile.openGraph(snapshot).node(withID: lookupID) }
            precondition(found == pairs[0].0)
            openSeconds.append(seconds)
        }
        var loadSeconds: [Double] = []
        var graph = Graph.empty
        var residentBytes = 0
        for _ in 0..<3 {
            graph = Graph.empty
            trimMallocArenas()
            let before = residentMemory()
            let (loaded, seconds) = try timedThrowing { try SnapshotFile.loadGraph(snapshot) }
            trimMallocArenas()
            residentBytes = residentMemory() - before
            graph = loaded
            loadSeconds.append(seconds)
        }
        let load = loadSeconds.min()!
        let (_, storeLoadSeconds) = try timedThrowing { try GraphStore.load(snapshot) }
        let lazyGraph = try SnapshotFile.openGraph(snapshot)
        let (firstPath, firstPathSeconds) = timed { pathQuery(lazyGraph, from: pairs[0].0, to: pairs[0].1, options: PathOptions(maxHops: 64)) }
        print(String(format: "kg     open for a query + one lookup %.4f s (+ first path %.4f s, %d hops); load verifying every graph section (serve, export) %.4f s; with per-source records (ingest) %.3f s",
                     openSeconds.min()!, firstPathSeconds, (firstPath.paths.first?.count ?? 0), load, storeLoadSeconds))

        let options = PathOptions(maxHops: 64)
        var pathTimes: [Double] = []
        var lengths: [Int] = []
        for (s, t) in pairs {
            let (answer, seconds) = timed { pathQuery(graph, from: s, to: t, options: options) }
            pathTimes.append(seconds)
            lengths.append(answer.paths.first.map(\.count) ?? -1)
        }
        pathTimes.sort()
        let p50 = pathTimes[pathTimes.count / 2], p99 = pathTimes[min(pathTimes.count - 1, pathTimes.count * 99 / 100)]
        let (network, coissueSeconds) = timed { coissueQuery(graph) }
        let (one, coissueOneSeconds) = timed { coissueQuery(graph, agency: agency) }

        print(String(format: "kg     build %.2f s  save %.3f s  load %.3f s  path p50 %.3f ms p99 %.3f ms  coissue %.3f s (%d pairs)  one agency %.3f ms (%d pairs)",
                     buildSeconds, saveSeconds, load, p50 * 1000, p99 * 1000, coissueSeconds, network.count, coissueOneSeconds * 1000, one.count))
        print(String(format: "kg     resident %.1f bytes/edge (%.1f MB; arrays %.1f MB = %.1f bytes/edge)",
                     Double(residentBytes) / Double(graph.edgeCount), Double(residentBytes) / 1e6,
                     Double(builtStorage) / 1e6, Double(builtStorage) / Double(graph.edgeCount)))

        guard !skipNetworkx else { return }
        let peer = try runPeer()
        func number(_ key: String) -> Double { (peer[key] as? Double) ?? Double(peer[key] as? Int ?? 0) }
        print(String(format: "networkx build %.2f s  save %.3f s  load %.3f s  path p50 %.3f ms p99 %.3f ms  coissue %.3f s (%d pairs)  one agency %.3f ms; resident %.1f bytes/edge",
                     number("build_s"), number("save_s"), number("load_s"), number("path_p50_s") * 1000,
                     number("path_p99_s") * 1000, number("coissue_s"), Int(number("coissue_pairs")),
                     number("coissue_one_s") * 1000, number("resident_bytes") / Double(graph.edgeCount)))
        print(String(format: "ratio (networkx / kg): build %.1f×  save %.1f×  load %.1f×  path p50 %.1f×  p99 %.1f×  coissue %.1f×  one agency %.1f×  memory %.1f×",
                     number("build_s") / buildSeconds, number("save_s") / saveSeconds, number("load_s") / load,
                     number("path_p50_s") / p50, number("path_p99_s") / p99, number("coissue_s") / coissueSeconds,
                     number("coissue_one_s") / coissueOneSeconds, number("resident_bytes") / Double(max(residentBytes, 1))))
        let peerLengths = (peer["path_lengths"] as? [Int]) ?? []
        let disagreements = zip(lengths, peerLengths).filter { $0 != $1 }.count
        print("path lengths agree with networkx on \(peerLengths.count - disagreements)/\(peerLengths.count) pairs; coissue pairs \(network.count) vs \(Int(number("coissue_pairs")))")
    }

    /// The agency with most co-issued documents (a realistic single-agency query).
    func busiestCoissuer(_ g: Graph) -> Int {
        var best = 0, bestCount = -1
        for n in 0..<g.nodeCount where g.nodeKind(n) == .agency {
            let c = g.inEdges(n).count
            if c > bestCount { best = n; bestCount = c }
        }
        return best
    }

    func exportForPeer(_ g: Graph, pairs: [(Int, Int)], agency: Int) throws {
        var nodes = ""
        nodes.reserveCapacity(g.nodeCount * 64)
        for n in 0..<g.nodeCount {
            let date = g.attribute("date", ofNode: n)?.stringValue ?? ""
            nodes += g.nodeID(n) + "\t" + g.nodeKind(n).rawValue + "\t" + g.label(n) + "\t" + date + "\n"
        }
        try nodes.write(toFile: workdir + "/nodes.tsv", atomically: false, encoding: .utf8)
        nodes = ""
        var edges = ""
        edges.reserveCapacity(g.edgeCount * 96)
        for e in 0..<g.edgeCount {
            let ev = g.evidence(ofEdge: e).first
            edges += "\(g.edgeSource(e))\t\(g.edgeTarget(e))\t\(g.edgeKind(e).rawValue)\t\(ev?.location ?? "")\t\(ev?.text ?? "")\n"
        }
        try edges.write(toFile: workdir + "/edges.tsv", atomically: false, encoding: .utf8)
        try pairs.map { "\($0.0) \($0.1)" }.joined(separator: "\n").write(toFile: workdir + "/pairs.tsv", atomically: false, encoding: .utf8)
        try g.nodeID(agency).write(toFile: workdir + "/agency.txt", atomically: false, encoding: .utf8)
    }

    func runPeer() throws -> [String: Any] {
        let peer = PythonPeer(named: "networkx_store.py")
        let (object, status) = try peer.run([workdir])
        guard let object else { throw KGError(file: peer.script, "networkx peer failed (status \(status))") }
        return object
    }
}

private func timed<T>(_ body: () -> T) -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

private func timedThrowing<T>(_ body: () throws -> T) throws -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Resident set size of this process in bytes (from /proc/self/statm).
private func residentMemory() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

private func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

@_silgen_name("malloc_trim") func c_malloc_trim(_ pad: Int) -> Int32

/// Returns freed heap memory to the system so that resident-size differences measure live data.
/// Returns freed heap pages to the system, so resident-memory figures count live data only.
func trimMallocArenas() { _ = c_malloc_trim(0) }
