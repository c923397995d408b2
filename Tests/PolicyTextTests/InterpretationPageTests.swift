import Testing
import TestSupport
@testable import PolicyText

/// Pages about one document (issue 12): a 政策解读 or 图解 page headed by the document's title in 《》, and a 问答 page
/// whose question opens with the title ("…实施方案的适用对象是什么？"). The document is the one the page is about, with
/// the 文号 the page cites after its title. Each on two sources' shapes and a near miss; every fixture is written for
/// these tests.
extension DocumentLayoutRuleTests {
    @Test func anInterpretationPageIsAboutTheDocumentItsHeadingNames() throws {
        let portal = try #require(try Self.segments("""
        关于《温州市促进跨境电商发展若干政策》的政策解读
        一、起草背景
        为贯彻落实省有关部署，市商务局起草了《温州市促进跨境电商发展若干政策》（温政办发〔2031〕12号），现解读如下。
        """).first)
        #expect(portal.title == "温州市促进跨境电商发展若干政策")
        #expect(portal.docNumber?.text == "温政办发〔2031〕12号")
        #expect(portal.layout == .reportedDocument)
        let graphic = try #require(try Self.segments("""
        一图读懂《某某县农村人居环境整治三年行动方案》
        发布时间：2031-05-06
        图片内容如下。
        """).first)
        #expect(graphic.title == "某某县农村人居环境整治三年行动方案")
        // Near miss: a heading that names a document but interprets nothing is a news item about it.
        let meeting = try Self.segments("""
        《某某县农村人居环境整治三年行动方案》征求意见座谈会召开
        5月6日上午，县农业农村局召开座谈会，听取各方意见。
        """)
        #expect(meeting.allSatisfy { $0.title != "某某县农村人居环境整治三年行动方案" })
    }

    @Test func aQuestionOpenedByADocumentsTitleIsAboutThatDocument() throws {
        let qa = try #require(try Self.segments("""
        【商务局】某某区促进夜间经济发展实施方案（2031—2033年）的支持对象是什么？
        【问】某某区促进夜间经济发展实施方案（2031—2033年）的支持对象是什么？
        答：辖区内依法登记的商户。
        """).first)
        #expect(qa.title == "某某区促进夜间经济发展实施方案（2031—2033年）")
        let county = try #require(try Self.segments("""
        某某县稳就业若干措施的补贴标准有哪些？
        答：按照吸纳人数给予一次性补贴。
        """).first)
        #expect(county.title == "某某县稳就业若干措施")
        // Near miss: a question whose subject is no document's title.
        let plain = try Self.segments("""
        企业如何申报技术改造补贴？
        答：登录平台填写申报表。
        """)
        #expect(plain.allSatisfy { $0.title == nil || $0.layout != .reportedDocument })
    }

    @Test func aColumnLabelBeforeTheTitleNamesTheDocumentThePageIsAbout() throws {
        let company = try #require(try Self.segments("""
        服务热线：
        0571-88886666
        政策解读 | 浙江省全民健身实施计划(2031-2035年)
        一、目标任务
        到2035年，经常参加体育锻炼人数比例达到45%以上。
        """).first { $0.title != nil })
        #expect(company.title == "浙江省全民健身实施计划(2031-2035年)")
        #expect(company.layout == .reportedDocument)
        let district = try #require(try Self.segments("""
        图解｜某某区促进民营经济高质量发展若干措施
        图片内容如下。
        """).first)
        #expect(district.title == "某某区促进民营经济高质量发展若干措施")
        // Near miss: a column label before a heading that is no document's title.
        let column = try Self.segments("""
        热点解读 | 今年我市经济运行稳中向好
        一季度全市生产总值同比增长。
        """)
        #expect(column.allSatisfy { $0.layout != .reportedDocument })
    }
}
