/// Dates as Chinese documents write them: "2022年11月18日", "二〇二四年一月十二日", "2023-07-19", "2023.7.19",
/// "2022年11月" (month precision). Output is ISO "yyyy-mm-dd" or "yyyy-mm".
public enum ChineseDate {
    /// Parses a text that is entirely a date (surrounding spaces and one pair of brackets allowed).
    public static func parseWhole(_ text: String) -> String? {
        guard text.utf8.count <= 80 else { return nil }
        var s = Array(text.unicodeScalars.map(\.value))
        while let f = s.first, f == 0x20 { s.removeFirst() }
        while let l = s.last, l == 0x20 { s.removeLast() }
        if let f = s.first, let l = s.last, (f == 0xFF08 && l == 0xFF09) || (f == 0x28 && l == 0x29) {
            s = Array(s.dropFirst().dropLast())
        }
        guard let (iso, length) = parse(s, at: 0), length == s.count else { return nil }
        return iso
    }

    /// First date in a text, with its scalar range.
    public static func find(in text: String) -> (iso: String, scalarRange: Range<Int>)? {
        let s = Array(text.unicodeScalars.map(\.value))
        for i in s.indices where ScalarClass.isASCIIDigit(s[i]) || ChineseNumerals.value(of: s[i]) != nil {
            if i > 0 && ScalarClass.isASCIIDigit(s[i - 1]) { continue }
            if let (iso, n) = parse(s, at: i) { return (iso, i..<(i + n)) }
        }
        return nil
    }

    /// Parses a date starting at `i`; returns the ISO form and the number of scalars consumed.
    static func parse(_ s: [UInt32], at i: Int) -> (String, Int)? {
        // Year.
        var k = i
        var yearDigits: [UInt32] = []
        while k < s.count && yearDigits.count < 4 && (ScalarClass.isASCIIDigit(s[k]) || isChineseDigit(s[k])) {
            yearDigits.append(s[k]); k += 1
        }
        guard yearDigits.count == 4, let year = number(yearDigits), year >= 1949 && year <= 2100 else { return nil }
        guard k < s.count else { return nil }
        let separator = s[k]
        let chinese = separator == 0x5E74                         // 年
        guard chinese || separator == 0x2D || separator == 0x2E || separator == 0x2F || separator == 0xFF0E else { return nil }
        k += 1
        guard let (month, mLen) = smallNumber(s, at: k), month >= 1 && month <= 12 else { return nil }
        k += mLen
        if chinese {
            guard k < s.count && s[k] == 0x6708 else { return nil }   // 月
            k += 1
            if let (day, dLen) = smallNumber(s, at: k), day >= 1 && day <= 31,
               k + dLen < s.count, s[k + dLen] == 0x65E5 || s[k + dLen] == 0x53F7 {   // 日 / 号
                return (iso(year, month, day), k + dLen + 1 - i)
            }
            return (iso(year, month, nil), k - i)
        }
        guard k < s.count, s[k] == separator else { return (iso(year, month, nil), k - i) }
        guard let (day, dLen) = smallNumber(s, at: k + 1), day >= 1 && day <= 31 else { return nil }
        return (iso(year, month, day), k + 1 + dLen - i)
    }

    static func isChineseDigit(_ v: UInt32) -> Bool {
        if let d = ChineseNumerals.value(of: v) { return d < 10 }
        return false
    }

    static func number(_ digits: [UInt32]) -> Int? {
        var n = 0
        for v in digits {
            if ScalarClass.isASCIIDigit(v) { n = n * 10 + Int(v - 0x30) } else if let d = ChineseNumerals.value(of: v), d < 10 { n = n * 10 + d } else { return nil }
        }
        return n
    }

    /// 1–2 Arabic digits or 1–3 Chinese numerals (十二, 二十一, 三十一).
    static func smallNumber(_ s: [UInt32], at i: Int) -> (Int, Int)? {
        var k = i
        while k < s.count && k - i < 2 && ScalarClass.isASCIIDigit(s[k]) { k += 1 }
        if k > i { return (number(Array(s[i..<k]))!, k - i) }
        while k < s.count && k - i < 3, let d = ChineseNumerals.value(of: s[k]), d <= 10 { k += 1 }
        guard k > i, let n = ChineseNumerals.parse(Array(s[i..<k])) else { return nil }
        return (n, k - i)
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int?) -> String {
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        if let d { return "\(y)-\(two(m))-\(two(d))" }
        return "\(y)-\(two(m))"
    }
}
