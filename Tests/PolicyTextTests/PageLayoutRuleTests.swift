import Testing
import TestSupport
@testable import PolicyText

/// Page and gazette layouts (issue 12): a title above a page's publication line below long navigation, a page's
/// publisher and numeric date under the title that a dated 署名 after the body replaces, and a title's bracketed note
/// naming its issuer and date. Each on two sources' shapes and a near miss; every fixture is written for these tests.
extension DocumentLayoutRuleTests {
    // MARK: - A title above the page's publication line

    @Test func aTitleAboveThePublicationLineBelowLongNavigation() throws {
        let navigation = (1...12).map { "栏目\($0)" }.joined(separator: "\n")
        try Self.assertFirstTitled(MarkedText("""
        \(navigation)
        当前位置：首页>>信息公开>>通知公告
        ⟦标题:某某市人民法院诉讼服务中心工作规则（试行）⟧
        时间：2031-03-13  作者：  来源：本院
        第一章 总则
        第一条 为规范诉讼服务中心工作，制定本规则。
        """))
        try Self.assertFirstTitled(MarkedText("""
        \(navigation)
        网站首页 > 政务公开
        ⟦标题:青禾县政务服务事项办理实施办法⟧
        发布日期：2032年5月6日 浏览次数：120 来源：县政务服务中心
        第一条 为规范政务服务事项办理，制定本办法。
        """))
        // Near miss: a genre line below the navigation with no publication line under it is a link, not the title.
        let links = try Self.segments("""
        \(navigation)
        青禾县政务服务事项办理实施办法
        某某市人民法院诉讼服务中心工作规则
        第一条 为规范政务服务事项办理，制定本办法。
        """)
        #expect(links.allSatisfy { $0.title == nil })
    }

    @Test func aPublicationLineHoldsADateAndTwoPostingLabels() {
        #expect(DocumentSegmenter.isPublicationLine("时间：2031-03-13  作者：  来源：本院"))
        #expect(DocumentSegmenter.isPublicationLine("发布日期：2032年5月6日 浏览次数：120"))
        // Near misses: a date with one label, and labels with no date.
        #expect(!DocumentSegmenter.isPublicationLine("发布日期：2032年5月6日"))
        #expect(!DocumentSegmenter.isPublicationLine("作者：张三 来源：本站"))
    }

    // MARK: - A page's publisher and date under the title

