import PolicyCore
import PolicyOntology
import PolicyText
import Testing
import TestSupport
@testable import PolicyExtraction

/// A district's bodies carry their city's name (the 浦东新区 → 上海市浦东新区 convention, for the districts of
/// prefecture-level cities too) when no other division bears the district's name. Fixtures are written for these tests.
extension DocumentAnatomyIssuerTests {
    @Test func aDistrictBodyCarriesItsCitysName() throws {
        let office = try documents("""
        雁塔区人民政府办公室关于做好2031年春季植树工作的通知
        雁政办发〔2031〕3号
        各街道办事处，区政府各部门：
        现将有关事项通知如下，请认真贯彻执行。
        雁塔区人民政府办公室
        2031年3月2日
        """)
        #expect(office.first { $0.title.contains("植树") }?.issuers == ["西安市雁塔区人民政府办公室"])
        let bureau = try documents("""
        鄞州区发展和改革局关于报送2032年重点项目计划的通知
        各镇人民政府、街道办事处：
        请于本月底前报送重点项目计划。
        鄞州区发展和改革局
        2032年1月8日
        """)
        #expect(bureau.first { $0.title.contains("重点项目") }?.issuers == ["宁波市鄞州区发展和改革局"])
    }

    @Test func aDistrictNameSeveralCitiesShareStaysAsWritten() throws {
        // Near miss: 鼓楼区 is a district of several cities: the name is not given a city the text never names.
        let shared = try documents("""
        鼓楼区人民政府关于做好2031年防汛工作的通知
        各街道办事处，区政府各部门：
        现将有关事项通知如下。
        鼓楼区人民政府
        2031年5月6日
        """)
        let issuers = try #require(shared.first { $0.title.contains("防汛") }?.issuers)
        #expect(issuers.allSatisfy { !$0.hasSuffix("鼓楼区人民政府") || $0 == "鼓楼区人民政府" })
    }
}
