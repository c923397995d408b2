import PolicyText
import Testing
import TestSupport

/// A whole document on one line, or a table flattened without full stops (issue 14, finding 4): sentences stay
/// bounded and positions are computed without counting from the line start each time.
@Suite struct LongLineTests {
    /// A clause of Han text, commas and enumeration marks, but no sentence end.
    static func clauseRun(_ count: Int, seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        let words = ["推进", "财政", "资金", "管理", "改革", "加强", "监督", "项目", "建设", "市场", "主体", "服务"]
        var text = ""
        for k in 0..<count {
            text += words.randomElement(using: &random)! + words.randomElement(using: &random)!
            text += k % 7 == 6 ? "，" : (k % 11 == 10 ? "、" : "")
        }
        return text
    }

    @Test(arguments: [UInt64(1), 2])
    func aLineWithoutSentenceEndsIsCutAtClauseMarks(seed: UInt64) throws {
        let text = NormalizedText(try SourceText(path: "long.txt", bytes: Array(Self.clauseRun(6000, seed: seed).utf8)))
        let sentences = splitSentences(text, in: 0..<text.utf8.count)
        #expect(sentences.count > 1)
        // The pieces tile the text in order, none longer than the bound, each ending after a clause mark but the last.
        #expect(sentences.first?.range.lowerBound == 0)
        #expect(sentences.last?.range.upperBound == text.utf8.count)
        for (a, b) in zip(sentences, sentences.dropFirst()) { #expect(a.range.upperBound == b.range.lowerBound) }
        for s in sentences { #expect(s.range.count <= 4096) }
        for s in sentences.dropLast() {
            let last = String(decoding: text.utf8[s.range].suffix(3), as: UTF8.self)
            #expect(last == "，" || last == "、", "piece ends in '\(last)'")
        }
    }

    @Test func aSentenceWithinTheBoundIsNotCut() throws {
        let sentence = Self.clauseRun(250, seed: 3) + "。"
        #expect((3000...4096).contains(sentence.utf8.count))
        let text = NormalizedText(try SourceText(path: "s.txt", bytes: Array(sentence.utf8)))
        #expect(splitSentences(text, in: 0..<text.utf8.count).count == 1)
    }

    /// Columns on a line of a megabyte equal a count of the scalars from the line start, at every probed offset.
    @Test func columnsOnAVeryLongLineMatchCountingFromTheLineStart() throws {
        let line = Self.clauseRun(120_000, seed: 5) + "ab"
        let source = try SourceText(path: "one-line.txt", bytes: Array(("标题\n" + line + "\n尾").utf8))
        let lineStart = Array("标题\n".utf8).count
        var random = SeededGenerator(seed: 9)
        var offsets = (0..<200).map { _ in Int.random(in: lineStart..<(lineStart + line.utf8.count), using: &random) }
        offsets += [lineStart, lineStart + line.utf8.count - 1]
        for offset in offsets {
            // Move back to a scalar boundary, as evidence offsets always are.
            var o = offset
            while source.utf8[o] & 0xC0 == 0x80 { o -= 1 }
            let expected = 1 + String(decoding: source.utf8[lineStart..<o], as: UTF8.self).unicodeScalars.count
            let (l, c) = source.lineAndColumn(ofDecoded: o)
            #expect(l == 2 && c == expected, "offset \(o)")
        }
    }
}
