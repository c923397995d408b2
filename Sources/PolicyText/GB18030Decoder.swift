#if canImport(Glibc)
import Glibc
#endif

/// GB18030 (superset of GBK and GB2312) decoding through glibc `iconv`, one character at a time so that every
/// decoded scalar keeps the offset of its original bytes. Invalid bytes become U+FFFD.
/// Returns nil when the bytes do not look like Chinese text: fewer than 80% of the two-byte characters fall in the
/// GB2312 area (lead A1–F7, trail A1–FE), where nearly all characters of real Chinese text are.
enum GB18030Decoder {
    static func decode(_ bytes: [UInt8]) -> DecodedBytes? {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var out: [UInt8] = []
        var map: [Int32] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        map.reserveCapacity(bytes.count * 3 / 2 + 1)
        var replacements = 0, scalars = 0
        var pairs = 0, gb2312Pairs = 0
        var input = bytes
        var buffer = [CChar](repeating: 0, count: 16)
        let n = bytes.count
        var i = 0
        input.withUnsafeMutableBufferPointer { src in
            while i < n {
                let b0 = src[i]
                if b0 < 0x80 {
                    out.append(b0); map.append(Int32(i)); scalars += 1; i += 1; continue
                }
                var length = 0
                if b0 >= 0x81 && b0 <= 0xFE && i + 1 < n {
                    let b1 = src[i + 1]
                    if b1 >= 0x30 && b1 <= 0x39 { length = i + 3 < n ? 4 : 0 } else if b1 >= 0x40 && b1 != 0x7F && b1 != 0xFF {
                        length = 2
                        pairs += 1
                        if b0 >= 0xA1 && b0 <= 0xF7 && b1 >= 0xA1 && b1 <= 0xFE { gb2312Pairs += 1 }
                    }
                }
                var produced = 0
                if length > 0 {
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(src.baseAddress! + i)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = length
                    produced = buffer.withUnsafeMutableBufferPointer { dst -> Int in
                        var outPtr: UnsafeMutablePointer<CChar>? = dst.baseAddress
                        var outLeft = dst.count
                        _ = iconv(cd, nil, nil, nil, nil)
                        let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                        if r == -1 || inLeft != 0 { return 0 }
                        return dst.count - outLeft
                    }
                }
                if produced > 0 {
                    for k in 0..<produced { out.append(UInt8(bitPattern: buffer[k])); map.append(Int32(i)) }
                    scalars += 1
                    i += length
                } else {
                    out.append(0xEF); out.append(0xBF); out.append(0xBD)
                    map.append(Int32(i)); map.append(Int32(i)); map.append(Int32(i))
                    replacements += 1; scalars += 1
                    i += 1
                }
            }
        }
        map.append(Int32(n))
        if pairs == 0 || gb2312Pairs * 5 < pairs * 4 { return nil }
        return DecodedBytes(encoding: .gb18030, utf8: out, map: map, shift: 0,
                            replacements: replacements, scalarCount: scalars)
    }
}
