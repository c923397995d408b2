/// Unicode NFC with an offset map: composes base letters and combining marks (`e` + U+0301 → `é`), replaces
/// canonical singletons — among them the CJK compatibility ideographs U+F900–FAFF and U+2F800–2FA1F, each folded to
/// its unified ideograph (`U+F907` → `龜`) — and orders combining marks. (The twelve ideographs of U+FA0E–FA29
/// that are unified ideographs themselves are kept, as NFC keeps them.)
///
/// A stable scalar (combining class 0, never changed by NFC, never composing with what precedes it) bounds what NFC
/// can change: a run of other scalars is normalised together with the stable scalar before it, as one piece; a
/// singleton of class 0 that NFC replaces by stable scalars (a compatibility ideograph) starts a piece of its own.
/// Composed scalars map to the first scalar of their piece; a piece whose scalar count NFC keeps maps one to one.
enum CanonicalComposition {
    /// Scalars known to be stable: ASCII and Latin letters to U+02FF, basic Greek and Cyrillic letters, general
    /// punctuation, letterlike symbols (but Ω K Å), number forms, arrows, mathematical operators, technical symbols
    /// (but 〈 〉 U+2329/232A), enclosed alphanumerics, box drawing and dingbats, CJK symbols, kana, ideographs,
    /// Hangul syllables, small and full-width forms, private use. Other scalars are checked by NFC itself.
    @inline(__always)
    static func isStable(_ v: UInt32) -> Bool {
        if v < 0x300 { return true }
        if v >= 0x3400 { return v <= 0xA4CF || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xE000 && v <= 0xF8FF)
            || (v >= 0xFE10 && v <= 0xFE19) || (v >= 0xFE30 && v <= 0xFE6F) || (v >= 0xFF01 && v <= 0xFFEF)
            || (v >= 0x20000 && v <= 0x2F7FF) || (v >= 0x30000 && v <= 0x3134F) }
        if v >= 0x3000 { return v <= 0x3029 || (v >= 0x3030 && v <= 0x303F) || (v >= 0x3041 && v <= 0x3096)
            || (v >= 0x30A1 && v <= 0x30FA) }
        return (v >= 0x0391 && v <= 0x03A9) || (v >= 0x03B1 && v <= 0x03C9) || (v >= 0x0410 && v <= 0x044F)
            || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) || (v >= 0x2070 && v <= 0x20CF)
            || (v >= 0x2100 && v <= 0x2125) || (v >= 0x2127 && v <= 0x2129) || (v >= 0x212C && v <= 0x2328)
            || (v >= 0x232B && v <= 0x27FF)
    }

    /// Whether any scalar of `s` is not known stable (NFC may change the text).
    static func mayChange(_ s: UnsafeBufferPointer<UInt32>) -> Bool {
        for v in s where !isStable(v) { return true }
        return false
    }

    /// Appends the NFC form of `s`/`o` (scalars and their offsets) to `outS`/`outO`.
    static func append(_ s: ArraySlice<UInt32>, _ o: ArraySlice<Int32>,
                       to outS: inout [UInt32], _ outO: inout [Int32]) {
        var k = s.startIndex
        let end = s.endIndex
        while k < end {
            guard !isStable(s[k]) else { outS.append(s[k]); outO.append(o[k]); k += 1; continue }
            // The piece: the stable scalar before (written last, as it was) and the run of unstable scalars.
            var runEnd = k + 1
            while runEnd < end && !isStable(s[runEnd]) && !startsPiece(s[runEnd]) { runEnd += 1 }
            let pieceStart = k > s.startIndex && isStable(s[k - 1]) && !startsPiece(s[k]) ? k - 1 : k
            if pieceStart < k { outS.removeLast(); outO.removeLast() }
            let piece = Array(s[pieceStart..<runEnd])
            let composed = nfc(piece)
            if composed.count == piece.count {
                outS.append(contentsOf: composed); outO.append(contentsOf: o[pieceStart..<runEnd])
            } else {
                outS.append(contentsOf: composed)
                outO.append(contentsOf: repeatElement(o[pieceStart], count: composed.count))
            }
            k = runEnd
        }
    }

    /// A scalar NFC replaces by stable scalars, with combining class 0 (a compatibility ideograph, a singleton):
    /// nothing before it composes with it, so it starts a piece of its own.
    static func startsPiece(_ v: UInt32) -> Bool {
        guard let u = Unicode.Scalar(v), u.properties.canonicalCombiningClass == .notReordered else { return false }
        return nfc([v]).allSatisfy(isStable)
    }

    /// NFC of a few scalars (through the standard library's normaliser).
    static func nfc(_ scalars: [UInt32]) -> [UInt32] {
        var string = ""
        for v in scalars { if let u = Unicode.Scalar(v) { string.unicodeScalars.append(u) } }
        return UTF8Bytes.scalars(string._nfcCodeUnits)
    }
}
