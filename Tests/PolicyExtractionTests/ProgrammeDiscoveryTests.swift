import Testing
import PolicyCore
import PolicyOntology
@testable import PolicyExtraction

@Suite struct ProgrammeDiscoveryTests {
    private func programmes(_ text: String, recognizer: EntityRecognizer = entityTestsRecognizer) -> [EntityMention] {
        entityMentions(text, recognizer: recognizer).filter { $0.kind == .programme }
    }

    @Test func seedProgrammesByAliasWithFullConfidence() {
        let found = programmes("规范推进PPP模式，用好832平台，培育专精特新中小企业")
        #expect(found.map(\.canonical) == ["政府和社会资本合作", "脱贫地区农副产品网络销售平台", "专精特新"])
        #expect(found.allSatisfy { $0.confidence == 1 })
    }

    @Test func quotedSloganWithHeadWordIsDiscovered() {
        let found = programmes("各地要实施“蓝天碧水”工程，开展“一件事”改革")
        #expect(found.map(\.canonical) == ["“蓝天碧水”工程", "“一件事”改革"])
        #expect(found.allSatisfy { $0.confidence >= EntityRecognizer.defaultProgrammeThreshold && $0.confidence < 1 })
    }

    @Test func largerNameAroundASeedProgrammeIsANewOne() {
        let found = programmes("推进国家数字经济创新发展试验区建设")
        #expect(found.map(\.canonical) == ["国家数字经济创新发展试验区"])
    }

    @Test func quotedSeedWithHeadWordIsTheSeedProgramme() {
        let found = programmes("深化“放管服”改革和“互联网+政务服务”改革")
        #expect(found.map(\.canonical) == ["放管服改革", "互联网+政务服务"])
        #expect(found.allSatisfy { $0.confidence == 1 })
    }

    @Test func genericModifiersAloneAreNoProgramme() {
        #expect(programmes("服务国家重大战略，实施重大工程和国家战略").isEmpty)
    }

    @Test func leadingVerbIsStrippedFromADiscoveredName() {
        let r = EntityRecognizer(ontology: entityTestsRecognizer.ontology, programmeThreshold: 0.3)
        let found = programmes("加快实施沿海防护林提升工程", recognizer: r)
        #expect(found.map(\.canonical) == ["沿海防护林提升工程"])
    }

    @Test func peripheralSeedItemsOnlyBelowTheDefaultThreshold() {
        #expect(programmes("发展数字经济").isEmpty)
        let r = EntityRecognizer(ontology: entityTestsRecognizer.ontology, programmeThreshold: 0.5)
        let found = programmes("发展数字经济", recognizer: r)
        #expect(found.map(\.canonical) == ["数字经济"])
        #expect(found.first?.confidence == EntityRecognizer.peripheralProgrammeConfidence)
    }

    @Test func nameIntroducedByAVerbIsDiscoveredWithoutItsClause() {
        let found = programmes("各地要大力实施乡村道路提质工程")
        #expect(found.map(\.canonical) == ["乡村道路提质工程"])
        #expect(found.allSatisfy { $0.confidence >= EntityRecognizer.defaultProgrammeThreshold && $0.confidence < 1 })
    }

    @Test func shortBareNameStaysBelowTheDefaultThreshold() {
        #expect(programmes("水网工程进展顺利").isEmpty)
        let r = EntityRecognizer(ontology: entityTestsRecognizer.ontology, programmeThreshold: 0.5)
        #expect(programmes("水网工程进展顺利", recognizer: r).map(\.canonical) == ["水网工程"])
    }

    @Test func reformOfANamedZoneNamesTheZone() {
        #expect(programmes("深化国家山地农业综合示范区改革").map(\.canonical) == ["国家山地农业综合示范区"])
    }

    @Test func twoNamesJoinedByAndAreTwoProgrammes() {
        let found = programmes("实施城乡供水保障工程和农村道路畅通工程")
        #expect(found.map(\.canonical) == ["城乡供水保障工程", "农村道路畅通工程"])
    }

    @Test func andInsideANameIsKept() {
        #expect(programmes("创建国家文化和体育融合示范城市").map(\.canonical) == ["国家文化和体育融合示范城市"])
    }

    @Test func genericSystemsAndPlatformsAreNoProgramme() {
        let r = EntityRecognizer(ontology: entityTestsRecognizer.ontology, programmeThreshold: 0.3)
        #expect(programmes("完善服务体系，建设管理平台，健全相关制度", recognizer: r).isEmpty)
    }

