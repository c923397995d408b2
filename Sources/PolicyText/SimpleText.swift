/// Text on which String's Character semantics coincide with its scalars: every scalar is printable ASCII, a CJK
/// ideograph (unified or extension A), CJK punctuation, a full-width form or general punctuation — none of them
/// combines with a neighbour into one Character, none has a canonical decomposition or takes part in a canonical
/// composition. On such text `hasPrefix`, `hasSuffix`, `firstRange(of:)`, `contains` and `==` with other such text
/// are byte operations, and `count` is the number of scalars.
enum SimpleText {
    /// Whether scalar `v` is one of the simple scalars.
    @inline(__always)
    static func isSimple(_ v: UInt32) -> Bool {
        if v &- 0x4E00 <= 0x9FFF - 0x4E00 || v &- 0x20 <= 0x7E - 0x20 { return true }
        if v &- 0x3000 <= 0x3029 - 0x3000 || v &- 0x3030 <= 0x303F - 0x3030 { return true }   // (302A–302F combine)
        if v &- 0xFF01 <= 0xFF60 - 0xFF01 || v &- 0x3400 <= 0x4DBF - 0x3400 { return true }
        return v &- 0x2010 <= 0x2027 - 0x2010 || v &- 0x2030 <= 0x203A - 0x2030
    }

    /// Whether every scalar of the valid UTF-8 `b` is simple.
    static func isSimple(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let x = b[i]
            // Leads E5…E9 (U+5000–9FFF, ideographs) and printable ASCII first.
            if x &- 0xE5 < 5 { i &+= 3; continue }
            if x < 0x80 {
                if x &- 0x20 > 0x7E - 0x20 { return false }
                i &+= 1; continue
            }
            let (v, n) = UTF8Bytes.decode(b, at: i)
            if !isSimple(v) { return false }
            i &+= n
        }
        return true
    }

    /// Whether every scalar of `s` is simple.
    static func isSimple(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { isSimple($0) }
    }

    /// The last scalar of the non-empty valid UTF-8 `b[..<end]` and its start.
    @inline(__always)
    static func lastScalar(_ b: UnsafeBufferPointer<UInt8>, before end: Int) -> (value: UInt32, start: Int) {
        var i = end - 1
        while i > 0 && b[i] & 0xC0 == 0x80 { i -= 1 }
        return (UTF8Bytes.decode(b, at: i).value, i)
    }

    /// Whether `b[start..<end]` ends with the bytes of `suffix`.
    @inline(__always)
    static func hasSuffix(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ suffix: [UInt8]) -> Bool {
        guard end - start >= suffix.count else { return false }
        var k = 0
        let from = end - suffix.count
        while k < suffix.count {
            if b[from + k] != suffix[k] { return false }
            k += 1
        }
        return true
    }

    /// Number of scalars in `b[start..<end]`.
    @inline(__always)
    static func scalarCount(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var n = 0
        var i = start
        while i < end { if b[i] & 0xC0 != 0x80 { n &+= 1 }; i &+= 1 }
        return n
    }
}
