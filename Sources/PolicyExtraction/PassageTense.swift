import PolicyText

/// Whether the passage a sentence stands in reports the past: a government work report or a plan opens with a
/// review ("一、2024年工作回顾", "过去一年，…", "五年来，…") whose numbers are results, not targets, until the next
/// heading turns to what is to be done.
///
/// `passage → heading sentence*`; a heading (a short line without clause punctuation) or a sentence opening with a
/// review phrase sets the tense; every other sentence keeps it.
struct PassageTense: Sendable {
    private(set) var isPast = false

    /// Reads the sentence `bytes[range]` in text order (only its first 120 bytes: a heading is shorter, a review
    /// phrase opens the sentence) and returns whether it stands in a passage about the past.
    mutating func observe(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var end = min(range.upperBound, range.lowerBound + Self.headingBytes)
        while end > range.lowerBound, end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return observe(ScalarSpan(bytes: bytes, range: range.lowerBound..<end), whole: end == range.upperBound)
    }

    private static let headingBytes = 120

    /// Reads one sentence (or its beginning, `whole` false) in text order.
    mutating func observe(_ span: ScalarSpan, whole: Bool = true) -> Bool {
        let s = span.scalars
        var start = 0
        while start < s.count, s[start].isInlineSpace || s[start] == "\n" { start += 1 }
        start = Self.afterListMarker(s, start)
        if Self.reviewOpenings.contains(where: { span.matches($0, at: start) }) {
            isPast = true
        } else if whole, Self.isHeading(s, from: start) {
            isPast = Self.reviewWords.occurs(in: span, from: start)
        }
        return isPast
    }

    /// Starts a new document: no passage yet.
    mutating func reset() { isPast = false }

    /// Phrases that open a sentence about the past year(s).
    private static let reviewOpenings: [[Unicode.Scalar]] = ["过去一年", "过去的一年", "过去五年", "过去的五年", "一年来",
                                                              "五年来", "回顾过去", "去年以来"].map(scalars)
    /// Words that make a heading a review.
    private static let reviewWords = ScalarWordList(["回顾", "工作总结", "主要成效", "取得的成绩", "发展成就", "进展情况"])

    /// A heading: a short line with no clause punctuation (a sentence ending in 。 is none).
    private static func isHeading(_ s: [Unicode.Scalar], from start: Int) -> Bool {
        var end = s.count
        while end > start, s[end - 1].isInlineSpace || s[end - 1] == "\n" { end -= 1 }
        guard end > start, end - start <= 40 else { return false }
        return !s[start..<end].contains { $0.isClausePunctuation }
    }

    /// Index after a list marker at `i` ("一、", "（二）", "3.", "(4)"), or `i`.
    private static func afterListMarker(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var k = i
        let open = k < s.count && (s[k] == "（" || s[k] == "(")
        if open { k += 1 }
        let digitsStart = k
        while k < s.count, s[k].digitValue != nil || ChineseNumerals.value(of: s[k].value) != nil && s[k].value != 0x4F { k += 1 }
        guard k > digitsStart, k < s.count else { return i }
        if open { return s[k] == "）" || s[k] == ")" ? k + 1 : i }
        return s[k] == "、" || s[k] == "." || s[k] == "．" ? k + 1 : i
    }
}
