import PolicyCore
import PolicyText
import Testing
@testable import PolicyExtraction

/// Issue 12: a cover excerpt (the page starts at the addressee) that issues a body's own rules, titled by the body's
/// name, with no 署名 printed; and a county-level division known by its full name with its city ("杭州市滨江区"). Each on
/// two sources' shapes and a near miss; every fixture is written for these tests.
extension DocumentAnatomyIssuerTests {
    @Test func aCoverExcerptIssuingABodysOwnRulesIsIssuedByThatBody() throws {
        let prefecture = try documents("""
        各县市人民政府，州人民政府各部门：
        《昌吉回族自治州人民政府工作规则》已经自治州人民政府审议通过，现予印发。
        2031年3月6日
        （此件公开发布）
        昌吉回族自治州人民政府工作规则
        第一章 总则
        一、为规范自治州人民政府工作，制定本规则。
        """)
        #expect(prefecture.contains { $0.title == "昌吉回族自治州人民政府工作规则" && $0.issuers == ["昌吉回族自治州人民政府"] })
        let county = try documents("""
        各乡镇人民政府，县直各单位：
        《宁远县人民政府工作规则》已经县人民政府常务会议审议通过，现予印发，请认真遵照执行。
        2032年2月8日
        宁远县人民政府工作规则
        第一章 总则
        第一条 为做好县人民政府工作，制定本规则。
        """)
        #expect(county.contains { $0.title == "宁远县人民政府工作规则" && $0.issuers == ["宁远县人民政府"] })
        // Near miss: what the cover issues opens with a place, not a body: no issuer is read from it.
        let plan = try documents("""
        各乡镇人民政府，县直各单位：
        《宁远县全民健身实施计划》已经县人民政府同意，现予印发，请认真组织实施。
        2032年2月8日
        宁远县全民健身实施计划
        一、总体要求
        """)
        #expect(plan.allSatisfy { $0.issuers.isEmpty })
    }

    @Test func aCountyLevelDivisionIsAlsoNamedWithItsCity() throws {
        let pipeline = try #require(Self.pipeline)
        func aliases(_ text: String, of id: String) throws -> [String] {
            let c = pipeline.extract(source: try SourceText(path: "fixtures/county.txt", bytes: Array(text.utf8)))
            return try #require(c.nodes.first { $0.id == id }).aliases
        }
        #expect(try aliases("杭州市滨江区人民政府关于推动数字经济发展的通知\n", of: "region:330108").contains("杭州市滨江区"))
        #expect(try aliases("北京市海淀区2031年重点工作任务清单已经印发。\n", of: "region:110108").contains("北京市海淀区"))
        // Near miss: a county the province administers directly has no city to be named with.
        #expect(try aliases("仙桃市2031年重点工作任务清单已经印发。\n", of: "region:429004").allSatisfy { !$0.hasPrefix("湖北省") })
    }
}
