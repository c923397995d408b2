import PolicyCore
import PolicyOntology
import TestSupport
import Testing
@testable import PolicyExtraction

/// Quotas of annual plans and goal sections as texts from sites no rule was written against state them: a year and a
/// comma before the subject that 将 or 要 commits, a change measured from the present (由目前的…增长到…), a list of goals
/// divided by lower headings, a share of units that opens its item (90%以上的…), a date set by a sentence after a lead,
/// the year's key work named by a title, and counts of inspections, buildings and events. Written in their input: ⟦ ⟧
/// mark each quantity that must be a target; every other number must not be one. Every sentence is written for these
/// tests, each shape in two kinds of texts and with a near miss.
@Suite struct AnnualPlanQuotaTests {
    @discardableResult
    private func expectTargets(_ marked: String, passage: PassageTense.Passage = .other, planDocument: Bool = false,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> [ExtractedTarget] {
        try expectMarkedTargets(marked, sourceLocation: sourceLocation) {
            $0.targets(in: ScalarSpan($1), passage: passage, planDocument: planDocument)
        }
    }

    private func values(_ text: String) throws -> Set<Double> {
        Set(try extractedTargetNodes(text).compactMap { $0.attributes["value"]?.doubleValue })
    }

    // MARK: - year 年 ， subject (将 | 要 | 需) verb

    @Test func aYearACommaAndWillOpenAFutureClause() throws {
        // News of a city's annual plan and a county's work report.
        let city = try expectTargets("2026年，全市将加快农业现代化，新增高标准农田⟦80万亩⟧，粮食总产⟦120万吨⟧以上。")
        #expect(city.allSatisfy { $0.deadline == 2026 })
        let county = try expectTargets("2025年，全县将新增城镇就业⟦4000人⟧，改造农村公路⟦150公里⟧。")
        #expect(county.allSatisfy { $0.deadline == 2025 })
        // Near misses: 将 marking an object (把) in a review, 主要 holding 要.
        try expectTargets("2020年，全市将120家企业纳入重点监测范围。")
        try expectTargets("2021年主要经济指标达到预期，地区生产总值增长6%。")
    }

    @Test func aSubjectThatMustReachAValueMakesItsYearADateToMeet() throws {
        let s = { (t: String) in Array(t.unicodeScalars) }
        #expect(TargetExtractor.opensFutureClause(s("2027年全市经济总量要达到2000亿元左右"), yearStart: 0, yearEnd: 4))
        #expect(TargetExtractor.opensFutureClause(s("根据规划，2028年全省规上企业需达到5000家以上"), yearStart: 5, yearEnd: 9))
        #expect(TargetExtractor.opensFutureClause(s("2026年，我省将继续扩大有效投资"), yearStart: 0, yearEnd: 4))
        // Near misses: 要求 is no obligation to reach, 主要 no modal, a long clause before 将.
        #expect(!TargetExtractor.opensFutureClause(s("2022年全市要求各地完成整改"), yearStart: 0, yearEnd: 4))
        // (An exact value after 要 may be a past year's plan reported with its result.)
        #expect(!TargetExtractor.opensFutureClause(s("2023年全市能耗要下降3%，实际下降3.2%"), yearStart: 0, yearEnd: 4))
        #expect(!TargetExtractor.opensFutureClause(s("2022年，主要农作物耕种收综合机械化率达到85%"), yearStart: 0, yearEnd: 4))
        #expect(!TargetExtractor.opensFutureClause(s("2022年，全市各级各部门认真贯彻落实将来"), yearStart: 0, yearEnd: 4))
        let plan = try expectTargets("2027年全市经济总量要达到⟦2600亿元⟧左右，其中规上工业企业需达到⟦900家⟧左右。")
        #expect(plan.allSatisfy { $0.deadline == 2027 })
    }

    // MARK: - base → (由 | 从) present 的

    @Test func thePresentAsTheBaseOfAChangeIsNoReport() throws {
        // A city's five-year goals and a provincial sector plan.
        let income = try expectTargets("力争城镇居民人均可支配收入由目前的4.2万元增长到⟦6万元⟧左右。")
        #expect(income.first?.comparator == .equal)
        try expectTargets("高新技术企业数量从现在的800家增加到⟦1500家⟧以上，研发投入强度从当前的1.8%提高到⟦2.5%⟧以上。")
        // Near miss: the present reported on its own.
        try expectTargets("目前全市高新技术企业数量达到800家。")
    }

    // MARK: - A list of goals divided by lower headings

    @Test func aLowerHeadingDividesAListOfGoalsAndAHigherOneEndsIt() throws {
        // A county bureau's crop plan: run-in headings below 二、目标任务.
        let crops = try values("""
        二、目标任务
        （一）种植面积。全县油菜种植面积稳定在12万亩，其中：春播面积4.5万亩，秋播面积7.5万亩。
        （二）产量。全县油料总产2.6万吨。
        三、工作措施
        （一）强化指导。全县农技人员380人。

        """)
        #expect(crops == [12, 4.5, 7.5, 2.6])
        // A city's task split: a numbered line too long for a heading ends the goals of 一、.
        let city = try values("""
        一、主要预期目标
        1.全区地区生产总值增长6%左右；城镇新增就业1.2万人以上。
        二、推动产业升级，加快建设现代化产业体系
        （一）做强先进制造业。全区规上工业企业总数480家，居全市前列。

        """)
        #expect(city == [6, 1.2])
    }

    // MARK: - share-subject → percent qualifier? 的 noun …

    @Test func aShareOpeningItsItemIsTheShareToReach() throws {
        // A high-tech zone's plan and a provincial elderly-care plan, under a date to meet.
        let zone = try expectTargets("到2026年，全区新增研发机构⟦50家⟧，⟦90%⟧以上的研发人员集中在企业、⟦80%⟧以上的发明专利来源于企业。")
        #expect(zone.dropFirst().first?.subject == "研发人员集中在企业")
        try expectTargets("⟦85%⟧以上的养老机构设在社区，⟦60%⟧的护理人员持证上岗。", passage: .goals(deadline: 2027))
        // Near misses: a share inside a clause that qualifies whom a rule rewards, with or without a date.
        try expectTargets("对研发投入占比20%以上的企业给予奖励。")
        try expectTargets("到2026年，对研发投入占比20%以上的企业给予一次性奖励。")
    }

    // MARK: - A date to meet set after a lead of its paragraph

    @Test func aDateSetAfterTheLeadGovernsTheParagraph() throws {
        let province = try values("""
        本报讯 日前，某省人民政府印发《关于加快康养产业发展的意见》。意见提出，到2027年，全省康养产业体系基本形成。全省累计建成康养小镇50个、康养基地200家。

        """)
        #expect(province == [50, 200])
        let city = try values("""
        近日，某市出台《文旅融合发展三年行动方案》。方案明确，到2026年，全市文旅产业实现高质量发展。全市累计培育文旅骨干企业120家。

        """)
        #expect(city == [120])
        // Near miss: a paragraph that sets no date reports a running total.
        let report = try values("""
        某县召开康养产业推进会。全县累计建成康养基地20家。

        """)
        #expect(report.isEmpty)
    }

    // MARK: - A goal announcement names the year the document is about

    @Test func theYearOfAnnouncedGoalsIsTheYearOfLaterQuotas() throws {
        // News of a provincial rural work conference and a city's annual plan.
        let province = try values("""
        记者从全省农村工作会议上了解到，2026年，全省农业农村发展的主要目标是：粮食总产达到700亿斤；农民人均可支配收入增长7%以上。
        为实现上述目标，全省将采取以下措施。一是抓好粮食生产。2026年全省粮食作物播种面积稳定在7500万亩，其中玉米面积增加到4900万亩，高产示范田力争达到300个以上。
        """)
        #expect(province == [700, 7, 7500, 4900, 300])
        let city = try values("""
        2025年，全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。
        二是扩大有效投资。2025年全市重大项目完成投资增加到1200亿元，力争新开工项目200个。
        """)
        #expect(city == [6, 1200, 200])
        // Near miss: without the announcement, the year before the first quota is a report's (the clause of intent still commits).
        #expect(try values("""
        二是扩大有效投资。2025年全市重大项目完成投资增加到1200亿元，力争新开工项目200个。
        """) == [200])
    }

    // MARK: - Tasks of a plan or a list of livelihood projects

    @Test func tasksOfAPlanNameWhomTheyServeOrWhatTheyMeasure() throws {
        // A district's livelihood projects and a county's annual work plan.
        let district = try expectTargets("为⟦12个⟧老旧小区实施雨污分流改造；开设⟦30个⟧社区老年助餐点。", planDocument: true)
        #expect(district.map(\.subject).last == "开设")
        try expectTargets("为⟦500户⟧困难家庭完成适老化改造。", planDocument: true)
        try expectTargets("创新招商模式，实际利用外资⟦2.5亿美元⟧以上、引进市外内资⟦150亿元⟧以上。", planDocument: true)
        // Near misses: a value stated with 为, and the same tasks outside a plan.
        try expectTargets("全市工业增加值增速为6.5%。", planDocument: true)
        try expectTargets("为12个老旧小区实施雨污分流改造。")
        try expectTargets("实际利用外资2.5亿美元以上。")
    }

    // MARK: - Titles and units

    @Test func aTitleOfTheYearsKeyWorkNamesAPlan() {
        #expect(PassageTense.namesPlan(ScalarSpan("中共某省委 某省人民政府关于做好2025年乡村振兴重点工作的实施意见")))
        #expect(PassageTense.namesPlan(ScalarSpan("某市2026年民生实事重点工作安排")))
        #expect(PassageTense.namesPlan(ScalarSpan("关于印发《2026年区政府要完成的与人民生活密切相关的实事》的通知")))
        // Near miss: a report on the key work done.
        #expect(!PassageTense.namesPlan(ScalarSpan("某区2024年重点工作完成情况的报告")))
    }

    @Test func anIndexTakesAWholeValueAndAirQualityItsConcentration() throws {
        // A provincial health plan and a city's air-quality plan.
        let health = try expectTargets("到2027年，健康发展指数达⟦88⟧，居民健康素养水平达⟦40%⟧以上。")
        #expect(health.first?.unit == "")
        let air = try expectTargets("到2025年，细颗粒物年均浓度控制在⟦28微克每立方米⟧以下，可吸入颗粒物浓度不超过⟦45微克/立方米⟧。")
        #expect(air.map(\.unit) == ["微克每立方米", "微克/立方米"])
        // Near miss: a whole number after 达 that is no index's (a count of no unit) states nothing.
        try expectTargets("到2027年，参与单位达12，覆盖率达到⟦90%⟧。")
    }

    @Test func inspectionsBuildingsAndEventsAreCounted() throws {
        let food = try expectTargets("今年计划抽检食品⟦3.2万批次⟧以上，其中农产品⟦1.5万批次⟧以上。")
        #expect(food.first?.unit == "万批次")
        let district = try expectTargets("力争全年改造老旧住宅⟦120栋⟧，举办群众文化活动不少于⟦500场⟧。")
        #expect(district.map(\.unit) == ["栋", "场"])
        // Near miss: last year's count of events.
        try expectTargets("去年共举办群众文化活动320场。")
    }
}
