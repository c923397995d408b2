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

    /// A conservative quick check: true when every scalar is one that is unchanged by NFC in any context and legal
    /// in XML (ASCII printable/tab/LF/CR, Latin-1, and the CJK ideograph/punctuation/fullwidth blocks used in
    /// Chinese text). False means "normalise to be sure", not "not NFC".
    @inline(__always)
    public static func isCleanNFC(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x20 {
                if v != 0x09 && v != 0x0A && v != 0x0D { return false }
            } else if v < 0x300 {
                continue
            } else if v >= 0x3000 && v <= 0x9FFF {
                if v == 0x3099 || v == 0x309A { return false }  // combining kana voicing marks
            } else if v >= 0xFF01 && v <= 0xFFEF {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// Joins list values for formats that only hold scalars.
    public static let listSeparator = "|"
}
