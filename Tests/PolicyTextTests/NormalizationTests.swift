import PolicyCore
import Testing
import TestSupport
@testable import PolicyText

@Suite struct NormalizationTests {
    /// Paragraphs written for these tests (not corpus text).
    static let paragraphs = [
        "关于推进数字乡村建设的通知",
        "各有关单位：",
        "为加快推进数字乡村建设，提升农业农村现代化水平，现就有关事项通知如下，请各地结合实际制定实施方案并明确目标任务和责任分工，切实抓好组织落实工作。",
        "一、总体要求",
        "坚持统筹规划，因地制宜，分类推进各项重点工作，确保按期完成任务目标，到二〇二五年建成一批示范县，带动全国数字乡村发展取得明显成效。",
        "二、重点任务",
        "加强农村信息基础设施建设，推进千兆光网和移动通信网络向行政村延伸，提升偏远地区网络覆盖水平和服务质量，让农民群众共享数字红利。",
    ]

    /// Hard-wraps a paragraph every `width` scalars.
    static func wrap(_ paragraph: String, width: Int) -> [String] {
        let scalars = Array(paragraph.unicodeScalars)
        var lines: [String] = []
        var i = 0
        while i < scalars.count {
            let end = min(scalars.count, i + width)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[i..<end])
            lines.append(String(view))
            i = end
        }
        return lines
    }

    @Test func hardWrappedLinesWithBlankLinesAndFurnitureAreRejoined() throws {
        var lines: [String] = []
        for (k, p) in Self.paragraphs.enumerated() {
            let wrapped = Self.wrap(p, width: 26)
            for line in wrapped.dropLast() {
                #expect(!LineShape.isTerminator(line.unicodeScalars.last!.value), "fixture wraps at a terminator")
            }
            lines += wrapped
            if k == 2 { lines.append("— 4 —") }
            if k == 4 { lines += ["- 12 -", "13"] }
        }
        let file = lines.joined(separator: "\n\n") + "\n"
        let text = try Support.normalize(file)
        #expect(text.string == Self.paragraphs.joined(separator: "\n"))
        #expect(text.profile.fullLineWidth >= 50)
        #expect(!text.profile.undoubleLines)
    }

    @Test func singleNewlinesBetweenWrappedLinesWorkToo() throws {
        let file = Self.paragraphs.flatMap { Self.wrap($0, width: 30) }.joined(separator: "\r\n")
        let text = try Support.normalize(file)
        #expect(text.string == Self.paragraphs.joined(separator: "\n"))
    }

    @Test func urlLinesStartTheirOwnParagraph() throws {
        let body = Self.wrap(Self.paragraphs[4], width: 26)
        let attachment = "附：《关于推进数字乡村建设的若干政策措施和实施方案的通知》"
        let file = (body + [attachment, "https://example.org/policy/2023/notice.html", "www.example.org"]).joined(separator: "\n")
        let text = try Support.normalize(file)
        #expect(text.string.hasSuffix("。\n" + attachment + "\nhttps://example.org/policy/2023/notice.html\nwww.example.org"))
    }

    @Test func shortLinesAreNotJoined() throws {
        // Signature lines and a date: short lines without punctuation stay separate.
        let body = Self.wrap(Self.paragraphs[2], width: 26)
        let file = (body + ["科技部", "住房城乡建设部", "2022年 11月 18日"]).joined(separator: "\n\n")
        let text = try Support.normalize(file)
        #expect(text.string.hasSuffix("工作。\n科技部\n住房城乡建设部\n2022年11月18日"))
    }

    @Test func spacesBetweenCJKAndDigitsAreRemovedButWordSeparatorsKept() throws {
        let text = try Support.normalize("""
        2022年 11月 18日
        自 2008 年以来增长 57.8%
        科技部 住房城乡建设部
        让 各 国 民 众 共 享
        主  编：张  欣
        目录 CONTENTS
        RCEP 国家 ， 合作
        """)
        #expect(text.string == """
        2022年11月18日
        自2008年以来增长57.8%
        科技部 住房城乡建设部
        让各国民众共享
        主编：张欣
        目录 CONTENTS
        RCEP 国家，合作
        """)
    }

    @Test func fullWidthLettersDigitsAndSpacesBecomeHalfWidthPunctuationStays() throws {
        let text = try Support.normalize("ＰＰＰ项目共１２３个，占比（３０％）。\n第二段\u{3000}内容：完成！")
        // The ideographic space becomes a normal space, kept between two multi-character words.
        #expect(text.string == "PPP项目共123个，占比（30％）。\n第二段 内容：完成！")
        // The half-width "1" maps to the three original bytes of "１".
        let clean = Array(text.utf8)
        let one = try #require(clean.firstIndex(of: UInt8(ascii: "1")))
        let range = text.originalByteRange(ofCleanRange: one..<(one + 1))
        #expect(Array(text.source.originalBytes[range]) == Array("１".utf8))
    }

    @Test func controlCharactersAreDropped() throws {
        let text = try Support.normalize("第一页内容。\u{0C}\n\u{0C}第二页\u{200B}内容。\u{7}\n")
        #expect(text.string == "第一页内容。\n第二页内容。")
    }

    @Test func tocLinesAreDroppedAndRemembered() throws {
        let text = try Support.normalize("""
        目录
        热点聚焦
        数字乡村建设展现广阔前景·····\t1
        以数字化人才优势支撑数字经济新优势..........12
         ................................ 3
        数字乡村建设展现广阔前景
        正文内容。
        """)
        #expect(text.string == "目录\n热点聚焦\n数字乡村建设展现广阔前景\n正文内容。")
        #expect(text.tableOfContents == ["数字乡村建设展现广阔前景", "以数字化人才优势支撑数字经济新优势"])
    }

    /// Doubles `text` the way the doubled-print artifact does: wrap into lines, split each line into runs of
    /// 1–5 scalars and print every run twice.
    static func doubled(_ lines: [String], seed: UInt64) -> [String] {
        var g = SeededGenerator(seed: seed)
        return lines.map { line in
            let s = Array(line.unicodeScalars)
            var out = String.UnicodeScalarView()
            var i = 0
            while i < s.count {
                let n = min(s.count - i, Int(g.next() % 5) + 1)
                out.append(contentsOf: s[i..<(i + n)]); out.append(contentsOf: s[i..<(i + n)])
                i += n
            }
            return String(out)
        }
    }

    @Test func doubledPrintIsUndoubled() throws {
        let body = [Self.paragraphs[2], Self.paragraphs[4], Self.paragraphs[6]]
        var lines: [String] = ["一、总体要求"]        // headings are not doubled in such files
        for p in body { lines += Self.doubled(Self.wrap(p, width: 13), seed: UInt64(lines.count)) + [""] }
        let text = try Support.normalize(lines.joined(separator: "\n"))
        #expect(text.profile.undoubleLines)
        #expect(text.string == (["一、总体要求"] + body).joined(separator: "\n"))
        // Every kept scalar maps to its first printed copy.
        let clean = Array(text.utf8)
        let at = try #require(clean.firstRange(of: Array("为加快".utf8))).lowerBound
        let position = text.originalPosition(ofCleanOffset: at)
        #expect(position.line == 2 && position.column == 1)
    }

    @Test func doubledSpansAtLineEdgesAreUndoubled() throws {
        let body = [Self.paragraphs[2], Self.paragraphs[4]]
        var lines: [String] = []
        for p in body { lines += Self.doubled(Self.wrap(p, width: 13), seed: 11) + [""] }
        // A heading printed once followed by doubled text, and doubled text followed by a single label.
        lines.append("二、重点任务" + Self.doubled(["加强信息基础设施建设。"], seed: 5)[0])
        lines.append(Self.doubled(["推进千兆光网建设"], seed: 6)[0] + "（牵头单位）。")
        lines.append("研究研究工作。")       // too short a doubled start: kept
        let text = try Support.normalize(lines.joined(separator: "\n"))
        #expect(text.profile.undoubleLines)
        #expect(text.string == (body + ["二、重点任务加强信息基础设施建设。", "推进千兆光网建设（牵头单位）。", "研究研究工作。"]).joined(separator: "\n"))
    }

    @Test func legitimateRepetitionSurvivesInNormalText() throws {
        let normal = """
        我们常常说，人人都是参与者。
        大家天天学习，看看成效，谢谢各位。
        哈哈哈哈
        研究研究
        工作要常抓不懈，久久为功。
        """
        let text = try Support.normalize(normal)
        #expect(!text.profile.undoubleLines)
        #expect(text.string == normal)
    }

    @Test func lineAndColumnOfKnownPositions() throws {
        let file = "第一行\n  第二行有　全角空格\n\n\t第四行。"
        let text = try Support.normalize(file)
        let clean = Array(text.utf8)
        func position(of needle: String) throws -> OriginalPosition {
            let at = try #require(clean.firstRange(of: Array(needle.utf8))).lowerBound
            return text.originalPosition(ofCleanOffset: at)
        }
        let second = try position(of: "第二")
        #expect(second.line == 2 && second.column == 3 && second.byteOffset == 12)
        let space = try position(of: "格")
        #expect(space.line == 2 && space.column == 11)
        let fourth = try position(of: "第四")
        #expect(fourth.line == 4 && fourth.column == 2)
        #expect(fourth.byteOffset == Array(file.utf8).count - Array("第四行。".utf8).count)
        let evidence = text.evidence(for: (clean.count - 12)..<clean.count, sentence: "第四行。")
        #expect(evidence.line == 4 && evidence.column == 2 && evidence.byteEnd == file.utf8.count)
        #expect(evidence.source == "fixture.txt")
    }
}
