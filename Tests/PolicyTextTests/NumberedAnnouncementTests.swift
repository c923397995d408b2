import Testing
import TestSupport
@testable import PolicyText

/// 文号 and 成文日期 as flattened and converted pages bring them (issue 12): a year typed with a letter O or a circle for
/// 0, an announcement numbered only in its title ("某某海关2031年第3号公告"), and a body flattened into one paragraph
/// with its closing formula, 署名 and date run on at its end. Each on two sources' shapes and a near miss; every
/// fixture is written for these tests.
extension DocumentLayoutRuleTests {
    // MARK: - A year with a letter O for 0

    @Test func aYearWithALetterOForZeroIsKeptAsWritten() throws {
        let lawDatabase = try #require(DocumentNumber.parse("(湘政函[20O9]118号)"))
        #expect(lawDatabase.text == "湘政函〔20O9〕118号")
        #expect(lawDatabase.year == 2009 && lawDatabase.serial == 118)
        let scanned = try #require(DocumentNumber.parse("黔府发〔2O1O〕7号"))
        #expect(scanned.text == "黔府发〔2O1O〕7号")
        #expect(scanned.year == 2010)
        let circle = try #require(DocumentNumber.parse("渝办发〔2○○8〕15号"))
        #expect(circle.year == 2008)
        // Near misses: a year that does not start with a digit, and three characters only.
        #expect(DocumentNumber.parse("湘政函〔O209〕118号") == nil)
        #expect(DocumentNumber.parse("湘政函〔2O9〕118号") == nil)
    }

    // MARK: - An announcement numbered only in its title

    @Test func anAnnouncementNumberedInItsTitleCarriesThatNumber() throws {
        let customs = try #require(DocumentNumber.numberedTitle("中华人民共和国某某海关2031年第7号公告"))
        #expect(customs.text == "2031年第7号")
        #expect(customs.prefix == "中华人民共和国某某海关" && customs.category == "公告" && customs.isAnnouncement)
        let order = try #require(DocumentNumber.numberedTitle("某某市人民政府2030年第2号令"))
        #expect(order.text == "2030年第2号" && order.category == "令" && order.year == 2030)
        let page = try #require(try Self.segments("""
        某某省税务局2031年第4号公告
        为优化纳税服务，现就有关事项公告如下。
        特此公告。
        """).first)
        #expect(page.docNumber?.text == "2031年第4号")
        // Near misses: no issuer before the number, and a number that is no announcement's.
        #expect(DocumentNumber.numberedTitle("2031年第7号公告") == nil)
        #expect(DocumentNumber.numberedTitle("某某海关2031年第7号文件") == nil)
    }

    // MARK: - Closing formula, 署名 and date run on at a flattened body's end

    @Test func aFlattenedBodyEndsWithItsClosingFormulaAndDate() throws {
        let portal = try #require(try Self.segments("""
        某某海关2031年第7号公告
        因系统升级，相关业务暂停办理。现将有关事项公告如下： 一、暂停期间不受理申报。 二、企业应提前预约。 特此公告。 二〇三一年六月二日 |
        """).first)
        #expect(portal.date == "2031-06-02")
        let signed = try #require(DocumentSegmenter.closingFormulaDate("…请各单位按时报送。特此通知。 某某县教育局 2030年9月1日"))
        #expect(signed.date == "2030-09-01" && signed.issuer == "某某县教育局")
        #expect(DocumentSegmenter.closingFormulaDate("…同意你区的请示。此复。 二○三○年三月五日")?.date == "2030-03-05")
        // Near miss: a date after the formula that is part of the text, not the paragraph's end.
        #expect(DocumentSegmenter.closingFormulaDate("特此通知。2030年9月1日起施行本办法，请遵照执行。") == nil)
    }

    // MARK: - A 文号 run on after the title of a document flattened onto one line

    @Test func aDocNumberSpacedOffAfterTheTitleOnOneLine() throws {
        let city = try #require(try Self.segments("""
        九江市人民政府关于印发九江市促进外贸稳规模优结构若干措施的通知 九府发〔2031〕6号 各县（市、区）人民政府，市政府各部门：现将《九江市促进外贸稳规模优结构若干措施》印发给你们，请认真贯彻执行。 九江市人民政府 2031年3月9日
        """).first)
        #expect(city.docNumber?.text == "九府发〔2031〕6号")
        let province = try #require(try Self.segments("""
        安徽省人民政府办公厅关于加快发展银发经济的实施意见 皖政办〔2030〕14号 各市、县人民政府，省政府各部门、各直属机构：经省政府同意，现提出如下实施意见。\(Self.runOnText) 安徽省人民政府办公厅 2030年6月2日
        """).first)
        #expect(province.docNumber?.text == "皖政办〔2030〕14号")
        // Near miss: a 文号 cited later in the body is another document's.
        let cited = try #require(try Self.segments("""
        九江市人民政府关于印发九江市促进外贸稳规模优结构若干措施的通知 各县（市、区）人民政府，市政府各部门：根据赣府发〔2031〕2号要求，现将《九江市促进外贸稳规模优结构若干措施》印发给你们。 九江市人民政府 2031年3月9日
        """).first)
        #expect(cited.docNumber == nil)
    }

    // MARK: - A metadata table flattened with its cell rules, labels letter-spaced

    @Test func aLetterSpacedMetadataTableInCellRules() throws {
        let portal = try #require(try Self.segments("""
        | 索 引 号： | 114406000000/2031-00012 | 分 类： | 综合政务 |
        | 发文机关： | 某某市某某区人民政府办公室 | 成文日期： | 2031-06-20 |
        | 标 题： | 某某区人民政府办公室关于印发某某区文旅产业扶持办法的通知 |
        | 文 号： | 某府办〔2031〕18号 | 发布日期： | 2031-06-24 |
        各镇人民政府、街道办事处，区政府各部门：
        现将《某某区文旅产业扶持办法》印发给你们，请认真贯彻执行。
        """).first { $0.title != nil })
        #expect(portal.title == "某某区人民政府办公室关于印发某某区文旅产业扶持办法的通知")
        #expect(portal.docNumber?.text == "某府办〔2031〕18号")
        #expect(portal.date == "2031-06-20")
        let list = try #require(try Self.segments("""
        文　号：某政发〔2030〕7号
        标　题：某某县人民政府关于加强耕地保护的通知
        成文日期：2030-04-06
        各乡镇人民政府：
        现将有关事项通知如下。
        """).first { $0.title != nil })
        #expect(list.docNumber?.text == "某政发〔2030〕7号")
        // Near miss: a body sentence whose words happen to be a label's characters spaced out is no field.
        #expect(DocumentLabels.fields(in: Array("标 准 化工作取得进展，文 件 齐全。".unicodeScalars)).isEmpty)
    }
}
