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
        utf8.withUnsafeBufferPointer { split($0, range, into: &out) }
        return out
    }

    /// ASCII scalars that matter to the splitter: line feed, '!', '(', ')', '?' (all below 0x40).
    static let asciiSpecials: UInt64 = 1 << 0x0A | 1 << 0x21 | 1 << 0x28 | 1 << 0x29 | 1 << 0x3F

    /// A sentence longer than this many bytes (a table flattened into one line, a document without full stops) is
    /// cut at clause marks into pieces no longer: every rule reads a sentence, and evidence quotes one, so an
    /// unbounded sentence would make both cost the square of its length.
    static let maximumSentenceBytes = 4096

    /// Appends the sentence `start..<end` without surrounding spaces and line feeds, if anything is left, cut into
    /// pieces of at most `maximumSentenceBytes`.
    @inline(__always)
    static func emit(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [Sentence]) {
        var s = start, e = end
        while s < e && (b[s] == 0x20 || b[s] == 0x0A) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x0A) { e -= 1 }
        while e - s > maximumSentenceBytes {
            let cut = clauseCut(b, from: s, limit: s + maximumSentenceBytes)
            out.append(Sentence(range: s..<cut))
            s = cut
            while s < e && (b[s] == 0x20 || b[s] == 0x0A) { s += 1 }
        }
        if e > s { out.append(Sentence(range: s..<e)) }
    }

    /// Where to cut a long sentence that starts at `from` so that the piece ends at or before `limit`: after the last
    /// clause mark (，、：, or a space or comma) in the second half of the window, else at the last scalar boundary.
    static func clauseCut(_ b: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int {
        var i = limit
        let floor = from + (limit - from) / 2
        while i > floor {
            if b[i - 1] == 0x20 || b[i - 1] == 0x2C { return i }
            if i - 3 >= from {
                let (x, y, z) = (b[i - 3], b[i - 2], b[i - 1])
                // ， U+FF0C = EF BC 8C, ： U+FF1A = EF BC 9A, 、 U+3001 = E3 80 81
                if (x == 0xEF && y == 0xBC && (z == 0x8C || z == 0x9A)) || (x == 0xE3 && y == 0x80 && z == 0x81) { return i }
            }
            i -= 1
        }
        i = limit
        while i > from + 1 && b[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    static func split(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [Sentence]) {
        // (The punctuation sets read once: each read of a global checks its lazy initialiser and retains the set.)
        let terminators = Punctuation.sentenceEnders, openers = Punctuation.openingBrackets
        let closers = Punctuation.closingBrackets, closingQuotes = Punctuation.closingQuotes
        var start = range.lowerBound
        var depth = 0
        var nestedScalars = 0
        // Only whether the previous scalar is a terminator matters (a closing quote after one ends the sentence).
        var previousIsTerminator = false
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            // Scalars that are no line break, opener, closer or terminator (outside quotes and brackets) count only as
            // scalars: runs of those led by E4…EE (U+4000–EFFF, ideographs: three leads per eight-byte load) and of
            // other ASCII are taken in one step.
            var run = 0
            if let base = b.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i &+ 9 <= end {
                    let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    guard UInt8(truncatingIfNeeded: w) &- 0xE4 <= 0x0A, UInt8(truncatingIfNeeded: w &>> 24) &- 0xE4 <= 0x0A,
                          UInt8(truncatingIfNeeded: w &>> 48) &- 0xE4 <= 0x0A else { break }
                    i &+= 9; run &+= 3
                }
            }
            while i &+ 2 < end && b[i] &- 0xE4 <= 0x0A { i &+= 3; run &+= 1 }
            while i < end {
                let x = b[i]
                guard x < 0x80, x >= 0x40 || (asciiSpecials &>> UInt64(x)) & 1 == 0 else { break }
                i &+= 1; run &+= 1
            }
            if run > 0 {
                if depth > 0 {
                    nestedScalars &+= run
                    if nestedScalars > maximumNestedScalars { depth = 0; nestedScalars = 0 }
                } else {
                    nestedScalars = 0
                }
                previousIsTerminator = false
                continue
            }
            let (v, n) = UTF8Bytes.decode(b, at: i)
            let next = i + n
            if v >= 0x3400 && v < 0xFF00 {
                // Other ideographs: no line break, opener, closer or terminator lies here.
                countNested(depth: &depth, nested: &nestedScalars)
                previousIsTerminator = false
                i = next
                continue
            }
            if v == 0x0A {
                emit(b, start, i, into: &out); start = next; depth = 0
            } else if openers.contains(v) {
                depth += 1
            } else if closers.contains(v) {
                if depth > 0 { depth -= 1 }
                // "…。”" ends the sentence; "…。》" or "…。）" does not (a title or note inside the sentence).
                if depth == 0 && previousIsTerminator && closingQuotes.contains(v) {
                    emit(b, start, next, into: &out); start = next
                }
            } else if depth == 0 && terminators.contains(v) && !isLostGlyph(b, i, from: range.lowerBound, to: end) {
                // Keep runs of terminators ("？！", "……") and a following closing quote together.
                var j = next
                while j < end {
                    let (w, m) = UTF8Bytes.decode(b, at: j)
                    if terminators.contains(w) || w == 0x201D || w == 0x2019 { j += m } else { break }  // … ” ’
                }
                emit(b, start, j, into: &out); start = j
                i = j; previousIsTerminator = true
                continue
            }
            countNested(depth: &depth, nested: &nestedScalars)
            previousIsTerminator = terminators.contains(v)
            i = next
        }
        emit(b, start, end, into: &out)
    }

    /// One more scalar inside (or outside) quotes and brackets; an opener left open too long is forgotten.
    @inline(__always)
    static func countNested(depth: inout Int, nested: inout Int) {
        if depth > 0 {
            nested += 1
            if nested > maximumNestedScalars { depth = 0; nested = 0 }
        } else {
            nested = 0
        }
    }

    /// An ASCII '?' that stands for a glyph the page lost ("规??总量", "规?;率"): between an ideograph (or another such
    /// mark) and, with no space, an ideograph, '?' or ';'. A question in Chinese text ends with the full-width ？.
    @inline(__always)
    static func isLostGlyph(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, from start: Int, to end: Int) -> Bool {
        guard b[i] == 0x3F, i + 1 < end, i - 3 >= start else { return false }
        let after = b[i + 1]
        guard after == 0x3F || after == 0x3B || after &- 0xE4 <= 0x05 else { return false }
        return b[i - 1] == 0x3F || b[i - 3] &- 0xE4 <= 0x05
    }
}
