import Testing
@testable import PolicyText

@Suite struct SentenceTests {
    func sentences(_ s: String) throws -> [String] {
        let text = try Support.normalize(s)
        return splitSentences(text, in: 0..<text.utf8.count).map { text.text($0.range) }
    }

    @Test func splitsOnTerminatorsAndLineBreaks() throws {
        #expect(try sentences("第一句。第二句！第三句？第四句；第五句……第六句\n标题行\n最后") ==
                ["第一句。", "第二句！", "第三句？", "第四句；", "第五句……", "第六句", "标题行", "最后"])
    }

    @Test func aQuestionMarkForALostGlyphEndsNoSentence() throws {
        // Pages that lost glyphs write '?' inside words (a news page, a plan reposted with a broken font).
        #expect(try sentences("养殖规?;率要达到70%，产业规??总量达到2万亿元。") == ["养殖规?;率要达到70%，产业规??总量达到2万亿元。"])
        #expect(try sentences("全县农村公路?盖率达到100%。下一句。") == ["全县农村公路?盖率达到100%。", "下一句。"])
        // Near miss: a question ended by ASCII '?' before a space or a line break still ends its sentence.
        #expect(try sentences("是否需要延期? 请于本周内答复。") == ["是否需要延期?", "请于本周内答复。"])
    }

    @Test func doesNotSplitInsideQuotesOrBrackets() throws {
        #expect(try sentences("他说：“要加快发展。要深化改革！”会议指出，要落实《关于推进工作的意见。》要求。下一句（括号内。不分）结束。") ==
                ["他说：“要加快发展。要深化改革！”", "会议指出，要落实《关于推进工作的意见。》要求。", "下一句（括号内。不分）结束。"])
    }

    @Test func closingQuoteAfterTerminatorStaysWithSentence() throws {
        #expect(try sentences("“双循环”是必然选择。”随后继续。") == ["“双循环”是必然选择。”", "随后继续。"])
    }

    @Test func rangesPointIntoCleanTextAndRespectTheGivenRange() throws {
        let text = try Support.normalize("甲句。乙句。丙句。")
        let all = splitSentences(text, in: 0..<text.utf8.count)
        #expect(all.map(\.range) == [0..<9, 9..<18, 18..<27])
        let part = splitSentences(text, in: 9..<27)
        #expect(part.map { text.text($0.range) } == ["乙句。", "丙句。"])
    }

    @Test func unbalancedQuoteDoesNotSwallowTheParagraph() throws {
        let long = String(repeating: "内容很长", count: 120)
        let result = try sentences("“未闭合的引号\(long)。第二句。")
        #expect(result.count >= 2)
    }
}
