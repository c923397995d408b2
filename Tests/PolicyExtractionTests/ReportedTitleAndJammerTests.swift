@testable import PolicyText
import Testing
@testable import PolicyExtraction

/// Issue 12, documents as web pages really bring them: an official title reported unbracketed that brackets words of
/// its own, and a forum's jammer glued to the lines of a 署名. Each on two sources' shapes and a near miss; every
/// fixture is written for these tests.
extension IssuerRuleTests {
    // MARK: - An unbracketed official title with a bracket of its own

    @Test func anUnbracketedOfficialTitleRunsOverItsOwnBracket() throws {
        let wire = "新华社北京5月8日电 近日，农业农村部、财政部下发关于公布第二批国家农业绿色发展先行区(试点)名单的通知。共有40个县入选。\n"
        #expect(try documents(wire).contains {
            $0.title == "关于公布第二批国家农业绿色发展先行区(试点)名单的通知" && $0.issuers == ["农业农村部", "财政部"] })
        let local = "日前，宁波市人民政府印发关于支持实体经济稳进提质若干措施（2032年修订版）的通知，明确二十条举措。\n"
        #expect(try documents(local).contains {
            $0.title == "关于支持实体经济稳进提质若干措施（2032年修订版）的通知" && $0.issuers == ["宁波市人民政府"] })
        // Near miss: a bracket after the title closes its clause (here the 文号) and is not part of the title.
        let numbered = "近日，农业农村部印发关于做好春季农业生产工作的通知（农农发〔2031〕3号），要求各地抓好春耕。\n"
        let docs = try documents(numbered)
        #expect(docs.contains { $0.title == "关于做好春季农业生产工作的通知" })
        #expect(docs.allSatisfy { !$0.title.contains("〔") })
        // Near miss: a verb inside a cited title reports no issuance; no title ends with the citation's 》.
        let cited = "根据《宁波市人民政府印发关于推动经济高质量发展若干政策的通知》（甬政发〔2031〕2号）、《宁波市促进消费若干措施》等文件精神，制定本办法。\n"
        #expect(try documents(cited).allSatisfy { !$0.title.hasSuffix("》") && !$0.title.contains("甬政发") })
        // Near miss: a short-name definition after the title is no part of it.
        let defined = "近日，宁波市人民政府印发关于推动数字经济发展的若干意见（以下简称意见）的通知，提出十条举措。\n"
        #expect(try documents(defined).allSatisfy { !$0.title.contains("以下简称") })
    }

    // MARK: - A revised rule reported as issued

    @Test func aRevisedRuleIsReportedAsIssuedByTheBodiesRevisingIt() throws {
        let wire = "中新社北京3月2日电 财政部、农业农村部近日修订《农业生产发展资金管理办法》，进一步规范资金使用。\n"
        #expect(try documents(wire).contains { $0.title == "农业生产发展资金管理办法" && $0.issuers == ["财政部", "农业农村部"] })
        let portal = "日前，浙江省人民政府办公厅修订了《浙江省政府投资项目管理办法》，自2032年1月1日起施行。\n"
        #expect(try documents(portal).contains { $0.title == "浙江省政府投资项目管理办法" && $0.issuers == ["浙江省人民政府办公厅"] })
        // Near miss: the revised text named with no body revising it.
        let revised = "修订后的《农业生产发展资金管理办法》共五章二十九条。\n"
        #expect(try documents(revised).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - A notice reported by what it issues

    @Test func aNoticeReportedByWhatItIssuesIssuesIt() throws {
        let wire = "近日，国家市场监督管理总局下发2032年食品安全抽检计划的通知，安排全年抽检100万批次。\n"
        #expect(try documents(wire).contains { $0.title == "2032年食品安全抽检计划" && $0.issuers == ["国家市场监督管理总局"] })
        let daily = "日前，江苏省人民政府办公厅印发了江苏省数字政府建设三年行动方案的通知，部署六项任务。\n"
        #expect(try documents(daily).contains { $0.title == "江苏省数字政府建设三年行动方案" && $0.issuers == ["江苏省人民政府办公厅"] })
        // Near miss: a notice whose words before 的通知 end with no genre word issues no document of its own.
        let plain = "近日，江苏省人民政府办公厅下发做好春季农业生产工作的通知，要求各地抓好春耕。\n"
        #expect(try documents(plain).allSatisfy { $0.title != "做好春季农业生产工作" })
    }

    @Test func bareTitleEndStopsAtABracketThatEndsTheClause() {
        let s = Array("关于公布名单（第二批）的通知。其他".unicodeScalars)
        #expect(IssuerExtractor.bareTitleEnd(s, from: 0) == Array("关于公布名单（第二批）的通知".unicodeScalars).count)
        // Not an official title: the bracket ends it.
        let plain = Array("年度工作计划（草案）的通知。".unicodeScalars)
        #expect(IssuerExtractor.bareTitleEnd(plain, from: 0) == 6)
    }
}

