import Testing
import TestSupport
@testable import PolicyText

/// A page's metadata table labels the body below it even when portal chrome sits between them: a breadcrumb above the
/// table is never its title (its last crumb may be a genre word), labels letter-spaced by one or two spaces, bulleted
/// with ∙, and the 发布文号 label make the table. Each on two sources' shapes and a near miss; every fixture is written for these tests.
extension DocumentLayoutRuleTests {
    // MARK: - A table under a breadcrumb labels the body below the chrome

    @Test func aTableWithNoTitleLabelsTheBodyBelowThePageChrome() throws {
        // A county portal: breadcrumb, a table with letter-spaced labels and several pairs a line, a share button.
        let county = try Self.segments("""
        当前位置：首页
        > 政务公开 > 规划计划 > 发展计划
        索  引  号 0012345/2031-00042 公开方式 主动公开
        发布机构 青禾县发展和改革局 组配分类 发展计划
        成文日期 2031-03-04 废止日期
        分享
        青禾县人民政府
        关于下达青禾县2031年重点项目计划的通知
        青政发〔2031〕5号
        各乡镇人民政府，县政府各部门：
        现将青禾县2031年重点项目计划下达给你们，请认真组织实施。
        青禾县人民政府
        2031年3月4
        """)
        let notice = try #require(county.first { $0.title?.hasSuffix("重点项目计划的通知") == true })
        #expect(notice.date == "2031-03-04")
        #expect(notice.metadata.contains { $0.element == .publisher && $0.text == "青禾县发展和改革局" })
        #expect(!county.contains { $0.title?.contains("政务公开") == true })
        // A law database's article attributes, bulleted with ∙, "正文" between them and the wrapped title.
        let database = try Self.segments("""
        文章属性
        ∙【制定机关】某某市人民政府办公厅
        ∙【公布日期】2032.02.03
        ∙【字 号】某政办〔2032〕4号
        ∙【效力等级】地方规范性文件
        正文
        市人民政府办公厅关于印发某某市2032年
        为民办实事项目分工方案的通知
        某政办〔2032〕4号
        各区人民政府，市人民政府各部门：
        现将分工方案印发给你们，请认真贯彻执行。
        """)
        let office = try #require(database.first { $0.title != nil })
        #expect(office.metadata.contains { $0.element == .issuer && $0.text == "某某市人民政府办公厅" })
        #expect(office.docNumber?.text == "某政办〔2032〕4号")
    }

    @Test func aGenreHeadingAboveATableStillTitlesIt() throws {
        // Near miss: the line above the table is the page's own heading (no breadcrumb separators): it titles the
        // table, and the body below is another document.
        let page = try Self.segments("""
        青禾县2031年国民经济和社会发展计划
        索引号：0012345/2031-00042
        发布机构：青禾县发展和改革局
        成文日期：2031-03-04
        2031年是开局之年，全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。
        """)
        let plan = try #require(page.first { $0.title != nil })
        #expect(plan.title == "青禾县2031年国民经济和社会发展计划")
        #expect(plan.metadata.contains { $0.element == .date && $0.text == "2031-03-04" })
    }

    // MARK: - Labels

    @Test func aBreadcrumbIsNotATitle() {
        #expect(PageFurniture.isBreadcrumb(Array("> 政务公开 > 规划计划 > 发展计划".unicodeScalars)))
        #expect(PageFurniture.isBreadcrumb(Array("首页 » 信息公开 » 通知公告".unicodeScalars)))
        // Near miss: a title with a comparison sign in it.
        #expect(!PageFurniture.isBreadcrumb(Array("关于印发《空气质量指数>100时应急方案》的通知".unicodeScalars)))
        #expect(!PageFurniture.isBreadcrumb(Array("某某县发展计划".unicodeScalars)))
    }

    @Test func labelsLetterSpacedByOneOrTwoSpacesAndThePublicationNumberLabel() {
        let twoSpaces = DocumentLabels.fields(in: Array("索  引  号 0012345/2031-00042 公开方式 主动公开".unicodeScalars))
        #expect(twoSpaces.map(\.label) == ["索引号", "公开方式"])
        let oneSpace = DocumentLabels.fields(in: Array("∙【字 号】某政办〔2032〕4号".unicodeScalars))
        #expect(oneSpace.map(\.element) == [.docNumber])
        #expect(DocumentNumber.parse("发布文号: 某政发[2031]27号")?.text == "某政发〔2031〕27号")
        #expect(DocumentNumber.parse("【发布文号】某府发[2032]3号")?.text == "某府发〔2032〕3号")
        // Near miss: three spaces between characters are a gap, not a letter-spaced label.
        #expect(DocumentLabels.fields(in: Array("索   引   号 0012345".unicodeScalars)).isEmpty)
    }
}
