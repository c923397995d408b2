/// Dates as Chinese official documents write them: "2022年11月18日", "2022年 11月 18日", "二〇二四年一月十二日",
/// "2021年3月" (month precision), "2023-07-19". Output is ISO: "yyyy-mm-dd" or "yyyy-mm".
public enum DateParser {
    /// The first date in `text`, as ISO, or nil.
    public static func isoDate(in text: String) -> String? {
        let span = ScalarSpan(text)
        return firstDate(in: span, from: 0, to: span.count)?.iso
    }

    /// The first date in scalars `from..<to` of `span`: its scalar range and ISO form.
    static func firstDate(in span: ScalarSpan, from: Int, to: Int) -> (range: Range<Int>, iso: String)? {
        var i = from
        while i < to {
            let s = span.scalars[i]
            if s.digitValue != nil || chineseDigit(s) != nil, i == from || !isYearDigit(span.scalars[i - 1]) {
                if let (end, iso) = parse(span, at: i, to: to) { return (i..<end, iso) }
            }
            i += 1
        }
        return nil
    }

    /// All dates in scalars `from..<to` of `span`.
    static func dates(in span: ScalarSpan, from: Int, to: Int) -> [(range: Range<Int>, iso: String)] {
        var out: [(range: Range<Int>, iso: String)] = []
        var i = from
        while i < to, let found = firstDate(in: span, from: i, to: to) {
            out.append(found)
            i = found.range.upperBound
        }
        return out
    }

    /// Parses a date starting exactly at scalar `i`; returns the end index and the ISO form.
    static func parse(_ span: ScalarSpan, at start: Int, to: Int) -> (Int, String)? {
        let s = span.scalars
        var i = start
        // Year: four Arabic or four Chinese digits.
        var year = 0
        var chinese = false
        for k in 0..<4 {
            guard i + k < to else { return nil }
            if let d = s[i + k].digitValue, !chinese || k == 0 { year = year * 10 + d; continue }
            if let d = chineseDigit(s[i + k]), k == 0 || chinese { chinese = true; year = year * 10 + d; continue }
            return nil
        }
        i += 4
        guard year >= 1900, year <= 2100 else { return nil }
        if i < to, isYearDigit(s[i]) { return nil }
        i = skipSpaces(s, i, to)
        guard i < to else { return nil }
        let separator = s[i]
        if separator == "年" {
            i = skipSpaces(s, i + 1, to)
            guard let (month, afterMonth) = number(s, i, to, chinese: chinese), (1...12).contains(month) else { return nil }
            i = skipSpaces(s, afterMonth, to)
            guard i < to, s[i] == "月" else { return nil }
            let monthEnd = i + 1
            i = skipSpaces(s, i + 1, to)
            if let (day, afterDay) = number(s, i, to, chinese: chinese), (1...31).contains(day) {
                let j = skipSpaces(s, afterDay, to)
                if j < to, s[j] == "日" || s[j] == "号" {
                    return (j + 1, iso(year, month, day))
                }
            }
            return (monthEnd, iso(year, month, nil))
        }
        if !chinese, separator == "-" || separator == "." || separator == "/" {
            guard let (month, afterMonth) = number(s, i + 1, to, chinese: false), (1...12).contains(month),
                  afterMonth - (i + 1) <= 2 else { return nil }
            if afterMonth < to, s[afterMonth] == separator,
               let (day, afterDay) = number(s, afterMonth + 1, to, chinese: false), (1...31).contains(day),
               afterDay - (afterMonth + 1) <= 2 {
                return (afterDay, iso(year, month, day))
            }
            // "2021-2023" is a year range, not a month: require a 2-digit or separator-free month only when no digit follows.
            if afterMonth - (i + 1) == 2 || afterMonth < to && s[afterMonth] == "月" { return (afterMonth, iso(year, month, nil)) }
        }
        return nil
    }

    private static func iso(_ y: Int, _ m: Int, _ d: Int?) -> String {
        let mm = m < 10 ? "0\(m)" : "\(m)"
        guard let d else { return "\(y)-\(mm)" }
        return "\(y)-\(mm)-\(d < 10 ? "0\(d)" : "\(d)")"
    }

    private static func skipSpaces(_ s: [Unicode.Scalar], _ i: Int, _ to: Int) -> Int {
        var i = i
        while i < to, s[i].isInlineSpace { i += 1 }
        return i
    }

    private static func isYearDigit(_ s: Unicode.Scalar) -> Bool { s.digitValue != nil || chineseDigit(s) != nil }

    /// 〇/零 … 九 as digits.
    static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "〇", "零", "○", "Ｏ": return 0
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// A month/day number: 1–2 Arabic digits, or Chinese "十二", "二十三", "三十一", "十".
    private static func number(_ s: [Unicode.Scalar], _ i: Int, _ to: Int, chinese: Bool) -> (Int, Int)? {
        guard i < to else { return nil }
        if let d = s[i].digitValue {
            var value = d, j = i + 1
            while j < to, j - i < 2, let e = s[j].digitValue { value = value * 10 + e; j += 1 }
            if j < to, s[j].digitValue != nil { return nil }
            return (value, j)
        }
        var value = 0, j = i, seenTen = false
        while j < to {
            if s[j] == "十" {
                guard !seenTen else { break }
                value = (value == 0 ? 1 : value) * 10
                seenTen = true
            } else if let d = chineseDigit(s[j]), d != 0 || j > i {
                if seenTen { value += d; j += 1; break }
                guard value == 0 else { break }
                value = d
            } else { break }
            j += 1
        }
        return j > i && value > 0 ? (value, j) : nil
    }
}
