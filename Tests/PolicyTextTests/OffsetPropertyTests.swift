import PolicyCore
import Testing
import TestSupport
@testable import PolicyText

/// The offset map, tested on every corpus file and on fixtures.
///
/// Statement 1 (scalar correspondence): every clean scalar maps to original bytes that decode to exactly one scalar
/// which normalises to it (full-width letters/digits fold to ASCII, any space to " "); the only other clean scalars
/// are paragraph breaks "\n" and joining spaces, which map to an original line break.
///
/// Statement 2 (re-normalisation): for a random clean span, take its mapped ORIGINAL slice, widen it to whole
/// original lines (the normaliser's decisions depend on whole lines: doubling, width, spacing), normalise that slice
/// on its own with the file's profile: the result equals the clean text of those lines, and the span sits in it at
/// the mapped position. (Separators before the first and after the last line are outside the slice by definition,
/// so a span's trailing separator is not compared.)
@Suite struct OffsetPropertyTests {
    static func fold(_ v: UInt32) -> UInt32 {
        if ScalarClass.isFullWidthAlphanumeric(v) { return v - 0xFEE0 }
        if ScalarClass.isSpace(v) { return 0x20 }
        return v
    }

    /// The rewriting step's changes: a traditional character converted (by the table, or by a phrase to another
    /// ideograph), or NFC (a singleton such as a compatibility ideograph, or a base letter composed with the marks
    /// that follow it in the original, from byte `next` on).
    static func rewrites(_ original: UInt32, to v: UInt32, at next: Int, in bytes: [UInt8]) -> Bool {
        let traditional = TraditionalChinese.shared
        if traditional.table[original] == v { return true }
        if traditional.table[original] != nil && ScalarClass.isIdeograph(v) { return true }
        var piece = [original]
        var i = next
        while i < bytes.count {
            let (w, n) = UTF8Bytes.decode(bytes, at: i)
            guard !CanonicalComposition.isStable(w) else { break }
            piece.append(w); i += n
        }
        return CanonicalComposition.nfc(piece).first == v
    }

    func checkScalarCorrespondence(_ text: NormalizedText) {
        let clean = text.utf8
        let original = text.source.originalBytes
        let isUTF8 = text.source.encoding == .utf8 || text.source.encoding == .utf8BOM
        var i = 0
        var failures = 0
        while i < clean.count && failures < 5 {
            let (v, n) = UTF8Bytes.decode(clean, at: i)
            let range = text.originalByteRange(ofCleanRange: i..<(i + n))
            if isUTF8 {
                let slice = Array(original[range])
                let scalars = UTF8Bytes.scalars(slice)
                let ok: Bool
                if v == 0x0A || (v == 0x20 && scalars == [0x0A]) {
                    ok = scalars == [0x0A] || scalars == [0x0D]
                } else {
                    ok = scalars.count == 1 && (Self.fold(scalars[0]) == v || Self.rewrites(scalars[0], to: v, at: range.upperBound, in: original))
                }
                if !ok {
                    failures += 1
                    Issue.record("\(text.source.path): clean byte \(i) scalar \(v) maps to \(scalars)")
                }
            }
            i += n
        }
    }

