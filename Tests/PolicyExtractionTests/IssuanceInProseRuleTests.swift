import PolicyText
import Testing
@testable import PolicyExtraction

/// Issuance stated in prose and in page layouts (issue 12): a prefecture city's 人民政府办公厅, a genre noun that
/// refers back to a title ("这份由X等N部门印发的规划"), a region referred back to ("该省印发《S》") with the short
/// name the report defined, and a work report delivered by a speaker. Each rule on two sources' shapes and a near
/// miss; every fixture is written for these tests.
extension IssuerRuleTests {
    // MARK: - A prefecture city's 人民政府办公厅

    @Test func aPrefectureCitysGovernmentGeneralOfficeIssues() throws {
        // Provincial capitals and sub-provincial cities name their office 办公厅, as provinces do.
        let news = "近日，洛阳市政府办公厅下发《洛阳市城乡供水一体化实施方案》，明确了建设时间表。\n"
        #expect(try documents(news).contains { $0.title == "洛阳市城乡供水一体化实施方案" && $0.issuers == ["洛阳市人民政府办公厅"] })
        let notice = """
        青岛市人民政府办公厅关于加强海洋牧场建设的通知
        各区、市人民政府，市政府各部门：
        现将有关事项通知如下。
        青岛市人民政府办公厅
        2031年4月2日
        """
        #expect(try documents(notice).first?.issuers == ["青岛市人民政府办公厅"])
        // Near miss: a county's office is a 办公室; "县政府办公厅" makes no body.
        let county = "近日，新安县政府办公厅下发《新安县农村道路管护实施方案》，明确了管护责任。\n"
        #expect(try documents(county).allSatisfy { !$0.issuers.contains("新安县人民政府办公厅") })
    }

    // MARK: - A provincial body named by its level word, its province given by the 文号

    @Test func theNumbersProvinceCodeCompletesABodyNamedByItsLevelWord() throws {
        // Provincial portals print their own documents as "自治区…"/"省…" titles; the 文号's 简称 names the province.
        let region = """
        自治区人民政府办公厅关于加强草原生态保护的实施意见
        桂政办发〔2031〕12号
        各市、县人民政府，自治区人民政府各组成部门：
        现提出如下实施意见。
        """
        #expect(try documents(region).first?.issuers == ["广西壮族自治区人民政府办公厅"])
        let province = """
        省人民政府关于促进民营经济发展的意见
        皖政〔2031〕8号
        各市人民政府，省政府各部门：
        现提出如下意见。
        """
        #expect(try documents(province).first?.issuers == ["安徽省人民政府"])
        // Near miss: a city's code under a city's level word names no province (宁政发 is also Nanjing's).
        let city = """
        市人民政府关于加强城市绿化管理的通知
        宁政发〔2031〕30号
        各区人民政府，市府各委办局：
        现将有关事项通知如下。
        """
        #expect(try documents(city).allSatisfy { !$0.issuers.contains { $0.hasPrefix("宁夏") } })
        #expect(IssuerCode.province(statedBy: try #require(DocumentNumber.parse("宁政发〔2031〕30号")), forTitle: "省级资金管理办法") == nil)
    }

    // MARK: - People's congress bodies by their short forms

    @Test func aPeoplesCongressStandingCommitteeOfficeIsNamedInFull() throws {
        // "X人大常委会办公厅" is the usual way congress sites sign; the name is 人民代表大会常务委员会办公厅.
        let notice = """
        关于《成都市物业管理条例（修订草案）》公开征求意见的公告
        《成都市物业管理条例（修订草案）》已经市人大常委会审议。现向社会公开征求意见。
        成都市人大常委会办公厅
        2031年6月3日
        """
        #expect(try documents(notice).first?.issuers == ["成都市人民代表大会常务委员会办公厅"])
        let county = """
        关于召开代表座谈会的通知
        各乡镇人大主席团：
        现将有关事项通知如下。
        万载县人大常委会办公室
        2031年6月3日
        """
        #expect(try documents(county).first?.issuers == ["万载县人民代表大会常务委员会办公室"])
        // Near miss: a committee's working body named without a region is no signer this rule builds.
        let bare = """
        关于召开代表座谈会的通知
        现将有关事项通知如下。
        人大常委会办公室
        2031年6月3日
        """
        #expect(try documents(bare).allSatisfy { !$0.issuers.contains { $0.hasPrefix("人民代表大会") } })
    }

    // MARK: - A cut-short list counted with two nouns or a counter word

