import PolicyCore
import Testing
@testable import PolicyText

@Suite struct SegmentationTests {
    /// A compilation written for this test: a joint notice issuing a plan, the plan, and a news item.
    static let compilation = """
    农业农村部 工业和信息化部关于印发《数字农业示范建设

    行动方案》的通知

    农计发[2023]15号

    各省、自治区、直辖市农业农村厅（局），有关

    单位：

    现将《数字农业示范建设行动方案》印发给你们，请结合实际认真贯彻落实。

    农业农村部

    工业和信息化部

    二〇二三年三月十二日

    （此件主动公开）

    — 1 —

    数字农业示范建设行动方案

    为推进数字农业示范建设，制定本方案。

    一、总体目标

    到2025年，建成一批数字农业示范基地。

    附：《数字农业示范基地名单》

    新华社 2023-07-19

    记者从有关部门获悉，数字农业示范基地建设进展顺利。

    来源：新华社
    """

    @Test func officialNoticeIssuedPlanAndNewsItem() throws {
        let text = try Support.normalize(Self.compilation)
        let docs = segmentDocuments(text)
        try #require(docs.count == 3)
        let notice = docs[0]
        #expect(notice.kind == .notice)
        #expect(notice.title == "农业农村部 工业和信息化部关于印发《数字农业示范建设行动方案》的通知")
        #expect(notice.docNumber?.text == "农计发〔2023〕15号")
        #expect(notice.addressee == "各省、自治区、直辖市农业农村厅（局），有关单位：")
        #expect(notice.signatureLines.map(\.text) == ["农业农村部", "工业和信息化部"])
        #expect(notice.date == "2023-03-12")
        #expect(notice.firstLine == 1)
        let numberRange = try #require(notice.docNumberRange)
        #expect(text.text(numberRange) == "农计发[2023]15号")
        let dateRange = try #require(notice.dateRange)
        #expect(text.originalPosition(ofCleanOffset: dateRange.lowerBound).line == 17)

        let plan = docs[1]
        #expect(plan.kind == .plan)
        #expect(plan.title == "数字农业示范建设行动方案")
        #expect(plan.date == "2023-03-12")                 // issued by the notice
        #expect(plan.attachments == ["数字农业示范基地名单"])
        #expect(plan.firstLine == 23)
        #expect(notice.lastLine == 19)

        let news = docs[2]
        #expect(news.kind == .news)
        #expect(news.newsSource == "新华社")
        #expect(news.date == "2023-07-19")
        #expect(news.firstLine == 33 && news.lastLine == 37)
    }

    @Test func markdownHeadedArticlesWithSourceCredits() throws {
        let text = try Support.normalize("""
        ## 数字乡村建设展现广阔前景

        正文第一段。

        来源：光明日报

        ## 以数字化人才优势支撑数字经济

        正文第二段。
        """)
        let docs = segmentDocuments(text)
        #expect(docs.map(\.title) == ["数字乡村建设展现广阔前景", "以数字化人才优势支撑数字经济"])
        #expect(docs.map(\.kind) == [.article, .article])
        #expect(docs[0].newsSource == "光明日报")
        #expect(docs[1].firstLine == 7)
    }

    @Test func datesAndDocNumbers() {
        #expect(ChineseDate.parseWhole("2022年11月18日") == "2022-11-18")
        #expect(ChineseDate.parseWhole("二〇二四年一月十二日") == "2024-01-12")
        #expect(ChineseDate.parseWhole("二○二二年十二月三十一日") == "2022-12-31")
        #expect(ChineseDate.parseWhole("2023-07-19") == "2023-07-19")
        #expect(ChineseDate.parseWhole("2022年11月") == "2022-11")
        #expect(ChineseDate.parseWhole("2022年13月1日") == nil)
        #expect(ChineseDate.parseWhole("截至2022年11月") == nil)
        #expect(DocumentNumber.parse("财金〔2022〕119号")?.text == "财金〔2022〕119号")
        #expect(DocumentNumber.parse("工信部联运行[2022]160号")?.text == "工信部联运行〔2022〕160号")
        #expect(DocumentNumber.parse("国科发社【2022】320号")?.text == "国科发社〔2022〕320号")
        #expect(DocumentNumber.parse("国科发社(2022)320号")?.text == "国科发社〔2022〕320号")
        #expect(DocumentNumber.parse("财政部 税务总局公告 2022年第 32号")?.text == "财政部 税务总局公告2022年第32号")
        #expect(DocumentNumber.parse("关于2022年工作的通知")?.text == nil)
        #expect(DocumentNumber.occurrences(in: "根据《通知》（财库〔2021〕20号）要求").map(\.number.text) == ["财库〔2021〕20号"])
    }

