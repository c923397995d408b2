/// A class of Unicode scalars a pattern can match one of: Han ideographs, digits, a listed set, or any predicate.
///
/// A class built from an explicit list (`oneOf`) knows its members, so a pattern that starts with it can skip
/// positions whose scalar cannot begin a match (see `Pattern.firstScalars`).
public struct ScalarClass: Sendable {
    /// Whether the class holds a scalar.
    public let contains: @Sendable (Unicode.Scalar) -> Bool
    /// The members, when the class was built from a list; nil for open classes such as `han`.
    public let members: Set<Unicode.Scalar>?
    /// A name for diagnostics and descriptions ("han", "oneOf(省市县)").
    public let name: String

    public init(name: String, _ contains: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        self.name = name
        self.contains = contains
        members = nil
    }

    /// Exactly the scalars of `list`.
    public static func oneOf(_ list: String) -> ScalarClass {
        let set = Set(list.unicodeScalars)
        return ScalarClass(name: "oneOf(\(list))", members: set)
    }

    /// Every scalar except those of `list`.
    public static func noneOf(_ list: String) -> ScalarClass {
        let set = Set(list.unicodeScalars)
        return ScalarClass(name: "noneOf(\(list))") { !set.contains($0) }
    }

    private init(name: String, members: Set<Unicode.Scalar>) {
        self.name = name
        self.members = members
        contains = { members.contains($0) }
    }

    /// A Han ideograph: the CJK Unified Ideographs, Extension A, the compatibility block, the supplementary
    /// ideographic planes, and 〇 (which policy texts write as the digit zero in years).
    public static let han = ScalarClass(name: "han") { isHan($0) }

    /// An ASCII or full-width decimal digit.
    public static let digit = ScalarClass(name: "digit") { s in
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    /// A digit of a Chinese numeral, including the zero forms 〇 ○ 零 and the multipliers 十 百 千 万 亿.
    public static let chineseNumeral = ScalarClass.oneOf("〇○零一二两三四五六七八九十百千万亿")

    /// An ASCII or full-width Latin letter.
    public static let latinLetter = ScalarClass(name: "latinLetter") { s in
        let v = s.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0xFF21...0xFF3A).contains(v)
            || (0xFF41...0xFF5A).contains(v)
    }

    /// Any scalar.
    public static let any = ScalarClass(name: "any") { _ in true }

    /// Whether `s` is a Han ideograph (see `han`).
    @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool { isHan(value: s.value) }

    /// Whether the scalar value `v` is a Han ideograph: the one definition, which the text layer's
    /// `isIdeograph` also reads.
    @inlinable @inline(__always)
    public static func isHan(value v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
            || v == 0x3007 || (v >= 0x20000 && v <= 0x2FFFF)
    }
}
