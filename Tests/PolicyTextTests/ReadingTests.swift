import PolicyCore
import Testing
import TestSupport
@testable import PolicyText

@Suite struct ReadingTests {
    let sample = "财政部关于推进政府采购工作的通知\n各省财政厅：\n现将有关事项通知如下。"

    @Test func plainUTF8IsReadAsIs() throws {
        let s = try Support.source(sample)
        #expect(s.encoding == .utf8)
        #expect(s.utf8 == Array(sample.utf8))
        #expect(s.originalOffset(ofDecoded: 3) == 3)
    }

    @Test func byteOrderMarkIsRemovedAndOffsetsShift() throws {
        let s = try SourceText(path: "bom.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(s.encoding == .utf8BOM)
        #expect(s.utf8 == Array(sample.utf8))
        #expect(s.originalOffset(ofDecoded: 0) == 3)
        let text = NormalizedText(s)
        let range = text.originalByteRange(ofCleanRange: 0..<3)   // 财
        #expect(range == 3..<6)
    }

    @Test func gbkIsDetectedAndMappedToOriginalBytes() throws {
        let gbk = try #require(Support.iconvEncode(sample, to: "GBK"))
        #expect(gbk.count < sample.utf8.count)   // two bytes per ideograph
        let s = try SourceText(path: "gbk.txt", bytes: gbk)
        #expect(s.encoding == .gb18030)
        #expect(String(decoding: s.utf8, as: UTF8.self) == sample)
        let text = NormalizedText(s)
        // "各省财政厅：" starts line 2; in GBK every ideograph is 2 bytes.
        let clean = Array(text.utf8)
        let start = try #require(clean.firstRange(of: Array("各省".utf8))).lowerBound
        let position = text.originalPosition(ofCleanOffset: start)
        #expect(position.line == 2 && position.column == 1)
        let firstLineBytes = try #require(Support.iconvEncode("财政部关于推进政府采购工作的通知\n", to: "GBK")).count
        #expect(position.byteOffset == firstLineBytes)
        let range = text.originalByteRange(ofCleanRange: start..<(start + 6))
        #expect(Array(gbk[range]) == Support.iconvEncode("各省", to: "GBK"))
    }

    @Test func utf16WithByteOrderMarks() throws {
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in sample.utf16 {
            le.append(UInt8(unit & 0xFF)); le.append(UInt8(unit >> 8))
            be.append(UInt8(unit >> 8)); be.append(UInt8(unit & 0xFF))
        }
        let l = try SourceText(path: "le.txt", bytes: le)
        let b = try SourceText(path: "be.txt", bytes: be)
        #expect(l.encoding == .utf16LE && b.encoding == .utf16BE)
        #expect(l.utf8 == Array(sample.utf8) && b.utf8 == Array(sample.utf8))
        // The third scalar (部) is at original bytes 2 + 2*2.
        #expect(l.originalOffset(ofDecoded: 6) == 6)
    }

    @Test func utf16WithoutBOMIsRecognisedByNULs() throws {
        let ascii = "Policy text in UTF-16 without BOM, line one.\nLine two.\n"
        var le: [UInt8] = []
        for unit in ascii.utf16 { le.append(UInt8(unit & 0xFF)); le.append(UInt8(unit >> 8)) }
        let s = try SourceText(path: "le.txt", bytes: le)
        #expect(s.encoding == .utf16LE)
        #expect(String(decoding: s.utf8, as: UTF8.self) == ascii)
    }

    @Test func chineseUTF16WithoutBOMIsRecognisedByItsUnits() throws {
        var be: [UInt8] = []
        for unit in sample.utf16 { be.append(UInt8(unit >> 8)); be.append(UInt8(unit & 0xFF)) }
        let s = try SourceText(path: "be.txt", bytes: be)
        #expect(s.encoding == .utf16BE)
        #expect(String(decoding: s.utf8, as: UTF8.self) == sample)
    }

    @Test func invalidBytesBecomeReplacementCharactersWithPositions() throws {
        var bytes = Array("第一行文字\n第二行".utf8)
        bytes.insert(0xFF, at: 6)   // after 第一
        let s = try SourceText(path: "bad.txt", bytes: bytes)
        #expect(s.replacementCount == 1)
        let text = NormalizedText(s)
        let str = text.string
        #expect(str.contains("第一\u{FFFD}行文字"))
        let clean = Array(text.utf8)
        let at = try #require(clean.firstRange(of: [0xEF, 0xBF, 0xBD])).lowerBound
        #expect(text.originalByteRange(ofCleanRange: at..<(at + 3)) == 6..<7)
        let after = text.originalPosition(ofCleanOffset: at + 3)
        #expect(after.byteOffset == 7 && after.line == 1)
    }

    @Test func emptyFileIsAnError() {
        do {
            _ = try SourceText(path: "empty.txt", bytes: [])
            Issue.record("empty file accepted")
        } catch let e as KGError {
            #expect(e.file == "empty.txt" && e.message.contains("empty"))
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try SourceText(path: "blank.txt", bytes: Array(" \n\n  \n".utf8))
            Issue.record("blank file accepted")
        } catch let e as KGError {
            #expect(e.file == "blank.txt")
            #expect(e.message.contains("empty"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func binaryFileIsAnErrorNamingFileAndLine() {
        let bytes = Array("第一行\n第二行".utf8) + [0, 1, 2, 0, 0xFF, 0xFE, 0x00]
        do {
            _ = try SourceText(path: "blob.bin", bytes: bytes)
            Issue.record("binary accepted")
        } catch let e as KGError {
            #expect(e.file == "blob.bin")
            #expect(e.line == 2)
        } catch { Issue.record("unexpected \(error)") }
        // Random high bytes that are neither UTF-8 nor GB18030 text.
        var g = SeededGenerator(seed: 7)
        let noise = (0..<4000).map { _ in UInt8(truncatingIfNeeded: g.next() | 0x80) }
        do {
            let s = try SourceText(path: "noise.bin", bytes: noise)
            Issue.record("noise accepted as \(s.encoding)")
        } catch let e as KGError {
            #expect(e.file == "noise.bin" && e.message.contains("binary"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func unreadableFileIsAnErrorNamingTheFile() {
        do {
            _ = try SourceText.read(path: "/nonexistent/policy.txt")
            Issue.record("missing file read")
        } catch let e as KGError {
            #expect(e.file == "/nonexistent/policy.txt")
            #expect(e.description.hasPrefix("/nonexistent/policy.txt: error:"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func unterminatedLastLineIsKept() throws {
        let s = try Support.source("第一段。\n最后一行没有换行")
        #expect(s.lineCount == 2)
        let text = NormalizedText(s)
        #expect(text.string.hasSuffix("最后一行没有换行"))
        let end = text.utf8.count - 3
        #expect(text.originalPosition(ofCleanOffset: end).line == 2)
        #expect(text.originalByteRange(ofCleanRange: end..<text.utf8.count).upperBound == s.originalBytes.count)
    }
}