    @Test func aNameJoinedByWithIsOneWhereAVerbIntroducesIt() {
        #expect(programmes("组织实施先进材料研发与应用计划").map(\.canonical) == ["先进材料研发与应用计划"])
        #expect(programmes("深入推进乡村人才引进与培育工程。").map(\.canonical) == ["乡村人才引进与培育工程"])
        // Near misses: 与 joining two things in a clause, and a discipline (人因工程学).
        #expect(programmes("加强仓储与产业集聚区的衔接").isEmpty)
        #expect(programmes("研究基于机器学习与人因工程学的设计方法").isEmpty)
    }

    @Test func aNameThatCountsOrDatesItsHeadsIsNone() {
        // Counts of a list and the year of a plan: a list, a document.
        #expect(programmes("全年实施25项民生实事工程").isEmpty)
        #expect(programmes("重点推进五大工程，修复800多处水毁工程").isEmpty)
        #expect(programmes("落实全市扬尘治理2024年行动计划").isEmpty)
        // Near miss: numerals inside a name that count nothing stay (万企兴万村, 5G).
        #expect(programmes("实施百校联百县行动").map(\.canonical) == ["百校联百县行动"])
    }

    @Test func aDocumentTitleIsNoProgramme() {
        // A whole title, in 《》 or after 印发, names the document; a part no verb introduces names nothing.
        #expect(programmes("省政府印发《全省清洁取暖三年行动计划》").isEmpty)
        #expect(programmes("市政府办公室印发城乡环境整治提升行动计划的通知").isEmpty)
        #expect(programmes("根据《全国森林防火规划和建设纲要》").isEmpty)
        // Near miss: a title that implements a programme names it; 本 points back at the document itself.
        #expect(programmes("《关于实施青年技能人才培育计划的通知》").map(\.canonical) == ["青年技能人才培育计划"])
        #expect(programmes("为推动产业升级，特制定本行动计划。").isEmpty)
    }

    @Test func aQuotedSloganToAchieveIsAProgramme() {
        #expect(programmes("政务服务事项全面实现“掌上可办”").map(\.canonical) == ["掌上可办"])
        #expect(programmes("各县推广“村医通”模式").map(\.canonical).contains("村医通"))
        // Near miss: a slogan that nothing introduces stays below the threshold.
        #expect(programmes("群众称之为“掌上可办”").isEmpty)
    }

    @Test func aSloganIntroducedAcrossAShortObjectThatEndsItsClauseIsAProgramme() {
        #expect(programmes("推进群众体育“北冰南展”，扩大参与人群。").map(\.canonical) == ["北冰南展"])
        #expect(programmes("全面实现涉企审批服务“一窗通办”。").map(\.canonical) == ["一窗通办"])
        // Near misses: a second verb before the slogan, more words after it, a count of heads.
        #expect(programmes("积极提出“中国方案”，推动合作。").isEmpty)
        #expect(programmes("推动形成区域发展“双轮驱动”格局。").isEmpty)
        #expect(programmes("实施营商环境创新“五大行动”，提升服务。").isEmpty)
    }

    @Test func aCorridorIntroducedByAVerbIsAProgramme() {
        #expect(programmes("推进西江黄金水运大通道建设，提升航运能力。").map(\.canonical) == ["西江黄金水运大通道"])
        // A new round of a corridor names the corridor itself.
        #expect(programmes("加快建设新一轮湘粤赣开放大通道。").map(\.canonical) == ["湘粤赣开放大通道"])
        // Near miss: a corridor no verb introduces, and one named by a generic word only.
        #expect(programmes("沿线物流大通道运行平稳。").isEmpty)
        #expect(programmes("推进物流通道建设。").isEmpty)
    }

    @Test func quantifiersAreNoPartOfAName() {
        #expect(programmes("建设一批现代农业示范基地").map(\.canonical) == ["现代农业示范基地"])
    }

    @Test func quotedSloganIntroducedByAVerbIsDiscovered() {
        #expect(programmes("全面推行“一码通行”").map(\.canonical) == ["一码通行"])
        #expect(programmes("宣传“一码通行”").isEmpty)
        #expect(programmes("推进“云、网、端”，落实“十四五”").isEmpty)
    }

    @Test func modifierBeforeAQuotedSloganBelongsToTheName() {
        #expect(programmes("开展家政服务提质“领跑者”行动").map(\.canonical) == ["家政服务提质“领跑者”行动"])
        #expect(programmes("我们发起“丝路同行”行动").map(\.canonical) == ["“丝路同行”行动"])
    }

    @Test func wordsWithFunctionCharactersStayInsideTheName() {
        #expect(programmes("实施流程再造工程，推进自由航运提升战略").map(\.canonical) == ["流程再造工程", "自由航运提升战略"])
        #expect(programmes("强化青年就业优先战略").map(\.canonical) == ["青年就业优先战略"])
        #expect(programmes("实施库区移民搬迁避让工程。").map(\.canonical) == ["库区移民搬迁避让工程"])
        // 可 turns a verb into an adjective: 可持续 does not end the left context.
        #expect(programmes("支持建设国家可持续旅游示范区。").map(\.canonical) == ["国家可持续旅游示范区"])
    }

