import Foundation
import PolicyCore
import PolicyStore

/// `kg render`: draws a small subgraph with Graphviz `dot` — an agency's co-issuance neighbourhood, or a shortest
/// path between two entities (edges followed in either direction, drawn in their true direction).
public enum GraphvizRenderer {
    public enum Subject {
        /// The agency, its co-issuers, and the co-issuance among them.
        case coissueNeighbourhood(Int)
        /// A shortest path between two nodes.
        case path(Int, Int)
    }

    /// The output formats `dot` is asked for.
    public enum ImageFormat: String, CaseIterable, Sendable { case svg, png, pdf }

    /// The DOT source for a subject.
    public static func dotSource(_ graph: Graph, _ subject: Subject, options: ExportOptions) throws -> String {
        let tempPath = NSTemporaryDirectory() + "kg-render-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).dot"
        defer { unlink(tempPath) }
        let fd = open(tempPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw KGError(file: tempPath, "cannot create a temporary file") }
        defer { close(fd) }
        let sink = ByteSink(fileDescriptor: fd, path: tempPath)
        switch subject {
        case .coissueNeighbourhood(let agency):
            var o = options
            o.view = .coissue
            let view = try GraphView(graph: graph, options: o)
            let network = CoissueNetwork(view)
            var focus: Set<Int> = [agency]
            for p in network.pairs where p.first == agency || p.second == agency { focus.insert(p.first); focus.insert(p.second) }
            if focus.count == 1 { throw KGError("\(graph.label(agency)) co-issued no document with another agency") }
            var writer = DOTWriter(view: view, options: o)
            writer.focus = focus
            writer.highlighted = [agency]
            try writer.write(to: sink)
        case .path(let from, let to):
            guard let edges = shortestPath(graph, from: from, to: to) else {
                throw KGError("no path between \(graph.label(from)) and \(graph.label(to))")
            }
            var nodes: Set<Int> = [from, to]
            for e in edges { nodes.insert(graph.edgeSource(e)); nodes.insert(graph.edgeTarget(e)) }
            var o = options
            o.view = .full
            var writer = DOTWriter(view: GraphView(graph: graph, nodes: nodes, edges: Set(edges)), options: o)
            writer.highlighted = [from, to]
            try writer.write(to: sink)
        }
        return try String(contentsOfFile: tempPath, encoding: .utf8)
    }

    /// Edges of one shortest path (breadth-first, ignoring direction), or nil when unconnected.
    public static func shortestPath(_ graph: Graph, from: Int, to: Int) -> [Int]? {
        if from == to { return [] }
        var via = [Int32](repeating: -1, count: graph.nodeCount)
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        var queue = [from]
        seen[from] = true
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            for e in Array(graph.outEdges(n)) + graph.inEdges(n) {
                let edge = Int(e)
                let m = graph.edgeSource(edge) == n ? graph.edgeTarget(edge) : graph.edgeSource(edge)
                if seen[m] { continue }
                seen[m] = true
                via[m] = e
                if m == to {
                    var path: [Int] = []
                    var cur = to
                    while cur != from {
                        let pe = Int(via[cur])
                        path.append(pe)
                        cur = graph.edgeSource(pe) == cur ? graph.edgeTarget(pe) : graph.edgeSource(pe)
                    }
                    return path.reversed()
                }
                queue.append(m)
            }
        }
        return nil
    }

    /// The font families fontconfig lists for Chinese (`fc-list :lang=zh family`), or nil when `fc-list` is not
    /// there to ask (then nothing is checked). `environment` is fc-list's (default: this process's).
    public static func chineseFontFamilies(environment: [String: String]? = nil) -> [String]? {
        let candidates: [String] = ["/usr/bin/fc-list", "/bin/fc-list", "/usr/local/bin/fc-list"]
        guard let fcList = candidates.first(where: { access($0, X_OK) == 0 }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fcList)
        process.arguments = [":lang=zh", "family"]
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The `dot` executable on PATH, or nil.
    public static func findDot() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/dot"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Renders DOT source to `outPath` with Graphviz. PNG and PDF draw the labels with an installed font, so they
    /// are refused when fontconfig knows no font with Chinese glyphs (the labels would be empty boxes); SVG names
    /// the font and leaves the glyphs to the viewer.
    public static func render(dot source: String, format: ImageFormat, to outPath: String) throws {
        guard let dot = findDot() else {
            throw KGError("Graphviz `dot` is not installed (e.g. apt-get install graphviz); "
                + "`kg export --format dot` writes the DOT source without it")
        }
        if format != .svg, chineseFontFamilies()?.isEmpty == true {
            throw KGError(file: outPath, "no font with Chinese glyphs is installed, so a \(format.rawValue.uppercased()) would show "
                + "empty boxes; install one (e.g. apt-get install fonts-wqy-zenhei or fonts-noto-cjk) or render --format svg")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-T" + format.rawValue, "-o", outPath]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus != 0 {
            throw KGError(file: outPath, "dot failed (status \(process.terminationStatus)): \(message)")
        }
    }
}
