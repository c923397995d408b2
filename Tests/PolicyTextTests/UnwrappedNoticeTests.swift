import PolicyCore
import Testing
@testable import PolicyText

/// A notice written one paragraph a line (no hard wrapping), with short section headings of equal width and body
/// sentences that hold dates and agency names. Text written for this test.
@Suite struct UnwrappedNoticeTests {
    static let notice = """
    生态环境部 水利部关于开展河湖生态缓冲带修复试点工作的通知
    环办〔2024〕37号
    各省、自治区、直辖市生态环境厅（局）、水利厅（局）：
    为推进河湖生态缓冲带修复，现就试点有关事项通知如下。
    一、工作目标
    到2027年，试点河段生态缓冲带植被覆盖率达到80%以上。
    二、主要任务
    水利部会同有关部门编制修复技术指南，于2024年9月底前印发实施。
    三、保障措施
    试点地区要统筹安排资金，每个试点补助不超过2000万元。
    四、进度安排
    请于2025年6月30日前将试点进展报送生态环境部。
    五、监督检查
    2025年12月底前生态环境部组织开展评估
    六、其他事项
    本通知自印发之日起施行。
    附：《河湖生态缓冲带修复试点申报表》
    生态环境部
    水利部
    2024年5月20日
    """

    @Test func equallyWideHeadingsDoNotMakeTheTextHardWrapped() throws {
        let text = try Support.normalize(Self.notice)
        // Six headings of the same width are not a wrap width: every line stays its own paragraph.
        #expect(text.profile.fullLineWidth == 0)
        #expect(text.paragraphRanges.count == Self.notice.split(separator: "\n").count)
    }

    @Test func titleNumberDateAndSignatureSurviveDatedBodySentences() throws {
        let text = try Support.normalize(Self.notice)
        let docs = segmentDocuments(text)
        try #require(docs.count == 1)
        let doc = docs[0]
        #expect(doc.kind == .notice)
        #expect(doc.title == "生态环境部 水利部关于开展河湖生态缓冲带修复试点工作的通知")
        #expect(doc.docNumber?.text == "环办〔2024〕37号")
        #expect(doc.addressee == "各省、自治区、直辖市生态环境厅（局）、水利厅（局）：")
        // The date line holds only a date; sentences with a date and an agency are body text.
        #expect(doc.date == "2024-05-20")
        #expect(doc.signatureLines.map(\.text) == ["生态环境部", "水利部"])
        if let r = doc.dateRange { #expect(text.text(r) == "2024年5月20日") }
        #expect(doc.attachments == ["河湖生态缓冲带修复试点申报表"])
        #expect(doc.firstLine == 1)
        #expect(doc.lastLine == Self.notice.split(separator: "\n").count)
    }

    @Test func datedBodySentencesAreNeitherSignatureNorDateLines() {
        let sentences = ["请于2025年6月30日前将试点进展报送生态环境部。", "2025年12月底前生态环境部组织开展评估",
                         "水利部会同有关部门编制修复技术指南，于2024年9月底前印发实施。"]
        for s in sentences {
            #expect(!ParagraphRoles.isSignatureLine(s), "\(s)")
            #expect(ChineseDate.parseWhole(s) == nil, "\(s)")
        }
        #expect(ParagraphRoles.isSignatureLine("生态环境部"))
        #expect(ParagraphRoles.isSignatureLine("生态环境部 水利部"))
        #expect(ChineseDate.parseWhole("2024年5月20日") == "2024-05-20")
    }

    @Test func hardWrappedBodyStillJoins() throws {
        // The same kind of notice, its body hard-wrapped at 30 characters: wrapped lines join, headings do not.
        var lines = ["交通运输部关于开展农村公路养护试点的通知", "交办〔2023〕12号", "各省、自治区、直辖市交通运输厅（局、委）："]
        let body = String(repeating: "各地要加强农村公路日常养护，建立健全养护长效机制，落实养护资金和人员。", count: 6)
        var scalars = Array(body.unicodeScalars)
        while !scalars.isEmpty {
            let n = min(30, scalars.count)
            lines.append(String(String.UnicodeScalarView(scalars[0..<n])))
            scalars.removeFirst(n)
        }
        lines += ["交通运输部", "2023年3月8日"]
        let text = try Support.normalize(lines.joined(separator: "\n"))
        #expect(text.profile.fullLineWidth > 0)
        // Title, 文号, addressee, the body as one paragraph, signature, date.
        #expect(text.paragraphRanges.count == 6)
        let docs = segmentDocuments(text)
        try #require(docs.count == 1)
        #expect(docs[0].title == "交通运输部关于开展农村公路养护试点的通知")
        #expect(docs[0].docNumber?.text == "交办〔2023〕12号")
        #expect(docs[0].date == "2023-03-08")
        #expect(docs[0].signatureLines.map(\.text) == ["交通运输部"])
    }
}