extension DocumentAnatomyIssuerTests {
    // MARK: - A forum's jammer glued to the 署名 lines

    @Test func signatureLinesKeepTheirBodiesUnderAForumsJammer() throws {
        let forum = try documents("""
        关于公布2031年智慧农业示范基地名单的通知
        农办市函〔2031〕12号
        各省、自治区、直辖市农业农村厅（局）：
        现将名单印发给你们，请认真组织实施。
        农业农村部办公厅 7 K* p( W; ]/ q2 a# c
        ) r4 u. H8 Y3 T1 G商务部办公厅* b- k, Q: E+ Z: y& v
        2031年6月2日
        """)
        #expect(forum.first { $0.title.contains("智慧农业") }?.issuers == ["农业农村部办公厅", "商务部办公厅"])
        let board = try documents("""
        宁波市教育局关于做好2032年中小学暑期安全工作的通知
        甬教办〔2032〕41号
        各区（县、市）教育局：
        现将有关事项通知如下，请遵照执行。
        宁波市教育局0 }' R% t5 d [5 S! n5 z
        2032年7月1日
        """)
        #expect(board.first { $0.title.contains("暑期安全") }?.issuers == ["宁波市教育局"])
    }

    @Test func edgeJammerNeedsARunOfShortTokens() {
        let glued = Array("农业农村部办公厅 7 K* p( W; ]/ q2".unicodeScalars)
        #expect(ParagraphRoles.withoutEdgeJammer(glued).map { String(String.UnicodeScalarView($0)) } == "农业农村部办公厅")
        // Near miss: a body whose name holds an ASCII word keeps it (one token is no jammer).
        let named = Array("某市5G产业联盟 秘书处".unicodeScalars)
        #expect(ParagraphRoles.withoutEdgeJammer(named) == nil)
        let two = Array("PM2.5 防治办公室".unicodeScalars)
        #expect(ParagraphRoles.withoutEdgeJammer(two) == nil)
    }
}

extension DocumentAnatomyIssuerTests {
    // MARK: - A police bureau's traffic detachment signs a flattened notice

    @Test func aPoliceBureausDetachmentSignsItsTrafficNotice() throws {
        let flattened = try documents("""
        关于对市体育中心周边道路实施临时交通管制的通告
        为保障活动顺利进行，我支队决定实施临时交通管制。现通告如下： 一、管制时间 2032年2月1日 18:00-22:00 二、其他 敬请谅解。 特此通告 绍兴市公安局交通警察支队 2032年1月28日
        """)
        #expect(flattened.first { $0.title.contains("临时交通管制") }?.issuers == ["绍兴市公安局交通警察支队"])
        let county = try documents("""
        关于县城区部分道路禁止货车通行的通告
        为改善城区交通秩序，现就有关事项通告如下：
        一、每日7时至20时禁止货车在上述路段通行。
        特此通告。
        宁远县公安局交通警察大队
        2031年9月2日
        """)
        #expect(county.first { $0.title.contains("禁止货车") }?.issuers == ["宁远县公安局交通警察大队"])
        // Near miss: a detachment that names no parent bureau is no body of its own.
        let bare = try documents("""
        关于县城区部分道路禁止货车通行的通告
        为改善城区交通秩序，现就有关事项通告如下：
        一、每日7时至20时禁止货车在上述路段通行。
        特此通告。
        交通警察大队
        2031年9月2日
        """)
        #expect(bare.allSatisfy { $0.issuers.isEmpty })
    }

    @Test func aClosingFormulaRunsOnIntoItsSignerAndAnArabicDate() throws {
        // The normaliser drops the space between the signer and a date in Arabic digits.
        let glued = try #require(DocumentSegmenter.closingFormulaDate("…敬请谅解。特此通告。某某市公安局交通警察支队2032年1月28日"))
        #expect(glued.date == "2032-01-28" && glued.issuer == "某某市公安局交通警察支队")
        let spaced = try #require(DocumentSegmenter.closingFormulaDate("…请遵照执行。特此通知 某某县教育局 2030年9月1日 |"))
        #expect(spaced.issuer == "某某县教育局")
        // Near miss: words after the date are no closing 署名 and date.
        #expect(DocumentSegmenter.closingFormulaDate("特此通知。某某县教育局2030年9月1日起施行") == nil)
    }
}
