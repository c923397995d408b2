import PolicyGrammar

/// A row of a plan's indicator table (指标 / 基期值 / 目标值 / 属性), written as cells between pipes or tabs, or
/// as a line whose last cell is the indicator's attribute (预期性 / 约束性):
///
///     row   → '|'? index? name unit? sep (base sep)? value (sep attribute)? '|'?
///     name  → han-text ('（' | '(') unit-text ('）' | ')')
///     value → ('≥' | '≤' | '>' | '<' | '＞' | '＜')? number (左右 | 以上 | 以下 | 以内)?
///
/// One row states one target: the last value, with the first value of the row as its base (`baseValue`).
struct IndicatorTable: Sendable {
    /// The attribute words that end a row of a plan's indicator table.
    static let attributes = ["预期性", "约束性"]

    /// A target read from a row.
    struct Row: Sendable, Equatable {
        var name: String
        var unit: String
        var base: Double?
        var value: Double
        var comparator: TargetComparator
        /// Scalar range of the target value in the row.
        var valueRange: Range<Int>
        var attribute: String?
    }

    /// value → sign? number qualifier?
    private static let value = Production(
        "indicator value", grammar: "value → sign? number qualifier?", confidence: 0.9,
        .sequence(
            .optional(.capture("sign", .oneOf("≥≤><＞＜"))),
            .optional(.oneOf("[［")),
            .capture("number", .sequence(.repeat(.digit, atLeast: 1), .optional(.sequence(.oneOf(".．"), .repeat(.digit, atLeast: 1))))),
            .optional(.oneOf("]］")),
            .optional(.capture("qualifier", .word(["左右", "以上", "以下", "以内"])))))

    /// name → han-text '（' unit '）'
    private static let unitNote = Production(
        "indicator unit", grammar: "unit-note → ('（' | '(') unit ('）' | ')')", confidence: 0.9,
        .sequence(.oneOf("（("), .capture("unit", .repeat(.scalar(.noneOf("（）()|\t\n")), 1...8)), .oneOf("）)")))

    /// A cheap first test: the line has a cell separator (pipe, tab), ends in an attribute word, or holds a run of
    /// five or more digits followed by a sign and a digit (a base and a target value run together before a change).
    static func mayBeRow(_ s: [Unicode.Scalar]) -> Bool {
        if s.contains(where: { $0 == "|" || $0 == "｜" || $0 == "\t" }) { return true }
        var end = s.count
        while end > 0, s[end - 1].isInlineSpace || s[end - 1] == "\n" || s[end - 1] == "|" { end -= 1 }
        if end >= 3 && attributeScalars.contains(where: { scalarsMatch(s, $0, at: end - 3) }) { return true }
        var run = 0
        for i in 0..<end {
            let c = s[i]
            if c.digitValue != nil || (c == "." && run > 0) { run += 1; continue }
            if run >= 5, changeSigns.contains(c), i + 1 < end, s[i + 1].digitValue != nil { return true }
            run = 0
        }
        return false
    }

    /// Signs between a run of values and the change it states.
    private static let changeSigns: Set<Unicode.Scalar> = ["-", "—", "－", "+", "＋"]

    private static let attributeScalars: [[Unicode.Scalar]] = attributes.map { Array($0.unicodeScalars) }

