/// Chinese numerals: the one home for numbers written in Chinese characters — digits in dates and list markers
/// (〇一二…十百千, 两, 零) and quantities in targets (三万五千, 一亿, 六分之五, 百分之三十, 三成, 一半, 翻一番).
public enum ChineseNumerals {
    /// Digit value of one numeral character (十 = 10, 百 = 100, 千 = 1000), nil if not a numeral.
    @inline(__always)
    public static func value(of v: UInt32) -> Int? {
        switch v {
        case 0x3007, 0x96F6, 0x25CB, 0x004F, 0xFF2F: return 0  // 〇 零 ○ and the Latin/full-width O that extraction yields
        case 0x4E00: return 1
        case 0x4E8C, 0x4E24: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        case 0x5341: return 10
        case 0x767E: return 100
        case 0x5343: return 1000
        default: return nil
        }
    }

    /// Parses a small number written in Chinese numerals ("十二" = 12, "二十一" = 21, "一〇" digit-wise = 10).
    public static func parse(_ scalars: [UInt32]) -> Int? {
        guard !scalars.isEmpty else { return nil }
        var values: [Int] = []
        for v in scalars {
            guard let d = value(of: v) else { return nil }
            values.append(d)
        }
        if !values.contains(where: { $0 >= 10 }) {
            // Digit by digit: 二〇二四 = 2024.
            return values.reduce(0) { $0 * 10 + $1 }
        }
        var total = 0, current = 0
        for d in values {
            if d >= 10 {
                total += (current == 0 ? 1 : current) * d
                current = 0
            } else {
                current = d
            }
        }
        return total + current
    }

    // MARK: - Quantities

    /// How a quantity written in Chinese is expressed; it decides the unit a target gets.
    public enum Form: Sendable, Equatable {
        /// A plain cardinal: 三, 二十五, 三万五千, 一亿.
        case cardinal
        /// A fraction or share of a whole: 六分之五, 一半 (value in per cent).
        case fraction
        /// 百分之三十 (value in per cent).
        case percent
        /// 三成 (value in per cent: 30).
        case tenths
        /// 翻一番 / 翻两番: doubling (value: the factor, 2 or 4).
        case doubling
    }

    /// A number read from Chinese characters.
    public struct Quantity: Sendable, Equatable {
        public var value: Double
        public var form: Form
        /// End (exclusive) of the number in the scalars read.
        public var end: Int
    }

    /// True for the numeral characters a cardinal is built of (digits, 十百千万亿, 两, 零/〇).
    @inline(__always)
    public static func isCardinalScalar(_ v: UInt32) -> Bool {
        value(of: v) != nil && v != 0x004F && v != 0xFF2F || v == 0x4E07 || v == 0x4EBF
    }

    /// `isCardinalScalar` of every scalar of the Basic Multilingual Plane (where all of them lie) as bits, for scans
    /// that test every character of a text: `bits[v >> 6] >> (v & 63) & 1`. (Read it into a local before a loop.)
    public static let cardinalScalarBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in 0..<UInt32(0x10000) where isCardinalScalar(v) { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        return bits
    }()

    /// Reads a cardinal at `start`: a grammar of groups,
    /// `cardinal → section (亿 section?)? | section`, `section → (digit? 千)? (digit? 百)? (digit? 十)? digit? (万 …)?`,
    /// with 零/〇 as a place filler (一百零五) and digit-by-digit runs (二〇二五). Returns the value and the end.
    public static func cardinal(_ s: [Unicode.Scalar], at start: Int) -> (value: Double, end: Int)? {
        var i = start
        var total: Double = 0      // finished 亿 groups
        var section: Double = 0    // finished 万 groups inside the current 亿 group
        var small: Double = 0      // below 万
        var digit: Double? = nil   // the digit waiting for its multiplier
        var run = 0.0              // digit-by-digit reading, valid while no multiplier was seen
        var sawMultiplier = false
        while i < s.count {
            let v = s[i].value
            if v == 0x4EBF {  // 亿
                guard digit != nil || small > 0 || section > 0 || (!sawMultiplier && run > 0) else { break }
                if !sawMultiplier { digit = run }
                total = (total + section + small + (digit ?? 0)) * 1e8
                section = 0; small = 0; digit = nil; sawMultiplier = true
            } else if v == 0x4E07 {  // 万
                guard digit != nil || small > 0 || (!sawMultiplier && run > 0) else { break }
                if !sawMultiplier { digit = run }
                section = (section + small + (digit ?? 0)) * 1e4
                small = 0; digit = nil; sawMultiplier = true
            } else if let d = value(of: v), v != 0x004F, v != 0xFF2F {
                if d >= 10 {
                    if !sawMultiplier, run >= 10 { break }  // 二〇十: no number
                    small += (digit ?? 1) * Double(d)
                    digit = nil; sawMultiplier = true
                } else if d == 0 {
                    run *= 10
                    digit = nil  // 一百零五: a place filler
                } else {
                    run = run * 10 + Double(d)
                    digit = Double(d)
                }
            } else { break }
            i += 1
        }
        guard i > start else { return nil }
        if !sawMultiplier { return (run, i) }
        return (total + section + small + (digit ?? 0), i)
    }

