import PolicyCore
import PolicyOntology
import PolicyText
import TestSupport
import Testing
@testable import PolicyExtraction

/// Indicator tables printed one cell a line (a page reader's flattening of an HTML table) and quotas stated after a
/// year opening the sentence. Every text is written for these tests, each shape from two kinds of texts and with a
/// near miss.
@Suite struct LineCellTableTests {
    private func targets(_ text: String) throws -> [NodeRecord] { try extractedTargetNodes(text) }

    // MARK: - One cell a line

    @Test func eachRowOfATablePrintedOneCellALineStatesItsValue() throws {
        // A ministry's annual list of performance indicators: index, name, expected result, month, attribute, note.
        let ministry = try targets("""
        2031年度重点工作绩效指标如下。
        序号 |
        指标名称 |
        预期效果 |
        完成时限 |
        指标属性 |
        备注 |
        1 |
        新认定技术创新示范企业数量 |
        各60家 |
        11月 |
        预期性 |
        |
        2 |
        重点行业能效标杆达标比例 |
        30%以上 |
        12月 |
        约束性 |
        按行业分别考核。另见附件。 |
        3 |
        工业用水重复利用率 |
        94% |
        12月 |
        预期性 |
        注：约束性指标须确保完成。

        """)
        #expect(subjectValues(ministry) == ["新认定技术创新示范企业数量": 60, "重点行业能效标杆达标比例": 30, "工业用水重复利用率": 94])
        #expect(ministry.first { $0.attributes["value"]?.doubleValue == 30 }?.attributes["comparator"]?.stringValue == ">=")
        // A county's plan indicators: index, indicator, base value, target value.
        let county = try targets("""
        序号 |
        指标 |
        2030年基期值 |
        2035年目标值 |
        1 |
        森林覆盖率 |
        41.2% |
        45%左右 |
        2 |
        新增城镇就业人数 |
        2.1万人 |
        3万人 |

        """)
        #expect(subjectValues(county) == ["森林覆盖率": 45, "新增城镇就业人数": 3])
        #expect(county.allSatisfy { $0.attributes["deadline"]?.stringValue == "2035" })
        #expect(county.first { $0.attributes["value"]?.doubleValue == 45 }?.attributes["base_value"]?.doubleValue == 41.2)
    }

    @Test func aTablePrintedOneCellALineWithoutAValueColumnStatesNothing() throws {
        // Near misses: a list of projects (an amount invested, no column of values to reach), and a value cell that
        // holds a note rather than a value.
        #expect(try targets("""
        序号 |
        项目名称 |
        总投资 |
        建设地点 |
        1 |
        城区供水管网改造 |
        1200万元 |
        东城街道 |

        """).isEmpty)
        #expect(try targets("""
        序号 |
        指标名称 |
        目标值 |
        1 |
        营商环境满意度 |
        较上年有所提升，力争进入全省前列 |

        """).isEmpty)
    }

    @Test func aCellLineIsOneCellEndedByAPipe() {
        let line = { (t: String) -> Range<Int>? in
            let bytes = Array(t.utf8)
            return LineCellTable.cell(bytes, 0..<bytes.count)
        }
        #expect(line("各80个 |") == 0..<8)  // (各, 80, 个: 3 + 2 + 3 bytes)
        #expect(line("|") == 0..<0)
        // Near misses: a row of several cells, a line without a closing pipe.
        #expect(line("甲镇 | 12.5 |") == nil)
        #expect(line("森林覆盖率达到45%") == nil)
    }

    // MARK: - A year opening the sentence before a bounded quota

    @Test func aYearOpeningTheSentenceBoundsAQuotaWithItsQualifier() throws {
        let extractor = try #require(markedTargetsPipeline?.targetExtractor)
        func expectTargets(_ marked: String, documentYear: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> [ExtractedTarget] {
            try expectMarkedTargets(marked, sourceLocation: sourceLocation) { _, text in
                extractor.targets(in: ScalarSpan(text), defaultYear: documentYear)
            }
        }
        // A district's investment policy and a city's housing notice, each about the year it opens with.
        let bonds = try expectTargets("2031年政府专项债券储备规模⟦30亿元⟧以上，保障重点项目建设。", documentYear: 2031)
        #expect(bonds.first?.deadline == 2031 && bonds.first?.comparator == .atLeast)
        try expectTargets("2032年全市保障性租赁住房筹建⟦5000套⟧以上。", documentYear: 2032)
        // Near misses: a year before the one the document is about (a review), a value without a qualifier.
        try expectTargets("2030年全区专项债券发行规模30亿元以上。", documentYear: 2031)
        try expectTargets("2031年政府专项债券储备规模30亿元。", documentYear: 2031)
    }
}
