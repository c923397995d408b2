/// A span of UTF-8 text decoded to Unicode scalars, remembering the byte offset of every scalar,
/// so that extractors can work scalar by scalar and still report exact byte ranges.
struct ScalarSpan: Sendable {
    /// The decoded scalars.
    let scalars: [Unicode.Scalar]
    /// `offsets[i]` is the byte offset of `scalars[i]`; `offsets[scalars.count]` is the end offset.
    let offsets: [Int]
    /// The UTF-8 the scalars were decoded from (shared, not copied): strings are cut from it.
    let bytes: [UInt8]

    /// Decodes `bytes[range]` (assumed valid UTF-8, as NormalizedText guarantees; invalid bytes become U+FFFD).
    init(bytes: [UInt8], range: Range<Int>) {
        // Both arrays are reserved once (a scalar is at least one byte: `range.count` bounds both counts). (Not
        // `Array(unsafeUninitializedCapacity:)`: with this toolchain it looks the array's storage class up in the
        // runtime's generic metadata cache on every call, 2 % of ingest for the spans of every sentence.)
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(range.count)
        offsets.reserveCapacity(range.count + 1)
        bytes.withUnsafeBufferPointer { b in
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let lead = b[i]
                offsets.append(i)
                if lead < 0x80 {
                    scalars.append(Unicode.Scalar(lead))
                    i += 1
                } else if lead & 0xF0 == 0xE0, i + 3 <= end, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
                    // A three-byte scalar (ideographs, CJK punctuation), decoded as `decodeScalar` does.
                    scalars.append(Unicode.Scalar(threeByteScalarValue(b, i)) ?? "\u{FFFD}")
                    i += 3
                } else {
                    let (scalar, length) = decodeScalar(bytes, at: i, limit: end)
                    scalars.append(scalar)
                    i += length
                }
            }
            offsets.append(range.upperBound)
        }
        self.scalars = scalars
        self.offsets = offsets
        self.bytes = bytes
    }

    /// Decodes a string (byte offsets relative to the string's UTF-8).
    init(_ string: String) {
        let bytes = Array(string.utf8)
        self.init(bytes: bytes, range: 0..<bytes.count)
    }

    var count: Int { scalars.count }

    /// Byte range of scalars `range`.
    func byteRange(_ range: Range<Int>) -> Range<Int> { offsets[range.lowerBound]..<offsets[range.upperBound] }

    /// The scalars `range` as a String (cut from the UTF-8, which is valid: NormalizedText and String guarantee it).
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
    }

    /// Index of the scalar starting at byte offset `byte` (or the first one after it).
    func index(ofByte byte: Int) -> Int {
        var lo = 0, hi = offsets.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if offsets[mid] < byte { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// True when `word` occurs at scalar index `i`.
    func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= scalars.count else { return false }
        for k in 0..<word.count where scalars[i + k] != word[k] { return false }
        return true
    }

    /// First index ≥ `from` (and < `to`) where `word` occurs.
    func find(_ word: [Unicode.Scalar], from: Int = 0, to: Int? = nil) -> Int? {
        let end = min(to ?? scalars.count, scalars.count) - word.count
        guard !word.isEmpty, from <= end else { return nil }
        return scalars.withUnsafeBufferPointer { s in
            word.withUnsafeBufferPointer { w in
                let first = w[0]
                var i = max(from, 0)
                outer: while i <= end {
                    if s[i] == first {
                        for k in 1..<w.count where s[i + k] != w[k] { i += 1; continue outer }
                        return i
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}

/// The value of the three-byte UTF-8 sequence at `i` (bits taken as they stand: the caller has checked the lead
/// byte and that three bytes remain).
@inline(__always)
func threeByteScalarValue(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
    UInt32(b[i] & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
}

/// Decodes the scalar at `i` (never reading at or past `limit`); invalid sequences yield U+FFFD of length 1.
@inline(__always)
func decodeScalar(_ bytes: [UInt8], at i: Int, limit: Int) -> (Unicode.Scalar, Int) {
    let b0 = bytes[i]
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    let length: Int
    var value: UInt32
    if b0 & 0xE0 == 0xC0 { length = 2; value = UInt32(b0 & 0x1F) }
    else if b0 & 0xF0 == 0xE0 { length = 3; value = UInt32(b0 & 0x0F) }
    else if b0 & 0xF8 == 0xF0 { length = 4; value = UInt32(b0 & 0x07) }
    else { return ("\u{FFFD}", 1) }
    guard i + length <= limit else { return ("\u{FFFD}", 1) }
    for k in 1..<length {
        let b = bytes[i + k]
        guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
        value = value << 6 | UInt32(b & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
}

extension Unicode.Scalar {
    /// CJK unified ideographs (BMP blocks and extension A) and 〇.
    var isHanIdeograph: Bool {
        let v = value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || v == 0x3007
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    /// A–Z and a–z (the alphabetic scalars of ASCII).
    var isASCIILetter: Bool { (value | 0x20) &- 0x61 < 26 }
    var isFullWidthDigit: Bool { value >= 0xFF10 && value <= 0xFF19 }
    /// ASCII or full-width digit value.
    var digitValue: Int? {
        if isASCIIDigit { return Int(value - 0x30) }
        if isFullWidthDigit { return Int(value - 0xFF10) }
        return nil
    }
    var isInlineSpace: Bool { value == 0x20 || value == 0x09 || value == 0x3000 || value == 0xA0 }
}

/// True when `word` occurs in `s` at `i` (no allocation).
@inline(__always)
func scalarsMatch(_ s: [Unicode.Scalar], _ word: [Unicode.Scalar], at i: Int) -> Bool {
    guard i >= 0, i + word.count <= s.count else { return false }
    for k in 0..<word.count where s[i + k] != word[k] { return false }
    return true
}

extension Unicode.Scalar {
    /// ，。；：！？ and their ASCII forms, and the line break: where a clause ends.
    var isClausePunctuation: Bool {
        switch value {
        case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x0A: return true
        default: return false
        }
    }
    /// Dashes, tildes and 至 between the two ends of a range.
    var isRangeDash: Bool {
        switch value {
        case 0x2014, 0x2013, 0x2D, 0xFF0D, 0xFF5E, 0x7E, 0x81F3: return true // — – - － ～ ~ 至
        default: return false
        }
    }
}

/// Scalars of a string literal, for matching.
@inline(__always)
func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
