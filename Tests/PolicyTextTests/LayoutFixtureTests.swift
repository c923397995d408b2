import Testing
import TestSupport
@testable import PolicyText

/// One fixture per document layout, each element marked where the segmenter must find it (see `MarkedText`). The
/// fixtures are written for these tests in the shape of each layout; none is copied from a real document.
@Suite struct LayoutFixtureTests {
    static func segments(_ fixture: MarkedText) throws -> [DocumentSegment] {
        segmentDocuments(NormalizedText(try SourceText(path: "fixture.txt", bytes: Array(fixture.text.utf8))))
    }

    /// The element values a segment states, by the marker names the fixtures use.
    static func found(_ s: DocumentSegment) -> [(String, String)] {
        var out: [(String, String)] = []
        if let t = s.title { out.append(("标题", t)) }
        if let n = s.docNumber { out.append(("发文字号", n.text)) }
        if let a = s.addressee { out.append(("主送机关", a)) }
        out += s.signatureLines.map { ("发文机关署名", $0.text) }
        if let d = s.date { out.append(("成文日期", d)) }
        out += s.elements.map { ($0.element.rawValue, $0.text) }
        return out
    }

    /// Checks that the document found first with a title states every marked element (dates are marked in ISO).
    static func assertDocument(_ fixture: MarkedText, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let segments = try segments(fixture)
        let doc = try #require(segments.first { $0.title != nil }, sourceLocation: sourceLocation)
        let found = found(doc)
        for (name, value) in fixture.spans {
            #expect(found.contains { $0.0 == name && $0.1 == value }, "\(name) “\(value)” not found in \(found)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func printLayoutWithRedHeaderAndFooter() throws {
        try Self.assertDocument(MarkedText("""
        ⟦份号:000123⟧
        ⟦密级:机密★1年⟧
        ⟦紧急程度:特急⟧
        ⟦发文机关标志:江临省交通运输厅文件⟧
        ⟦发文字号:江交规〔2031〕4号⟧
        ⟦标题:江临省交通运输厅关于加强农村公路养护管理的通知⟧
        ⟦主送机关:各市交通运输局：⟧
        为进一步加强农村公路养护管理，现就有关事项通知如下。
        一、明确养护责任。各地要落实县级人民政府主体责任。
        ⟦发文机关署名:江临省交通运输厅⟧
        2031年3月8日
        （⟦附注:此件公开发布⟧）
        抄送：⟦抄送机关:交通运输部公路局，省财政厅。⟧
        ⟦印发机关和印发日期:江临省交通运输厅办公室2031年3月9日印发⟧
        """))
    }

    @Test func titleWrappedWithNumberBelowAfterPageChrome() throws {
        // Web page: a navigation line and a publication line before the document, the title over two lines.
        let fixture = MarkedText("""
        您的位置: 首页 » 政务公开 » 政策文件 »
        发布时间：2031-05-02 来源：市政府办公室
        ⟦标题:北川市人民政府关于印发北川市数字经济⟧
        ⟦标题:发展三年行动方案的通知⟧
        ⟦发文字号:北政发 〔2031〕 12 号⟧
        各区人民政府，市政府各部门：
        现将《北川市数字经济发展三年行动方案》印发给你们，请认真贯彻执行。
        北川市人民政府
        2031年4月28日
        """)
        let doc = try #require(try Self.segments(fixture).first { $0.title != nil })
        #expect(doc.title == "北川市人民政府关于印发北川市数字经济发展三年行动方案的通知")
        #expect(doc.docNumber?.text == "北政发〔2031〕12号")
        #expect(doc.date == "2031-04-28")
    }

    @Test func titleAndNumberGluedOnOneLine() throws {
        // Two sources: a number in brackets after the title, and a number written before it.
        let after = MarkedText("""
        ⟦标题:南屏市人民政府关于优化营商环境的实施意见⟧（南政〔2031〕77号）
        各县区人民政府：为优化营商环境，提出如下意见。
        南屏市人民政府
        2031年6月1日
        """)
        let a = try #require(try Self.segments(after).first { $0.title != nil })
        #expect(a.title == "南屏市人民政府关于优化营商环境的实施意见")
        #expect(a.docNumber?.text == "南政〔2031〕77号")
        let before = MarkedText("""
        农规【2031】9号 农业农村部 财政部关于做好高标准农田建设工作的通知
        各省、自治区、直辖市农业农村厅：现就有关事项通知如下。
        """)
        let b = try #require(try Self.segments(before).first { $0.title != nil })
        #expect(b.title == "农业农村部 财政部关于做好高标准农田建设工作的通知")
        #expect(b.docNumber?.text == "农规〔2031〕9号")
        // Near miss: a bracketed note that is no 文号 stays in the title.
        let note = MarkedText("""
        东岭市人民政府关于印发东岭市人才引进办法的通知（2031年修订）
        各区人民政府：现印发给你们。
        """)
        let c = try #require(try Self.segments(note).first { $0.title != nil })
        #expect(c.docNumber == nil)
        #expect(c.title == "东岭市人民政府关于印发东岭市人才引进办法的通知（2031年修订）")
    }

    @Test func metadataTableBeforeTheDocument() throws {
        // A page metadata table (label and value on one line, or the value on the next): its 文号 and 成文日期 serve
        // where the body states none; 发布日期 is the page's and never the document's date.
        let fixture = MarkedText("""
        索引号：11340000-XY/2031-00017
        发文机关：西原县人民政府
        发文字号：
        西政发〔2031〕3号
        成文日期：2031年02月10日
        发布日期：2031年02月15日
        西原县人民政府关于印发西原县防汛应急预案的通知
        各乡镇人民政府，县直各单位：
        现将《西原县防汛应急预案》印发给你们，请认真执行。
        """)
        let doc = try #require(try Self.segments(fixture).first { $0.title != nil })
        #expect(doc.title == "西原县人民政府关于印发西原县防汛应急预案的通知")
        #expect(doc.docNumber?.text == "西政发〔2031〕3号")
        #expect(doc.date == "2031-02-10")
        #expect(doc.metadata.contains { $0.element == .issuer && $0.text == "西原县人民政府" })
        #expect(doc.issuerTexts.contains { $0.element == .issuer && $0.text == "西原县人民政府" })
        // Only a publication date: no document date.
        let published = MarkedText("""
        索引号：XY-2031-0009
        发布机构：东岭市发展和改革委员会
        发布日期：2031-07-01
        东岭市发展和改革委员会关于开展节能监察工作的通知
        各区发展改革局：现就有关事项通知如下。
        """)
        let p = try #require(try Self.segments(published).first { $0.title != nil })
        #expect(p.date == nil)
        #expect(!p.issuerTexts.contains { $0.text.contains("发展和改革委员会") && $0.element == .issuer })
    }

    @Test func titleBelowAnIssuerLineOrASiteSection() throws {
        // A site section line above the title is not part of it; an issuer line above a title starting with 关于 is.
        let section = MarkedText("""
        政府信息公开
        中共北川市委 北川市人民政府关于加快建设现代化产业体系的实施意见
        各区委、区人民政府：现提出如下意见。
        """)
        let s = try #require(try Self.segments(section).first { $0.title != nil })
        #expect(s.title == "中共北川市委 北川市人民政府关于加快建设现代化产业体系的实施意见")
        let issuer = MarkedText("""
        南屏市人民政府
        关于推进城市更新行动的实施意见
        南政发〔2031〕8号
        各县区人民政府：现提出如下意见。
        """)
        let i = try #require(try Self.segments(issuer).first { $0.title != nil })
        #expect(i.title == "南屏市人民政府关于推进城市更新行动的实施意见")
        #expect(i.docNumber?.text == "南政发〔2031〕8号")
    }

    @Test func chineseNumeralDateWithoutSigner() throws {
        for (written, iso) in [("二〇三一年九月三十日", "2031-09-30"), ("二OO九年六月四日", "2009-06-04"), ("二○一○年十二月一日", "2010-12-01")] {
            let fixture = MarkedText("""
            东岭市人民政府办公室关于调整东岭市人民政府议事协调机构的通知
            各区人民政府，市政府各部门：经市政府同意，现将有关事项通知如下。
            \(written)
            """)
            let doc = try #require(try Self.segments(fixture).first { $0.title != nil })
            #expect(doc.date == iso, "\(written)")
        }
    }

    @Test func reportLayoutOfCommuniques() throws {
        // Title with a genre word and no 关于, the issuing bodies, the date (two sources), and a near miss.
        let bulletin = MarkedText("""
        相关链接：
        ⟦标题:西原县2030年国民经济和社会发展统计公报⟧[1]
        ⟦发文机关署名:西原县统计局 国家统计局西原调查队⟧
        （2031年4月2日）
        2030年，全县经济运行稳中有进。
        """)
        try Self.assertDocument(bulletin)
        #expect(try Self.segments(bulletin).first { $0.title != nil }?.date == "2031-04-02")
        let report = MarkedText("""
        ⟦标题:北川市2031年第一季度安全生产形势分析报告⟧
        ⟦发文机关署名:北川市应急管理局⟧
        2031年4月10日
        一季度，全市安全生产形势总体平稳。
        """)
        try Self.assertDocument(report)
        let nearMiss = MarkedText("""
        北川市2031年第一季度安全生产形势分析报告
        一季度，全市安全生产形势总体平稳。
        2031年4月10日
        """)
        // (Without the issuing bodies' line under it the title line does not make the report layout: no 署名 is
        // read. The text is still titled by its first line — `DocumentSegmenter.leadingGenreTitle`, layout
        // titledText.)
        let near = try Self.segments(nearMiss)
        #expect(near.allSatisfy { $0.layout != .report && $0.signatureLines.isEmpty })
        #expect(near.first { $0.title != nil }?.layout == .titledText)
    }

    @Test func excerptStartingAtTheAddresseeOfACoverNotice() throws {
        for (addressee, sentence) in [
            ("各乡镇人民政府，市直各部门：", "《东岭市人民政府议事规则》已经市人民政府常务会议通过，现予印发。"),
            ("各区人民政府，市政府各委、办、局：", "现将《北川市城市更新实施办法》印发给你们，请认真贯彻执行。"),
        ] {
            let fixture = MarkedText("\(addressee)\n\(sentence)\n东岭市人民政府\n2031年11月20日\n")
            let doc = try #require(try Self.segments(fixture).first)
            #expect(doc.title == sentence.firstRange(of: "《").flatMap { o in
                sentence[o.upperBound...].firstRange(of: "》").map { String(sentence[o.upperBound..<$0.lowerBound]) } })
            #expect(doc.date == "2031-11-20")
        }
        // Near miss: an addressee followed by a sentence that issues nothing.
        let plain = MarkedText("各区人民政府：\n为做好防汛工作，现就有关事项通知如下。\n")
        #expect(try Self.segments(plain).allSatisfy { $0.title == nil })
    }

    @Test func numberAndDateOnOneLineUnderTheTitle() throws {
        let fixture = MarkedText("""
        中共南屏市委、南屏市人民政府关于加快建设开发区的决
        定
        （南市委发〔2030〕5号2030年2月11日）
        为加快开发区建设，现作如下决定。
        """)
        let doc = try #require(try Self.segments(fixture).first { $0.title != nil })
        #expect(doc.title == "中共南屏市委、南屏市人民政府关于加快建设开发区的决定")
        #expect(doc.docNumber?.text == "南市委发〔2030〕5号")
        #expect(doc.date == "2030-02-11")
        #expect(DocumentSegmenter.numberWithDate("国办发〔2031〕3号 2031年1月5日")?.1.iso == "2031-01-05")
        #expect(DocumentSegmenter.numberWithDate("国办发〔2031〕3号 印发") == nil)
    }

    @Test func dateThenNumberOnOneLineUnderTheTitleAsLawDatabasesPrintIt() throws {
        // A law database: the title, then "date 文号" on one line, then the addressee.
        let database = MarkedText("""
        东岭市人民政府关于调整城市道路占用费标准的通知

        2031年12月28日 东政发[2031]17号

        各区人民政府，市政府各部门：
        现将有关事项通知如下。
        """)
        let doc = try #require(try Self.segments(database).first { $0.title != nil })
        #expect(doc.docNumber?.text == "东政发〔2031〕17号")
        #expect(doc.date == "2031-12-28")
        // A statute site: a ministry's rule with a full-width space between date and 文号.
        let statutes = MarkedText("""
        某某部关于修订进口商品检验管理规定的通知
        二〇三一年五月六日\u{3000}某质检〔2031〕44号
        各直属局：
        现将修订后的规定印发给你们。
        """)
        let rule = try #require(try Self.segments(statutes).first { $0.title != nil })
        #expect(rule.docNumber?.text == "某质检〔2031〕44号")
        #expect(rule.date == "2031-05-06")
        // Near miss: a date followed by an ordinary phrase that ends in 号 states no number.
        #expect(DocumentSegmenter.numberWithDate("2031年12月28日 发布第17号") == nil)
    }

    @Test func datesThatLostTheirCharactersAreReadAgainstThePublicationDate() {
        // 2031128 reads as 2031-01-28 or 2031-12-08; only the first is before a publication on 2031-01-29.
        #expect(DocumentSegmenter.lostGlyphDate("2031128", notAfter: "2031-01-29") == "2031-01-28")
        #expect(DocumentSegmenter.lostGlyphDate("20301105", notAfter: "2031-01-01") == "2030-11-05")
        // Near misses: two readings both possible, or text that is no date.
        #expect(DocumentSegmenter.lostGlyphDate("2031128", notAfter: "2031-12-31") == nil)
        #expect(DocumentSegmenter.lostGlyphDate("12345678", notAfter: "2031-12-31") == nil)
    }

    @Test func theTypedModelPutsEachElementInItsZone() throws {
        let fixture = MarkedText("""
        000123
        机密★1年
        特急
        江临省交通运输厅文件
        江交规〔2031〕4号
        江临省交通运输厅关于加强农村公路养护管理的通知
        各市交通运输局：
        为进一步加强农村公路养护管理，现就有关事项通知如下。
        江临省交通运输厅
        2031年3月8日
        （此件公开发布）
        抄送：交通运输部公路局，省财政厅。
        江临省交通运输厅办公室2031年3月9日印发
        """)
        let text = NormalizedText(try SourceText(path: "fixture.txt", bytes: Array(fixture.text.utf8)))
        let doc = try #require(recogniseDocuments(text).first { $0.body.title != nil })
        #expect(doc.layout == .standard)
        #expect(doc.header.copyNumber?.value == "000123")
        #expect(doc.header.secrecy?.value == "机密★1年")
        #expect(doc.header.urgency?.value == "特急")
        #expect(doc.header.issuerMarks.map(\.value) == ["江临省交通运输厅文件"])
        let number = try #require(doc.header.docNumber)
        #expect(text.text(number.range) == "江交规〔2031〕4号")
        #expect(doc.body.signatures.map(\.value) == ["江临省交通运输厅"])
        #expect(doc.body.date?.value == "2031-03-08")
        #expect(doc.body.notes.map(\.value) == ["此件公开发布"])
        // 版记: never issuers.
        #expect(doc.footer.copyTo.map(\.value) == ["交通运输部公路局，省财政厅。"])
        #expect(doc.footer.printer?.value == "江临省交通运输厅办公室2031年3月9日印发")
        let segment = DocumentSegment(doc)
        #expect(!segment.issuerTexts.contains { $0.text.contains("公路局") || $0.text.contains("办公室2031") })
        #expect(segment.issuerTexts.contains { $0.element == .signature && $0.text == "江临省交通运输厅" })
        #expect(segment.issuerTexts.contains { $0.element == .title && $0.text == "江临省交通运输厅" })
    }

    @Test func layoutsAreNamed() throws {
        func layout(_ text: String) throws -> OfficialDocument.Layout? {
            try recogniseDocuments(NormalizedText(try SourceText(path: "f.txt", bytes: Array(text.utf8)))).first { $0.body.title != nil }?.layout
        }
        #expect(try layout("北川市人民政府办公室关于商请支持开展联合执法的函\n市公安局：\n现商请如下。\n") == .letter)
        #expect(try layout("国家能源局印发《2031年能源工作指导意见》\n近日，国家能源局印发指导意见。\n") == .newsDigest)
        #expect(try layout("## 关于推进城市更新的实施意见\n正文。\n") == .markdown)
        #expect(try layout("索引号：X-1\n发文字号：东政〔2031〕2号\n成文日期：2031-01-02\n东岭市人民政府关于做好春节期间安全工作的通知\n各区：\n") == .webPage)
    }

    @Test func excerptStartingAtTheDocNumber() throws {
        for (number, normalised) in [("东政字〔2031〕225号", "东政字〔2031〕225号"), ("北府发(2030)7号", "北府发〔2030〕7号")] {
            let fixture = MarkedText("\(number)\n各区人民政府，市政府各部门：\n为推进科技创新，现提出如下意见。\n")
            let doc = try #require(try Self.segments(fixture).first)
            #expect(doc.docNumber?.text == normalised)
            #expect(doc.layout == .coverExcerpt)
            #expect(doc.addressee == "各区人民政府，市政府各部门：")
        }
        // Near miss: a 文号 followed by body text is no document start.
        let cited = MarkedText("东政字〔2031〕225号\n为推进科技创新，现提出如下意见。\n")
        #expect(try Self.segments(cited).allSatisfy { $0.docNumber == nil })
    }
}
