/// A quantitative target, limit or red line stated as policy.
public struct ExtractedTarget: Sendable, Hashable {
    /// The clause that states it ("到2025年，数字经济核心产业增加值占比达到10%以上").
    public var statement: String
    public var subject: String
    public var value: Double
    public var valueMax: Double?
    public var unit: String
    /// "<=", ">=", "=", "range".
    public var comparator: String
    /// "red_line", "cap", "floor", "goal".
    public var kind: String
    public var deadline: Int?
    /// Scalar range of the clause and of the number inside the sentence span.
    var clauseRange: Range<Int>
    var numberRange: Range<Int>
}

/// Finds targets in a sentence: a number with a unit, in a clause with a target cue (a limit, a deadline, a
/// commitment), and without the marks of a past statistic (截至, 同比, 已, 累计, a plain past year …).
public struct TargetExtractor: Sendable {
    let rules: TargetRules
    private let magnitudes: ScalarWordList
    private let units: ScalarWordList
    private let prefixComparators: [([Unicode.Scalar], String)]
    private let suffixComparators: [([Unicode.Scalar], String)]
    private let redLine: ScalarWordList
    private let strong: ScalarWordList
    private let goalVerbs: [[Unicode.Scalar]]
    private let weak: ScalarWordList
    private let modal: ScalarWordList
    private let achievements: ScalarWordList
    private let sentenceStats: ScalarWordList
    private let clauseStats: ScalarWordList

    /// Bit v is set for every BMP scalar v that can follow a number (after spaces) in a quantity: the first
    /// scalar of a magnitude or unit, or a range dash. A sentence without such a pair has no target. Empty when
    /// some unit or magnitude begins outside the BMP: then the bitmap cannot rule a quantity out.
    let quantityFollowers: [UInt64]
    /// The range dashes of `isRangeDash`, listed once.
    private static let rangeDashes = (UInt32(0)..<0x10000).compactMap(Unicode.Scalar.init).filter(\.isRangeDash)

    public init(rules: TargetRules = .standard) {
        self.rules = rules
        func sorted(_ words: [String]) -> [[Unicode.Scalar]] { words.map(scalars).sorted { $0.count > $1.count } }
        func list(_ words: [String]) -> ScalarWordList { ScalarWordList(sorted(words)) }
        magnitudes = list(rules.magnitudes)
        units = list(rules.units)
        prefixComparators = rules.prefixComparators.map { (scalars($0.phrase), $0.symbol) }.sorted { $0.0.count > $1.0.count }
        suffixComparators = rules.suffixComparators.map { (scalars($0.phrase), $0.symbol) }.sorted { $0.0.count > $1.0.count }
        redLine = list(rules.redLineWords)
        strong = list(rules.strongCues)
        goalVerbs = sorted(rules.goalVerbs)
        weak = list(rules.weakCues)
        modal = list(rules.modalCues)
        sentenceStats = list(rules.sentenceStatisticCues)
        clauseStats = list(rules.clauseStatisticCues)
        achievements = list(rules.achievementCues)
        var followers = [UInt64](repeating: 0, count: 0x10000 / 64)
        var astral = false
        for first in (magnitudes.words + units.words).compactMap(\.first) + Self.rangeDashes {
            if first.value < 0x10000 { followers[Int(first.value >> 6)] |= 1 << UInt64(first.value & 63) } else { astral = true }
        }
        quantityFollowers = astral ? [] : followers
    }

    /// Targets in a sentence given as a string (tests, tools).
    public func targets(in sentence: String) -> [ExtractedTarget] { targets(in: ScalarSpan(sentence)) }

