import Foundation
import PolicyCore

/// A name as a dictionary key that hashes and compares its UTF-8 bytes in NFC. Equal exactly when the Strings
/// are (String equality is canonical equivalence), but without String's per-hash normalisation of non-ASCII
/// text: names of CJK, ASCII and common punctuation are NFC as they stand, others are normalised once here.
public struct NameKey: Hashable, Sendable {
    private var nfc: String
    /// The NFC bytes folded into one word once, here: a lookup hashes this word, not all the bytes, and the
    /// several lookups of one key (agency, region, programme) do not fold them again.
    private let folded: UInt64

    public init(_ name: String) {
        nfc = Self.isNFCAsItStands(name) ? name : name.precomposedStringWithCanonicalMapping
        folded = Self.fold(&nfc)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(folded)
    }

    /// The bytes folded into one word (`ByteFold`).
    private static func fold(_ s: inout String) -> UInt64 {
        s.withUTF8 { ByteFold.fold($0) }
    }

    public static func == (a: NameKey, b: NameKey) -> Bool {
        guard a.folded == b.folded else { return false }
        var x = a.nfc, y = b.nfc
        return x.withUTF8 { p in
            y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
        }
    }

    /// True when every scalar is one that NFC leaves alone whatever stands around it: ASCII and Latin-1, CJK
    /// symbols, kana and ideographs (U+3000–U+9FFF without the combining tone marks U+302A–U+302F and kana
    /// marks U+3099/U+309A), the punctuation U+2010–U+203F (dashes, quotes) and the halfwidth and fullwidth forms
    /// U+FF00–U+FFFF. Two such strings are equal as Strings exactly when their bytes are.
    public static func isNFCAsItStands(_ name: String) -> Bool {
        var s = name
        return s.withUTF8 { b in
            var i = 0
            while i < b.count {
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                if lead == 0xC2 || lead == 0xC3 { i += 2; continue }
                guard i + 2 < b.count else { return false }
                let b1 = b[i + 1], b2 = b[i + 2]
                switch lead {
                case 0xE3:
                    if b1 == 0x82 && (b2 == 0x99 || b2 == 0x9A) { return false }
                    if b1 == 0x80 && (0xAA...0xAF).contains(b2) { return false }
                case 0xE4...0xE9:
                    break
                case 0xE2:
                    // U+2010–U+203F: E2 80 90 … E2 80 BF.
                    if b1 != 0x80 || b2 < 0x90 { return false }
                case 0xEF:
                    // U+FF00–U+FFFF: EF BC 80 … EF BF BF.
                    if b1 < 0xBC { return false }
                default:
                    return false
                }
                i += 3
            }
            return true
        }
    }
}
