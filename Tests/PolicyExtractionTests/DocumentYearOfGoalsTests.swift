import Testing
@testable import PolicyExtraction

/// The year a document is about, named by the goals or key work its first sentences say it sets. Sentences written
/// for these tests, from two kinds of texts, with near misses.
@Suite struct DocumentYearOfGoalsTests {
    private func year(_ t: String) -> Int? { PassageTense.documentYear(Array(t.unicodeScalars)) }

    @Test func theYearOfTheGoalsOrKeyWorkATextSetsIsItsYear() {
        // News of a city splitting its work report's tasks, and a newspaper's headline of a work report's goals.
        #expect(year("日前，某市政府印发通知，对《政府工作报告》提出的2031年重点工作任务予以分解。") == 2031)
        #expect(year("政府工作报告提出：2032年某某市经济社会发展预期目标") == 2032)
        #expect(year("关于下达2033年全县固定资产投资目标任务的通知") == 2033)
        // Near misses: a report on a year's key work, a year with no goals after it, a period of years.
        #expect(year("关于2030年重点工作完成情况的报告") == nil)
        #expect(year("2030年全市经济运行总体平稳。") == nil)
        #expect(year("根据2021—2025年发展规划的主要目标，制定本方案。") == nil)
    }
}
