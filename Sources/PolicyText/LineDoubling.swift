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
        // Cheap rejections: some square must start at 0 and some square must end at n.
        var startsSquare = false
        var half = 1
        while half * 2 <= n {
            if s[0] == s[half] && s[half - 1] == s[2 * half - 1] { startsSquare = true; break }
            half += 1
        }
        if !startsSquare { return nil }
        var endsSquare = false
        half = 1
        while half * 2 <= n {
            if s[n - 1] == s[n - 1 - half] && s[n - half] == s[n - 2 * half] { endsSquare = true; break }
            half += 1
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

    @inline(__always)
    static func isSquare(_ s: UnsafeBufferPointer<UInt32>, at i: Int, half h: Int) -> Bool {
        var k = 0
        while k < h {
            if s[i + k] != s[i + h + k] { return false }
            k += 1
        }
        return true
    }
}
