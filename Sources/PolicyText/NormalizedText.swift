import PolicyCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Clean text for the extractors plus an exact map from every clean byte offset to the original file.
///
/// Paragraphs are separated by "\n"; hard-wrapped lines are rejoined, blank lines, page furniture and TOC lines
/// dropped, doubled print undoubled, full-width letters and digits made half-width, spaces between CJK removed.
public struct NormalizedText: Sendable {
    public let source: SourceText
    /// Clean text, UTF-8.
    public let utf8: [UInt8]
    /// The file-level parameters the normaliser used.
    public let profile: NormalizationProfile
    /// Titles of the table-of-contents entries that were removed (text before the dot leaders, at least two
    /// ideographs or letters).
    public let tableOfContents: [String]
    /// Decoded-source offset of every clean byte.
    let cleanToDecoded: [Int32]
    /// What the written form restores: ideographs the clean text writes otherwise, pinyin glosses it dropped.
    let rewriting: Rewriting?

    /// How the clean text departs from the source's characters (nil: it writes every ideograph as the source does
    /// and dropped no gloss).
    struct Rewriting: Sendable {
        /// Some clean scalar differs from the source's (traditional → simplified, NFC).
        var scalars: Bool
        /// Dropped pinyin glosses, ordered by the decoded offset of the ideograph they follow.
        var glosses: [Normalizer.DroppedGloss]
    }

    /// The clean text as a String.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    /// Runs the normaliser over the whole source.
    public init(_ source: SourceText) {
        self.init(source, lines: nil, profile: nil)
    }

    /// Normalises only `lines` (1-based, inclusive) of `source`, with a given profile (nil: derived from those lines).
    public init(_ source: SourceText, lines: ClosedRange<Int>?, profile: NormalizationProfile?) {
        let out = Normalizer.normalize(source, lines: lines, profile: profile)
        self.source = source
        self.utf8 = out.utf8
        self.profile = out.profile
        self.tableOfContents = out.tableOfContents
        self.cleanToDecoded = out.cleanToDecoded
        self.rewriting = out.rewritesScalars || !out.droppedGlosses.isEmpty
            ? Rewriting(scalars: out.rewritesScalars, glosses: out.droppedGlosses) : nil
    }

    /// Decoded-source offset of a clean offset (`utf8.count` maps to the end of the source).
    @inline(__always)
    func decodedOffset(ofCleanOffset offset: Int) -> Int {
        offset < cleanToDecoded.count ? Int(cleanToDecoded[offset]) : source.utf8.count
    }

    /// Original position (1-based line, 1-based column in Unicode scalars, 0-based byte offset in the ORIGINAL file).
    public func originalPosition(ofCleanOffset offset: Int) -> OriginalPosition {
        let d = decodedOffset(ofCleanOffset: offset)
        let (line, column) = source.lineAndColumn(ofDecoded: d)
        return OriginalPosition(line: line, column: column, byteOffset: source.originalOffset(ofDecoded: d))
    }

    /// Original byte range of a clean byte range (start of first scalar .. end of last scalar).
    public func originalByteRange(ofCleanRange range: Range<Int>) -> Range<Int> {
        let start = source.originalOffset(ofDecoded: decodedOffset(ofCleanOffset: range.lowerBound))
        guard !range.isEmpty else { return start..<start }
        var last = range.upperBound - 1
        while last > range.lowerBound && utf8[last] & 0xC0 == 0x80 { last -= 1 }
        let d = decodedOffset(ofCleanOffset: last)
        let end = source.originalOffset(ofDecoded: d + UTF8Bytes.scalarLength(lead: source.utf8[d]))
        return start..<max(start, end)
    }

    /// 1-based original line of a clean offset.
    public func originalLine(ofCleanOffset offset: Int) -> Int {
        source.line(ofDecoded: decodedOffset(ofCleanOffset: offset))
    }

    /// Evidence record for a clean range: position of its start, original byte range, and `text` = the given sentence
    /// (a clean sentence around `range`) as the source writes it (`asWritten`).
    public func evidence(for range: Range<Int>, sentence: String) -> Evidence {
        let position = originalPosition(ofCleanOffset: range.lowerBound)
        let bytes = originalByteRange(ofCleanRange: range)
        var text = sentence
        if rewriting != nil {
            // The sentence holds the range: it lies within a sentence's length of it.
            let reach = sentence.utf8.count
            text = asWritten(sentence, near: max(0, range.lowerBound - reach)..<min(utf8.count, range.upperBound + reach))
        }
        return Evidence(source: source.path, line: position.line, column: position.column,
                        byteStart: bytes.lowerBound, byteEnd: bytes.upperBound, text: text)
    }

    /// The clean text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[range.clamped(to: 0..<utf8.count)], as: UTF8.self)
    }

    /// `range` without the white space (Unicode White_Space: spaces, tabs, line breaks, U+3000 …) at its ends.
    public func trimmingWhitespace(_ range: Range<Int>) -> Range<Int> {
        let range = range.clamped(to: 0..<utf8.count)
        return utf8.withUnsafeBufferPointer { b in
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi {
                let (value, length) = UTF8Bytes.decode(b, at: lo)
                guard Unicode.Scalar(value)?.properties.isWhitespace == true else { break }
                lo += length
            }
            while hi > lo {
                var lead = hi - 1
                while lead > lo, b[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard Unicode.Scalar(UTF8Bytes.decode(b, at: lead).value)?.properties.isWhitespace == true else { break }
                hi = lead
            }
            return lo..<hi
        }
    }

    /// Clean byte ranges of the paragraphs (the "\n"-separated lines of the clean text).
    public var paragraphRanges: [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        utf8.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            // Line breaks found with memchr (paragraphs are long runs without one).
            while start < b.count, let hit = memchr(base + start, 0x0A, b.count - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if i > start { out.append(start..<i) }
                start = i + 1
            }
        }
        if utf8.count > start { out.append(start..<utf8.count) }
        return out
    }
}
