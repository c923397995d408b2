import Testing
@testable import PolicyText

/// A break after a figure ('%', a digit) inside a wrapped sentence (PDF text) is rejoined.
@Suite struct FigureWrapTests {
    @Test func aBreakAfterAPercentSignInsideASentenceIsRejoined() throws {
        let text = try Support.normalize("""
        一、发展目标
        到2030年，全市公共充电桩覆盖率达到95%以上，老旧小区改造完成率达到75%
        以上，城市绿化覆盖率不低于42%。
        二、保障措施
        """)
        #expect(text.string.contains("改造完成率达到75%以上，城市绿化覆盖率不低于42%。"))
        #expect(text.paragraphRanges.count == 3)
        let sentences = splitSentences(text, in: 0..<text.utf8.count).map { text.text($0.range) }
        #expect(sentences.contains { $0.hasPrefix("到2030年") && $0.hasSuffix("不低于42%。") })
    }

    @Test func aBreakAfterADigitInsideASentenceIsRejoined() throws {
        let text = try Support.normalize("""
        全年新建公共充电桩，各区县新增充电设施数量原则上不少于每万人口1200
        个，并于年底前完成验收。
        """)
        #expect(text.paragraphRanges.count == 1)
        #expect(text.string.contains("不少于每万人口1200个，"))
    }

    @Test func linesEndingInFiguresThatAreNotWrappedProseStaySeparate() throws {
        let text = try Support.normalize("""
        一、覆盖率达到95%
        城市绿化覆盖率 42%
        到2030年，全市公共充电桩覆盖率达到95%
        2030年目标
        短句，覆盖率8%
        以上。
        """)
        // A list item, a table row, a line followed by a digit, and a short line are not joined.
        #expect(text.paragraphRanges.count == 6, "\(text.string)")
    }
}
