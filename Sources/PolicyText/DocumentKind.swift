/// The kind of a document found in a file.
public enum DocumentKind: String, Sendable, Codable {
    case notice, opinion, plan, measures, outline, report, news, article, preface, toc, other

    /// The kind a title's final genre word implies ("…的通知" → notice), nil if none.
    public static func fromTitle(_ title: String) -> DocumentKind? {
        // Simple text (nearly every title): the same tests on bytes.
        var title = title
        if let kind = title.withUTF8({ b -> DocumentKind?? in
            SimpleText.isSimple(b) ? .some(fromTitle(simple: b, 0, b.count)) : .none
        }) {
            return kind
        }
        var t = Substring(title)
        // Drop a trailing parenthesised note: "（2022－2035年）", "（试行）".
        while let last = t.last, last == "）" || last == ")" || last == "》" || last == "”" {
            if last == "》" || last == "”" { t = t.dropLast(); continue }
            guard let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }) else { break }
            t = t[t.startIndex..<open]
        }
        // A genre word's last character ends the title: test the last scalar first (compatibility ideographs are
        // canonically equivalent to others, so they take the full test).
        guard let last = t.unicodeScalars.last?.value else { return nil }
        if !suffixLastScalars.contains(last) && !(0xF900...0xFAFF).contains(last) && !(0x2F800...0x2FA1F).contains(last) {
            return nil
        }
        for (suffix, kind) in titleSuffixes where t.hasSuffix(suffix) { return kind }
        return nil
    }

    /// `fromTitle` for the bytes `b[start..<end]` of simple text (see `SimpleText`: Characters are scalars,
    /// `hasSuffix` compares bytes).
    static func fromTitle(simple b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> DocumentKind? {
        var end = end
        // Drop a trailing parenthesised note: "（2022－2035年）", "（试行）".
        while end > start {
            let (last, lastStart) = SimpleText.lastScalar(b, before: end)
            guard last == 0xFF09 || last == 0x29 || last == 0x300B || last == 0x201D else { break }   // ） ) 》 ”
            if last == 0x300B || last == 0x201D { end = lastStart; continue }
            // The last （ (EF BC 88) or ( before `end`.
            var open = -1
            var i = end - 1
            while i >= start {
                if b[i] == 0x28 || (b[i] == 0xEF && i + 2 < end && b[i + 1] == 0xBC && b[i + 2] == 0x88) { open = i; break }
                i -= 1
            }
            guard open >= 0 else { break }
            end = open
        }
        guard end > start else { return nil }
        let last = SimpleText.lastScalar(b, before: end).value
        guard suffixLastScalars.contains(last) else { return nil }
        for (suffix, kind) in titleSuffixBytes where SimpleText.hasSuffix(b, start, end, suffix) { return kind }
        return nil
    }

    /// `titleSuffixes` as UTF-8.
    private static let titleSuffixBytes: [([UInt8], DocumentKind)] = titleSuffixes.map { (Array($0.0.utf8), $0.1) }

    /// The last scalars of the genre words.
    private static let suffixLastScalars: Set<UInt32> = Set(titleSuffixes.map { $0.0.unicodeScalars.last!.value })

    /// Genre words ending a title, longest first where one ends another.
    private static let titleSuffixes: [(String, DocumentKind)] = [
        ("规划纲要", .outline), ("纲要", .outline),
        ("通知", .notice), ("通告", .notice), ("公告", .notice), ("批复", .notice), ("决定", .notice), ("函", .notice),
        ("指导意见", .opinion), ("实施意见", .opinion), ("意见", .opinion),
        ("规划", .plan), ("方案", .plan), ("计划", .plan),
        ("办法", .measures), ("措施", .measures), ("细则", .measures), ("规定", .measures), ("条例", .measures), ("举措", .measures),
        ("指引", .measures), ("指南", .measures), ("准则", .measures),
        ("报告", .report),
    ]
}
