/// Recognisers for the structural lines of Chinese official documents and digests, one paragraph at a time.
enum ParagraphRoles {
    static let sentenceEnders: Set<Character> = ["。", "；", "，", "！", "？", "：", ":", ";", ","]

    /// Length in Unicode scalars.
    @inline(__always)
    static func length(_ s: String) -> Int { s.unicodeScalars.count }

    /// A short line that can be (part of) a heading: no sentence punctuation inside or at the end.
    static func isHeadingShaped(_ s: String, maximumLength: Int = 60) -> Bool {
        guard s.utf8.count <= maximumLength * 4, let last = s.unicodeScalars.last,
              !sentenceEnderScalars.contains(last.value) else { return false }
        let n = length(s)
        guard n >= 2, n <= maximumLength else { return false }
        return !s.unicodeScalars.contains { $0 == "。" || $0 == "；" }
    }

    /// Scalars of `sentenceEnders`, 、 and 《, plus U+037E (canonically equivalent to ";"): a news source name
    /// holding none of them holds none of those Characters.
    static let sourceBreakingScalars: Set<UInt32> = [0x3002, 0xFF1B, 0xFF0C, 0xFF01, 0xFF1F, 0xFF1A, 0x3A, 0x3B, 0x2C, 0x037E, 0x3001, 0x300A]

    static let sentenceEnderScalars: Set<UInt32> = [0x3002, 0xFF1B, 0xFF0C, 0xFF01, 0xFF1F, 0xFF1A, 0x3A, 0x3B, 0x2C]