    /// The row's cells: split at pipes or tabs, or, in a line with neither (the normaliser may have reduced the
    /// columns' padding to one space), at spaces.
    static func cells(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        let bySpace = !s.contains { $0 == "|" || $0 == "｜" || $0 == "\t" }
        var cells: [Range<Int>] = []
        var start = 0
        var i = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b, s[a].isInlineSpace { a += 1 }
            while b > a, s[b - 1].isInlineSpace || s[b - 1] == "\n" { b -= 1 }
            if a < b { cells.append(a..<b) }
        }
        while i < s.count {
            if s[i] == "|" || s[i] == "｜" || s[i] == "\t" {
                close(i); start = i + 1
            } else if s[i].isInlineSpace, bySpace || i + 1 < s.count && s[i + 1].isInlineSpace {
                close(i)
                while i + 1 < s.count, s[i + 1].isInlineSpace { i += 1 }
                start = i + 1
            }
            i += 1
        }
        close(s.count)
        return cells
    }

    /// A value inside a run-together row (signs and qualifiers as in `value`).
    private static let valuePattern: Pattern = .sequence(
        .optional(.oneOf("≥≤><＞＜")), .optional(.oneOf("[［")),
        .repeat(.digit, atLeast: 1), .optional(.sequence(.oneOf(".．"), .repeat(.digit, atLeast: 1))),
        .optional(.oneOf("]］")), .optional(.word(["左右", "以上", "以下", "以内"])))

    /// `index? name unit-note? ' '?`: how a row without separators begins (both run-together productions).
    private static let runRowHead: [Pattern] = [
        .optional(.sequence(.repeat(.digit, 1...2), .oneOf(" .．、"), .optional(.oneOf(" ")))),
        .capture("name", .repeat(.scalar(.noneOf(" |\t（()）0123456789≥≤><＞＜[［—-")), 2...40)),
        .optional(unitNote.pattern),
        .optional(.oneOf(" ")),
    ]

    /// A row whose cells the normaliser ran together (spaces between Han and digits dropped):
    /// `run-row → index? name unit-note? (base sep)? value attribute`.
    private static let runTogetherRow = Production(
        "indicator row without separators", grammar: "run-row → index? name unit-note? (base ' ')? value ' '? attribute",
        confidence: 0.85,
        .sequence(runRowHead + [
            .optional(.sequence(.choice(.capture("base", valuePattern), .oneOf("—-")), .oneOf(" "))),
            .capture("value", valuePattern),
            .optional(.oneOf(" ")),
            .capture("attribute", .word(attributes)),
        ]))

    /// A row whose base and target values ran together, with the change between them after it ("能源消费总量（万吨
    /// 标准煤）14141270-10%约束性": 1414 to 1270, down 10%):
    /// `changed-row → index? name unit-note? run sign change (% | 个百分点)? attribute?`, where `run` is split where the
    /// change it states holds between its two parts (`splitRun`).
    private static let changedRow = Production(
        "indicator row with a change", grammar: "changed-row → index? name unit-note? run sign change ('%' | 个百分点)? attribute?",
        confidence: 0.75,
        .sequence(runRowHead + [
            .capture("run", .sequence(.digit, .repeat(.scalar(.oneOf("0123456789.")), 3...24))),
            .optional(.oneOf(" ")),
            .capture("sign", .oneOf("-—－+＋")),
            .capture("change", .sequence(.repeat(.digit, atLeast: 1), .optional(.sequence(.oneOf("."), .repeat(.digit, atLeast: 1))))),
            .optional(.capture("changeUnit", .word(["%", "％", "个百分点"]))),
            .optional(.oneOf(" ")),
            .optional(.capture("attribute", .word(attributes))),
        ]))

    /// The base and target values of a run of digits (`14141270`, `1.451.31`) whose change is `change` (a
    /// percentage of the base, or with `points` a difference): the one split of the run into two numbers where
    /// the change holds, to its rounding; nil when none or several do.
    static func splitRun(_ run: [Unicode.Scalar], change: Double, points: Bool) -> (base: Double, value: Double)? {
        func number(_ part: ArraySlice<Unicode.Scalar>) -> Double? {
            guard let first = part.first, let last = part.last, first != ".", last != ".",
                  part.filter({ $0 == "." }).count <= 1,
                  !(first == "0" && part.count > 1 && part[part.startIndex + 1] != ".") else { return nil }
            return Double(String(String.UnicodeScalarView(part)))
        }
        var fits: [(Double, Double)] = []
        for k in 1..<run.count {
            guard let b = number(run[..<k]), let t = number(run[k...]), b > 0 else { continue }
            let stated = points ? t - b : (t - b) / b * 100
            let tolerance = points ? 0.051 : max(0.6, abs(change) * 0.06)
            if abs(stated - change) <= tolerance { fits.append((b, t)) }
        }
        return fits.count == 1 ? fits[0] : nil
    }

    /// The target a row with a change after its run-together values states (`changedRow`), or nil.
    private static func changedRowTarget(_ s: [Unicode.Scalar], end: Int) -> Row? {
        guard let m = changedRow.prefixMatch(in: s, at: 0, end: end), m.range.upperBound == end,
              let name = m["name"], let run = m["run"], let sign = m["sign"], let changeRange = m["change"],
              let magnitude = Double(s.string(changeRange)) else { return nil }
        let points = m["changeUnit"].map { s.string($0) == "个百分点" } ?? false
        // (A dash may be a separator rather than a minus: the change is tried with either sign then.)
        let signs: [Double] = s[sign.lowerBound] == "+" || s[sign.lowerBound] == "＋" ? [1] : [-1, 1]
        let splits = signs.compactMap { splitRun(Array(s[run]), change: $0 * magnitude, points: points) }
        guard splits.count == 1, let split = splits.first else { return nil }
        let unit = m["unit"].map { s.string($0) } ?? ""
        return Row(name: s.string(name), unit: unit, base: split.base, value: split.value, comparator: .equal,
                   valueRange: run, attribute: m["attribute"].map { s.string($0) })
    }

    /// The target a table row states, or nil when `s` is no row: fewer than three cells, no name with Han text,
    /// no value, or (outside a passage of goals) no attribute cell.
    static func row(_ s: [Unicode.Scalar], inGoals: Bool) -> Row? {
        if !s.contains(where: { $0 == "|" || $0 == "｜" || $0 == "\t" }) {
            var end = s.count
            while end > 0, s[end - 1].isInlineSpace || s[end - 1] == "\n" { end -= 1 }
            guard let m = runTogetherRow.prefixMatch(in: s, at: 0, end: end), m.range.upperBound == end,
                  let name = m["name"], let valueRange = m["value"] else { return changedRowTarget(s, end: end) }
            return cellRow(s, cells: [name.lowerBound..<(m["unit"].map { $0.upperBound + 1 } ?? name.upperBound)]
                           + (m["base"].map { [$0] } ?? []) + [valueRange] + (m["attribute"].map { [$0] } ?? []))
        }
        let cells = cells(s)
        guard cells.count >= 3 else { return nil }
        let attribute = cells.last.map { s.string($0) }.flatMap { attributes.contains($0) ? $0 : nil }
        guard attribute != nil || inGoals else { return nil }
        return cellRow(s, cells: cells)
    }

    /// The target of a row given as cells: the name cell (with its unit note) and the value cells after it.
    private static func cellRow(_ s: [Unicode.Scalar], cells: [Range<Int>]) -> Row? {
        let text = { (r: Range<Int>) in s.string(r) }
        let attribute = cells.last.map(text).flatMap { attributes.contains($0) ? $0 : nil }
        // The name: the first cell with two Han characters.
        guard let nameIndex = cells.firstIndex(where: { r in s[r].filter { ScalarClass.isHan($0) }.count >= 2 }) else { return nil }
        let nameCell = cells[nameIndex]
        var name = text(nameCell)
        var unit = ""
        if let open = s[nameCell].lastIndex(where: { $0 == "（" || $0 == "(" }),
           let m = unitNote.prefixMatch(in: s, at: open, end: nameCell.upperBound), m.range.upperBound == nameCell.upperBound,
           let u = m["unit"] {
            unit = text(u)
            name = text(nameCell.lowerBound..<open)
        }
        // The values: whole cells after the name that read as a value.
        var values: [(value: Double, range: Range<Int>, comparator: TargetComparator)] = []
        for cell in cells[(nameIndex + 1)...] {
            guard let m = value.prefixMatch(in: s, at: cell.lowerBound, end: cell.upperBound), m.range.upperBound == cell.upperBound,
                  let number = m["number"], let v = Double(text(number).replacingOccurrences(of: "．", with: ".")) else { continue }
            var comparator = TargetComparator.equal
            if let sign = m["sign"] {
                switch s[sign.lowerBound] {
                case "≥": comparator = .atLeast
                case "≤": comparator = .atMost
                case ">", "＞": comparator = .above
                default: comparator = .below
                }
            } else if let q = m["qualifier"] {
                comparator = ["以上": .atLeast, "以下": .atMost, "以内": .atMost][text(q)] ?? .equal
            }
            values.append((v, number, comparator))
        }
        guard let target = values.last else { return nil }
        return Row(name: name, unit: unit, base: values.count >= 2 ? values.first?.value : nil, value: target.value,
                   comparator: target.comparator, valueRange: target.range, attribute: attribute)
    }
}
