/// A sentence of clean text (byte range into `NormalizedText.utf8`).
public struct Sentence: Sendable, Hashable {
    /// Clean byte range, without surrounding spaces.
    public let range: Range<Int>
    public init(range: Range<Int>) { self.range = range }
}

/// Splits clean text into sentences on 。！？；… and line breaks, never inside quotes “”‘’ or brackets （）《》【】.
/// A closing quote right after a terminator belongs to the sentence. Spaces at the edges are trimmed.
public func splitSentences(_ text: NormalizedText, in range: Range<Int>) -> [Sentence] {
    SentenceSplitter.split(text.utf8, in: range.clamped(to: 0..<text.utf8.count))
}

/// The sentence splitter over clean UTF-8 bytes.
enum SentenceSplitter {
    /// Unbalanced openers are forgotten after this many scalars, so a stray quote cannot swallow a paragraph.
    static let maximumNestedScalars = 400

    static func split(_ utf8: [UInt8], in range: Range<Int>) -> [Sentence] {
        var out: [Sentence] = []
        utf8.withUnsafeBufferPointer { b in
            var start = range.lowerBound
            var depth = 0
            var nestedScalars = 0
            var previous: UInt32 = 0
            var i = range.lowerBound
            // One more scalar inside (or outside) quotes and brackets; an opener left open too long is forgotten.
            @inline(__always) func countNested() {
                if depth > 0 {
                    nestedScalars += 1
                    if nestedScalars > maximumNestedScalars { depth = 0; nestedScalars = 0 }
                } else {
                    nestedScalars = 0
                }
            }
            func emit(_ end: Int) {
                var s = start, e = end
                while s < e && (b[s] == 0x20 || b[s] == 0x0A) { s += 1 }
                while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x0A) { e -= 1 }
                if e > s { out.append(Sentence(range: s..<e)) }
                start = end
            }
            let end = range.upperBound
            while i < end {
                // Runs of scalars led by E4…EE (U+4000–EFFF: ideographs, no line break, opener, closer or terminator)
                // in one step: only their count and the last one matter.
                var run = 0
                var last = i
                while i &+ 2 < end && b[i] &- 0xE4 <= 0x0A {
                    last = i; i &+= 3; run &+= 1
                }
                if run > 0 {
                    if depth > 0 {
                        nestedScalars &+= run
                        if nestedScalars > maximumNestedScalars { depth = 0; nestedScalars = 0 }
                    } else {
                        nestedScalars = 0
                    }
                    previous = UTF8Bytes.decode(b, at: last).value
                    continue
                }
                let (v, n) = UTF8Bytes.decode(b, at: i)
                let next = i + n
                if v >= 0x3400 && v < 0xFF00 {
                    // Ideographs (the bulk of the text): no line break, opener, closer or terminator lies here.
                    countNested()
                    previous = v
                    i = next
                    continue
                }
                if v == 0x0A {
                    emit(i); start = next; depth = 0
                } else if isOpener(v) {
                    depth += 1
                } else if isCloser(v) {
                    if depth > 0 { depth -= 1 }
                    // "…。”" ends the sentence; "…。》" or "…。）" does not (a title or note inside the sentence).
                    if depth == 0 && isTerminator(previous) && (v == 0x201D || v == 0x2019 || v == 0x300D || v == 0x300F) { emit(next) }
                } else if depth == 0 && isTerminator(v) {
                    // Keep runs of terminators ("？！", "……") and a following closing quote together.
                    var j = next
                    while j < range.upperBound {
                        let (w, m) = UTF8Bytes.decode(b, at: j)
                        if isTerminator(w) || (w == 0x201D || w == 0x2019) && depth == 0 { j += m } else { break }
                    }
                    emit(j)
                    i = j; previous = v
                    continue
                }
                countNested()
                previous = v
                i = next
            }
            emit(range.upperBound)
        }
        return out
    }

    @inline(__always)
    static func isTerminator(_ v: UInt32) -> Bool {
        v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0xFF1B || v == 0x2026 || v == 0x21 || v == 0x3F
    }

    @inline(__always)
    static func isOpener(_ v: UInt32) -> Bool {
        v == 0x201C || v == 0x2018 || v == 0xFF08 || v == 0x300A || v == 0x3010 || v == 0x300C || v == 0x300E
            || v == 0x3008 || v == 0x28
    }

    @inline(__always)
    static func isCloser(_ v: UInt32) -> Bool {
        v == 0x201D || v == 0x2019 || v == 0xFF09 || v == 0x300B || v == 0x3011 || v == 0x300D || v == 0x300F
            || v == 0x3009 || v == 0x29
    }
}
