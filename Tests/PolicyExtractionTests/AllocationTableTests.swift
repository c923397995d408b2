import PolicyCore
import PolicyOntology
import Testing
@testable import PolicyExtraction

/// Tables that split a quota among units, one row each (任务分解表): a unit line or the task column's note states the
/// unit, the task column the quota, its year the deadline. Every table is written for these tests, in the shapes of two
/// kinds of texts, with near misses.
@Suite struct AllocationTableTests {
    private func nodes(_ text: String) throws -> [NodeRecord] { try extractedTargetNodes(text) }

    @Test func eachRowOfAQuotaTableIsItsUnitsTarget() throws {
        // A county government's crop quota split among townships, the unit on a line of its own.
        let crops = try nodes("""
        附件：2026年某县大豆种植任务分解表
        面积：万亩
        乡镇 | 耕地面积 | 2026年大豆任务面积 | 备注 |
        甲镇 | 12.50 | 1.20 | |
        乙乡 | 8.04 | 0.75 | |
        合计 | 20.54 | 1.95 | |

        """)
        #expect(subjectValues(crops) == ["甲镇": 1.2, "乙乡": 0.75])
        #expect(crops.allSatisfy { $0.attributes["unit"]?.stringValue == "万亩" && $0.attributes["deadline"]?.stringValue == "2026" })
        // A city's energy-saving quota split among departments, the unit in the task column's note.
        let energy = try nodes("""
        责任单位 | 下达目标（万吨标准煤） | 联系人 |
        市工信局 | 3.5 | 张某 |
        市住建局 | 1.2 | 李某 |

        """)
        #expect(subjectValues(energy) == ["市工信局": 3.5, "市住建局": 1.2])
    }

    @Test func tablesThatSplitNoQuotaStateNoTarget() throws {
        // Near misses: a table with no unit stated, a list of tasks, and rows after the table has ended.
        #expect(try nodes("""
        乡镇 | 2026年任务数 | 备注 |
        甲镇 | 12 | |

        """).isEmpty)
        #expect(try nodes("""
        序号 | 重点任务 | 牵头单位 | 完成时限 |
        1 | 建设示范基地 | 市农业农村局 | 2026年底 |

        """).isEmpty)
        let ended = try nodes("""
        单位：万元
        街道 | 2025年计划投资 |
        东街道 | 300 |
        以上任务由各街道按月报送进度，区政府统一调度，确保如期完成。
        西街道 | 200 |

        """)
        #expect(subjectValues(ended) == ["东街道": 300])
    }

    @Test func aHeaderNeedsAQuotaColumnAndNoValue() {
        let isUnit: (String) -> Bool = { ["万亩", "万元"].contains($0) }
        let s = { (t: String) in Array(t.unicodeScalars) }
        #expect(AllocationTable.header(s("乡镇 | 可种植面积 | 2026年任务面积 | 备注 |"), isUnit: isUnit)?.column == 2)
        #expect(AllocationTable.header(s("| 单位名称 | 目标任务（万元） |"), isUnit: isUnit)?.unit == "万元")
        // Near misses: a row (it holds a value), an indicator table's header.
        #expect(AllocationTable.header(s("甲镇 | 12.5 | 计划 |"), isUnit: isUnit) == nil)
        #expect(AllocationTable.header(s("指标 | 2025年 | 2027年目标 | 属性 |"), isUnit: isUnit) == nil)
    }
}