    /// Whether the UTF-8 of `s` contains `pattern` (a byte search, no Character processing).
    static func containsBytes(_ s: String, _ pattern: [UInt8]) -> Bool {
        var s = s
        return s.withUTF8 { b in
            guard b.count >= pattern.count, let first = pattern.first else { return false }
            var i = 0
            let last = b.count - pattern.count
            while i <= last {
                if b[i] == first {
                    var k = 1
                    while k < pattern.count && b[i + k] == pattern[k] { k += 1 }
                    if k == pattern.count { return true }
                }
                i += 1
            }
            return false
        }
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

    /// An official title: "[issuers]关于…的通知/意见/…" or an issuance headline "X印发《T》" / "X印发T".
    /// Returns the document title (T for headlines) and whether it was a headline.
    static func officialTitle(_ s: String) -> (title: String, isHeadline: Bool)? {
        guard isHeadingShaped(s, maximumLength: 130), containsBytes(s, guanYu) || containsBytes(s, yinFa) else { return nil }
        // (startsBlock reads at most the first seven scalars.)
        let head = s.unicodeScalars.prefix(8).map(\.value)
        if LineShape.startsBlock(head, 0, head.count) { return nil }
        if s.hasPrefix("附") || s.hasPrefix("来源") { return nil }
        // (The byte searches first: a Character match implies a byte match.)
        if containsBytes(s, guanYu), let about = s.firstRange(of: "关于"), DocumentKind.fromTitle(s) != nil {
            let issuers = s[s.startIndex..<about.lowerBound]
            if length(String(issuers)) <= 80 && !holdsPunctuationCharacter(issuers) {
                return (s, false)
            }
        }
        if containsBytes(s, yinFa), let issue = s.firstRange(of: "印发") {
            let issuers = s[s.startIndex..<issue.lowerBound]
            var rest = String(s[issue.upperBound...]).trimmingSpaces
            guard length(String(issuers)) >= 2, length(String(issuers)) <= 60,
                  !holdsPunctuationCharacter(issuers) else { return nil }
            if rest.hasPrefix("了") { rest.removeFirst() }
            if rest.hasPrefix("《") && rest.hasSuffix("》") {
                let inner = String(rest.dropFirst().dropLast())
                if !inner.contains("《") { rest = inner }
            }
            guard length(rest) >= 4, DocumentKind.fromTitle(rest) != nil || s.hasSuffix("》") else { return nil }
            return (rest, true)
        }
        return nil
    }

    /// Scalars of the punctuation that no issuer list holds: ，。：；“”《》.
    static let issuerBreakingScalars: [UInt32] = [0xFF0C, 0x3002, 0xFF1A, 0xFF1B, 0x201C, 0x201D, 0x300A, 0x300B]

    /// Whether a Character of `s` is one of ，。：；“”《》 (the scalar test first: no other scalar sequence is
    /// canonically equivalent to these characters, so without the scalars there is no such Character).
    static func holdsPunctuationCharacter(_ s: Substring) -> Bool {
        guard s.unicodeScalars.contains(where: { issuerBreakingScalars.contains($0.value) }) else { return false }
        return s.contains(where: { "，。：；“”《》".contains($0) })
    }

    /// A news source line: "人民日报 2023-07-19" (name then date, the space optional) → ("人民日报", "2023-07-19").
    static func newsSourceWithDate(_ s: String) -> (source: String, date: String)? {
        guard let lastByte = s.utf8.last, lastByte >= 0x30 && lastByte <= 0x39 else { return nil }
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 12, scalars.count <= 30 else { return nil }
        // The date is the last 8–10 scalars: yyyy-m-d with '-', '.' or '/'.
        for dateLength in stride(from: 10, through: 8, by: -1) where scalars.count > dateLength {
            // (The date starts with a digit: test that before building its text.)
            guard ScalarClass.isASCIIDigit(scalars[scalars.count - dateLength].value) else { continue }
            // (The text starts and ends with a digit: ChineseDate.parseWhole accepts it only if parse takes it whole.)
            let tail = scalars[(scalars.count - dateLength)...].map(\.value)
            guard let (_, parsed) = ChineseDate.parse(tail, at: 0), parsed == dateLength else { continue }
            let dateText = String(String.UnicodeScalarView(scalars[(scalars.count - dateLength)...]))
            guard let first = dateText.unicodeScalars.first, ScalarClass.isASCIIDigit(first.value),
                  !dateText.contains("年"), let date = ChineseDate.parseWhole(dateText) else { continue }
            let name = String(String.UnicodeScalarView(scalars[..<(scalars.count - dateLength)])).trimmingSpaces
            let n = length(name)
            // (In ASCII the alphabetic scalars are the Latin letters.)
            let letters = name.unicodeScalars.filter {
                ScalarClass.isIdeograph($0.value) || ($0.value | 0x20) &- 0x61 < 26
            }
            guard n >= 2, n <= 16, letters.count >= 2, let last = name.unicodeScalars.last,
                  ScalarClass.isIdeograph(last.value) || last == " ",
                  !(name.unicodeScalars.contains(where: { sourceBreakingScalars.contains($0.value) })
                    && name.contains(where: { sentenceEnders.contains($0) || $0 == "、" || $0 == "《" })) else { return nil }
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
        var t = s.dropFirst()
        if t.hasPrefix("件") { t = t.dropFirst() }
        t = t.drop(while: { $0.isASCII && $0.isNumber })
        guard t.hasPrefix("：") || t.hasPrefix(":") else { return nil }
        t = t.dropFirst()
        var title = String(t).trimmingSpaces
        title = String(title.drop(while: { ($0.isASCII && ($0.isNumber || $0 == ".")) || $0 == "．" || $0 == "、" })).trimmingSpaces
        if title.hasPrefix("《") && title.hasSuffix("》") { title = String(title.dropFirst().dropLast()) }
        return title.isEmpty ? nil : title
    }

    /// Addressee line: "各省、自治区、直辖市财政厅（局）：" — ends with a colon, names bodies, no sentence inside.
    static func isAddressee(_ s: String) -> Bool {
        guard let last = s.last, last == "：" || last == ":" else { return false }
        let n = length(s)
        // (The byte searches first: they are implied by the Character searches.)
        guard n >= 3, n <= 300, !(containsBytes(s, fullStop) && s.contains("。")),
              !(containsBytes(s, semicolon) && s.contains("；")) else { return false }
        if s.hasPrefix("各") { return true }
        let head = s.dropLast()
        return addresseeSuffixes.indices.contains {
            head.hasSuffix(addresseeSuffixes[$0]) || head.hasSuffix(addresseeSuffixesInBrackets[$0])
        }
    }

    static let fullStop = Array("。".utf8)
    static let semicolon = Array("；".utf8)
    /// Body names an addressee line ends with (perhaps followed by "）").
    static let addresseeSuffixes = ["部", "委", "局", "厅", "院", "办", "单位", "政府", "公司", "中心", "总社", "银行", "司", "会"]
    static let addresseeSuffixesInBrackets = addresseeSuffixes.map { $0 + "）" }

    static let bodySuffixes: [String] = [
        "部", "委", "局", "厅", "院", "办", "办公室", "办公厅", "政府", "中心", "总社", "委员会", "司", "署", "银行", "会",
        "处", "社", "室", "所", "行", "组", "府", "中央", "国务院", "联合会", "协会", "集团", "公司", "党委", "法院",
    ]

    /// A signature line: one issuing body (or several separated by spaces), short, no punctuation.
    static func isSignatureLine(_ s: String) -> Bool {
        let n = length(s)
        guard n >= 2, n <= 40 else { return false }
        // (The scalar test first: no other scalar sequence is canonically equivalent to these characters.)
        if s.unicodeScalars.contains(where: { signatureBreakingScalars.contains($0.value) }),
           s.contains(where: { "，。：；、《》“”".contains($0) }) { return false }
        let names = s.split(separator: " ")
        return names.allSatisfy { name in
            let body = name.hasSuffix("）") ? String(name[..<(name.lastIndex(of: "（") ?? name.endIndex)]) : String(name)
            return length(body) >= 2 && length(body) <= 24 && mayEndWithBodySuffix(body) && bodySuffixes.contains { body.hasSuffix($0) }
        }
    }

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
