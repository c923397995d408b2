/// A document number (文号) such as "财金〔2022〕119号" or "工信部联运行〔2022〕160号":
/// issuer code, optional "联" (joint issue), category, year in brackets, serial number.
public struct DocumentNumber: Hashable, Sendable {
    /// Normalised form with 〔〕 brackets and no spaces: "工信部联运行〔2022〕160号".
    public let text: String
    /// Everything before the bracket: "工信部联运行".
    public let prefix: String
    /// The issuing body's code: "工信部", "财", "国科", "国办".
    public let issuerCode: String
    /// True when the prefix marks a joint issue ("联").
    public let isJoint: Bool
    /// What follows the issuer code (and "联"): "运行", "金", "发社", "发".
    public let category: String
    public let year: Int
    public let serial: Int

    /// Parses a whole 文号 (surrounding spaces allowed; brackets 〔〕 [] 【】 () （） ［］ accepted).
    public static func parse(_ text: String) -> DocumentNumber? {
        let span = ScalarSpan(text)
        var start = 0
        while start < span.count, span.scalars[start].isInlineSpace { start += 1 }
        guard let (found, end) = scan(span, bracketAt: nil, from: start, to: span.count), found.lowerBound == start else { return nil }
        var rest = end
        while rest < span.count, span.scalars[rest].isInlineSpace { rest += 1 }
        return rest == span.count ? build(span, found) : nil
    }

    /// All 文号 occurrences in scalars `from..<to` of `span`, with their scalar ranges.
    static func occurrences(in span: ScalarSpan, from: Int, to: Int) -> [(range: Range<Int>, number: DocumentNumber)] {
        var out: [(range: Range<Int>, number: DocumentNumber)] = []
        var i = from
        while i < to {
            if isOpenBracket(span.scalars[i]), let (found, end) = scan(span, bracketAt: i, from: from, to: to),
               let number = build(span, found) {
                out.append((found, number))
                i = end
                continue
            }
            i += 1
        }
        return out
    }

    // MARK: - Scanning

    @inline(__always)
    static func isOpenBracket(_ s: Unicode.Scalar) -> Bool {
        switch s.value { case 0x3014, 0x5B, 0x3010, 0x28, 0xFF08, 0xFF3B: return true; default: return false } // 〔 [ 【 ( （ ［
    }
    @inline(__always)
    static func isCloseBracket(_ s: Unicode.Scalar) -> Bool {
        switch s.value { case 0x3015, 0x5D, 0x3011, 0x29, 0xFF09, 0xFF3D: return true; default: return false } // 〕 ] 】 ) ） ］
    }

    /// Words that precede a 文号 in prose and are not part of it.
    private static let leadingWords: [[Unicode.Scalar]] = ["根据", "按照", "依据", "落实", "参照", "执行", "贯彻", "印发", "详见", "以及", "见", "即", "和", "及", "与", "或"].map(scalars)

    /// Finds a 文号 whose opening bracket is at `bracketAt` (or, when nil, the first bracket from `from`).
    /// Returns the scalar range of the whole 文号 and the index after it.
    private static func scan(_ span: ScalarSpan, bracketAt: Int?, from: Int, to: Int) -> (Range<Int>, Int)? {
        let s = span.scalars
        var open = bracketAt ?? from
        if bracketAt == nil { while open < to, !isOpenBracket(s[open]) { open += 1 } }
        guard open < to, isOpenBracket(s[open]) else { return nil }
        // Prefix: Han characters (spaces tolerated) immediately before the bracket.
        var p = open
        var hanCount = 0
        while p > from {
            let c = s[p - 1]
            if c == "号", p >= 2, s[p - 2].digitValue != nil { break }
            if c.isHanIdeograph { hanCount += 1; p -= 1 } else if c.isInlineSpace && hanCount == 0 { p -= 1 } else { break }
            if hanCount >= 12 { break }
        }
        while p < open, s[p].isInlineSpace { p += 1 }
        guard hanCount >= 1 else { return nil }
        // Strip prose words in front ("根据财金〔…〕").
        for word in leadingWords where span.matches(word, at: p) && open - p >= word.count + 1 { p += word.count; break }
        // Year.
        var i = open + 1
        while i < to, s[i].isInlineSpace { i += 1 }
        var digits = 0
        while i < to, s[i].digitValue != nil { digits += 1; i += 1 }
        guard digits == 4 else { return nil }
        while i < to, s[i].isInlineSpace { i += 1 }
        guard i < to, isCloseBracket(s[i]) else { return nil }
        i += 1
        while i < to, s[i].isInlineSpace { i += 1 }
        var serialDigits = 0
        while i < to, s[i].digitValue != nil { serialDigits += 1; i += 1 }
        guard serialDigits >= 1, serialDigits <= 5 else { return nil }
        while i < to, s[i].isInlineSpace { i += 1 }
        guard i < to, s[i] == "号" else { return nil }
        return (p..<(i + 1), i + 1)
    }

    private static func build(_ span: ScalarSpan, _ range: Range<Int>) -> DocumentNumber? {
        var prefix = String.UnicodeScalarView()
        var year = 0, serial = 0
        var phase = 0 // 0 prefix, 1 year, 2 serial
        for s in span.scalars[range] {
            if s.isInlineSpace { continue }
            switch phase {
            case 0:
                if isOpenBracket(s) { phase = 1 } else { prefix.append(s) }
            case 1:
                if let d = s.digitValue { year = year * 10 + d } else if isCloseBracket(s) { phase = 2 }
            default:
                if let d = s.digitValue { serial = serial * 10 + d }
            }
        }
        guard !prefix.isEmpty, year >= 1949, year <= 2100 else { return nil }
        let prefixString = String(prefix)
        let (code, joint, category) = splitPrefix(Array(prefix))
        return DocumentNumber(text: "\(prefixString)〔\(year)〕\(serial)号", prefix: prefixString,
                         issuerCode: code, isJoint: joint, category: category, year: year, serial: serial)
    }

    /// Splits "工信部联运行" → ("工信部", true, "运行"); "财金" → ("财", false, "金"); "国科发社" → ("国科", false, "发社").
    /// Heuristic: an explicit "联" ends the issuer code; otherwise the code runs through "部"/"委"/"办" within the first
    /// three characters, else two characters when the prefix starts with 国/中, else one character.
    static func splitPrefix(_ p: [Unicode.Scalar]) -> (String, Bool, String) {
        func str(_ a: ArraySlice<Unicode.Scalar>) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: a); return String(v) }
        if let lian = p.firstIndex(of: "联"), lian > 0 {
            return (str(p[..<lian]), true, str(p[(lian + 1)...]))
        }
        if let end = p.prefix(3).firstIndex(where: { $0 == "部" || $0 == "委" || $0 == "办" }), end > 0 {
            return (str(p[...end]), false, str(p[(end + 1)...]))
        }
        let codeLength = (p.first == "国" || p.first == "中") && p.count > 2 ? 2 : 1
        let n = min(codeLength, p.count)
        return (str(p[..<n]), false, str(p[n...]))
    }
}
