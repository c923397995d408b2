/// Dates as Chinese documents write them — "2022年11月18日", "2022年 11月 18日", "二〇二四年一月十二日" (〇, ○, 零 and the
/// Latin or full-width O that conversions yield: "二OO八年"), "2023-07-19", "2023.7.19", "2023/7/19", month precision
/// "2022年11月" — as ISO "yyyy-mm-dd" or "yyyy-mm". The one date grammar of the package (segmenter, extractors,
/// HTML metadata).
///
///     date  → year sp '年' sp month sp '月' (sp day sp ('日' | '号'))?
///           | year sep month (sep day)?            (sep → - . / ． ／, the same both times; Arabic digits only)
///     year  → digit{4} | cdigit{4}                 (1900–2100, not followed by another digit)
///     month → digit{1,2} | cnumber                 (1–12; cnumber: 一 … 十二)
///     day   → digit{1,2} | cnumber                 (1–31)
public enum ChineseDate {
    /// Parses a text that is entirely a date (surrounding spaces and one pair of brackets allowed).
    public static func parseWhole(_ text: String) -> String? {
        guard text.utf8.count <= 80 else { return nil }
        let s = Array(text.unicodeScalars)
        var lo = 0, hi = s.count
        while lo < hi && isSpace(s[lo]) { lo += 1 }
        while hi > lo && isSpace(s[hi - 1]) { hi -= 1 }
        if hi - lo >= 2, (s[lo] == "（" && s[hi - 1] == "）") || (s[lo] == "(" && s[hi - 1] == ")") {
            lo += 1; hi -= 1
            while lo < hi && isSpace(s[lo]) { lo += 1 }
            while hi > lo && isSpace(s[hi - 1]) { hi -= 1 }
        }
        guard lo < hi, let (end, iso) = parse(s, at: lo, to: hi) else { return nil }
        if end == hi { return iso }
        // A whole-line date that lost its 日 (a 署名's date line "2031年2月22"): the day runs to the line's end.
        //     dayLost → year '年' month '月' day end
        guard iso.count == 7, s[end - 1] == "月", let (day, afterDay) = number(s, skipSpaces(s, end, hi), hi), afterDay == hi,
              (1...31).contains(day) else { return nil }
        return iso + (day < 10 ? "-0\(day)" : "-\(day)")
    }

    /// The first date in a text, with its scalar range.
    public static func find(in text: String) -> (iso: String, scalarRange: Range<Int>)? {
        let s = Array(text.unicodeScalars)
        return first(in: s, from: 0, to: s.count).map { ($0.iso, $0.range) }
    }

    /// The first date in scalars `from..<to` of `s`.
    public static func first(in s: [Unicode.Scalar], from: Int, to: Int) -> (range: Range<Int>, iso: String)? {
        var i = from
        while i < to {
            if digit(s[i]) != nil, i == from || digit(s[i - 1]) == nil, let (end, iso) = parse(s, at: i, to: to) {
                return (i..<end, iso)
            }
            i += 1
        }
        return nil
    }

    /// All dates in scalars `from..<to` of `s`.
    public static func all(in s: [Unicode.Scalar], from: Int, to: Int) -> [(range: Range<Int>, iso: String)] {
        var out: [(range: Range<Int>, iso: String)] = []
        var i = from
        while i < to, let found = first(in: s, from: i, to: to) {
            out.append(found)
            i = found.range.upperBound
        }
        return out
    }

    /// Parses a date starting at `i` of the scalar values `s`; returns the ISO form and the number of scalars read.
    static func parse(_ s: [UInt32], at i: Int) -> (String, Int)? {
        let scalars = s.map { Unicode.Scalar($0) ?? " " }
        return parse(scalars, at: i, to: scalars.count).map { ($0.iso, $0.end - i) }
    }

