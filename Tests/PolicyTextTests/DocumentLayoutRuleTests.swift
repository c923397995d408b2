import Testing
import TestSupport
@testable import PolicyText

/// The layout rules added for documents as pages and databases print them: each shown on two sources' shapes and a
/// near miss it rejects. Every fixture is written for these tests in the shape of its layout; none is copied.
@Suite struct DocumentLayoutRuleTests {
    static func segments(_ text: String) throws -> [DocumentSegment] {
        segmentDocuments(NormalizedText(try SourceText(path: "fixture.txt", bytes: Array(text.utf8))))
    }

    /// The first titled segment states every marked element (dates marked in ISO).
    static func assertFirstTitled(_ fixture: MarkedText, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let doc = try #require(try segments(fixture.text).first { $0.title != nil }, sourceLocation: sourceLocation)
        var found: [(String, String)] = []
        if let t = doc.title { found.append(("标题", t)) }
        if let n = doc.docNumber { found.append(("发文字号", n.text)) }
        if let d = doc.date { found.append(("成文日期", d)) }
        found += doc.signatureLines.map { ("发文机关署名", $0.text) }
        found += doc.metadata.map { ($0.element.rawValue, $0.text) }
        for (name, value) in fixture.spans {
            #expect(found.contains { $0.0 == name && $0.1 == value }, "\(name) “\(value)” not found in \(found)",
                    sourceLocation: sourceLocation)
        }
    }

    // MARK: - A text opened by its own genre title

    @Test func aStatisticsBulletinPageIsTitledByItsFirstLine() throws {
        try Self.assertFirstTitled(MarkedText("""
        ⟦标题:2031年青禾县国民经济和社会发展统计公报⟧
        2031年，全县经济运行总体平稳，主要指标稳中有进，现将有关数据公布如下。
        一、综合
        全年地区生产总值增长5.1%。
        """))
        let doc = try #require(try Self.segments("2031年青禾县国民经济和社会发展统计公报\n全年经济运行平稳，各项指标稳中有进。\n").first)
        #expect(doc.layout == .titledText)
    }

    @Test func aPlanRepostedAfterSiteChromeIsTitledByItsTitleLine() throws {
        // Site chrome above, a year label after the title that the page prints.
        try Self.assertFirstTitled(MarkedText("""
        设为首页
        加入收藏
        ⟦标题:白石市文化旅游融合发展三年行动计划⟧ 2032
        为推动文化和旅游深度融合发展，制定本计划。全市上下要统一思想，狠抓落实。
        """))
    }

    @Test func aHeadlineThatNamesNoGenreIsNoTitle() throws {
        // Near miss: a news headline ends with no genre word; the text stays an untitled article.
        let segments = try Self.segments("""
        白石市文旅融合发展亮点纷呈
        记者从市文旅局获悉，今年以来全市接待游客人数持续增长，旅游收入再创新高。
        """)
        #expect(segments.allSatisfy { $0.title == nil })
    }

    // MARK: - 转发 and 印发 cover notices

    @Test func aForwardingNoticeTitleWrappedUnderItsNumber() throws {
        let doc = try #require(try Self.segments("""
        青政办〔2031〕45号
        青禾县人民政府办公室
        转发县财政局关于规范政府采购
        管理工作意见的通知
        各乡镇人民政府，县政府各部门：
        县财政局《关于规范政府采购管理工作的意见》已经县政府同意，现转发给你们，请认真贯彻执行。
        青禾县人民政府办公室
        2031年9月3日
        """).first { $0.title != nil })
        #expect(doc.title == "青禾县人民政府办公室转发县财政局关于规范政府采购管理工作意见的通知")
        #expect(doc.docNumber?.text == "青政办〔2031〕45号")
        #expect(doc.date == "2031-09-03")
    }

    @Test func aForwardingNoticeTitleOnOneLine() throws {
        let doc = try #require(try Self.segments("""
        白石市人民政府转发市发展改革委关于加快节能降碳工作实施意见的通知
        各区人民政府，市政府各部门：
        市发展改革委《关于加快节能降碳工作的实施意见》已经市政府同意，现转发给你们。
        """).first { $0.title != nil })
        #expect(doc.title == "白石市人民政府转发市发展改革委关于加快节能降碳工作实施意见的通知")
    }

    @Test func aSentenceThatForwardsIsNoTitle() throws {
        // Near miss: prose that mentions 转发 and ends in 通知 with a full stop is body text.
        #expect(ParagraphRoles.forwardingTitle(Array("各单位要认真学习转发的通知。".unicodeScalars)) == nil)
        #expect(ParagraphRoles.forwardingTitle(Array("请各单位及时转发相关材料".unicodeScalars)) == nil)
    }

    @Test func anIssuingNoticeTitleIsNotAHeadline() throws {
        // "发文机关印发《Z》的通知" is the notice's own title; its 文号 stands above it.
        try Self.assertFirstTitled(MarkedText("""
        ⟦发文字号:青府发〔2031〕8号⟧
        ⟦标题:青禾县人民政府印发《关于加强耕地保护的实施意见》的通知⟧
        各乡镇人民政府，县政府各部门：
        现将《关于加强耕地保护的实施意见》印发给你们，请认真贯彻执行。
        青禾县人民政府
        2031年2月3日
        """))
        let line = try #require(ParagraphRoles.officialTitle("白石市财政局印发《政府采购内控规则》的通知"))
        #expect(!line.isHeadline && line.title == "白石市财政局印发《政府采购内控规则》的通知")
        // Near miss: a news headline "X印发《Z》" reports Z.
        let headline = try #require(ParagraphRoles.officialTitle("白石市财政局印发《政府采购内控规则》"))
        #expect(headline.isHeadline && headline.title == "政府采购内控规则")
    }

    // MARK: - Metadata tables

    @Test func aPipeTableOfMetadata() throws {
        try Self.assertFirstTitled(MarkedText("""
        索 引 号: | 11520000/2031-00012 | 信息分类: | |
        发布机构: | 生成日期: | 2031-03-02 09:10:11 | |
        文 号: | ⟦发文字号:白府办发〔2031〕6号⟧ | 是否有效: | |
        名 称: | ⟦标题:白石市人民政府办公室关于做好春季农业生产工作的通知⟧ |
        各区人民政府，市政府各部门：
        为做好春季农业生产工作，现将有关事项通知如下。
        """))
    }

    @Test func aLabelGluedToTheValueBeforeItWhenAColonEndsIt() throws {
        // The normaliser drops the space between "8号" and the next label.
        let fields = DocumentLabels.fields(in: Array("文号 青政发〔2031〕8号成文日期: 2031年02月03日".unicodeScalars))
        #expect(fields.map(\.element) == [.docNumber, .date])
        let other = DocumentLabels.fields(in: Array("索引号 qh-2031-0012公开目录: 规划计划".unicodeScalars))
        #expect(other.map(\.label) == ["索引号", "公开目录"])
        // Near miss: a label word inside a value with no colon after it starts no field.
        let plain = DocumentLabels.fields(in: Array("内容概述 关于修改文号管理办法的说明".unicodeScalars))
        #expect(plain.map(\.element) == [.other])
    }

    @Test func aMetadataNumberRunIntoTheNextCell() throws {
        #expect(DocumentSegmenter.leadingDocNumber("白府发〔2031〕1号 源: 市政府网站")?.text == "白府发〔2031〕1号")
        #expect(DocumentSegmenter.leadingDocNumber("青政办〔2031〕45号")?.text == "青政办〔2031〕45号")
        // Near miss: a value that does not start with a 文号.
        #expect(DocumentSegmenter.leadingDocNumber("见白府发〔2031〕1号文件") == nil)
    }

    // MARK: - Law-database layout: date and issuer under the title

    @Test func aDateAndIssuerLineUnderTheTitle() throws {
        let doc = try #require(try Self.segments("""
        白石市城市供水管理办法
        2001年5月8日，白石市人民政府
        第一条 为加强城市供水管理，保障生活和生产用水，制定本办法。
        """).first { $0.title != nil })
        #expect(doc.date == "2001-05-08")
        #expect(doc.signatureLines.map(\.text) == ["白石市人民政府"])
        #expect(DocumentSegmenter.dateThenIssuers("1988年3月2日,国家计划委员会")?.date == "1988-03-02")
        #expect(DocumentSegmenter.dateThenIssuers("二〇〇一年五月八日 青禾县人民政府")?.issuers == "青禾县人民政府")
        // Near miss: a date opening a sentence of the body.
        #expect(DocumentSegmenter.dateThenIssuers("2001年5月8日，全市召开供水工作会议，部署有关工作。") == nil)
    }

    // MARK: - A page titled only by its download link

    @Test func aOneLinePageTitledByItsDownloadLink() throws {
        let text = "为规范进口货物检验工作，现将有关事项公告如下：一、适用范围。二、本公告自发布之日起施行。特此公告。"
            + "海关总署 商务部2031年5月6日公告下载链接：海关总署 商务部关于规范进口货物检验工作的公告.doc浏览次数：打印本页关闭"
        let doc = try #require(try Self.segments(text).first)
        #expect(doc.title == "海关总署 商务部关于规范进口货物检验工作的公告")
        #expect(doc.date == "2031-05-06")
    }

    @Test func aPageWithAnAttachmentDownloadOfItsOwnFile() throws {
        let text = """
        为加强城市道路管理，现就有关事项通知如下。
        一、落实管理责任。
        附件下载：白石市人民政府办公室关于加强城市道路管理的通知.pdf
        """
        let doc = try #require(try Self.segments(text).first)
        #expect(doc.title == "白石市人民政府办公室关于加强城市道路管理的通知")
    }

    @Test func aDownloadOfAFormIsNoTitle() throws {
        // Near miss: the linked file is a form, not an official title.
        let text = """
        为做好报名工作，请各单位按时报送材料。
        附件下载：报名表.docx
        """
        #expect(try Self.segments(text).allSatisfy { $0.title == nil })
    }

    // MARK: - A title wrapped after a cited document

    @Test func aTitleWrappedAfterTheDocumentItCites() throws {
        let doc = try #require(try Self.segments("""
        关于《白石市城市绿化条例（草案）》
        公开征求意见的公告
        现将条例草案全文公布，征求社会各界意见。
        """).first { $0.title != nil })
        #expect(doc.title == "关于《白石市城市绿化条例（草案）》公开征求意见的公告")
        let line = try #require(ParagraphRoles.officialTitle("关于《青禾县农村供水管理办法》修订情况的说明报告"))
        #expect(line.title == "关于《青禾县农村供水管理办法》修订情况的说明报告")
        // Near miss: the cited title alone is no complete title of its own.
        #expect(ParagraphRoles.officialTitle("关于《白石市城市绿化条例（草案）》") == nil)
    }

    // MARK: - A signature date that lost 年月日, bounded by the page's publication line

    @Test func aLostGlyphDateBoundedByThePublicationLine() throws {
        let doc = try #require(try Self.segments("""
        • 发布日期:2031-05-07 10:00:00
        • 作者:
        关于做好城市绿化工作的公告
        现将有关事项公告如下。
        白石市人民代表大会常务委员会
        2031506
        """).first { $0.title != nil })
        #expect(doc.date == "2031-05-06")
        #expect(doc.signatureLines.map(\.text) == ["白石市人民代表大会常务委员会"])
        // Near miss: two readings before the bound (2031-1-15, 2031-11-5): no date is guessed.
        #expect(DocumentSegmenter.lostGlyphDate("2031115", notAfter: "2031-12-01") == nil)
    }

    // MARK: - A law-database page flattened into one line

    @Test func aFlattenedPageWithInlineAttributes() throws {
        let text = "白石市人民政府办公室关于印发白石市政务公开工作规则的通知文章属性•【制定机关】白石市人民政府办公室"
            + "•【公布日期】2031.03.04•【字号】白府办函〔2031〕21号•【施行日期】2031.03.04•【时效性】现行有效"
            + "正文各区人民政府，市政府各部门：现将《白石市政务公开工作规则》印发给你们，请遵照执行。\n"
        let doc = try #require(try Self.segments(text).first { $0.title != nil })
        #expect(doc.title == "白石市人民政府办公室关于印发白石市政务公开工作规则的通知")
        #expect(doc.docNumber?.text == "白府办函〔2031〕21号")
        #expect(doc.date == "2031-03-04")
        #expect(doc.metadata.contains { $0.element == .issuer && $0.text == "白石市人民政府办公室" })
        // Without the word 文章属性 and with 【】 labels only.
        let bare = "青禾县人民政府关于加强耕地保护的通知【制定机关】青禾县人民政府【公布日期】2031.05.06【字号】青政发〔2031〕9号"
            + "正文各乡镇人民政府：为加强耕地保护，现通知如下。\n"
        #expect(try Self.segments(bare).first { $0.title != nil }?.docNumber?.text == "青政发〔2031〕9号")
        // Near miss: a sentence with one bracketed word is no attribute list.
        let prose = "各单位要按照【通知】要求，认真做好有关工作，确保各项任务落实到位，并于月底前报送工作情况。\n"
        #expect(try Self.segments(prose).allSatisfy { $0.title == nil })
    }

    // MARK: - A title of its own above a notice is not the notice's issuer line

    @Test func anAttachedRuleTitleAboveTheNoticeThatIssuesIt() throws {
        let docs = try Self.segments("""
        电信业务经营暂行规定

        信息产业部
        关于发布《电信业务经营暂行规定》的通知
        各省、自治区、直辖市通信管理局：
        现将《电信业务经营暂行规定》发布施行。
        """)
        #expect(docs.contains { $0.title == "信息产业部关于发布《电信业务经营暂行规定》的通知" })
        #expect(DocumentSegmenter.titlePartsJoin([("白石市财政局", false), ("关于印发预算管理办法的通知", false)]))
        // Near miss: a line ending with a genre word does not join the title below it.
        #expect(!DocumentSegmenter.titlePartsJoin([("预算管理办法", false), ("关于印发预算管理办法的通知", false)]))
    }
}
