import PolicyGrammar
import PolicyText

/// What the passage a sentence stands in states: results of the past, goals, or anything else.
///
/// A government work report or a plan opens with a review ("一、2024年工作回顾", "过去一年，…", "五年来，…") whose
/// numbers are results, not targets; a plan's list of indicators is announced ("主要指标——", "主要目标如下：",
/// a heading "发展目标") and its numbers are targets even when written bare ("九年义务教育巩固率96%").
///
/// `passage → opening sentence*`; `opening → heading | review-phrase … | … goal-word … (——|：)`. A heading (a short
/// line without clause punctuation) or an opening sets the passage; every other sentence keeps it, a goal passage
/// for at most `goalSentences` sentences.
struct PassageTense: Sendable {
    enum Passage: Sendable, Equatable {
        case other
        /// Results of the past: only hard limits are targets.
        case past
        /// A list of goals: bare values are targets; `deadline` is the time the opening named (“十四五”, 到2025年).
        case goals(deadline: Int?)
        /// A statistics bulletin (统计公报): every number is a result, a limit included ("失业率控制在2.0%").
        case statistics
    }

    private(set) var passage = Passage.other
    /// The year the latest heading about what is to be done names ("二、2025年主要目标", a title "2025年…计划"): the
    /// deadline of targets that state none of their own.
    private(set) var headingYear: Int?
    private var sentencesInGoals = 0
    /// The goal passage was announced inside a sentence (`goalAnnouncementEnd`): it lasts to its paragraph's end.
    private var inlineGoals = false
    /// The last sentence read ended with ；.
    private var lastHandsOn = false
    /// The level (`headingLevel`) of the numbered heading that opened the current list of goals, if one did.
    private var goalHeadingLevel: Int?
    /// The sentences a goal passage lasts without a new heading.
    static let goalSentences = 12

    /// Whether the passage reports the past.
    var isPast: Bool { passage == .past }

    /// The document is a statistics bulletin (its heading says so): nothing in it is a target.
    private var bulletin = false
    /// The last year of the plan period the document's title names as its own plan (`ownPlanPeriod`).
    private(set) var ownPlanPeriodEnd: Int?
    /// The document's title names a plan or a list of tasks (`namesPlan`).
    private(set) var titleIsPlan = false

    /// Reads the sentence `bytes[range]` in text order and returns its passage. Only a short sentence (a heading, an
    /// opening) is decoded whole; of a long one, its beginning (a review phrase) and, when it ends in —— or ：, the rest.
    /// `scan` is the sentence's one byte scan: a sentence holding a number before a unit may announce goals inside
    /// it ("…的主要预期目标是：A增长13%；B…。") whatever it ends with.
    mutating func observe(_ bytes: [UInt8], _ range: Range<Int>, scan: SentenceScan, deadline: (ScalarSpan) -> Int?) -> Passage {
        let passage = readPassage(bytes, range, scan: scan, deadline: deadline)
        return bulletin ? .statistics : passage
    }