    /// `date` starting exactly at `start`: the index after it and the ISO form.
    public static func parse(_ s: [Unicode.Scalar], at start: Int, to: Int) -> (end: Int, iso: String)? {
        var i = start
        var year = 0
        var chinese = false
        for k in 0..<4 {
            guard i + k < to else { return nil }
            let c = s[i + k]
            if let d = arabicDigit(c), !chinese { year = year * 10 + d; continue }
            if let d = chineseDigit(c), k == 0 || chinese { chinese = true; year = year * 10 + d; continue }
            return nil
        }
        i += 4
        guard (1900...2100).contains(year) else { return nil }
        if i < to, digit(s[i]) != nil { return nil }
        i = skipSpaces(s, i, to)
        guard i < to else { return nil }
        let separator = s[i]
        if separator == "年" {
            i = skipSpaces(s, i + 1, to)
            guard let (month, afterMonth) = number(s, i, to), (1...12).contains(month) else { return nil }
            i = skipSpaces(s, afterMonth, to)
            guard i < to, s[i] == "月" else { return nil }
            let monthEnd = i + 1
            i = skipSpaces(s, monthEnd, to)
            if let (day, afterDay) = number(s, i, to), (1...31).contains(day) {
                let j = skipSpaces(s, afterDay, to)
                if j < to, s[j] == "日" || s[j] == "号" { return (j + 1, iso(year, month, day)) }
            }
            return (monthEnd, iso(year, month, nil))
        }
        guard !chinese, ["-", ".", "/", "．", "／"].contains(separator) else { return nil }
        guard let (month, afterMonth) = number(s, i + 1, to), afterMonth - (i + 1) <= 2, (1...12).contains(month),
              arabicDigit(s[i + 1]) != nil else { return nil }
        if afterMonth < to, s[afterMonth] == separator, afterMonth + 1 < to, arabicDigit(s[afterMonth + 1]) != nil,
           let (day, afterDay) = number(s, afterMonth + 1, to), afterDay - (afterMonth + 1) <= 2, (1...31).contains(day) {
            return (afterDay, iso(year, month, day))
        }
        // "2021-2023" is a year range, not a month: a month alone needs two digits or 月 after it.
        if afterMonth - (i + 1) == 2 || afterMonth < to && s[afterMonth] == "月" { return (afterMonth, iso(year, month, nil)) }
        return nil
    }

    // MARK: - Digits

    /// A digit of a year: 0–9 (ASCII or full-width) or a Chinese digit.
    public static func digit(_ s: Unicode.Scalar) -> Int? { arabicDigit(s) ?? chineseDigit(s) }

    /// 0–9, ASCII or full-width.
    @inline(__always)
    static func arabicDigit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    /// 〇 ○ 零 O Ｏ (zero as conversions write it) and 一 … 九: the digits of `ChineseNumerals`, without 两 (which
    /// dates never write) and the multipliers.
    public static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
        guard s != "两", let value = ChineseNumerals.value(of: s.value), value <= 9 else { return nil }
        return value
    }

    /// True for a Chinese digit (see `chineseDigit`).
    static func isChineseDigit(_ v: UInt32) -> Bool { Unicode.Scalar(v).flatMap(chineseDigit) != nil }

    /// A month or day: 1–2 Arabic digits (not followed by a third), or Chinese "十", "十二", "二十三", "三十一".
    static func number(_ s: [Unicode.Scalar], _ i: Int, _ to: Int) -> (Int, Int)? {
        guard i < to else { return nil }
        if let d = arabicDigit(s[i]) {
            var value = d, j = i + 1
            while j < to, j - i < 2, let e = arabicDigit(s[j]) { value = value * 10 + e; j += 1 }
            if j < to, arabicDigit(s[j]) != nil { return nil }
            return (value, j)
        }
        var value = 0, j = i, seenTen = false
        while j < to {
            if s[j] == "十" {
                guard !seenTen else { break }
                value = (value == 0 ? 1 : value) * 10
                seenTen = true
            } else if let d = chineseDigit(s[j]), s[j] != "O", d != 0 || j > i {
                if seenTen { value += d; j += 1; break }
                guard value == 0 else { break }
                value = d
            } else { break }
            j += 1
        }
        return j > i && value > 0 ? (value, j) : nil
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" }

    static func skipSpaces(_ s: [Unicode.Scalar], _ i: Int, _ to: Int) -> Int {
        var i = i
        while i < to, isSpace(s[i]) { i += 1 }
        return i
    }

    /// "yyyy-mm" or "yyyy-mm-dd".
    static func iso(_ y: Int, _ m: Int, _ d: Int?) -> String {
        let mm = m < 10 ? "0\(m)" : "\(m)"
        guard let d else { return "\(y)-\(mm)" }
        return "\(y)-\(mm)-\(d < 10 ? "0\(d)" : "\(d)")"
    }
}
