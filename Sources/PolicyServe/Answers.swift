import Foundation
import PolicyCore
import PolicyExport
import PolicyQuery
import PolicyStore

/// Reading each endpoint's parameters into the query layer's options; shared by the pages and `/api/…`, so a page
/// and its JSON always answer the same question the same way.
extension Explorer {
    static let maximumPageSize = 500

    func searchAnswer(_ loaded: LoadedGraph, _ p: QueryParameters) throws -> SearchAnswer {
        let q = try p.required("q")
        return SearchAnswer(graph: loaded.graph, query: q, limit: try p.int("limit", default: 20, in: 1...100))
    }

    func entityNode(_ loaded: LoadedGraph, _ p: QueryParameters) throws -> Int {
        let name = try p.string("id") ?? p.required("name")
        return try ServeError.node(name, in: loaded.graph, parameter: "name")
    }

    func coissueRequest(_ loaded: LoadedGraph, _ p: QueryParameters) throws -> CoissueRequest {
        let range = try p.dateRange()
        var r = CoissueRequest()
        r.from = range.from
        r.to = range.to
        r.minCount = try p.int("min_count", default: 1, in: 1...1_000_000)
        r.includeUndated = try p.bool("include_undated")
        r.agency = try p.string("agency").map { try ServeError.node($0, in: loaded.graph, parameter: "agency") }
        r.limit = try p.int("limit", default: 40, in: 2...300)
        r.page = try p.int("page", default: 1, in: 1...1_000_000)
        r.pageSize = try p.int("page_size", default: 50, in: 1...Self.maximumPageSize)
        return r
    }

    /// Computes what the home and co-issuance pages show by default (stats, the whole network), so the first visitor
    /// of a large snapshot does not wait for the scan. `kg serve` runs it in the background after loading.
    public func warmUp() {
        let loaded = source.current()
        _ = stats(loaded)
        _ = coissueAnswer(loaded, CoissueRequest())
    }

    /// The co-issuance answer, kept per snapshot (the picture and matrix of a whole network take a scan to draw).
    func coissueAnswer(_ loaded: LoadedGraph, _ request: CoissueRequest) -> CoissueAnswer {
        (request.agency == nil ? loaded.caches.coissueNetworkAnswers : loaded.caches.coissueAnswers).value(request) {
            CoissueAnswer(loaded, request)
        }
    }

    /// The documents two agencies co-issued under the request's date filter (`kg coissue A`, the row with B); nil
    /// without `a` and `b`, 404 when they co-issued nothing in the range.
    func pairDocuments(_ loaded: LoadedGraph, _ p: QueryParameters, request: CoissueRequest) throws -> CoissuePair? {
        guard let a = try p.string("a"), let b = try p.string("b") else { return nil }
        let first = try ServeError.node(a, in: loaded.graph, parameter: "a")
        let second = try ServeError.node(b, in: loaded.graph, parameter: "b")
        let options = request.options
        let pairs = loaded.caches.pairs(.init(from: options.from, to: options.to, minCount: 1,
                                              includeUndated: options.includeUndated, agency: first), in: loaded.graph)
        let secondID = loaded.graph.nodeID(second)
        guard let pair = pairs.first(where: { $0.second.id == secondID }) else {
            throw ServeError.notFound("\(loaded.graph.label(first)) and \(loaded.graph.label(second)) co-issued no document\(options.filtersByDate ? " in this date range" : "")")
        }
        return pair
    }

    func pathAnswer(_ loaded: LoadedGraph, _ p: QueryParameters) throws -> (PathAnswer, PathOptions) {
        let graph = loaded.graph
        let from = try ServeError.node(try p.required("from"), in: graph, parameter: "from")
        let to = try ServeError.node(try p.required("to"), in: graph, parameter: "to")
        let options = PathOptions(maxHops: try p.int("max_hops", default: 6, in: 1...10), relations: try p.relations("relations", in: graph),
                                  nodeKinds: try p.nodeKinds("node_kinds", in: graph), k: try p.int("k", default: 3, in: 1...10))
        return (pathQuery(graph, from: from, to: to, options: options), options)
    }

    func documentAnswer(_ loaded: LoadedGraph, _ p: QueryParameters) throws -> DocumentAnswer {
        let graph = loaded.graph
        let page = try p.int("page", default: 0, in: 0...1_000_000)
        let line = try p.string("line").map { _ in try p.int("line", default: 1, in: 1...100_000_000) }
        var node: Int?
        var source = try p.string("source")
        if let id = try p.string("id") {
            let n = try ServeError.node(id, in: graph, parameter: "id")
            guard graph.nodeKind(n) == .document else {
                throw ServeError.badRequest("id: '\(graph.label(n))' is a \(graph.nodeKind(n).rawValue), not a document")
            }
            node = n
            if source == nil { source = graph.evidence(ofNode: n).first?.source }
        }
        guard let source else { throw ServeError.badRequest("parameter 'id' (a document) or 'source' (a source file) is required") }
        // Only files the snapshot was built from can be shown: the parameter never names an arbitrary file.
        guard loaded.sourcePaths.contains(source) || node != nil else {
            throw ServeError.notFound("source: '\(source)' is not a file this snapshot was built from")
        }
        return try DocumentAnswer(loaded, documentNode: node, source: source, page: page, line: line, sourceRoots: sourceRoots)
    }

    func targetsRequest(_ loaded: LoadedGraph, _ p: QueryParameters) throws -> TargetsRequest {
        let graph = loaded.graph
        var r = TargetsRequest()
        r.owner = try p.string("owner").map { try ServeError.node($0, in: graph, parameter: "owner") }
        r.agency = try p.string("agency").map { try ServeError.node($0, in: graph, parameter: "agency") }
        r.year = try p.string("year").map { _ in try p.int("year", default: 0, in: 1000...9999) }
        r.kind = try p.string("kind").map { _ in try p.choice("kind", TargetsRequest.kinds, default: "") }
        r.unit = try p.string("unit")
        r.sort = try p.choice("sort", TargetsRequest.sortKeys, default: "target")
        r.descending = try p.choice("order", ["asc", "desc"], default: "asc") == "desc"
        r.page = try p.int("page", default: 1, in: 1...1_000_000)
        r.pageSize = try p.int("page_size", default: 100, in: 1...Self.maximumPageSize)
        return r
    }

    func stats(_ loaded: LoadedGraph) -> GraphStats {
        loaded.caches.stats.value(QueryCaches.statsKey) { statsQuery(loaded.graph) }
    }
}

/// CSV as spreadsheets read it: RFC 4180 quoting, a UTF-8 byte-order mark so Excel reads the Chinese names.
enum CSV {
    static func field(_ text: String) -> String {
        // A leading = + - @ would be read as a formula by spreadsheets: prefix it with an apostrophe.
        var t = text
        if let c = t.first, "=+-@".contains(c), Double(t) == nil { t = "'" + t }
        return t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : t
    }

    static func document(_ rows: [[String]]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n").utf8) + [13, 10]
    }
}
