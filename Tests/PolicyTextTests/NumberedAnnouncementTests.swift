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
}
