import PolicyCore
import PolicyStore

/// The co-issuing pairs of a set of co-issued documents, grouped once: a date range or a minimum count is then
/// answered by counting each pair's admitted documents, and documents are read out (sorted by date, then id) only
/// for the pairs a page shows. The answers are those of `coissueQuery` with the same documents, agency and options.
public struct CoissuePairIndex: Sendable {
    /// Two agencies and where the positions (in `entries`) of the documents they co-issued lie in `pairEntries`.
    struct Pair: Sendable {
        let first: Int32
        let second: Int32
        /// `pairEntries[entryStart..<entryEnd]`, in entry order.
        let entryStart: Int32
        let entryEnd: Int32
        /// Ranks of the two agencies' node ids (`idRank`).
        var firstRank: Int32 = 0
        var secondRank: Int32 = 0
    }

    /// A pair admitted by a filter, with its count there.
    public struct Ranked: Sendable {
        let pair: Int32
        public let count: Int
        /// Ranks of the two agencies' node ids: ties of `count` are broken by them.
        let firstRank: Int32
        let secondRank: Int32

        /// Whether `self` ranks before `other`: more documents, then the agencies' ids.
        func precedes(_ other: Ranked) -> Bool {
            (other.count, firstRank, secondRank) < (count, other.firstRank, other.secondRank)
        }
    }

    /// The co-issued documents the index was built from (those of its agency, or all); "entry" below is a
    /// position among them.
    let documents: CoissuedDocuments
    /// With `agency`, only the pairs that include it (it is then always `first`).
    let agency: Int32?
    let pairs: [Pair]
    /// The entries of every pair, pair after pair (flat, so that counting reads one array and retains nothing).
    let pairEntries: [Int32]
    /// The pairs of each entry, with their agencies: `entryPairs[entryPairStart[e]..<entryPairStart[e + 1]]`.
    let entryPairStart: [Int32]
    let entryPairs: [EntryPair]

    /// A pair an entry belongs to, and its two agencies (read in entry order without visiting `pairs`).
    struct EntryPair: Sendable {
        let pair: Int32
        let first: Int32
        let second: Int32
    }
    /// Every agency of some pair, ranked by its node id (how `coissueQuery` breaks ties).
    let idRank: [Int32: Int32]
    /// Node count of the graph (agencies' counts are gathered in an array indexed by node).
    let nodeCount: Int

