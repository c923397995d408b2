/// Which characters XML 1.0 allows, checked on UTF-8 bytes.
public enum XMLCharacters {
    /// `escapeClass[byte]` is `plain` for a byte the writer copies as it is in text and attribute values alike;
    /// any other value marks a byte to look at: markup (`<>&"`), CR, LF, tab, another C0 control, or 0xEF (the lead
    /// byte of U+FFFE/U+FFFF).
    static let escapeClass: [UInt8] = (0..<256).map { byte in
        byte < 0x20 || byte == 0xEF || "<>&\"".utf8.contains(UInt8(byte)) ? 1 : plain
    }
    static let plain: UInt8 = 0

    /// Byte offset of the first character XML 1.0 forbids (C0 controls except tab, LF, CR; U+FFFE; U+FFFF),
    /// or nil when the text is clean. Valid UTF-8 is assumed (Swift strings always are).
    @inline(__always)
    public static func firstIllegalByteOffset(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return i }
            } else if b == 0xEF, i + 2 < n, utf8[i + 1] == 0xBF, utf8[i + 2] >= 0xBE {
                return i
            }
            i &+= 1
        }
        return nil
    }

    /// Copies `utf8` into `out` without the illegal characters, NUL-terminated; `from` is the first illegal offset.
    public static func copyLegal(_ utf8: UnsafeBufferPointer<UInt8>, from: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<from]))
        var i = from
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                i += 1
                continue
            }
            if b == 0xEF, i + 2 < n, utf8[i + 1] == 0xBF, utf8[i + 2] >= 0xBE {
                i += 3
                continue
            }
            out.append(b)
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
