import Testing
import TestSupport
@testable import PolicyText

/// The byte-level first tests of the segmenter (`ParagraphBytes`) and the byte-level String helpers agree with the
/// String and scalar definitions they stand in for: the exact ones give the same answer, and a first test never
/// rejects a paragraph that its recogniser accepts.
@Suite struct ParagraphBytesTests {
    /// Pieces the recognisers look for (and a few look-alikes: a combining accent, a compatibility ideograph, the
    /// Greek question mark that is canonically ";"), joined at random into short paragraphs.
    static let pieces = [
        "关于", "印发", "关", "于", "印", "发", "的通知", "意见", "方案", "《", "》", "。", "；", "，", "：", ":", " ", "  ",
        "2023", "-", "07", ".", "/", "．", "19", "年", "月", "日", "二〇二三", "（", "）", "(", ")", "号", "〔", "〕",
        "财金", "签发人", "—", "★", "来源", "信息", "文章", "稿源", "附", "附件", "1", "新华社", "各省", "厅", "部",
        "^", "①", "⑳", "目录", "e\u{301}", "\u{F9B5}", "\u{037E}",
        "新华社 2023-07-19", "人民日报2023.7.9", "2023年7月19日", "（2022年11月）", "———", "签发人：王五",
        "附件1：关于印发试点方案", "附：《数字乡村建设方案》",
    ]

    static func paragraphs(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let n = Int.random(in: 1...6, using: &generator)
            return (0..<n).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> R) -> R {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { body($0, 0..<bytes.count) }
    }

    @Test func exactByteTestsMatchTheStringTests() {
        for p in Self.paragraphs(count: 3000, seed: 11) {
            withBytes(p) { b, r in
                for maximum in [6, 60, 80, 130] {
                    #expect(ParagraphBytes.isHeadingShaped(b, r, maximumLength: maximum)
                            == ParagraphRoles.isHeadingShaped(p, maximumLength: maximum), "\(p)")
                }
                let titleWord = ParagraphRoles.containsBytes(p, ParagraphRoles.guanYu) || ParagraphRoles.containsBytes(p, ParagraphRoles.yinFa)
                #expect(ParagraphBytes.containsTitleWord(b, r) == titleWord, "\(p)")
                #expect(ParagraphBytes.startsWithCreditWord(b, r) == ParagraphRoles.startsWithCreditWord(p), "\(p)")
                #expect(ParagraphBytes.scalarCount(b, r) == p.unicodeScalars.count, "\(p)")
                #expect(ParagraphBytes.lastScalar(b, r) == p.unicodeScalars.last!.value, "\(p)")
            }
        }
    }

    @Test func firstTestsNeverRejectWhatTheRecognisersAccept() {
        var accepted = (date: 0, news: 0, header: 0, attachment: 0)
        for p in Self.paragraphs(count: 4000, seed: 12) {
            withBytes(p) { b, r in
                if ChineseDate.parseWhole(p) != nil {
                    accepted.date += 1
                    #expect(ParagraphBytes.mayBeDate(b, r), "\(p)")
                }
                if ParagraphRoles.newsSourceWithDate(p) != nil {
                    accepted.news += 1
                    #expect(ParagraphBytes.mayEndWithNumericDate(b, r), "\(p)")
                }
                if ParagraphRoles.isHeaderLine(p) {
                    accepted.header += 1
                    #expect(ParagraphBytes.mayBeHeaderLine(b, r), "\(p)")
                }
                if ParagraphRoles.attachment(p) != nil {
                    accepted.attachment += 1
                    #expect(ParagraphBytes.startsWithAttachmentMark(b, r), "\(p)")
                }
            }
        }
        // The paragraphs reach every recogniser (else the test would show nothing).
        #expect(accepted.date > 0 && accepted.news > 0 && accepted.header > 0 && accepted.attachment > 0, "\(accepted)")
    }

    @Test func spaceHelpersAndHeadingKeysMatchTheirScalarDefinitions() {
        for p in Self.paragraphs(count: 3000, seed: 13) {
            let scalars = Array(p.unicodeScalars)
            var trimmed = scalars[...]
            while trimmed.first == " " { trimmed.removeFirst() }
            while trimmed.last == " " { trimmed.removeLast() }
            #expect(p.trimmingSpaces == String(String.UnicodeScalarView(trimmed)), "\(p)")
            #expect(p.replacingSpaces == String(String.UnicodeScalarView(scalars.filter { $0 != " " })), "\(p)")
            let key = scalars.filter { $0 != " " && $0 != "^" && !(0x2460...0x2473).contains($0.value) }
            #expect(DocumentSegmenter.headingKey(p).unicodeScalars.elementsEqual(key), "\(p)")
        }
    }
}
