import PolicyText
import PolicyGrammar

/// A quantitative target, limit or red line stated as policy.
public struct ExtractedTarget: Sendable, Hashable {
    /// The clause that states it ("到2025年，数字经济核心产业增加值占比达到10%以上").
    public var statement: String
    public var subject: String
    public var value: Double
    public var valueMax: Double?
    public var unit: String
    /// Serialised as "<=", ">=", "=", "<", ">", "range".
    public var comparator: TargetComparator
    /// Serialised as "red_line", "cap", "floor", "goal".
    public var kind: TargetKind
    public var deadline: Int?
    /// The value an indicator table gives for the base year (基期值), when the target comes from such a table.
    public var baseValue: Double? = nil
    /// Scalar range of the clause and of the number inside the sentence span.
    var clauseRange: Range<Int>
    var numberRange: Range<Int>
}

/// Finds targets in a sentence: a number with a unit, in a clause with a target cue (a limit, a deadline, a
/// commitment), and without the marks of a past statistic (截至, 同比, 已, 累计, a plain past year …).
/// Immutable and shared (a class): the pipeline hands it to every sentence, and a value holding this many word
/// lists would be copied field by field each time.
public final class TargetExtractor: Sendable {
    let rules: TargetRules
    private let magnitudes: ScalarWordList
    private let units: ScalarWordList
    private let prefixComparators: [([Unicode.Scalar], TargetComparator)]
    private let suffixComparators: [([Unicode.Scalar], TargetComparator)]
    private let commitmentVerbs: [[Unicode.Scalar]]
    private let limitCue: ScalarWordList
    private let redLine: ScalarWordList
    private let strong: ScalarWordList
    private let goalVerbs: [[Unicode.Scalar]]
    private let weak: ScalarWordList
    private let modal: ScalarWordList
    private let achievements: ScalarWordList
    private let sentenceStats: ScalarWordList
    private let clauseStats: ScalarWordList
    private let goalCompatibleStats: [[Unicode.Scalar]]
    private let fundingVerbs: [[Unicode.Scalar]]
    /// Verbs of funding that commit money through a noun of money (安排预算资金…, 发行专项债券…).
    private let verbsBeforeMoneyNouns: [[Unicode.Scalar]]
    private let nonModalWords: [[Unicode.Scalar]]
    /// `future → 将 要? verb`: a verb of commitment after 将 states what is to come (将达71%, 将新增…).
    private let futureCommitment: Production

