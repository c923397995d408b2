/// Recognisers for the structural lines of Chinese official documents and digests, one paragraph at a time.
enum ParagraphRoles {
    static let sentenceEnders: Set<Character> = ["。", "；", "，", "！", "？", "：", ":", ";", ","]

    /// Length in Unicode scalars.
    @inline(__always)
    static func length(_ s: String) -> Int { s.unicodeScalars.count }

    /// A short line that can be (part of) a heading: no sentence punctuation inside or at the end.
    static func isHeadingShaped(_ s: String, maximumLength: Int = 60) -> Bool {
        guard s.utf8.count <= maximumLength * 4, let last = s.unicodeScalars.last,
              !Punctuation.clauseEnders.contains(last.value) else { return false }
        let n = length(s)
        guard n >= 2, n <= maximumLength else { return false }
        return !s.unicodeScalars.contains { $0 == "。" || $0 == "；" }
    }

    /// Scalars of `Punctuation.clauseEnders`, 、 and 《, plus U+037E (canonically equivalent to ";"): a news source name
    /// holding none of them holds none of those Characters.
    static let sourceBreakingScalars: Set<UInt32> = [0x3002, 0xFF1B, 0xFF0C, 0xFF01, 0xFF1F, 0xFF1A, 0x3A, 0x3B, 0x2C, 0x037E, 0x3001, 0x300A]

    /// Whether the UTF-8 of `s` contains `pattern` (a byte search, no Character processing).
    static func containsBytes(_ s: String, _ pattern: [UInt8]) -> Bool {
        var s = s
        return s.withUTF8 { ByteSearch.firstIndex(of: pattern, in: $0, 0, $0.count) != nil }
    }

    static let guanYu = Array("关于".utf8)
    static let yinFa = Array("印发".utf8)

    /// "## Title" → "Title".
    static func markdownHeading(_ s: String) -> String? {
        // (The byte test first: Character-based hasPrefix is costly, and it runs on every short paragraph.)
        guard s.utf8.first == 0x23, s.hasPrefix("#") else { return nil }
        let title = s.drop(while: { $0 == "#" }).trimmingSpaces
        return title.isEmpty ? nil : title
    }

    /// A title line as the segmenter reads it: the document title, whether it was an issuance headline, and a
    /// 文号 written on the same line.
    struct TitleLine {
        var title: String
        var isHeadline: Bool
        /// The 文号 glued to the title ("…的通知（岳办发〔2017〕2号）", "财科教【2017】6号 财政部 …关于…的通知").
        var docNumber: DocumentNumber? = nil
    }

