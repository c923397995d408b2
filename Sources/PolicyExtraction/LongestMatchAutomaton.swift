/// A byte trie in flat arrays that finds leftmost-longest dictionary matches over UTF-8 text in one pass.
/// Matches start only at UTF-8 scalar boundaries, so a pattern never matches inside a character.
/// Built once, then shared read-only (it is a value type of immutable arrays).
public struct LongestMatchAutomaton: Sendable {
    /// Transitions out of the root, indexed by byte: target node or -1.
    private let rootTable: [Int32]
    /// For node n, its edges are edgeByte/edgeTarget[firstEdge[n] ..< firstEdge[n + 1]], sorted by byte.
    private let firstEdge: [Int32]
    private let edgeByte: [UInt8]
    private let edgeTarget: [Int32]
    /// Payload of the pattern ending at each node, or -1.
    private let nodeValue: [Int32]
    /// Number of distinct patterns.
    public let patternCount: Int
    /// Prefilter bitsets: hashed first scalar of one-scalar patterns, hashed first two scalars of longer ones.
    /// A start position whose prefix misses both cannot begin a match, so the trie walk is skipped.
    /// Both filters have `1 << filterShift` bits: a few per pattern, so that small automata keep theirs in L1 cache.
    private let singleFilter: [UInt64]
    private let pairFilter: [UInt64]
    private let filterShift: Int
    /// Bit v is set when some pattern begins with the BMP scalar v (decoded from its UTF-8 bytes): an exact,
    /// cache-friendly first test. Empty when some pattern begins with a truncated sequence (then it is not used).
    private let firstScalars: [UInt64]
    private static let maximumFilterShift = 18

    /// Builds the automaton. When the same byte sequence is given twice, the first value is kept.
    public init(patterns: [(bytes: [UInt8], value: Int32)]) {
        // Build a pointer trie with per-node edge lists, then flatten it.
        var edges: [[(UInt8, Int32)]] = [[]]
        var values: [Int32] = [-1]
        var count = 0
        // About 32 filter bits per pattern (a false-positive rate near 3 %), at least 1024, at most 2^18.
        var shift = 10
        while shift < Self.maximumFilterShift, (1 << shift) < patterns.count * 32 { shift += 1 }
        var single = [UInt64](repeating: 0, count: (1 << shift) / 64)
        var firstScalars = [UInt64](repeating: 0, count: 0x10000 / 64)
        var pair = [UInt64](repeating: 0, count: (1 << shift) / 64)
        for (bytes, value) in patterns where !bytes.isEmpty {
            let first = Self.scalarLength(bytes[0])
            let second = first < bytes.count ? Self.scalarLength(bytes[first]) : 0
            if first > bytes.count {
                firstScalars = []
            } else if first <= 3, !firstScalars.isEmpty {
                let v = bytes.withUnsafeBufferPointer { Self.bmpValue($0, 0, first) }
                firstScalars[v >> 6] |= 1 << UInt64(v & 63)
            }
            if second == 0 || first + second > bytes.count {
                let h = bytes.withUnsafeBufferPointer { Self.prefixHash($0, 0, min(first, bytes.count), shift) }
                single[h >> 6] |= 1 << UInt64(h & 63)
            } else {
                let h = bytes.withUnsafeBufferPointer { Self.prefixHash($0, 0, first + second, shift) }
                pair[h >> 6] |= 1 << UInt64(h & 63)
            }
            var node: Int32 = 0
            for b in bytes {
                if let next = edges[Int(node)].first(where: { $0.0 == b })?.1 {
                    node = next
                } else {
                    let next = Int32(edges.count)
                    edges.append([])
                    values.append(-1)
                    edges[Int(node)].append((b, next))
                    node = next
                }
            }
            if values[Int(node)] == -1 {
                values[Int(node)] = value
                count += 1
            }
        }
        var root = [Int32](repeating: -1, count: 256)
        for (b, t) in edges[0] { root[Int(b)] = t }
        var first: [Int32] = []
        first.reserveCapacity(edges.count + 1)
        var bytesOut: [UInt8] = []
        var targetsOut: [Int32] = []
        for list in edges {
            first.append(Int32(bytesOut.count))
            for (b, t) in list.sorted(by: { $0.0 < $1.0 }) {
                bytesOut.append(b)
                targetsOut.append(t)
            }
        }
        first.append(Int32(bytesOut.count))
        rootTable = root
        firstEdge = first
        edgeByte = bytesOut
        edgeTarget = targetsOut
        nodeValue = values
        patternCount = count
        singleFilter = single
        pairFilter = pair
        filterShift = shift
        self.firstScalars = firstScalars
    }