    private mutating func readPassage(_ bytes: [UInt8], _ range: Range<Int>, scan: SentenceScan, deadline: (ScalarSpan) -> Int?) -> Passage {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        // A list announced inside a sentence ("…目标是：A增长13%；B…。") ends with its paragraph unless its last
        // sentence hands on with ；(one item a line).
        defer { lastHandsOn = Self.endsWithSemicolon(bytes, end: end) }
        if inlineGoals, !lastHandsOn, Self.startsLine(bytes, range.lowerBound) {
            inlineGoals = false
            if case .goals = passage { passage = .other }
        }
        let announces = end - range.lowerBound >= 3
            && (bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && bytes[end - 1] == 0x9A          // ：
                || bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x94)      // —
        var stop = range.upperBound
        // A sentence ended by ；, or one holding a quantity, may announce goals inside it ("…目标为：A增长7%；").
        let listItem = range.count <= Self.openingBytes && (scan.hasDigitQuantity || end - range.lowerBound >= 3 && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && bytes[end - 1] == 0x9B
            || end > range.lowerBound && bytes[end - 1] == 0x3B) && scan.mayAnnounceGoals
        // A line numbered at the level of the heading that opened the list of goals, or above it ("二、…，…" after
        // "一、主要目标"), ends the list even when it is too long for a heading.
        if case .goals = passage, let outer = goalHeadingLevel, Self.startsLine(bytes, range.lowerBound) {
            var head = min(range.upperBound, range.lowerBound + Self.markerBytes)
            while head > range.lowerBound, head < range.upperBound, bytes[head] & 0xC0 == 0x80 { head -= 1 }
            let s = ScalarSpan(bytes: bytes, range: range.lowerBound..<head).scalars
            var start = 0
            while start < s.count, s[start].isInlineSpace { start += 1 }
            if let level = Self.headingLevel(s, start), level <= outer {
                passage = .other
                goalHeadingLevel = nil
            }
        }
        let opening = (announces || listItem) && range.count <= Self.openingBytes
        let mayBeHeading = range.count <= Self.headingBytes
            && (!scan.hasClauseMark || range.count <= Self.runInHeadingBytes && Self.mayBeRunInHeading(bytes, range, end: end))
        if !opening && !mayBeHeading {
            // Neither a heading nor an opening: only a review phrase at its start can matter, and most sentences
            // begin with none of its first characters (as the scan found them, without decoding).
            stop = min(range.upperBound, range.lowerBound + Self.reviewPrefixBytes)
            while stop > range.lowerBound, stop < range.upperBound, bytes[stop] & 0xC0 == 0x80 { stop -= 1 }
            guard let first = scan.firstReviewScalarEnd, first <= stop else { return keep(listItem: Self.endsWithSemicolon(bytes, end: end)) }
        }
        return observe(ScalarSpan(bytes: bytes, range: range.lowerBound..<stop), whole: stop == range.upperBound, deadline: deadline)
    }

    /// A sentence that neither opens nor heads a passage: the passage goes on (a goal passage for a while).
    /// (An item of a list split at ；is part of one sentence: it does not count towards the passage's length.)
    private mutating func keep(listItem: Bool = false) -> Passage {
        if case .goals = passage {
            if !listItem { sentencesInGoals += 1 }
            if sentencesInGoals > Self.goalSentences { passage = .other }
        }
        return passage
    }

    /// True when `start` opens a line (only spaces between it and a line break or the text's start).
    private static func startsLine(_ bytes: [UInt8], _ start: Int) -> Bool {
        var p = start
        while p > 0, bytes[p - 1] == 0x20 { p -= 1 }
        return p == 0 || bytes[p - 1] == 0x0A || bytes[p - 1] == 0x0D
    }

    /// True when the sentence ending (before spaces) at `end` ends with ；or ;.
    private static func endsWithSemicolon(_ bytes: [UInt8], end: Int) -> Bool {
        end >= 1 && bytes[end - 1] == 0x3B || end >= 3 && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && bytes[end - 1] == 0x9B
    }

    private static let headingBytes = 120
    /// A numbered run-in heading: a marker and at most 16 scalars, ending in 。.
    private static let runInHeadingBytes = 64

    /// A cheap test for a run-in heading: it ends with 。 (E3 80 82) and opens with a list marker — a bracket, a digit,
    /// or a Chinese numeral followed by 、 (E3 80 81).
    private static func mayBeRunInHeading(_ bytes: [UInt8], _ range: Range<Int>, end: Int) -> Bool {
        let a = range.lowerBound
        guard end - a >= 9, bytes[end - 3] == 0xE3, bytes[end - 2] == 0x80, bytes[end - 1] == 0x82 else { return false }
        let first = bytes[a]
        if first == 0x28 || first &- 0x30 <= 9 { return true }
        if first == 0xEF, bytes[a + 1] == 0xBC, bytes[a + 2] == 0x88 { return true }      // （
        guard first & 0xF0 == 0xE0, bytes[a + 3] == 0xE3, bytes[a + 4] == 0x80, bytes[a + 5] == 0x81 else { return false }
        let v = UInt32(first & 0x0F) << 12 | UInt32(bytes[a + 1] & 0x3F) << 6 | UInt32(bytes[a + 2] & 0x3F)
        return ChineseNumerals.isCardinalScalar(v)
    }
    /// Room for a list marker (（十二）) and the scalar after it.
    private static let markerBytes = 24
    /// Room for a list marker and the longest review phrase.
    private static let reviewPrefixBytes = 36
    private static let openingBytes = 600