    @Test func headInsideACompoundNounEndsNoName() {
        #expect(programmes("推广智能化工程机械，满足城市发展战略需求，开展规模化工程示范。").isEmpty)
    }

    @Test func numberedFormulaIsANameOnlyWithAHeadWord() {
        #expect(programmes("全面推进“3+2”工程。").map(\.canonical) == ["“3+2”工程"])
        #expect(programmes("全面推进“3+2”。").isEmpty)
    }

    @Test func nationalNamesOutrankGradedOnes() {
        #expect(programmes("依托国家康复医学中心开展研究。").map(\.canonical) == ["国家康复医学中心"])
        #expect(programmes("依托国家级康复医学中心开展研究。").isEmpty)
    }

    @Test func nationalSeedNamedWithoutItsPrefix() {
        let found = programmes("加快构建一体化大数据中心体系，建设一批骨干冷链物流基地。")
        #expect(found.map(\.canonical) == ["全国一体化大数据中心体系", "国家骨干冷链物流基地"])
        #expect(found.allSatisfy { $0.confidence == 1 })
        // Too short a rest (物流枢纽) is no name on its own.
        #expect(programmes("完善城市物流枢纽布局。").allSatisfy { $0.canonical != "国家物流枢纽" })
    }

    @Test func seedNamedWithoutItsTypeWord() {
        #expect(programmes("坚持把扩大内需作为战略基点。").map(\.canonical) == ["扩大内需战略"])
        // An ordinary phrase left after removing the type word (可持续发展) is no mention of 可持续发展战略.
        #expect(programmes("推动经济可持续发展。").isEmpty)
    }

    @Test func quotedSloganOpeningANameIsItsShortName() {
        #expect(ProgrammeDiscovery.quotedCore(of: "“蓝天碧水”工程") == "蓝天碧水")
        #expect(ProgrammeDiscovery.quotedCore(of: "企业标准“领跑者”制度") == nil)  // a variant of the slogan
        #expect(ProgrammeDiscovery.quotedCore(of: "“蓝天碧水”") == nil)
        #expect(ProgrammeDiscovery.quotedCore(of: "蓝天碧水工程") == nil)
    }

    @Test func adverbAndVerbBeforeANameAreNoPartOfIt() {
        #expect(programmes("有序建设沿海防护林提升工程。").map(\.canonical) == ["沿海防护林提升工程"])
    }

    @Test func strategicAllianceAndPlanProjectsAreNoProgrammeNames() {
        #expect(programmes("组建新能源汽车产业技术创新战略联盟，承担国家科技计划项目。").isEmpty)
    }

    @Test func buildVerbSeparatesANameFromWhatFollows() {
        let found = programmes("到2026年，国家算力枢纽集群新建数据中心平均能效降至1.3以下。")
        #expect(!found.contains { $0.canonical.contains("新建") })
    }

    @Test func pureClauseVerbCloseBeforeAHeadMakesAClause() {
        #expect(programmes("要从根本上确保数字战略落地，发挥最大战略效能。").isEmpty)
        #expect(programmes("双方建立全面战略伙伴关系。").isEmpty)
        // 促进 and 结合 are nouns inside names.
        #expect(programmes("支持建设国家进口贸易促进创新示范区。").map(\.canonical) == ["国家进口贸易促进创新示范区"])
    }

    @Test func skippingHeadsBelowTheThresholdKeepsEveryCandidateAboveIt() {
        // The early skips in `discover` (weak heads without 国家/全国, low bases) must drop only candidates that the
        // threshold would drop anyway: the same candidates as computing all of them and filtering afterwards.
        let discovery = ProgrammeDiscovery()
        let text = "实施国家政务服务平台建设，完善全国统一的社会信用体系，建设国家康复医学中心和区域医疗中心，"
            + "推进乡村振兴战略和数字乡村建设行动，依托国家级创新平台，开展“互联网+政务服务”改革，培育先进制造业集群。"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for threshold in [0.5, 0.6, 0.7, 0.8] {
                let fast = discovery.discover(in: buffer, range: 0..<bytes.count, minimumConfidence: threshold)
                let all = discovery.discover(in: buffer, range: 0..<bytes.count).filter { $0.confidence >= threshold }
                #expect(fast.map(\.range) == all.map(\.range), "threshold \(threshold)")
                #expect(fast.map(\.name) == all.map(\.name), "threshold \(threshold)")
            }
            #expect(discovery.discover(in: buffer, range: 0..<bytes.count, minimumConfidence: 0.7).contains { $0.name == "国家政务服务平台" })
        }
    }
}