    /// The value of the 1–3-byte UTF-8 sequence at `i` (bits taken as they stand, without validation).
    @inline(__always)
    static func bmpValue(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) -> Int {
        switch length {
        case 1: return Int(text[i])
        case 2: return (Int(text[i] & 0x1F) << 6) | Int(text[i + 1] & 0x3F)
        default: return (Int(text[i] & 0x0F) << 12) | (Int(text[i + 1] & 0x3F) << 6) | Int(text[i + 2] & 0x3F)
        }
    }

    /// Bytes in the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes).
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Hash of `count` (≤ 8) bytes at `start` into a filter of `1 << shift` bits.
    @inline(__always)
    static func prefixHash(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int, _ shift: Int) -> Int {
        var key: UInt64 = 0
        if start + 8 <= text.count, let base = text.baseAddress {
            // One unaligned load, the bytes past `count` masked off: byte k lands in bits 8k as in the loop below.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
            key = count >= 8 ? word : word & ((1 << UInt64(8 * count)) &- 1)
        } else {
            for k in 0..<min(count, 8) { key |= UInt64(text[start + k]) << UInt64(8 * k) }
        }
        key ^= UInt64(count) << 60
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - shift))
    }

    @inline(__always)
    private func mayStartMatch(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ single: UnsafeBufferPointer<UInt64>,
                               _ pair: UnsafeBufferPointer<UInt64>, _ firstScalars: UnsafeBufferPointer<UInt64>) -> Bool {
        let first = Self.scalarLength(text[i])
        guard i + first <= end else { return false }
        if first <= 3, !firstScalars.isEmpty {
            let v = Self.bmpValue(text, i, first)
            if firstScalars[v >> 6] & (1 << UInt64(v & 63)) == 0 { return false }
        }
        let h1 = Self.prefixHash(text, i, first, filterShift)
        if single[h1 >> 6] & (1 << UInt64(h1 & 63)) != 0 { return true }
        guard i + first < end else { return false }
        let second = Self.scalarLength(text[i + first])
        guard i + first + second <= end else { return false }
        let h2 = Self.prefixHash(text, i, first + second, filterShift)
        return pair[h2 >> 6] & (1 << UInt64(h2 & 63)) != 0
    }

    /// Convenience: patterns as strings.
    public init(strings: [(String, Int32)]) {
        self.init(patterns: strings.map { (bytes: Array($0.0.utf8), value: $0.1) })
    }

    @inline(__always)
    private func step(_ node: Int32, _ byte: UInt8, _ first: UnsafeBufferPointer<Int32>,
                      _ bytes: UnsafeBufferPointer<UInt8>, _ targets: UnsafeBufferPointer<Int32>) -> Int32 {
        var lo = Int(first[Int(node)])
        let end = Int(first[Int(node) + 1])
        if end - lo > 8 {
            var hi = end
            while lo < hi {
                let mid = (lo + hi) >> 1
                if bytes[mid] < byte { lo = mid + 1 } else { hi = mid }
            }
            return lo < end && bytes[lo] == byte ? targets[lo] : -1
        }
        while lo < end {
            let b = bytes[lo]
            if b == byte { return targets[lo] }
            if b > byte { return -1 }
            lo += 1
        }
        return -1
    }

    /// The longest pattern that starts exactly at `start` and ends at or before `limit`: its end and value.
    public func longestMatch(in text: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> (end: Int, value: Int32)? {
        firstEdge.withUnsafeBufferPointer { first in
            edgeByte.withUnsafeBufferPointer { bytes in
                edgeTarget.withUnsafeBufferPointer { targets in
                    longest(text, start, limit, first, bytes, targets)
                }
            }
        }
    }

    /// Array convenience for `longestMatch(in:at:limit:)`.
    public func longestMatch(in text: [UInt8], at start: Int, limit: Int) -> (end: Int, value: Int32)? {
        text.withUnsafeBufferPointer { longestMatch(in: $0, at: start, limit: limit) }
    }

    @inline(__always)
    private func longest(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int,
                         _ first: UnsafeBufferPointer<Int32>, _ bytes: UnsafeBufferPointer<UInt8>,
                         _ targets: UnsafeBufferPointer<Int32>) -> (end: Int, value: Int32)? {
        guard start < limit else { return nil }
        var node = rootTable[Int(text[start])]
        guard node >= 0 else { return nil }
        var best: (end: Int, value: Int32)? = nil
        var i = start + 1
        while true {
            let v = nodeValue[Int(node)]
            if v >= 0 { best = (i, v) }
            guard i < limit else { break }
            node = step(node, text[i], first, bytes, targets)
            guard node >= 0 else { break }
            i += 1
        }
        return best
    }

    /// All leftmost-longest, non-overlapping matches inside `range`, in text order.
    public func matches(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [(range: Range<Int>, value: Int32)] {
        var out: [(range: Range<Int>, value: Int32)] = []
        firstScalars.withUnsafeBufferPointer { firstScalars in
        singleFilter.withUnsafeBufferPointer { single in
        pairFilter.withUnsafeBufferPointer { pair in
        firstEdge.withUnsafeBufferPointer { first in
            edgeByte.withUnsafeBufferPointer { bytes in
                edgeTarget.withUnsafeBufferPointer { targets in
                    var i = range.lowerBound
                    let end = range.upperBound
                    let useFirst = !firstScalars.isEmpty
                    while i < end {
                        let b = text[i]
                        // Fast path: a whole BMP scalar that no pattern begins with.
                        if useFirst, b < 0xF0 {
                            if b < 0x80 {
                                if firstScalars[Int(b) >> 6] & (1 << UInt64(b & 63)) == 0 { i += 1; continue }
                            } else if b >= 0xE0 {
                                if i + 3 <= end {
                                    let v = (Int(b & 0x0F) << 12) | (Int(text[i + 1] & 0x3F) << 6) | Int(text[i + 2] & 0x3F)
                                    if firstScalars[v >> 6] & (1 << UInt64(v & 63)) == 0 { i += 3; continue }
                                }
                            } else if b >= 0xC0, i + 2 <= end {
                                let v = (Int(b & 0x1F) << 6) | Int(text[i + 1] & 0x3F)
                                if firstScalars[v >> 6] & (1 << UInt64(v & 63)) == 0 { i += 2; continue }
                            }
                        }
                        // Step a whole scalar at a time (a stray continuation byte counts as one).
                        if b & 0xC0 == 0x80 { i += 1; continue }
                        if rootTable[Int(b)] < 0 || !mayStartMatch(text, i, end, single, pair, firstScalars) {
                            i += Self.scalarLength(b)
                            continue
                        }
                        if let m = longest(text, i, end, first, bytes, targets) {
                            out.append((range: i..<m.end, value: m.value))
                            i = m.end
                        } else {
                            i += Self.scalarLength(b)
                        }
                    }
                }
            }
        }
        }
        }
        }
        return out
    }

    /// Array convenience for `matches(in:range:)`.
    public func matches(in text: [UInt8], range: Range<Int>) -> [(range: Range<Int>, value: Int32)] {
        text.withUnsafeBufferPointer { matches(in: $0, range: range) }
    }
}
