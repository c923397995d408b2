import PolicyCore
#if canImport(Glibc)
import Glibc
#endif

/// The result of decoding a file: UTF-8 text and the map back to original bytes.
struct DecodedBytes {
    var encoding: SourceEncoding
    var utf8: [UInt8]
    /// Original offset per decoded byte plus end sentinel, or empty for `offset + shift`.
    var map: [Int32]
    var shift: Int
    var replacements: Int
    /// Number of scalars; -1 when not counted (valid UTF-8 read as is: see `scalars`).
    var scalarCount: Int
    /// C0 control characters other than tab, line feed, carriage return, form feed and vertical tab.
    var controls: Int = 0

    /// The number of scalars (counted now if the decoder did not).
    var scalars: Int {
        if scalarCount >= 0 { return scalarCount }
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 { n &+= 1 }
        return n
    }
}

/// Detects the encoding of raw file bytes (BOM, NUL patterns, UTF-8 validity, GB18030) and decodes them.
enum EncodingDetector {
    static func decode(_ bytes: [UInt8], path: String) throws -> DecodedBytes {
        if bytes.isEmpty { throw KGError(file: path, "empty file") }
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            var d = decodeUTF8(bytes, from: 3)
            d.encoding = .utf8BOM
            return d
        }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return decodeUTF16(bytes, from: 2, littleEndian: true) }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return decodeUTF16(bytes, from: 2, littleEndian: false) }
        if let littleEndian = utf16ByNULPattern(bytes) { return countControls(decodeUTF16(bytes, from: 0, littleEndian: littleEndian)) }
        let nul = firstNUL(bytes)
        let asUTF8 = decodeUTF8(bytes, from: 0)
        if asUTF8.replacements == 0 && nul == nil { return asUTF8 }
        // UTF-16 without BOM and with few ASCII characters: accept an endianness whose units read as text.
        // (Only for bytes that are not valid UTF-8: ASCII pairs would read as CJK ideographs.)
        if bytes.count % 2 == 0 {
            for littleEndian in [true, false] where utf16LooksLikeText(bytes, littleEndian: littleEndian) {
                return countControls(decodeUTF16(bytes, from: 0, littleEndian: littleEndian))
            }
        }
        if let nul {
            let line = 1 + bytes[0..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw KGError(file: path, line: line, "binary file (NUL byte at offset \(nul))")
        }
        if let asGB = GB18030Decoder.decode(bytes), asGB.replacements < asUTF8.replacements {
            return countControls(asGB)
        }
        return countControls(asUTF8)
    }

    /// Offset of the first NUL byte (memchr), nil if none.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, let hit = memchr(base, 0, b.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    static func countControls(_ d: DecodedBytes) -> DecodedBytes {
        var d = d
        var n = 0
        for b in d.utf8 where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x0B { n += 1 }
        d.controls = n
        return d
    }

    /// At least 95% of the first 4096 code units are CJK ideographs, CJK or general punctuation, full-width forms,
    /// printable ASCII or line breaks.
    static func utf16LooksLikeText(_ bytes: [UInt8], littleEndian: Bool) -> Bool {
        let n = min(bytes.count, 8192) & ~1
        guard n >= 8 else { return false }
        var good = 0
        var i = 0
        while i < n {
            let u = littleEndian ? UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 : UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
            if ScalarClass.isCJK(u) || (u >= 0x20 && u < 0x7F) || u == 0x0A || u == 0x0D || u == 0x3000
                || (u >= 0xFF00 && u <= 0xFFEF) || (u >= 0x2000 && u <= 0x206F) {
                good += 1
            }
            i += 2
        }
        return good * 20 >= (n / 2) * 19
    }

    /// UTF-16 without BOM: ASCII-heavy text shows NULs at every other byte.
    static func utf16ByNULPattern(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        var i = 0
        while i < n {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
            i += 2
        }
        let pairs = n / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs { return true }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs { return false }
        return nil
    }

    /// Decodes UTF-8 from `start`, replacing each invalid byte by U+FFFD mapped to that byte.
    static func decodeUTF8(_ bytes: [UInt8], from start: Int) -> DecodedBytes {
        let decoded = bytes.withUnsafeBufferPointer { b -> DecodedBytes in
            let n = b.count
            let firstInvalid = firstInvalidUTF8(b, from: start)
            if firstInvalid < 0 {
                // Valid: the text is the bytes themselves (copied below only when a BOM is dropped). The scalar count
                // is taken only if asked for (see `DecodedBytes.scalarCount`).
                return DecodedBytes(encoding: .utf8, utf8: [], map: [], shift: start, replacements: 0, scalarCount: -1)
            }
            var scalars = 0
            for k in start..<firstInvalid where b[k] & 0xC0 != 0x80 { scalars &+= 1 }
            var out: [UInt8] = Array(b[start..<firstInvalid])
            out.reserveCapacity(n - start + 64)
            var map: [Int32] = (start..<firstInvalid).map { Int32($0) }
            map.reserveCapacity(n - start + 65)
            var replacements = 0
            var i = firstInvalid
            while i < n {
                let len = validSequenceLength(b, at: i)
                if len == 0 {
                    out.append(0xEF); out.append(0xBF); out.append(0xBD)
                    map.append(Int32(i)); map.append(Int32(i)); map.append(Int32(i))
                    replacements += 1; scalars += 1; i += 1
                } else {
                    for k in i..<(i + len) { out.append(b[k]); map.append(Int32(i)) }
                    scalars += 1; i += len
                }
            }
            map.append(Int32(n))
            return DecodedBytes(encoding: .utf8, utf8: out, map: map, shift: 0,
                                replacements: replacements, scalarCount: scalars)
        }
        guard decoded.replacements == 0 && decoded.map.isEmpty else { return decoded }
        var valid = decoded
        valid.utf8 = start == 0 ? bytes : Array(bytes[start...])
        return valid
    }

    /// Offset of the first byte from `start` that begins no well-formed UTF-8 sequence, -1 if there is none.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = b.count
        guard let base = b.baseAddress else { return -1 }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i < n {
            // Eight bytes at a time: two three-byte sequences (ideographs and CJK punctuation, the bulk of the text)
            // or eight ASCII bytes. A lead E0 or ED needs the exact test below (bit 0 and 13 of 0xDFFE are clear).
            while i &+ 8 <= n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0,
                   (0xDFFE &>> (w & 0x0F)) & (0xDFFE &>> ((w &>> 24) & 0x0F)) & 1 != 0 {
                    i &+= 6; continue
                }
                if w & 0x8080_8080_8080_8080 == 0 { i &+= 8; continue }
                break
            }
            guard i < n else { break }
            let lead = b[i]
            if lead < 0x80 { i &+= 1; continue }
            if lead &- 0xE1 < 0x0C, i &+ 2 < n, b[i &+ 1] & 0xC0 == 0x80, b[i &+ 2] & 0xC0 == 0x80 {
                i &+= 3; continue
            }
            let len = validSequenceLength(b, at: i)
            if len == 0 { return i }
            i &+= len
        }
        return -1
    }

    /// Length of the well-formed UTF-8 sequence at `i`, or 0 if ill-formed (Unicode table 3-7).
    @inline(__always)
    static func validSequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = b[i]
        if b0 < 0x80 { return 1 }
        let n = b.count
        func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(i + 1) && cont(i + 2) else { return 0 }
            let b1 = b[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return 0 }
            if b0 == 0xED && b1 > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard cont(i + 1) && cont(i + 2) && cont(i + 3) else { return 0 }
            let b1 = b[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return 0 }
            if b0 == 0xF4 && b1 > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// Decodes UTF-16 from `start`; unpaired surrogates and a dangling odd byte become U+FFFD.
    static func decodeUTF16(_ bytes: [UInt8], from start: Int, littleEndian: Bool) -> DecodedBytes {
        var out: [UInt8] = []
        var map: [Int32] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        map.reserveCapacity(bytes.count * 3 / 2 + 1)
        var replacements = 0, scalars = 0
        func unit(_ k: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[k]) | UInt32(bytes[k + 1]) << 8 : UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1])
        }
        func emit(_ v: UInt32, at offset: Int) {
            let before = out.count
            UTF8Bytes.append(v, to: &out)
            for _ in before..<out.count { map.append(Int32(offset)) }
            scalars += 1
        }
        var i = start
        while i < bytes.count {
            if i + 1 >= bytes.count { emit(0xFFFD, at: i); replacements += 1; i += 1; continue }
            let u = unit(i)
            if u >= 0xD800 && u <= 0xDBFF, i + 3 < bytes.count {
                let lo = unit(i + 2)
                if lo >= 0xDC00 && lo <= 0xDFFF {
                    emit(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), at: i); i += 4; continue
                }
            }
            if u >= 0xD800 && u <= 0xDFFF { emit(0xFFFD, at: i); replacements += 1; i += 2; continue }
            emit(u, at: i); i += 2
        }
        map.append(Int32(bytes.count))
        return DecodedBytes(encoding: littleEndian ? .utf16LE : .utf16BE, utf8: out, map: map, shift: 0,
                            replacements: replacements, scalarCount: scalars)
    }
}