    @Test func aDatedSignatureAfterTheBodyReplacesThePagesPublisherAndDate() throws {
        let zone = try #require(try Self.segments("""
        关于印发《某某开发区防汛应急预案》的通知
        某某市水利局某某开发区分局
        2031-06-03
        各街道办事处，管委会各部门：
        《某某开发区防汛应急预案》已经管委会同意，现印发给你们，请认真执行。
        某某开发区管理委员会办公室
        2031年5月30日
        """).first)
        #expect(zone.date == "2031-05-30")
        #expect(zone.signatureLines.map(\.text) == ["某某开发区管理委员会办公室"])
        let county = try #require(try Self.segments("""
        青禾县人民政府办公室关于做好秋冬季森林防火工作的通知
        青禾县应急管理局
        2032/10/08
        各乡镇人民政府，县直各单位：
        现将秋冬季森林防火工作有关事项通知如下，请认真贯彻执行。
        青禾县人民政府办公室
        二〇三二年九月二十八日
        """).first)
        #expect(county.date == "2032-09-28")
        #expect(county.signatureLines.map(\.text) == ["青禾县人民政府办公室"])
        // Near miss: a numeric date with its signer at the end of the body is the 成文日期 and stays.
        let end = try #require(try Self.segments("""
        青禾县人民政府办公室关于做好春季植树工作的通知
        各乡镇人民政府，县直各单位：
        现将春季植树工作有关事项通知如下，请认真贯彻执行。
        青禾县人民政府办公室
        2032-03-01
        """).first)
        #expect(end.date == "2032-03-01")
        #expect(end.signatureLines.map(\.text) == ["青禾县人民政府办公室"])
    }

    // MARK: - A title's note naming its issuer and date

    @Test func aTitleNoteNamesTheIssuerAndTheDate() throws {
        try Self.assertFirstTitled(MarkedText("""
        ⟦标题:关于某某海域界线的声明⟧
        （二〇三一年五月十五日 ⟦发文机关署名:国务院⟧）
        某某海域的界线由下列各点之间的直线连接组成。
        """))
        try Self.assertFirstTitled(MarkedText("""
        ⟦标题:关于某某市属国有企业投资管理的暂行办法⟧
        (⟦发文机关署名:某某市国有资产监督管理委员会⟧ 2031年10月6日)
        第一条 为规范市属国有企业投资管理，制定本办法。
        """))
        #expect(DocumentSegmenter.titleNote("（二〇三一年五月十五日 国务院）")?.date == "2031-05-15")
        // Near miss: a note of adoption names a meeting, not a signer.
        #expect(DocumentSegmenter.titleNote("（2031年10月6日某某市人民政府第12次常务会议通过）") == nil)
    }

    // MARK: - A cover excerpt with its addressee and sentence on one line

    @Test func aCoverExcerptGluedOnOneLineIsTitledByWhatItIssues() throws {
        let plan = try #require(try Self.segments("""
        各区、县人民政府，市政府各部门：《白石市创建创业型城市工作意见》已经市人民政府同意，现印发给你们，请认真贯彻执行。
        二〇三一年四月二十八日
        """).first)
        #expect(plan.title == "白石市创建创业型城市工作意见")
        #expect(plan.date == "2031-04-28")
        let measures = try #require(try Self.segments("""
        各乡镇人民政府，县直各单位:现将《青禾县农村供水工程管理办法》印发给你们，请遵照执行。
        2032年1月9日
        """).first)
        #expect(measures.title == "青禾县农村供水工程管理办法")
        // Near miss: a colon in an ordinary sentence that cites a title opens no excerpt.
        let prose = try Self.segments("""
        会议指出：《青禾县农村供水工程管理办法》印发以来，供水保障能力明显提升。
        2032年1月9日
        """)
        #expect(prose.allSatisfy { $0.title == nil })
    }

    // MARK: - A document flattened into one line from its header

    @Test func aHeaderFlattenedIntoOneLineGivesTitleNumberAndDate() throws {
        let sharing = try #require(try Self.segments("""
        1、青教函203112号青禾县教育局关于印发青禾县骨干教师培养方案(2031-2033年)的通知各乡镇中心学校，县直各学校:现将青禾县骨干教师培养方案(2031-2033年)印发给你们，请遵照执行。 青禾县教育局 2032年1月8日青禾县骨干教师培养方案(2031-2033年)为加强骨干教师队伍建设，制定本方案。
        2、一、培养目标……
        """).first { $0.title != nil })
        #expect(sharing.title == "青禾县教育局关于印发青禾县骨干教师培养方案(2031-2033年)的通知")
        #expect(sharing.docNumber?.text == "青教函〔2031〕12号")
        #expect(sharing.date == "2032-01-08")
        let bracketed = try #require(try Self.segments("""
        白政办发〔2032〕7号白石市人民政府办公室关于做好防汛抗旱工作的通知各区县人民政府，市政府各部门：为做好今年防汛抗旱工作，现将有关事项通知如下。一、压实责任……白石市人民政府办公室2032年5月6日
        """).first { $0.title != nil })
        #expect(bracketed.title == "白石市人民政府办公室关于做好防汛抗旱工作的通知")
        #expect(bracketed.docNumber?.text == "白政办发〔2032〕7号")
        #expect(bracketed.date == "2032-05-06")
        // Near miss: a long line of prose with a colon is no header, whatever it cites.
        let prose = try Self.segments("""
        会议强调，各地要认真学习青禾县教育局关于做好教师培训工作的通知精神，各乡镇中心学校、县直各学校：要把培训工作摆在突出位置，确保取得实效，切实提高教师队伍整体素质和教育教学水平。
        """)
        #expect(prose.allSatisfy { $0.title == nil })
    }

    @Test func aBracketlessDocNumberBeforeATitle() {
        let a = Array("滨教函202011号滨州市".unicodeScalars)
        #expect(DocumentNumber.bracketless(a, at: 0)?.number.text == "滨教函〔2020〕11号")
        let b = Array("青政发20315号青禾县".unicodeScalars)
        #expect(DocumentNumber.bracketless(b, at: 0)?.number.text == "青政发〔2031〕5号")
        // Near misses: a count of people, a year alone.
        #expect(DocumentNumber.bracketless(Array("全市新增就业12000人".unicodeScalars), at: 0) == nil)
        #expect(DocumentNumber.bracketless(Array("截至2031年底".unicodeScalars), at: 0) == nil)
    }
}