    /// The pairs of `documents` (which must hold those of `agency`, or all of them), grouped once.
    public init(_ graph: Graph, documents: CoissuedDocuments, agency: Int? = nil) {
        let documents = documents.restricted(to: agency)
        self.documents = documents
        self.agency = agency.map(Int32.init)
        struct Key: Hashable { var a: Int32; var b: Int32 }
        var grouped: [Key: [Int32]] = [:]
        for index in 0..<documents.count {
            if index & 0x3FFF == 0, QueryDeadline.hasPassed { break }  // (past the deadline the index is discarded)
            let list = documents.issuers(of: index)
            if let agency = self.agency {
                for other in list where other != agency { grouped[Key(a: agency, b: other), default: []].append(Int32(index)) }
            } else {
                for i in list.indices {
                    for j in (i + 1)..<list.endIndex { grouped[Key(a: list[i], b: list[j]), default: []].append(Int32(index)) }
                }
            }
        }
        var pairs: [Pair] = []
        pairs.reserveCapacity(grouped.count)
        var pairEntries: [Int32] = []
        var pairsPerEntry = [Int32](repeating: 0, count: documents.count + 1)
        for (key, list) in grouped {
            pairs.append(Pair(first: key.a, second: key.b, entryStart: Int32(pairEntries.count), entryEnd: Int32(pairEntries.count + list.count)))
            pairEntries += list
            for e in list { pairsPerEntry[Int(e) + 1] += 1 }
        }
        for e in 0..<documents.count { pairsPerEntry[e + 1] += pairsPerEntry[e] }
        var entryPairs = [EntryPair](repeating: EntryPair(pair: 0, first: 0, second: 0), count: pairEntries.count)
        var fill = pairsPerEntry
        for (p, pair) in pairs.enumerated() {
            for k in Int(pair.entryStart)..<Int(pair.entryEnd) {
                let e = Int(pairEntries[k])
                entryPairs[Int(fill[e])] = EntryPair(pair: Int32(p), first: pair.first, second: pair.second)
                fill[e] += 1
            }
        }
        self.pairEntries = pairEntries
        entryPairStart = pairsPerEntry
        self.entryPairs = entryPairs
        let agencies = Set(pairs.flatMap { [$0.first, $0.second] }).map { (node: $0, id: graph.nodeID(Int($0))) }.sorted { $0.id < $1.id }
        let idRank = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($1.node, Int32($0)) })
        for i in pairs.indices {
            pairs[i].firstRank = idRank[pairs[i].first]!
            pairs[i].secondRank = idRank[pairs[i].second]!
        }
        self.pairs = pairs
        self.idRank = idRank
        nodeCount = graph.nodeCount
    }

    /// Whether each entry is admitted by `options`' date range (decided once per distinct date).
    func admitted(_ options: CoissueOptions) -> [Bool] {
        let admittedDate = documents.distinctDates.map { options.admits($0) }
        let admittedUndated = options.admits(nil)
        return documents.dateOfEntry.map { $0 < 0 ? admittedUndated : admittedDate[Int($0)] }
    }

    /// The pairs with at least `options.minCount` admitted documents, with their counts, in no order.
    public func kept(_ options: CoissueOptions) -> [Ranked] {
        let admitted = admitted(options)
        var kept: [Ranked] = []
        pairs.withUnsafeBufferPointer { pairs in
            pairEntries.withUnsafeBufferPointer { pairEntries in
                admitted.withUnsafeBufferPointer { admitted in
                    for (i, pair) in pairs.enumerated() {
                        if i & 0x3FFF == 0, QueryDeadline.hasPassed { break }  // (past the deadline the answer is discarded)
                        var count = 0
                        for k in Int(pair.entryStart)..<Int(pair.entryEnd) where admitted[Int(pairEntries[k])] { count += 1 }
                        if count >= options.minCount && count > 0 {
                            kept.append(Ranked(pair: Int32(i), count: count, firstRank: pair.firstRank, secondRank: pair.secondRank))
                        }
                    }
                }
            }
        }
        return kept
    }

    /// The kept pairs ranked as `coissueQuery` ranks them (by count, then by the agencies' ids).
    public func ranked(_ options: CoissueOptions) -> [Ranked] {
        kept(options).sorted { $0.precedes($1) }
    }

    /// Positions `range` of `kept` in rank order, sorting only what it must: a page of a long list keeps the best
    /// `range.upperBound` pairs in a sorted buffer as it reads the list once.
    public static func inRankOrder(_ kept: [Ranked], _ range: Range<Int>) -> [Ranked] {
        let needed = min(range.upperBound, kept.count)
        guard range.lowerBound < needed else { return [] }
        if needed * 8 >= kept.count { return Array(kept.sorted { $0.precedes($1) }[range.lowerBound..<needed]) }
        var best: [Ranked] = []
        best.reserveCapacity(needed + 1)
        for r in kept {
            if best.count == needed, !r.precedes(best[needed - 1]) { continue }
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if best[mid].precedes(r) { low = mid + 1 } else { high = mid }
            }
            best.insert(r, at: low)
            if best.count > needed { best.removeLast() }
        }
        return Array(best[range.lowerBound..<needed])
    }

    /// The two agencies of a ranked pair (with an agency, it comes first).
    public func agencies(_ r: Ranked) -> (first: Int, second: Int) {
        let pair = pairs[Int(r.pair)]
        return (Int(pair.first), Int(pair.second))
    }

    /// The pair as `coissueQuery` gives it: its admitted documents sorted by date, then id.
    public func coissuePair(_ graph: Graph, _ r: Ranked, options: CoissueOptions) -> CoissuePair {
        let pair = pairs[Int(r.pair)]
        let documents = pairEntries[Int(pair.entryStart)..<Int(pair.entryEnd)]
            .filter { options.admits(self.documents.date(of: Int($0))) }
            .map { self.documents.reference(Int($0), in: graph) }
            .sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
        return CoissuePair(first: NodeReference(graph, Int(pair.first)), second: NodeReference(graph, Int(pair.second)),
                           count: documents.count, documents: documents)
    }

    /// For every agency of a kept pair, how many distinct admitted documents it co-issued in those pairs (in node
    /// order).
    public func documentCounts(_ kept: [Ranked], options: CoissueOptions) -> [(node: Int, count: Int)] {
        let admitted = admitted(options)
        var counts = [Int32](repeating: 0, count: nodeCount)
        if options.minCount <= 1 {
            // Every admitted document then lies in a kept pair of each of its issuers (with an agency: of the
            // agency and each other issuer), so each issuer counts it once.
            for e in 0..<documents.count where admitted[e] {
                for a in documents.issuers(of: e) { counts[Int(a)] += 1 }
            }
        } else {
            // Entry by entry, each agency of a kept pair of the entry counts it once (the entry it last counted is
            // stamped on it).
            var isKept = [Bool](repeating: false, count: pairs.count)
            for r in kept { isKept[Int(r.pair)] = true }
            var countedEntry = [Int32](repeating: -1, count: nodeCount)
            countedEntry.withUnsafeMutableBufferPointer { countedEntry in
                counts.withUnsafeMutableBufferPointer { counts in
                    for e in 0..<documents.count where admitted[e] {
                        let entry = Int32(e)
                        for k in Int(entryPairStart[e])..<Int(entryPairStart[e + 1]) where isKept[Int(entryPairs[k].pair)] {
                            let first = Int(entryPairs[k].first), second = Int(entryPairs[k].second)
                            if countedEntry[first] != entry { countedEntry[first] = entry; counts[first] += 1 }
                            if countedEntry[second] != entry { countedEntry[second] = entry; counts[second] += 1 }
                        }
                    }
                }
            }
        }
        var byAgency: [(node: Int, count: Int)] = []
        for (node, count) in counts.enumerated() where count > 0 { byAgency.append((node, Int(count))) }
        return byAgency
    }

    /// The `limit` agencies of `counts` with the most documents (ties: by node id), best first: only agencies that
    /// can enter the list look up their id's rank.
    public func mostCoissuing(_ counts: [(node: Int, count: Int)], limit: Int) -> [(node: Int, count: Int)] {
        guard limit > 0 else { return [] }
        var best: [(node: Int, rank: Int, count: Int)] = []
        best.reserveCapacity(limit + 1)
        for (node, count) in counts {
            if best.count == limit, count < best[limit - 1].count { continue }
            let candidate = (node: node, rank: idRank(of: node) ?? 0, count: count)
            func precedes(_ a: (node: Int, rank: Int, count: Int), _ b: (node: Int, rank: Int, count: Int)) -> Bool {
                (b.count, a.rank) < (a.count, b.rank)
            }
            if best.count == limit, !precedes(candidate, best[limit - 1]) { continue }
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(best[mid], candidate) { low = mid + 1 } else { high = mid }
            }
            best.insert(candidate, at: low)
            if best.count > limit { best.removeLast() }
        }
        return best.map { ($0.node, $0.count) }
    }

    /// The rank of an agency's node id among the agencies of the index's pairs (nil when it is in none).
    public func idRank(of agency: Int) -> Int? { idRank[Int32(agency)].map(Int.init) }

    /// The distinct dates of the co-issued documents the index holds, whatever the filter.
    public var dates: [String] { documents.distinctDates }
}
