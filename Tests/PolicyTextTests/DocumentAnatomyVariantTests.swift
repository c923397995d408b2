import Testing
import TestSupport
@testable import PolicyText

/// GB/T 9704 elements in the variants unseen pages bring (issue 12): an announcement's heading that numbers its
/// issuers and brackets its title, the note of adoption or revision under a title that dates it, a 成文日期 that lost
/// 年月日 under the 署名 of a page with no date of its own, a metadata table that numbers a notice whose title the
/// page lost, a title between a forum's tags, and an addressee ended by a look-alike colon. Each rule on two
/// sources' shapes and a near miss; every fixture is written for these tests.
extension DocumentLayoutRuleTests {
    // MARK: - A portal's button line is no part of a title

    @Test func aButtonLineAboveACoverIsNoPartOfItsTitle() throws {
        // A county portal prints its share button between the metadata and the cover; a ministry page its print and
        // close buttons above the title.
        let county = try #require(try Self.segments("""
        成文日期 2031-02-22
        分享

        东岭县人民政府

        关于下达东岭县2031年重点项目计划的通知

        东政发〔2031〕3号

        各镇政府，县政府各部门：
        现将计划下达给你们，请认真贯彻执行。
        """).first { $0.title?.contains("关于") == true })
        #expect(county.title == "东岭县人民政府关于下达东岭县2031年重点项目计划的通知")
        let ministry = try #require(try Self.segments("""
        【打印本页】【关闭窗口】
        某某部关于做好2031年春季农业生产工作的通知
        各省、自治区、直辖市农业农村厅：
        现就有关事项通知如下。
        """).first { $0.title != nil })
        #expect(ministry.title == "某某部关于做好2031年春季农业生产工作的通知")
        #expect(PageFurniture.isWidgetLine(Array("字号：大 中 小 | 打印 | 关闭".unicodeScalars)))
        // Near misses: a title about printing is a title, and a line of one size letter is no button line.
        #expect(!PageFurniture.isWidgetLine(Array("关于规范打印服务收费的通知".unicodeScalars)))
        #expect(!PageFurniture.isWidgetLine(Array("中".unicodeScalars)))
    }

    // MARK: - Announcement heading: issuers + 公告 + number + (title)

    @Test func anAnnouncementHeadingNumbersItsIssuersAndBracketsItsTitle() throws {
        let joint = try #require(DocumentNumber.announcementHeading("某某部 某某总署 某某总局公告2031年第6号（关于调整某类商品进口税收政策的公告）"))
        #expect(joint.number.text == "2031年第6号" && joint.number.prefix == "某某部 某某总署 某某总局")
        #expect(joint.title == "关于调整某类商品进口税收政策的公告")
        let customs = try #require(DocumentNumber.announcementHeading("某某海关总署公告 2030年第41号(关于进口某国鲜食水果植物检疫要求的公告)"))
        #expect(customs.number.text == "2030年第41号" && customs.number.year == 2030 && customs.number.serial == 41)
        // In a page: the heading starts the document, its issuers stand for the 署名 the page left out.
        let page = try #require(try Self.segments("""
        首页 » 政策发布
        某某部 某某总局公告2031年第12号（关于延续某项税收优惠政策的公告）
        为支持小微企业发展，现将有关政策公告如下：
        一、本公告执行至2033年12月31日。
        """).first { $0.title != nil })
        #expect(page.title == "关于延续某项税收优惠政策的公告")
        #expect(page.docNumber?.text == "2031年第12号")
        #expect(page.signatureLines.map(\.text) == ["某某部 某某总局"])
        // Numbered on its own line under the title, no 署名 printed: the number's bodies all the same.
        let below = try #require(try Self.segments("""
        关于延续某项税收优惠政策的公告
        某某部 某某总局公告 2031年第 32号
        为支持小微企业发展，现将有关政策公告如下：
        一、本公告执行至2033年12月31日。
        """).first { $0.title != nil })
        #expect(below.signatureLines.map(\.text) == ["某某部 某某总局"])
        // Near misses: a bracket that names no document, and a 文号 that is no announcement's.
        #expect(DocumentNumber.announcementHeading("某某部公告2031年第6号（附件清单）") == nil)
        #expect(DocumentNumber.announcementHeading("某政发〔2031〕6号（关于某事项的通知）") == nil)
    }

    // MARK: - The note of adoption or revision under a title

    @Test func anAdoptionNoteUnderTheTitleDatesTheDocument() throws {
        let county = try #require(try Self.segments("""
        某某县人民政府工作规则
        发布时间：2031-02-03
        （2031年1月28日第五届县政府第2次常务会议通过）
        第一章 总则
        一、为规范县政府工作，制定本规则。
        """).first { $0.title != nil })
        #expect(county.date == "2031-01-28")
        let party = try #require(try Self.segments("""
        中共某某市委关于制定某某市国民经济和社会发展第十五个五年规划的建议
        (2030年11月30日中国共产党某某市第十四届委员会第九次全体会议通过)
        一、开启现代化建设新征程
        """).first { $0.title != nil })
        #expect(party.date == "2030-11-30")
        // Revised twice, the second note wrapped over two lines and its date without 年 and 月: the latest revision.
        let revised = try #require(try Self.segments("""
        某某自治州人民代表大会常务委员会机关公文处理办法
        2028年3月2日某某自治州第十一届人民代表大会常务委员会第六次主任会议修订
        2031826日某某自治州第十二届人民代表大会
        常务委员会第三次主任会议修订
        第一章 总则
        """).first { $0.title != nil })
        #expect(revised.date == "2031-08-26")
        #expect(DocumentSegmenter.adoptionNote("（2031年1月28日在某市第五届人民代表大会第三次会议通过）") == "2031-01-28")
        // Near misses: a body sentence about a meeting, and a dated line that adopts nothing.
        #expect(DocumentSegmenter.adoptionNote("《某某办法》已经2031年1月28日市政府常务会议审议通过") == nil)
        #expect(DocumentSegmenter.adoptionNote("（2031年1月28日某某会议纪要）") == nil)
        // A 署名 date wins over the note.
        let signed = try #require(try Self.segments("""
        某某市人民代表大会常务委员会听证规则
        （2030年10月17日某某市第七届人民代表大会常务委员会第十一次会议通过）
        第一条 为规范听证活动，制定本规则。
        某某市人民代表大会常务委员会
        2030年12月26日
        """).first { $0.title != nil })
        #expect(signed.date == "2030-12-26")
    }

    @Test func anAdoptionNoteBelowPageChromeUnderTheTitle() throws {
        let chrome = try #require(try Self.segments("""
        某某州人民代表大会常务委员会议事规则
        来源：州人大
        访问量：
        （2030年6月3日某某州第九届人民代表大会常务委员会第十次会议通过）
        第一章 总则
        """).first { $0.title != nil })
        #expect(chrome.date == "2030-06-03")
    }

    // MARK: - An undated cover: title, the body that issues it, the text

    @Test func anUndatedCoverPrintsItsIssuerUnderTheTitle() throws {
        let county = try #require(try Self.segments("""
        （某某自治区）某某盟某某旗国民经济和社会发展十五五规划（2026年更新）
        某某旗国民经济和社会发展第十五个五年规划和 2040 年远景目标纲 要
        某某旗人民政府
        “十五五”时期是全面建设社会主义现代化国家的关键时期，全旗上下要坚定信心，真抓实干，奋力开创发展新局面。
        """).first { $0.title != nil })
        #expect(county.title == "某某旗国民经济和社会发展第十五个五年规划和2040年远景目标纲要")
        #expect(county.signatureLines.map(\.text) == ["某某旗人民政府"])
        let city = try #require(try Self.segments("""
        某某市生态环境保护规划
        某某市生态环境局
        为加快建设美丽某某，根据国家和省有关要求，结合本市实际，制定本规划，规划期为五年，展望到远期。
        """).first { $0.title != nil })
        #expect(city.signatureLines.map(\.text) == ["某某市生态环境局"])
        let joint = try #require(try Self.segments("""
        某某市养老服务体系建设规划
        某某市民政局 某某市发展和改革委员会
        为加快建设养老服务体系，根据国家和省有关要求，结合本市实际，制定本规划，规划期为五年，展望到远期。
        """).first { $0.title != nil })
        #expect(joint.signatureLines.map(\.text) == ["某某市民政局 某某市发展和改革委员会"])
        // Near miss: a page's source line under a heading names the publisher, not a cover's issuer.
        let sourced = try #require(try Self.segments("""
        某某市生态环境保护规划
        来源：某某市生态环境局
        为加快建设美丽某某，根据国家和省有关要求，结合本市实际，制定本规划，规划期为五年，展望到远期。
        """).first { $0.title != nil })
        #expect(sourced.signatureLines.isEmpty)
    }

    // MARK: - A 成文日期 that lost 年月日 under the 署名, no page date

    @Test func aLostGlyphDateUnderTheSignatureNeedsNoPageDate() throws {
        let district = try #require(try Self.segments("""
        某某区人民政府关于印发某某区创建高新技术产业开发区工作方案的通知
        某府发〔2031〕20号
        各镇乡人民政府，区政府各部门：
        现将《某某区创建高新技术产业开发区工作方案》印发给你们，请认真贯彻执行。
        某某区人民政府
        2031628
        """).first { $0.title != nil })
        #expect(district.date == "2031-06-28")
        let office = try #require(try Self.segments("""
        某某县人民政府办公室关于做好某项工作的通知
        各乡镇人民政府，县直各单位：
        请按要求做好相关工作。
        某某县人民政府办公室
        20301105
        """).first { $0.title != nil })
        #expect(office.date == "2030-11-05")
        // Near misses: digits under no 署名, and a reading that disagrees with the year of the document's 文号.
        let unsigned = try #require(try Self.segments("""
        某某区人民政府关于印发某某区工作方案的通知
        各镇乡人民政府，区政府各部门：
        现将方案印发给你们。
        2031628
        """).first { $0.title != nil })
        #expect(unsigned.date == nil)
        let otherYear = try #require(try Self.segments("""
        某某区人民政府关于印发某某区工作方案的通知
        某府发〔2030〕20号
        各镇乡人民政府，区政府各部门：
        现将方案印发给你们。
        某某区人民政府
        2031628
        """).first { $0.title != nil })
        #expect(otherYear.date == nil)
    }

    // MARK: - A metadata table that numbers a notice whose title the page lost

    @Test func aMetadataTableWithANumberAndNoTitleStartsTheNotice() throws {
        let cells = try #require(try Self.segments("""
        索引号: | 0012345/2031-00380 | 公开方式: | 主动公开 |
        文号: | 某政办函〔2031〕4号 | 成文日期: | 2031-02-04 |
        发布单位: | 市政府办公厅 | 主题分类: | 综合政务 |
        各区、县（市）人民政府，市政府各部门：
        为确保民生实事如期完成，现将有关要求通知如下：
        """).first)
        #expect(cells.layout == .coverExcerpt)
        #expect(cells.docNumber?.text == "某政办函〔2031〕4号")
        #expect(cells.date == "2031-02-04")
        let lines = try #require(try Self.segments("""
        索引号：00000-0000/2030-01234
        发文字号：某府发〔2030〕11号
        成文日期：2030年5月6日
        各乡镇人民政府，县政府各部门：
        现将有关事项通知如下。
        """).first)
        #expect(lines.docNumber?.text == "某府发〔2030〕11号")
        #expect(lines.layout == .coverExcerpt)
        // Near miss: a table with a 文号 above the body text, no addressee: no untitled notice is made up (the text
        // stays an article, which names no document).
        let noAddressee = try Self.segments("""
        索引号：00000-0000/2030-01234
        发文字号：某府发〔2030〕11号
        成文日期：2030年5月6日
        近年来，我市持续推进民生工作，取得明显成效。
        """)
        #expect(noAddressee.allSatisfy { $0.layout != .coverExcerpt && $0.title == nil })
    }

    // MARK: - A title between a forum's or portal's tags

    @Test func aTitleBetweenPageTagsIsTheTitleAlone() throws {
        let forum = try #require(ParagraphRoles.officialTitle("[某区]某某省人民政府关于设立某某经济开发区的批复 [复制链接]"))
        #expect(forum.title == "某某省人民政府关于设立某某经济开发区的批复")
        let portal = try #require(ParagraphRoles.officialTitle("【通知公告】某某市人民政府关于促进高新区高质量发展的意见"))
        #expect(portal.title == "某某市人民政府关于促进高新区高质量发展的意见")
        // Near miss: a bracketed year is part of a 文号, not a tag.
        let numbered = try #require(ParagraphRoles.officialTitle("某某市人民政府关于某事项的通知（某府〔2031〕3号）"))
        #expect(numbered.docNumber?.text == "某府〔2031〕3号")
        #expect(ParagraphRoles.officialTitle("[2031]某某市人民政府关于某事项的通知")?.title != "某某市人民政府关于某事项的通知")
    }

    // MARK: - An excerpt at its 文号 below page chrome, or flattened onto one line

    @Test func anExcerptStartsAtItsNumberBelowChromeOrOnOneLine() throws {
        let chrome = try #require(try Self.segments("""
        首页 > 政府信息公开 > 政策文件
        字号：大 中 小
        打印 关闭
        某府发〔2031〕21号
        各县（市、区）人民政府，市政府各部门：
        为加快推进港口物流发展，现提出如下意见。
        """).first { $0.docNumber != nil })
        #expect(chrome.layout == .coverExcerpt && chrome.docNumber?.text == "某府发〔2031〕21号")
        let flat = try #require(try Self.segments("""
        某府发〔2031〕22号 各县（市、区）人民政府，市政府各部门：为加快推进港口物流发展，现提出如下意见。一、总体要求。坚持新发展理念，加快建设现代化港口物流体系。二、主要任务。加快港口基础设施建设，完善集疏运体系，提升港口服务水平，推动港产城融合发展。
        """).first)
        #expect(flat.layout == .coverExcerpt && flat.docNumber?.text == "某府发〔2031〕22号")
        // Near miss: a 文号 that a body paragraph opens with, no addressee after it, starts nothing.
        let cited = try Self.segments("""
        某府发〔2031〕22号文件印发以来，各地认真贯彻落实，港口物流发展取得明显成效，货物吞吐量持续增长，服务水平不断提升，营商环境持续优化，为全市经济社会发展提供了有力支撑。
        """)
        #expect(cited.allSatisfy { $0.layout != .coverExcerpt })
    }

    @Test func anAdoptionNoteFollowedByItsApprovalOrInChineseNumerals() throws {
        #expect(DocumentSegmenter.adoptionNote("（2030年10月17日某某市第七届人民代表大会常务委员会第十一次会议通过 2030年12月3日某某省第九届人民代表大会常务委员会第二十九次会议批准）") == "2030-10-17")
        #expect(DocumentSegmenter.adoptionNote("（二〇三〇年十二月二十七日中国共产党某某市第十四届委员会第九次全体会议通过）") == "2030-12-27")
        #expect(DocumentSegmenter.adoptionNote("(2031年1月5日经市政府第10次常务会议审议通过，2031年1月10日某市人民政府令第5号公布)") == "2031-01-05")
        // Near miss: a news sentence that goes on after the meeting's verb.
        #expect(DocumentSegmenter.adoptionNote("2031年1月5日市政府召开常务会议审议通过了有关事项") == nil)
    }

    // MARK: - A forum's anti-copy jammer inside a wrapped title

    @Test func aForumsJammerIsNoPartOfTheTitle() throws {
        let wrapped = try #require(try Self.segments("""
        [例二] 某某市人民政府关于对高排放机动车实施限行措施的通告
        某某市人民政府关于对高排放及 ! k! T, Q3 W8 R6 n. B
        7 h0 K5 D3 q; e8 `2 Y$ u
        无标志机动车实施限制通行措施的通告
        ! ?. q- d, j! W- f" P& \\ 1 a, G# V. v
        为改善空气质量，现通告如下：
        """).first { $0.title?.hasPrefix("某某市人民政府关于对高排放及") == true })
        #expect(wrapped.title == "某某市人民政府关于对高排放及无标志机动车实施限制通行措施的通告")
        let inline = try #require(ParagraphRoles.officialTitle("某某县人民政府关于印发某某县PM2.5治理方案的通知 7 h! K5 D3 q; e8"))
        #expect(inline.title == "某某县人民政府关于印发某某县PM2.5治理方案的通知")
        // Near miss: ASCII that belongs to a title (a pollutant, a period, a count) stays.
        #expect(ParagraphRoles.withoutJammer(Array("关于5G网络和PM2.5监测（2031-2033年）的通知".unicodeScalars))
                == Array("关于5G网络和PM2.5监测（2031-2033年）的通知".unicodeScalars))
    }

    // MARK: - An addressee ended by a look-alike colon

    @Test func anAddresseeEndedByALookAlikeColonFollowsTheDocNumber() throws {
        let ratio = try #require(try Self.segments("""
        某发[2031]68号
        各省、自治区、直辖市人民政府,某某各部委、各直属机构∶
        为进一步推进改革，现决定如下。
        """).first)
        #expect(ratio.docNumber?.text == "某发〔2031〕68号")
        #expect(ratio.addressee != nil)
        let small = try #require(try Self.segments("""
        某政发〔2030〕9号
        各市、县人民政府﹕
        现将有关事项通知如下。
        """).first)
        #expect(small.docNumber?.text == "某政发〔2030〕9号")
        // Near miss: a ratio inside a line stays a ratio.
        let text = try Support.normalize("城乡居民收入比控制在2.2∶1以内，人均水平稳步提高。")
        #expect(text.text(0..<text.utf8.count).contains("2.2∶1"))
    }
}
