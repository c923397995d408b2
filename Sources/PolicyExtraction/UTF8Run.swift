/// A run of bytes inside a UTF-8 buffer, tested and counted in place without building a String.
///
/// Byte comparisons equal String's `hasPrefix`, `hasSuffix` and `==` for text whose scalars are each one
/// Character without a canonical decomposition (CJK unified ideographs, ASCII letters and digits) — the text
/// of programme-name bodies. Valid only while `base` is.
struct UTF8Run {
    let base: UnsafeBufferPointer<UInt8>
    private(set) var range: Range<Int>

    init(_ base: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        self.base = base
        self.range = range
    }

    var byteCount: Int { range.count }

    /// Number of Unicode scalars (bytes that are not UTF-8 continuation bytes).
    var scalarCount: Int {
        var n = 0
        for i in range where base[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// True when `word` occurs at byte offset `at` and ends at or before the run's end.
    @inline(__always)
    func matches(_ word: [UInt8], at: Int) -> Bool {
        guard at >= range.lowerBound, at + word.count <= range.upperBound else { return false }
        for k in 0..<word.count where base[at + k] != word[k] { return false }
        return true
    }

    func hasPrefix(_ word: [UInt8]) -> Bool { matches(word, at: range.lowerBound) }

    func hasSuffix(_ word: [UInt8]) -> Bool { matches(word, at: range.upperBound - word.count) }

    /// True when the run's bytes are exactly `word`.
    func equals(_ word: [UInt8]) -> Bool { word.count == range.count && hasPrefix(word) }

    /// The run without its first `count` bytes.
    func droppingFirst(bytes count: Int) -> UTF8Run {
        UTF8Run(base, (range.lowerBound + count)..<range.upperBound)
    }

    /// The bytes as a String.
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: base[range]), as: UTF8.self) }
}
