/// The type of an official document read from the end of its title: 通知, 意见, 实施意见, 方案, 规划, 纲要, 办法 …
public enum DocumentType {
    /// Type words, longest first so that "实施意见" wins over "意见".
    static let words: [String] = [
        "实施意见", "指导意见", "实施细则", "实施办法", "管理办法", "行动计划",
        "通知", "意见", "办法", "方案", "规划", "纲要", "决定", "批复", "决议", "细则", "规定", "条例", "计划",
        "通告", "公告", "通报", "指南", "措施", "倡议", "协定", "公约", "纪要", "意向", "政策", "报告", "要点", "目录",
        "规则", "标准", "清单", "函", "令", "法",
    ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    /// `words` as scalars, decoded once.
    static let wordScalars: [[Unicode.Scalar]] = words.map { Array($0.unicodeScalars) }

    /// Type words that are strong enough to mark a title in running prose (not "法", "令", "政策" …).
    static let strongWords: Set<String> = [
        "实施意见", "指导意见", "实施细则", "实施办法", "管理办法", "行动计划", "通知", "意见", "办法", "方案", "规划",
        "纲要", "决定", "批复", "细则", "规定", "条例", "计划", "通告", "公告", "指南", "措施",
    ]

    /// The type of a title, e.g. "…的通知" → "通知", "扩大内需战略规划纲要（2022－2035年）" → "纲要".
    public static func of(title: String) -> String? {
        var t = Array(title.unicodeScalars)
        // Drop trailing spaces, quotes and a trailing parenthesised period "（2022－2035年）".
        while let last = t.last, last.isInlineSpace || "》〉”\"".unicodeScalars.contains(last) { t.removeLast() }
        if let last = t.last, last == "）" || last == ")",
           let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 {
            t.removeSubrange(open...)
        }
        for (k, w) in wordScalars.enumerated() where t.count >= w.count && t[(t.count - w.count)...].elementsEqual(w) {
            return words[k]
        }
        return nil
    }

    /// True when the type is specific enough to treat unbracketed prose as a title.
    static func isStrong(_ type: String) -> Bool { strongWords.contains(type) }
}