    @Test func aListCutShortByACountOfDepartmentsAndUnitsStillNamesItsLeaders() throws {
        // "等N部门和单位", "等N家单位": the count ends the named part of the list, whatever noun it counts with.
        let portal = "近日，工业和信息化部、财政部等12部门和单位联合印发《新型储能产业高质量发展行动方案》，明确了发展方向。\n"
        let doc = try #require(try documents(portal).first { $0.title == "新型储能产业高质量发展行动方案" })
        #expect(doc.issuers == ["工业和信息化部", "财政部"])
        let wire = "新华社北京5月6日电 交通运输部、公安部等9家单位日前联合发布《城市公共交通安全管理办法》。\n"
        let rule = try #require(try documents(wire).first { $0.title == "城市公共交通安全管理办法" })
        #expect(rule.issuers == ["交通运输部", "公安部"])
        // Near miss: "部门和单位" with no 等 before it is an addressee, not a cut-short list of issuers.
        let addressees = "请各有关部门和单位认真执行《城市公共交通安全管理办法》。\n"
        #expect(try documents(addressees).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - A genre noun that refers back to a cited title

    @Test func aGenreNounInThePassiveRefersBackToTheCitedTitle() throws {
        let wire = """
        新华社北京3月2日电 2日发布的《“十五五”养老服务体系规划》明确，到2030年养老服务体系更加完善。
        这份由民政部等12个部门印发的规划提出了主要指标。
        """
        let plan = try #require(try documents(wire).first { $0.title == "“十五五”养老服务体系规划" })
        #expect(plan.issuers == ["民政部"])
        let portal = """
        本报讯 《江苏省数字乡村建设行动方案》日前公布。由江苏省农业农村厅、江苏省财政厅制定的方案明确了五项重点任务。
        """
        let action = try #require(try documents(portal).first { $0.title == "江苏省数字乡村建设行动方案" })
        #expect(action.issuers == ["江苏省农业农村厅", "江苏省财政厅"])
        // Near miss: without 由 the noun is any plan of the body's, not the one cited.
        let active = """
        本报讯 《江苏省数字乡村建设行动方案》日前公布。江苏省农业农村厅印发的方案还有很多。
        """
        #expect(try documents(active).allSatisfy { $0.title != "江苏省数字乡村建设行动方案" || $0.issuers.isEmpty })
    }

    // MARK: - A region referred back to, and the short name it defined

    @Test func aRegionReferredBackIssuesItsDocumentByItsShortName() throws {
        let wire = """
        本报昆明讯 记者从有关部门获悉，该省实施《云岭智慧农业发展三年行动（2031—2033年）》（以下简称《三年行动》），提出到2033年的目标。
        该省近日印发《三年行动》，加快智慧农业发展。
        """
        let doc = try #require(try documents(wire).first { $0.title == "云岭智慧农业发展三年行动（2031—2033年）" })
        #expect(doc.issuers.isEmpty)
        let city = """
        本报讯 该市出台《滨江新区产业人才引进办法》（以下简称“办法”），对引进人才给予补贴。
        """
        #expect(try documents(city).contains { $0.title == "滨江新区产业人才引进办法" })
        // Near miss: 该 before a noun that is no region ("该项目出台《…》" never states an issuance by a region).
        let project = "本报讯 该项目出台《施工现场安全管理细则》，加强了安全管理。\n"
        #expect(try documents(project).allSatisfy { $0.title != "施工现场安全管理细则" })
    }

    @Test func shortNameDefinitionsPairTheShortNameWithTheFullTitle() {
        let a = ScalarSpan("印发《某某市生态环境保护条例实施细则》（以下简称《细则》），自公布之日起施行。")
        #expect(IssuerExtractor.shortNameDefinitions(in: a).map { [$0.short, $0.full] } == [["细则", "某某市生态环境保护条例实施细则"]])
        let b = ScalarSpan("发布《关于促进民营经济发展的若干措施》(以下简称“若干措施”)，共二十条。")
        #expect(IssuerExtractor.shortNameDefinitions(in: b).map { [$0.short, $0.full] } == [["若干措施", "关于促进民营经济发展的若干措施"]])
        // Near miss: "以下简称" after a body's name defines no document's name.
        let c = ScalarSpan("某某市发展和改革委员会（以下简称“市发改委”）负责组织实施。")
        #expect(IssuerExtractor.shortNameDefinitions(in: c).isEmpty)
    }

    // MARK: - A work report delivered

    @Test func aWorkReportDeliveredIsADocument() throws {
        let magazine = "本刊讯 2031年3月5日，国务院总理在第十六届全国人民代表大会第二次会议上作政府工作报告，部署全年任务。\n"
        #expect(try documents(magazine).contains { $0.title == "政府工作报告" && $0.issuers.isEmpty })
        let provincial = "本报杭州1月12日电 省长在作省政府工作报告时介绍，未来五年全省将实施十大工程。\n"
        #expect(try documents(provincial).contains { $0.title == "省政府工作报告" })
        let bracketed = "新华社受权全文播发代表国务院所作的《政府工作报告》。\n"
        #expect(try documents(bracketed).contains { $0.title == "政府工作报告" })
        // Near misses: a report made into something else, and 作 inside another word.
        let spoken = "本报讯 会议听取并审议了市政府工作报告，同意报告提出的目标。\n"
        #expect(try documents(spoken).allSatisfy { !$0.title.hasSuffix("工作报告") })
        let made = "本报讯 各单位要认真制作政府工作报告解读材料。\n"
        #expect(try documents(made).allSatisfy { !$0.title.hasSuffix("工作报告") })
    }

    @Test func aSpeakerStatingWhatTheReportSaysDeliveredIt() throws {
        let wire = "新华社北京3月5日电 国务院总理5日在政府工作报告中提出，今年发展主要预期目标是国内生产总值增长5%左右。\n"
        #expect(try documents(wire).contains { $0.title == "政府工作报告" && $0.issuers.isEmpty })
        let city = "本报讯 市长在《政府工作报告》中指出，今年全市将新建保障性住房3000套。\n"
        #expect(try documents(city).contains { $0.title == "政府工作报告" })
        // Near miss: a report something is written into states nothing.
        let written = "本报讯 这项民生工程已写入政府工作报告中，群众十分关注。\n"
        #expect(try documents(written).allSatisfy { !$0.title.hasSuffix("工作报告") })
    }

    @Test func aGenericWorkReportIsOneDocumentPerSource() throws {
        let pipeline = try #require(Self.pipeline)
        let a = pipeline.extract(source: try SourceText(path: "fixtures/a.txt", bytes: Array("本报讯 省长作政府工作报告，部署全年任务。\n".utf8)))
        let b = pipeline.extract(source: try SourceText(path: "fixtures/b.txt", bytes: Array("本报讯 市长作政府工作报告，部署全年任务。\n".utf8)))
        let ids = [a, b].map { $0.nodes.filter { $0.kind == .document }.map(\.id) }
        #expect(ids.allSatisfy { $0.count == 1 })
        #expect(Set(ids.joined()).count == 2)
    }
}

/// Page layouts whose document states no issuer where a notice does (issue 12).
extension IssuerRuleTests {
    @Test func aPageHeadingOpeningWithABodyIsThatBodysOwnRules() throws {
        let court = """
        网站首页 > 公告公示
        泰顺县人民法院诉讼服务中心工作细则（试行）
        第一条 为规范诉讼服务工作，制定本细则。
        第二条 诉讼服务中心负责立案登记和诉讼引导。
        """
        #expect(try documents(court).first?.issuers == ["泰顺县人民法院"])
        let bureau = """
        鹤壁市统计局统计数据发布管理办法
        第一条 为规范统计数据发布，制定本办法。
        第二条 本办法适用于本局发布的统计数据。
        """
        #expect(try documents(bureau).first?.issuers == ["鹤壁市统计局"])
        // Near miss: a heading that opens with a region only names no body.
        let region = """
        鹤壁市统计数据发布管理办法
        第一条 为规范统计数据发布，制定本办法。
        """
        #expect(try documents(region).allSatisfy { $0.issuers.isEmpty })
    }

