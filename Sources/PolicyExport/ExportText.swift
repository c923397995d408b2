import Foundation
import PolicyXML

/// Text as every exporter writes it: Unicode NFC, without characters that XML 1.0 forbids (form feeds and other
/// C0 controls except tab/LF/CR, U+FFFE, U+FFFF).
public enum ExportText {
    /// `s` in NFC with XML-illegal characters removed. Already-clean text (the common case) is returned as is
    /// after a single scan of its scalars.
    @inline(__always)
    public static func clean(_ s: String) -> String {
        if isCleanNFC(s) { return s }
        return XMLCharacters.removingIllegal(s.precomposedStringWithCanonicalMapping)
    }

    /// A conservative quick check on the UTF-8 bytes: true when every character is one NFC leaves unchanged in any
    /// context and XML allows — ASCII (tab/LF/CR but no other controls), U+0080–U+02FF, U+3000–U+9FFF (CJK
    /// punctuation, kana, ideographs; except the combining voicing marks U+3099/U+309A) and U+FF01–U+FFEF (fullwidth
    /// forms). False means "normalise to be sure", not "not NFC".
    @inline(__always)
    public static func isCleanNFC(_ s: String) -> Bool {
        if let r = s.utf8.withContiguousStorageIfAvailable({ isCleanNFC(utf8: $0) }) { return r }
        return Array(s.utf8).withUnsafeBufferPointer { isCleanNFC(utf8: $0) }
    }

    @inline(__always)
    static func isCleanNFC(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return false }
                i &+= 1
            } else if b < 0xE0 {
                if b > 0xCB { return false }               // ≥ U+0300: combining marks and beyond
                i &+= 2
            } else if b < 0xF0 {
                guard i &+ 2 < n else { return false }
                if b >= 0xE3 && b <= 0xE9 {
                    // U+3099 / U+309A = E3 82 99 / E3 82 9A
                    if b == 0xE3 && utf8[i &+ 1] == 0x82 && (utf8[i &+ 2] == 0x99 || utf8[i &+ 2] == 0x9A) { return false }
                } else if b == 0xEF {
                    // U+FF01–U+FFEF = EF BC 81 … EF BF AF
                    let b1 = utf8[i &+ 1], b2 = utf8[i &+ 2]
                    if b1 < 0xBC || (b1 == 0xBC && b2 < 0x81) || (b1 == 0xBF && b2 > 0xAF) { return false }
                } else {
                    return false
                }
                i &+= 3
            } else {
                return false
            }
        }
        return true
    }

    /// Joins list values for formats that only hold scalars.
    public static let listSeparator = "|"
}