    /// Reads one sentence (or its beginning, `whole` false) in text order and returns its passage.
    @discardableResult
    mutating func observe(_ span: ScalarSpan, whole: Bool = true, deadline: (ScalarSpan) -> Int? = { _ in nil }) -> Passage {
        let s = span.scalars
        var start = 0
        while start < s.count, s[start].isInlineSpace || s[start] == "\n" { start += 1 }
        let markerStart = start
        start = Self.afterListMarker(s, start)
        if Self.reviewOpenings.contains(where: { span.matches($0, at: start) }) {
            passage = .past
            inlineGoals = false
        } else if whole, Self.isHeading(s, from: start, numbered: start > markerStart) {
            let before = passage
            let level = Self.headingLevel(s, markerStart)
            // A heading below the one that opened a list of goals ("二、目标任务" … "（一）播种面积。") divides the list:
            // its goals go on unless it names a review or goals of its own.
            if case .goals = passage, let outer = goalHeadingLevel, let level, level > outer,
               !Self.reviewWords.occurs(in: span, from: start), !Self.goalWords.occurs(in: span, from: start) {
                sentencesInGoals = 0
                return passage
            }
            if Self.bulletinWords.occurs(in: span, from: start) { bulletin = true }
            passage = Self.reviewWords.occurs(in: span, from: start) ? .past
                : Self.goalWords.occurs(in: span, from: start) ? .goals(deadline: deadline(span)) : .other
            sentencesInGoals = 0
            inlineGoals = false
            if case .goals = passage { goalHeadingLevel = level } else { goalHeadingLevel = nil }
            if passage != .past, let year = Self.year(in: s, from: start) { headingYear = year }
            // A heading that announces a list (…主要指标——) is no part of it.
            if Self.announcesList(s) { return before }
        } else if whole, Self.goalAnnouncementEnd(s) != nil, !Self.announcesList(s) {
            // "…的目标为：A增长7%；": the list begins inside the sentence. (Inside a passage of goals a heading opened,
            // it lasts as that passage does.)
            var headed = false
            if case .goals = passage, !inlineGoals { headed = true }
            let announced = Self.firstYear(in: s, from: start, to: Self.goalAnnouncementEnd(s) ?? s.count)
            passage = .goals(deadline: deadline(span) ?? announced)
            // (The year whose goals it announces, "2026年，全省…的主要目标是：", is the year the document is about, as a
            // heading's would be: a later "2026年全省…稳定在…" states that year's goal, not a result.)
            if headingYear == nil, let announced { headingYear = announced }
            sentencesInGoals = 0
            inlineGoals = !headed
            return passage
        } else if whole, Self.announcesList(s), Self.goalWords.occurs(in: span, from: start) {
            // The list begins after the sentence that announces it.
            let announcing = passage
            passage = .goals(deadline: deadline(span))
            sentencesInGoals = 0
            inlineGoals = false
            return announcing
        } else {
            return keep()
        }
        return passage
    }

    /// The end of a goal announcement inside a sentence, after its colon ("2025年的努力目标为：", "主要指标："), or nil.
    static func goalAnnouncementEnd(_ s: [Unicode.Scalar]) -> Int? {
        endOfFirstMatch(announcement, atGoalWordIn: s)
    }

    /// `goal-value → (目标 | 指标) 值? (为 | 是) digit`: the value of a goal stated right after it ("2025年全县固定资产
    /// 投资目标为125.9亿元以上，同比增长18%以上"); the index of the value, which begins the sentence's goals.
    static func goalValueStart(_ s: [Unicode.Scalar]) -> Int? {
        endOfFirstMatch(goalValue, atGoalWordIn: s)
    }

    /// The end of the first match of `production` (which begins with 目标 or 指标) at a goal word of `s`, or nil.
    private static func endOfFirstMatch(_ production: Production, atGoalWordIn s: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i + 1 < s.count {
            if s[i] == "目" || s[i] == "指", s[i + 1] == "标", let m = production.prefixMatch(in: s, at: i) { return m.range.upperBound }
            i += 1
        }
        return nil
    }

    /// `goal-value → (目标 | 指标) 值? (为 | 是) space* ⟨digit⟩`
    private static let goalValue = Production(
        "goal value", grammar: "goal-value → (目标 | 指标) 值? (为 | 是) space* ⟨digit⟩", confidence: 0.8,
        .sequence(.word(["目标", "指标"]), .optional(.literal("值")), .oneOf("为是"), .repeat(.oneOf(" \u{3000}"), 0...2),
                  .followed(by: .digit)))