    @Test func aCoverExcerptWithItsDateIsADocument() throws {
        let plan = """
        各乡镇人民政府，县直各有关单位：
        现将《青禾县耕地保护工作方案》印发给你们，请认真组织实施。
        2031年12月29日
        （此件公开发布）
        """
        #expect(try documents(plan).contains { $0.title == "青禾县耕地保护工作方案" && $0.date == "2031-12-29" })
        let measures = """
        各区人民政府，市政府各部门：
        《白石市老旧小区改造管理办法》已经市人民政府同意，现予印发，请遵照执行。
        2032年3月2日
        """
        #expect(try documents(measures).contains { $0.title == "白石市老旧小区改造管理办法" })
        // Near miss: the same excerpt without its 成文日期 is only a sentence about the plan.
        let undated = """
        各乡镇人民政府，县直各有关单位：
        现将《青禾县耕地保护工作方案》印发给你们，请认真组织实施。
        """
        #expect(try documents(undated).allSatisfy { $0.title != "青禾县耕地保护工作方案" })
    }

    @Test func anUndatedCoverExcerptRunOnIntoWhatItIssuesIsADocument() throws {
        let text = String(repeating: "各地要加强组织领导，明确责任分工，细化工作措施，确保各项任务落到实处。", count: 20)
        // One flattened line: the State Council's addressees, the issuing sentence, the plan's text.
        let national = """
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将《“十五五”现代物流发展规划》印发给你们，请认真贯彻执行。为推动现代物流高质量发展，制定本规划。\(text)
        """
        #expect(try documents(national).contains { $0.title == "“十五五”现代物流发展规划" })
        // A county's excerpt over lines, the plan's text after the sentence.
        let county = """
        各乡镇人民政府，县直各有关单位：
        《青禾县农村供水保障三年行动方案》已经县政府同意，现印发给你们，请认真组织实施。
        为保障农村供水安全，制定本方案。
        \(text)
        """
        #expect(try documents(county).contains { $0.title == "青禾县农村供水保障三年行动方案" })
        // Near miss: the sentence alone, nothing of the plan after it.
        let sentence = """
        各乡镇人民政府，县直各有关单位：
        《青禾县农村供水保障三年行动方案》已经县政府同意，现印发给你们，请认真组织实施。
        """
        #expect(try documents(sentence).allSatisfy { $0.title != "青禾县农村供水保障三年行动方案" })
    }
}