    func targets(in span: ScalarSpan) -> [ExtractedTarget] {
        let s = span.scalars
        var quantities: [(number: Range<Int>, value: Double, valueMax: Double?, unit: Range<Int>, end: Int)] = []
        var i = 0
        while i < s.count {
            guard s[i].digitValue != nil, i == 0 || !(s[i - 1].digitValue != nil || s[i - 1] == "." || s[i - 1].isASCIILetter) else { i += 1; continue }
            guard let (value, afterNumber) = number(s, i) else { i += 1; continue }
            guard let (unit, afterUnit) = unit(s, afterNumber) else { i = afterNumber; continue }
            var valueMax: Double?
            var end = afterUnit
            // Range "5%—8%", "5—8%", "5%至8%".
            var r = unit.isEmpty ? afterNumber : afterUnit
            while r < s.count, s[r].isInlineSpace { r += 1 }
            if r < s.count, s[r].isRangeDash || s[r] == "到" {
                var q = r + 1
                while q < s.count, s[q] == "—" || s[q].isInlineSpace { q += 1 }
                if q < s.count, s[q].digitValue != nil, let (second, afterSecond) = number(s, q),
                   let (unit2, afterUnit2) = self.unit(s, afterSecond), s[unit2].elementsEqual(s[unit]) || unit.isEmpty, second > value {
                    valueMax = second
                    end = afterUnit2
                    quantities.append((i..<afterSecond, value, valueMax, unit2, end))
                    i = end
                    continue
                }
            }
            if unit.isEmpty { i = afterNumber; continue }
            quantities.append((i..<afterNumber, value, nil, unit, end))
            i = end
        }
        guard !quantities.isEmpty else { return [] }

        // Sentence-wide facts, computed only when a quantity gets far enough to need them.
        lazy var deadline = deadlineYear(span)
        lazy var hasPlainPastYear = deadline == nil && containsPlainYear(span)
        lazy var hasModal = modal.occurs(in: span)
        var out: [ExtractedTarget] = []
        for q in quantities {
            let clause = clauseRange(s, around: q.number.lowerBound)
            // Statistics: sentence cues before the clause end, clause cues before the number.
            if sentenceStats.occurs(in: span, to: q.number.lowerBound) { continue }
            if clauseStats.occurs(in: span, from: clause.lowerBound, to: q.number.lowerBound) { continue }
            if deadline == nil, !hasModal,
               achievements.occurs(in: span, from: clause.lowerBound, to: q.number.lowerBound) { continue }
            if isStatedAs(s, before: q.number.lowerBound, clauseStart: clause.lowerBound) { continue }
            if isStartingPoint(s, before: q.number.lowerBound, clauseStart: clause.lowerBound) { continue }
            if describesText(span, unit: s[q.unit], unitEnd: q.end, clause: clause) { continue }
            let redLineCue = redLineNear(span, number: q.number, unitEnd: q.end, clause: clause)
            let strongCue = redLineCue || strong.occurs(in: span, from: clause.lowerBound, to: clause.upperBound)
                || goalVerbBefore(span, q.number.lowerBound, clauseStart: clause.lowerBound)
                || achievedShare(span, unitEnd: q.end)
            let accepted = strongCue || (weak.occurs(in: span, from: clause.lowerBound, to: clause.upperBound)
                && (deadline != nil || hasModal) && !hasPlainPastYear)
            guard accepted else { continue }
            let comparator = comparatorSymbol(span, q.number, unitEnd: q.end, clause: clause, isRange: q.valueMax != nil)
            let kind = redLineCue ? "red_line" : kindOf(span, clause: clause, comparator: comparator)
            let statement = span.string(clause).trimmingSpaces()
            out.append(ExtractedTarget(statement: statement, subject: subject(span, clause: clause, number: q.number, unitEnd: q.end),
                                       value: q.value, valueMax: q.valueMax, unit: normalisedUnit(unitText(s, q.unit)),
                                       // A red line passed (超过10%红线) is the same line, not a new floor.
                                       comparator: kind == "red_line" && ["=", ">", "<"].contains(comparator)
                                           ? redLineComparator(span, clause) : comparator,
                                       kind: kind, deadline: deadline, clauseRange: clause, numberRange: q.number))
        }
        return out
    }

