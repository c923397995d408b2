import Foundation
import TestSupport
import Testing
import PolicyCore
import PolicyText
@testable import PolicyFormats

@Suite struct DOCXReaderTests {
    static let document = fixtures + "/policy.docx"

    @Test func lineIsParagraphNumber() throws {
        let input = try readInput(path: Self.document)
        #expect(input.format == .docx)
        let lines = String(decoding: input.source.utf8, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // make_docx.py writes: header table (3 cell paragraphs + 1 empty), 文号, empty, title, addressee, 8 body
        // paragraphs, a paragraph of deleted text, 3 signature paragraphs.
        #expect(lines.count == 21 && lines[20] == "")
        #expect(Array(lines.prefix(4)) == ["国家发展改革委", "文件", "财政部", ""])
        #expect(lines[4] == "发改经贸〔2031〕57号")
        #expect(lines[5] == "")
        #expect(lines[6] == "国家发展改革委 财政部关于开展城乡冷链物流示范工作的通知")   // runs joined
        #expect(lines[15] == "　　附：《城乡冷链物流示范城市申报指南》")
        #expect(lines[16] == "")                                                       // deleted text is not text
        #expect(Array(lines[17...19]) == ["国家发展改革委", "财政部", "2031年3月8日"])
        #expect(!lines.joined().contains("已删除"))
        #expect(input.metadata["title"] == "关于开展城乡冷链物流示范工作的通知")
    }

    @Test func bodyMatchesThePlainText() throws {
        let input = try readInput(path: Self.document)
        let plain = try SourceText.read(path: fixtures + "/policy.txt")
        // Everything after the red header is the plain text, paragraph for line (the Word document sets the
        // 文号 above the title, as official documents do).
        var body = Array(squeezedLines(input.source.utf8).dropFirst(3))
        body.swapAt(0, 1)
        #expect(body == squeezedLines(plain.utf8))
    }

    @Test func evidenceNamesTheParagraph() throws {
        let input = try readInput(path: Self.document)
        let clean = NormalizedText(input.source)
        let bytes = Array(clean.string.utf8), needle = Array("不超过3亿元".utf8)
        let start = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        let e = input.originalEvidence(clean.evidence(for: start..<(start + needle.count), sentence: ""))
        #expect(e.line == 13)   // the 13th paragraph of word/document.xml
        #expect(Array(input.source.originalBytes[e.byteStart..<e.byteEnd]) == needle)
    }

    @Test func notAWordDocument() throws {
        let folder = try temporaryFolder("docx")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A zip without word/document.xml, and bytes that only start like a zip.
        let broken = folder + "/broken.docx"
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: broken))
        #expect { try readInput(path: broken) } throws: { ($0 as? KGError)?.file == broken }
    }
}
