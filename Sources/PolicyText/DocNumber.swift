import PolicyGrammar

/// A document number (发文字号, 文号) as GB/T 9704-2012 §7.2.4 writes it — issuer code, year in 〔〕, serial, 号 —
/// in the variants real text brings: other brackets (`[2010]`, `(2010)`, `【2017】`, `﹝2009﹞`, `„2009‟`, `［］`),
/// spaces inside (`国发 〔2011〕 35 号`), traditional `號`, and announcement / order numbers
/// (`财政部 税务总局公告2022年第32号`, `…令第5号`).
///
/// The one parser of 文号 in the package: the segmenter, the citation extractor and the document node all read
/// 文号 through it.
///
///     docNumber    → prefix open year close serial hao
///     prefix       → han{1,12}                     (no leading prose word: 根据, 按照 …)
///     open / close → 〔〕 | [] | 【】 | () | （） | ［］ | ﹝﹞ | „‟ | ⌈⌉ | 〖〗
///     year         → digit (digit | zeroLookalike){3}   (1949–2100; 〇 ○ O o Ｏ for 0, kept as written)
///     serial       → digit{1,5}
///     hao          → 号 | 號
///     announcement → issuers (公告 | 令) (digit{4} 年)? 第 digit+ hao
public struct DocumentNumber: Hashable, Sendable {
    /// Normalised form: brackets 〔〕, no spaces, characters as written ("工信部联运行〔2022〕160号",
    /// "湘政發〔2017〕10號", "财政部 税务总局公告2022年第32号").
    public let text: String
    /// The 文号 as written in the text ("国发 〔2011〕 35 号", "舟政发(2010)54号").
    public let written: String
    /// Everything before the bracket (or before 公告/令): "工信部联运行".
    public let prefix: String
    /// The issuing body's code: "工信部", "财", "国科", "国办".
    public let issuerCode: String
    /// True when the prefix marks a joint issue ("联").
    public let isJoint: Bool
    /// What follows the issuer code (and "联"): "运行", "金", "发社", "发".
    public let category: String
    /// The year; 0 for an announcement number that states none ("…公告第5号").
    public let year: Int
    public let serial: Int
    /// True for announcement and order numbers ("…公告2022年第32号", "…令第5号").
    public let isAnnouncement: Bool
    /// True when lost glyphs were restored: a closing bracket and 号 dropped by text conversion ("亳政办〔20251").
    public let isRepaired: Bool

    // MARK: - Parsing

    /// Parses a text that is entirely a 文号: surrounding spaces, one pair of enclosing brackets ("（虹府办〔2005〕40号）")
    /// and a metadata label in front ("文号：", "发文字号", "【发文字号】") allowed. Also reads a whole line that lost its
    /// closing bracket and 号 in conversion ("亳政办〔20251" → 亳政办〔2025〕1号, marked `isRepaired`).
    public static func parse(_ text: String) -> DocumentNumber? {
        guard text.utf8.count <= 160 else { return nil }
        var s = Array(text.unicodeScalars)
        var lo = 0, hi = s.count
        trim(s, &lo, &hi)
        lo = DocumentLabels.skipMetadataLabel(s, from: lo, to: hi, labels: DocumentLabels.docNumberLabels)
        trim(s, &lo, &hi)
        if hi - lo >= 2, let close = enclosingClose(s[lo]), s[hi - 1] == close {
            lo += 1; hi -= 1
            trim(s, &lo, &hi)
        }
        guard hi > lo else { return nil }
        if lo > 0 || hi < s.count { s = Array(s[lo..<hi]) }
        if let (range, number) = scan(s, bracketAt: nil, from: 0, to: s.count, stripProse: false), range == 0..<s.count {
            return number
        }
        if let number = announcement(s, 0, s.count) { return number }
        return repaired(s)
    }

    /// All bracketed 文号 in scalars `from..<to` of `s`, with their scalar ranges ("根据《…》（财库〔2021〕20号）").
    public static func occurrences(in s: [Unicode.Scalar], from: Int, to: Int) -> [(range: Range<Int>, number: DocumentNumber)] {
        var out: [(range: Range<Int>, number: DocumentNumber)] = []
        var i = from
        while i < to {
            if isOpenBracket(s[i]), let (found, number) = scan(s, bracketAt: i, from: from, to: to, stripProse: true) {
                out.append((found, number))
                i = found.upperBound
                continue
            }
            i += 1
        }
        return out
    }

