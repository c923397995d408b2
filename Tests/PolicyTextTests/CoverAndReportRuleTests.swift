import Testing
import TestSupport
@testable import PolicyText

/// Cover pages and reports as they arrive (issue 12): a cover notice flattened with what it issues into one line from
/// its addressee on, a report or plan cover whose title wraps over lines above a note, the signer and the date, and
/// a work report's occasion line under its title giving the date. Each on two sources' shapes and a near miss;
/// every fixture is written for these tests.
extension DocumentLayoutRuleTests {
    /// A body text long enough that the paragraph holding it is a flattened page, not a header line.
    static let runOnText = String(repeating: "各地要加强组织领导，明确责任分工，细化工作措施，确保各项任务落到实处。", count: 12)

    // MARK: - A cover notice flattened into one line

    @Test func aFlattenedCoverNoticeIsTitledByWhatItIssues() throws {
        let national = try #require(try Self.segments("""
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将《“十五五”现代物流发展规划》印发给你们，请认真贯彻执行。为推动现代物流高质量发展，制定本规划。\(Self.runOnText)
        """).first)
        #expect(national.title == "“十五五”现代物流发展规划")
        #expect(national.layout == .coverExcerpt)
        let county = try #require(try Self.segments("""
        各乡镇人民政府，县直各有关单位:《青禾县农村供水保障三年行动方案》已经县政府同意，现印发给你们，请结合实际认真组织实施。一、总体要求。\(Self.runOnText)
        """).first)
        #expect(county.title == "青禾县农村供水保障三年行动方案")
        // Near misses: an addressee with a sentence that issues nothing titled, and a long line opened by no addressee.
        let noTitle = try Self.segments("""
        各乡镇人民政府，县直各有关单位：现将做好春季防火工作有关事项通知如下，请认真贯彻执行。\(Self.runOnText)
        """)
        #expect(noTitle.allSatisfy { $0.title == nil })
        let prose = try Self.segments("""
        会议指出：现将《青禾县农村供水保障三年行动方案》印发实施，是保障民生的重要举措。\(Self.runOnText)
        """)
        #expect(prose.allSatisfy { $0.title == nil })
    }

    // MARK: - An untitled excerpt opened by its 文号 below the page's metadata lines

    @Test func anUntitledExcerptBelowAPolicyPortalsMetadataIsKnownByItsNumber() throws {
        // A policy portal lists its own attributes, then the document from its 文号 (the title stayed in the page head).
        let portal = try Self.segments("""
        发布时间:2031-03-03
        政策级别:国家级
        发文部门:某某部
        政策主题:引导扶持
        某厅信函〔2031〕27号
        各省、自治区、直辖市主管部门，各有关单位：
        为做好示范项目申报工作，现将有关事项通知如下。
        """)
        let notice = try #require(portal.first { $0.docNumber != nil })
        #expect(notice.docNumber?.text == "某厅信函〔2031〕27号")
        #expect(notice.layout == .coverExcerpt)
        // A government site's metadata lines (索引号, 发布日期) above a city office's number.
        let city = try Self.segments("""
        索引号：000014349/2031-00012
        主题分类：城乡建设
        发布日期：2031-05-06
        青禾政办发〔2031〕9号
        各县（区）人民政府，市政府各部门：
        经市政府同意，现将有关事项通知如下。
        """)
        #expect(city.contains { $0.docNumber?.text == "青禾政办发〔2031〕9号" && $0.layout == .coverExcerpt })
        // Near miss: a 文号 cited under ordinary paragraphs opens no excerpt.
        let prose = try Self.segments("""
        近日，市政府召开常务会议。
        会议研究了城市更新工作。
        会议要求各部门抓好落实。
        会议还听取了有关汇报。
        某政办发〔2031〕9号
        各县（区）人民政府，市政府各部门：
        """)
        #expect(prose.allSatisfy { $0.layout != .coverExcerpt })
    }

    // MARK: - A report or plan cover with its title wrapped

    @Test func aCoverTitleWrappedOverLinesAboveItsSignerAndDate() throws {
        let outline = try #require(try Self.segments("""
        某某自治州
        国民经济和社会发展第十五个五年规划和
        二〇四〇年远景目标纲要
        （2036年1月9日在某某州第十五届人民代表大会第四次会议通过）
        某某自治州人民政府
        二〇三六年三月
        目 录
        第一章 发展基础
        """).first)
        #expect(outline.title == "某某自治州国民经济和社会发展第十五个五年规划和二〇四〇年远景目标纲要")
        #expect(outline.signatureLines.map(\.text) == ["某某自治州人民政府"])
        #expect(outline.date == "2036-03")
        let bulletin = try #require(try Self.segments("""
        青禾县2032年
        国民经济和社会发展统计公报
        青禾县统计局
        2033年3月20日
        2032年，全县地区生产总值比上年增长5.8%。
        """).first)
        #expect(bulletin.title == "青禾县2032年国民经济和社会发展统计公报")
        #expect(bulletin.signatureLines.map(\.text) == ["青禾县统计局"])
        #expect(bulletin.date == "2033-03-20")
        // Near misses: a line ending a sentence wraps no title into the next; wrapped lines above a signer with no
        // date under it are no cover.
        let body = try Self.segments("""
        全县统计工作会议召开。
        圆满完成年度规划
        青禾县统计局
        2033年3月20日
        """)
        #expect(body.allSatisfy { $0.title?.contains("召开") != true })
        let undated = try Self.segments("""
        青禾县2032年
        国民经济和社会发展统计公报
        青禾县统计局
        2032年，全县地区生产总值比上年增长5.8%。
        """)
        #expect(undated.allSatisfy { $0.title != "青禾县2032年国民经济和社会发展统计公报" })
        // Near miss: a page's index number above a one-line title is no part of it.
        let indexed = try Self.segments("""
        11520000MB0000000X/2031-00012
        关于印发《青禾县防汛应急预案（2031年修订）》的通知
        青禾县水利局
        2031-05-06
        各乡镇人民政府：
        """)
        #expect(indexed.contains { $0.title == "关于印发《青禾县防汛应急预案（2031年修订）》的通知" })
    }

    // MARK: - An attached text whose title wraps, named by the cover's issuing sentence

    @Test func anAttachedTitleWrappedOverTwoLinesAfterTheIssuingSentence() throws {
        let forwarded = try Self.segments("""
        白石市人民政府办公室关于转发市财政局两个管理办法的通知
        各区人民政府，市政府各部门：
        现将市财政局制定的《白石市政府投资项目资金管理办法》和《白石市专项资金绩效评价办法》转发给你们，请遵照执行。
        白石市人民政府办公室
        2031年5月9日
        白石市政府投资项目
        资金管理办法
        （白石市财政局 2031年4月28日）
        第一条 为加强政府投资项目资金管理，制定本办法。
        """)
        let attached = try #require(forwarded.first { $0.title == "白石市政府投资项目资金管理办法" })
        #expect(attached.signatureLines.map(\.text) == ["白石市财政局"])
        #expect(attached.date == "2031-04-28")
        let issued = try Self.segments("""
        青禾县人民政府关于加强农村公路管护的通知
        各乡镇人民政府，县直各单位：
        现将《青禾县农村公路养护管理办法》印发给你们，请认真贯彻执行。
        青禾县人民政府
        2032年7月1日
        青禾县农村公路
        养护管理办法
        第一章 总则
        """)
        #expect(issued.contains { $0.title == "青禾县农村公路养护管理办法" })
        // Near miss: two short lines that join to no title the cover names start nothing.
        let other = try Self.segments("""
        青禾县人民政府关于加强农村公路管护的通知
        各乡镇人民政府，县直各单位：
        现将《青禾县农村公路养护管理办法》印发给你们，请认真贯彻执行。
        青禾县人民政府
        2032年7月1日
        青禾县农村公路
        建设管理办法
        第一章 总则
        """)
        #expect(other.allSatisfy { $0.title != "青禾县农村公路建设管理办法" })
        // Near miss: before the cover's date the named text is the cover's own (its 署名 and date after it).
        let undated = try Self.segments("""
        青禾县人民政府关于加强农村公路管护的通知
        各乡镇人民政府，县直各单位：
        现将《青禾县农村公路养护管理办法》印发给你们，请认真贯彻执行。
        青禾县农村公路养护管理办法
        第一条 为加强农村公路养护，制定本办法。
        青禾县人民政府
        2032年7月1日
        """)
        #expect(undated.count == 1)
        #expect(undated.first?.date == "2032-07-01")
    }

    // MARK: - A text about a document it cites and refers back to

    @Test func aTextReferringBackToACitedPlanReportsOnIt() throws {
        let news = try #require(try Self.segments("""
        记者从省发展改革委获悉，近日，《某省绿色低碳产业发展行动计划（2031—2033年）》（以下简称《行动计划》）出炉。
        《行动计划》提出，到2033年，全省绿色低碳产业规模超过1万亿元。
        """).first)
        #expect(news.title == "某省绿色低碳产业发展行动计划（2031—2033年）")
        #expect(news.layout == .reportedDocument)
        let portal = try #require(try Self.segments("""
        本报讯 市政府日前举行新闻发布会，介绍《青禾市清洁水体三年行动方案》的主要目标。
        据介绍，《方案》以削减污染物排放为核心，提出了六个方面的措施。
        """).first)
        #expect(portal.title == "青禾市清洁水体三年行动方案")
        // Near misses: a plan cited once, and a later title that is another document's, are no subject.
        let once = try Self.segments("""
        根据《青禾市清洁水体三年行动方案》，到2033年，全市水体优良比例达到90%以上。
        """)
        #expect(once.allSatisfy { $0.title == nil })
        let other = try Self.segments("""
        根据《青禾市清洁水体三年行动方案》，全市将开展河道整治。《意见》还要求加强监督考核。
        """)
        #expect(other.allSatisfy { $0.title == nil })
    }

    @Test func aBracketedNoteIsAWholeLineInBrackets() {
        #expect(DocumentSegmenter.isBracketedNote("（2036年1月9日在某某州第十五届人民代表大会第四次会议通过）"))
        #expect(DocumentSegmenter.isBracketedNote("(2033年3月1日市政府第12次常务会议审议通过)"))
        #expect(!DocumentSegmenter.isBracketedNote("（一）总体要求"))
    }

    // MARK: - A work report's occasion line

    @Test func aWorkReportsOccasionLineGivesItsDate() throws {
        let city = try #require(try Self.segments("""
        政 府 工 作 报 告
        ——2032年1月8日在某某市第十六届
        人民代表大会第三次会议上
        某某市市长 张某
        各位代表：
        现在，我代表市人民政府向大会作工作报告，请予审议。
        """).first { $0.title != nil })
        #expect(city.date == "2032-01-08")
        let court = try #require(try Self.segments("""
        青禾县人民法院工作报告
        —2033年2月21日在青禾县第十八届人民代表大会第二次会议上
        青禾县人民法院院长 李某
        各位代表：
        现在，我代表县人民法院向大会报告工作，请予审议。
        """).first { $0.title != nil })
        #expect(court.date == "2033-02-21")
        // Near miss: a sentence under the title that opens with a date is no occasion line.
        let prose = try #require(try Self.segments("""
        青禾县人民法院工作报告
        2033年2月21日在县人民代表大会上，院长作了报告。
        各位代表：
        现在，我代表县人民法院向大会报告工作，请予审议。
        """).first { $0.title != nil })
        #expect(prose.date == nil)
    }

    @Test func anOccasionLineStartsWithADashAndADate() {
        #expect(DocumentSegmenter.occasionDate("——2032年1月8日在某某市第十六届") == "2032-01-08")
        #expect(DocumentSegmenter.occasionDate("——二〇三二年一月八日在某某市人民代表大会上") == "2032-01-08")
        #expect(DocumentSegmenter.occasionDate("2032年1月8日在某某市第十六届") == nil)
        #expect(DocumentSegmenter.occasionDate("——在某某市第十六届人民代表大会上") == nil)
    }
}

/// A page converted from a word processor (issue 12): short page lines are no hard wrap, a metadata label's value on
/// the next line must be of the label's kind, and a 成文日期 whose 年月日 became spaces is still read. Each on two
/// sources' shapes and a near miss; every fixture is written for these tests.
extension DocumentLayoutRuleTests {
    @Test func equallyWideShortLinesAreNoHardWrap() throws {
        // A plan's table of contents: many lines of six or seven characters.
        let contents = (1...30).map { "\($0 / 10 + 1).\($0 % 10)工作原则" }.joined(separator: "\n")
        let page = try Support.normalize("""
        某某县人民政府
        首页 >> 公开信息内容
        某某县人民政府办公室关于印发某某县防汛应急预案的通知
        \(contents)
        """)
        #expect(page.paragraphRanges.count >= 33)
        // A link list of equally short lines on a portal page.
        let links = (1...30).map { "第\($0)期工作简报" }.joined(separator: "\n")
        let portal = try Support.normalize("青禾县人民政府门户网站\n\(links)")
        #expect(portal.paragraphRanges.count == 31)
        // Near miss: text hard-wrapped at twelve characters still joins.
        let body = String(repeating: "各地要加强农村公路日常养护，建立健全养护长效机制，落实养护资金和人员。", count: 8)
        var scalars = Array(body.unicodeScalars), lines: [String] = []
        while !scalars.isEmpty {
            let n = min(12, scalars.count)
            lines.append(String(String.UnicodeScalarView(scalars[0..<n]))); scalars.removeFirst(n)
        }
        let wrapped = try Support.normalize(lines.joined(separator: "\n"))
        #expect(wrapped.paragraphRanges.count < lines.count / 2)
    }

    @Test func aDateLabelTakesOnlyADateFromTheNextLine() throws {
        let county = try #require(try Self.segments("""
        某某县人民政府办公室关于印发某某县防汛应急预案的通知
        索引号：0000-2031-00012 发文日期：2031年06月28日 文号： 成文日期：
        某政办发〔2031〕46号
        各乡镇人民政府，县级有关部门：
        现将《某某县防汛应急预案》印发给你们，请认真贯彻执行。
        """).first { $0.title != nil })
        #expect(county.docNumber?.text == "某政办发〔2031〕46号")
        #expect(!county.metadata.contains { $0.element == .date && !$0.text.isEmpty })
        let city = try #require(try Self.segments("""
        白石市人民政府关于加强城市排水管理的通知
        • 索引号：0000-2032-00003 • 发布机构：白石市人民政府 • 发布日期：
        白石市人民政府办公室制
        各区人民政府，市政府各部门：
        现将有关事项通知如下。
        """).first { $0.title != nil })
        #expect(!city.metadata.contains { $0.element == .publicationDate && !$0.text.isEmpty })
        // Near miss: a date on the next line is the label's value.
        let dated = try #require(try Self.segments("""
        白石市人民政府关于加强城市排水管理的通知
        • 索引号：0000-2032-00003 • 发布机构：白石市人民政府 • 成文日期：
        2032年3月2日
        各区人民政府，市政府各部门：
        现将有关事项通知如下。
        """).first { $0.title != nil })
        #expect(dated.metadata.contains { $0.element == .date && $0.text == "2032年3月2日" })
    }

    @Test func aDateWhoseGlyphsBecameSpaces() {
        #expect(DocumentSegmenter.spacedLostGlyphDate("{ 2031 6 23") == "2031-06-23")
        #expect(DocumentSegmenter.spacedLostGlyphDate("2032 11 5") == "2032-11-05")
        #expect(DocumentSegmenter.lostGlyphDate("{ 2031 6 23", notAfter: "2031-06-28") == "2031-06-23")
        // Near misses: a later date than the page's, a count of three numbers, a phone number.
        #expect(DocumentSegmenter.lostGlyphDate("{ 2031 7 23", notAfter: "2031-06-28") == nil)
        #expect(DocumentSegmenter.spacedLostGlyphDate("2031 13 5") == nil)
        #expect(DocumentSegmenter.spacedLostGlyphDate("0871 62 38") == nil)
    }
}

extension DocumentLayoutRuleTests {
    @Test func anAttachmentNumberStopsBeforeAYear() {
        // A county's attachment list and a ministry's: the item number is one mark, the year the title's.
        #expect(ParagraphRoles.attachment("附件:1.2031年县政府重点工作任务清单") == "2031年县政府重点工作任务清单")
        #expect(ParagraphRoles.attachment("附件：2、2032年度中央财政补助资金分配表") == "2032年度中央财政补助资金分配表")
        // Near miss: a number with its mark and a space before the title is still all numbering.
        #expect(ParagraphRoles.attachment("附件：12. 申报指南") == "申报指南")
    }
}
