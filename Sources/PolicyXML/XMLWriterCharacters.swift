/// Which characters XML 1.0 allows, checked on UTF-8 bytes.
public enum XMLCharacters {
    /// `escapeClass[byte]` is `plain` for a byte the writer copies as it is in text and attribute values alike;
    /// any other value marks a byte to look at: markup (`<>&"`), CR, LF, tab, another C0 control, or 0xEF (the lead
    /// byte of U+FFFE/U+FFFF).
    static let escapeClass: [UInt8] = (0..<256).map { byte in
        byte < 0x20 || byte == 0xEF || "<>&\"".utf8.contains(UInt8(byte)) ? 1 : plain
    }
    static let plain: UInt8 = 0

    /// Byte length of the character at `i` when XML 1.0 forbids it — 1 for a C0 control other than tab, LF and CR,
    /// 3 for U+FFFE and U+FFFF (EF BF BE, EF BF BF) — and 0 when it is allowed. Valid UTF-8 is assumed (Swift
    /// strings always are).
    @inline(__always)
    public static func illegalLength(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = utf8[i]
        if b < 0x20 { return b == 0x09 || b == 0x0A || b == 0x0D ? 0 : 1 }
        if b == 0xEF, i + 2 < utf8.count, utf8[i + 1] == 0xBF, utf8[i + 2] >= 0xBE { return 3 }
        return 0
    }

    /// Byte offset of the first character XML 1.0 forbids (`illegalLength`), or nil when the text is clean.
    @inline(__always)
    public static func firstIllegalByteOffset(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < utf8.count {
            if illegalLength(utf8, at: i) > 0 { return i }
            i &+= 1
        }
        return nil
    }

    /// Copies `utf8` into `out` without the illegal characters, NUL-terminated; `from` is the first illegal offset.
    public static func copyLegal(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<from]))
        var i = from
        while i < utf8.count {
            let illegal = illegalLength(utf8, at: i)
            if illegal > 0 {
                i += illegal
                continue
            }
            out.append(utf8[i])
            i += 1
        }
        out.append(0)
    }

    /// `s` without the characters XML 1.0 forbids.
    public static func removingIllegal(_ s: String) -> String {
        var s = s
        return s.withUTF8 { utf8 in
            guard let first = firstIllegalByteOffset(utf8) else { return nil }
            var out: [UInt8] = []
            copyLegal(utf8, from: first, into: &out)
            out.removeLast()
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }
}
