import Testing
@testable import PolicyExtraction

/// Fixtures are written for these tests (not taken from the corpus).
@Suite struct TargetExtractorTests {
    let extractor = TargetExtractor()

    @Test func deadlineGoalWithFloor() throws {
        let found = extractor.targets(in: "到2027年，全省数字经济核心产业增加值占比达到15%以上，城市更新任务基本完成。")
        let t = try #require(found.first)
        #expect(found.count == 1)
        #expect(t.value == 15)
        #expect(t.unit == "%")
        #expect(t.comparator == .atLeast)
        #expect(t.kind == .goal)
        #expect(t.deadline == 2027)
        #expect(t.subject.contains("数字经济核心产业增加值占比"))
    }

    @Test func numbersParseAsTheirDecimalText() throws {
        // Short numbers take the integer ÷ power-of-ten path, long ones the text parse; both must equal Double(text).
        for (written, text) in [("99.99", "99.99"), ("0.6600", "0.6600"), ("1,200", "1200"), ("12,345.678", "12345.678"),
                                ("3.1415926535897932", "3.1415926535897932"), ("12345678901234567890", "12345678901234567890"),
                                ("0.0000000000000000000000012", "0.0000000000000000000000012")] {
            let t = try #require(extractor.targets(in: "到2027年，指标达到\(written)%以上。").first, "\(written)")
            #expect(t.value == Double(text)!, "\(written)")
        }
    }

    @Test func inclusionNoteKeepsTheComparator() throws {
        for text in ["到2026年，力争全市规模以上工业企业达到2000家（含）以上。", "到2026年，力争全市规模以上工业企业达到2000家(含)以上。"] {
            let t = try #require(extractor.targets(in: text).first)
            #expect(t.value == 2000)
            #expect(t.comparator == .atLeast, "\(text)")
        }
    }

    @Test func achievementWithoutDeadlineOrIntentIsAStatistic() {
        #expect(extractor.targets(in: "该县优化线路，基本实现农村快件48小时内送达，初步建立起县乡村三级网络。").isEmpty)
        let goal = extractor.targets(in: "到2027年，基本实现农村快件48小时内送达。")
        #expect(goal.count == 1 && goal.first?.value == 48 && goal.first?.deadline == 2027)
        #expect(extractor.targets(in: "力争基本实现农村快件48小时内送达。").count == 1)
    }

    @Test func redLinePassedIsTheSameCap() throws {
        let t = try #require(extractor.targets(in: "对债务率超过120%红线的地区，暂停新上项目。").first)
        #expect(t.kind == .redLine)
        #expect(t.comparator == .atMost)
        #expect(t.value == 120)
    }

    @Test func capAndRedLine() throws {
        let cap = try #require(extractor.targets(in: "各地债务率控制在120%以内。").first)
        #expect(cap.comparator == .atMost)
        #expect(cap.kind == .cap)
        #expect(cap.value == 120)
        let red = try #require(extractor.targets(in: "坚决守住 1.2亿亩永久基本农田红线，不得擅自调整。").first)
        #expect(red.kind == .redLine)
        #expect(red.value == 1.2)
        #expect(red.unit == "亿亩")
        #expect(red.comparator == .atLeast)
        let limit = try #require(extractor.targets(in: "政府支出责任不超过当年预算支出的8%。").first)
        #expect(limit.comparator == .atMost)
        #expect(limit.value == 8)
    }

    @Test func rangesAndApproximateCounts() throws {
        let range = try #require(extractor.targets(in: "力争研发投入年均增长6%—9%。").first)
        #expect(range.comparator == .range)
        #expect(range.value == 6)
        #expect(range.valueMax == 9)
        let count = try #require(extractor.targets(in: "在沿海地区建设 20 个左右物流枢纽。").first)
        #expect(count.value == 20)
        #expect(count.unit == "个")
        #expect(count.comparator == .equal)
        #expect(count.subject == "物流枢纽")
    }

    @Test func timeLimitIsACap() throws {
        let t = try #require(extractor.targets(in: "主管部门收到材料后 7个工作日内作出答复。").first)
        #expect(t.value == 7)
        #expect(t.unit == "工作日")
        #expect(t.comparator == .atMost)
        #expect(t.kind == .cap)
    }

    @Test func fiveYearPlanPeriodIsADeadline() throws {
        let t = try #require(extractor.targets(in: "“十四五”期间，力争新增高标准农田 500万亩。").first)
        #expect(t.deadline == 2025)
        #expect(t.value == 500)
        #expect(t.unit == "万亩")
    }

    @Test func statisticsAreNotTargets() {
        #expect(extractor.targets(in: "截至2022年底，全市累计建成充电桩 3200个，同比增长12.5%。").isEmpty)
        #expect(extractor.targets(in: "2021年，服务业增加值占比达到 53.3%。").isEmpty)
        #expect(extractor.targets(in: "该省外贸总额连续9年保持在 30%以上。").isEmpty)
        #expect(extractor.targets(in: "旅客吞吐量由2016年的120万人次增长到2019年的260万人次，年均增长超过20%。").isEmpty)
        #expect(extractor.targets(in: "居民消费支出占比为 41.2%。").isEmpty)
        #expect(extractor.targets(in: "目前共有 45 个试点县。").isEmpty)
    }

    @Test func theValueAChangeStartsFromIsNotATarget() throws {
        let found = extractor.targets(in: "到2026年，全市绿色建筑占比由 45%提高到70%以上。")
        #expect(found.map(\.value) == [70])
        #expect(extractor.targets(in: "力争将审批时限从 20个工作日压缩至10个工作日。").map(\.value) == [10])
    }

    @Test func forecastsAreNotTargets() {
        #expect(extractor.targets(in: "该机构预测今年全球贸易将增长2.1%，目标是稳定。").isEmpty)
        #expect(extractor.targets(in: "机构将今年增长预期上调至4.6%。").isEmpty)
    }

    @Test func yearsAndBareNumbersAreNotQuantities() {
        #expect(extractor.targets(in: "到2030年，基本建成现代化体系。").isEmpty)
        #expect(extractor.targets(in: "推动5G网络建设，确保安全。").isEmpty)
    }

    @Test func countsOfMeasuresAreNotTargets() {
        #expect(extractor.targets(in: "《意见》从扩大投资、稳定就业等6个方面提出24条具体措施，守住民生底线。").isEmpty)
        #expect(extractor.targets(in: "该省部署了15项重点任务，力争取得实效。").isEmpty)
    }

    @Test func shareToBeReachedAndAchievedRevenue() throws {
        let share = try #require(extractor.targets(in: "县级医院远程医疗服务100%覆盖所有乡镇卫生院。").first)
        #expect(share.value == 100)
        #expect(extractor.targets(in: "上半年全行业实现营业收入 5200亿元，利润增长较快。").isEmpty)
    }

    @Test func redLineWordMustQualifyTheNumber() throws {
        let red = try #require(extractor.targets(in: "确保用水总量不超过 6700亿立方米的红线。").first)
        #expect(red.kind == .redLine)
        #expect(red.comparator == .atMost)
        let notRed = try #require(extractor.targets(in: "力争新建 300个养老服务站，兜住民生底线。").first)
        #expect(notRed.kind == .goal)
    }
}
