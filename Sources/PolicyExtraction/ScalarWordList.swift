/// A list of cue words matched against a `ScalarSpan` in one pass: a bitmap of the words' first scalars rules out
/// most positions with one load, so "does any of these words occur in this clause" costs one scan, not one per word.
struct ScalarWordList: Sendable {
    /// The words in the order given (callers that want the longest match first pass them longest first).
    let words: [[Unicode.Scalar]]
    /// Bit v is set when some word begins with the BMP scalar v.
    private let firstScalars: [UInt64]
    /// True when some word begins outside the BMP (the bitmap does not cover it).
    private let hasAstralFirst: Bool

    init(_ words: [[Unicode.Scalar]]) {
        self.words = words.filter { !$0.isEmpty }
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var astral = false
        for word in self.words {
            let v = Int(word[0].value)
            if v < 0x10000 { bits[v >> 6] |= 1 << UInt64(v & 63) } else { astral = true }
        }
        firstScalars = bits
        hasAstralFirst = astral
    }

    init(_ words: [String]) { self.init(words.map(scalars)) }

    /// True when some word begins with `c` (a cheap first test).
    @inline(__always)
    func mayStart(with c: Unicode.Scalar) -> Bool {
        let v = Int(c.value)
        return v < 0x10000 ? firstScalars[v >> 6] & (1 << UInt64(v & 63)) != 0 : hasAstralFirst
    }

    /// Index in `words` of the first word (in list order) that occurs at scalar `i` of `s`.
    @inline(__always)
    func firstMatch(in s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i >= 0, i < s.count, mayStart(with: s[i]) else { return nil }
        for (k, word) in words.enumerated() where scalarsMatch(s, word, at: i) { return k }
        return nil
    }

    /// True when some word lies wholly inside scalars `from ..< to` of `span`.
    func occurs(in span: ScalarSpan, from: Int = 0, to: Int? = nil) -> Bool {
        let s = span.scalars
        let end = min(to ?? s.count, s.count)
        var i = max(from, 0)
        while i < end {
            if mayStart(with: s[i]) {
                for word in words where i + word.count <= end && scalarsMatch(s, word, at: i) { return true }
            }
            i += 1
        }
        return false
    }
}