    /// An official title: "[issuers]关于…的通知/意见/…" or an issuance headline "X印发《T》" / "X印发T", with a 文号
    /// glued before or after it.
    ///
    ///     titleLine → (docNumber space?)? '《'? title '》'? ('（' docNumber '）' | space docNumber)?
    ///               | announcementHeading                   (`DocumentNumber.announcementHeading`)
    ///     title     → issuers? '关于' … genreWord note?       (issuers: ≤ 80 scalars, none of ，。：；“”《》)
    ///               | issuers '印发' '了'? '《'? T '》'?        (a headline; T ends with a genre word or 》)
    static func officialTitle(_ s: String) -> TitleLine? {
        // "某部 某总署公告2031年第4号（关于…的公告）": the title in the brackets, the issuers' number before it.
        // (Byte tests first: the line ends with ")" or "）" and holds 公告.)
        if endsWithClosingBracket(s), ParagraphRoles.containsBytes(s, announcementWord), let (number, title) = DocumentNumber.announcementHeading(s),
           let (bare, headline) = officialTitle(scalars: Array(title.unicodeScalars)), !headline {
            return TitleLine(title: bare, isHeadline: false, docNumber: number)
        }
        var u = Array(s.unicodeScalars)
        if s.utf8.contains(where: { $0 < 0x80 && jammerBytes[Int($0)] }) { u = withoutJammer(u) }
        var lo = 0, hi = u.count
        DocumentNumber.trim(u, &lo, &hi)
        stripPageTags(u, &lo, &hi)
        var number: DocumentNumber? = nil
        // A 文号 written before the title (print headers flattened into one line, page titles).
        if hi - lo > 8, let first = DocumentNumber.occurrences(in: u, from: lo, to: min(hi, lo + 40)).first,
           first.range.lowerBound == lo {
            number = first.number
            lo = first.range.upperBound
            DocumentNumber.trim(u, &lo, &hi)
            if hi - lo >= 2, u[lo] == "《", u[hi - 1] == "》", !u[(lo + 1)..<(hi - 1)].contains("《") { lo += 1; hi -= 1 }
        }
        // A 文号 in brackets after the title.
        if number == nil, hi - lo > 8, u[hi - 1] == ")" || u[hi - 1] == "）",
           let open = u[lo..<hi].lastIndex(where: { $0 == "(" || $0 == "（" }), open > lo,
           let glued = DocumentNumber.parse(DocumentNumber.string(u[(open + 1)..<(hi - 1)])) {
            number = glued
            hi = open
            DocumentNumber.trim(u, &lo, &hi)
        }
        // A 文号 spaced off after the title (a header copied onto one line: "…的通知 某政发〔2031〕1号", a table
        // cell's rule perhaps after it).
        var cellEnd = hi
        while cellEnd > lo, u[cellEnd - 1] == "|" || u[cellEnd - 1] == "｜" || DocumentNumber.isSpace(u[cellEnd - 1]) { cellEnd -= 1 }
        if number == nil, cellEnd < hi, cellEnd - lo > 8, u[cellEnd - 1] == "号" || u[cellEnd - 1] == "號" { hi = cellEnd }
        if number == nil, hi - lo > 8, u[hi - 1] == "号" || u[hi - 1] == "號",
           let space = u[lo..<hi].lastIndex(where: { DocumentNumber.isSpace($0) }), space > lo, hi - space <= 30,
           let spaced = DocumentNumber.parse(DocumentNumber.string(u[(space + 1)..<hi])) {
            number = spaced
            hi = space
            DocumentNumber.trim(u, &lo, &hi)
        }
        if lo > 0 || hi < u.count { u = Array(u[lo..<hi]) }
        guard let (title, headline) = officialTitle(scalars: u) else { return nil }
        return TitleLine(title: title, isHeadline: headline, docNumber: number)
    }

    static let announcementWord = Array("公告".utf8)

    /// The UTF-8 of `s` ends with ")" or "）" (EF BC 89).
    static func endsWithClosingBracket(_ s: String) -> Bool {
        let u = s.utf8
        guard let last = u.last else { return false }
        if last == 0x29 { return true }
        guard u.count >= 3, last == 0x89 else { return false }
        let i = u.index(u.endIndex, offsetBy: -3)
        return u[i] == 0xEF && u[u.index(after: i)] == 0xBC
    }

    /// `jammerMarks` as a table over the ASCII bytes.
    static let jammerBytes: [Bool] = (0..<128).map { b in jammerMarks.contains(Unicode.Scalar(UInt8(b))) }

    /// ASCII marks a forum's anti-copy jammer strews and no title holds: ! $ & ; ` ^ ~ # % * \ ".
    static let jammerMarks: Set<Unicode.Scalar> = ["!", "$", "&", ";", "`", "^", "~", "#", "%", "*", "\\", "\""]

