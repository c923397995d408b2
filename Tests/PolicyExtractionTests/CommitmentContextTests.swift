import Foundation
import PolicyCore
import PolicyOntology
import PolicyText
import TestSupport
import Testing
@testable import PolicyExtraction

/// What decides between a commitment and a report when the words alone do not: the passage (a list of goals), a
/// date to meet earlier in the sentence, a goal announcement inside the sentence, the base of a change, a list split
/// at ；, the year a document is about. Written in their input: ⟦ ⟧ mark each quantity that must be a target;
/// every other number must not be one. Every sentence is written for these tests, each rule in the shapes of two
/// kinds of texts (work reports, plans, notices, news of a plan) and with a near miss.
@Suite struct CommitmentContextTests {
    @discardableResult
    private func expectTargets(_ marked: String, passage: PassageTense.Passage = .other,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> [ExtractedTarget] {
        try expectMarkedTargets(marked, sourceLocation: sourceLocation) { $0.targets(in: ScalarSpan($1), passage: passage) }
    }

    private func extract(_ text: String) throws -> [NodeRecord] { try extractedTargetNodes(text) }

    // MARK: - Growth bases and running totals inside goals

    @Test func growthOverTheYearBeforeIsAGoalInAGoalList() throws {
        let goals = PassageTense.Passage.goals(deadline: 2026)
        let county = try expectTargets("全县地区生产总值同比增长⟦6%⟧以上，固定资产投资同比增长⟦8%⟧左右。", passage: goals)
        #expect(county.allSatisfy { $0.deadline == 2026 })
        try expectTargets("城乡居民人均可支配收入比上年增长⟦6.5%⟧以上。", passage: goals)
        // Near miss: the same words outside a goal list report a quarter.
        try expectTargets("一季度全县地区生产总值同比增长6.2%，固定资产投资同比增长7.9%。")
    }

    @Test func aRunningTotalAfterADateToMeetIsAGoal() throws {
        let charging = try expectTargets("到2027年，全省累计建成公共充电桩⟦6万个⟧以上。")
        #expect(charging.first?.deadline == 2027)
        try expectTargets("力争到2030年，累计推广新能源公交车⟦3000辆⟧。")
        // Near miss: a running total reported up to now.
        try expectTargets("截至去年底，全省累计建成公共充电桩4.6万个。")
    }

    // MARK: - Years that are times to meet, not reports

    @Test func aYearOpeningASentenceInAGoalListIsItsYear() throws {
        let goals = PassageTense.Passage.goals(deadline: nil)
        let first = try expectTargets("2026年，全区新建5G基站⟦800个⟧以上，新增规上企业⟦30家⟧以上。", passage: goals)
        #expect(first.allSatisfy { $0.deadline == 2026 })
        try expectTargets("（一）2027年全市培育专精特新企业⟦120家⟧以上。", passage: goals)
        // Near miss: outside a goal list the same opening reports a year.
        try expectTargets("2023年，全区新建5G基站650个以上。")
    }

    @Test func aGoalAnnouncementInsideTheSentenceOpensTheList() throws {
        let report = try expectTargets("2026年全县经济社会发展的主要预期目标为：地区生产总值增长⟦6%⟧左右；")
        #expect(report.first?.deadline == 2026)
        try expectTargets("今后三年的工作目标是：全市新增城镇就业⟦4万人⟧，城镇调查失业率控制在⟦5.5%⟧以内。")
        // Near miss: a year and a growth rate with no announcement are a report.
        try expectTargets("2024年全县地区生产总值增长5.8%。")
    }

    @Test func aChangeFromABaseAimsAtItsSecondValue() throws {
        let forest = try expectTargets("全省森林覆盖率要由2020年的23.5%提高到⟦26%⟧。")
        #expect(forest.first?.comparator == .equal)
        let housing = try expectTargets("预期性指标包括城镇人均住房面积由32平方米（2020年）增至⟦36平方米⟧（2025年）。")
        #expect(housing.first?.deadline == 2025)
        // Near miss: a change reported with nothing that commits is a result.
        try expectTargets("全省森林覆盖率由2015年的21%提高到23.5%。")
    }

    @Test func nearestDateToMeetGovernsEachValue() throws {
        let tourism = try expectTargets("到2026年，全省年接待游客⟦8亿人次⟧；到2028年，年接待游客⟦9亿人次⟧。")
        #expect(tourism.map(\.deadline) == [2026, 2028])
        let water = try expectTargets("到2025年城市再生水利用率达到⟦25%⟧，到2030年达到⟦30%⟧。")
        #expect(water.map(\.deadline) == [2025, 2030])
    }

    @Test func listedYearsGoWithTheValuesOfRespectively() throws {
        let green = try expectTargets("明确2026年、2028年、2030年新区绿化覆盖率分别提高到⟦45%⟧、⟦50%⟧、⟦55%⟧。")
        #expect(green.map(\.deadline) == [2026, 2028, 2030])
        let jobs = try expectTargets("到2027年和2030年，全市高技能人才分别达到⟦30万人⟧和⟦40万人⟧。")
        #expect(jobs.map(\.deadline) == [2027, 2030])
        // Near miss: one year for two subjects leaves both values in that year.
        let one = try expectTargets("到2027年，森林覆盖率、湿地保护率分别达到⟦26%⟧和⟦55%⟧。")
        #expect(one.map(\.deadline) == [2027, 2027])
    }

    @Test func aYearWrittenWithASpaceOpensTheSentence() {
        #expect(TargetExtractor.sentenceOpeningYear(Array("2026 年，全区新建5G基站800个。".unicodeScalars)) == 2026)
        #expect(PassageTense.documentYear(Array("2026 年是全面完成规划目标之年。".unicodeScalars)) == 2026)
        // Near miss: a year followed by 以来 is a time of the past, not the year of a goal.
        #expect(TargetExtractor.sentenceOpeningYear(Array("2021 年以来，全区新建5G基站800个。".unicodeScalars)) == nil)
    }

    // MARK: - Words of commitment

    @Test func anAmountThatMustNotShrinkIsAFloor() throws {
        let wetland = try expectTargets("全市湿地面积⟦120万亩⟧不减少，自然岸线保有率不降低。")
        #expect(wetland.first?.comparator == .atLeast)
        let farmland = try expectTargets("全县永久基本农田⟦35万亩⟧不得减少。")
        #expect(farmland.first?.comparator == .atLeast)
        // Near miss: a reduction achieved is no floor.
        try expectTargets("上年全市减少燃煤消费12万吨。")
    }

    @Test func aFutureVerbStatesAGoalAndReachingIsAFloor() throws {
        let farm = try expectTargets("主要农作物耕种收综合机械化率将达⟦75%⟧。")
        #expect(farm.first?.comparator == .atLeast)
        try expectTargets("全市公共图书馆年服务人次将突破⟦500万人次⟧。")
        // Near miss: 主要 holds 要 but commits nobody; a value reached with no cue is a report.
        try expectTargets("主要农作物耕种收综合机械化率达到73%。")
    }

    @Test func aShareOrDoublingInWordsUnderADateToMeet() throws {
        let doubling = try expectTargets("到2030年，全市数字经济规模较2020年⟦翻一番⟧。")
        #expect(doubling.first?.unit == "倍")
        try expectTargets("力争到2028年，县域内就诊率稳定在⟦九成⟧。")
        // Near miss: a doubling reported as done.
        try expectTargets("过去五年，全市数字经济规模翻了一番。")
    }

    @Test func theDivisionsAndArticlesOfATextAreNoTargets() throws {
        // A notice describing the plan it issues, and a law page describing the regulation.
        try expectTargets("该《实施方案》分总体目标、重点任务、保障措施3部分40条。")
        try expectTargets("《条例》共7章62条，自2024年1月1日起施行。")
        // Near miss: a count of articles with no division before it, under a date to meet, is a target.
        try expectTargets("到2026年，全市新建改造城市道路⟦40条⟧以上。")
    }

    @Test func aConcentrationPerVolumeIsAUnit() throws {
        let air = try expectTargets("全市细颗粒物平均浓度控制在⟦32微克/立方米⟧以内。")
        #expect(air.first?.unit == "微克/立方米")
        #expect(air.first?.comparator == .atMost)
        try expectTargets("到2027年，城市臭氧浓度不超过⟦160微克/立方米⟧。")
        // Near miss: a concentration measured last year.
        try expectTargets("去年全市细颗粒物平均浓度为31微克/立方米。")
    }

    @Test func aVerbOfFundingCommitsTheAmount() throws {
        try expectTargets("市财政统筹⟦2000万元⟧专项资金支持中小企业数字化改造。")
        try expectTargets("联合金融机构整合⟦5000万元⟧资金发放文旅消费券。")
        // Near miss: an amount with no verb of funding before it is a rule's figure.
        try expectTargets("对认定的企业，按每户3000元给予补贴。")
    }

    @Test func aDateToMeetInTheDocumentsYear() throws {
        try expectTargets("今年年底前，全市要新改造农村卫生厕所⟦2万户⟧。")
        try expectTargets("《方案》提出，年内，全区新能源公交车数量达到⟦600辆⟧。")
        // Near miss: a span of years is no date to meet.
        try expectTargets("近三年内全市改造农村卫生厕所5万户。")
    }

    @Test func aCountInChineseNumeralsInAGoalList() throws {
        let goals = PassageTense.Passage.goals(deadline: 2027)
        try expectTargets("——在每个设区市建设⟦一所⟧高水平职业院校；", passage: goals)
        try expectTargets("各县培育⟦两个⟧省级农业产业化示范园区。", passage: goals)
        // Near miss: outside a goal list, a numeral with no comparator counts nothing to reach.
        try expectTargets("在每个设区市建设一所高水平职业院校。")
        // Through the pipeline: the goal list is read although its sentences hold no digit.
        let plan = try extract("""
        三、发展目标
        到2027年，全省职业教育主要目标如下：
        ——每个设区市建设一所高水平职业院校；
        ——新建两个省级公共实训基地。

        """)
        #expect(Set(plan.compactMap { $0.attributes["value"]?.doubleValue }) == [1, 2])
    }

    @Test func aUnitPerUnitMayCarryAMagnitude() throws {
        let road = try expectTargets("到2027年，高速公路密度达到⟦5.2公里/百平方公里⟧。")
        #expect(road.first?.unit == "公里/百平方公里")
        let rail = try expectTargets("到2030年，铁路网密度达到⟦260公里/万平方公里⟧。")
        #expect(rail.first?.unit == "公里/万平方公里")
        // Near miss: a slash before no unit leaves the unit alone.
        let plain = try expectTargets("到2027年，农村公路密度达到⟦4公里⟧/每百平方公里。")
        #expect(plain.first?.unit == "公里")
    }

    // MARK: - Across sentences

    @Test func aParagraphOpenedByAReportedDateToMeetStatesGoals() throws {
        let news = try extract("""
        新华财经消息，某市人民政府办公厅印发健康城市三年行动计划的通知，通知指出，到2026年，基本建成健康治理体系。建立完备的供水体系，农村自来水普及率99%以上、城乡供水工程覆盖率达95%。

        """)
        #expect(Set(news.compactMap { $0.attributes["value"]?.doubleValue }) == [99, 95])
        #expect(news.allSatisfy { $0.attributes["deadline"]?.stringValue == "2026" })
        // The plan's period in brackets in the lead counts nothing: the opening still states no quantity.
        let period = try extract("""
        本报讯，某省人民政府办公厅印发全民健身行动方案（2024—2026年），方案要求，到2026年，全民健身公共服务体系更加完善。经常参加体育锻炼人数比例达到40%以上，每千人拥有社会体育指导员达到2.5名。

        """)
        #expect(Set(period.compactMap { $0.attributes["value"]?.doubleValue }) == [40, 2.5])
        #expect(period.allSatisfy { $0.attributes["deadline"]?.stringValue == "2026" })
        let plan = try extract("""
        《行动计划》围绕现代化产业体系，确定2027年发展目标，既有定性目标又有定量目标。工业营业收入突破5000亿元，数字经济核心产业增加值占比达到12%。

        """)
        #expect(Set(plan.compactMap { $0.attributes["value"]?.doubleValue }) == [5000, 12])
        // Near miss: a paragraph opened by a year of the past reports.
        let review = try extract("""
        通知指出，2023年，全市建成健康治理体系。农村自来水普及率99%、城乡供水工程覆盖率达95%。

        """)
        #expect(review.isEmpty)
    }

    @Test func aParagraphOpenedByAnEarlierYearReviewsIt() throws {
        let plan = try extract("""
        某省2026年国民经济和社会发展计划
        2025年，全省经济运行稳中有进。全省地区生产总值增长5.6%，粮食总产量稳定在600亿斤左右。
        2026年，全省地区生产总值增长5.5%左右，粮食总产量稳定在610亿斤以上。

        """)
        #expect(plan.compactMap { $0.attributes["value"]?.doubleValue }.sorted() == [5.5, 610])
        let report = try extract("""
        某县2026年政府工作报告
        （一）2025年，全县新增城镇就业4200人以上，新建5G基站300个以上。
        （二）2026年，全县新增城镇就业4500人以上。

        """)
        // Near miss: the paragraph of the year the report is about still states its goals.
        #expect(report.compactMap { $0.attributes["value"]?.doubleValue } == [4500])
    }

    @Test func aNumberedRunInHeadingOpensAGoalList() throws {
        let plan = try extract("""
        （二）发展目标。到2027年，初步建成先进制造业强市。
        产业结构更优。基本形成现代化产业体系，战略性新兴产业增加值占比超过35%。

        """)
        #expect(plan.compactMap { $0.attributes["value"]?.doubleValue } == [35])
        let programme = try extract("""
        三、主要目标。力争用三年时间，全面提升县域商业体系。
        基本建成县乡村三级物流配送体系，村级寄递物流综合服务站覆盖率达到90%。

        """)
        #expect(programme.compactMap { $0.attributes["value"]?.doubleValue } == [90])
        // Near miss: a run-in heading that announces no goals leaves an achievement a result.
        let practice = try extract("""
        （二）主要做法。该市统筹推进先进制造业发展。
        产业结构更优。基本形成现代化产业体系，战略性新兴产业增加值占比超过35%。

        """)
        #expect(practice.isEmpty)
    }

    @Test func aStatisticsBulletinStatesResultsOnly() throws {
        let county = try extract("""
        某县2025年国民经济和社会发展统计公报
        一、综合
        年末城镇登记失业率控制在3.1%。全年粮食总产量达到12.6万吨。

        """)
        #expect(county.isEmpty)
        let city = try extract("""
        某市2024年统计公报
        全年新增城镇就业1.2万人以上，主要农作物耕种收综合机械化率达到76%。

        """)
        #expect(city.isEmpty)
        // Near miss: a plan's heading, the same limit is a target.
        let plan = try extract("""
        某县2026年国民经济和社会发展计划
        城镇登记失业率控制在4%以内。

        """)
        #expect(plan.compactMap { $0.attributes["value"]?.doubleValue } == [4])
    }

    @Test func aListSplitAtSemicolonsKeepsItsIntentAndTargets() throws {
        // A plan's list whose first part commits (要 …) and whose items stand after ；.
        let plan = try extract("""
        今后五年，全省要加快农业现代化；畜禽养殖规模化率达到70%；水产健康养殖面积比重达到60%。

        """)
        #expect(Set(plan.compactMap { $0.attributes["value"]?.doubleValue }) == [70, 60])
        // A programme explained by its numbers, one item after each ；.
        let programme = try extract("""
        2026年至2027年，实施“千人创业”工程（即全市筹集800万元创业扶持资金；收集150个创业项目；培育4个孵化基地；培训600名创业者）。

        """)
        #expect(Set(programme.compactMap { $0.attributes["value"]?.doubleValue }) == [800, 150, 4, 600])
        #expect(programme.allSatisfy { $0.attributes["deadline"]?.stringValue == "2027" })
        // Near miss: the same list in a report of what was done.
        let report = try extract("""
        去年全省畜禽养殖规模化率68%；水产健康养殖面积比重57%。

        """)
        #expect(report.isEmpty)
    }

    @Test func aDocumentNamesTheYearItIsAbout() {
        #expect(PassageTense.documentYear(Array("2026年是“十五五”开局之年，也是全县…的关键之年。".unicodeScalars)) == 2026)
        #expect(PassageTense.documentYear(Array("日前，某区印发关于促进消费若干政策举措（2026年版）的通知。".unicodeScalars)) == 2026)
        #expect(PassageTense.documentYear(Array("该省实施《文化强省建设三年行动（2024—2026年）》，加快…".unicodeScalars)) == 2026)
        #expect(PassageTense.documentYear(Array("国家能源局近日印发《2025年能源工作指导意见》。".unicodeScalars)) == 2025)
        // Near miss: a year that is a time of the past names no document's year.
        #expect(PassageTense.documentYear(Array("2020年以来，全县累计新建学校12所。".unicodeScalars)) == nil)
    }

    @Test func aGoalRestatedInAnotherParagraphIsStatedAgain() throws {
        // A news headline, then the plan's text; a plan's summary, then its chapter.
        let news = try extract("""
        某省：到2027年数字经济增加值占比达到50%左右

        本报讯 到2027年，全省数字经济增加值占比达到50%左右，数字产业规模持续扩大。

        """)
        #expect(news.filter { $0.attributes["value"]?.doubleValue == 50 }.count == 2)
        let plan = try extract("""
        主要目标：到2026年，全县新建高标准农田8万亩。

        一、建设任务。到2026年，全县新建高标准农田8万亩，同步发展高效节水灌溉。

        """)
        #expect(plan.filter { $0.attributes["value"]?.doubleValue == 8 }.count == 2)
        // Near miss: one red line stated twice is one node.
        let redLine = try extract("""
        严守18亿亩耕地红线。

        各地要严守18亿亩耕地红线，落实保护责任。

        """)
        #expect(redLine.filter { $0.attributes["value"]?.doubleValue == 18 }.count == 1)
    }

    @Test func aPreliminaryCountInsideASentenceReportsIt() throws {
        try expectTargets("“十四五”以来用水总量实现零增长，初步统计2025年全国万元工业增加值用水量较2020年下降22%，再生水利用量增长超过40%。")
        try expectTargets("经初步核算，全年地区生产总值增长6.1%，粮食产量达到120万吨。")
        // Near miss: a date to meet after the report turns the sentence to the future.
        try expectTargets("初步统计2025年全市用水总量下降18%，到2030年下降⟦25%⟧以上。")
    }

    @Test func squareMetresWrittenShortAreAUnit() throws {
        let community = try expectTargets("到2025年末，社区综合服务设施面积达到每百户⟦30平米⟧以上。")
        #expect(community.first?.unit == "平米")
        try expectTargets("力争新建保障性住房⟦12万平米⟧，人均公园绿地面积达到⟦15平米⟧。")
    }

    @Test func aPlanPeriodWithIntentOpensAParagraphOfGoals() throws {
        // News of a plan, then a county plan: the period with 要/将 governs the later sentences of its paragraph.
        let news = try extract("""
        某省数字经济规划

        根据规划，“十五五”期间要建成一批标志性产业链，数字经济领域有效发明专利达到9万件。同时，优化数字贸易生态，数字贸易进出口总额达到1.5万亿元。

        """)
        #expect(Set(news.compactMap { $0.attributes["value"]?.doubleValue }) == [9, 1.5])
        #expect(news.allSatisfy { $0.attributes["deadline"]?.stringValue == "2030" })
        let county = try extract("""
        某县农业发展方案

        “十五五”时期，全县力争建成高标准农田12万亩。此外，粮食总产量达到50万吨。

        """)
        #expect(Set(county.compactMap { $0.attributes["value"]?.doubleValue }) == [12, 50])
        // Near miss: a past period without intent reviews it.
        let review = try extract("""
        某县农业发展方案

        “十三五”期间，全县建成高标准农田8万亩。此外，粮食总产量达到45万吨。

        """)
        #expect(review.isEmpty)
    }
}
