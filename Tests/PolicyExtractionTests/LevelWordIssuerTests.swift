import PolicyCore
import PolicyOntology
import PolicyText
import Testing
import TestSupport
@testable import PolicyExtraction

/// A title's issuer written with its level word alone ("市人民政府办公厅关于…", "区人民政府关于…") is placed where the
/// page names the one place of that level: its 制定机关 / 发布机构 field written as the same name after its place,
/// agreeing with the code of the document's own 文号. With no place, or two, it stays generic. Each on two sources'
/// shapes and a near miss; every fixture is written for these tests.
extension DocumentAnatomyIssuerTests {
    @Test func aLevelWordIssuerTakesThePlaceThePagesFieldNames() throws {
        // A law database's attributes above the body.
        let database = try documents("""
        ∙【制定机关】合肥市人民政府办公厅
        ∙【公布日期】2031.01.20
        ∙【字 号】合政办〔2031〕2号
        ∙【效力等级】地方规范性文件
        正文
        市人民政府办公厅关于印发2031年市重点民生工程实施方案的通知
        合政办〔2031〕2号
        各县（市）、区人民政府，市政府各部门：
        现将实施方案印发给你们，请认真贯彻执行。
        """)
        #expect(database.first { $0.title.contains("重点民生工程") }?.issuers == ["合肥市人民政府办公厅"])
        // A district portal's table: the district with its parent city.
        let district = try documents("""
        索引号：0098/2032-00011
        发布机构：成都市锦江区人民政府
        成文日期：2032-04-09
        区人民政府关于加快发展夜间经济的实施意见
        各街道办事处，区级各部门：
        为加快发展夜间经济，提出如下意见。
        """)
        #expect(district.first { $0.title.contains("夜间经济") }?.issuers == ["成都市锦江区人民政府"])
    }

    @Test func aLevelWordIssuerWithNoOrTwoPlacesStaysGeneric() throws {
        // Near miss: the field names another body (the publisher's bureau), the number no code of a place.
        let other = try documents("""
        索引号：0031/2031-00002
        发布机构：某某市财政局
        成文日期：2031-05-06
        市人民政府办公厅关于做好2031年财政预算执行工作的通知
        各区人民政府，市人民政府各部门：
        现将有关事项通知如下。
        """)
        #expect(other.first { $0.title.contains("财政预算") }?.issuers == ["市人民政府办公厅"])
        // Near miss: the field and the document's own number name two different places (武 starts several cities'
        // names, so the code alone places nothing).
        let disagreeing = try documents("""
        ∙【制定机关】合肥市人民政府
        ∙【公布日期】2031.03.02
        ∙【字 号】武政〔2031〕7号
        正文
        市人民政府关于印发春季植树造林工作方案的通知
        武政〔2031〕7号
        各县（市、区）人民政府，市人民政府各部门：
        现将工作方案印发给你们。
        """)
        #expect(disagreeing.first { $0.title.contains("植树造林") }?.issuers == ["市人民政府"])
    }
}
