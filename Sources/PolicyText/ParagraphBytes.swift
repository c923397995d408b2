/// Byte-level tests on a paragraph of clean UTF-8 (a byte range of valid UTF-8): the cheap first checks of the
/// String-based recognisers in `ParagraphRoles`, `ChineseDate` and `DocNumber`, so that the segmenter builds a
/// paragraph's String only when a recogniser can accept it. Each test is implied by its recogniser accepting.
enum ParagraphBytes {
    /// Number of Unicode scalars in `range`.
    @inline(__always)
    static func scalarCount(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        for i in range where b[i] & 0xC0 != 0x80 { n &+= 1 }
        return n
    }

    /// The scalar starting at byte `i` and its length.
    @inline(__always)
    static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        UTF8Bytes.decode(b, at: i)
    }

    /// The first scalar other than an ASCII space and the byte after it (nil for an empty or all-space range).
    static func firstNonSpaceScalar(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (value: UInt32, next: Int)? {
        var i = range.lowerBound
        while i < range.upperBound && b[i] == 0x20 { i += 1 }
        guard i < range.upperBound else { return nil }
        let (v, n) = scalar(b, at: i)
        return (v, i + n)
    }

    /// The last scalar of a non-empty range.
    static func lastScalar(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32 {
        var i = range.upperBound - 1
        while i > range.lowerBound && b[i] & 0xC0 == 0x80 { i -= 1 }
        return scalar(b, at: i).value
    }

    /// The scalars that end a sentence or clause (`Punctuation.clauseEnders`).
    @inline(__always)
    static func isSentenceEnder(_ v: UInt32) -> Bool { Punctuation.clauseEnders.contains(v) }

    /// True when the range holds byte `x`.
    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ x: UInt8) -> Bool {
        for i in range where b[i] == x { return true }
        return false
    }

    /// True when the bytes contain 关于 or 印发.
    static func containsTitleWord(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        // 关 E5 85 B3, 于 E4 BA 8E, 印 E5 8D B0, 发 E5 8F 91: both words start with E5, found eight bytes at a time.
        let last = range.upperBound - 6
        @inline(__always) func wordAt(_ p: Int) -> Bool {
            guard p <= last, b[p] == 0xE5 else { return false }
            return b[p + 1] == 0x85 && b[p + 2] == 0xB3 && b[p + 3] == 0xE4 && b[p + 4] == 0xBA && b[p + 5] == 0x8E
                || b[p + 1] == 0x8D && b[p + 2] == 0xB0 && b[p + 3] == 0xE5 && b[p + 4] == 0x8F && b[p + 5] == 0x91
        }
        var i = range.lowerBound
        guard i <= last, let base = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= range.upperBound {
            // Bytes equal to E5 become zero bytes of y; the borrow trick marks them (and perhaps bytes above them).
            let y = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ 0xE5E5_E5E5_E5E5_E5E5
            var marks = (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080
            while marks != 0 {
                if wordAt(i + marks.trailingZeroBitCount / 8) { return true }
                marks &= marks &- 1
            }
            i += 8
        }
        while i <= last {
            if wordAt(i) { return true }
            i += 1
        }
        return false
    }

    /// `ParagraphRoles.newsSourceWithDate` can accept the paragraph: 12–30 scalars, and its date (the last 8–10
    /// scalars, so within the last 40 bytes) has a '-', '.', '/' or '．' separator.
    static func mayEndWithNumericDate(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let n = scalarCount(b, range)
        guard n >= 12, n <= 30 else { return false }
        var i = max(range.lowerBound, range.upperBound - 40)
        while i < range.upperBound {
            let x = b[i]
            if x == 0x2D || x == 0x2E || x == 0x2F { return true }
            if x == 0xEF && i + 2 < range.upperBound && b[i + 1] == 0xBC && b[i + 2] == 0x8E { return true }   // ．
            i += 1
        }
        return false
    }

    /// A header line can start here: `ParagraphRoles.isHeaderLine` needs 签 first or only rule characters.
    static func mayBeHeaderLine(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        switch scalar(b, at: range.lowerBound).value {
        case 0x7B7E, 0x20, 0x2D, 0x5F, 0x3D, 0x2A, 0x2500...0x257F, 0x2014, 0x2605, 0x2606: return true
        default: return false
        }
    }

    /// `ParagraphRoles.isHeadingShaped` on bytes (same result for valid UTF-8).
    static func isHeadingShaped(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, maximumLength: Int) -> Bool {
        guard !range.isEmpty, range.count <= maximumLength * 4 else { return false }
        if isSentenceEnder(lastScalar(b, range)) { return false }
        let n = scalarCount(b, range)
        guard n >= 2, n <= maximumLength else { return false }
        return !containsFullStopOrSemicolon(b, range)
    }

    /// True when the bytes contain 。 (E3 80 82) or ； (EF BC 9B).
    static func containsFullStopOrSemicolon(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        let end = range.upperBound - 2
        if let base = b.baseAddress {
            // Eight bytes at a time: bytes E3 or EF become zero bytes of y or z, which the borrow trick marks (and
            // perhaps bytes above them): each mark is tested.
            let raw = UnsafeRawPointer(base)
            while i + 8 <= range.upperBound {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let y = w ^ 0xE3E3_E3E3_E3E3_E3E3, z = w ^ 0xEFEF_EFEF_EFEF_EFEF
                var marks = ((y &- 0x0101_0101_0101_0101) & ~y | (z &- 0x0101_0101_0101_0101) & ~z) & 0x8080_8080_8080_8080
                while marks != 0 {
                    let p = i + marks.trailingZeroBitCount / 8
                    if p < end && (b[p] == 0xE3 && b[p + 1] == 0x80 && b[p + 2] == 0x82
                                   || b[p] == 0xEF && b[p + 1] == 0xBC && b[p + 2] == 0x9B) { return true }
                    marks &= marks &- 1
                }
                i += 8
            }
        }
        while i < end {
            let lead = b[i]
            if lead == 0xE3, b[i + 1] == 0x80, b[i + 2] == 0x82 { return true }
            if lead == 0xEF, b[i + 1] == 0xBC, b[i + 2] == 0x9B { return true }
            i += 1
        }
        return false
    }

    /// A date can start here (`ChineseDate.parseWhole` needs a digit or Chinese digit first, perhaps after （ or ().
    static func mayBeDate(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let (first, next) = firstNonSpaceScalar(b, range) else { return false }
        @inline(__always) func digit(_ v: UInt32) -> Bool { ScalarClass.isASCIIDigit(v) || ChineseDate.isChineseDigit(v) }
        if digit(first) { return true }
        guard first == 0xFF08 || first == 0x28, next < range.upperBound else { return false }
        return digit(scalar(b, at: next).value)
    }

    /// `ParagraphRoles.startsWithCreditWord` on bytes: 来, 信, 文 or 稿 first, directly or after （ or (.
    static func startsWithCreditWord(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let s = range.lowerBound, count = range.count
        // 来 E6 9D A5, 信 E4 BF A1, 文 E6 96 87, 稿 E7 A8 BF.
        func creditWord(at i: Int) -> Bool {
            guard i + 3 <= count else { return false }
            let (x, y, z) = (b[s + i], b[s + i + 1], b[s + i + 2])
            return (x == 0xE6 && y == 0x9D && z == 0xA5) || (x == 0xE4 && y == 0xBF && z == 0xA1)
                || (x == 0xE6 && y == 0x96 && z == 0x87) || (x == 0xE7 && y == 0xA8 && z == 0xBF)
        }
        if creditWord(at: 0) { return true }
        if count >= 1, b[s] == 0x28 { return creditWord(at: 1) }                                           // (
        if count >= 3, b[s] == 0xEF, b[s + 1] == 0xBC, b[s + 2] == 0x88 { return creditWord(at: 3) }       // （
        return false
    }

    /// The paragraph starts with 附 (E9 99 84), as every attachment line does.
    @inline(__always)
    static func startsWithAttachmentMark(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.count >= 3 && b[range.lowerBound] == 0xE9 && b[range.lowerBound + 1] == 0x99 && b[range.lowerBound + 2] == 0x84
    }
}