    /// Bit v is set for every BMP scalar v that can follow a number (after spaces) in a quantity: the first
    /// scalar of a magnitude or unit, a range dash, or what follows a value in an indicator table (a pipe, 预期性). A sentence without such a pair has no target. Empty when
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
        prefixComparators = rules.prefixComparators.compactMap { c in TargetComparator(symbol: c.symbol).map { (scalars(c.phrase), $0) } }
            .sorted { $0.0.count > $1.0.count }
        suffixComparators = rules.suffixComparators.compactMap { c in TargetComparator(symbol: c.symbol).map { (scalars(c.phrase), $0) } }
            .sorted { $0.0.count > $1.0.count }
        commitmentVerbs = sorted(rules.commitmentVerbs)
        limitCue = list(rules.limitCues)
        redLine = list(rules.redLineWords)
        strong = list(rules.strongCues)
        goalVerbs = sorted(rules.goalVerbs)
        weak = list(rules.weakCues)
        modal = list(rules.modalCues)
        sentenceStats = list(rules.sentenceStatisticCues)
        clauseStats = list(rules.clauseStatisticCues)
        achievements = list(rules.achievementCues)
        goalCompatibleStats = sorted(rules.goalCompatibleStatisticCues)
        fundingVerbs = sorted(rules.fundingVerbs)
        verbsBeforeMoneyNouns = sorted(rules.fundingVerbs + rules.fundingThroughNounVerbs)
        nonModalWords = sorted(rules.nonModalWords)
        futureCommitment = Production("future commitment", grammar: "future → 将 要? verb", confidence: 0.7,
                                      .sequence(.literal("将"), .optional(.literal("要")), .word(rules.commitmentVerbs)))
        var followers = [UInt64](repeating: 0, count: 0x10000 / 64)
        var astral = false
        let tableCells: [Unicode.Scalar] = ["|", "｜"] + IndicatorTable.attributes.compactMap(\.unicodeScalars.first)
        // (A value without a unit is read only before a qualifier or with a decimal point; the qualifier's first
        // scalars let the first kind through.)
        let unitlessQualifiers: [Unicode.Scalar] = ["以", "左"]
        for first in (magnitudes.words + units.words).compactMap(\.first) + Self.rangeDashes + tableCells + unitlessQualifiers {
            if first.value < 0x10000 { followers[Int(first.value >> 6)] |= 1 << UInt64(first.value & 63) } else { astral = true }
        }
        quantityFollowers = astral ? [] : followers
    }

    /// True when `text` is a unit as a whole, with its magnitudes (万亩, 亿元, 个, 万批次).
    func isUnit(_ text: String) -> Bool {
        let s = scalars(text)
        guard let (range, end) = unit(s, 0) else { return false }
        return !range.isEmpty && range.lowerBound == 0 && end == s.count
    }

    /// Targets in a sentence given as a string (tests, tools).
    public func targets(in sentence: String, pastContext: Bool = false) -> [ExtractedTarget] {
        targets(in: ScalarSpan(sentence), passage: pastContext ? .past : .other)
    }

    /// Targets in a sentence that stands in a passage of goals ("主要指标——" …), whose deadline is `deadline`.
    public func targets(inGoalPassage sentence: String, deadline: Int? = nil) -> [ExtractedTarget] {
        targets(in: ScalarSpan(sentence), passage: .goals(deadline: deadline))
    }

    /// The target a table's value cell states (`LineCellTable`): `cell → (各 | prefix-comparator)? quantity qualifier?`,
    /// the whole cell ("各80个", "3000万吨左右", "≥95%"); nil for a cell that holds text besides its quantity (a
    /// note restating a goal, a month to finish by) or no unit. `subject`: the row's name.
    func cellTarget(_ span: ScalarSpan, subject: String?, deadline: Int?) -> ExtractedTarget? {
        let s = span.scalars
        let found = quantities(in: s)
        guard found.count == 1, let q = found.first, !q.chinese, !q.unit.isEmpty || q.unitText != nil else { return nil }
        let whole = 0..<s.count
        var end = q.end
        for (phrase, _) in suffixComparators where span.matches(phrase, at: end) { end += phrase.count; break }
        guard end == s.count else { return nil }
        var start = q.number.lowerBound
        if start > 0, s[start - 1] == "各" { start -= 1 }
        if start > 0, let (phrase, _) = prefixComparators.first(where: { start - $0.0.count >= 0 && span.matches($0.0, at: start - $0.0.count) }) {
            start -= phrase.count
        }
        if start > 0, "≥≤><＞＜".unicodeScalars.contains(s[start - 1]) { start -= 1 }
        guard start == 0 else { return nil }
        var comparator = comparatorOf(span, q.number, unitEnd: q.end, clause: whole, isRange: q.valueMax != nil)
        if q.number.lowerBound > 0 {
            switch s[q.number.lowerBound - 1] {
            case "≥": comparator = .atLeast
            case "≤": comparator = .atMost
            case ">", "＞": comparator = .above
            case "<", "＜": comparator = .below
            default: break
            }
        }
        let kind: TargetKind = comparator == .atMost || comparator == .below ? .cap : comparator == .atLeast ? .floor : .goal
        return ExtractedTarget(statement: span.string(whole).trimmingSpaces(), subject: subject ?? "", value: q.value,
                               valueMax: q.valueMax, unit: q.unitText ?? normalisedUnit(unitText(s, q.unit)),
                               comparator: comparator, kind: kind, deadline: deadline, clauseRange: whole, numberRange: q.number)
    }

    /// Targets in a sentence. `passage`: what the passage it stands in states (`PassageTense`): in a review of the
    /// past ("过去一年，…") only hard limits (red lines, caps, floors) are targets; in a list of goals ("主要指标——")
    /// a bare value is one too, with the deadline the list's opening named.
    ///
    /// Grammar of a commitment, over the clauses of the sentence:
    /// `commitment → time? subject verb? quantity qualifier?`,
    /// `time → 到 year 年 | year 年(底)?前 | plan-period 期间 | 力争 …`,
    /// `verb → 达到 | 超过 | 不低于 | 控制在 | 新增 | 建成 | 提高到 | 稳定在 | …` (`TargetRules.commitmentVerbs`),
    /// `quantity → number unit (dash number unit)?`, `number → digits | chinese-numeral`,
    /// `qualifier → 以上 | 以内 | 左右 | 以下 …` (`TargetRules.suffixComparators`).
    /// A quantity is a target when no mark of the past stands before it and either a strong cue (a limit, a time
    /// limit, 力争/确保), a commitment verb with a qualifier, or a weak cue with a deadline or intent supports it;
    /// once one quantity of a sentence is a target, the others with a commitment verb or qualifier are too.
    /// `defaultYear`: the deadline of a target that states none (the year of the document's or section's heading).
    /// `paragraphDate`: the paragraph opened with a date to meet ("具体指标：到2027年，…"), which governs this sentence.
    /// `continuing`: what the sentence before hands on when this one goes on after its ；(a list split at ；).
    func targets(in span: ScalarSpan, passage: PassageTense.Passage = .other, defaultYear: Int? = nil,
                 paragraphDate: Bool = false, continuing: Continuation? = nil, ownPlanPeriodEnd: Int? = nil,
                 planDocument: Bool = false) -> [ExtractedTarget] {
        if passage == .statistics { return [] }
        let pastContext = passage == .past
        var inGoals = false
        var passageDeadline: Int?
        if case .goals(let d) = passage { inGoals = true; passageDeadline = d }
        let s = span.scalars
        // "…目标为：A增长7%；…": a goal announcement inside the sentence makes what follows it a list of goals; a year
        // before it ("2025年…的目标为：") is their deadline, not a report's.
        let announcementEnd = PassageTense.goalAnnouncementEnd(s) ?? PassageTense.goalValueStart(s)
        if let end = announcementEnd, !pastContext {
            inGoals = true
            passageDeadline = passageDeadline ?? PassageTense.firstYear(in: s, from: 0, to: end)
        }
        // "2022年，全市新建…": in a list of goals, or when it is not before the year the document is about (a plan for
        // 2026 saying "2026年，…增长5.5%左右"), a year opening the sentence is the year to meet.
        let openingYear = Self.sentenceOpeningYear(s).flatMap { y in inGoals || defaultYear.map { y >= $0 } == true ? y : nil }
        // A row of an indicator table states one target, whatever its wording.
        if IndicatorTable.mayBeRow(s), let row = IndicatorTable.row(s, inGoals: inGoals) {
            let kind: TargetKind = row.comparator == .atMost || row.comparator == .below ? .cap
                : row.comparator == .atLeast ? .floor : .goal
            return [ExtractedTarget(statement: span.string(0..<s.count).trimmingSpaces(), subject: row.name, value: row.value,
                                    valueMax: nil, unit: row.unit, comparator: row.comparator, kind: kind,
                                    deadline: passageDeadline ?? deadlineYear(span) ?? defaultYear, baseValue: row.base,
                                    clauseRange: 0..<s.count, numberRange: row.valueRange)]
        }
        let quantities = self.quantities(in: s)
        guard !quantities.isEmpty else { return [] }

        // Sentence-wide facts, computed only when a quantity gets far enough to need them.
        lazy var sentenceDeadline = self.deadline(span)
        lazy var deadline = sentenceDeadline?.year
        lazy var sentenceDeadlineStart = sentenceDeadline?.start
        // "今年年底前", "年内": a date to meet in the year the document is about.
        lazy var relativeDates = self.relativeDatesToMeet(span)
        // "“九五”期间造地50万亩" in the plan for 九五: the document's own plan period is a time to meet, as 到2000年 is
        // (in a review of a past period, 期间 only tells when things happened).
        lazy var ownPeriodStart: Int? = sentenceDeadline.flatMap { d in !d.isDateToMeet && d.year == ownPlanPeriodEnd ? d.start : nil }
        lazy var hasDateToMeet = sentenceDeadline?.isDateToMeet ?? false || !relativeDates.isEmpty || ownPeriodStart != nil
        lazy var hasPlainPastYear = !hasDateToMeet && openingYear == nil && containsPlainYear(span, from: announcementEnd ?? 0)
        lazy var hasModal = continuing?.hasIntent == true || hasIntent(span)
        lazy var items = listItems(span, quantities.map(\.number), splitsAtAnd: span.find(Self.respectively) == nil)
        var hasVerb = [Bool](repeating: false, count: quantities.count)
        // Dates that commit (到2025年, 2025年前), not periods (2021—2023年) nor years of titles (《…2025年…》).
        lazy var meetDates = self.datesToMeet(span).filter { !$0.inTitle }
        lazy var commitDates = meetDates.filter { !$0.isPeriod }.map(\.start)
        var candidates: [(q: Quantity, clause: Range<Int>, item: Range<Int>, accepted: Bool, sibling: Bool,
                          redLine: Bool, deadline: Int?)] = []
        for (index, q) in quantities.enumerated() {
            let clause = clauseRange(s, around: q.number.lowerBound)
            // Statistics: sentence cues before the number since the last date to meet (a report of the past
            // followed by "到2025年…" turns to the future), clause cues before the number unless a word of
            // intent stands there too ("其中山区县确保达到…").
            // (Only after a reported quantity; a forecast, 预计到2025年…, stays one.)
            let reportFrom = commitDates.last { d in d < q.number.lowerBound && quantities.contains { $0.end <= d } } ?? 0
            // (A paragraph its opening date governs is a list of goals for 累计/同比 too: "到2025年…。全省累计建成…".)
            if marksStatistic(sentenceStats, span, from: reportFrom, to: q.number.lowerBound, inGoals: inGoals || paragraphDate,
                              commitDates: commitDates) { continue }
            if reportFrom > 0, Self.forecastWords.contains(where: { span.find($0, to: q.number.lowerBound) != nil }) { continue }
            if marksStatistic(clauseStats, span, from: clause.lowerBound, to: q.number.lowerBound, inGoals: inGoals || paragraphDate,
                              commitDates: commitDates),
               !Self.commitmentIntentWords.contains(where: { span.find($0, from: clause.lowerBound, to: q.number.lowerBound) != nil }),
               !breaksDownGoal(span, clause: clause, q, earlierTarget: candidates.contains { $0.accepted },
                               inGoals: inGoals, commitDates: commitDates) { continue }
            let item = items[index].clamped(to: clause)
            let redLineCue = redLineNear(span, number: q.number, unitEnd: q.end, clause: clause)
            let qualified = qualifier(span, after: q.end, clause: clause) != nil
            // "新增A 300家、B 200个": the verb of the first item of a 、 list is the verb of the items after it.
            let verb = commitmentVerbBefore(span, q.number.lowerBound, from: item.lowerBound)
                || (index > 0 && hasVerb[index - 1] && item.lowerBound > clause.lowerBound && "、和及".unicodeScalars.contains(s[item.lowerBound - 1])
                    && quantities[index - 1].number.lowerBound >= clause.lowerBound)
                || hasModal && index > 0 && hasVerb[index - 1] && gapsVerb(s, previous: quantities[index - 1], q, clause: clause)
            hasVerb[index] = verb
            // A year opening the clause before a commitment with a qualifier is its deadline (2030年…达到…以上).
            let clauseYear = qualified && verb ? clauseStartYear(s, clause: clause) : nil
            // A time phrase governs what follows it: a sentence's deadline after the quantity is not its own.
            // (Of several dates, the last one before the quantity: "到2025年，A 10亿；到2027年，A 12亿".)
            let governingDeadline = (sentenceDeadlineStart ?? 0) <= q.number.lowerBound
                ? (meetDates.last { $0.start < q.number.lowerBound }?.year ?? deadline) : nil
            // "增至26000元（2020年）": a year in brackets right after the value is the time it is stated for.
            let ownDeadline = Self.annotatedYear(s, after: q.end) ?? clauseYear ?? governingDeadline ?? openingYear
                ?? passageDeadline ?? continuing?.deadline ?? defaultYear
            // (In a list of goals, 基本形成… describes the state to reach.)
            if !inGoals, clauseYear ?? deadline ?? passageDeadline == nil, !hasModal,
               achievements.occurs(in: span, from: clause.lowerBound, to: q.number.lowerBound) { continue }
            if isStatedAs(s, before: q.number.lowerBound, clauseStart: clause.lowerBound),
               !(planDocument && opensWithBeneficiary(span, item, q)) { continue }
            if isStartingPoint(s, before: q.number.lowerBound, clauseStart: clause.lowerBound) { continue }
            if describesText(span, unit: s[q.unit], unitEnd: q.end, clause: clause) || countsArticles(s, q) { continue }
            if namesTravelTimeCircle(span, unit: s[q.unit], unitEnd: q.end, clause: clause) { continue }
            if !hasDateToMeet, countsDocumentContents(span, q, clause: clause) { continue }
            if !redLineCue, isScopeThreshold(span, number: q.number.lowerBound, unit: q.unit, unitEnd: q.end, clause: clause,
                                             isRange: q.valueMax != nil),
               !(shareLeadsItem(span, q, item: item) && (inGoals || paragraphDate || commitDates.contains { $0 < q.number.lowerBound })) { continue }
            if !redLineCue, gradesNoun(span, q, clause: clause) { continue }
            // A number written in Chinese (一名, 三成) is a target only with a comparator or qualifier of its own.
            // (In a list of goals, a verb of building right before it is enough: 建设一所…高校.)
            // (Only a cardinal: a share or a doubling in words, 三成, 一半, 翻一番, names no count of a word like 一批.)
            // ("千亿元级企业", "10万吨级码头": a quantity before 级 grades the noun after it.)
            if q.end < s.count, s[q.end] == "级" { continue }
            if q.chinese, q.unitText == nil || q.cardinal, !qualified, !hasPrefixComparator(span, q.number, clause: clause),
               !(inGoals && goalVerbBefore(span, q.number.lowerBound, clauseStart: clause.lowerBound)) { continue }
            let hardLimit = redLineCue || limitCue.occurs(in: span, from: clause.lowerBound, to: clause.upperBound)
            if pastContext, !hardLimit { continue }
            let strongCue = hardLimit || strong.occurs(in: span, from: clause.lowerBound, to: clause.upperBound)
                || goalVerbBefore(span, q.number.lowerBound, clauseStart: clause.lowerBound)
                || fundingVerbBefore(span, q, clauseStart: clause.lowerBound).map { $0 == .direct || !(clauseYear == nil && hasPlainPastYear) } == true
                || achievedShare(span, unitEnd: q.end)
            let plainPast = clauseYear == nil && hasPlainPastYear
            // "到2027年，全市接待游客8000万人次": a date to meet stated before the quantity in its sentence governs it.
            let governedByDate = (!q.chinese || q.unitText != nil && !q.cardinal) && (commitDates.contains { $0 < q.number.lowerBound } || relativeDates.contains { $0 < q.number.lowerBound }
                || ownPeriodStart.map { $0 < q.number.lowerBound } == true)
            // (A verb of commitment in a sentence of intent commits too, to a quantity that ends its item — 力争…培育…企业
            // 50家, 计划…完成投资1200亿元 — not to one that counts a noun after it: 在168个城市中.)
            let accepted = strongCue || (verb && (qualified || (hasModal || paragraphDate) && Self.endsItem(s, q.end)) && !plainPast)
                || governedByDate
                || (hasModal && !plainPast && hasPrefixComparator(span, q.number, clause: clause))
                || (inGoals && !plainPast)
                // (In a plan or task list, a clause opened by its verb of commitment is a task: 新建城市道路12条.)
                || (planDocument && verb && !plainPast && opensWithCommitmentVerb(span, item)
                    && (Self.endsItem(s, q.end) || commitmentVerbRightBefore(span, q.number.lowerBound, clauseStart: item.lowerBound)))
                // (So is an item that names whom it is done for first: 为10个老旧小区实施消防设施改造.)
                || (planDocument && !plainPast && opensWithBeneficiary(span, item, q))
                // (And a quota with its qualifier after the noun it measures: 实际利用外资1.8亿美元以上.)
                || (planDocument && !plainPast && qualified && Self.endsItem(s, afterQualifier(span, q.end, clause: clause))
                    && Self.measuresNounBefore(s, q, item: item))
                // (A paragraph whose opening date states goals goes on with bare values: "人均体育场地面积2.6平方米。")
                || (paragraphDate && !plainPast && quantities.count == 1 && Self.isBareStatement(s, q))
                // (A qualifier counts as a weak cue only after the quantity itself: 市级以上 qualifies no number.)
                // (So does a comparator before it: 超出70%, 最少一个, ≥71.)
                || ((qualified || weak.occurs(in: span, from: clause.lowerBound, to: clause.upperBound)
                     || hasPrefixComparator(span, q.number, clause: clause))
                    && (clauseYear != nil || hasDateToMeet || hasModal || paragraphDate || continuing?.deadline != nil
                        // (A year opening the sentence that is not before the year the document is about states a
                        // quota bounded by its qualifier: "2027年某类资金储备额度30亿元以上".)
                        || openingYear != nil && qualified) && !plainPast)
            candidates.append((q, clause, item, accepted, (verb || qualified) && !plainPast, redLineCue, ownDeadline))
        }
        // Once one quantity states a target, its siblings with a commitment verb or a qualifier do too.
        let anyAccepted = candidates.contains { $0.accepted } || continuing?.statedTargets == true
        var out: [ExtractedTarget] = []
        for c in candidates where c.accepted || (anyAccepted && c.sibling) {
            let q = c.q
            var comparator = comparatorOf(span, q.number, unitEnd: q.end, clause: c.clause, isRange: q.valueMax != nil)
            if q.moreThan, comparator == .equal { comparator = .above }
            let kind: TargetKind = c.redLine ? .redLine : kindOf(span, clause: c.clause, comparator: comparator)
            // The statement and its subject begin after a list marker ("（三）", "2.").
            var item = c.item
            var first = item.lowerBound
            while first < item.upperBound, s[first].isInlineSpace { first += 1 }
            let marker = PassageTense.afterListMarker(s, first)
            if marker > first, marker < q.number.lowerBound { item = marker..<item.upperBound }
            let statement = span.string(item).trimmingSpaces()
            out.append(ExtractedTarget(statement: statement, subject: subject(span, clause: item, number: q.number, unitEnd: q.end),
                                       value: q.value, valueMax: q.valueMax, unit: q.unitText ?? normalisedUnit(unitText(s, q.unit)),
                                       // A red line passed (超过10%红线) is the same line, not a new floor.
                                       comparator: kind == .redLine && [.equal, .above, .below].contains(comparator)
                                           ? redLineComparator(span, c.clause) : comparator,
                                       kind: kind, deadline: c.deadline, clauseRange: item, numberRange: q.number))
        }
        distributeSubjects(span, &out)
        distributeYears(span, &out)
        return splitSharedSubjects(sharedRespectively(span, out))
    }

    /// A number with its unit found in a sentence.
    struct Quantity {
        var number: Range<Int>
        var value: Double
        var valueMax: Double?
        /// Scalar range of the unit (empty for a bare range).
        var unit: Range<Int>
        /// End of the quantity (after the unit).
        var end: Int
        /// Written in Chinese numerals.
        var chinese = false
        /// The unit when it is implied by the numeral's form (三成, 百分之三十 → %) or read apart from its magnitude
        /// (十三亿六千万人 → 亿人).
        var unitText: String?
        /// A cardinal in Chinese numerals (一名, 十三亿六千万人): a count that needs a comparator of its own.
        var cardinal = false
        /// Written with 余 or 多 before its unit (50余家): more than the number.
        var moreThan = false
    }

    /// Every number with a unit in `s`: decimal digits ("0.66", "1,200", ranges "5%—8%") and Chinese numerals
    /// (一名, 三万个, 三成, 百分之三十, 六分之五).
    func quantities(in s: [Unicode.Scalar]) -> [Quantity] {
        var quantities: [Quantity] = []
        var i = 0
        while i < s.count {
            if s[i].digitValue == nil {
                // Chinese numerals: only where one starts a word (not inside 统一, 唯一, 十四五).
                if ChineseNumerals.isCardinalScalar(s[i].value) || s[i] == "半" || s[i] == "翻",
                   i == 0 || !(ChineseNumerals.isCardinalScalar(s[i - 1].value) || s[i - 1].digitValue != nil || s[i - 1] == "第"),
                   let q = chineseQuantity(s, i) {
                    quantities.append(q)
                    i = q.end
                    continue
                }
                i += 1
                continue
            }
            guard i == 0 || !(s[i - 1].digitValue != nil || s[i - 1] == "." || s[i - 1].isASCIILetter) else { i += 1; continue }
            guard let (value, afterNumber) = number(s, i) else { i += 1; continue }
            guard let (unit, afterUnit) = unit(s, afterNumber) else {
                // "收入倍差缩小到1.9以内", "灌溉水有效利用系数提高到0.58": a ratio or coefficient has no unit.
                if let end = unitlessValueEnd(s, number: i..<afterNumber) {
                    quantities.append(Quantity(number: i..<afterNumber, value: value, valueMax: nil, unit: afterNumber..<afterNumber,
                                               end: afterNumber, unitText: ""))
                    i = end
                } else { i = afterNumber }
                continue
            }
            // Range "5%—8%", "5—8%", "5%至8%".
            var r = unit.isEmpty ? afterNumber : afterUnit
            while r < s.count, s[r].isInlineSpace { r += 1 }
            if r < s.count, s[r].isRangeDash || s[r] == "到" {
                var q = r + 1
                while q < s.count, s[q] == "—" || s[q].isInlineSpace { q += 1 }
                if q < s.count, s[q].digitValue != nil, let (second, afterSecond) = number(s, q),
                   let (unit2, afterUnit2) = self.unit(s, afterSecond), s[unit2].elementsEqual(s[unit]) || unit.isEmpty, second > value {
                    quantities.append(Quantity(number: i..<afterSecond, value: value, valueMax: second, unit: unit2, end: afterUnit2))
                    i = afterUnit2
                    continue
                }
            }
            if unit.isEmpty { i = afterNumber; continue }
            // "19部门": a unit that begins a longer word counts nothing.
            if Self.wordsBeginningWithAUnit.contains(where: { scalarsMatch(s, $0, at: unit.lowerBound) }) { i = afterUnit; continue }
            // `more-than → number magnitude* (余 | 多) unit`: the unit is written without the 余.
            let moreThan = s[unit].contains { $0 == "余" || $0 == "多" }
            quantities.append(Quantity(number: i..<afterNumber, value: value, valueMax: nil, unit: unit, end: afterUnit,
                                       unitText: moreThan ? String(String.UnicodeScalarView(s[unit].filter { $0 != "余" && $0 != "多" })) : nil,
                                       moreThan: moreThan))
            i = afterUnit
        }
        return quantities
    }

    /// The end of a value without a unit — a ratio, a coefficient, an index — or nil:
    /// `unitless → change-to-verb number (以内 | 以下 | 以上 | 左右)? (clause end)`, where the number has a decimal
    /// point or a qualifier follows it (a whole number alone may be a year, a rank or a count of no unit).
    /// Read only where a number has no unit (a cheap test: the scalar after it is none of a unit's).
    private func unitlessValueEnd(_ s: [Unicode.Scalar], number: Range<Int>) -> Int? {
        var p = number.lowerBound
        while p > 0, s[p - 1].isInlineSpace { p -= 1 }
        // (A comparator sign, ≥71, states a value whatever its form: a year or a rank is never written after one.)
        let sign = p >= 1 && Self.comparatorSigns.contains(s[p - 1])
        guard sign || p >= 2, sign || Self.changeToVerbs.contains(where: { p - $0.count >= 0 && scalarsMatch(s, $0, at: p - $0.count) }) else { return nil }
        var q = number.upperBound
        while q < s.count, s[q].isInlineSpace { q += 1 }
        var qualified = false
        if let m = Self.unitlessQualifier.prefixMatch(in: s, at: q) { q = m.range.upperBound; qualified = true }
        // (A whole number is a value too after an index or coefficient and its verb: 健康发展指数达85.)
        guard sign || qualified || Self.hasDecimalPoint(s, before: number.upperBound) || Self.followsIndexVerb(s, p) else { return nil }
        return q == s.count || s[q].isClausePunctuation || s[q] == "、" ? q : nil
    }

    /// `index-value → (指数 | 系数) (达到 | 达 | 提高到 | 提升到) ⟨number⟩`: what stands before a whole number that
    /// is the value of an index ("发展指数达85", "满意度指数提高到90"); `p` is where the number's spaces begin.
    private static func followsIndexVerb(_ s: [Unicode.Scalar], _ p: Int) -> Bool {
        for verb in indexVerbs where p - verb.count - 2 >= 0 && scalarsMatch(s, verb, at: p - verb.count) {
            let k = p - verb.count - 2
            if indexNouns.contains(where: { scalarsMatch(s, $0, at: k) }) { return true }
        }
        return false
    }

    private static let indexVerbs: [[Unicode.Scalar]] = ["提高到", "提升到", "达到", "达"].map(scalars)
    private static let indexNouns: [[Unicode.Scalar]] = ["指数", "系数"].map(scalars)

    /// Comparator signs written before a value: `sign → ≥ | ≤ | ≧ | ≦ | ⩾ | ⩽ | ＞ | ＜ | > | <`.
    static let comparatorSigns: Set<Unicode.Scalar> = ["≥", "≤", "≧", "≦", "⩾", "⩽", "＞", "＜", ">", "<"]

    /// Verbs that set a value to reach right before it: 缩小到, 提高到, 控制在 ….
    private static let changeToVerbs: [[Unicode.Scalar]] = [
        "缩小到", "缩小至", "缩小为", "提高到", "提高至", "提升到", "提升至", "降低到", "降低至", "下降到", "下降至", "降至",
        "控制在", "保持在", "稳定在", "达到", "达", "不低于", "不高于", "不超过", "小于", "大于", "低于", "高于",
    ].map(scalars)

    /// `qualifier → 以内 | 以下 | 以上 | 左右` after a value without a unit.
    private static let unitlessQualifier = Production(
        "unitless qualifier", grammar: "qualifier → 以内 | 以下 | 以上 | 左右", confidence: 0.8,
        .word(["以内", "以下", "以上", "左右"]))

    /// A quantity in Chinese numerals at `i`: a share (三成, 一半, 六分之五, 百分之三十) or a cardinal with a unit
    /// (一名, 五万家); nil for numerals in words (一些, 一批, 十四五) and bare cardinals.
    private func chineseQuantity(_ s: [Unicode.Scalar], _ i: Int) -> Quantity? {
        guard let q = ChineseNumerals.quantity(s, at: i) else { return nil }
        switch q.form {
        case .percent, .fraction:
            return Quantity(number: i..<q.end, value: q.value, valueMax: nil, unit: q.end..<q.end, end: q.end,
                            chinese: true, unitText: "%")
        case .tenths:
            // 两成 is stated in tenths, as written: value 2, unit 成 (the ontology's 成 row converts it to per cent).
            return Quantity(number: i..<q.end, value: q.value / 10, valueMax: nil, unit: q.end..<q.end, end: q.end,
                            chinese: true, unitText: "成")
        case .doubling:
            return Quantity(number: i..<q.end, value: q.value, valueMax: nil, unit: q.end..<q.end, end: q.end,
                            chinese: true, unitText: "倍")
        case .cardinal:
            // `magnitude-amount → numeral+ (万|亿)+` with no unit after it: "超过五千亿规模" is 5000 亿, as 10.11亿 is.
            // (Not before 级: 千亿级企业 grades a noun.)
            if q.value > 0, q.end > i + 1, s[q.end - 1] == "万" || s[q.end - 1] == "亿",
               q.end == s.count || s[q.end] != "级", unit(s, q.end) == nil, !Self.numeralWords.contains(where: { scalarsMatch(s, $0, at: i) }),
               let first = (i..<q.end).first(where: { s[$0] == "万" || s[$0] == "亿" }) {
                var scale = 1.0
                for k in first..<q.end where s[k] == "万" || s[k] == "亿" { scale *= s[k] == "万" ? 1e4 : 1e8 }
                guard (first..<q.end).allSatisfy({ s[$0] == "万" || s[$0] == "亿" }) else { return nil }
                return Quantity(number: i..<q.end, value: (q.value / scale * 1e8).rounded() / 1e8, valueMax: nil,
                                unit: first..<q.end, end: q.end, chinese: true,
                                unitText: String(String.UnicodeScalarView(s[first..<q.end])), cardinal: true)
            }
            guard q.value > 0, let (unit, afterUnit) = unit(s, q.end), !unit.isEmpty,
                  !Self.numeralWords.contains(where: { scalarsMatch(s, $0, at: i) }) else { return nil }
            // `magnitude-quantity → numeral* (万|亿)+ numeral* unit`: 十三亿六千万人 is stated in its first magnitude, as
            // digits would write it (13.6亿人), and 二十六点一万亿元 as 26.1万亿元.
            if let first = (i..<q.end).first(where: { s[$0] == "万" || s[$0] == "亿" }) {
                var end = first
                var scale = 1.0
                while end < q.end, s[end] == "万" || s[end] == "亿" { scale *= s[end] == "万" ? 1e4 : 1e8; end += 1 }
                let value = (q.value / scale * 1e8).rounded() / 1e8
                return Quantity(number: i..<q.end, value: value, valueMax: nil, unit: unit, end: afterUnit, chinese: true,
                                unitText: String(String.UnicodeScalarView(s[first..<end])) + normalisedUnit(unitText(s, unit)), cardinal: true)
            }
            return Quantity(number: i..<q.end, value: q.value, valueMax: nil, unit: unit, end: afterUnit, chinese: true, cardinal: true)
        }
    }

    /// Words that begin with a unit's character and are no unit: "19部门", "3部委", "5人民".
    private static let wordsBeginningWithAUnit: [[Unicode.Scalar]] = ["部门", "部委", "部署", "部分", "人民", "名单", "台阶", "家庭", "口岸", "口径", "眼光"].map(scalars)

    /// Words that begin with a numeral but count nothing (一些, 一批, 一体, 一线, 三农, 两新 …).
    private static let numeralWords: [[Unicode.Scalar]] = ["一些", "一批", "一体", "一线", "一系列", "一切", "一般", "一项项",
                                                            "三农", "两新", "两重", "一流", "一站", "一网", "一件事", "千万"].map(scalars)

    /// Scalar ranges of list items around each quantity: when two quantities of one clause are separated by 、 (or,
    /// with `splitsAtAnd`, by 和/及: 建设50所…学校和150个…专业), each has its own item (from the separator before it to
    /// the one after it), else its item is the whole sentence. (With 分别 the values after 和 share one clause.)
    private func listItems(_ span: ScalarSpan, _ numbers: [Range<Int>], splitsAtAnd: Bool) -> [Range<Int>] {
        let s = span.scalars
        // (及 inside a word, 普及率, joins nothing.)
        func separates(_ p: Int) -> Bool {
            let c = s[p]
            return c == "、" || splitsAtAnd && (c == "和" || c == "及" && !Self.insideWordWithJi(span, p))
        }
        var items = numbers.map { _ in 0..<s.count }
        for k in numbers.indices {
            let n = numbers[k]
            // Left edge: the last 、 after the previous quantity of the clause.
            // Left edge: the first 、 after the previous quantity of the clause (the item may list several
            // subjects: 畜禽粪污资源化利用率、农膜回收利用率达到80%).
            if k > 0 {
                var p = numbers[k - 1].upperBound
                while p < n.lowerBound, !separates(p), !s[p].isClausePunctuation { p += 1 }
                if p < n.lowerBound, separates(p) { items[k] = (p + 1)..<items[k].upperBound }
            }
            // Right edge: the first 、 before the next quantity of the clause.
            if k + 1 < numbers.count {
                var p = n.upperBound
                while p < numbers[k + 1].lowerBound, !separates(p), !s[p].isClausePunctuation { p += 1 }
                if p < numbers[k + 1].lowerBound, separates(p) { items[k] = items[k].lowerBound..<p }
            }
        }
        return items
    }

    /// "A、B分别达到65%和55%": the i-th of n targets that share one 分别 clause gets the i-th of n listed subjects.
    private func distributeSubjects(_ span: ScalarSpan, _ out: inout [ExtractedTarget]) {
        guard out.count >= 2, let respectively = span.find(Self.respectively) else { return }
        let s = span.scalars
        // (The values after 分别 in its clause: a 、 list gives each value its own item, which no longer holds 分别.)
        let clause = clauseRange(s, around: respectively)
        let group = out.indices.filter { out[$0].numberRange.lowerBound > respectively
            && (out[$0].clauseRange.contains(respectively) || clause.contains(out[$0].numberRange.lowerBound)) }
        guard group.count >= 2 else { return }
        // The subjects: the words between the clause start and 分别, split at 、 and 和.
        var a = respectively
        while a > 0, !s[a - 1].isClausePunctuation { a -= 1 }
        // Words of intent before the first subject (力争城市公交、…) are no part of it.
        for w in Self.intentWords + Self.subjectLeadWords where span.matches(w, at: a) && a + w.count < respectively { a += w.count; break }
        var subjects: [String] = []
        var start = a
        for p in a...respectively where p == respectively || s[p] == "、" || s[p] == "和" || s[p] == "及" && !Self.insideWordWithJi(span, p) {
            let piece = span.string(start..<p).trimmingSpaces()
            if !piece.isEmpty { subjects.append(piece) }
            start = p + 1
        }
        guard subjects.count == group.count else { return }
        // The shared head noun after the last subject (种植、收获机械化率 → 种植机械化率) is left as written.
        for (k, i) in group.enumerated() { out[i].subject = subjects[k] }
    }

    private static let respectively = scalars("分别")

    /// `respectively-one → subject ((、 | 和 | 及) subject)+ base? 分别 verb quantity`: one value after 分别 for a list
    /// of subjects ("A、B较2025年分别下降10%以上", "甲和乙排放总量比2020年分别下降10%") is one target per subject.
    /// (Subjects split at 、 when there is one, else at 和/及; the base of the change, 较…/比…, ends the last one.)
    private func sharedRespectively(_ span: ScalarSpan, _ out: [ExtractedTarget]) -> [ExtractedTarget] {
        guard !out.isEmpty, let respectively = span.find(Self.respectively) else { return out }
        let s = span.scalars
        let clause = clauseRange(s, around: respectively)
        let group = out.indices.filter { out[$0].numberRange.lowerBound > respectively && clause.contains(out[$0].numberRange.lowerBound) }
        // (One value only: "分别下降20%和25%" gives each subject its own.)
        guard group.count == 1, let only = group.first,
              !s[out[only].numberRange.upperBound..<clause.upperBound].contains(where: { $0.digitValue != nil }) else { return out }
        var a = clause.lowerBound
        while a < respectively, s[a].isInlineSpace { a += 1 }
        for w in Self.intentWords + Self.subjectLeadWords where span.matches(w, at: a) && a + w.count < respectively { a += w.count; break }
        var end = respectively
        if let base = (a..<respectively).first(where: { k in
            (s[k] == "较" || s[k] == "比") && k + 1 < respectively && (s[k + 1].digitValue != nil || "“\"上去基".unicodeScalars.contains(s[k + 1]))
        }) { end = base }
        let commaList = s[a..<end].contains("、")
        var pieces: [String] = []
        var start = a
        for p in a...end where p == end || s[p] == "、" || !commaList && (s[p] == "和" || s[p] == "及" && !Self.insideWordWithJi(span, p)) {
            let piece = span.string(start..<p).trimmingSpaces()
            guard !piece.isEmpty, !piece.unicodeScalars.contains(where: { $0.digitValue != nil }) else { return out }
            pieces.append(piece)
            start = p + 1
        }
        guard (2...6).contains(pieces.count) else { return out }
        var result: [ExtractedTarget] = []
        for (i, t) in out.enumerated() {
            guard i == group[0] else { result.append(t); continue }
            for piece in pieces {
                var copy = t
                copy.subject = piece
                result.append(copy)
            }
        }
        return result
    }

    /// True when the 及 at `p` is inside a word (普及率, 涉及, 及时) rather than joining two items.
    private static func insideWordWithJi(_ span: ScalarSpan, _ p: Int) -> Bool {
        wordsWithJi.contains { w in
            guard let k = w.firstIndex(of: "及"), p - k >= 0 else { return false }
            return span.matches(w, at: p - k)
        }
    }

    private static let wordsWithJi: [[Unicode.Scalar]] = ["普及", "涉及", "以及", "危及", "波及", "触及", "顾及", "及时", "及早"].map(scalars)

    /// "2025年、2030年…分别达到50%、60%": the i-th of n targets of one 分别 clause is due in the i-th of n listed years.
    private func distributeYears(_ span: ScalarSpan, _ out: inout [ExtractedTarget]) {
        guard out.count >= 2, let respectively = span.find(Self.respectively) else { return }
        let s = span.scalars
        // (The values after 分别 in its clause: a 、 list gives each value its own item, which no longer holds 分别.)
        let clause = clauseRange(s, around: respectively)
        let group = out.indices.filter { out[$0].numberRange.lowerBound > respectively && clause.contains(out[$0].numberRange.lowerBound) }
        guard group.count >= 2 else { return }
        // The last list of years before 分别 (2026年、2028年、2030年 / 2027年和2030年), joined by 、 和 及 only.
        var years: [Int] = []
        var lastEnd = -1
        var i = 0
        while i < respectively {
            if let m = Self.listedYear.prefixMatch(in: s, at: i, end: respectively), let y = m["year"] {
                let joined = lastEnd >= 0 && s[lastEnd..<i].allSatisfy { $0 == "、" || $0 == "和" || $0 == "及" || $0.isInlineSpace }
                if !joined { years = [] }
                years.append(s[y].reduce(0) { $0 * 10 + ($1.digitValue ?? 0) })
                i = m.range.upperBound
                lastEnd = i
            } else { i += 1 }
        }
        guard years.count == group.count, years.allSatisfy({ (1949...2100).contains($0) }) else { return }
        for (k, t) in group.enumerated() { out[t].deadline = years[k] }
    }

    /// `listed-year → digit{4} 年 (、 | 和 | 底)?` (one year of a 、 list).
    private static let listedYear = Production(
        "listed year", grammar: "listed-year → digit{4} 年", confidence: 0.7,
        .sequence(.notPreceded(by: .digit), .capture("year", .repeat(.digit, 4...4)), .literal("年")))
    private static let strive = scalars("力争")

    /// "畜禽粪污资源化利用率、农膜回收利用率达到80%以上": one value for a list of measures with the same head (率,
    /// 量 …) is one target per measure. Lists of short words (工业、建筑、交通等领域) are one subject.
    private func splitSharedSubjects(_ targets: [ExtractedTarget]) -> [ExtractedTarget] {
        var out: [ExtractedTarget] = []
        for t in targets {
            let pieces = t.subject.split(separator: "、").map { Array($0.unicodeScalars) }
            // (A piece that counts — 8个以上…的村, 一批…企业 — is an item of its own, not a subject.)
            guard pieces.count >= 2, let head = pieces.last?.last,
                  pieces.allSatisfy({ piece in piece.count >= 3 && piece.last == head && !piece.contains("等") && !piece.contains("和")
                      && !piece.contains(where: { $0.digitValue != nil }) && !Self.numeralWords.contains { scalarsMatch(piece, $0, at: 0) } }) else {
                out.append(t)
                continue
            }
            for piece in pieces {
                var copy = t
                copy.subject = String(String.UnicodeScalarView(piece))
                out.append(copy)
            }
        }
        return out
    }

    // MARK: - Context across sentences and clauses

    /// What a sentence ended by ；hands on to the next sentence of its line: a list of goals split at ；goes on with
    /// the intent, the deadline and the targets of its first part ("…要加快…；畜禽养殖规模化率达到66%").
    struct Continuation: Sendable, Equatable {
        var hasIntent = false
        var statedTargets = false
        var deadline: Int?
    }

    /// The continuation a sentence hands on (with what it received from the sentence before it).
    func continuation(of span: ScalarSpan, statedTargets: Bool, received: Continuation?) -> Continuation {
        Continuation(hasIntent: received?.hasIntent == true || hasIntent(span),
                     statedTargets: statedTargets || received?.statedTargets == true,
                     deadline: deadlineYear(span) ?? received?.deadline)
    }

    /// A word of intent in the sentence (力争, 确保, 要 — not inside 主要, 重要 …) or a future commitment (将达, 将新增).
    func hasIntent(_ span: ScalarSpan) -> Bool {
        let s = span.scalars
        var i = 0
        while i < s.count {
            if modal.mayStart(with: s[i]), let k = modal.firstMatch(in: s, at: i) {
                let word = modal.words[k]
                // (A cue inside a longer word that commits nobody: 主要, 需要, 要点.)
                let inWord = nonModalWords.contains { w in
                    guard let offset = (0...(w.count - word.count)).first(where: { scalarsMatch(w, word, at: $0) }) else { return false }
                    return i - offset >= 0 && scalarsMatch(s, w, at: i - offset)
                }
                if !inWord { return true }
            }
            if s[i] == "将", futureCommitment.prefixMatch(in: s, at: i) != nil { return true }
            i += 1
        }
        return false
    }

    /// True when a cue of `list` in `from..<to` marks a statistic. A cue of a growth base or a running total (同比,
    /// 累计) does not in a list of goals, nor after a date to meet that governs it ("到2024年，累计建成…").
    private func marksStatistic(_ list: ScalarWordList, _ span: ScalarSpan, from: Int, to: Int, inGoals: Bool,
                                commitDates: @autoclosure () -> [Int]) -> Bool {
        let s = span.scalars
        var i = max(from, 0)
        let end = min(to, s.count)
        while i < end {
            if list.mayStart(with: s[i]) {
                for word in list.words where i + word.count <= end && scalarsMatch(s, word, at: i) {
                    // ("由目前的3.5万元增长到…": the present as the base of a change reports nothing of its own.)
                    if i > 0, s[i - 1] == "由" || s[i - 1] == "从", Self.presentWords.contains(word) { continue }
                    let compatible = goalCompatibleStats.contains { $0 == word }
                    if !compatible { return true }
                    if !inGoals, !commitDates().contains(where: { $0 < i }) { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// `breakdown → goal-clause ，其中 part (verb | comparator) quantity | goal-clause ，其中 part quantity qualifier`:
    /// after a target already stated in its sentence, 其中 (of which) with a commitment of its own opens the share of
    /// that goal one part is to meet ("…提高到3%以上，其中省本级达到6.5%"), not a statistic; a bare part
    /// (其中民营企业12家) stays a breakdown. Only 其中 is forgiven: any other clause cue (已, 比上年 …) still marks a report.
    private func breaksDownGoal(_ span: ScalarSpan, clause: Range<Int>, _ q: Quantity, earlierTarget: Bool, inGoals: Bool,
                                commitDates: @autoclosure () -> [Int]) -> Bool {
        let number = q.number.lowerBound
        guard earlierTarget, let k = span.find(Self.breakdownWord, from: clause.lowerBound, to: number) else { return false }
        let part = k..<clause.upperBound
        guard commitmentVerbBefore(span, number, from: k + Self.breakdownWord.count) || hasPrefixComparator(span, q.number, clause: part)
                || qualifier(span, after: q.end, clause: clause) != nil else { return false }
        return !marksStatistic(clauseStats, span, from: clause.lowerBound, to: k, inGoals: inGoals, commitDates: commitDates())
            && !marksStatistic(clauseStats, span, from: k + Self.breakdownWord.count, to: number, inGoals: inGoals, commitDates: commitDates())
    }

    private static let breakdownWord = scalars("其中")

    /// Starts of dates to meet named relative to the document's year: 今年年底前, 今年底前, 今年内, 年内 (not 三年内,
    /// a span of time, nor 2025年底前, which `datesToMeet` reads).
    private func relativeDatesToMeet(_ span: ScalarSpan) -> [Int] {
        let s = span.scalars
        var starts: [Int] = []
        var i = 0
        while i < s.count {
            // (The grammar runs only where 今年 or 年内 begins.)
            // "三年内", "3年内": a span from the document's time, a time limit like 年内.
            // (Only where it opens a clause: 离校2年内的毕业生 describes whom a rule is for.)
            if i > 0, i + 1 < s.count, s[i] == "年", s[i + 1] == "内", Self.spanNumerals.contains(s[i - 1]),
               i < 2 || s[i - 2].isClausePunctuation || s[i - 2] == "\n" {
                starts.append(i - 1)
                i += 2
                continue
            }
            if i + 1 < s.count, s[i] == "今" && s[i + 1] == "年" || s[i] == "年" && s[i + 1] == "内",
               let m = Self.relativeDate.prefixMatch(in: s, at: i) {
                starts.append(i)
                i = m.range.upperBound
            } else { i += 1 }
        }
        return starts
    }

    /// `gapped → verb noun quantity ， noun quantity`: in a sentence of intent, a clause that only names a noun and its
    /// quantity after a clause that ended with a committed quantity shares that clause's verb ("力争新增龙头企业3户，
    /// 示范合作社5户"): both quantities end their clauses, and nothing but the noun (no number) stands before this one.
    private func gapsVerb(_ s: [Unicode.Scalar], previous: Quantity, _ q: Quantity, clause: Range<Int>) -> Bool {
        guard clause.lowerBound > 0, s[clause.lowerBound - 1] == "，" || s[clause.lowerBound - 1] == ",",
              previous.end <= clause.lowerBound, q.number.lowerBound - clause.lowerBound <= 20,
              Self.endsItem(s, q.end), !q.chinese else { return false }
        // The previous quantity ends the clause right before this one.
        var p = previous.end
        while p < s.count, s[p].isInlineSpace { p += 1 }
        for (phrase, _) in suffixComparators where scalarsMatch(s, Array(phrase), at: p) { p += phrase.count; break }
        guard p == clause.lowerBound - 1 else { return false }
        return !s[clause.lowerBound..<q.number.lowerBound].contains { $0.digitValue != nil }
    }

    /// True when nothing but a clause's end, a list separator or the sentence's end follows `end` (after spaces).
    static func endsItem(_ s: [Unicode.Scalar], _ end: Int) -> Bool {
        var p = end
        while p < s.count, s[p].isInlineSpace { p += 1 }
        return p == s.count || s[p].isClausePunctuation || s[p] == "、" || s[p] == "和" || s[p] == "及" || s[p] == "\n"
    }

    /// `bare → han+ quantity 。`: a sentence that only names what is measured and its value, with nothing after it.
    private static func isBareStatement(_ s: [Unicode.Scalar], _ q: Quantity) -> Bool {
        var a = 0
        while a < q.number.lowerBound, s[a].isInlineSpace { a += 1 }
        guard q.number.lowerBound - a >= 2, (a..<q.number.lowerBound).allSatisfy({ s[$0].isHanIdeograph }) else { return false }
        var e = q.end
        while e < s.count, s[e].isInlineSpace || s[e] == "\n" { e += 1 }
        return e == s.count || e + 1 == s.count && (s[e] == "。" || s[e] == "；" || s[e] == ";")
    }

    /// `task → list-marker? commitment-verb …`: the item opens with its verb, as the tasks of a plan do ("新建城市道路
    /// 12条", "2.完成农村户厕改造1200户"); a report names its subject or time first (全年新建…, 去年完成…).
    private func opensWithCommitmentVerb(_ span: ScalarSpan, _ item: Range<Int>) -> Bool {
        let s = span.scalars
        var a = item.lowerBound
        while a < item.upperBound, s[a].isInlineSpace { a += 1 }
        a = PassageTense.afterListMarker(s, a)
        return commitmentVerbs.contains { span.matches($0, at: a) }
    }

    /// The end of the qualifier right after a quantity (以上, 左右 …), else `unitEnd`.
    private func afterQualifier(_ span: ScalarSpan, _ unitEnd: Int, clause: Range<Int>) -> Int {
        var p = unitEnd
        while p < clause.upperBound, span.scalars[p].isInlineSpace { p += 1 }
        for (phrase, _) in suffixComparators where span.matches(phrase, at: p) { return p + phrase.count }
        return unitEnd
    }

    /// True when a verb of commitment ends right before the number (spaces between): 开设40个…, 新建5所….
    private func commitmentVerbRightBefore(_ span: ScalarSpan, _ number: Int, clauseStart: Int) -> Bool {
        var p = number
        while p > clauseStart, span.scalars[p - 1].isInlineSpace { p -= 1 }
        return commitmentVerbs.contains { p - $0.count >= clauseStart && span.matches($0, at: p - $0.count) }
    }

    /// `beneficiary-task → list-marker? 为 quantity han+ commitment-verb …`: a task of a plan that names whom or what it
    /// is done for first ("为10个老旧小区实施消防设施改造", "为300户困难家庭完成适老化改造"); the count is the target.
    private func opensWithBeneficiary(_ span: ScalarSpan, _ item: Range<Int>, _ q: Quantity) -> Bool {
        let s = span.scalars
        var a = item.lowerBound
        while a < item.upperBound, s[a].isInlineSpace { a += 1 }
        a = PassageTense.afterListMarker(s, a)
        guard a < item.upperBound, s[a] == "为", a + 1 == q.number.lowerBound, !q.chinese else { return false }
        var k = q.end
        while k < item.upperBound, s[k].isHanIdeograph {
            if commitmentVerbs.contains(where: { span.matches($0, at: k) }) { return k > q.end }
            k += 1
        }
        return false
    }

    /// `measured → han{2,} quantity`: the item names what it measures right before the quantity (外资1.8亿美元), with
    /// no number before it in the item.
    private static func measuresNounBefore(_ s: [Unicode.Scalar], _ q: Quantity, item: Range<Int>) -> Bool {
        let n = q.number.lowerBound
        guard n >= item.lowerBound + 2, s[n - 1].isHanIdeograph, s[n - 2].isHanIdeograph else { return false }
        return !s[item.lowerBound..<n].contains { $0.digitValue != nil }
    }

    /// Numerals that count the years of a span (三年内, 5年内); two of them in a row (2025年内, 十五年内) are no such span.
    private static let spanNumerals: Set<Unicode.Scalar> = Set("123456789一两二三四五".unicodeScalars)

    /// `relative-date → 今年 年? 底前 | 今年内 | 年内` (年内 not after a numeral or a year).
    private static let relativeDate = Production(
        "relative date to meet", grammar: "relative-date → 今年 年? 底前 | 今年内 | 年内", confidence: 0.7,
        .choice(.sequence(.literal("今年"), .optional(.literal("年")), .literal("底前")),
                .literal("今年内"),
                .sequence(.notPreceded(by: .digit), .notPreceded(by: .chineseNumeral), .notPreceded(by: .oneOf("年今几")), .literal("年内"))))

    /// How a verb of funding stands before an amount: right before it, or before a noun of money that precedes it.
    enum FundingShape { case direct, throughNoun }

    /// "筹集3000万元", "整合5亿元资金": a verb of funding right before an amount of money commits it; nil when none
    /// stands there. `.throughNoun` (安排预算资金8500万元) is the looser shape, which a plain year of a report in the
    /// sentence overrules.
    private func fundingVerbBefore(_ span: ScalarSpan, _ q: Quantity, clauseStart: Int) -> FundingShape? {
        let s = span.scalars
        guard !q.unit.isEmpty, s[q.unit.upperBound - 1] == "元" else { return nil }
        var p = q.number.lowerBound
        while p > clauseStart, s[p - 1].isInlineSpace { p -= 1 }
        if fundingVerbs.contains(where: { p - $0.count >= clauseStart && span.matches($0, at: p - $0.count) }) { return .direct }
        // `funding → funding-verb han{0,4} (资金 | 经费 | 债券) amount`: "安排预算资金8500万元", "发行专项债券2000万元".
        guard let noun = Self.fundNouns.first(where: { p - $0.count >= clauseStart && span.matches($0, at: p - $0.count) }) else { return nil }
        let nounStart = p - noun.count
        for gap in 0...4 where nounStart - gap >= clauseStart {
            if gap > 0, !s[nounStart - gap].isHanIdeograph { break }
            let e = nounStart - gap
            if verbsBeforeMoneyNouns.contains(where: { e - $0.count >= clauseStart && span.matches($0, at: e - $0.count) }) { return .throughNoun }
        }
        return nil
    }

    /// Nouns of money committed after a verb of funding: 资金, 经费, 债券.
    private static let fundNouns: [[Unicode.Scalar]] = ["资金", "经费", "债券"].map(scalars)

    /// The year opening a sentence ("2022年，…", "（一）2025年全市…"), or nil.
    static func sentenceOpeningYear(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < s.count, s[i].isInlineSpace || s[i] == "\n" { i += 1 }
        i = PassageTense.afterListMarker(s, i)
        // (The grammar runs only where a digit stands within the first scalars: most sentences open with none.)
        guard i < s.count, s[i].digitValue != nil || s[i].isHanIdeograph && s[(i + 1)..<min(s.count, i + 8)].contains(where: { $0.digitValue != nil }),
              let m = Self.openingYear.prefixMatch(in: s, at: i), let y = m["year"] else { return nil }
        let year = s[y].reduce(0) { $0 * 10 + ($1.digitValue ?? 0) }
        return (1949...2100).contains(year) ? year : nil
    }

    /// `opening-year → place? year 年 (，| 是 | 要 | han)` at the start of a sentence, where
    /// `place → han{1,6} (省|市|县|区|州|盟|旗)` names whose year it is ("武汉市2027年…", "全县2026年…").
    private static let openingYear = Production(
        "opening year", grammar: "opening-year → (han{1,6} (省|市|县|区|州|盟|旗))? digit{4} 年 not(前 | 底 | 以来 | 末)", confidence: 0.8,
        .sequence(.optional(.sequence(.repeat(.han, 1...6), .oneOf("省市县区州盟旗"))),
                  .capture("year", .repeat(.digit, 4...4)), .repeat(.oneOf(" \u{3000}"), 0...1), .literal("年"),
                  .not(.word(["前", "底", "以来", "末", "度", "初"]))))

    /// A year in brackets right after a quantity ("26000元（2020年）"): the time the value is stated for.
    static func annotatedYear(_ s: [Unicode.Scalar], after end: Int) -> Int? {
        guard end + 1 < s.count, s[end] == "（" || s[end] == "(", s[end + 1].digitValue != nil,
              let m = Self.bracketYear.prefixMatch(in: s, at: end), let y = m["year"] else { return nil }
        let year = s[y].reduce(0) { $0 * 10 + ($1.digitValue ?? 0) }
        return (1949...2100).contains(year) ? year : nil
    }

    /// `bracket-year → （ year 年 ）`
    private static let bracketYear = Production(
        "bracketed year", grammar: "bracket-year → ('（'|'(') digit{4} 年 ('）'|')')", confidence: 0.8,
        .sequence(.oneOf("（("), .capture("year", .repeat(.digit, 4...4)), .literal("年"), .oneOf("）)")))

    /// `base → (由 | 从) ((year 年 | present) 的?)?`, `present → 目前 | 现在 | 当前 | 现有`: what stands before the value a
    /// change starts from ("由2015年的50.6%提高到…", "从目前的14.4万元增加到20万元左右").
    private static let changeBase = Production(
        "change base", grammar: "base → (由 | 从) ((digit{4} 年 | 目前 | 现在 | 当前 | 现有) 的?)?", confidence: 0.8,
        .sequence(.oneOf("由从"), .optional(.sequence(.choice(.sequence(.repeat(.digit, 4...4), .literal("年")),
                                                                 .word(["目前", "现在", "当前", "现有"])),
                                                         .optional(.literal("的"))))))

    /// Words naming the present that, after 由/从, are the base of a change rather than a report: 目前, 现在, 当前, 现有.
    private static let presentWords: [[Unicode.Scalar]] = ["目前", "现在", "当前", "现有"].map(scalars)

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
        // 年 after a decimal (11.3年) is a duration, after a whole number a date (2025年) or too vague a span.
        if s[i] == "年", start > 0, Self.hasDecimalPoint(s, before: start) { return (i..<i + 1, i + 1) }
        if s[i] == "年" || s[i] == "月" || s[i] == "日" || s[i] == "号" { return nil }
        if s[i].isRangeDash { return (start..<start, start) }
        // `rate → / power-of-ten magnitude?`: "12/10万" (per 100,000), "8/1000" — not a fraction (1/3).
        if s[i] == "/" || s[i] == "／", let end = Self.perPowerOfTenEnd(s, i + 1, magnitudes: magnitudes) { return (i..<end, end) }
        // unit → magnitude* base-unit | magnitude+: the longest reading wins, so that a unit beginning with a
        // magnitude's character (千瓦时 in 亿千瓦时) and a magnitude before a longer unit (亿 + 吨标煤) both read whole.
        var j = i
        var best: Int?
        while true {
            if let k = units.firstMatch(in: s, at: j) { best = max(best ?? 0, j + units.words[k].count) }
            // (余 or 多 between the number and its unit, 50余家, 1万余人, 100多家: more than the number.)
            else if j + 1 < s.count, s[j] == "余" || s[j] == "多", let k = units.firstMatch(in: s, at: j + 1) {
                best = max(best ?? 0, j + 1 + units.words[k].count)
            }
            guard let k = magnitudes.firstMatch(in: s, at: j) else { break }
            j += magnitudes.words[k].count
        }
        // unit → unit ("/" base-unit)?: a rate per unit (万元/人, 元/吨).
        if var end = best, end >= j {
            // (The unit after the slash may carry a magnitude: 公里/百平方公里.)
            if end + 1 < s.count, s[end] == "/" || s[end] == "／" {
                var m = end + 1
                while let k = magnitudes.firstMatch(in: s, at: m) { m += magnitudes.words[k].count }
                if let k = units.firstMatch(in: s, at: m) { end = m + units.words[k].count }
            }
            return (i..<end, end)
        }
        if j > i, j < s.count, s[j] != "年" { return (i..<j, j) }
        return nil
    }

    /// End of `1 0+ magnitude?` at `i` (10万, 1000, 万) — the base a rate is stated per — or nil.
    private static func perPowerOfTenEnd(_ s: [Unicode.Scalar], _ i: Int, magnitudes: ScalarWordList) -> Int? {
        var k = i
        var zeros = 0
        if k < s.count, s[k] == "1" {
            k += 1
            while k < s.count, s[k] == "0" { zeros += 1; k += 1 }
            guard k == s.count || s[k].digitValue == nil, s[k - 1] != "." else { return nil }
        }
        var m = k
        while let w = magnitudes.firstMatch(in: s, at: m) { m += magnitudes.words[w].count }
        guard m > k || zeros >= 2 else { return nil }
        return m
    }

    /// True when the number that ends at `end` has a decimal point ("11.3").
    private static func hasDecimalPoint(_ s: [Unicode.Scalar], before end: Int) -> Bool {
        var p = end
        while p > 0, s[p - 1].digitValue != nil { p -= 1 }
        return p > 1 && p < end && (s[p - 1] == "." || s[p - 1] == "．") && s[p - 2].digitValue != nil
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

    /// "为 24.5%", "是 5个": a plain statement of a value, not a target — unless what is stated is a goal:
    /// `goal-value → 目标 值? (为|是) quantity` ("增长预期目标为5%左右").
    private func isStatedAs(_ s: [Unicode.Scalar], before i: Int, clauseStart: Int) -> Bool {
        var p = i
        while p > clauseStart, s[p - 1].isInlineSpace { p -= 1 }
        guard p > clauseStart && (s[p - 1] == "为" || s[p - 1] == "是") else { return false }
        var q = p - 1
        if q > clauseStart, s[q - 1] == "值" { q -= 1 }
        return !(q - 2 >= clauseStart && scalarsMatch(s, Self.goalNoun, at: q - 2))
    }

    private static let goalNoun = scalars("目标")

    /// "从 2.8%上调至3.0%", "由 120万人次增加到…": the value a change starts from, not the one it aims at.
    private func isStartingPoint(_ s: [Unicode.Scalar], before i: Int, clauseStart: Int) -> Bool {
        var p = i
        while p > clauseStart, s[p - 1].isInlineSpace { p -= 1 }
        // base → (由 | 从) (year 年 的?)? right before the number.
        for k in stride(from: p - 1, through: max(clauseStart, p - 7), by: -1) where s[k] == "从" || s[k] == "由" {
            if Self.changeBase.prefixMatch(in: s, at: k, end: p)?.range.upperBound == p { return true }
        }
        return false
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
    private static let textParts: [[Unicode.Scalar]] = ["部门", "单位", "措施", "举措", "政策", "方面", "部分", "条款", "任务", "重点工作", "意见", "建议", "内容", "章", "指标", "原则"].map(scalars)
    /// Verbs after a share that state what it is to reach: "100%实现…", "100%覆盖…", "100%保障…".
    private static let shareVerbs: [[Unicode.Scalar]] = ["实现", "覆盖", "保障", "完成"].map(scalars)
    private static let floorWords: [[Unicode.Scalar]] = ["不低于", "不少于", "至少", "最少", "不减少", "不能减少", "不得减少"].map(scalars)
    private static let keepWords: [[Unicode.Scalar]] = ["严守", "守住", "坚守", "保住"].map(scalars)
    /// The plan periods (`PlanPeriod.all`) with the words that make them a time.
    private static let planPeriods: [(name: [Unicode.Scalar], endYear: Int)] = PlanPeriod.all.map { (scalars($0.name), $0.endYear) }
    private static let planPeriodTimeWords: [[Unicode.Scalar]] = PlanPeriod.timeWords.map(scalars)
    /// Words of intent before "到2025年": 力争到…, 计划到….
    /// Words of intent that commit whoever states them: 力争, 确保, 争取.
    private static let commitmentIntentWords: [[Unicode.Scalar]] = ["力争", "确保", "争取"].map(scalars)
    /// Verbs of a plan setting a time right before it: 明确2025年…, 提出2025年….
    private static let settingVerbs: [[Unicode.Scalar]] = ["明确", "提出", "要求", "确定"].map(scalars)
    /// Words of a forecast: what follows them is an estimate, whatever date it names.
    private static let forecastWords: [[Unicode.Scalar]] = ["预计", "预测", "预期将"].map(scalars)
    private static let intentWords: [[Unicode.Scalar]] = ["力争", "计划", "预计", "争取"].map(scalars)
    /// After a year: it is a date to meet (2025年前, 2025年年底前) or the year of what is planned (2025年将…).
    private static let beforeYearWords: [[Unicode.Scalar]] = ["年前", "年底前", "年以前", "年年底前", "年将"].map(scalars)

    private static let inclusionNotes: [[Unicode.Scalar]] = ["（含）", "(含)", "（含本数）", "(含本数)"].map { Array($0.unicodeScalars) }

    private func comparatorOf(_ span: ScalarSpan, _ number: Range<Int>, unitEnd: Int, clause: Range<Int>, isRange: Bool) -> TargetComparator {
        if isRange { return .range }
        if let after = qualifier(span, after: unitEnd, clause: clause) { return after }
        let s = span.scalars
        var before = number.lowerBound
        while before > clause.lowerBound, s[before - 1].isInlineSpace { before -= 1 }
        for (phrase, symbol) in prefixComparators where before - phrase.count >= clause.lowerBound && span.matches(phrase, at: before - phrase.count) {
            // "力争…达到X": striving to reach a value commits to at least it.
            if symbol == .equal, span.find(Self.strive, from: clause.lowerBound, to: before - phrase.count) != nil { return .atLeast }
            return symbol
        }
        // A limiting phrase earlier in the clause ("控制在…的8%").
        for (phrase, symbol) in prefixComparators where symbol != .equal && phrase.count >= 2
            && span.find(phrase, from: clause.lowerBound, to: number.lowerBound) != nil {
            return symbol
        }
        return .equal
    }

    /// The comparator a qualifier right after the quantity states (以上, 以内, 左右, （含）以下 …), or nil.
    private func qualifier(_ span: ScalarSpan, after unitEnd: Int, clause: Range<Int>) -> TargetComparator? {
        let s = span.scalars
        var after = unitEnd
        while after < clause.upperBound, s[after].isInlineSpace { after += 1 }
        // An inclusion note between the quantity and its comparator (30人（含）以下) leaves the comparator in force.
        for note in Self.inclusionNotes where span.matches(note, at: after) { after += note.count; break }
        for (phrase, symbol) in suffixComparators where span.matches(phrase, at: after) { return symbol }
        return nil
    }

    /// True when a comparator phrase stands right before the number (至少, 不少于, 超过 …, 至少有), or a bound adverb
    /// before the verb of the number: `bound-verb → (至少 | 最少 | 至多 | 最多) commitment-verb quantity` ("最少建成
    /// 一个…平台", "至少培育5家").
    private func hasPrefixComparator(_ span: ScalarSpan, _ number: Range<Int>, clause: Range<Int>) -> Bool {
        var before = number.lowerBound
        let s = span.scalars
        while before > clause.lowerBound, s[before - 1].isInlineSpace || s[before - 1] == "有" { before -= 1 }
        if prefixComparators.contains(where: { $0.1 != .equal && before - $0.0.count >= clause.lowerBound && span.matches($0.0, at: before - $0.0.count) }) {
            return true
        }
        guard let verb = commitmentVerbs.first(where: { before - $0.count >= clause.lowerBound && span.matches($0, at: before - $0.count) }) else { return false }
        let verbStart = before - verb.count
        return Self.boundAdverbs.contains { verbStart - $0.count >= clause.lowerBound && span.matches($0, at: verbStart - $0.count) }
    }

    /// Adverbs that bound the quantity of the verb after them: 至少, 最少, 至多, 最多.
    private static let boundAdverbs: [[Unicode.Scalar]] = ["至少", "最少", "至多", "最多"].map(scalars)

    /// True when a verb of commitment (达到, 新增, 控制在, 提高到 …) stands in `from..<number`.
    private func commitmentVerbBefore(_ span: ScalarSpan, _ number: Int, from: Int) -> Bool {
        var p = from
        let s = span.scalars
        while p < number {
            for verb in commitmentVerbs where p + verb.count <= number && scalarsMatch(s, verb, at: p) { return true }
            p += 1
        }
        return false
    }

    /// A year opening the clause ("2030年全国…", "到2030年…"), or nil.
    private func clauseStartYear(_ s: [Unicode.Scalar], clause: Range<Int>) -> Int? {
        var i = clause.lowerBound
        while i < clause.upperBound, s[i].isInlineSpace { i += 1 }
        if i < clause.upperBound, s[i] == "到" || s[i] == "至" || s[i] == "在" { i += 1 }
        guard let year = fourDigitYear(s, i) else { return nil }
        var j = i + 4
        while j < clause.upperBound, s[j].isInlineSpace { j += 1 }
        return j < clause.upperBound && s[j] == "年" ? year : nil
    }

    /// "20张床位及以上的医疗机构", "不超过100万元的部分": a quantity with its qualifier that describes whom or what a
    /// rule applies to (an attribute before 的 + noun), not a value to reach.
    private func isScopeThreshold(_ span: ScalarSpan, number: Int, unit: Range<Int>, unitEnd: Int, clause: Range<Int>,
                                  isRange: Bool = false) -> Bool {
        let s = span.scalars
        var after = unitEnd
        while after < clause.upperBound, s[after].isInlineSpace { after += 1 }
        for note in Self.inclusionNotes where span.matches(note, at: after) { after += note.count; break }
        for (phrase, _) in suffixComparators where span.matches(phrase, at: after) { after += phrase.count; break }
        // "3岁以下婴幼儿", "10亿元以上企业": a measure (not a classifier counting the noun: 100个以上项目) with a
        // bounding qualifier directly before a noun is an attribute of that noun; so is a range of a measure
        // ("65至74岁老年人", "60—90平方米住房": a band of whom or what a rule is for).
        if qualified(span, unitEnd) || isRange, after < clause.upperBound, s[after].isHanIdeograph, s[after] != "的",
           !Self.classifierUnits.contains(where: { $0.elementsEqual(s[unit]) }) {
            return !commitmentVerbs.contains { span.matches($0, at: after) } && !sharesReach(span, unit: unit, from: after, clause: clause)
        }
        guard after < clause.upperBound, s[after] == "的" else { return false }
        if sharesReach(span, unit: unit, from: after, clause: clause) { return false }
        // "安排不低于50%的就业岗位": after a verb of commitment the quantity is what is committed, not a condition.
        // (The comparator itself, 不超过/不低于, is no such verb.)
        var verbEnd = number
        while verbEnd > clause.lowerBound, s[verbEnd - 1].isInlineSpace { verbEnd -= 1 }
        if let phrase = prefixComparators.first(where: { verbEnd - $0.0.count >= clause.lowerBound && span.matches($0.0, at: verbEnd - $0.0.count) }) {
            verbEnd -= phrase.0.count
        }
        // (Only a verb after any earlier number of the clause: in "培育8个以上年收入超过100万元的村" the verb commits
        // to the count of villages, and the amount describes them.)
        var verbFrom = verbEnd
        while verbFrom > clause.lowerBound, s[verbFrom - 1].digitValue == nil { verbFrom -= 1 }
        if commitmentVerbBefore(span, verbEnd, from: verbFrom) { return false }
        // "…10%的目标", "…的水平": the quantity still names what is aimed at.
        return !Self.aimNouns.contains { span.matches($0, at: after + 1) }
    }

    /// True when a bounding qualifier (以上, 以下 …, not 左右) follows the quantity that ends at `unitEnd`.
    private func qualified(_ span: ScalarSpan, _ unitEnd: Int) -> Bool {
        var p = unitEnd
        let s = span.scalars
        while p < s.count, s[p].isInlineSpace { p += 1 }
        for note in Self.inclusionNotes where span.matches(note, at: p) { p += note.count; break }
        return Self.boundQualifiers.contains { span.matches($0, at: p) }
    }

    /// Qualifiers that bound an attribute (以上, 以下; not 以内 or 内, which bound a time before a verb).
    private static let boundQualifiers: [[Unicode.Scalar]] = ["以上", "以下", "及以上", "及以下"].map(scalars)

    /// Classifiers: a quantity in them counts the noun after it (100个以上项目, 50家以上企业).
    /// `grade → 超 quantity noun`: "超百亿元产业集群", "超10万吨级码头" grade the noun after them by a measure (a
    /// measure, not a classifier that counts it: 超5个项目 is no grade); the count of such nouns may be the target.
    /// 超过 and 超 before a clause end or a qualifier ("年产量超200万辆。") commit to the value.
    private func gradesNoun(_ span: ScalarSpan, _ q: Quantity, clause: Range<Int>) -> Bool {
        let s = span.scalars
        var p = q.number.lowerBound
        while p > clause.lowerBound, s[p - 1].isInlineSpace { p -= 1 }
        guard p > clause.lowerBound, s[p - 1] == "超", !(p >= 2 && s[p - 2] == "赶"),
              !Self.classifierUnits.contains(where: { $0.elementsEqual(s[q.unit]) }) else { return false }
        var after = q.end
        if after < clause.upperBound, s[after] == "级" { after += 1 }
        // (`grade → 超 quantity 的 noun count`: "超500亿元的开发区6个" grades the zones it then counts.)
        if after + 1 < clause.upperBound, s[after] == "的", s[after + 1].isHanIdeograph,
           !Self.aimNouns.contains(where: { span.matches($0, at: after + 1) }),
           s[(after + 1)..<clause.upperBound].contains(where: { $0.digitValue != nil }) {
            after += 1
        }
        guard after < clause.upperBound, s[after].isHanIdeograph, s[after] != "的", s[after] != "和", s[after] != "及" else { return false }
        return qualifier(span, after: q.end, clause: clause) == nil && !commitmentVerbs.contains { span.matches($0, at: after) }
    }

    private static let classifierUnits: [[Unicode.Scalar]] = ["个", "家", "所", "座", "项", "条", "辆", "台", "套", "张", "件",
                                                               "处", "只", "头", "株", "篇", "户", "部", "根", "名", "位", "批"].map(scalars)

    private static let aimNouns: [[Unicode.Scalar]] = ["目标", "水平", "红线", "底线", "上限", "下限", "要求", "标准"].map(scalars)

    /// A red-line word right after the quantity ("18亿亩耕地红线", "10%的红线") or a hard-limit phrase before it.
    private func redLineNear(_ span: ScalarSpan, number: Range<Int>, unitEnd: Int, clause: Range<Int>) -> Bool {
        let window = min(clause.upperBound, unitEnd + 12)
        if redLine.occurs(in: span, from: unitEnd, to: window) { return true }
        return Self.hardLimits.contains { span.find($0, from: clause.lowerBound, to: number.lowerBound) != nil }
    }

    /// `share-goal → number % qualifier 的? noun (达到 | 实现 | 建成 | 完成 | 覆盖) …`: a share of the units that are to
    /// reach a state ("40%以上的县达到节水型社会标准", "90%以上行政村实现…") is a goal, not the scope of a rule.
    private func sharesReach(_ span: ScalarSpan, unit: Range<Int>, from: Int, clause: Range<Int>) -> Bool {
        let s = span.scalars
        guard unit.count == 1, s[unit.lowerBound] == "%" || s[unit.lowerBound] == "％" else { return false }
        return Self.reachingVerbs.contains { span.find($0, from: from, to: clause.upperBound) != nil }
    }

    /// `share-subject → item-start percent qualifier? 的 han …`: a share of units opening its item is the subject of what
    /// follows ("90%以上的研发机构设立在企业", "80%的县建成…"): under a date to meet or in a list of goals it is the share
    /// to reach, not the scope of a rule (which qualifies a noun inside its clause: 对增长20%以上的企业给予奖励).
    private func shareLeadsItem(_ span: ScalarSpan, _ q: Quantity, item: Range<Int>) -> Bool {
        let s = span.scalars
        guard q.unit.count == 1, s[q.unit.lowerBound] == "%" || s[q.unit.lowerBound] == "％" else { return false }
        var a = item.lowerBound
        while a < q.number.lowerBound, s[a].isInlineSpace { a += 1 }
        a = PassageTense.afterListMarker(s, a)
        guard a == q.number.lowerBound else { return false }
        var p = q.end
        for (phrase, _) in suffixComparators where span.matches(phrase, at: p) { p += phrase.count; break }
        return p + 1 < s.count && s[p] == "的" && s[p + 1].isHanIdeograph
    }

    /// Verbs whose subject reaches a state: after a share of units, they make the share a goal.
    private static let reachingVerbs: [[Unicode.Scalar]] = ["达到", "实现", "建成", "完成", "覆盖"].map(scalars)

    /// "19条措施", "5个方面", "20项重点工作": counts describing a text, not targets.
    private func describesText(_ span: ScalarSpan, unit: ArraySlice<Unicode.Scalar>, unitEnd: Int, clause: Range<Int>) -> Bool {
        guard Self.countUnits.contains(where: { $0.elementsEqual(unit) }) else { return false }
        let window = min(clause.upperBound, unitEnd + 8)
        return Self.textParts.contains { span.find($0, from: unitEnd, to: window) != nil }
    }

    /// `circle → number (分钟 | 小时) han{0,4} 圈`: "15分钟健身圈", "1小时通勤圈" name a kind of area by the time
    /// it takes to cross — the name of what is built, not a value to reach.
    private func namesTravelTimeCircle(_ span: ScalarSpan, unit: ArraySlice<Unicode.Scalar>, unitEnd: Int, clause: Range<Int>) -> Bool {
        guard Self.travelTimeUnits.contains(where: { $0.elementsEqual(unit) }) else { return false }
        let s = span.scalars
        var k = unitEnd
        while k < min(clause.upperBound, unitEnd + 5), s[k].isHanIdeograph {
            if s[k] == "圈" { return true }
            k += 1
        }
        return false
    }

    private static let travelTimeUnits: [[Unicode.Scalar]] = ["分钟", "小时"].map(scalars)

    /// `articles → number (章 | 节 | 部分) number (条 | 款)`: "共5章38条", "分总体目标、主要任务…3部分40条" count the
    /// divisions and articles of a text, not what it commits to.
    private func countsArticles(_ s: [Unicode.Scalar], _ q: Quantity) -> Bool {
        guard q.unit.count == 1, s[q.unit.lowerBound] == "条" || s[q.unit.lowerBound] == "款" else { return false }
        var p = q.number.lowerBound
        while p > 0, s[p - 1].isInlineSpace { p -= 1 }
        guard let division = Self.textDivisions.first(where: { p >= $0.count && scalarsMatch(s, $0, at: p - $0.count) }) else { return false }
        p -= division.count
        return p > 0 && (s[p - 1].digitValue != nil || ChineseNumerals.isCardinalScalar(s[p - 1].value))
    }

    /// `contents → (《title》 | 本 genre) 将? verb … number (项|个|条|类) …`: a count of actions or projects whose
    /// subject is the document itself ("《行动计划》将实施…八大行动和27项工程", "本方案部署12项重点任务") tells what the
    /// text contains, not what it commits to reach. (With a date to meet the count is a goal again.)
    private func countsDocumentContents(_ span: ScalarSpan, _ q: Quantity, clause: Range<Int>) -> Bool {
        let s = span.scalars
        guard !q.chinese, Self.countUnits.contains(where: { $0.elementsEqual(s[q.unit]) }) else { return false }
        var a = clause.lowerBound
        while a < clause.upperBound, s[a].isInlineSpace { a += 1 }
        if a < clause.upperBound, s[a] == "《" {
            guard let close = (a..<q.number.lowerBound).first(where: { s[$0] == "》" }) else { return false }
            // ("《规划》提出，…" reports what the plan sets: its counts stay goals.)
            return !Self.reportingVerbs.contains { span.matches($0, at: close + 1) }
        }
        return Self.ownDocumentWords.contains { span.matches($0, at: a) }
    }

    /// The document naming itself as a subject: 本方案, 本规划, 本计划, 本意见, 本措施.
    private static let ownDocumentWords: [[Unicode.Scalar]] = ["本方案", "本规划", "本计划", "本意见", "本措施", "本政策"].map(scalars)

    /// Divisions of a text counted before its articles.
    private static let textDivisions: [[Unicode.Scalar]] = ["部分", "章", "节"].map(scalars)

    /// "100%实现…": a share to be reached.
    private func achievedShare(_ span: ScalarSpan, unitEnd: Int) -> Bool {
        var p = unitEnd
        while p < span.count, span.scalars[p].isInlineSpace { p += 1 }
        return Self.shareVerbs.contains { span.matches($0, at: p) }
    }

    private func kindOf(_ span: ScalarSpan, clause: Range<Int>, comparator: TargetComparator) -> TargetKind {
        if Self.floorWords.contains(where: { span.find($0, from: clause.lowerBound, to: clause.upperBound) != nil }) { return .floor }
        if comparator == .atMost || comparator == .below { return .cap }
        return .goal
    }

    /// A red line without an explicit comparator: "严守/守住 … 红线" protects a minimum, otherwise it is a ceiling.
    private func redLineComparator(_ span: ScalarSpan, _ clause: Range<Int>) -> TargetComparator {
        Self.keepWords.contains { span.find($0, from: clause.lowerBound, to: clause.upperBound) != nil } ? .atLeast : .atMost
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
        // (A word of intent before the time, 力争到2025年, is no part of the subject either.)
        for w in Self.commitmentIntentWords where hasPrefix(w, a, b) && b - a > w.count + 2 { a += w.count; break }
        // A leading time ("到2025年", "2030年") is the deadline, not the subject.
        if a < b, s[a] == "到" || s[a] == "至" || s[a].digitValue != nil {
            let y = s[a].digitValue != nil ? a : a + 1
            if fourDigitYear(s, y) != nil, y + 4 < b, s[y + 4] == "年", b - (y + 5) >= 2 { a = y + 5 }
        }
        // A headline's lead up to its date ("…印发方案到2025年农村…普及率") is no part of the subject either.
        if let k = (a..<max(a, b - 6)).last(where: { (s[$0] == "到" || s[$0] == "至") && fourDigitYear(s, $0 + 1) != nil && s[$0 + 5] == "年" }),
           b - (k + 6) >= 2 {
            a = k + 6
        }
        // A leading plan period ("“九五”期间造地…") is the deadline too.
        do {
            var k = a
            if k < b, s[k] == "“" { k += 1 }
            // (The longest name: 十五五 before 十五.)
            if let p = Self.planPeriods.filter({ hasPrefix($0.name, k, b) }).max(by: { $0.name.count < $1.name.count }) {
                k += p.name.count
                if k < b, s[k] == "”" { k += 1 }
                if let w = Self.planPeriodTimeWords.first(where: { hasPrefix($0, k, b) }), b - (k + w.count) >= 2 { a = k + w.count }
            }
        }
        for w in Self.subjectLeadWords where hasPrefix(w, a, b) && b - a > 2 { a += w.count }
        var changed = true
        while changed {
            changed = false
            trim(&a, &b)
            // (A subject that is only a verb, 发展100个…, is read after the unit.)
            for w in Self.subjectTrailingWords where hasSuffix(w, a, b) && b - a >= w.count { b -= w.count; changed = true; break }
        }
        if b - a < 2 {
            // Nothing before the number: the words after the unit.
            a = unitEnd
            while a < clause.upperBound, s[a].isInlineSpace { a += 1 }
            b = clause.upperBound
            // (A 、 ends it: what follows is the next item of a list, 10家…企业、一批…企业.)
            if let k = (a..<b).first(where: { s[$0] == "、" }) { b = k }
            trim(&a, &b)
            for w in Self.subjectAfterUnitLeads where hasPrefix(w, a, b) && b - a > w.count { a += w.count; break }
            // ("90%以上的研发机构…": the share qualifies the noun after 的.)
            if b - a > 1, s[a] == "的" { a += 1 }
        }
        return span.string(a..<b)
    }

    /// Words cut from the start of a subject ("在…", "对…", "将…").
    private static let subjectLeadWords: [[Unicode.Scalar]] = ["在", "对", "将", "其中"].map(scalars)
    /// Comparators, verbs and particles cut from the end of a subject, repeatedly.
    private static let subjectTrailingWords: [[Unicode.Scalar]] = [
        "不得超过", "不超过", "不高于", "不低于", "不少于", "控制在", "缩小到", "缩小至", "下降到", "下降至", "降低至", "提高到", "提升至", "提高至", "提至", "降低到", "降至",
        "达到", "分别达", "超过", "超出", "不超", "逾", "近", "大于", "高于", "小于", "低于", "提升到", "提高", "稳定在", "保持在", "稳定", "严守", "守住", "建设",
        "建成", "新增", "新建", "培育", "打造", "压缩至", "压缩到", "压减至", "压减到", "缩短至", "缩短到", "突破", "超", "为", "达",
        "在", "约", "后", "将", "治理好", "治理", "整治", "扶持", "发展",
    ].map(scalars)
    /// Comparator words cut from the start of a subject taken after the unit.
    private static let subjectAfterUnitLeads: [[Unicode.Scalar]] = ["左右", "以上", "以内", "以下", "多", "余"].map(scalars)

    /// A deadline in the sentence: "到2025年", "2025年前", "2021-2023年" (end year), "“十四五”期间/末" (2025).
    func deadlineYear(_ span: ScalarSpan) -> Int? { deadline(span)?.year }

    /// The sentence's deadline and whether it is a date to meet (到2025年, 十四五末) rather than a period during which
    /// things happen (“十三五”期间 may tell what a past period achieved): only a date to meet makes a weak cue a target.
    func deadline(_ span: ScalarSpan) -> (year: Int, isDateToMeet: Bool, start: Int)? {
        let s = span.scalars
        let dates = datesToMeet(span)
        if let first = dates.first, let best = dates.map(\.year).max() { return (best, true, first.start) }
        // “十四五”期间 / 十四五末: the period's last year (the latest period named as a time).
        var period: (year: Int, isDateToMeet: Bool, start: Int)?
        for p in Self.planPeriods {
            guard let k = span.find(p.name) else { continue }
            let after = k + p.name.count + (k + p.name.count < s.count && s[k + p.name.count] == "”" ? 1 : 0)
            guard let word = Self.planPeriodTimeWords.first(where: { span.matches($0, at: after) }), p.endYear >= (period?.year ?? 0) else { continue }
            period = (p.endYear, word == Self.periodEnd, k)
        }
        return period
    }

    /// Every date to meet in the sentence, in order: "到2025年" / "至2025年" at a clause start (or after 力争/计划/预计/
    /// 争取), "2025年前", "2025年底前", "2025年将…" (the year of what is planned), and the end year of "2021-2023年".
    /// `start` is the scalar index of the year; `isPeriod` marks a range, `inTitle` a year inside 《》.
    ///
    /// `date → (clause-start | ） | reporting-verb | intent) (到|至) year 年 | (明确|提出|要求) year 年
    ///        | year 年 (前|底前|年底前|将) | year dash year 年`
    func datesToMeet(_ span: ScalarSpan) -> [(year: Int, start: Int, isPeriod: Bool, inTitle: Bool)] {
        let s = span.scalars
        var dates: [(year: Int, start: Int, isPeriod: Bool, inTitle: Bool)] = []
        var titleDepth = 0
        var i = 0
        while i + 4 < s.count {
            if s[i] == "《" { titleDepth += 1 } else if s[i] == "》" { titleDepth = max(0, titleDepth - 1) }
            guard Self.yearDigit(s[i]) != nil, i == 0 || Self.yearDigit(s[i - 1]) == nil, let year = fourDigitYear(s, i) else { i += 1; continue }
            var j = i + 4
            while j < s.count, s[j].isInlineSpace { j += 1 }
            // Range "2021-2023年".
            if j < s.count, s[j].isRangeDash {
                var k = j + 1
                while k < s.count, s[k].isInlineSpace || s[k] == "—" { k += 1 }
                if let end = fourDigitYear(s, k), end > year {
                    var m = k + 4
                    while m < s.count, s[m].isInlineSpace { m += 1 }
                    if m < s.count, s[m] == "年" { dates.append((end, i, true, titleDepth > 0)); i = m + 1; continue }
                }
            }
            // Range "2009年至2010年", "2021年到2025年".
            if j + 1 < s.count, s[j] == "年", s[j + 1] == "至" || s[j + 1] == "到" || s[j + 1].isRangeDash {
                var k = j + 2
                while k < s.count, s[k].isInlineSpace { k += 1 }
                if let end = fourDigitYear(s, k), end > year, k + 4 < s.count, s[k + 4] == "年" {
                    dates.append((end, i, true, titleDepth > 0)); i = k + 5; continue
                }
            }
            guard j < s.count, s[j] == "年" else { i += 4; continue }
            var p = i
            while p > 0, s[p - 1].isInlineSpace { p -= 1 }
            let byPrefix = p > 0 && (s[p - 1] == "到" || s[p - 1] == "至") && {
                let q = p - 1
                if q == 0 { return true }
                let c = s[q - 1]
                return c.isClausePunctuation || c == "、" || c == "—" || c.isInlineSpace || Self.intentWords.contains { span.matches($0, at: q - 2) } || c == "“"
                    // "（记者 某某）到2025年": a clause opens after a closing bracket; "《规划》提出到2025年": a verb
                    // reporting what a plan states opens the date it sets.
                    || c == "）" || c == ")" || Self.reportingVerbs.contains { q >= $0.count && span.matches($0, at: q - $0.count) }
                    // A headline runs the plan into its date: "…印发方案到2025年…", "《规划》到2030年…".
                    || c == "》" || Self.planNouns.contains { q >= $0.count && span.matches($0, at: q - $0.count) }
            }()
            // "明确…，于2017年完成…": a year to complete by, in a sentence that sets or intends it (a report says
            // "该项目于2015年建成" with neither).
            let byCompletion = p > 0 && s[p - 1] == "于" && Self.completionVerbs.contains { span.matches($0, at: j + 1) }
                && (Self.settingVerbs + Self.reportingVerbs + Self.intentWords).contains { span.find($0, to: p) != nil }
            let bySuffix = Self.beforeYearWords.contains { span.matches($0, at: j) } || byCompletion
            let bySetting = p >= 2 && (Self.settingVerbs.contains { span.matches($0, at: p - 2) }
                || Self.reportingVerbs.contains { span.matches($0, at: p - 2) } && namesGoalsOfYear(span, after: j + 1))
            if byPrefix || bySuffix || bySetting || Self.opensFutureClause(s, yearStart: p, yearEnd: j) { dates.append((year, i, false, titleDepth > 0)) }
            i = j + 1
        }
        return dates
    }

    /// `future-year → clause-start year 年 subject 将 verb`: a year opening a clause whose subject is followed by 将
    /// ("根据规划，2025年全国学前教育毛入园率将大于90%") is the year a plan is to meet, as "2025年将…" is; 将近 (nearly)
    /// and 将来 are no future marker. The subject between is short and unpunctuated.
    ///
    /// Two more shapes of the same clause: the subject after a comma (`year 年 ， subject future-verb`: "2026年，全省将
    /// 加快…") and an obligation for 将 (`year 年 ，? subject (要 | 需 | 需要) commitment-verb … qualifier`: "2027年全市
    /// 经济总量要达到…左右", "需达到…以上"). Both need the verb (or a verb of pace) right after the marker, since 将 also
    /// marks an object ("2020年，全市将环保纳入考核") and 要 stands inside 主要; an obligation needs a qualified value too,
    /// since a past year's plan may be reported with its exact value ("2023年…要下降3%，实际下降3.2%").
    static func opensFutureClause(_ s: [Unicode.Scalar], yearStart p: Int, yearEnd j: Int) -> Bool {
        guard p == 0 || s[p - 1].isClausePunctuation || s[p - 1] == "：" || s[p - 1] == ":" || s[p - 1] == "\n" else { return false }
        var k = j + 1
        let limit = min(s.count - 1, j + 1 + futureSubjectLimit)
        while k < limit, !s[k].isClausePunctuation {
            if s[k] == "将", s[k + 1] != "近", s[k + 1] != "来" { return k > j + 1 }
            // (An obligation states a plan only with a qualified value: "2023年…要下降3%，实际下降3.2%" reports one.)
            if s[k] == "要" || s[k] == "需", k > j + 1, futureObligation.prefixMatch(in: s, at: k) != nil {
                return qualifiedValueFollows(s, from: k)
            }
            k += 1
        }
        // The subject after a comma: a short one, then the marker and its verb.
        guard j + 1 < s.count, s[j + 1] == "，" || s[j + 1] == "," else { return false }
        let subjectStart = j + 2
        k = subjectStart
        while k < min(s.count, subjectStart + futureCommaSubjectLimit), s[k].isHanIdeograph {
            if k > subjectStart, s[k] == "将" || s[k] == "要" || s[k] == "需",
               futureAfterComma.prefixMatch(in: s, at: k) != nil { return s[k] == "将" || qualifiedValueFollows(s, from: k) }
            k += 1
        }
        return false
    }

    /// True when a qualifier of a planned value (以上, 左右, 以内, 以下) stands in the clause from `start`.
    private static func qualifiedValueFollows(_ s: [Unicode.Scalar], from start: Int) -> Bool {
        var k = start
        while k + 1 < s.count, !s[k].isClausePunctuation {
            if planQualifiers.contains(where: { scalarsMatch(s, $0, at: k) }) { return true }
            k += 1
        }
        return false
    }

    private static let planQualifiers: [[Unicode.Scalar]] = ["以上", "左右", "以内", "以下"].map(scalars)

    /// Verbs of pace that open a planned action after 将 (加快, 继续, 进一步 …): "全市将加快…".
    private static let paceVerbs = ["加快", "继续", "进一步", "大力", "全面", "着力", "持续", "努力", "重点", "力争", "确保"]

    /// `obligation → (要 | 需要 | 需) commitment-verb`: a subject that must reach a value ("…总量要达到", "…需达到").
    private static let futureObligation = Production(
        "future obligation", grammar: "obligation → (要 | 需要 | 需) commitment-verb", confidence: 0.7,
        .sequence(.word(["需要", "要", "需"]), .word(TargetRules.standard.commitmentVerbs)))

    /// `future-marker → (将 | 要 | 需要 | 需) (commitment-verb | pace-verb)` after the subject that follows a year and a
    /// comma ("2021年，全市将加快…", "2026年，全县要新增…").
    private static let futureAfterComma = Production(
        "future after a year and a comma", grammar: "future-marker → (将 | 要 | 需要 | 需) (commitment-verb | pace-verb)",
        confidence: 0.7,
        .sequence(.word(["将要", "需要", "将", "要", "需"]), .word(TargetRules.standard.commitmentVerbs + paceVerbs)))

    /// Scalars of the subject between a year's comma and its future marker (全市, 我省, 全县各级).
    static let futureCommaSubjectLimit = 8

    /// `reported-goals → reporting-verb year 年 han{0,16} (任务 | 目标)`: a report that says what a year's tasks or goals
    /// are ("报告指出2024年…的主要任务", "会议明确2026年发展目标") names the year they are to be met in; "指出2023年
    /// 全市GDP增长5%" reports a result.
    private func namesGoalsOfYear(_ span: ScalarSpan, after start: Int) -> Bool {
        let s = span.scalars
        var k = start
        while k < min(s.count, start + 24), !s[k].isClausePunctuation {
            if Self.goalsOfYearNouns.contains(where: { span.matches($0, at: k) }) { return true }
            k += 1
        }
        return false
    }

    private static let goalsOfYearNouns: [[Unicode.Scalar]] = ["任务", "目标"].map(scalars)

    /// `clause-date → (，|,|：|:) (到|至) year 年`: a date to meet opening a clause anywhere in a sentence ("围绕…开展
    /// 专项行动，到2027年，…"). In a paragraph's opening sentence that states no quantity it governs the paragraph.
    func clauseOpeningDateToMeet(_ span: ScalarSpan) -> Int? {
        let s = span.scalars
        for d in datesToMeet(span) where !d.inTitle && !d.isPeriod {
            var p = d.start
            while p > 0, s[p - 1].isInlineSpace { p -= 1 }
            guard p >= 2, s[p - 1] == "到" || s[p - 1] == "至" else { continue }
            let c = s[p - 2]
            if c == "，" || c == "," || c == "：" || c == ":" || c == "；" { return d.year }
        }
        return nil
    }

    /// Scalars of the subject between a year and its 将.
    static let futureSubjectLimit = 24

    private static let periodEnd = scalars("末")
    /// Verbs of completing right after "于 year 年": 完成, 建成, 实现, 达到.
    private static let completionVerbs: [[Unicode.Scalar]] = ["完成", "建成", "实现", "达到"].map(scalars)

    /// A date to meet that opens the sentence ("到2027年，…", "力争到2030年，…"): it governs the rest of the paragraph.
    func openingDeadline(_ span: ScalarSpan) -> Int? {
        let s = span.scalars
        for d in datesToMeet(span) where !d.inTitle {
            if d.start <= 4 { return d.year }
            var p = d.start
            // "明确2025年…", "确定2025年发展目标": a plan setting its year, wherever it stands.
            if p >= 2, Self.settingVerbs.contains(where: { span.matches($0, at: p - 2) }) { return d.year }
            while p > 0, s[p - 1] == "到" || s[p - 1] == "至" || s[p - 1] == "力" || s[p - 1] == "争" || s[p - 1].isInlineSpace { p -= 1 }
            // "《行动计划》提出到2025年，…": a short lead with its reporting verb right before the date.
            if let verb = Self.reportingVerbs.first(where: { p >= $0.count + 1 && span.matches($0, at: p - $0.count) }) {
                let lead = p - verb.count
                let cites = s[0..<lead].contains("《")
                if lead <= (cites ? 48 : 12), (0..<lead).allSatisfy({ s[$0].isHanIdeograph || s[$0].isInlineSpace || "《》“”（）()—".unicodeScalars.contains(s[$0]) }) {
                    return d.year
                }
            }
            guard p > 0, s[p - 1] == "：" || s[p - 1] == ":" || s[p - 1] == "，" || s[p - 1] == "," else { continue }
            // After a verb that reports what a plan says ("…的通知，通知指出，到2025年，…"), however long the lead.
            if p >= 3, Self.reportingVerbs.contains(where: { span.matches($0, at: p - 1 - $0.count) }) { return d.year }
            // After a short label ending in a colon ("主要指标：到2027年，…") or a short lead clause that says who
            // states it ("《规划》提出，到2030年，…"); a lead that cites the plan may be longer ("根据《…实施方案》，…").
            let cites = s[0..<p].contains("《")
            guard p <= (cites ? 48 : 12) else { continue }
            if (0..<(p - 1)).allSatisfy({ s[$0].isHanIdeograph || s[$0].isInlineSpace || "《》“”（）()—".unicodeScalars.contains(s[$0]) }) {
                return d.year
            }
        }
        return openingPlanPeriod(span)
    }

    /// `period-goals → lead? plan-period (期间|时期) ，? intent`: a plan period followed by a word of intent that opens
    /// the sentence ("根据规划，“十四五”期间要形成…", "“十五五”时期，全省将…") governs its paragraph as a date to meet
    /// does, with the period's last year. (A period without intent, "“十三五”期间，全省…", may review the past.)
    private func openingPlanPeriod(_ span: ScalarSpan) -> Int? {
        let s = span.scalars
        for p in Self.planPeriods {
            // (Only a period named within the first 48 scalars opens the sentence: the search reads no further.)
            guard let k = span.find(p.name, to: 48 + p.name.count) else { continue }
            var after = k + p.name.count
            if after < s.count, s[after] == "”" { after += 1 }
            guard let word = Self.periodSpanWords.first(where: { span.matches($0, at: after) }) else { continue }
            var next = after + word.count
            while next < s.count, s[next] == "，" || s[next] == "," || s[next].isInlineSpace { next += 1 }
            // The intent stands within the next few words (…期间，全省要…).
            let window = min(s.count, next + 6)
            let clauseEnd = (next..<window).first { s[$0].isClausePunctuation } ?? window
            guard (next..<clauseEnd).contains(where: { i in Self.periodIntentWords.contains { span.matches($0, at: i) } }) else { continue }
            var lead = k
            if lead > 0, s[lead - 1] == "“" { lead -= 1 }
            let cites = s[0..<lead].contains("《")
            guard lead <= (cites ? 48 : 12),
                  (0..<lead).allSatisfy({ s[$0].isHanIdeograph || s[$0].isInlineSpace || "《》“”（）()—，,".unicodeScalars.contains(s[$0]) })
            else { continue }
            return p.endYear
        }
        return nil
    }

    /// Words that make a plan period a span of time: 期间, 时期.
    private static let periodSpanWords: [[Unicode.Scalar]] = ["期间", "时期"].map(scalars)
    /// Words of intent after a plan period that make it a time of goals: 要, 将, 力争, 确保.
    private static let periodIntentWords: [[Unicode.Scalar]] = ["要", "将", "力争", "确保", "争取"].map(scalars)

    /// Nouns of a plan that a headline runs into the date it sets: 方案, 规划, 纲要, 意见.
    private static let planNouns: [[Unicode.Scalar]] = ["方案", "规划", "纲要", "意见"].map(scalars)

    /// Verbs that report what a plan states, before the date it sets: 指出, 提出, 明确, 要求, 强调, 表示.
    private static let reportingVerbs: [[Unicode.Scalar]] = ["指出", "提出", "明确", "要求", "强调", "表示"].map(scalars)

    /// The deadline of a list of goals its opening announces: the sentence's deadline, else the last plan period it
    /// names at all ("“十四五”公共服务主要指标——" sets goals for 2025).
    func goalListDeadline(_ span: ScalarSpan) -> Int? {
        if let year = deadlineYear(span) { return year }
        return Self.planPeriods.filter { span.find($0.name) != nil }.map(\.endYear).max()
    }

    /// True when the sentence names a year ("2021年", "2020 年") that is not a deadline — a mark of a statistic.
    /// A year inside a title (《2025年…要点》) names a document, and a year after 较/比/超过 (较2020年下降10%) is the base
    /// a change is measured from: neither is a time the sentence reports.
    private func containsPlainYear(_ span: ScalarSpan, from: Int = 0) -> Bool {
        let s = span.scalars
        var titleDepth = 0
        var i = from
        while i + 4 < s.count {
            if s[i] == "《" { titleDepth += 1 } else if s[i] == "》" { titleDepth = max(0, titleDepth - 1) }
            // (Digits only: a year in Chinese numerals, 二〇一〇年, is read as a date to meet but marks no report.)
            if s[i].digitValue != nil, i == 0 || s[i - 1].digitValue == nil, fourDigitYear(s, i) != nil {
                var j = i + 4
                while j < s.count, s[j].isInlineSpace { j += 1 }
                var p = i
                while p > 0, s[p - 1].isInlineSpace { p -= 1 }
                // (A year in brackets after a value, 39210元（2015年）, dates the value, not the sentence.)
                // ("自2024年起": the year a plan's period starts from, like 从2024年起.)
                let isBase = p > 0 && (Self.comparisonBaseWords.contains(s[p - 1]) || s[p - 1] == "自" && j + 1 < s.count && s[j + 1] == "起")
                    || Self.comparedToWords.contains { p >= $0.count && span.matches($0, at: p - $0.count) }
                    || p > 1 && (s[p - 1] == "（" || s[p - 1] == "(") && Self.annotatedYear(s, after: p - 1) != nil
                if j < s.count, s[j] == "年", titleDepth == 0, !isBase { return true }
                i += 4
            } else { i += 1 }
        }
        return false
    }

    /// Words before a base year: 较2020年, 比2020年.
    private static let comparisonBaseWords: Set<Unicode.Scalar> = ["较", "比", "由", "从"]
    /// Comparators before a year it is measured against: 不超过2020年水平, 低于2020年.
    private static let comparedToWords: [[Unicode.Scalar]] = ["超过", "高于", "低于", "好于", "优于"].map(scalars)

    /// `year → year-digit{4}`, where `year-digit → 0-9 | 〇 | 零 | ○ | 一 … 九`: "2027", "二〇二七", "二0一0".
    private func fourDigitYear(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i + 4 <= s.count else { return nil }
        var y = 0
        for k in 0..<4 { guard let d = Self.yearDigit(s[i + k]) else { return nil }; y = y * 10 + d }
        if i + 4 < s.count, Self.yearDigit(s[i + 4]) != nil { return nil }
        return (1949...2100).contains(y) ? y : nil
    }

    /// A digit of a year: a decimal digit or a Chinese digit written digit by digit (〇 零 ○ 一 … 九; not 十 百 千).
    @inline(__always)
    static func yearDigit(_ c: Unicode.Scalar) -> Int? {
        if let d = c.digitValue { return d }
        guard c.value >= 0x25CB, let d = ChineseNumerals.value(of: c.value), d < 10 else { return nil }
        return d
    }
}
