import Testing
import TestSupport
@testable import PolicyText

/// An excerpt that opens with its 文号 and 成文日期 (a compilation's bracketed note, a journal's glued line after
/// "<正>") and a body issuing a 《title》 is a document known by its 文号, dated by that date; a metadata label whose
/// letter-spacing a copy turned into question marks ("标??题") is still the label. Each on two sources' shapes and a
/// near miss; every fixture is written for these tests.
extension DocumentLayoutRuleTests {
    @Test func anExcerptOpenedByItsNumberAndDateIsKnownByTheNumber() throws {
        // A compilation: the date and the number as a bracketed note, the body on the next line.
        let compilation = try #require(try Self.segments("""
        （2031年3月5日 某办发〔2031〕4号）
        经某某同意，现将修订后的《某某责任目标考核办法》印发给你们，请认真贯彻执行。
        """).first)
        #expect(compilation.docNumber?.text == "某办发〔2031〕4号")
        #expect(compilation.date == "2031-03-05")
        #expect(compilation.layout == .coverExcerpt)
        // A journal's abstract: "<正>", the number glued to the date and to the body.
        let journal = try #require(try Self.segments(
            "<正>某政办发[2032]17号2032年6月2日《某某市农村供水保障实施意见》已经市政府同意，现印发你们，请认真贯彻执行。为保障农村供水安全，制定本意见。"
        ).first)
        #expect(journal.docNumber?.text == "某政办发〔2032〕17号")
        #expect(journal.date == "2032-06-02")
    }

    @Test func aNumberAndDateBeforeRunningTextAreNoExcerpt() throws {
        // Near miss: a number and a date opening a paragraph that issues nothing (a news item citing a document).
        let news = try Self.segments("""
        某办发〔2031〕4号 2031年3月5日 消息：全市春耕生产进展顺利，各地抓好农资供应和技术服务工作。
        """)
        #expect(news.allSatisfy { $0.docNumber == nil })
    }

    @Test func aLabelLetterSpacedWithQuestionMarks() {
        let fields = DocumentLabels.fields(in: Array("标??题: | 某某省人民政府关于某事项的批复 | |".unicodeScalars))
        #expect(fields.map(\.element) == [.title])
        #expect(DocumentLabels.fields(in: Array("文？号：某政〔2031〕2号".unicodeScalars)).map(\.element) == [.docNumber])
        // Near miss: three marks between characters are no letter-spacing ("标???题" is no label).
        #expect(DocumentLabels.fields(in: Array("标???题: 某某".unicodeScalars)).isEmpty)
    }
}
