import PolicyGrammar

/// Character classes of Unicode scalars that the normaliser and segmenter need.
public enum ScalarClass {
    /// CJK ideographs (incl. extension A and compatibility) and 〇: the grammar layer's Han class, one definition.
    @inline(__always)
    public static func isIdeograph(_ v: UInt32) -> Bool { PolicyGrammar.ScalarClass.isHan(value: v) }

    /// Full-width / CJK punctuation: CJK symbols block, general punctuation quotes and dashes, full-width forms
    /// that are not ASCII letters or digits.
    @inline(__always)
    public static func isCJKPunctuation(_ v: UInt32) -> Bool {
        if v >= 0x3000 && v <= 0x303F { return v != 0x3000 && v != 0x3007 }
        if v >= 0xFF01 && v <= 0xFF65 { return !isFullWidthAlphanumeric(v) }
        switch v {
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2015, 0x2026, 0x00B7, 0x2022, 0x2027, 0x30FB, 0xFE30...0xFE4F:
            return true
        default:
            return false
        }
    }

    /// Ideograph or CJK punctuation.
    @inline(__always)
    public static func isCJK(_ v: UInt32) -> Bool { isIdeograph(v) || isCJKPunctuation(v) }

    /// Full-width digits and Latin letters (０–９, Ａ–Ｚ, ａ–ｚ); `v - 0xFEE0` is their ASCII form.
    @inline(__always)
    public static func isFullWidthAlphanumeric(_ v: UInt32) -> Bool {
        (v >= 0xFF10 && v <= 0xFF19) || (v >= 0xFF21 && v <= 0xFF3A) || (v >= 0xFF41 && v <= 0xFF5A)
    }

    /// 0–9.
    @inline(__always)
    public static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// 0–9, A–Z, a–z.
    @inline(__always)
    public static func isASCIIAlphanumeric(_ v: UInt32) -> Bool {
        isASCIIDigit(v) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// Horizontal white space of any width (ASCII space/tab, NBSP, ideographic space, en/em spaces).
    @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x3000 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F
    }

    /// Control and format characters that carry no text (form feed, zero-width space, BOM inside text, …).
    @inline(__always)
    public static func isInvisible(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0x7F || (v >= 0x80 && v < 0xA0)
            || v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF
    }

    /// Display width in a terminal: 2 for wide East Asian characters, 1 otherwise (0 for invisible).
    @inline(__always)
    public static func displayWidth(_ v: UInt32) -> Int {
        // Fast paths for the common cases: printable ASCII and CJK ideographs (neither is invisible).
        if v >= 0x20 && v < 0x7F { return 1 }
        if v >= 0x2E80 && v <= 0xA4CF { return 2 }
        if isInvisible(v) { return 0 }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
            || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD) || v == 0x2014 || v == 0x2026
            || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 {
            return 2
        }
        return 1
    }

    /// Display width of a string (CJK = 2 columns).
    public static func displayWidth(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += displayWidth(u.value) }
        return w
    }
}
