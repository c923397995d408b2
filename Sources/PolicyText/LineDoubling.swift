/// The doubled-print artifact of some PDF extractions: every text run of a line is printed twice
/// ("20202020年年55月月" for "2020年5月"). A line is *doubled* when it splits completely into squares `ww`;
/// undoubling keeps the first copy of each square.
enum LineDoubling {
    /// Longest line (in scalars) examined; longer lines are never treated as doubled.
    static let maximumLength = 400

    /// Start indices and lengths of the kept first copies if `s` parses completely into squares, else nil.
    /// Among all parses, the one with the fewest squares (longest runs) is chosen.
    static func parse(_ s: UnsafeBufferPointer<UInt32>) -> [(start: Int, length: Int)]? {
        let n = s.count
        guard n >= 2, n % 2 == 0, n <= maximumLength else { return nil }
        // Cheap rejections: some square must start at 0 and some square must end at n. A square of half h starting
        // at 0 needs s[h] == s[0]; one ending at n needs s[n - 1 - h] == s[n - 1]: candidates found eight at a time.
        var startsSquare = false
        forEachIndex(of: s[0], in: s, 1..<(n / 2 + 1)) { half in
            if s[half - 1] == s[2 * half - 1] { startsSquare = true; return false }
            return true
        }
        if !startsSquare { return nil }
        var endsSquare = false
        forEachIndex(of: s[n - 1], in: s, (n - 1 - n / 2)..<(n - 1)) { p in
            let half = n - 1 - p
            if s[n - half] == s[n - 2 * half] { endsSquare = true; return false }
            return true
        }
        if !endsSquare { return nil }
        // cost[j]: fewest squares covering s[0..<j]; previous[j]: half-length of the last square.
        var cost = [Int](repeating: Int.max, count: n + 1)
        var previous = [Int](repeating: 0, count: n + 1)
        cost[0] = 0
        for i in 0..<n where cost[i] != Int.max {
            var h = 1
            while i + 2 * h <= n {
                if isSquare(s, at: i, half: h) {
                    let j = i + 2 * h
                    if cost[i] + 1 < cost[j] { cost[j] = cost[i] + 1; previous[j] = h }
                }
                h += 1
            }
        }
        guard cost[n] != Int.max else { return nil }
        var pieces: [(start: Int, length: Int)] = []
        var j = n
        while j > 0 {
            let h = previous[j]
            pieces.append((j - 2 * h, h))
            j -= 2 * h
        }
        return pieces.reversed()
    }

    /// Calls `body` with every index in `range` where `s` holds `value`, until `body` returns false.
    @inline(__always)
    static func forEachIndex(of value: UInt32, in s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>,
                             _ body: (Int) -> Bool) {
        var i = range.lowerBound
        let end = range.upperBound
        let base = UnsafeRawPointer(s.baseAddress!)
        let splat = SIMD8<UInt32>(repeating: value)
        while i + 8 <= end {
            let hits = base.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<UInt32>.self) .== splat
            if any(hits) {
                for k in 0..<8 where hits[k] {
                    if !body(i + k) { return }
                }
            }
            i += 8
        }
        while i < end {
            if s[i] == value && !body(i) { return }
            i += 1
        }
    }

    @inline(__always)
    static func isSquare(_ s: UnsafeBufferPointer<UInt32>, at i: Int, half h: Int) -> Bool {
        var k = 0
        while k < h {
            if s[i + k] != s[i + h + k] { return false }
            k += 1
        }
        return true
    }

    /// Shortest doubled run (in printed scalars) that span-level undoubling removes at a line's start or end.
    static let minimumSpan = 6

    /// Span level: the ranges to keep when only a prefix and/or a suffix of the line is doubled (a heading printed
    /// once followed by doubled text, or the reverse). Each doubled part must print at least `minimumSpan` scalars;
    /// the middle is kept as is. Nil when neither end is doubled.
    static func parseSpans(_ s: UnsafeBufferPointer<UInt32>) -> [(start: Int, length: Int)]? {
        let n = s.count
        guard n >= minimumSpan, n <= maximumLength else { return nil }
        let prefix = longestSquarePrefix(s)
        let reversed = Array(s.reversed())
        let suffix = reversed.withUnsafeBufferPointer { longestSquarePrefix($0) }
        let prefixEnd = prefix.end >= minimumSpan ? prefix.end : 0
        var suffixStart = suffix.end >= minimumSpan ? n - suffix.end : n
        if suffixStart < prefixEnd { suffixStart = prefixEnd }
        guard prefixEnd > 0 || suffixStart < n else { return nil }
        var out: [(start: Int, length: Int)] = []
        if prefixEnd > 0 {
            let sub = UnsafeBufferPointer(rebasing: s[0..<prefixEnd])
            guard let pieces = parse(sub) else { return nil }
            out += pieces
        }
        if suffixStart > prefixEnd { out.append((prefixEnd, suffixStart - prefixEnd)) }
        if suffixStart < n {
            let sub = UnsafeBufferPointer(rebasing: s[suffixStart..<n])
            guard let pieces = parse(sub) else { return nil }
            out += pieces.map { ($0.start + suffixStart, $0.length) }
        }
        return out
    }

    /// The longest prefix of `s` that splits completely into squares (end 0 if none).
    static func longestSquarePrefix(_ s: UnsafeBufferPointer<UInt32>) -> (end: Int, Void) {
        let n = s.count
        var reach = [Bool](repeating: false, count: n + 1)
        reach[0] = true
        var best = 0
        for i in 0..<n where reach[i] {
            var h = 1
            while i + 2 * h <= n {
                if isSquare(s, at: i, half: h) { reach[i + 2 * h] = true; best = max(best, i + 2 * h) }
                h += 1
            }
        }
        return (best, ())
    }
}