    /// `u` without the runs of random ASCII a forum's anti-copy jammer inserts into its lines and between them
    /// ("某市人民政府关于对某类 ! m! S, O3 Z8 P6 m. P8 l0 J5 无标志车辆…的通告"): three or more tokens of one to three
    /// ASCII characters separated by spaces, holding at least two jammer marks. ASCII in a title (PM2.5, 5G, a
    /// period "(2031-2033年)") makes no such run.
    ///
    ///     jammer → (sp token){3,}      token → ascii{1,3}      (≥ 2 jammerMarks in the run)
    static func withoutJammer(_ u: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            guard u[i] == " " || i == 0 || !u[i - 1].isASCII else { out.append(u[i]); i += 1; continue }
            // A run of space-separated short ASCII tokens from i.
            var j = i, tokens = 0, marks = 0
            while j < u.count {
                var k = j
                while k < u.count, u[k] == " " { k += 1 }
                var e = k
                while e < u.count, u[e].isASCII, u[e] != " ", e - k < 4 { if jammerMarks.contains(u[e]) { marks += 1 }; e += 1 }
                guard e > k, e - k <= 3, e == u.count || u[e] == " " || !u[e].isASCII else { break }
                tokens += 1; j = e
                if e < u.count, !u[e].isASCII { break }
            }
            if tokens >= 3, marks >= 2 {
                while j < u.count, u[j] == " " { j += 1 }
                i = j
                continue
            }
            out.append(u[i]); i += 1
        }
        return out
    }

    /// A line without the jammer runs a forum glues to its start or end ("某部办公厅 0 }' R% t5 d\" [5 S! n5 z",
    /// ") m9 s. G4 T3 T3 H某局综合司"): at a line's edge, beside a body's name, four or more space-separated tokens of
    /// one to three ASCII characters are a jammer even with no jammer mark among them. Nil when the line has no such
    /// edge (or nothing is left).
    ///
    ///     edgeJammer → token (sp token){3,}      token → ascii{1,3}      (at the line's start or end)
    static func withoutEdgeJammer(_ u: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard u.contains(where: { $0.isASCII && $0 != " " }) else { return nil }
        func isTokenScalar(_ c: Unicode.Scalar) -> Bool { c.isASCII && c != " " }
        /// Tokens of the ASCII run from `i` going in `step` direction, and where it stops.
        func run(from start: Int, step: Int) -> (tokens: Int, end: Int) {
            var i = start, tokens = 0, end = start
            while i >= 0, i < u.count {
                while i >= 0, i < u.count, u[i] == " " { i += step }
                var k = i, length = 0
                while k >= 0, k < u.count, isTokenScalar(u[k]) { k += step; length += 1 }
                guard length > 0, length <= 3 else { break }
                tokens += 1; i = k; end = k
                // (The token's other side must be a space, the line's edge or the body name itself.)
                if k >= 0, k < u.count, u[k] != " " { break }
            }
            return (tokens, end)
        }
        var lo = 0, hi = u.count
        let head = run(from: 0, step: 1)
        if head.tokens >= 4 { lo = head.end }
        let tail = run(from: u.count - 1, step: -1)
        if tail.tokens >= 4 { hi = tail.end + 1 }
        while lo < hi, u[lo] == " " { lo += 1 }
        while hi > lo, u[hi - 1] == " " { hi -= 1 }
        guard lo > 0 || hi < u.count, hi > lo else { return nil }
        return Array(u[lo..<hi])
    }

    /// Moves `lo`/`hi` past the tags a forum or portal prints around a title line: its section before it, an action
    /// link after it ("[某区]某省人民政府关于…的批复 [复制链接]", "【通知公告】某市人民政府关于…"). A tag holds no digit
    /// (【2017】 is a 文号's year) and no punctuation, and leaves a title of at least eight scalars.
    ///
    ///     taggedTitle → pageTag? title (sp* pageTag)?      pageTag → ('[' | '【') (han | letter){1,8} (']' | '】')
    static func stripPageTags(_ u: [Unicode.Scalar], _ lo: inout Int, _ hi: inout Int) {
        func tagEnd(from i: Int) -> Int? {
            guard i < hi, u[i] == "[" || u[i] == "【" else { return nil }
            let close: Unicode.Scalar = u[i] == "[" ? "]" : "】"
            var k = i + 1
            while k < hi, k - i <= 9, u[k] != close {
                guard ScalarClass.isIdeograph(u[k].value) || (u[k].value | 0x20) &- 0x61 < 26 else { return nil }
                k += 1
            }
            return k < hi && u[k] == close && k > i + 1 ? k + 1 : nil
        }
        if let e = tagEnd(from: lo), hi - e >= 8 { lo = e; DocumentNumber.trim(u, &lo, &hi) }
        if hi - lo > 10, u[hi - 1] == "]" || u[hi - 1] == "】", let open = u[lo..<hi].lastIndex(where: { $0 == "[" || $0 == "【" }),
           open - lo >= 8, tagEnd(from: open) == hi {
            hi = open
            DocumentNumber.trim(u, &lo, &hi)
        }
    }

    /// `title` of `officialTitle` on the scalars of one line.
    static func officialTitle(scalars u: [Unicode.Scalar]) -> (title: String, isHeadline: Bool)? {
        let n = u.count
        guard n >= 2, n <= 130, let last = u.last, !Punctuation.clauseEnders.contains(last.value),
              !u.contains(where: { $0 == "。" || $0 == "；" }) else { return nil }
        let about = firstIndex(of: guanYuScalars, in: u, 0, n)
        let issue = firstIndex(of: yinFaScalars, in: u, 0, n)
        guard about != nil || issue != nil else { return forwardingTitle(u) }
        // (startsBlock reads at most the first seven scalars.)
        let head = u.prefix(8).map(\.value)
        if LineShape.startsBlock(head, 0, head.count) { return nil }
        if u[0] == "附" || (u[0] == "来" && n > 1 && u[1] == "源") { return nil }
        let string = DocumentNumber.string(u)
        // (A line "关于《X条例》" ends inside the document it cites: its genre word is X's, and the title goes on,
        // "…公开征求意见的公告" on the next line.)
        if let about, GenreWords.genre(ofTitle: string)?.kind != nil, !endsWithCitation(u, after: about) {
            if about <= 80 && !u[..<about].contains(where: { issuerBreakingScalars.contains($0.value) }) { return (string, false) }
        }
        if let issue {
            guard issue >= 2, issue <= 60, !u[..<issue].contains(where: { issuerBreakingScalars.contains($0.value) }) else { return nil }
            var lo = issue + 2, hi = n
            while lo < hi && u[lo] == " " { lo += 1 }
            while hi > lo && u[hi - 1] == " " { hi -= 1 }
            if lo < hi && u[lo] == "了" { lo += 1 }
            if hi - lo >= 2, u[lo] == "《", u[hi - 1] == "》", !u[(lo + 1)..<(hi - 1)].contains("《") { lo += 1; hi -= 1 }
            let rest = DocumentNumber.string(u[lo..<hi])
            guard hi - lo >= 4, GenreWords.genre(ofTitle: rest)?.kind != nil || last == "》" else { return nil }
            // GB/T 9704 title of a cover notice, "发文机关 印发《Z》的 文种" (上海市人民政府印发《…》的通知): the whole
            // line is the notice's own title, not a headline reporting Z.
            if issue >= 2, isIssuingNoticeTitle(u, from: lo, to: hi) { return (string, false) }
            return (rest, true)
        }
        return nil
    }

    /// The title of a cover notice that forwards another body's document (GB/T 9704 转发 notice): the issuer part,
    /// 转发, what it forwards, and 通知 ("某某市人民政府办公室转发某某局关于…的通知", "转发省财政厅…办法的通知").
    ///
    ///     forwardingTitle → issuerPart? '转发' forwarded '的'? '通知'
    static func forwardingTitle(_ u: [Unicode.Scalar]) -> (title: String, isHeadline: Bool)? {
        guard u.count >= 8, u[u.count - 2] == "通", u[u.count - 1] == "知",
              let forward = firstIndex(of: zhuanFaScalars, in: u, 0, u.count), forward <= 40, forward + 6 <= u.count,
              !u[..<forward].contains(where: { issuerBreakingScalars.contains($0.value) }) else { return nil }
        let head = u.prefix(8).map(\.value)
        if LineShape.startsBlock(head, 0, head.count) { return nil }
        return (DocumentNumber.string(u), false)
    }

    static let zhuanFaScalars = Array("转发".unicodeScalars)

    /// `u[from..<to]` is "《Z》的 文种" (the attachment and the genre word of the notice that issues it):
    ///
    ///     issuingNoticeRest → '《' Z '》' '的' genreWord
    static func isIssuingNoticeTitle(_ u: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        guard to - from >= 6, u[from] == "《", let close = u[from..<to].lastIndex(of: "》"), close + 2 < to,
              u[close + 1] == "的" else { return false }
        let genre = DocumentNumber.string(u[(close + 2)..<to])
        return GenreWords.genre(ofTitle: genre).map { $0.word.unicodeScalars.count == to - close - 2 } ?? false
    }

    /// `u` ends with a 《…》 citation that opens after index `after` (trailing spaces aside).
    static func endsWithCitation(_ u: [Unicode.Scalar], after: Int) -> Bool {
        var hi = u.count
        while hi > 0, u[hi - 1] == " " { hi -= 1 }
        guard hi > 0, u[hi - 1] == "》", let open = u[..<hi].lastIndex(of: "《") else { return false }
        return open > after
    }

    static let guanYuScalars = Array("关于".unicodeScalars)
    static let yinFaScalars = Array("印发".unicodeScalars)

    /// First index of `word` in `u[from..<to]`.
    static func firstIndex(of word: [Unicode.Scalar], in u: [Unicode.Scalar], _ from: Int, _ to: Int) -> Int? {
        guard to - from >= word.count else { return nil }
        var i = from
        while i + word.count <= to {
            if u[i] == word[0] && u[i..<(i + word.count)].elementsEqual(word) { return i }
            i += 1
        }
        return nil
    }

    static let openTitleBracket = Array("《".utf8)
    static let closeTitleBracket = Array("》".utf8)

    /// Whether `b[start..<end]` holds one of `issuerBreakingScalars`.
    static func holdsIssuerBreakingScalar(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        holdsNonASCIIScalar(of: issuerBreakingScalars, b, start, end)
    }

    /// Whether `b[start..<end]` holds one of `scalars` (all outside ASCII: ASCII bytes are skipped undecoded).
    static func holdsNonASCIIScalar(of scalars: [UInt32], _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if b[i] < 0x80 { i += 1; continue }
            let (v, m) = UTF8Bytes.decode(b, at: i)
            if scalars.contains(v) { return true }
            i += m
        }
        return false
    }

    /// Scalars of the punctuation that no issuer list holds: ，。：；“”《》 and the ASCII colon of page labels.
    static let issuerBreakingScalars: [UInt32] = [0xFF0C, 0x3002, 0xFF1A, 0xFF1B, 0x201C, 0x201D, 0x300A, 0x300B, 0x3A]

    /// Whether a Character of `s` is one of ，。：；“”《》 (the scalar test first: no other scalar sequence is
    /// canonically equivalent to these characters, so without the scalars there is no such Character).
    static func holdsPunctuationCharacter(_ s: Substring) -> Bool {
        guard s.unicodeScalars.contains(where: { issuerBreakingScalars.contains($0.value) }) else { return false }
        return s.contains(where: { "，。：；“”《》".contains($0) })
    }

    /// A news source line: "人民日报 2023-07-19" (name then date, the space optional) → ("人民日报", "2023-07-19").
    static func newsSourceWithDate(_ s: String) -> (source: String, date: String)? {
        guard let lastByte = s.utf8.last, lastByte >= 0x30 && lastByte <= 0x39 else { return nil }
        var s = s
        return s.withUTF8 { newsSourceWithDate($0) }
    }

    /// `newsSourceWithDate` on the bytes of the line: Strings only for what it returns.
    static func newsSourceWithDate(_ b: UnsafeBufferPointer<UInt8>) -> (source: String, date: String)? {
        let count = SimpleText.scalarCount(b, 0, b.count)
        guard count >= 12, count <= 30 else { return nil }
        var scalars: [UInt32] = []
        var starts: [Int] = []
        scalars.reserveCapacity(count)
        starts.reserveCapacity(count)
        var i = 0
        while i < b.count {
            let (v, n) = UTF8Bytes.decode(b, at: i)
            scalars.append(v); starts.append(i)
            i += n
        }
        // The date is the last 8–10 scalars: yyyy-m-d with '-', '.' or '/'.
        for dateLength in stride(from: 10, through: 8, by: -1) where count > dateLength {
            let d = count - dateLength
            // The date text starts and ends with a digit (no spaces or brackets to strip): ChineseDate.parseWhole
            // accepts it when parse takes it whole, and then gives parse's result. It holds no 年 (as a Character:
            // parse takes only digits, separators, 年, 月 and 日, none of which combines).
            guard ScalarClass.isASCIIDigit(scalars[d]), let (date, parsed) = ChineseDate.parse(scalars, at: d),
                  parsed == dateLength, !scalars[d...].contains(0x5E74) else { continue }
            // The name: the scalars before the date without surrounding spaces.
            var lo = 0, hi = d
            while lo < hi && scalars[lo] == 0x20 { lo += 1 }
            while hi > lo && scalars[hi - 1] == 0x20 { hi -= 1 }
            let n = hi - lo
            // (In ASCII the alphabetic scalars are the Latin letters.)
            var letters = 0
            var breaking = false
            for k in lo..<hi {
                let v = scalars[k]
                if ScalarClass.isIdeograph(v) || (v | 0x20) &- 0x61 < 26 { letters += 1 }
                if sourceBreakingScalars.contains(v) { breaking = true }
            }
            guard n >= 2, n <= 16, letters >= 2, ScalarClass.isIdeograph(scalars[hi - 1]) || scalars[hi - 1] == 0x20 else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[starts[lo]..<(hi < count ? starts[hi] : b.count)]), as: UTF8.self)
            if breaking && name.contains(where: { sentenceEnders.contains($0) || $0 == "、" || $0 == "《" }) { return nil }
            return (name, date)
        }
        return nil
    }

    /// "来源：新华社" / "（来源：人民网）" → "新华社".
    static func sourceCredit(_ s: String) -> String? {
        // Every credit starts with 来, 信, 文 or 稿, perhaps after （ or (: test those scalars before any String work.
        guard startsWithCreditWord(s) else { return nil }
        var t = Substring(s)
        if (t.hasPrefix("（") && t.hasSuffix("）")) || (t.hasPrefix("(") && t.hasSuffix(")")) { t = t.dropFirst().dropLast() }
        for prefix in ["来源：", "来源:", "信息来源：", "文章来源：", "稿源："] where t.hasPrefix(prefix) {
            let name = String(t.dropFirst(prefix.count)).trimmingSpaces
            if !name.isEmpty && length(name) <= 40 { return name }
        }
        return nil
    }

    /// True when `s` starts with 来, 信, 文 or 稿, directly or after （ or ( (byte tests only).
    static func startsWithCreditWord(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            // 来 E6 9D A5, 信 E4 BF A1, 文 E6 96 87, 稿 E7 A8 BF.
            func creditWord(at i: Int) -> Bool {
                guard i + 3 <= b.count else { return false }
                let (x, y, z) = (b[i], b[i + 1], b[i + 2])
                return (x == 0xE6 && y == 0x9D && z == 0xA5) || (x == 0xE4 && y == 0xBF && z == 0xA1)
                    || (x == 0xE6 && y == 0x96 && z == 0x87) || (x == 0xE7 && y == 0xA8 && z == 0xBF)
            }
            if creditWord(at: 0) { return true }
            if b.count >= 1, b[0] == 0x28 { return creditWord(at: 1) }                                       // (
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBC, b[2] == 0x88 { return creditWord(at: 3) }           // （
            return false
        }
    }

    /// "附：《T》", "附件：T", "附件1：T", "附件：1. T" → T (without 《》).
    static func attachment(_ s: String) -> String? {
        var bytes = s.utf8.makeIterator()
        guard bytes.next() == 0xE9, bytes.next() == 0x99, bytes.next() == 0x84 else { return nil }   // 附
        let u = Array(s.unicodeScalars)
        var i = 1
        if i < u.count, u[i] == "件" { i += 1 }
        while i < u.count, u[i].value &- 0x30 < 10 { i += 1 }
        guard i < u.count, u[i] == "：" || u[i] == ":" else { return nil }
        var lo = i + 1, hi = u.count
        while lo < hi, u[lo] == " " { lo += 1 }
        while hi > lo, u[hi - 1] == " " { hi -= 1 }
        // Numbering: one to three ASCII digits and '.', ．or 、("1.", "2、"), once — a year after it is the title's
        // ("1.2031年…清单").
        var d = lo
        while d < hi, d - lo < 3, u[d].value &- 0x30 < 10 { d += 1 }
        if d > lo, d < hi, u[d] == "." || u[d] == "．" || u[d] == "、" { lo = d + 1 }
        while lo < hi, u[lo] == " " { lo += 1 }
        if hi - lo >= 2, u[lo] == "《", u[hi - 1] == "》" { lo += 1; hi -= 1 }
        return hi > lo ? DocumentNumber.string(u[lo..<hi]) : nil
    }

    /// `attachment` on the bytes of simple text (see `SimpleText`), which start with 附.

    /// Addressee line: "各省、自治区、直辖市财政厅（局）：" — ends with a colon, names bodies, no sentence inside.
    static func isAddressee(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard let last = u.last, last == "：" || last == ":", u.count >= 3, u.count <= 300,
              !u.contains(where: { $0 == "。" || $0 == "；" }) else { return false }
        if u[0] == "各" { return true }
        let head = u.dropLast()
        return addresseeSuffixScalars.contains { hasSuffix(head, $0) || hasSuffix(head, $0 + ["）"]) }
    }

    /// Whether `u` ends with `w`.
    static func hasSuffix(_ u: ArraySlice<Unicode.Scalar>, _ w: [Unicode.Scalar]) -> Bool {
        u.count >= w.count && u.suffix(w.count).elementsEqual(w)
    }

    /// `isAddressee` on the bytes of simple text (see `SimpleText`).

    static let addresseeSuffixScalars = addresseeSuffixes.map { Array($0.unicodeScalars) }

    static let fullStop = Array("。".utf8)
    static let semicolon = Array("；".utf8)
    /// Body names an addressee line ends with (perhaps followed by "）").
    static let addresseeSuffixes = ["部", "委", "局", "厅", "院", "办", "单位", "部门", "政府", "公司", "中心", "总社", "银行", "司", "会"]

    static let bodySuffixes: [String] = [
        "部", "委", "局", "厅", "院", "办", "办公室", "办公厅", "政府", "中心", "总社", "委员会", "司", "署", "银行", "会",
        "处", "社", "室", "所", "行", "组", "府", "中央", "国务院", "联合会", "协会", "集团", "公司", "党委", "法院",
        "队",
    ]

    /// A signature line: one issuing body (or several separated by spaces), short, no punctuation.
    /// A line of issuing bodies as a signature writes them: one or more space-separated names, each 2–24
    /// characters ending with a body head (`bodySuffixes`), perhaps with a bracketed note ("…局（筹）").
    ///
    ///     signatureLine → name (' '+ name)*      name → han… bodySuffix ('（' … '）')?
    static func isSignatureLine(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        return isSignatureLine(u[...])
    }

    static func isSignatureLine(_ u: ArraySlice<Unicode.Scalar>) -> Bool {
        // (A joint notice's 署名 runs long — eight or eighteen departments spaced on one line — each name still short.)
        guard u.count >= 2, u.count <= longSignatureScalars, !u.contains(where: { signatureBreakingScalars.contains($0.value) }) else { return false }
        let names = u.split(separator: " ")
        guard !names.isEmpty, u.count <= 40 || names.count >= 3 else { return false }
        return names.allSatisfy { name in
            var body = name
            if name.last == "）", let open = name.lastIndex(of: "（") { body = name[..<open] }
            guard body.count >= 2, body.count <= 24, let last = body.last, bodySuffixLastScalars.contains(last.value) else { return false }
            return bodySuffixScalars.contains { hasSuffix(body, $0) }
        }
    }

    /// Longest 署名 line: one body up to 40 characters, three or more spaced names up to this.
    static let longSignatureScalars = 200

    /// `isSignatureLine` on the bytes `b[start..<end]` of simple text (see `SimpleText`).

    static let bodySuffixScalars = bodySuffixes.map { Array($0.unicodeScalars) }

    /// Scalars of ，。：；、《》“”.
    static let signatureBreakingScalars: [UInt32] = [0xFF0C, 0x3002, 0xFF1A, 0xFF1B, 0x3001, 0x300A, 0x300B, 0x201C, 0x201D]

    /// The last scalars of `bodySuffixes`.
    static let bodySuffixLastScalars = Set(bodySuffixes.map { $0.unicodeScalars.last!.value })

    /// Whether `s` can end with one of `bodySuffixes`: its last scalar ends one, or is a compatibility ideograph
    /// (canonically equivalent to another ideograph).
    static func mayEndWithBodySuffix(_ s: String) -> Bool {
        guard let last = s.unicodeScalars.last?.value else { return false }
        return bodySuffixLastScalars.contains(last) || (0xF900...0xFAFF).contains(last) || (0x2F800...0x2FA1F).contains(last)
    }

    /// A header line that may stand between a 文号 and the title: "签发人：…" or a rule ("———", "★").
    static func isHeaderLine(_ s: String) -> Bool {
        if s.hasPrefix("签发人") { return length(s) <= 30 }
        return !s.isEmpty && length(s) <= 80 && s.unicodeScalars.allSatisfy {
            $0 == " " || $0 == "-" || $0 == "_" || $0 == "=" || $0 == "*" || (0x2500...0x257F).contains($0.value)
                || $0 == "—" || $0 == "─" || $0 == "★" || $0 == "☆"
        }
    }

    /// A masthead line of the red header: "国家发展改革委文件", "财政部 文件" or "文件" alone.
    static func isMastheadLine(_ s: String) -> Bool {
        guard s.hasSuffix("文件"), isHeadingShaped(s, maximumLength: 40) else { return false }
        let issuers = String(s.dropLast(2)).trimmingSpaces
        return issuers.isEmpty || isSignatureLine(issuers)
    }

    /// The first scalar other than a space (nil for an empty or all-space line).
    @inline(__always)
    static func firstNonSpaceScalar(_ s: String) -> UInt32? {
        s.unicodeScalars.first { $0 != " " }?.value
    }

    static func isTOCHeading(_ s: String) -> Bool {
        // Every accepted heading starts with 目, C or c (only c and C uppercase to C): test that before building.
        guard let first = firstNonSpaceScalar(s), first == 0x76EE || first == 0x43 || first == 0x63 else { return false }
        let t = s.replacingSpaces
        return t == "目录" || t == "目次" || t.uppercased() == "CONTENTS" || t.uppercased() == "目录CONTENTS"
    }

    static func isPrefaceHeading(_ s: String) -> Bool {
        // The headings start with 前, 序, 卷, 编, 导 or 引: test that before building.
        guard let first = firstNonSpaceScalar(s), [0x524D, 0x5E8F, 0x5377, 0x7F16, 0x5BFC, 0x5F15].contains(first) else { return false }
        let t = s.replacingSpaces
        return ["前言", "序言", "序", "卷首语", "编者按", "导读", "引言"].contains(t)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces (U+0020, the byte 0x20 in UTF-8).
    var trimmingSpaces: String {
        var s = String(self)
        let trimmed = s.withUTF8 { b -> String? in
            var lo = 0, hi = b.count
            while lo < hi && b[lo] == 0x20 { lo += 1 }
            while hi > lo && b[hi - 1] == 0x20 { hi -= 1 }
            if lo == 0 && hi == b.count { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        }
        return trimmed ?? s
    }

    /// With every space (U+0020) removed.
    var replacingSpaces: String {
        var s = String(self)
        let replaced = s.withUTF8 { b -> String? in
            guard b.contains(0x20) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            for x in b where x != 0x20 { out.append(x) }
            return String(decoding: out, as: UTF8.self)
        }
        return replaced ?? s
    }
}
