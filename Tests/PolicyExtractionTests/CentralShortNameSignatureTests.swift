import PolicyCore
import PolicyOntology
import PolicyText
import Testing
@testable import PolicyExtraction

/// A joint signature of central bodies prints some without their leading 国家 ("市场监管总局 能源局", "财政部 卫生健康委"):
/// the gazetteer's central body named 国家 + the name. Fixtures are written for these tests.
extension SignatureIssuerTests {
    @Test func aCentralBodyWithoutItsStatePrefixInAJointSignature() throws {
        let air = notice(title: "关于印发某区域秋冬季大气污染治理方案的通知", number: "环大气〔2031〕5号",
                         signature: ["生态环境部 公安部", "市场监管总局 能源局"])
        #expect(try issuers(air) == ["生态环境部", "公安部", "国家市场监督管理总局", "国家能源局"])
        let health = notice(title: "关于做好基层医疗机构药品配备工作的通知", number: "财社〔2032〕8号",
                            signature: ["财政部 卫生健康委"])
        #expect(try issuers(health).contains("国家卫生健康委员会"))
    }

    @Test func aShortNameBesideLocalBodiesIsNotMadeCentral() throws {
        // Near miss: beside a province's bodies "能源局" is that province's bureau or nothing — never 国家能源局.
        let local = notice(title: "关于做好迎峰度夏电力保供工作的通知", number: "苏发改能源〔2031〕3号",
                           signature: ["江苏省发展和改革委员会 能源局"])
        #expect(try !issuers(local).contains("国家能源局"))
    }
}