    // MARK: - Corpus

    /// Minimal reader of one string or null field of a gold JSON line.
    static func field(_ name: String, in line: String) -> String? {
        let key = Array("\"\(name)\": ".unicodeScalars)
        let s = Array(line.unicodeScalars)
        guard let at = s.firstRange(of: key) else { return nil }
        var i = at.upperBound
        guard i < s.count, s[i] == "\"" else { return nil }
        i += 1
        var out = String.UnicodeScalarView()
        while i < s.count && s[i] != "\"" {
            if s[i] == "\\" { i += 1 }
            out.append(s[i]); i += 1
        }
        return String(out)
    }

    static func intField(_ name: String, in line: String) -> Int? {
        guard let r = line.firstRange(of: "\"\(name)\": ") else { return nil }
        return Int(String(line[r.upperBound...].prefix(while: { $0.isNumber })))
    }

    @Test func compilation004IsSplitIntoTheGoldDocuments() throws {
        let path = try #require(Support.corpusFile("004"))
        let stem = String(path.split(separator: "/").last!.dropLast(4))
        let gold = try #require(Support.readText(Support.goldFolder + "/\(stem)-part1/documents.jsonl"))
        let docs = segmentDocuments(NormalizedText(try SourceText.read(path: path)))
        var checked = 0
        for line in gold.split(separator: "\n").map(String.init) where line.contains("\"full_text\": true") {
            let goldLine = try #require(Self.intField("line", in: line))
            let title = try #require(Self.field("title", in: line))
            let found = docs.first { abs($0.firstLine - goldLine) <= 2 }
            guard let doc = found else { Issue.record("no document starts near line \(goldLine): \(title)"); continue }
            #expect(doc.title.map(DocumentSegmenter.headingKey) == DocumentSegmenter.headingKey(title), "line \(goldLine)")
            #expect(doc.docNumber?.text == Self.field("doc_number", in: line), "line \(goldLine)")
            if let date = Self.field("date", in: line) { #expect(doc.date == date, "line \(goldLine)") }
            checked += 1
        }
        #expect(checked >= 5)
        // Every later notice with a 文号 in the rest of the file is found too, each with a title.
        let withNumbers = docs.filter { $0.docNumber != nil }
        #expect(withNumbers.count >= 12)
        #expect(withNumbers.allSatisfy { $0.title != nil && $0.kind != .other })
    }

    @Test func digest003IsSplitIntoItsNewsItems() throws {
        let path = try #require(Support.corpusFile("003"))
        let text = NormalizedText(try SourceText.read(path: path))
        let docs = segmentDocuments(text)
        let news = docs.filter { $0.kind == .news }
        #expect(news.count >= 45 && news.count <= 70)
        #expect(news.allSatisfy { $0.date?.hasPrefix("2023-0") == true && $0.newsSource != nil })
        // This extraction lost the item headlines (its TOC entries are dot leaders without text), so a title may
        // only come from a short headline line right before the source line; body sentences must never become titles.
        #expect(text.tableOfContents.isEmpty)
        for doc in news {
            if let t = doc.title {
                #expect(t.unicodeScalars.count <= 60 && !t.hasSuffix("。") && !t.hasSuffix("，"), "\(t)")
            } else {
                // Untitled items start at their source line ("人民日报 2023-07-19").
                #expect(text.text(doc.range).hasPrefix(doc.newsSource ?? "?"))
            }
        }
        // Items end before the next source line: no item holds two dated source lines.
        for doc in news {
            let paragraphs = text.text(doc.range).split(separator: "\n")
            #expect(paragraphs.filter { ParagraphRoles.newsSourceWithDate(String($0)) != nil }.count == 1)
        }
        #expect(docs.contains { $0.kind == .toc })
    }

    @Test func digest000FollowsItsTableOfContents() throws {
        let path = try #require(Support.corpusFile("000"))
        let text = NormalizedText(try SourceText.read(path: path))
        #expect(text.tableOfContents.count >= 8)
        let docs = segmentDocuments(text)
        let titled = docs.compactMap(\.title)
        let tocKeys = Set(text.tableOfContents.map(DocumentSegmenter.headingKey))
        #expect(titled.filter { tocKeys.contains(DocumentSegmenter.headingKey($0)) }.count >= 8)
        #expect(docs.contains { $0.kind == .toc })
        #expect(docs.contains { $0.kind == .preface })
    }

    @Test func markdownDigest002() throws {
        let path = try #require(Support.corpusFile("002"))
        let docs = segmentDocuments(NormalizedText(try SourceText.read(path: path)))
        #expect(docs.count >= 6)
        #expect(docs.filter { $0.newsSource != nil }.count >= 5)
        #expect(docs.allSatisfy { ($0.title ?? "").unicodeScalars.count <= 60 })
    }

    @Test func doubledFile001ReadsBackAsNormalText() throws {
        let path = try #require(Support.corpusFile("001"))
        let text = NormalizedText(try SourceText.read(path: path))
        #expect(text.profile.undoubleLines)
        let s = text.string
        for expected in ["2020年5月14日，中共中央政治局常务委员会会议首次提出", "构建国内国际双循环相互促进的新发展格局。", "30%", "60.5%", "6.4个百分点", "习近平总书记", "“一带一路”"] {
            #expect(s.contains(expected), "\(expected)")
        }
        for artifact in ["20202020", "年年", "，，", "。。", "%%"] {
            #expect(!s.contains(artifact), "\(artifact)")
        }
        #expect(text.utf8.count * 2 < text.source.utf8.count + 2000)
        // Read back as normal text, the file is what it is: one article over all its lines (doubled print would
        // give repeated or broken headings, each starting a document of its own).
        let docs = segmentDocuments(text)
        #expect(docs.count == 1)
        #expect(docs.first?.kind == .article)
        #expect(docs.first?.range == 0..<text.utf8.count || docs.first.map { $0.range.upperBound >= text.utf8.count - 4 } == true)
    }
}

/// The segmenter's byte prefilter for titles: a paragraph can add 关于/印发 to a combined title only when it holds
/// one, or half of one at its edge.
@Suite struct TitleWordPrefilterTests {
    private func flag(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { DocumentSegmenter.mayHoldTitleWord(0..<bytes.count, in: $0) }
    }

