import Testing
import TestSupport
@testable import PolicyText

/// A header copied onto one line: the title, a space, its 文号 (a table cell's rule perhaps after it), the addressee
/// and body on the lines below. Each on two sources' shapes and a near miss; every fixture is written for these tests.
extension DocumentLayoutRuleTests {
    @Test func aTitleLineWithItsNumberSpacedOffAfterIt() throws {
        let download = try #require(try Self.segments("""
        |
        关于印发2031年重点任务分解落实方案的通知 某政发〔2031〕1号 |
        |||||||||
        各辖市、区人民政府，市各委办局：现将2031年重点任务分解落实方案印发给你们，有关要求如下：一要凝聚共识抓落实。二要压实责任抓推进。
        """).first { $0.title != nil })
        #expect(download.title == "关于印发2031年重点任务分解落实方案的通知")
        #expect(download.docNumber?.text == "某政发〔2031〕1号")
        let portal = try #require(try Self.segments("""
        某某县人民政府办公室关于做好2032年春季森林防火工作的通知 某政办发[2032]6号
        各乡镇人民政府，县直各单位：
        现将有关事项通知如下，请认真贯彻执行。
        """).first { $0.title != nil })
        #expect(portal.title == "某某县人民政府办公室关于做好2032年春季森林防火工作的通知")
        #expect(portal.docNumber?.text == "某政办发〔2032〕6号")
    }

    @Test func aTitleLineWithADateSpacedOffHasNoNumber() throws {
        // Near miss: what is spaced off after the title is a date, not a 文号.
        let dated = try Self.segments("""
        关于做好2031年防汛工作的通知 2031年5月6日
        各乡镇人民政府，县直各单位：
        现将有关事项通知如下。
        """)
        #expect(dated.allSatisfy { $0.docNumber == nil })
    }
}