    /// Reads a quantity written in Chinese at `start`: 百分之X, X分之Y, X成, 一半/半数, 翻X番, or a cardinal.
    public static func quantity(_ s: [Unicode.Scalar], at start: Int) -> Quantity? {
        func matches(_ word: String, _ at: Int) -> Bool {
            var k = at
            for w in word.unicodeScalars {
                guard k < s.count, s[k] == w else { return false }
                k += 1
            }
            return true
        }
        // 一半 / 半数: one half.
        if matches("一半", start) { return Quantity(value: 50, form: .fraction, end: start + 2) }
        if matches("半数", start) { return Quantity(value: 50, form: .fraction, end: start + 2) }
        // 翻一番 / 翻两番: a doubling (factor 2 per 番).
        if matches("翻", start), let n = cardinal(s, at: start + 1), n.end < s.count, s[n.end] == "番" {
            return Quantity(value: pow2(n.value), form: .doubling, end: n.end + 1)
        }
        // 百分之三十(点五).
        if matches("百分之", start), let n = decimal(s, at: start + 3) {
            return Quantity(value: n.value, form: .percent, end: n.end)
        }
        guard let n = cardinal(s, at: start) else { return nil }
        // 二十六点一万亿 / 一点五亿: a decimal before its magnitude (a decimal alone, 三点五, counts nothing here).
        if n.end + 1 < s.count, s[n.end] == "点", let d = decimal(s, at: start), d.end > n.end + 1,
           let (scale, end) = magnitude(s, at: d.end) {
            return Quantity(value: d.value * scale, form: .cardinal, end: end)
        }
        // 六分之五 / 三分之一.
        if matches("分之", n.end), let m = cardinal(s, at: n.end + 2), n.value > 0 {
            return Quantity(value: (m.value / n.value * 100 * 100).rounded() / 100, form: .fraction, end: m.end)
        }
        // 三成 / 七成以上 (not 成为, 成立, 成效 …: 成 must end the word).
        if n.value < 10, n.end < s.count, s[n.end] == "成",
           n.end + 1 >= s.count || !tenthsBlockers.contains(s[n.end + 1]) {
            return Quantity(value: n.value * 10, form: .tenths, end: n.end + 1)
        }
        return Quantity(value: n.value, form: .cardinal, end: n.end)
    }

    /// Characters after 成 that make it part of a word (成为, 成立, 成效, 成果, 成本, 成熟, 成功, 成员).
    private static let tenthsBlockers: Set<Unicode.Scalar> = Set("为立效果本熟功员长绩型交就品规".unicodeScalars)

    /// A cardinal with an optional 点 and decimal digits (三十点五).
    private static func decimal(_ s: [Unicode.Scalar], at start: Int) -> (value: Double, end: Int)? {
        guard let n = cardinal(s, at: start) else { return nil }
        guard n.end < s.count, s[n.end] == "点" else { return n }
        var k = n.end + 1
        var fraction = 0.0, scale = 0.1
        while k < s.count, let d = value(of: s[k].value), d < 10, s[k].value != 0x004F {
            fraction += Double(d) * scale; scale /= 10; k += 1
        }
        return k > n.end + 1 ? (n.value + fraction, k) : n
    }

    /// `magnitude → (万 | 亿)+` after a decimal: its factor (万亿 = 10¹²) and end, or nil.
    private static func magnitude(_ s: [Unicode.Scalar], at start: Int) -> (Double, Int)? {
        var k = start
        var scale = 1.0
        while k < s.count, s[k] == "万" || s[k] == "亿" {
            scale *= s[k] == "万" ? 1e4 : 1e8
            k += 1
        }
        return k > start ? (scale, k) : nil
    }

    private static func pow2(_ n: Double) -> Double {
        var r = 1.0
        for _ in 0..<max(0, min(Int(n), 10)) { r *= 2 }
        return r
    }
}
