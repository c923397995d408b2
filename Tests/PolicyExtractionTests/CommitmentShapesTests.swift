import Foundation
import PolicyCore
import PolicyOntology
import PolicyText
import TestSupport
import Testing
@testable import PolicyExtraction

/// Shapes of a commitment that texts from sites no rule was written against use: comparator signs (≥79), amounts in
/// Chinese numerals with a decimal and a magnitude (十二点五万亿元, 一亿零五百万人), 成 as a tenth, bound adverbs
/// before the verb (最少建成一个), 上下/超出, measure words of wells, ships and electricity, a value stated as the goal
/// (目标为…), bare value lines under a goal heading, a clause-opening date that governs its paragraph. Written in
/// their input: ⟦ ⟧ mark each quantity that must be a target; every other number must not be one. Every sentence is
/// written for these tests, each shape in two kinds of texts and with a near miss.
@Suite struct CommitmentShapesTests {
    @discardableResult
    private func expectTargets(_ marked: String, passage: PassageTense.Passage = .other,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> [ExtractedTarget] {
        try expectMarkedTargets(marked, sourceLocation: sourceLocation) { $0.targets(in: ScalarSpan($1), passage: passage) }
    }

    private func extract(_ text: String) throws -> [NodeRecord] { try extractedTargetNodes(text) }

    private func values(_ nodes: [NodeRecord]) -> [Double] {
        nodes.compactMap { $0.attributes["value"]?.doubleValue }.sorted()
    }

    // MARK: - Comparator signs

    @Test func aComparatorSignStatesAValueWithOrWithoutAUnit() throws {
        let health = try expectTargets("到2026年，全区每千人口拥有执业（助理）医师数≥⟦3.5⟧，婴儿死亡率≤⟦4.5‰⟧。")
        #expect(health.map(\.comparator) == [.atLeast, .atMost])
        #expect(health.first?.unit == "")
        let school = try expectTargets("《方案》提出，到2025年，学前三年毛入园率＞⟦92%⟧，义务教育巩固率≥⟦97⟧。")
        #expect(school.map(\.comparator) == [.above, .atLeast])
        // Near miss: a sign in a count of inspected samples states no goal.
        try expectTargets("抽检样品中，含水率≥13的有7批次。")
    }

    // MARK: - Chinese numerals

    @Test func chineseAmountsKeepTheirFirstMagnitudeAsTheUnit() throws {
        let plan = try expectTargets("到2030年，全省地区生产总值达到⟦十二点五万亿元⟧，常住人口控制在⟦一亿零五百万人⟧以内。")
        #expect(plan.map(\.value) == [12.5, 1.05])
        #expect(plan.map(\.unit) == ["万亿元", "亿人"])
        let city = try expectTargets("到2027年，城镇化率提高到⟦百分之六十五⟧，新增就业⟦三万五千人⟧以上。")
        #expect(city.map(\.value) == [65, 3.5])
        #expect(city.map(\.unit) == ["%", "万人"])
        // Near misses: a population stated as a fact, numerals inside words.
        try expectTargets("全省常住人口一亿零五百万人。")
        try expectTargets("这项工作十分重要，要建立一个中心。")
    }

    @Test func tenthsAreStatedInTenths() throws {
        let energy = try expectTargets("到2030年，单位地区生产总值能耗降低⟦两成⟧左右。")
        #expect(energy.first?.value == 2)
        #expect(energy.first?.unit == "成")
        let county = try expectTargets("今年力争全县农村居民人均可支配收入增长⟦一成⟧以上。")
        #expect(county.first?.comparator == .atLeast)
        // Near miss: 成 inside a word.
        try expectTargets("三成效显著，到2026年全面推开。")
    }

    // MARK: - Bound adverbs and qualifiers

    @Test func boundAdverbsAndApproximationsQualifyTheQuantity() throws {
        let zones = try expectTargets("力争每个开发区最少建成⟦一个⟧省级以上创新平台。")
        #expect(zones.first?.comparator == .atLeast)
        let parks = try expectTargets("到2026年底，全市将建设⟦五十个⟧上下智慧社区。")
        #expect(parks.first?.comparator == .equal)
        let industry = try expectTargets("力争到2027年，高新技术企业营业收入占比超出⟦40%⟧，研发投入年均提高⟦8%⟧上下。")
        #expect(industry.map(\.comparator) == [.above, .equal])
        // Near miss: the same words in a report with no date to meet and no intent.
        try expectTargets("部分园区主营业务收入占有率超出70%。")
    }

    // MARK: - Measure words

    @Test func measureWordsOfWellsShipsAndElectricity() throws {
        let energy = try expectTargets("到2027年，全区年发电量达⟦60亿度⟧以上，勘探开发井超过⟦100口⟧。")
        #expect(energy.map(\.unit) == ["亿度", "口"])
        let water = try expectTargets("力争到2030年，新打抗旱机井⟦120眼⟧，新增内河运输船舶⟦300艘⟧。")
        #expect(water.map(\.unit) == ["眼", "艘"])
        // Near misses: degrees are no electricity, a port is no well.
        try expectTargets("室内空调温度夏季不低于26度。")
        try expectTargets("全省现有5口岸。")
    }

    // MARK: - Ranges that describe whom a rule is for

    @Test func aRangeOfAMeasureBeforeANounIsItsScope() throws {
        try expectTargets("到2027年，60至69岁老年人健康管理率达到⟦75%⟧。")
        try expectTargets("到2026年，3—6岁儿童学前教育毛入园率达到⟦95%⟧。")
    }

    // MARK: - A value stated as the goal

    @Test func aValueStatedAsTheGoalMakesTheRestOfTheSentenceGoals() throws {
        let county = try expectTargets("2026年全县固定资产投资目标为⟦80亿元⟧以上，同比增长⟦10%⟧以上。")
        #expect(county.allSatisfy { $0.deadline == 2026 })
        try expectTargets("全年社会消费品零售总额增长目标为⟦6%⟧左右。")
        // Near miss: a value stated as what it was.
        try expectTargets("2025年全县固定资产投资为75亿元，同比增长9%。")
    }

    // MARK: - A report of a year's tasks

    @Test func aReportedYearOfTasksIsTheYearToMeet() throws {
        try expectTargets("会议强调2026年全市工作的重点任务，新建保障性住房⟦5000套⟧，改造老旧小区⟦120个⟧以上。")
        try expectTargets("报告指出2027年的主要目标任务，全市新增城镇就业⟦12万人⟧以上。")
        // Near miss: a reporting verb before a past year's result.
        try expectTargets("报告指出2025年全市地区生产总值增长5.6%。")
    }

    // MARK: - Context across lines and sentences

    @Test func bareValueLinesUnderAGoalHeadingAreGoals() throws {
        let report = try extract("""
        某县2026年政府工作报告
        二、今年主要预期目标
        地区生产总值增长6%左右
        城镇调查失业率5.5%以内
        粮食产量45万吨以上
        居民消费价格涨幅3%左右
        三、重点工作

        """)
        #expect(values(report) == [3, 5.5, 6, 45])
        let plan = try extract("""
        某市生态环境保护规划
        （二）主要指标
        森林覆盖率62%
        城市空气质量优良天数比率88%以上

        """)
        #expect(values(plan) == [62, 88])
        // Near miss: the same lines under a review heading are results.
        let review = try extract("""
        某县2026年政府工作报告
        一、2025年工作回顾
        地区生产总值增长5.8%
        粮食产量44万吨

        """)
        #expect(review.isEmpty)
    }

    @Test func aClauseOpeningDateGovernsItsParagraph() throws {
        let water = try extract("""
        围绕城乡供水一体化开展专项行动，到2027年，基本解决农村季节性缺水问题。全面推行县域统管。农村自来水普及率达到98%，规模化供水工程覆盖率达到60%。

        """)
        #expect(values(water) == [60, 98])
        #expect(water.allSatisfy { $0.attributes["deadline"]?.stringValue == "2027" })
        let gas = try extract("""
        按照省里统一部署实施燃气管网提升工程，至2028年，全面完成老旧管网改造。城区燃气普及率达到99.5%。

        """)
        #expect(values(gas) == [99.5])
        // Near miss: a year of a report opens no goals.
        let report = try extract("""
        去年全县开展专项行动，2025年全面完成改造。农村自来水普及率达到96%。

        """)
        #expect(report.isEmpty)
    }

    // MARK: - Amounts with a magnitude only, rates per a power of ten, grades

    @Test func aChineseAmountMayEndWithItsMagnitude() throws {
        let cluster = try expectTargets("到2027年，全市先进制造业集群总量超过⟦三千亿⟧规模。")
        #expect(cluster.first?.value == 3000)
        #expect(cluster.first?.unit == "亿")
        try expectTargets("力争到2030年，数字经济规模突破⟦一万亿⟧。")
        // Near miss: a magnitude in a word of praise counts nothing.
        try expectTargets("各地要以千万分的努力抓好落实。")
    }

    @Test func aRatePerAPowerOfTenIsItsUnit() throws {
        let maternal = try expectTargets("力争到2030年，全省孕产妇死亡率下降到⟦9/10万⟧以下。")
        #expect(maternal.first?.unit == "/10万")
        #expect(maternal.first?.comparator == .atMost)
        let beds = try expectTargets("到2027年，每千人口医疗卫生机构床位数达到⟦7.5张⟧，婴儿死亡率控制在⟦4/1000⟧以内。")
        #expect(beds.last?.unit == "/1000")
        // Near miss: a fraction is no rate.
        try expectTargets("去年全省三分之一的县完成了1/3的改造任务。")
    }

    @Test func aMeasureAfterChaoGradesTheNounItCounts() throws {
        let zones = try expectTargets("到2027年，建成营业收入超500亿元的开发区⟦8个⟧、超100亿元的开发区⟦30个⟧。")
        #expect(zones.map(\.unit) == ["个", "个"])
        try expectTargets("力争培育年产值超10亿元的龙头企业⟦20家⟧以上。")
    }

    // MARK: - A list announced inside a sentence

    @Test func aListAnnouncedInsideASentenceLastsItsParagraph() throws {
        let report = try extract("""
        今年全县经济社会发展的主要预期目标是：地区生产总值增长7%；一般公共预算收入增长5%。城镇居民人均可支配收入实际增长6.5%，农村居民人均可支配收入实际增长7.5%。
        去年以来，全县坚持稳中求进工作总基调。

        """)
        #expect(values(report) == [5, 6.5, 7, 7.5])
        // Near miss: past figures in a later paragraph of a news story are no part of the list.
        let news = try extract("""
        某市健康行动方案近日出台。方案列出目标：到2027年，全市人均健康预期寿命达到⟦72岁⟧。
        记者了解到，2023年全市人均预期寿命83.6岁，婴儿死亡率2.1‰。

        """.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: ""))
        #expect(values(news) == [72])
    }

