/// The kind of a document found in a file.
public enum DocumentKind: String, Sendable, Codable {
    case notice, opinion, plan, measures, outline, report, news, article, preface, toc, other

    /// The kind a title's final genre word implies ("…的通知" → notice), nil if none.
    public static func fromTitle(_ title: String) -> DocumentKind? {
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