    // MARK: - Pieces

    /// Decimal number at `i` ("0.6600", "18", "1,200").
    private func number(_ s: [Unicode.Scalar], _ i: Int) -> (Double, Int)? {
        var j = i
        // The digits as an integer and the count of digits after the point.
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var hasPoint = false
        while j < s.count {
            if let d = s[j].digitValue {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(d) }
                digits += 1
                if hasPoint { fractionDigits += 1 }
                j += 1
            }
            else if s[j] == "." || s[j] == "．", j + 1 < s.count, s[j + 1].digitValue != nil, !hasPoint { hasPoint = true; j += 1 }
            else if s[j] == ",", j + 3 < s.count, s[j + 1].digitValue != nil, s[j + 2].digitValue != nil, s[j + 3].digitValue != nil { j += 1 }
            else { break }
        }
        guard digits > 0 else { return nil }
        // Up to 15 digits and 22 places, integer ÷ power of ten is exact before the one rounding of the division,
        // so it equals the correctly rounded parse (Clinger's fast path).
        if digits <= 15, fractionDigits <= 22 {
            return (fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / Self.powersOfTen[fractionDigits], j)
        }
        // Longer numbers: parsed from their ASCII digits and point (no thousands separators).
        let text: [UInt8] = s[i..<j].compactMap { c in c.digitValue.map { 0x30 + UInt8($0) } ?? (c == "," ? nil : 0x2E) }
        guard let v = Double(String(decoding: text, as: UTF8.self)) else { return nil }
        return (v, j)
    }

    /// Unit after a number (spaces allowed): "%", magnitude* + base unit ("亿万吨", "亿吨公里", "个工作日"), or
    /// magnitude alone ("10.11亿"). Empty unit when a range dash follows directly. Nil for years and bare numbers.
    /// The unit is returned as its scalar range (empty for the range dash); `unitText` makes it a String.
    private func unit(_ s: [Unicode.Scalar], _ start: Int) -> (Range<Int>, Int)? {
        var i = start
        while i < s.count, s[i].isInlineSpace { i += 1 }
        guard i < s.count else { return nil }
        if s[i] == "年" || s[i] == "月" || s[i] == "日" || s[i] == "号" { return nil }
        if s[i].isRangeDash { return (start..<start, start) }
        var j = i
        var matchedMagnitude = true
        while matchedMagnitude {
            matchedMagnitude = false
            if let k = magnitudes.firstMatch(in: s, at: j) {
                j += magnitudes.words[k].count; matchedMagnitude = true
            }
        }
        if let k = units.firstMatch(in: s, at: j) {
            // "年" after a magnitude is not a unit; "个" before "百分点"/"工作日" handled by longest match.
            let end = j + units.words[k].count
            return (i..<end, end)
        }
        if j > i, j < s.count, s[j] != "年" { return (i..<j, j) }
        return nil
    }

    private func unitText(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(s[range]))
    }

    private func normalisedUnit(_ unit: String) -> String {
        switch unit {
        case "％": return "%"
        case "个工作日": return "工作日"
        default: return unit
        }
    }

    /// Clause around scalar `i`: between ，；。：！？ (and line breaks).
    private func clauseRange(_ s: [Unicode.Scalar], around i: Int) -> Range<Int> {
        var a = i
        while a > 0, !s[a - 1].isClausePunctuation { a -= 1 }
        var b = i
        while b < s.count, !s[b].isClausePunctuation { b += 1 }
        return a..<b
    }

    /// "为 24.5%", "是 5个": a plain statement of a value, not a target.
    private func isStatedAs(_ s: [Unicode.Scalar], before i: Int, clauseStart: Int) -> Bool {
        var p = i
        while p > clauseStart, s[p - 1].isInlineSpace { p -= 1 }
        return p > clauseStart && (s[p - 1] == "为" || s[p - 1] == "是")
    }

    /// "从 2.8%上调至3.0%", "由 120万人次增加到…": the value a change starts from, not the one it aims at.
    private func isStartingPoint(_ s: [Unicode.Scalar], before i: Int, clauseStart: Int) -> Bool {
        var p = i
        while p > clauseStart, s[p - 1].isInlineSpace { p -= 1 }
        return p > clauseStart && (s[p - 1] == "从" || s[p - 1] == "由")
    }

    private func goalVerbBefore(_ span: ScalarSpan, _ i: Int, clauseStart: Int) -> Bool {
        var p = i
        while p > clauseStart, span.scalars[p - 1].isInlineSpace { p -= 1 }
        return goalVerbs.contains { p - $0.count >= clauseStart && span.matches($0, at: p - $0.count) }
    }

    /// 10^0 … 10^22, each exact in a Double.
    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }
    private static let hardLimits: [[Unicode.Scalar]] = ["不得超过", "不得低于", "严禁超过"].map(scalars)
    /// Units that count parts of a text.
    private static let countUnits: [[Unicode.Scalar]] = ["条", "项", "个", "部分", "类", "方面"].map(scalars)
    /// Parts of a text counted in "19条措施", "5个方面".
    private static let textParts: [[Unicode.Scalar]] = ["措施", "举措", "政策", "方面", "部分", "条款", "任务", "重点工作", "意见", "建议", "内容", "章"].map(scalars)
    private static let reach = scalars("实现")
    private static let cover = scalars("覆盖")
    private static let floorWords: [[Unicode.Scalar]] = ["不低于", "不少于", "至少"].map(scalars)
    private static let keepWords: [[Unicode.Scalar]] = ["严守", "守住", "坚守", "保住"].map(scalars)
    private static let fourteenthPlan = scalars("十四五")
    private static let fifteenthPlan = scalars("十五五")
    private static let fourteenthPlanPeriods: [[Unicode.Scalar]] = ["期间", "时期", "末", "时", "规划期"].map(scalars)
    private static let fifteenthPlanPeriods: [[Unicode.Scalar]] = ["期间", "时期", "末"].map(scalars)
    /// Words of intent before "到2025年": 力争到…, 计划到….
    private static let intentWords: [[Unicode.Scalar]] = ["力争", "计划", "预计", "争取"].map(scalars)
    private static let beforeYearWords: [[Unicode.Scalar]] = ["年前", "年底前", "年以前"].map(scalars)

    private static let inclusionNotes: [[Unicode.Scalar]] = ["（含）", "(含)", "（含本数）", "(含本数)"].map { Array($0.unicodeScalars) }

    private func comparatorSymbol(_ span: ScalarSpan, _ number: Range<Int>, unitEnd: Int, clause: Range<Int>, isRange: Bool) -> String {
        if isRange { return "range" }
        let s = span.scalars
        var after = unitEnd
        while after < clause.upperBound, s[after].isInlineSpace { after += 1 }
        // An inclusion note between the quantity and its comparator (30人（含）以下) leaves the comparator in force.
        for note in Self.inclusionNotes where span.matches(note, at: after) { after += note.count; break }
        for (phrase, symbol) in suffixComparators where span.matches(phrase, at: after) { return symbol }
        var before = number.lowerBound
        while before > clause.lowerBound, s[before - 1].isInlineSpace { before -= 1 }
        for (phrase, symbol) in prefixComparators where before - phrase.count >= clause.lowerBound && span.matches(phrase, at: before - phrase.count) {
            return symbol
        }
        // A limiting phrase earlier in the clause ("控制在…的8%").
        for (phrase, symbol) in prefixComparators where symbol != "=" && phrase.count >= 2
            && span.find(phrase, from: clause.lowerBound, to: number.lowerBound) != nil {
            return symbol
        }
        return "="
    }

    /// A red-line word right after the quantity ("18亿亩耕地红线", "10%的红线") or a hard-limit phrase before it.
    private func redLineNear(_ span: ScalarSpan, number: Range<Int>, unitEnd: Int, clause: Range<Int>) -> Bool {
        let window = min(clause.upperBound, unitEnd + 12)
        if redLine.occurs(in: span, from: unitEnd, to: window) { return true }
        return Self.hardLimits.contains { span.find($0, from: clause.lowerBound, to: number.lowerBound) != nil }
    }

    /// "19条措施", "5个方面", "20项重点工作": counts describing a text, not targets.
    private func describesText(_ span: ScalarSpan, unit: ArraySlice<Unicode.Scalar>, unitEnd: Int, clause: Range<Int>) -> Bool {
        guard Self.countUnits.contains(where: { $0.elementsEqual(unit) }) else { return false }
        let window = min(clause.upperBound, unitEnd + 8)
        return Self.textParts.contains { span.find($0, from: unitEnd, to: window) != nil }
    }

    /// "100%实现…": a share to be reached.
    private func achievedShare(_ span: ScalarSpan, unitEnd: Int) -> Bool {
        var p = unitEnd
        while p < span.count, span.scalars[p].isInlineSpace { p += 1 }
        return span.matches(Self.reach, at: p) || span.matches(Self.cover, at: p)
    }

    private func kindOf(_ span: ScalarSpan, clause: Range<Int>, comparator: String) -> String {
        if Self.floorWords.contains(where: { span.find($0, from: clause.lowerBound, to: clause.upperBound) != nil }) { return "floor" }
        if comparator == "<=" { return "cap" }
        return "goal"
    }

    /// A red line without an explicit comparator: "严守/守住 … 红线" protects a minimum, otherwise it is a ceiling.
    private func redLineComparator(_ span: ScalarSpan, _ clause: Range<Int>) -> String {
        return Self.keepWords.contains { span.find($0, from: clause.lowerBound, to: clause.upperBound) != nil } ? ">=" : "<="
    }

    /// What is measured: the clause before the number without deadline and cue words, else the words after the unit.
    private func subject(_ span: ScalarSpan, clause: Range<Int>, number: Range<Int>, unitEnd: Int) -> String {
        // Worked out on scalar indices [a, b) of the span; one String at the end.
        let s = span.scalars
        func hasPrefix(_ w: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool { a + w.count <= b && span.matches(w, at: a) }
        func hasSuffix(_ w: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool { b - w.count >= a && span.matches(w, at: b - w.count) }
        func trim(_ a: inout Int, _ b: inout Int) {
            while a < b, s[a].isInlineSpace || s[a] == "\n" { a += 1 }
            while b > a, s[b - 1].isInlineSpace || s[b - 1] == "\n" { b -= 1 }
        }
        var a = clause.lowerBound
        var b = goalVerbBefore(span, number.lowerBound, clauseStart: clause.lowerBound) ? a : number.lowerBound
        trim(&a, &b)
        for w in Self.subjectLeadWords where hasPrefix(w, a, b) && b - a > 2 { a += w.count }
        var changed = true
        while changed {
            changed = false
            trim(&a, &b)
            for w in Self.subjectTrailingWords where hasSuffix(w, a, b) && b - a > w.count { b -= w.count; changed = true; break }
        }
        if b - a < 2 {
            // Nothing before the number: the words after the unit.
            a = unitEnd
            while a < clause.upperBound, s[a].isInlineSpace { a += 1 }
            b = clause.upperBound
            trim(&a, &b)
            for w in Self.subjectAfterUnitLeads where hasPrefix(w, a, b) && b - a > w.count { a += w.count; break }
        }
        return span.string(a..<b)
    }

    /// Words cut from the start of a subject ("在…", "对…", "将…").
    private static let subjectLeadWords: [[Unicode.Scalar]] = ["在", "对", "将"].map(scalars)
    /// Comparators, verbs and particles cut from the end of a subject, repeatedly.
    private static let subjectTrailingWords: [[Unicode.Scalar]] = [
        "不得超过", "不超过", "不高于", "不低于", "不少于", "控制在", "提高到", "提升至", "提高至", "降低到", "降至",
        "达到", "分别达", "超过", "严守", "守住", "建设", "建成", "新增", "新建", "培育", "打造", "为", "达", "在", "约", "后",
    ].map(scalars)
    /// Comparator words cut from the start of a subject taken after the unit.
    private static let subjectAfterUnitLeads: [[Unicode.Scalar]] = ["左右", "以上", "以内", "以下", "多", "余"].map(scalars)

    /// A deadline in the sentence: "到2025年", "2025年前", "2021-2023年" (end year), "“十四五”期间/末" (2025).
    func deadlineYear(_ span: ScalarSpan) -> Int? {
        let s = span.scalars
        var best: Int?
        var i = 0
        while i + 4 < s.count {
            guard s[i].digitValue != nil, i == 0 || s[i - 1].digitValue == nil, let year = fourDigitYear(s, i) else { i += 1; continue }
            var j = i + 4
            while j < s.count, s[j].isInlineSpace { j += 1 }
            // Range "2021-2023年".
            if j < s.count, s[j].isRangeDash {
                var k = j + 1
                while k < s.count, s[k].isInlineSpace || s[k] == "—" { k += 1 }
                if let end = fourDigitYear(s, k), end > year {
                    var m = k + 4
                    while m < s.count, s[m].isInlineSpace { m += 1 }
                    if m < s.count, s[m] == "年" { best = max(best ?? 0, end); i = m + 1; continue }
                }
            }
            guard j < s.count, s[j] == "年" else { i += 4; continue }
            // "到2025年" / "至2025年" at a clause start (or after 力争/计划/预计/争取), "2025年前", "2025年底前".
            var p = i
            while p > 0, s[p - 1].isInlineSpace { p -= 1 }
            let byPrefix = p > 0 && (s[p - 1] == "到" || s[p - 1] == "至") && {
                let q = p - 1
                if q == 0 { return true }
                let c = s[q - 1]
                return "，；。：、\n".unicodeScalars.contains(c) || Self.intentWords.contains { span.matches($0, at: q - 2) } || c == "“"
            }()
            let bySuffix = Self.beforeYearWords.contains { span.matches($0, at: j) }
            if byPrefix || bySuffix { best = max(best ?? 0, year) }
            i = j + 1
        }
        if best == nil, let k = span.find(Self.fourteenthPlan) {
            let after = k + 3 + (k + 3 < s.count && s[k + 3] == "”" ? 1 : 0)
            if Self.fourteenthPlanPeriods.contains(where: { span.matches($0, at: after) }) { best = 2025 }
        }
        if best == nil, let k = span.find(Self.fifteenthPlan) {
            let after = k + 3 + (k + 3 < s.count && s[k + 3] == "”" ? 1 : 0)
            if Self.fifteenthPlanPeriods.contains(where: { span.matches($0, at: after) }) { best = 2030 }
        }
        return best
    }

    /// True when the sentence names a year ("2021年", "2020 年") that is not a deadline — a mark of a statistic.
    private func containsPlainYear(_ span: ScalarSpan) -> Bool {
        let s = span.scalars
        var i = 0
        while i + 4 < s.count {
            if s[i].digitValue != nil, i == 0 || s[i - 1].digitValue == nil, fourDigitYear(s, i) != nil {
                var j = i + 4
                while j < s.count, s[j].isInlineSpace { j += 1 }
                if j < s.count, s[j] == "年" { return true }
                i += 4
            } else { i += 1 }
        }
        return false
    }

    private func fourDigitYear(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i + 4 <= s.count else { return nil }
        var y = 0
        for k in 0..<4 { guard let d = s[i + k].digitValue else { return nil }; y = y * 10 + d }
        if i + 4 < s.count, s[i + 4].digitValue != nil { return nil }
        return (1949...2100).contains(y) ? y : nil
    }
}
