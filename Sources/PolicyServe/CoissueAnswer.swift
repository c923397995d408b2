import PolicyCore
import PolicyQuery
import PolicyStore

/// What the co-issuance page asks for: `kg coissue`'s filters plus the level of detail of the picture.
struct CoissueRequest: Hashable, Sendable {
    var from: String?
    var to: String?
    var minCount = 1
    var includeUndated = false
    /// Only pairs with this agency (`kg coissue AGENCY`).
    var agency: Int?
    /// Agencies drawn and put in the matrix: the most co-issuing ones (level of detail).
    var limit = 40
    var page = 1
    var pageSize = 50

    var options: CoissueOptions { cacheKey.options }
    var cacheKey: QueryCaches.CoissueKey {
        .init(from: from, to: to, minCount: minCount, includeUndated: includeUndated, agency: agency)
    }
}

/// An agency of the co-issuance picture and matrix: the documents it co-issued in the range.
public struct CoissueAgency: Codable, Hashable, Sendable {
    public var node: NodeReference
    public var documents: Int
    /// Position in the picture (0…1000 × 0…700).
    public var x: Double
    public var y: Double
}

/// A link of the picture between two drawn agencies.
public struct CoissueLink: Codable, Hashable, Sendable {
    public var first: String
    public var second: String
    public var count: Int
}

/// The co-issuance answer: `kg coissue`'s ranked pairs (one page of them), the agencies and links drawn, the
/// agency × agency matrix of the drawn agencies, and how many documents a date filter left out.
public struct CoissueAnswer: Codable, Sendable {
    public var from: String?
    public var to: String?
    public var minCount: Int
    public var includeUndated: Bool
    /// Co-issued documents without a date that the date filter left out (0 without a filter).
    public var undatedLeftOut: Int
    /// Years of the dated co-issued documents (for the slider), whatever the filter.
    public var firstYear: Int?
    public var lastYear: Int?
    /// The slider's steps, covering the dated co-issued documents: years (`yyyy`), or months (`yyyy-mm`) when
    /// they span three years or less.
    public var periods: [String]
    /// All agencies in some pair / drawn ones.
    public var agencyCount: Int
    public var agencies: [CoissueAgency]
    public var links: [CoissueLink]
    /// `matrix[i][j]`: documents co-issued by `agencies[i]` and `agencies[j]`.
    public var matrix: [[Int]]
    public var pairCount: Int
    public var page: Int
    public var pageSize: Int
    public var pairs: [CoissuePair]
}

extension CoissueAnswer {
    init(_ loaded: LoadedGraph, _ request: CoissueRequest) {
        let graph = loaded.graph
        let options = request.options
        let index = loaded.caches.pairIndex(agency: request.agency, in: graph)
        let kept = index.kept(options)
        from = request.from
        to = request.to
        minCount = request.minCount
        includeUndated = request.includeUndated
        undatedLeftOut = options.filtersByDate && !request.includeUndated
            ? loaded.caches.undatedCount(agency: request.agency, in: graph)
            : 0
        (firstYear, lastYear, periods) = loaded.caches.periods.value(request.agency ?? -1) { Self.periods(index.dates) }

        let documentCounts = index.documentCounts(kept, options: options)
        agencyCount = documentCounts.count
        // Drawn: the request's agency, then the most co-issuing agencies (ties by id).
        var ranked = index.mostCoissuing(documentCounts.filter { $0.node != request.agency }, limit: request.limit)
        if let agency = request.agency, let own = documentCounts.first(where: { $0.node == agency }) {
            ranked = Array(([own] + ranked).prefix(request.limit))
        }
        let drawn = ranked.map { (node: $0.node, id: graph.nodeID($0.node), count: $0.count) }
        let position = Dictionary(uniqueKeysWithValues: drawn.enumerated().map { ($1.node, $0) })
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: drawn.count), count: drawn.count)
        var links: [CoissueLink] = []
        var edges: [(Int, Int, Int)] = []
        for r in kept {
            let (a, b) = index.agencies(r)
            guard let i = position[a], let j = position[b] else { continue }
            matrix[i][j] = r.count
            matrix[j][i] = r.count
            links.append(CoissueLink(first: drawn[i].id, second: drawn[j].id, count: r.count))
            edges.append((i, j, r.count))
        }
        let positions = ForceLayout.positions(count: drawn.count, edges: edges, width: 1000, height: 700)
        agencies = drawn.enumerated().map { i, item in
            CoissueAgency(node: NodeReference(graph, item.node), documents: item.count, x: positions[i].x, y: positions[i].y)
        }
        self.links = links
        self.matrix = matrix
        pairCount = kept.count
        page = request.page
        pageSize = request.pageSize
        let start = min(kept.count, (request.page - 1) * request.pageSize)
        pairs = CoissuePairIndex.inRankOrder(kept, start..<(start + request.pageSize)).map { index.coissuePair(graph, $0, options: options) }
    }

    /// The years of `dates` (those of the co-issued documents, whatever the filter) and the slider's steps over them:
    /// years, or months when they span three years or less.
    static func periods(_ dates: [String]) -> (first: Int?, last: Int?, steps: [String]) {
        var prefixes = Set<Substring>()
        for date in dates { prefixes.insert(date.prefix(7)) }
        let months = Set(prefixes.compactMap { DateBound(String($0)).map { String($0.first.prefix(7)) } })
        guard let first = months.min(), let last = months.max(),
              let firstYear = Int(first.prefix(4)), let lastYear = Int(last.prefix(4)) else { return (nil, nil, []) }
        if lastYear - firstYear >= 3 { return (firstYear, lastYear, (firstYear...lastYear).map(String.init)) }
        let steps = (firstYear...lastYear).flatMap { y in (1...12).map { m in "\(y)-" + (m < 10 ? "0\(m)" : "\(m)") } }
        return (firstYear, lastYear, steps.filter { $0 >= first && $0 <= last })
    }
}
