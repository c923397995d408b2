import PolicyOntology
import TestSupport
import Testing
@testable import PolicyExtraction

/// Times and shapes of plans the seed wording lacked: a year whose clause says 将 (news of a plan), the document's own
/// plan period (“九五”期间 in the plan for 九五), 其中 breaking a goal down, verbs of support and treatment before a
/// count. Written in their input: ⟦ ⟧ mark each quantity that must be a target; every other number must not be one.
/// Each sentence is written for these tests, in the shapes of two kinds of texts, with a near miss.
@Suite struct PlanTimeAndBreakdownTests {
    @discardableResult
    private func expectTargets(_ marked: String, ownPlanPeriodEnd: Int? = nil, planDocument: Bool = false,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> [ExtractedTarget] {
        try expectMarkedTargets(marked, sourceLocation: sourceLocation) {
            $0.targets(in: ScalarSpan($1), ownPlanPeriodEnd: ownPlanPeriodEnd, planDocument: planDocument)
        }
    }

    // MARK: - year 年 subject 将 verb

    @Test func aYearWhoseClauseSaysWillIsTheYearToMeet() throws {
        // News of a national plan, after a short lead.
        let news = try expectTargets("根据规划，2030年全国森林覆盖率将超过⟦26%⟧，湿地保护率达到⟦55%⟧。")
        #expect(news.allSatisfy { $0.deadline == 2030 })
        #expect(news.first?.subject == "全国森林覆盖率")
        #expect(news.first?.comparator == .above)
        // A county's annual plan, the year opening the sentence.
        let county = try expectTargets("2026年全县城乡居民人均可支配收入将增长⟦7%⟧左右。")
        #expect(county.first?.deadline == 2026)
        // Near misses: 将近 (nearly) in a report, and 将 in a later clause than the year.
        try expectTargets("2022年全市将近3000家企业完成技术改造。")
        try expectTargets("2023年全省森林覆盖率为61.2%，今后将继续提高。")
    }

    @Test func theFutureClauseNeedsASubjectAndAClauseStart() {
        let s = { (t: String) in Array(t.unicodeScalars) }
        #expect(TargetExtractor.opensFutureClause(s("2030年全市绿化率将达到45%"), yearStart: 0, yearEnd: 4))
        #expect(TargetExtractor.opensFutureClause(s("据悉，2028年本省将新建5所医院"), yearStart: 3, yearEnd: 7))
        // Near misses: the year inside a noun phrase (它的2030年…), 将来.
        #expect(!TargetExtractor.opensFutureClause(s("它的2030年目标将公布"), yearStart: 2, yearEnd: 6))
        #expect(!TargetExtractor.opensFutureClause(s("2030年将来的需求"), yearStart: 0, yearEnd: 4))
    }

    // MARK: - The document's own plan period

    @Test func aTitleNamesItsOwnPlanPeriod() {
        #expect(PassageTense.ownPlanPeriod(ScalarSpan("某省人民政府关于实施“十五五”规划纲要主要任务分工的通知")) == 2030)
        #expect(PassageTense.ownPlanPeriod(ScalarSpan("某市“十四五”生态环境保护规划")) == 2025)
        #expect(PassageTense.ownPlanPeriod(ScalarSpan("关于印发某县九五计划重点项目安排的通知")) == 2000)
        // Near misses: a report on a plan, a numbered session, and 十五 inside 十五五.
        #expect(PassageTense.ownPlanPeriod(ScalarSpan("关于“十三五”规划实施情况的报告")) == nil)
        #expect(PassageTense.ownPlanPeriod(ScalarSpan("某省第十五届运动会筹备工作方案")) == nil)
        #expect(PassageTense.ownPlanPeriod(ScalarSpan("某区“十五五”产业发展规划")) == 2030)
    }

    @Test func theOwnPlanPeriodIsATimeToMeet() throws {
        // A provincial task split and a municipal sector plan.
        let tasks = try expectTargets("“十五五”期间新建污水处理厂⟦20座⟧，改造老旧管网⟦800公里⟧。", ownPlanPeriodEnd: 2030)
        #expect(tasks.allSatisfy { $0.deadline == 2030 })
        #expect(tasks.first?.subject == "新建污水处理厂")
        try expectTargets("“十四五”时期，全市建设口袋公园⟦120个⟧、绿道⟦300公里⟧。", ownPlanPeriodEnd: 2025)
        // Near miss: the same period in a document that is not its plan tells what happened in it.
        try expectTargets("“十三五”期间新建污水处理厂18座，改造老旧管网650公里。")
        try expectTargets("“十三五”期间新建污水处理厂18座，改造老旧管网650公里。", ownPlanPeriodEnd: 2025)
    }

    // MARK: - Tasks of a plan opened by their verb

    @Test func aTitleNamesAPlanOrATaskList() {
        #expect(PassageTense.namesPlan(ScalarSpan("某县人民政府关于印发某县2025年重点工作任务的通知")))
        #expect(PassageTense.namesPlan(ScalarSpan("某市交通运输局2025年工作要点")))
        #expect(PassageTense.namesPlan(ScalarSpan("关于印发2025年县政府工作报告任务清单的通知")))
        // Near misses: a review of a plan, a summary, a report.
        #expect(!PassageTense.namesPlan(ScalarSpan("关于某县2024年国民经济和社会发展计划执行情况的报告")))
        #expect(!PassageTense.namesPlan(ScalarSpan("某县2024年工作总结")))
        #expect(!PassageTense.namesPlan(ScalarSpan("某县2025年政府工作报告")))
    }

    @Test func aClauseOpenedByItsVerbIsATaskOfAPlan() throws {
        // A county's task list and a city bureau's work points.
        let county = try expectTargets("新建城市道路⟦12条⟧，新增城市绿地面积⟦30万平方米⟧。", planDocument: true)
        #expect(county.map(\.subject) == ["新建城市道路", "新增城市绿地面积"])
        try expectTargets("2.完成农村户厕改造⟦1200户⟧，培训高素质农民⟦800人⟧。", planDocument: true)
        // Near misses: the subject or time first (a report's shape), and the same task outside a plan.
        try expectTargets("全年新建城市道路12条。", planDocument: true)
        try expectTargets("新建城市道路12条，新增城市绿地面积30万平方米。")
    }

    // MARK: - Bare values in a paragraph of goals

    @Test func aBareValueContinuesAParagraphOfGoals() throws {
        let extractor = try #require(markedTargetsPipeline?.targetExtractor)
        // News of a national plan and a city's plan: the paragraph's opening date states goals.
        let health = extractor.targets(in: ScalarSpan("人均体育场地面积2.6平方米。"), defaultYear: 2025, paragraphDate: true)
        #expect(health.map(\.value) == [2.6])
        #expect(health.first?.deadline == 2025)
        let parks = extractor.targets(in: ScalarSpan("城市人均公园绿地面积15平方米；"), defaultYear: 2027, paragraphDate: true)
        #expect(parks.map(\.value) == [15])
        // Near misses: the same sentence without such a paragraph, and one that goes on after the value.
        #expect(extractor.targets(in: ScalarSpan("人均体育场地面积2.6平方米。")).isEmpty)
        #expect(extractor.targets(in: ScalarSpan("人均体育场地面积2.6平方米，居全国前列。"), defaultYear: 2025, paragraphDate: true).isEmpty)
    }

    // MARK: - 其中 after a goal

    @Test func ofWhichAfterAGoalBreaksItDown() throws {
        let budget = try expectTargets("到2027年，全省财政科技支出占比提高到⟦4%⟧以上，其中省本级达到⟦7%⟧。")
        #expect(budget.last?.subject == "省本级")
        #expect(budget.last?.deadline == 2027)
        try expectTargets("力争新增高新技术企业⟦500家⟧以上，其中制造业企业⟦300家⟧以上。")
        // Near miss: 其中 after a reported total is a part of the report.
        try expectTargets("去年全省新增高新技术企业480家，其中制造业企业260家以上。")
    }

    // MARK: - Verbs of support and treatment, the count of blocks

    @Test func supportAndTreatmentVerbsCommitACount() throws {
        let news = try expectTargets("《方案》提出，将实施五大工程，精准扶持⟦300个⟧相对薄弱村，建设⟦50个⟧示范村。")
        #expect(news.first?.subject == "相对薄弱村")
        let province = try expectTargets("治理⟦80条⟧重点小流域，发展⟦200个⟧特色产业村。")
        #expect(province.map(\.subject) == ["重点小流域", "特色产业村"])
        // Near miss: the same verb in a review of last year.
        try expectTargets("去年共扶持300个相对薄弱村。")
    }

    @Test func blocksAreAUnitOfCount() throws {
        let fields = try expectTargets("到2030年，每万人拥有足球场地达到⟦1.2块⟧以上。")
        #expect(fields.first?.unit == "块")
        try expectTargets("力争全区新建笼式球场⟦40块⟧。")
    }
}

/// Headlines that run a plan into its date, and numbers that name a thing or count a text's principles.
@Suite struct HeadlineAndNamingQuantityTests {
    @discardableResult
    private func expectTargets(_ marked: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [ExtractedTarget] {
        try expectMarkedTargets(marked, sourceLocation: sourceLocation) { $0.targets(in: ScalarSpan($1)) }
    }

    @Test func aHeadlineRunsThePlanIntoItsDate() throws {
        let province = try expectTargets("某省九部门联合印发方案到2027年城乡供水普及率达到⟦95%⟧")
        #expect(province.first?.deadline == 2027)
        #expect(province.first?.subject == "城乡供水普及率")
        let city = try expectTargets("《某市绿色建筑发展规划》到2030年新建建筑中绿色建筑占比达到⟦100%⟧")
        #expect(city.first?.deadline == 2030)
        // Near miss: a plan named without its date reports nothing to meet.
        try expectTargets("某省印发方案农村自来水普及率为88%")
    }

    @Test func aTravelTimeCircleIsANameNotAValue() throws {
        try expectTargets("到2025年，城市社区15分钟健身圈实现全覆盖。")
        try expectTargets("力争构建1小时通勤圈，建成区公交站点覆盖率达到⟦100%⟧。")
        // Near miss: a time limit itself is a target.
        try expectTargets("到2026年，企业开办时间压缩至⟦1个工作日⟧以内，急救平均反应时间缩短到⟦12分钟⟧以内。")
    }

    @Test func aMeasureAfterChaoGradesTheNounAfterIt() throws {
        // A city plan and a port plan: the count of graded things is the target, the grade is not.
        try expectTargets("到2027年，打造产值超千亿元产业集群⟦3个⟧，培育营收超10亿元企业⟦50家⟧。")
        try expectTargets("力争新建超10万吨级码头泊位⟦6个⟧。")
        // Near miss: 超 before the end of its clause commits to the value itself.
        try expectTargets("到2026年，全省新能源汽车年产量超⟦200万辆⟧，规上工业营业收入超⟦1万亿元⟧。")
    }

    @Test func countedPrinciplesDescribeTheText() throws {
        try expectTargets("方案坚持统筹规划、分类施策等5项原则，到2027年全省新建社区足球场⟦300块⟧。")
        try expectTargets("文件提出了科学布局、因地制宜等4项原则。")
    }
}
