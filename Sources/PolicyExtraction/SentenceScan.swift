import PolicyText

/// What one pass over a clean sentence's bytes finds for the cheap tests of every sentence rule: the rules and
/// the passage reader read these facts instead of each scanning the sentence for its own words.
///
/// Every fact is a superset test (a rule then reads the sentence itself), found by `SentenceScanner.scan`.
struct SentenceScan: Sendable, Equatable {
    /// An ASCII number ("12", "3.5", "1,200") followed, after spaces, by a scalar that can start a unit, a magnitude
    /// or a range dash (`TargetExtractor.quantityFollowers`), or written after a comparator sign (≥71): a target
    /// needs one.
    var hasDigitQuantity = false
    /// A word that can state a document or a relation: one of `SentenceCueWords`.
    var hasCue = false
    /// The byte offset just past the first year written with digits ("2025年", "2025 年"), nil when none.
    var firstYearEnd: Int?
    /// A numeral of a count (一 二 两 三 … 十 百, `ChineseNumerals.isCardinalScalar`).
    var hasChineseNumeral = false
    /// A run of Chinese numerals followed by a scalar that can start a unit (一百个, 十三亿六千万人, 二十六点一万亿元),
    /// or a numeral before 成 or 分之 (两成, 百分之四十七, 六分之五). A single numeral before a classifier (一个, 两项)
    /// counts most things in passing and does not count.
    var hasChineseQuantity = false
    /// ， ； 。 or an ASCII comma (a heading has none).
    var hasClauseMark = false
    /// 标 (of 目标, 指标) with a colon at most three scalars after it: a goal announcement may be there.
    var mayAnnounceGoals = false
    /// The byte offset just past the first scalar that opens a review phrase (`PassageTense.reviewOpenings`), nil
    /// when none.
    var firstReviewScalarEnd: Int?
    /// An ASCII pipe `|` (a table row's cell border): an allocation table's lines need one.
    var hasPipe = false
    /// A colon, `:` or `：` (a table's unit line states its unit after one).
    var hasColon = false

    /// Whether a year ends at or before the byte offset `end`.
    func holdsYear(before end: Int) -> Bool { firstYearEnd.map { $0 <= end } ?? false }
}

/// The one byte-level scan of a sentence (`SentenceScan`): each three-byte scalar (most of the text) is decoded in
/// place and looked up once in a table of the classes it belongs to — the ends of cue words, numerals, clause
/// marks, first scalars of review phrases, the 标 of a goal word, colons — built from the lists the rules read, so
/// the prefilter cannot drift from them. ASCII numbers are read as one token; ASCII colons and pipes are noted.
/// `bytes` must be valid UTF-8 (clean text is).
struct SentenceScanner: Sendable {
    private let cues: SentenceCueWords
    /// Bit v is set for every BMP scalar that can follow a number in a quantity; empty: every number is one.
    private let quantityFollowers: [UInt64]
    /// The classes of every BMP scalar, as the bits below.
    private let classes: [UInt8]

    private static let cueEnd: UInt8 = 1 << 0
    private static let numeral: UInt8 = 1 << 1
    private static let clauseMark: UInt8 = 1 << 2
    private static let reviewFirst: UInt8 = 1 << 3
    private static let goalWordEnd: UInt8 = 1 << 4
    private static let colon: UInt8 = 1 << 5

    /// The scalars after 标 within which a colon makes an announcement.
    private static let announcementReach = 3

    init(cues: SentenceCueWords, quantityFollowers: [UInt64], reviewFirstScalars: [Unicode.Scalar]) {
        self.cues = cues
        self.quantityFollowers = quantityFollowers
        var classes = [UInt8](repeating: 0, count: 0x10000)
        let cardinal = ChineseNumerals.cardinalScalarBits
        for v in 0..<0x10000 {
            if cues.mayEndCue(UInt32(v)) { classes[v] |= Self.cueEnd }
            if cardinal[v >> 6] >> UInt64(v & 63) & 1 != 0 { classes[v] |= Self.numeral }
        }
        func mark(_ scalars: String, _ bit: UInt8) {
            for s in scalars.unicodeScalars { classes[Int(s.value)] |= bit }
        }
        mark("，；。", Self.clauseMark)
        mark("标", Self.goalWordEnd)
        mark("：", Self.colon)
        for s in reviewFirstScalars where s.value < 0x10000 { classes[Int(s.value)] |= Self.reviewFirst }
        self.classes = classes
    }