    /// First clean byte whose decoded offset is >= `decoded` (the map is non-decreasing).
    func lowerBound(_ text: NormalizedText, _ decoded: Int) -> Int {
        var lo = 0, hi = text.cleanToDecoded.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(text.cleanToDecoded[mid]) < decoded { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func checkRenormalisation(_ text: NormalizedText, samples: Int, seed: UInt64) throws {
        let source = text.source
        let clean = text.utf8
        guard clean.count > 10 else { return }
        var g = SeededGenerator(seed: seed)
        var failures = 0
        for _ in 0..<samples where failures < 3 {
            var a = Int(g.next() % UInt64(clean.count))
            while a > 0 && clean[a] & 0xC0 == 0x80 { a -= 1 }
            var b = min(clean.count, a + 1 + Int(g.next() % 240))
            while b < clean.count && clean[b] & 0xC0 == 0x80 { b += 1 }
            let mapped = text.originalByteRange(ofCleanRange: a..<b)
            let firstLine = text.originalPosition(ofCleanOffset: a).line
            var last = b - 1
            while last > a && clean[last] & 0xC0 == 0x80 { last -= 1 }
            let lastLine = text.originalPosition(ofCleanOffset: last).line
            // Whole original lines around the mapped slice.
            let decodedStart = source.decodedRange(ofLine: firstLine).lowerBound
            let decodedEnd = source.decodedRange(ofLine: lastLine).upperBound
            let originalStart = source.originalOffset(ofDecoded: decodedStart)
            let originalEnd = source.originalOffset(ofDecoded: decodedEnd)
            // A span may end with the separator that maps to the last line's own line break.
            #expect(originalStart <= mapped.lowerBound && mapped.upperBound <= originalEnd + 1)
            let slice = Array(source.originalBytes[originalStart..<originalEnd])
            let sub = NormalizedText(try SourceText(path: "slice", bytes: slice), lines: nil, profile: text.profile)
            let cStart = lowerBound(text, decodedStart)
            let cEnd = lowerBound(text, decodedEnd)
            let expected = Array(clean[cStart..<cEnd])
            if sub.utf8 != expected {
                failures += 1
                Issue.record("\(source.path) lines \(firstLine)–\(lastLine): re-normalised slice differs:\n\(sub.string)\n---\n\(String(decoding: expected, as: UTF8.self))")
                continue
            }
            let spanEnd = min(b, cEnd)
            #expect(Array(sub.utf8[(a - cStart)..<(spanEnd - cStart)]) == Array(clean[a..<spanEnd]))
        }
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func corpusFile(_ prefix: String) throws {
        let path = try #require(Support.corpusFile(prefix), "corpus file \(prefix) not found in \(Support.corpusFolder)")
        let text = NormalizedText(try SourceText.read(path: path))
        #expect(text.utf8.count > 1000)
        checkScalarCorrespondence(text)
        try checkRenormalisation(text, samples: 150, seed: UInt64(prefix.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
    }

    @Test func fixtures() throws {
        let wrapped = NormalizationTests.paragraphs.flatMap { NormalizationTests.wrap($0, width: 26) }
        let doubled = NormalizationTests.doubled(wrapped, seed: 3)
        let files = [
            wrapped.joined(separator: "\n\n") + "\n— 2 —\n",
            doubled.joined(separator: "\n"),
            "ＰＰＰ项目共１２３个。\n\u{0C}2022年 11月 18日\n科技部 住房城乡建设部\n尾行没有换行",
        ]
        for (k, file) in files.enumerated() {
            let text = try Support.normalize(file)
            checkScalarCorrespondence(text)
            try checkRenormalisation(text, samples: 100, seed: UInt64(k + 1))
        }
    }

    /// Random files over an alphabet of ideographs, digits, Latin, spaces of all widths, full-width forms, CJK
    /// punctuation, control characters, dot leaders, dashes and line breaks: both statements hold.
    @Test func randomFiles() throws {
        let alphabet: [String] = ["政", "策", "部", "委", "局", "年", "月", "日", "1", "2", "0", "a", "B", " ", " ", "\u{3000}",
                                  "\t", "１", "Ａ", "，", "。", "、", "“", "”", "《", "》", "（", "）", "：", "\u{0C}", "\u{200B}",
                                  "·", ".", "—", "-", "\n", "\n", "\n", "\r\n", "常", "常"]
        var g = SeededGenerator(seed: 2026)
        for round in 0..<40 {
            var file = ""
            let length = 20 + Int(g.next() % 400)
            for _ in 0..<length { file += alphabet[Int(g.next() % UInt64(alphabet.count))] }
            guard let source = try? Support.source(file, path: "random\(round).txt") else { continue }
            let text = NormalizedText(source)
            checkScalarCorrespondence(text)
            try checkRenormalisation(text, samples: 20, seed: UInt64(round))
            // Segments and sentences stay inside the clean text and in order.
            var previousEnd = 0
            for segment in segmentDocuments(text) {
                #expect(segment.range.lowerBound >= previousEnd && segment.range.upperBound <= text.utf8.count)
                #expect(segment.firstLine <= segment.lastLine)
                previousEnd = segment.range.upperBound
            }
            for sentence in splitSentences(text, in: 0..<text.utf8.count) {
                #expect(!sentence.range.isEmpty && sentence.range.upperBound <= text.utf8.count)
            }
        }
    }

    /// A corpus file converted to GB18030 normalises to the same clean text, and every clean scalar maps to the
    /// GB18030 bytes of its original character (checked by decoding those bytes with iconv).
    @Test func corpusFileAsGB18030MapsToOriginalBytes() throws {
        let path = try #require(Support.corpusFile("002"))
        let utf8Text = NormalizedText(try SourceText.read(path: path))
        let gb = try #require(Support.iconvConvert(utf8Text.source.originalBytes, from: "UTF-8", to: "GB18030"))
        let gbText = NormalizedText(try SourceText(path: "gb.txt", bytes: gb))
        #expect(gbText.source.encoding == .gb18030)
        #expect(gbText.utf8 == utf8Text.utf8)
        var i = 0
        var failures = 0
        let clean = gbText.utf8
        while i < clean.count && failures < 5 {
            let (v, n) = UTF8Bytes.decode(clean, at: i)
            let range = gbText.originalByteRange(ofCleanRange: i..<(i + n))
            let decoded = Support.iconvConvert(Array(gb[range]), from: "GB18030", to: "UTF-8").map(UTF8Bytes.scalars) ?? []
            let ok = v == 0x0A || (v == 0x20 && decoded == [0x0A]) ? decoded == [0x0A] || decoded == [0x0D]
                : decoded.count == 1 && Self.fold(decoded[0]) == v
            if !ok { failures += 1; Issue.record("clean byte \(i): \(v) maps to GB18030 bytes decoding to \(decoded)") }
            i += n
        }
        let p = gbText.originalPosition(ofCleanOffset: 0)
        let q = utf8Text.originalPosition(ofCleanOffset: 0)
        #expect(p.line == q.line && p.column == q.column)
    }

    @Test func knownCorpusPositions() throws {
        let path = try #require(Support.corpusFile("004"))
        let text = NormalizedText(try SourceText.read(path: path))
        let original = text.source.originalBytes
        // Lines as `grep -n` reports them in the original file.
        for (needle, expectedLine) in [("国科发社〔2022〕320号", 2854), ("财办库〔2022〕273号", 3488)] {
            let clean = Array(text.utf8)
            let at = try #require(clean.firstRange(of: Array(needle.utf8))).lowerBound
            let position = text.originalPosition(ofCleanOffset: at)
            // Independent check: count line breaks in the original bytes before the mapped offset.
            let lineStart = (original[..<position.byteOffset].lastIndex(of: 0x0A) ?? -1) + 1
            let line = 1 + original[..<position.byteOffset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            #expect(position.line == line && line == expectedLine && position.column == 1)
            #expect(position.column == 1 + UTF8Bytes.scalars(Array(original[lineStart..<position.byteOffset])).count)
            let range = text.originalByteRange(ofCleanRange: at..<(at + needle.utf8.count))
            #expect(String(decoding: original[range], as: UTF8.self) == needle)
        }
    }
}
