/// Byte-level helpers for UTF-8 text held in `[UInt8]` (always valid UTF-8 inside PolicyText).
enum UTF8Bytes {
    /// Length of the scalar whose lead byte is `lead` (1 for stray continuation bytes).
    @inline(__always)
    static func scalarLength(lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return lead < 0xC0 ? 1 : 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Decodes the scalar starting at `i` of valid UTF-8 `bytes`; returns its value and byte length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            guard i + 1 < bytes.count else { return (0xFFFD, 1) }
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < bytes.count else { return (0xFFFD, 1) }
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        guard i + 3 < bytes.count else { return (0xFFFD, 1) }
        return (((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[i + 2]) & 0x3F) << 6) | (UInt32(bytes[i + 3]) & 0x3F), 4)
    }

    static func decode(_ bytes: [UInt8], at i: Int) -> (value: UInt32, length: Int) {
        bytes.withUnsafeBufferPointer { decode($0, at: i) }
    }

    /// Appends the UTF-8 encoding of scalar `v`.
    @inline(__always)
    static func append(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Number of bytes `v` takes in UTF-8.
    @inline(__always)
    static func encodedLength(_ v: UInt32) -> Int {
        v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }

    /// Decodes a whole byte array to scalar values.
    static func scalars(_ bytes: [UInt8]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count / 2)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let (v, n) = decode(buf, at: i)
                out.append(v); i += n
            }
        }
        return out
    }

    /// Encodes scalar values to UTF-8 bytes.
    static func encode<S: Sequence>(_ scalars: S) -> [UInt8] where S.Element == UInt32 {
        var out: [UInt8] = []
        for v in scalars { append(v, to: &out) }
        return out
    }
}