    // MARK: - Dates in Chinese numerals, 逾

    @Test func aYearInChineseNumeralsIsADateToMeet() throws {
        let plan = try expectTargets("到二〇二七年，全市新增城镇就业⟦三万人⟧以上，城镇化率达到⟦百分之七十⟧。")
        #expect(plan.allSatisfy { $0.deadline == 2027 })
        let county = try expectTargets("力争至二〇三〇年，全县规上企业逾⟦300家⟧。")
        #expect(county.first?.comparator == .above)
        #expect(county.first?.deadline == 2030)
        // Near miss: a year in Chinese numerals reports what a county had.
        try expectTargets("一九九八年全县规上企业仅有30家。")
    }

    // MARK: - More than, not more than

    @Test func yuAndDuoAfterANumberStateMoreThanIt() throws {
        let firms = try expectTargets("到2027年，全市新增规上企业⟦50余家⟧，培育专精特新企业⟦100多家⟧。")
        #expect(firms.map(\.unit) == ["家", "家"])
        #expect(firms.allSatisfy { $0.comparator == .above })
        let jobs = try expectTargets("力争全年带动就业⟦1万余人⟧。")
        #expect(jobs.first?.unit == "万人")
        // Near miss: a report of last year's count.
        try expectTargets("去年全市新增规上企业60余家。")
    }

    @Test func notMoreThanWrittenShort() throws {
        let growth = try expectTargets("到2027年，全市单位产值能耗增速不超⟦2%⟧，能耗强度下降至⟦0.45吨标准煤/万元⟧之下。")
        #expect(growth.map(\.comparator) == [.atMost, .atMost])
        #expect(growth.first?.subject == "全市单位产值能耗增速")
        // Near miss: 不超 in a scope threshold of a tax rule.
        try expectTargets("月销售额不超10万元的小规模纳税人免征增值税。")
    }
}
