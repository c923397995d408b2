#if canImport(Glibc)
import Glibc
#endif

/// UTF-8 text decoded from a file, with the ORIGINAL byte offset of every decoded byte.
struct DecodedBytes {
    var utf8: [UInt8]
    /// `offsets[i]` = original byte offset of decoded byte `i`; one extra entry = original length.
    var offsets: [Int32]

    /// Appends U+FFFD for the undecodable original byte at `offset`.
    mutating func appendReplacement(forByteAt offset: Int) {
        utf8.append(contentsOf: [0xEF, 0xBF, 0xBD])
        offsets.append(contentsOf: [Int32(offset), Int32(offset), Int32(offset)])
    }
}

/// The charset an HTML page declares in its first bytes (`<meta charset=…>` or `content="…; charset=…"`),
/// lower-cased, or nil.
func declaredCharset(_ bytes: [UInt8]) -> String? {
    let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    let key = Array("charset".utf8)
    var i = 0
    while i + key.count < head.count {
        if head[i] == key[0], Array(head[i..<(i + key.count)]) == key {
            var j = i + key.count
            while j < head.count, head[j] == 0x20 { j += 1 }
            guard j < head.count, head[j] == UInt8(ascii: "=") else { i += 1; continue }
            j += 1
            while j < head.count, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
            var name: [UInt8] = []
            while j < head.count, name.count < 40 {
                let c = head[j]
                let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
                if !ok { break }
                name.append(c); j += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        i += 1
    }
    return nil
}

/// Whether `bytes` is valid UTF-8.
func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    var it = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&it) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}

/// Identity decoding for UTF-8 input (invalid sequences become U+FFFD mapped to their byte).
func decodeUTF8WithOffsets(_ bytes: [UInt8]) -> DecodedBytes {
    if isValidUTF8(bytes) {
        var offsets = [Int32](); offsets.reserveCapacity(bytes.count + 1)
        for i in 0...bytes.count { offsets.append(Int32(i)) }
        return DecodedBytes(utf8: bytes, offsets: offsets)
    }
    var out = DecodedBytes(utf8: [], offsets: [])
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        if i + length <= bytes.count, length > 1 || b < 0x80,
           case .scalarValue = { var d = UTF8(); var it = bytes[i..<(i + length)].makeIterator(); return d.decode(&it) }() {
            for k in 0..<length { out.utf8.append(bytes[i + k]); out.offsets.append(Int32(i)) }
            i += length
        } else {
            out.appendReplacement(forByteAt: i)
            i += 1
        }
    }
    out.offsets.append(Int32(bytes.count))
    return out
}

/// Decodes GB18030 (a superset of GBK and GB2312) to UTF-8 with glibc iconv, character by character so that
/// every decoded byte knows its original offset. Undecodable bytes become U+FFFD.
func decodeGB18030WithOffsets(_ bytes: [UInt8]) -> DecodedBytes {
    var out = DecodedBytes(utf8: [], offsets: [])
    out.utf8.reserveCapacity(bytes.count * 3 / 2)
    out.offsets.reserveCapacity(bytes.count * 3 / 2)
    let cd = iconv_open("UTF-8", "GB18030")
    defer { if cd != iconv_t(bitPattern: -1) { iconv_close(cd) } }
    var i = 0
    var scratch = [UInt8](repeating: 0, count: 16)
    while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
            out.utf8.append(b); out.offsets.append(Int32(i)); i += 1; continue
        }
        var length = 1
        if b >= 0x81 && b <= 0xFE && i + 1 < bytes.count {
            let c = bytes[i + 1]
            if c >= 0x30 && c <= 0x39 { length = 4 } else if c >= 0x40 && c <= 0xFE && c != 0x7F { length = 2 }
        }
        var produced = 0
        if length > 1, i + length <= bytes.count, cd != iconv_t(bitPattern: -1) {
            var input = Array(bytes[i..<(i + length)])
            produced = input.withUnsafeMutableBufferPointer { inBuf in
                scratch.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var inLeft = length
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return r == -1 || inLeft != 0 ? 0 : outBuf.count - outLeft
                }
            }
        }
        if produced > 0 {
            for k in 0..<produced { out.utf8.append(scratch[k]); out.offsets.append(Int32(i)) }
            i += length
        } else {
            out.appendReplacement(forByteAt: i)
            i += 1
        }
    }
    out.offsets.append(Int32(bytes.count))
    return out
}
