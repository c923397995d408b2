import PolicyCore
import Testing
@testable import PolicyText

/// The byte-level fast paths agree with plain reference implementations (written here the slow, obvious way).
@Suite struct FastPathTests {
    /// A deterministic generator (no seeds from the clock: failures must repeat).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
    }

    /// Text pieces: ASCII, ideographs led by E4…E9, CJK punctuation, line feeds, two- and four-byte scalars.
    static let pieces = ["a", "7", " ", "\n", "\n\n", "中", "国", "于", "龥", "丁", "，", "。", "“", "”", "《", "》", "é", "𠀀",
                         "（", "）", "!", "?", "……", "；", "：", "\u{0301}", "\u{F900}", "　", "\t", "Ａ", "１"]

    static func randomText(_ g: inout Generator, pieces count: Int) -> String {
        var s = ""
        for _ in 0..<count { s += pieces[g.next(pieces.count)] }
        return s
    }

    @Test func firstInvalidUTF8MatchesAScalarByScalarValidator() {
        var g = Generator(state: 4)
        // Valid prefixes followed by a random byte tail, so that the eight-byte paths meet every kind of sequence.
        let tails: [[UInt8]] = [[0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF],
                                [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xC0, 0x80], [0xE4, 0xB8], [0x80], [0xFF]]
        for _ in 0..<3000 {
            var bytes = Array(Self.randomText(&g, pieces: g.next(40)).utf8)
            let cut = g.next(bytes.count + 1)
            bytes.insert(contentsOf: tails[g.next(tails.count)], at: cut)
            bytes += Array(Self.randomText(&g, pieces: g.next(10)).utf8)
            let expected = Self.referenceFirstInvalid(bytes)
            let found = bytes.withUnsafeBufferPointer { EncodingDetector.firstInvalidUTF8($0, from: 0) }
            #expect(found == expected, "\(bytes)")
        }
    }

    /// The first offset where decoding one scalar at a time fails, -1 if none.
    static func referenceFirstInvalid(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            var it = bytes[i...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let v) = decoder.decode(&it) else { return i }
            i += UTF8.width(v)
        }
        return -1
    }

    @Test func trimmingWhitespaceMatchesAScalarByScalarReference() throws {
        var g = Generator(state: 5)
        for _ in 0..<200 {
            let text = NormalizedText(try SourceText(path: "t.txt", bytes: Array(("x" + Self.randomText(&g, pieces: g.next(16))).utf8)))
            // Ranges on scalar boundaries of the clean text.
            var bounds = [0]
            for scalar in text.text(0..<text.utf8.count).unicodeScalars { bounds.append(bounds.last! + UTF8.width(scalar)) }
            let lo = bounds[g.next(bounds.count)], hi = bounds[g.next(bounds.count)]
            let range = min(lo, hi)..<max(lo, hi)
            // The reference drops White_Space scalars from both ends of the decoded range.
            var scalars = Array(text.text(range).unicodeScalars)
            while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            #expect(text.text(text.trimmingWhitespace(range)) == String(String.UnicodeScalarView(scalars)), "\(range) of \(text.utf8)")
        }
    }

    @Test func lineLookupsMatchAReferenceScan() throws {
        var g = Generator(state: 11)
        for _ in 0..<60 {
            // Lines from empty to several hundred bytes, so that blocks hold many line starts or none.
            var text = ""
            for _ in 0..<g.next(30) {
                text += String(repeating: "中a", count: g.next(3) == 0 ? g.next(200) : g.next(8)) + "\n"
            }
            text += "末"
            let source = try SourceText(path: "lines.txt", bytes: Array(text.utf8))
            let bytes = source.utf8
            // The reference walks the bytes once: line and column of each offset in turn.
            var line = 1, column = 1
            for offset in 0...bytes.count {
                let (l, c) = source.lineAndColumn(ofDecoded: offset)
                #expect(l == line && c == column, "offset \(offset)")
                guard offset < bytes.count else { break }
                if bytes[offset] == 0x0A { line += 1; column = 1 } else if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            }
        }
    }

    @Test func sentenceEndersSplitWhereverTheRunsAre() {
        // A run of ideographs of every length before a terminator, at every alignment of the eight-byte loads.
        for lead in 0..<9 {
            for count in 0..<20 {
                let text = String(repeating: "a", count: lead) + String(repeating: "中", count: count) + "。后"
                let bytes = Array(text.utf8)
                let sentences = SentenceSplitter.split(bytes, in: 0..<bytes.count)
                let first = lead + count == 0 ? "。" : String(repeating: "a", count: lead) + String(repeating: "中", count: count) + "。"
                #expect(sentences.map { String(decoding: bytes[$0.range], as: UTF8.self) } == [first, "后"])
            }
        }
    }

    @Test func simpleTextExcludesCombiningAndEquivalentScalars() {
        #expect(SimpleText.isSimple("国务院办公厅关于印发《方案》的通知（2022—2025年）：“一、”，。；！？ ABC-1.2"))
        for s in ["e\u{301}", "通\u{0301}知", "\u{F900}", "中\u{302A}", "a\u{200D}b", "a\nb", "①", "𠀀", "\u{4DC0}"] {
            #expect(!SimpleText.isSimple(s), "\(s)")
        }
    }

    @Test func recognisersReadScalarsWhateverTheText() {
        // (The recognisers have one implementation over scalars; there is no byte twin left to agree with.) A
        // combining mark after a word makes it another word: the recognisers compare scalars.
        #expect(ParagraphRoles.officialTitle("财政部关于做好工作的通知")?.title == "财政部关于做好工作的通知")
        #expect(ParagraphRoles.officialTitle("财政部关于做好工作的通知\u{0301}") == nil)
        #expect(ParagraphRoles.officialTitle("国家发展改革委印发《物流发展方案》")?.title == "物流发展方案")
        #expect(ParagraphRoles.officialTitle("国家发展改革委\u{0301}印发《物流发展方案》")?.title == "物流发展方案")
        #expect(DocumentKind.fromTitle("关于推进工作的实施意见（试行）") == .opinion)
        #expect(DocumentKind.fromTitle("关于推进工作的实施意见（试行）①") == nil)
        #expect(ParagraphRoles.attachment("附件2：1. 《工作方案》") == "工作方案")
        #expect(ParagraphRoles.attachment("附件2：1. 《工作方案》①") == "《工作方案》①")
        #expect(ParagraphRoles.isAddressee("各省、自治区、直辖市财政厅（局）："))
        #expect(!ParagraphRoles.isAddressee("各省财政厅。现将通知如下："))
        #expect(ParagraphRoles.isSignatureLine("财政部 国家税务总局"))
        #expect(!ParagraphRoles.isSignatureLine("财政部 国家税务总局\u{0301}"))
    }

    @Test func headingKeySetComparesLikeStrings() {
        var set = HeadingKeySet(["关于推进工作的通知", "规划纲要"])
        #expect(set.contains("规划纲要"))
        #expect(!set.contains("规划"))
        // Canonically equivalent keys are equal as Strings: é written precomposed and decomposed.
        set.insert("caf\u{E9}计划")
        #expect(set.contains("cafe\u{301}计划"))
        #expect(set.contains("关于推进工作的通知"))
        #expect(!HeadingKeySet().contains("规划纲要"))
    }
}
