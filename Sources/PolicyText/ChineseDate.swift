/// Dates as Chinese documents write them: "2022年11月18日", "二〇二四年一月十二日", "2023-07-19", "2023.7.19",
/// "2022年11月" (month precision). Output is ISO "yyyy-mm-dd" or "yyyy-mm".
public enum ChineseDate {
    /// Parses a text that is entirely a date (surrounding spaces and one pair of brackets allowed).
    public static func parseWhole(_ text: String) -> String? {
        guard text.utf8.count <= 80 else { return nil }
        var s: [UInt32] = []
        s.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars { s.append(u.value) }
        var lo = 0, hi = s.count
        while lo < hi && s[lo] == 0x20 { lo += 1 }
        while hi > lo && s[hi - 1] == 0x20 { hi -= 1 }
        if hi > lo, (s[lo] == 0xFF08 && s[hi - 1] == 0xFF09) || (s[lo] == 0x28 && s[hi - 1] == 0x29) {
            lo += 1; hi -= 1
        }
        if lo > 0 || hi < s.count { s = Array(s[lo..<max(lo, hi)]) }
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
        // Year: four digits, Arabic or Chinese (〇一二…九), read digit by digit.
        var k = i
        var year = 0
        while k < s.count && k - i < 4 {
            let v = s[k]
            if ScalarClass.isASCIIDigit(v) {
                year = year * 10 + Int(v - 0x30)
            } else if let d = ChineseNumerals.value(of: v), d < 10 {
                year = year * 10 + d
            } else {
                break
            }
            k += 1
        }
        guard k - i == 4, year >= 1949 && year <= 2100 else { return nil }
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
        var n = 0
        while k < s.count && k - i < 2 && ScalarClass.isASCIIDigit(s[k]) { n = n * 10 + Int(s[k] - 0x30); k += 1 }
        if k > i { return (n, k - i) }
        // (As ChineseNumerals.parse reads the numerals 0–10 that this loop takes.)
        var values = (0, 0, 0)
        while k < s.count && k - i < 3, let d = ChineseNumerals.value(of: s[k]), d <= 10 {
            switch k - i { case 0: values.0 = d; case 1: values.1 = d; default: values.2 = d }
            k += 1
        }
        let count = k - i
        guard count > 0 else { return nil }
        let digits = [values.0, values.1, values.2].prefix(count)
        if !digits.contains(10) { return (digits.reduce(0) { $0 * 10 + $1 }, count) }
        var total = 0, current = 0
        for d in digits {
            if d >= 10 { total += (current == 0 ? 1 : current) * d; current = 0 } else { current = d }
        }
        return (total + current, count)
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int?) -> String {
        // yyyy-mm(-dd) from ASCII bytes (the year has four digits: 1949–2100).
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        bytes.0 = UInt8(0x30 + y / 1000); bytes.1 = UInt8(0x30 + y / 100 % 10)
        bytes.2 = UInt8(0x30 + y / 10 % 10); bytes.3 = UInt8(0x30 + y % 10)
        bytes.4 = 0x2D; bytes.5 = UInt8(0x30 + m / 10); bytes.6 = UInt8(0x30 + m % 10)
        var count = 7
        if let d { bytes.7 = 0x2D; bytes.8 = UInt8(0x30 + d / 10); bytes.9 = UInt8(0x30 + d % 10); count = 10 }
        return withUnsafeBytes(of: &bytes) { String(decoding: $0.prefix(count), as: UTF8.self) }
    }
}