    /// `announcement → (目标 | 指标) (为 | 是 | 如下 | 是要)? (： | :)`
    private static let announcement = Production(
        "goal announcement", grammar: "announcement → (目标 | 指标) (为 | 是 | 如下)? (：| :)", confidence: 0.8,
        .sequence(.word(["目标", "指标"]), .optional(.word(["为", "是", "如下", "是要"])), .oneOf("：:"), .not(.oneOf("\n"))))

    /// The year a document is about, when one of its first sentences names it: a work report's "2025年是…之年", a
    /// title's edition "（2025年版）" or plan period "（2023—2025年）" (its end), a cited title 《2024年…》, the year of the
    /// goals or key work it sets (2026年重点工作任务, 2010年…预期目标; not …完成情况). The
    /// deadline of targets that state none.
    ///
    /// `document-year → year 年 是 | （ year 年 版 ） | （ year dash year 年 ） | 《 year 年 | goal-year`
    static func documentYear(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < s.count, s[i].isInlineSpace || s[i] == "\n" { i += 1 }
        if i < s.count, s[i].digitValue != nil, let m = yearOfWork.prefixMatch(in: s, at: i), let y = m["year"] { return yearValue(s[y]) }
        for k in s.indices where (s[k] == "（" || s[k] == "(" || s[k] == "《") && k + 1 < s.count && s[k + 1].digitValue != nil {
            if let m = titleYear.prefixMatch(in: s, at: k), let y = m["year"] { return yearValue(s[y]) }
        }
        // "…提出的2026年重点工作任务", "2010年某市经济社会发展预期目标": the year whose goals or key work the text sets.
        // (Not the end of a span of years: 2021—2025年…规划的主要目标 cites a period's plan.)
        for k in s.indices where s[k].digitValue != nil && (k == 0 || s[k - 1].digitValue == nil && !"—–-－~～至".unicodeScalars.contains(s[k - 1])) {
            guard let m = yearOfGoals.prefixMatch(in: s, at: k), let y = m["year"] else { continue }
            let after = ScalarSpan(String(String.UnicodeScalarView(s[m.range.upperBound..<min(s.count, m.range.upperBound + 8)])))
            if !goalReportWords.occurs(in: after) { return yearValue(s[y]) }
        }
        return nil
    }

    /// Nouns of what a year's plan sets: its goals, its key work.
    static let goalNouns = ["预期目标", "主要目标", "目标任务", "重点工作", "工作要点", "工作任务"]

    /// Words after a year's goals or key work that make the text a report on them (完成情况, 总结).
    private static let goalReportWords = ScalarWordList(["完成情况", "执行情况", "落实情况", "进展情况", "总结", "回顾", "成效"])

    /// `goal-year → year 年 han{0,12} goal-noun` (not followed by a word of a report: `goalReportWords`)
    private static let yearOfGoals = Production(
        "year of the goals", grammar: "goal-year → digit{4} 年 han{0,12} (预期目标 | 主要目标 | 目标任务 | 重点工作 | 工作要点 | 工作任务)",
        confidence: 0.7,
        .sequence(.capture("year", fourDigits), .literal("年"), .repeat(.han, 0...12), .word(goalNouns)))

    private static func yearValue(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
        let y = digits.reduce(0) { $0 * 10 + ($1.digitValue ?? 0) }
        return (1949...2100).contains(y) ? y : nil
    }

    private static let fourDigits = Pattern.repeat(.digit, 4...4)

    /// `year-of-work → year 年 是`
    private static let yearOfWork = Production(
        "year of the work", grammar: "year-of-work → digit{4} 年 是", confidence: 0.8,
        .sequence(.capture("year", fourDigits), .repeat(.oneOf(" \u{3000}"), 0...1), .literal("年是")))

    /// `title-year → （ year 年 版 ） | （ year dash year 年 ） | 《 year 年`
    private static let titleYear = Production(
        "year of a title", grammar: "title-year → （ year 年版 ） | （ year dash year 年 ） | 《 year 年", confidence: 0.7,
        .choice(
            .sequence(.oneOf("（("), .capture("year", fourDigits), .literal("年版"), .oneOf("）)")),
            .sequence(.oneOf("（("), fourDigits, .optional(.literal("年")), .oneOf("—–-－~～至"), .optional(.oneOf("—")),
                      .capture("year", fourDigits), .literal("年"), .oneOf("）)")),
            .sequence(.literal("《"), .capture("year", fourDigits), .literal("年"))))

