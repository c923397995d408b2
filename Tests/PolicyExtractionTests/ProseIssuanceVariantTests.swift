import PolicyText
import Testing
@testable import PolicyExtraction

/// Issuance in prose in the variants news and company pages write it (issue 12): a title in quotation marks instead
/// of 《》, an official title ("关于…的报告") unbracketed after the verb, and the document as the subject of its own
/// issuance with no issuer named ("某市…行动方案近日出台"). Each on two sources' shapes and a near miss; every
/// fixture is written for these tests.
extension IssuerRuleTests {
    // MARK: - A title in quotation marks

    @Test func aQuotedTitleAfterAnIssuanceVerbIsTheDocument() throws {
        let trader = "中国国务院日前发布“清洁取暖三年攻坚行动计划”称，到2033年北方地区清洁取暖率达到80%。\n"
        #expect(try documents(trader).contains { $0.title == "清洁取暖三年攻坚行动计划" && $0.issuers == ["国务院"] })
        let portal = "近日，江西省人民政府办公厅印发「江西省数字乡村建设实施方案」，部署五项重点任务。\n"
        #expect(try documents(portal).contains { $0.title == "江西省数字乡村建设实施方案" && $0.issuers == ["江西省人民政府办公厅"] })
        let ascii = "近日，江西省人民政府办公厅印发\"江西省数字乡村建设实施方案\"，部署五项重点任务。\n"
        #expect(try documents(ascii).contains { $0.title == "江西省数字乡村建设实施方案" })
        // Near miss: a quoted slogan after the verb names no document.
        let slogan = "江西省人民政府发布“数字乡村、美丽江西”，引导各地加快建设。\n"
        #expect(try documents(slogan).allSatisfy { !$0.title.contains("美丽江西") })
    }

    // MARK: - An official title unbracketed after the verb

    @Test func anOfficialTitleWithAWeakGenreWordAfterTheVerb() throws {
        let lead = "2月3日，贵阳市发展改革委发布关于贵阳市2031年国民经济和社会发展计划执行情况的报告。\n"
        #expect(try documents(lead).contains {
            $0.title == "关于贵阳市2031年国民经济和社会发展计划执行情况的报告" && $0.issuers == ["贵阳市发展和改革委员会"] })
        let bulletin = "近日，襄阳市统计局发布关于襄阳市第五次全国经济普查主要数据的公报。\n"
        #expect(try documents(bulletin).contains { $0.title == "关于襄阳市第五次全国经济普查主要数据的公报" })
        // Near miss: a weak genre word after the verb without the official title's shape is no title.
        let report = "近日，襄阳市统计局发布年度统计报告。\n"
        #expect(try documents(report).allSatisfy { !$0.title.contains("统计报告") })
    }

    // MARK: - The document as the subject of its issuance

    @Test func aTitleThatOpensItsClauseIsIssuedByTheVerbClosingIt() throws {
        let explainer = "贵州省健康老龄化行动方案（2031—2033年）近日出台。方案列出多项目标。\n"
        #expect(try documents(explainer).contains { $0.title == "贵州省健康老龄化行动方案（2031—2033年）" && $0.issuers.isEmpty })
        let daily = "《甘肃省数字经济促进条例》日前正式公布，自2032年1月1日起施行。\n"
        #expect(try documents(daily).contains { $0.title == "甘肃省数字经济促进条例" })
        // Near misses: a clause that goes on after the verb, and a bare subject that opens with no region.
        let goesOn = "贵州省健康老龄化行动方案近日出台相关配套措施。\n"
        #expect(try documents(goesOn).allSatisfy { $0.title != "贵州省健康老龄化行动方案" })
        let noRegion = "健康老龄化三年行动方案近日出台，引发关注。\n"
        #expect(try documents(noRegion).isEmpty)
    }

    // MARK: - A party committee's research office (研究室, a weak head)

    @Test func aPartyCommitteesResearchOfficeIssues() throws {
        let named = "近日，中共贵州省委政策研究室印发《贵州省县域经济发展调研工作方案》，部署调研任务。\n"
        #expect(try documents(named).contains { $0.issuers == ["中共贵州省委政策研究室"] })
        let implicit = "近日，省委政策研究室下发了《贵州省县域经济发展调研工作方案》，部署调研任务。\n"
        #expect(try documents(implicit).contains { $0.issuers == ["中共贵州省委政策研究室"] })
        // Near miss: a research office with no region or parent body is no body of its own.
        let bare = "近日，政策研究室下发了《县域经济发展调研工作方案》，部署调研任务。\n"
        #expect(try documents(bare).allSatisfy { $0.issuers.isEmpty })
    }
}
