import Testing
@testable import PolicyExtraction

/// Rows of a plan's indicator table (指标 / 基期值 / 目标值 / 属性), in the layouts plain text gives them. Rows
/// written for these tests in the shape of provincial and municipal plans.
@Suite struct IndicatorTableTests {
    let extractor = TargetExtractor()

    @Test func pipeRowGivesOneTargetWithItsBase() throws {
        let t = try #require(extractor.targets(in: "| 2 | 常住人口城镇化率（%） | 58.3 | 63 | 预期性 |").first)
        #expect(t.subject == "常住人口城镇化率")
        #expect(t.unit == "%")
        #expect(t.value == 63)
        #expect(t.baseValue == 58.3)
        #expect(t.comparator == .equal)
        let capped = try #require(extractor.targets(in: "|5|单位GDP二氧化碳排放降低（%）|—|≥18|约束性|").first)
        #expect(capped.value == 18)
        #expect(capped.baseValue == nil)
        #expect(capped.comparator == .atLeast)
    }

    @Test func rowWhoseCellsRanTogether() throws {
        // The normaliser drops the padding between Han text and digits: "森林蓄积量（亿立方米）3.1 3.5约束性".
        let forest = try #require(extractor.targets(in: "森林蓄积量（亿立方米）3.1 3.5约束性").first)
        #expect(forest.subject == "森林蓄积量")
        #expect(forest.unit == "亿立方米")
        #expect(forest.value == 3.5)
        #expect(forest.baseValue == 3.1)
        let jobs = try #require(extractor.targets(in: "7 城镇新增就业（万人）[45] [50]预期性").first)
        #expect(jobs.value == 50)
        #expect(jobs.unit == "万人")
        #expect(jobs.comparator == .equal)
    }

    @Test func rowWhoseBaseAndTargetRanTogetherBeforeTheirChange() throws {
        // Cells flattened without separators: base 1414, target 1270, change −10%; the change decides the split.
        let energy = try #require(extractor.targets(in: "能源消费总量（万吨标准煤）14141270-10%约束性").first)
        #expect(energy.subject == "能源消费总量")
        #expect(energy.unit == "万吨标准煤")
        #expect(energy.value == 1270)
        #expect(energy.baseValue == 1414)
        let carbon = try #require(extractor.targets(in: "3 单位地区生产总值二氧化碳排放（吨/万元）1.451.31-10约束性").first)
        #expect(carbon.value == 1.31)
        #expect(carbon.baseValue == 1.45)
        let rate = try #require(extractor.targets(in: "城镇调查失业率（%）5.65.5—0.1个百分点预期性").first)
        #expect(rate.value == 5.5)
        #expect(IndicatorTable.splitRun(Array("65.370".unicodeScalars), change: 4.7, points: true)! == (65.3, 70))
        // Near misses: no split states the change, and a period in a title is no run.
        #expect(IndicatorTable.splitRun(Array("14141270".unicodeScalars), change: 30, points: false) == nil)
        #expect(extractor.targets(in: "全市生活垃圾分类（20212025-5%）工作").isEmpty)
    }

    @Test func tabRowAndApproximateValue() throws {
        let t = try #require(extractor.targets(in: "地区生产总值年均增长（%）\t6.8\t6左右\t预期性").first)
        #expect(t.value == 6)
        #expect(t.baseValue == 6.8)
    }

    @Test func inAGoalPassageAPipeRowNeedsNoAttribute() throws {
        let t = try #require(extractor.targets(inGoalPassage: "| 研发经费投入强度（%） | 2.4 | 2.8 |", deadline: 2025).first)
        #expect(t.value == 2.8)
        #expect(t.deadline == 2025)
    }

    /// Near misses: a header row, a statistics table row without attribute outside goals, a row of names.
    @Test func rowsThatStateNoTarget() {
        #expect(extractor.targets(in: "| 序号 | 指标 | 2020年 | 2025年 | 属性 |").isEmpty)
        #expect(extractor.targets(in: "| 地区生产总值（亿元） | 4520.3 | 6.1 |").isEmpty)
        #expect(extractor.targets(in: "| 牵头单位 | 配合单位 | 完成时限 |").isEmpty)
    }
}