    /// The first year ("2025年") in `s[from..<to]`.
    static func firstYear(in s: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        year(in: Array(s[from..<min(to, s.count)]), from: 0)
    }

    /// Reads the document's title: a statistics bulletin's numbers are results throughout; a plan for a plan period
    /// makes that period a time to meet.
    mutating func readTitle(_ title: String) {
        let span = ScalarSpan(title)
        if Self.bulletinWords.occurs(in: span) { bulletin = true }
        ownPlanPeriodEnd = Self.ownPlanPeriod(span)
        titleIsPlan = Self.namesPlan(span)
    }

    /// True when a title names a plan or a list of tasks (…2025年重点工作任务, …实施方案, …工作要点, 关于做好…重点工作的
    /// 意见), not a review of
    /// one (…执行情况, …工作总结) nor a report, unless the report is what the tasks are split from (…工作报告任务清单).
    ///
    /// `plan-title → han* plan-word han*` with no review word, and no 报告 after the last plan word
    static func namesPlan(_ title: ScalarSpan) -> Bool {
        guard planTitleWords.occurs(in: title), !planReviewWords.occurs(in: title) else { return false }
        guard let report = title.find(reportWord) else { return true }
        var last = report
        while let next = title.find(reportWord, from: last + 1) { last = next }
        return planTitleWords.occurs(in: title, from: last + reportWord.count)
    }

    private static let planTitleWords = ScalarWordList(["计划", "规划", "纲要", "方案", "要点", "任务", "清单", "安排", "重点工作", "实事"])
    private static let planReviewWords = ScalarWordList(["情况", "总结", "评估", "回顾", "成效", "公报", "执行"])
    private static let reportWord: [Unicode.Scalar] = Array("报告".unicodeScalars)

    /// The last year of the plan period a document's title names as its plan (“九五”计划, “十四五”公共服务规划,
    /// 十四五…实施方案), or nil. A title that reviews or reports on a plan (…规划实施情况的报告, …总结) names none.
    ///
    /// `own-plan → “ plan-period ” han* (计划 | 规划 | 纲要 | 方案) | plan-period (计划 | 规划 | 纲要 | 方案)` in a title with no
    /// review word
    static func ownPlanPeriod(_ title: ScalarSpan) -> Int? {
        guard planWords.occurs(in: title), !titleReviewWords.occurs(in: title) else { return nil }
        var best: Int?
        for period in PlanPeriod.all {
            let name = Array(period.name.unicodeScalars)
            guard let k = title.find(name) else { continue }
            // (十五 inside 十五五 is the longer period; a numeral before it, 二十五, is no period.)
            let after = k + name.count
            if after < title.scalars.count, title.scalars[after] == "五" { continue }
            if k > 0, ChineseNumerals.isCardinalScalar(title.scalars[k - 1].value) { continue }
            // (Named as a period: in quotes, or right before its plan word — 十五届 is no period.)
            let quoted = k > 0 && title.scalars[k - 1] == "“" || after < title.scalars.count && title.scalars[after] == "”"
            guard quoted || planWords.firstMatch(in: title.scalars, at: after) != nil, planWords.occurs(in: title, from: after) else { continue }
            best = max(best ?? 0, period.endYear)
        }
        return best
    }

    private static let planWords = ScalarWordList(["计划", "规划", "纲要", "方案"])
    private static let titleReviewWords = ScalarWordList(["情况", "总结", "评估", "回顾", "成效", "报告", "公报"])

    /// Starts a new document: no passage yet.
    mutating func reset() { goalHeadingLevel = nil; passage = .other; sentencesInGoals = 0; inlineGoals = false; lastHandsOn = false; headingYear = nil; bulletin = false; ownPlanPeriodEnd = nil; titleIsPlan = false }

    /// The first year ("2025年", "2025 年") in `s` from `start`.
    private static func year(in s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i + 4 < s.count {
            if s[i].digitValue != nil, i == 0 || s[i - 1].digitValue == nil {
                var y = 0, k = i
                while k < s.count, k - i < 5, let d = s[k].digitValue { y = y * 10 + d; k += 1 }
                while k < s.count, s[k].isInlineSpace { k += 1 }
                if k - i >= 4, (1949...2100).contains(y), k < s.count, s[k] == "年" { return y }
                i = k
            } else { i += 1 }
        }
        return nil
    }

    /// The first scalars of the review phrases: where none occurs near a sentence's start, no review opens it.
    static let reviewFirstScalars: [Unicode.Scalar] = Array(Set(reviewOpenings.compactMap(\.first))).sorted { $0.value < $1.value }