    /// All 文号 in a string (scalar ranges).
    public static func occurrences(in text: String) -> [(range: Range<Int>, number: DocumentNumber)] {
        let s = Array(text.unicodeScalars)
        return occurrences(in: s, from: 0, to: s.count)
    }

    // MARK: - Brackets

    @inline(__always)
    static func isOpenBracket(_ s: Unicode.Scalar) -> Bool { closing(of: s) != nil }

    /// The closing bracket of a 文号 opening bracket: 〔〕 [] 【】 () （） ［］ ﹝﹞ „‟ ⌈⌉ 〖〗.
    static func closing(of s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x3014: return "\u{3015}"
        case 0x5B: return "]"
        case 0x3010: return "\u{3011}"
        case 0x28: return ")"
        case 0xFF08: return "\u{FF09}"
        case 0xFF3B: return "\u{FF3D}"
        case 0xFE5D: return "\u{FE5E}"
        case 0x201E: return "\u{201F}"
        case 0x2308: return "\u{2309}"
        case 0x3016: return "\u{3017}"
        default: return nil
        }
    }

    @inline(__always)
    static func isCloseBracket(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3015, 0x5D, 0x3011, 0x29, 0xFF09, 0xFF3D, 0xFE5E, 0x201F, 0x201D, 0x2309, 0x3017: return true
        default: return false
        }
    }

    /// Brackets that may enclose a whole 文号 line: ( （ [ 【 ［.
    static func enclosingClose(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x28, 0xFF08, 0x5B, 0x3010, 0xFF3B: return closing(of: s)
        default: return nil
        }
    }

    @inline(__always)
    static func isHao(_ s: Unicode.Scalar) -> Bool { s == "号" || s == "號" }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" }

    @inline(__always)
    static func digit(_ s: Unicode.Scalar) -> Int? { ChineseDate.arabicDigit(s) }

    static func trim(_ s: [Unicode.Scalar], _ lo: inout Int, _ hi: inout Int) {
        while lo < hi, isSpace(s[lo]) { lo += 1 }
        while hi > lo, isSpace(s[hi - 1]) { hi -= 1 }
    }

    // MARK: - Grammar

    /// Words that precede a 文号 in prose and are not part of it.
    static let proseWords: [[Unicode.Scalar]] = ["根据", "按照", "依据", "落实", "参照", "执行", "贯彻", "印发", "转发", "详见", "以及",
                                                 "见", "即", "和", "及", "与", "或"].map { Array($0.unicodeScalars) }

    /// `docNumber` with its opening bracket at `bracketAt` (or, when nil, the first bracket from `from`); the
    /// prefix is read backwards from the bracket.
    static func scan(_ s: [Unicode.Scalar], bracketAt: Int?, from: Int, to: Int,
                     stripProse: Bool) -> (Range<Int>, DocumentNumber)? {
        var open = bracketAt ?? from
        if bracketAt == nil { while open < to, !isOpenBracket(s[open]) { open += 1 } }
        guard open < to, let close = closing(of: s[open]) else { return nil }
        // prefix → han{1,12}, spaces tolerated between it and the bracket.
        var p = open
        var han = 0
        while p > from {
            let c = s[p - 1]
            if isHao(c), p >= 2, digit(s[p - 2]) != nil { break }
            if ScalarClass.isIdeograph(c.value) { han += 1; p -= 1 } else if isSpace(c) && han == 0 { p -= 1 } else { break }
            if han >= 12 { break }
        }
        while p < open, isSpace(s[p]) { p += 1 }
        guard han >= 1 else { return nil }
        if stripProse {
            for word in proseWords where open - p > word.count && s[p..<(p + word.count)].elementsEqual(word) { p += word.count; break }
        }
        // year → digit{4}
        var i = open + 1
        while i < to, isSpace(s[i]) { i += 1 }
        var year = 0, yearDigits = 0
        let yearStart = i
        var lookalike = false
        while i < to, let d = digit(s[i]) ?? (yearDigits >= 1 && isZeroLookalike(s[i]) ? 0 : nil) {
            if digit(s[i]) == nil { lookalike = true }
            year = year * 10 + d; yearDigits += 1; i += 1
        }
        guard yearDigits == 4, (1949...2100).contains(year) else { return nil }
        // (A year typed or converted with a letter O for 0 is kept as written: "20O0".)
        let writtenYear = lookalike ? string(s[yearStart..<i]) : nil
        while i < to, isSpace(s[i]) { i += 1 }
        // (A „…” pair is written with either closing quote.)
        guard i < to, s[i] == close || (close == "\u{201F}" && s[i] == "\u{201D}") else { return nil }
        i += 1
        while i < to, isSpace(s[i]) { i += 1 }
        // serial → digit{1,5}
        var serial = 0, serialDigits = 0
        while i < to, let d = digit(s[i]) { serial = serial * 10 + d; serialDigits += 1; i += 1 }
        guard (1...5).contains(serialDigits) else { return nil }
        while i < to, isSpace(s[i]) { i += 1 }
        guard i < to, isHao(s[i]) else { return nil }
        let range = p..<(i + 1)
        let prefix = string(s[p..<open].filter { !isSpace($0) })
        return (range, make(prefix: prefix, year: year, serial: serial, hao: s[i], written: string(s[range]), writtenYear: writtenYear))
    }

    /// Characters written for a zero inside a year: 〇, ○, the letters O/o and their full-width forms.
    @inline(__always)
    static func isZeroLookalike(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3007, 0x25CB, 0x4F, 0x6F, 0xFF2F, 0xFF4F: return true
        default: return false
        }
    }

    /// `announcement → issuers (公告 | 令) (digit{4} 年)? 第 digit+ hao` over the whole of `s[lo..<hi]` (spaces
    /// between issuers kept, others dropped).
    static func announcement(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> DocumentNumber? {
        guard hi > lo, isHao(s[hi - 1]) else { return nil }
        var k = lo
        var marker: Range<Int>? = nil
        while k < hi {
            if s[k] == "公", k + 1 < hi, s[k + 1] == "告" { marker = k..<(k + 2); break }
            if s[k] == "令" { marker = k..<(k + 1); break }
            // (Joint issuers spaced or listed with 、: "某部 某总局公告…", "某部、某总局公告…".)
            guard ScalarClass.isIdeograph(s[k].value) || isSpace(s[k]) || (s[k] == "、" && k > lo) else { return nil }
            k += 1
        }
        guard let marker, marker.lowerBound > lo else { return nil }
        let rest = s[marker.upperBound..<hi].filter { !isSpace($0) }
        var j = 0
        var year = 0
        while j < rest.count, let d = digit(rest[j]) { year = year * 10 + d; j += 1 }
        guard j == 0 || (j == 4 && j < rest.count && rest[j] == "年" && (1949...2100).contains(year)) else { return nil }
        if j == 4 { j += 1 }
        guard j < rest.count, rest[j] == "第" else { return nil }
        j += 1
        var serial = 0, serialDigits = 0
        while j < rest.count, let d = digit(rest[j]) { serial = serial * 10 + d; serialDigits += 1; j += 1 }
        guard serialDigits > 0, j == rest.count - 1 else { return nil }
        var issuerEnd = marker.lowerBound
        while issuerEnd > lo, isSpace(s[issuerEnd - 1]) { issuerEnd -= 1 }
        let issuers = string(s[lo..<issuerEnd])
        let text = issuers + string(s[marker]) + string(rest[...])
        return DocumentNumber(text: text, written: string(s[lo..<hi]), prefix: issuers, issuerCode: issuers, isJoint: false,
                              category: string(s[marker]), year: year, serial: serial, isAnnouncement: true, isRepaired: false)
    }

    /// An announcement's heading as ministries and customs print it on their pages: the issuers' announcement number,
    /// then the title in brackets ("某某部 某某总署公告2031年第4号（关于…的公告）"). Returns the number as written
    /// without its issuers, "2031年第4号" (as `numberedTitle` gives it; the issuers are its `prefix`), and the title.
    /// Nil when the bracketed part names no document (ends with no genre word) or the number is not an
    /// announcement's.
    ///
    ///     announcementHeading → issuers '公告' sp? digit{4} '年' '第' digit+ hao sp? ('（' | '(') title(genre) ('）' | ')')
    public static func announcementHeading(_ line: String) -> (number: DocumentNumber, title: String)? {
        let s = Array(line.unicodeScalars)
        var lo = 0, hi = s.count
        trim(s, &lo, &hi)
        guard hi - lo >= 14, s[hi - 1] == "）" || s[hi - 1] == ")" else { return nil }
        // The bracket that opens right after the number's 号.
        guard let open = s[lo..<hi].firstIndex(where: { ($0 == "（" || $0 == "(") }), open > lo else { return nil }
        var numberEnd = open
        while numberEnd > lo, isSpace(s[numberEnd - 1]) { numberEnd -= 1 }
        guard numberEnd > lo, isHao(s[numberEnd - 1]), let number = announcement(s, lo, numberEnd), number.isAnnouncement,
              number.category == "公告", number.year > 0, !number.prefix.isEmpty else { return nil }
        let title = string(s[(open + 1)..<(hi - 1)]).trimmingSpaces
        guard title.unicodeScalars.count >= 6, let genre = GenreWords.genre(ofTitle: title), genre.kind != nil else { return nil }
        let numberText = "\(number.year)年第\(number.serial)" + string(s[(numberEnd - 1)..<numberEnd])
        return (DocumentNumber(text: numberText, written: numberText, prefix: number.prefix, issuerCode: number.prefix, isJoint: false,
                               category: number.category, year: number.year, serial: number.serial, isAnnouncement: true,
                               isRepaired: false), title)
    }

    /// The number an announcement's or order's title carries between its issuer and its genre word
    /// ("某某海关2031年第3号公告", "某某市人民政府2031年第2号令"): the number as written, "2031年第3号" (the issuer is
    /// the title's, the genre word its kind). Nil for any other title, and for a title with no issuer before the
    /// number ("2031年第3号公告" alone names no series).
    ///
    ///     numberedTitle → issuer:han{2,30} digit{4} '年' '第' digit{1,4} ('号' | '號') ('公告' | '通告' | '令')
    public static func numberedTitle(_ title: String) -> DocumentNumber? {
        let s = Array(title.unicodeScalars)
        var hi = s.count
        while hi > 0, isSpace(s[hi - 1]) { hi -= 1 }
        let genre: String
        if hi >= 2, s[hi - 2] == "公" || s[hi - 2] == "通", s[hi - 1] == "告" { genre = string(s[(hi - 2)..<hi]); hi -= 2 }
        else if hi >= 1, s[hi - 1] == "令" { genre = "令"; hi -= 1 } else { return nil }
        guard hi >= 1, isHao(s[hi - 1]) else { return nil }
        var i = hi - 1
        var serial = 0, scale = 1, serialDigits = 0
        while i > 0, serialDigits < 4, let d = digit(s[i - 1]) { serial += d * scale; scale *= 10; serialDigits += 1; i -= 1 }
        guard serialDigits >= 1, serial > 0, i >= 1, s[i - 1] == "第" else { return nil }
        i -= 1
        guard i >= 1, s[i - 1] == "年" else { return nil }
        i -= 1
        var year = 0
        scale = 1
        for _ in 0..<4 {
            guard i >= 1, let d = digit(s[i - 1]) else { return nil }
            year += d * scale; scale *= 10; i -= 1
        }
        guard (1949...2100).contains(year), i >= 2, i <= 30, (i > 0 && digit(s[i - 1]) == nil),
              s[0..<i].allSatisfy({ ScalarClass.isIdeograph($0.value) || isSpace($0) }) else { return nil }
        let issuer = string(s[0..<i].filter { !isSpace($0) })
        let number = string(s[(i)..<hi])
        return DocumentNumber(text: number, written: number, prefix: issuer, issuerCode: issuer, isJoint: false,
                              category: genre, year: year, serial: serial, isAnnouncement: true, isRepaired: false)
    }

    /// A whole line that lost its closing bracket and 号 in conversion: `prefix open digit{4} digit{1,4}`.
    static func repaired(_ s: [Unicode.Scalar]) -> DocumentNumber? {
        guard let open = s.firstIndex(where: isOpenBracket), open >= 1, open <= 12,
              s[..<open].allSatisfy({ ScalarClass.isIdeograph($0.value) }),
              !proseWords.contains(where: { open > $0.count && s[..<$0.count].elementsEqual($0) }) else { return nil }
        let digits = s[(open + 1)...]
        guard (5...8).contains(digits.count), digits.allSatisfy({ digit($0) != nil }) else { return nil }
        let values = digits.map { digit($0)! }
        let year = values.prefix(4).reduce(0) { $0 * 10 + $1 }
        let serial = values.dropFirst(4).reduce(0) { $0 * 10 + $1 }
        guard (1949...2100).contains(year), serial > 0 else { return nil }
        var number = make(prefix: string(s[..<open]), year: year, serial: serial, hao: "号", written: string(s[...]))
        number = DocumentNumber(text: number.text, written: number.written, prefix: number.prefix, issuerCode: number.issuerCode,
                                isJoint: number.isJoint, category: number.category, year: year, serial: serial,
                                isAnnouncement: false, isRepaired: true)
        return number
    }

    /// A 文号 whose brackets a flattening lost, at `start` of `s` and followed by more text ("滨教函202011号滨州市…"):
    /// the issuer code, four digits of a year (1949–2100), the serial, 号. Read only where a 文号 stands (before a
    /// title at a line's start): elsewhere "2020" and a serial are any number. Marked `isRepaired`.
    ///
    ///     bracketlessDocNumber → han{2,8} digit{4} digit{1,4} ('号' | '號')
    static func bracketless(_ s: [Unicode.Scalar], at start: Int) -> (end: Int, number: DocumentNumber)? {
        var i = start
        while i < s.count, i - start < 8, ScalarClass.isIdeograph(s[i].value) { i += 1 }
        let prefixEnd = i
        guard prefixEnd - start >= 2,
              !proseWords.contains(where: { prefixEnd - start > $0.count && s[start..<(start + $0.count)].elementsEqual($0) }) else { return nil }
        while i < s.count, i - prefixEnd < 8, digit(s[i]) != nil { i += 1 }
        let digits = s[prefixEnd..<i].map { digit($0)! }
        guard (5...8).contains(digits.count), i < s.count, s[i] == "号" || s[i] == "號" else { return nil }
        let year = digits.prefix(4).reduce(0) { $0 * 10 + $1 }
        let serial = digits.dropFirst(4).reduce(0) { $0 * 10 + $1 }
        guard (1949...2100).contains(year), serial > 0 else { return nil }
        let made = make(prefix: string(s[start..<prefixEnd]), year: year, serial: serial, hao: s[i], written: string(s[start...i]))
        return (i + 1, DocumentNumber(text: made.text, written: made.written, prefix: made.prefix, issuerCode: made.issuerCode,
                                      isJoint: made.isJoint, category: made.category, year: year, serial: serial,
                                      isAnnouncement: false, isRepaired: true))
    }

    static func make(prefix: String, year: Int, serial: Int, hao: Unicode.Scalar, written: String,
                     writtenYear: String? = nil) -> DocumentNumber {
        let (code, joint, category) = splitPrefix(Array(prefix.unicodeScalars))
        var text = prefix
        text += "〔\(writtenYear ?? String(year))〕\(serial)"
        text.unicodeScalars.append(hao)
        return DocumentNumber(text: text, written: written, prefix: prefix, issuerCode: code, isJoint: joint,
                              category: category, year: year, serial: serial, isAnnouncement: false, isRepaired: false)
    }

    /// Splits "工信部联运行" → ("工信部", true, "运行"); "财金" → ("财", false, "金"); "国科发社" → ("国科", false, "发社").
    /// An explicit "联" ends the issuer code; otherwise the code runs through "部"/"委"/"办" within the first three
    /// characters, else two characters when the prefix starts with 国/中, else one character.
    static func splitPrefix(_ p: [Unicode.Scalar]) -> (String, Bool, String) {
        if let lian = p.firstIndex(of: "联"), lian > 0 {
            return (string(p[..<lian]), true, string(p[(lian + 1)...]))
        }
        if let end = p.prefix(3).firstIndex(where: { $0 == "部" || $0 == "委" || $0 == "办" }), end > 0 {
            return (string(p[...end]), false, string(p[(end + 1)...]))
        }
        let codeLength = (p.first == "国" || p.first == "中") && p.count > 2 ? 2 : 1
        let n = min(codeLength, p.count)
        return (string(p[..<n]), false, string(p[n...]))
    }

    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        String(scalars: scalars)
    }
}
