@testable import PolicyExtraction
import PolicyText
import Testing
import TestSupport

/// The one byte scan of a sentence (`SentenceScanner`) against a plain reading of the same facts over the
/// sentence's scalars, on generated text, and on sentences written the way policy texts write them.
@Suite struct SentenceScanTests {
    static let cueWords = ["印发", "发布", "联合印发", "牵头", "会同", "负责"]
    static let cues = SentenceCueWords(words: [["《"], ["〔"]] + cueWords.map { Array($0.unicodeScalars) })
    static let followers = TargetExtractor().quantityFollowers
    static let reviewFirsts = PassageTense.reviewFirstScalars
    static let scanner = SentenceScanner(cues: cues, quantityFollowers: followers, reviewFirstScalars: reviewFirsts)

    static func scan(_ text: String) -> SentenceScan {
        let bytes = Array(text.utf8)
        return scanner.scan(bytes, 0..<bytes.count)
    }

    // MARK: The plain reading

    /// Each fact read from the scalars one rule at a time, as each rule's own test would read it.
    static func reference(_ text: String) -> SentenceScan {
        let s = Array(text.unicodeScalars)
        // Byte offset of each scalar's end.
        var ends: [Int] = []
        var offset = 0
        for c in s { offset += String(c).utf8.count; ends.append(offset) }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        func follows(_ c: Unicode.Scalar) -> Bool {
            followers.isEmpty || c.value < 0x10000 && followers[Int(c.value >> 6)] >> UInt64(c.value & 63) & 1 != 0
        }
        var facts = SentenceScan()
        // Cues: a one-scalar cue anywhere, or a cue word's last two scalars side by side.
        let tails = cueWords.map { Array($0.unicodeScalars.suffix(2)) }
        facts.hasCue = s.contains("《") || s.contains("〔")
            || tails.contains { t in s.indices.dropLast().contains { s[$0] == t[0] && s[$0 + 1] == t[1] } }
        // Numbers: a maximal run of digits with . , ． inside, starting at a digit.
        var k = 0
        while k < s.count {
            guard isDigit(s[k]) else { k += 1; continue }
            var j = k
            while j < s.count, isDigit(s[j]) || s[j] == "." || s[j] == "," || s[j] == "．" { j += 1 }
            var before = k
            if before > 0, s[before - 1] == " " { before -= 1 }
            if before > 0, "≥≤≧≦⩽⩾＞＜><".unicodeScalars.contains(s[before - 1]) { facts.hasDigitQuantity = true }
            var next = j
            while next < s.count, [" ", "\t", "\u{A0}", "\u{3000}"].contains(s[next]) { next += 1 }
            if next < s.count, follows(s[next]) { facts.hasDigitQuantity = true }
            k = j
        }
        // A year: a digit, perhaps one space, 年.
        for i in s.indices where isDigit(s[i]) {
            var j = i + 1
            if j < s.count, s[j] == " " { j += 1 }
            if j < s.count, s[j] == "年" { facts.firstYearEnd = ends[j]; break }
        }
        facts.hasChineseNumeral = s.contains { ChineseNumerals.isCardinalScalar($0.value) }
        // A run of numerals (点 inside one) and the three-byte scalar after it.
        var run = 0
        for (i, c) in s.enumerated() {
            let threeBytes = c.value >= 0x800 && c.value < 0x10000
            if threeBytes, ChineseNumerals.isCardinalScalar(c.value) || run > 0 && c == "点" { run += 1; continue }
            if threeBytes, run > 0 {
                if c == "成" || c == "分" && i + 1 < s.count && s[i + 1] == "之" || run >= 2 && follows(c) { facts.hasChineseQuantity = true }
            }
            run = 0
        }
        facts.hasClauseMark = s.contains { "，；。,".unicodeScalars.contains($0) }
        facts.mayAnnounceGoals = s.indices.contains { i in s[i] == "标" && s[(i + 1)..<min(s.count, i + 4)].contains { $0 == ":" || $0 == "：" } }
        facts.firstReviewScalarEnd = s.firstIndex { reviewFirsts.contains($0) }.map { ends[$0] }
        facts.hasPipe = s.contains("|")
        facts.hasColon = s.contains { $0 == ":" || $0 == "：" }
        return facts
    }

    // MARK: Tests

    /// Every fact of the scan equals its plain reading, on generated text mixing the scalars each fact turns on
    /// with ASCII, two- and four-byte scalars.
    @Test(arguments: [UInt64(1), 2, 3])
    func scanAgreesWithThePlainReadingOnGeneratedText(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = ["1", "2", "0", ".", ",", "．", " ", "\u{3000}", "年", "万", "亿", "元", "个", "%", "—", "家", "人",
                      "一", "二", "十", "百", "两", "点", "成", "分", "之", "标", "目", "：", ":", "，", "。", "；",
                      "过", "去", "据", "初", "《", "〔", "印", "发", "布", "联合", "牵头", "会同",
                      "≥", ">", "a", "é", "😀", "的", "\n", "|", "｜"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(Self.scan(text) == Self.reference(text), "\(text)")
        }
    }

    /// Sentences as policy texts write them, from several kinds of source: what each fact says of them.
    @Test func factsOfWrittenSentences() {
        let plan = Self.scan("到2027年，全市新能源汽车保有量达到30万辆以上。")
        #expect(plan.hasDigitQuantity && plan.hasClauseMark && plan.firstYearEnd == Array("到2027年".utf8).count)
        #expect(!plan.hasCue)
        let notice = Self.scan("省财政厅会同省商务厅联合印发《实施方案》")
        #expect(notice.hasCue && !notice.hasDigitQuantity && notice.firstYearEnd == nil)
        let counts = Self.scan("建成十二个区域医疗中心")
        #expect(counts.hasChineseNumeral && counts.hasChineseQuantity && !counts.hasDigitQuantity)
        let inPassing = Self.scan("召开一次专题会议")      // a single numeral before a classifier counts nothing
        #expect(inPassing.hasChineseNumeral && !inPassing.hasChineseQuantity)
        #expect(Self.scan("主要目标：").mayAnnounceGoals)
        #expect(Self.scan("发展指标如下：").mayAnnounceGoals)
        #expect(!Self.scan("标准化建设：").mayAnnounceGoals)            // the colon is five scalars after 标
        #expect(!Self.scan("目标任务分解表").mayAnnounceGoals)
        let review = Self.scan("过去一年，全县生产总值增长5.2%。")
        #expect(review.firstReviewScalarEnd == Array("过".utf8).count)
        #expect(Self.scan("二〇二四年工作回顾").hasChineseNumeral)
        #expect(Self.scan("比例不低于≥ 60").hasDigitQuantity)     // a comparator sign, then a value without unit
        #expect(!Self.scan("2023年7月12日").hasDigitQuantity)      // dates count nothing
        let row = Self.scan("| 某某县 | 1200 |")
        #expect(row.hasPipe && !row.hasColon)
        #expect(Self.scan("单位：万亩").hasColon && Self.scan("面积(单位:公顷)").hasColon)
        #expect(!Self.scan("｜全角竖线不是表格边框｜").hasPipe)      // only the ASCII pipe starts a table row
    }
}