    /// Phrases that open a sentence about the past year(s).
    private static let reviewOpenings: [[Unicode.Scalar]] = ["过去一年", "过去的一年", "过去五年", "过去的五年", "一年来",
                                                              "五年来", "回顾过去", "去年以来",
                                                              // A report of figures already counted (statistics, news of results).
                                                              "初步统计", "据初步统计", "初步核算", "据初步核算"].map(scalars)
    /// Words of a heading that make the whole document a report of results (a statistics bulletin).
    private static let bulletinWords = ScalarWordList(["统计公报"])
    /// Words that make a heading a review.
    private static let reviewWords = ScalarWordList(["回顾", "工作总结", "主要成效", "取得的成绩", "发展成就", "进展情况"])
    /// Words that make a heading, or a sentence announcing a list, a statement of goals.
    private static let goalWords = ScalarWordList(["主要目标", "发展目标", "预期目标", "目标任务", "主要指标", "约束性指标",
                                                   "指标体系", "总体目标", "具体目标", "工作目标"])

    /// A sentence that announces what follows: it ends in —— or ：.
    private static func announcesList(_ s: [Unicode.Scalar]) -> Bool {
        var end = s.count
        while end > 0, s[end - 1].isInlineSpace || s[end - 1] == "\n" { end -= 1 }
        return end > 0 && (s[end - 1] == "：" || s[end - 1] == "—" || s[end - 1] == ":")
    }

    /// A heading: a short line with no clause punctuation (a sentence ending in 。 is none), or a numbered run-in
    /// heading that ends in 。 before its paragraph goes on ("（二）发展目标。到2025年，…").
    ///
    /// `heading → marker? short-title | marker short-title 。`
    private static func isHeading(_ s: [Unicode.Scalar], from start: Int, numbered: Bool = false) -> Bool {
        var end = s.count
        while end > start, s[end - 1].isInlineSpace || s[end - 1] == "\n" { end -= 1 }
        if numbered, end - start >= 3, end - start <= 16, s[end - 1] == "。" { end -= 1 }
        guard end > start, end - start <= 40, !IndicatorTable.mayBeRow(s) else { return false }
        // (An unnumbered line that states a value, "粮食产量1.4万亿斤左右", is an item of a list, not its heading.)
        if !numbered, statesValue(s, from: start, to: end) { return false }
        return !s[start..<end].contains { $0.isClausePunctuation }
    }

    /// True when `s[from..<to]` holds a number that is no year (2025年) and no name (5G): a value.
    private static func statesValue(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        var i = from
        while i < to {
            guard s[i].digitValue != nil else { i += 1; continue }
            var j = i
            while j < to, s[j].digitValue != nil || s[j] == "." { j += 1 }
            let isYear = j - i == 4 && j < to && s[j] == "年"
            let isName = j < to && (s[j].isASCIILetter || s[j] == "号" || s[j] == "月" || s[j] == "日")
            if !isYear, !isName, j < to { return true }
            i = j
        }
        return false
    }

    /// The level of the list marker at `i` in the GB/T 9704 order of headings, or nil when none stands there:
    /// `level → numeral 、 (1) | （ numeral ） (2) | digit+ (. | 、) (3) | （ digit+ ） (4)`.
    static func headingLevel(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        let end = afterListMarker(s, i)
        guard end > i else { return nil }
        let bracketed = s[i] == "（" || s[i] == "("
        let digits = s[bracketed ? i + 1 : i].digitValue != nil
        switch (bracketed, digits) {
        case (false, false): return 1
        case (true, false): return 2
        case (false, true): return 3
        case (true, true): return 4
        }
    }

    /// Index after a list marker at `i` ("一、", "（二）", "3.", "(4)"), or `i`.
    static func afterListMarker(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var k = i
        let open = k < s.count && (s[k] == "（" || s[k] == "(")
        if open { k += 1 }
        let digitsStart = k
        while k < s.count, s[k].digitValue != nil || ChineseNumerals.value(of: s[k].value) != nil && s[k].value != 0x4F { k += 1 }
        guard k > digitsStart, k < s.count else { return i }
        if open { return s[k] == "）" || s[k] == ")" ? k + 1 : i }
        return s[k] == "、" || s[k] == "." || s[k] == "．" ? k + 1 : i
    }
}