    /// The facts of the sentence `bytes[range]`.
    func scan(_ bytes: [UInt8], _ range: Range<Int>) -> SentenceScan {
        var facts = SentenceScan()
        // Chinese numerals in a row so far, and scalars left after a 标 in which a colon announces goals.
        var numerals = 0
        var reach = 0
        let followers = quantityFollowers
        classes.withUnsafeBufferPointer { classes in
        bytes.withUnsafeBufferPointer { b in
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let lead = b[i]
                if lead & 0xF0 == 0xE0, i + 3 <= end {
                    let v = threeByteScalarValue(b, i)
                    let c = classes[Int(v)]
                    // (Most scalars: of no class, outside a numeral run and out of a goal word's reach.)
                    if c == 0, numerals == 0, reach == 0 { i += 3; continue }
                    if c & Self.colon != 0 { facts.hasColon = true }
                    if reach > 0 {
                        if c & Self.colon != 0 { facts.mayAnnounceGoals = true }
                        reach -= 1
                    }
                    if c & Self.cueEnd != 0, !facts.hasCue {
                        // (Every cue's first scalar is a three-byte one too: the one before is decoded only now.)
                        let previous = i - 3 >= range.lowerBound && b[i - 3] & 0xF0 == 0xE0 ? threeByteScalarValue(b, i - 3) : 0
                        if cues.endsCue(previous: previous, v) { facts.hasCue = true }
                    }
                    if c & Self.clauseMark != 0 { facts.hasClauseMark = true }
                    if c & Self.reviewFirst != 0, facts.firstReviewScalarEnd == nil { facts.firstReviewScalarEnd = i + 3 }
                    if c & Self.goalWordEnd != 0 { reach = Self.announcementReach }
                    // A quantity in Chinese numerals: a run of them (点 inside one), then what follows the run.
                    if c & Self.numeral != 0 || numerals > 0 && v == 0x70B9 {                          // 点
                        if c & Self.numeral != 0 { facts.hasChineseNumeral = true }
                        numerals += 1
                    } else if numerals > 0 {
                        if v == 0x6210 { facts.hasChineseQuantity = true }                             // 成
                        if v == 0x5206, i + 6 <= end, b[i + 3] == 0xE4, b[i + 4] == 0xB9, b[i + 5] == 0x8B {
                            facts.hasChineseQuantity = true                                            // 分之
                        }
                        if numerals >= 2, followers.isEmpty || followers[Int(v >> 6)] >> UInt64(v & 63) & 1 != 0 {
                            facts.hasChineseQuantity = true
                        }
                        numerals = 0
                    }
                    i += 3
                } else if lead < 0x80 {
                    numerals = 0
                    if lead &- 0x30 <= 9 {
                        i = readNumber(bytes, b, at: i, in: range, followers: followers, reach: &reach, into: &facts)
                        continue
                    }
                    if reach > 0 {
                        if lead == 0x3A { facts.mayAnnounceGoals = true }                              // :
                        reach -= 1
                    }
                    if lead == 0x2C { facts.hasClauseMark = true }                                     // ,
                    if lead == 0x7C { facts.hasPipe = true }                                           // |
                    if lead == 0x3A { facts.hasColon = true }                                          // :
                    i += 1
                } else {
                    // Two- and four-byte scalars belong to no class.
                    numerals = 0
                    if reach > 0 { reach -= 1 }
                    i += decodeScalar(bytes, at: i, limit: end).1
                }
            }
        }
        }
        return facts
    }

    /// Reads the ASCII number at `start` (digits with "." "．" "," inside) and what follows it: a year (年 after
    /// it, perhaps after one space), a quantity (a follower after spaces, or a comparator sign before it).
    /// Returns the end of the number.
    @inline(__always)
    private func readNumber(_ bytes: [UInt8], _ b: UnsafeBufferPointer<UInt8>, at start: Int, in range: Range<Int>, followers: [UInt64],
                            reach: inout Int, into facts: inout SentenceScan) -> Int {
        let end = range.upperBound
        // A value after a comparator sign (≥71) needs no unit.
        if !facts.hasDigitQuantity, Self.comparatorSignBefore(b, start, from: range.lowerBound) { facts.hasDigitQuantity = true }
        var j = start
        var scalars = 0
        while j < end {
            let c = b[j]
            if c &- 0x30 <= 9 || c == 0x2E { j += 1 }
            else if c == 0x2C { facts.hasClauseMark = true; j += 1 }                                   // ,
            else if c == 0xEF, j + 2 < end, b[j + 1] == 0xBC, b[j + 2] == 0x8E { j += 3 }              // ．
            else { break }
            scalars += 1
        }
        reach = max(0, reach - scalars)
        // A year: the number's last digit, perhaps one space, 年 (E5 B9 B4).
        if facts.firstYearEnd == nil, b[j - 1] &- 0x30 <= 9 {
            var k = j
            if k < end, b[k] == 0x20 { k += 1 }
            if k + 3 <= end, b[k] == 0xE5, b[k + 1] == 0xB9, b[k + 2] == 0xB4 { facts.firstYearEnd = k + 3 }
        }
        if !facts.hasDigitQuantity {
            var k = j
            while k < end {
                if b[k] == 0x20 || b[k] == 0x09 { k += 1 }
                else if b[k] == 0xC2, k + 1 < end, b[k + 1] == 0xA0 { k += 2 }                          // no-break space
                else if b[k] == 0xE3, k + 2 < end, b[k + 1] == 0x80, b[k + 2] == 0x80 { k += 3 }       // ideographic space
                else { break }
            }
            if k < end {
                let next = decodeScalar(bytes, at: k, limit: end).0.value
                facts.hasDigitQuantity = followers.isEmpty || next < 0x10000 && followers[Int(next >> 6)] >> UInt64(next & 63) & 1 != 0
            }
        }
        return j
    }

    /// True when a comparator sign (≥ ≤ ≧ ≦ ⩽ ⩾ ＞ ＜ > <) stands right before the number at `i`, perhaps after a space.
    @inline(__always)
    static func comparatorSignBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, from start: Int) -> Bool {
        var k = i
        if k > start, b[k - 1] == 0x20 { k -= 1 }
        guard k > start else { return false }
        if b[k - 1] == 0x3E || b[k - 1] == 0x3C { return true }                                   // > <
        guard k - 3 >= start else { return false }
        let (b0, b1, b2) = (b[k - 3], b[k - 2], b[k - 1])
        return b0 == 0xE2 && b1 == 0x89 && (0xA4...0xA7).contains(b2)                             // ≤ ≥ ≦ ≧
            || b0 == 0xE2 && b1 == 0xA9 && (b2 == 0xBD || b2 == 0xBE)                             // ⩽ ⩾
            || b0 == 0xEF && b1 == 0xBC && (b2 == 0x9C || b2 == 0x9E)                             // ＜ ＞
    }
}