    @Test func wholeWordsAndHalvesAtTheEdges() {
        #expect(flag("财政部关于做好工作的通知"))
        #expect(flag("国务院办公厅印发《方案》"))
        #expect(flag("国务院办公厅关"))      // 关 | 于… on the next line
        #expect(flag("于加强管理的通知"))
        #expect(flag("国家发展改革委印"))
        #expect(flag("发《实施办法》"))
        #expect(flag("关于"))
    }

    @Test func otherUsesOfTheCharactersAreNoTitleWord() {
        #expect(!flag("相关部门要加强协调"))   // 关 without 于
        #expect(!flag("印刷行业发展"))        // 印 and 发 apart
        #expect(!flag("有关单位于年底前完成"))  // 于 not after 关, not at the start
        #expect(!flag(""))
        #expect(flag("关"))   // a half at the edge
    }

    @Test func titleBrokenBetweenGuanAndYuIsStillFound() throws {
        let sample = "国家发展改革委 财政部关\n于推进试点工作的通知\n\n各省、自治区、直辖市发展改革委：\n\n现就有关事项通知如下。\n"
        let text = NormalizedText(try SourceText(path: "t.txt", bytes: Array(sample.utf8)))
        let segments = segmentDocuments(text)
        #expect(segments.contains { $0.title == "国家发展改革委 财政部关于推进试点工作的通知" })
    }
}

/// TOC and preface headings (their first-scalar prefilter must not lose any).
@Suite struct HeadingWordTests {
    @Test func tocHeadings() {
        for s in ["目录", "目 录", " 目次", "CONTENTS", "Contents", "contents", "目录 CONTENTS"] {
            #expect(ParagraphRoles.isTOCHeading(s), "\(s)")
        }
        for s in ["目标任务", "总则", "Content", "C", ""] { #expect(!ParagraphRoles.isTOCHeading(s), "\(s)") }
    }

    @Test func prefaceHeadings() {
        for s in ["前言", "前 言", "序言", "序", "卷首语", "编者按", "导读", "引言"] {
            #expect(ParagraphRoles.isPrefaceHeading(s), "\(s)")
        }
        for s in ["前期工作", "引导", "序号", "总则", ""] { #expect(!ParagraphRoles.isPrefaceHeading(s), "\(s)") }
    }

    @Test func newsSourceLines() {
        #expect(ParagraphRoles.newsSourceWithDate("人民日报 2023-07-19")! == ("人民日报", "2023-07-19"))
        #expect(ParagraphRoles.newsSourceWithDate("新华社 2023.7.9")?.source == "新华社")
        #expect(ParagraphRoles.newsSourceWithDate("本项目总投资为12亿元共计2023") == nil)
    }
}

/// Header lines longer than the segmenter's stored paragraph text are still read as header lines.
@Suite struct LongHeaderLineTests {
    @Test func addresseeOfMoreThanSixHundredBytes() throws {
        let addressee = "各" + String(repeating: "省财政厅、", count: 45) + "有关单位："
        #expect(addressee.utf8.count > DocumentSegmenter.storedTextLimit)
        #expect(addressee.utf8.count <= DocumentSegmenter.textLimit)
        let sample = "财政部关于做好试点工作的通知\n\n\(addressee)\n\n现就有关事项通知如下。\n\n财政部\n\n2023年5月6日\n"
        let text = NormalizedText(try SourceText(path: "t.txt", bytes: Array(sample.utf8)))
        let notice = segmentDocuments(text).first { $0.title == "财政部关于做好试点工作的通知" }
        #expect(notice?.addressee == addressee)
    }
}

/// Source credits and attachment lines (byte prefilters in front of the String work).
@Suite struct CreditAndAttachmentLineTests {
    @Test func sourceCredits() {
        #expect(ParagraphRoles.sourceCredit("来源：新华社") == "新华社")
        #expect(ParagraphRoles.sourceCredit("（来源：人民网）") == "人民网")
        #expect(ParagraphRoles.sourceCredit("(来源:经济日报)") == "经济日报")
        #expect(ParagraphRoles.sourceCredit("信息来源：财政部") == "财政部")
        #expect(ParagraphRoles.sourceCredit("文章来源：中国政府网") == "中国政府网")
        #expect(ParagraphRoles.sourceCredit("稿源：光明日报") == "光明日报")
        for s in ["来自基层的声音", "原来源：某报", "（注：来源：某报）", "文件精神", "（来源：某报", "", "("] {
            #expect(ParagraphRoles.sourceCredit(s) == nil, "\(s)")
        }
    }

    @Test func attachments() {
        #expect(ParagraphRoles.attachment("附件1：示范建设实施方案") == "示范建设实施方案")
        #expect(ParagraphRoles.attachment("附：《项目管理办法》") == "项目管理办法")
        #expect(ParagraphRoles.attachment("附件：1. 申报指南") == "申报指南")
        for s in ["附近地区", "附件", "", "件：x"] { #expect(ParagraphRoles.attachment(s) == nil, "\(s)") }
    }
}
