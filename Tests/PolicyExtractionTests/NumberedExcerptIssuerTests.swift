import PolicyCore
import PolicyOntology
import PolicyText
import Testing
import TestSupport
@testable import PolicyExtraction

/// An excerpt known by its 文号 alone (its title lost) has no title to read issuers from: the number's code is no
/// body's name ("某政办发" is not a body "某政办"); the State Council's own codes still name their issuer. Fixtures are
/// written for these tests.
extension DocumentAnatomyIssuerTests {
    @Test func anExcerptKnownByItsNumberReadsNoIssuerFromTheNumber() throws {
        let journal = try documents(
            "<正>市政办发[2032]17号2032年6月2日《某某市农村供水保障实施意见》已经市委、市政府同意，现印发你们，请认真贯彻执行。为保障农村供水安全，制定本意见。"
        )
        let excerpt = try #require(journal.first { $0.number == "市政办发〔2032〕17号" })
        #expect(excerpt.issuers.allSatisfy { !$0.hasPrefix("市政办") })
        let compilation = try documents("""
        （2031年3月5日 国办发〔2031〕4号）
        经国务院同意，现将修订后的《某某责任目标考核办法》印发给你们，请认真贯彻执行。
        """)
        #expect(compilation.first { $0.number == "国办发〔2031〕4号" }?.issuers == ["国务院办公厅"])
    }
}
