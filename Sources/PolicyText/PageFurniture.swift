import PolicyGrammar

/// Recognisers for page furniture: page numbers, table-of-contents lines and the buttons of a portal page.
enum PageFurniture {
    /// The words of a portal page's buttons (share, print, close, bookmark, report an error, font size, back to top),
    /// printed as text lines when a page is copied; the size letters (大 中 小) are button words only beside others.
    static let buttonWords = WordSet(["分享到", "分享", "打印本页", "打印", "关闭窗口", "关闭本页", "关闭", "收藏本页", "收藏", "纠错",
                                      "返回顶部", "扫一扫", "字号"].map { ($0, true) } + ["大", "中", "小"].map { ($0, false) })
    /// Brackets and separators between buttons.
    static let buttonSeparators = ScalarSet("【】[]：:|｜ \u{3000}")

    /// A line made only of button words ("分享", "【打印本页】【关闭窗口】", "字号：大 中 小"): page chrome, never part of a
    /// title or a body name.
    ///
    ///     widgetLine → (buttonWord | separator)+, holding a button word other than a size letter
    static func isWidgetLine(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0, words = 0
        while i < s.count {
            if buttonSeparators.contains(s[i].value) { i += 1; continue }
            guard let word = buttonWords.longestMatch(in: s, at: i, end: s.count) else { return false }
            if word.value { words += 1 }
            i = word.end
        }
        return words > 0
    }

    /// The separators of a breadcrumb trail.
    static let crumbSeparators = ScalarSet(">＞»›")

    /// A portal's breadcrumb trail ("当前位置：首页 > 政务公开 > 规划计划", or its wrapped tail "> 政务公开 > 发展计划"):
    /// page chrome, never a title, though its last crumb may be a genre word (计划, 通知).
    ///
    ///     breadcrumb → crumb? (sp* separator sp* crumb){2,}  |  separator sp* crumb (sp* separator sp* crumb)*
    static func isBreadcrumb(_ s: [Unicode.Scalar]) -> Bool {
        var first = 0
        while first < s.count, s[first] == " " || s[first] == "\u{3000}" { first += 1 }
        guard first < s.count, s.count <= 120, !s.contains("《") else { return false }
        let separators = s.reduce(0) { $0 + (crumbSeparators.contains($1.value) ? 1 : 0) }
        return separators >= 2 || (separators == 1 && crumbSeparators.contains(s[first].value))
    }

    /// Dashes and dots that decorate page numbers ("— 4 —", "- 12 -", "·3·").
    @inline(__always)
    static func isDecoration(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x2D, 0x2010...0x2015, 0xFF0D, 0x2500, 0x2501, 0x00B7, 0x2022, 0x5F, 0x7E, 0x301C, 0xFF5E: return true
        default: return false
        }
    }

    /// A line holding nothing but a page number of 1–4 digits, possibly between dashes.
    static func isPageNumber(_ s: UnsafeBufferPointer<UInt32>) -> Bool {
        var digits = 0
        var seenDigits = false, afterDigits = false
        for v in s {
            if ScalarClass.isASCIIDigit(v) {
                if afterDigits { return false }
                seenDigits = true; digits += 1
            } else if isDecoration(v) {
                if seenDigits { afterDigits = true }
            } else {
                return false
            }
        }
        return digits >= 1 && digits <= 4
    }

    @inline(__always)
    static func isLeader(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x00B7, 0x2026, 0x2027, 0x30FB, 0x22EF, 0xFF0E, 0x2025, 0x2022, 0x5F, 0xFF65: return true
        default: return false
        }
    }

    /// Index where the dot leaders of a TOC line start, if the line is "title leaders page" (page: 1–4 digits).
    static func tocLeaderStart(_ s: UnsafeBufferPointer<UInt32>) -> Int? {
        var end = s.count
        while end > 0 && s[end - 1] == 0x20 { end -= 1 }
        var digitsStart = end
        while digitsStart > 0 && ScalarClass.isASCIIDigit(s[digitsStart - 1]) { digitsStart -= 1 }
        let digits = end - digitsStart
        guard digits >= 1 && digits <= 4 else { return nil }
        var leaderEnd = digitsStart
        while leaderEnd > 0 && s[leaderEnd - 1] == 0x20 { leaderEnd -= 1 }
        var leaderStart = leaderEnd
        var ellipses = 0
        while leaderStart > 0 && (isLeader(s[leaderStart - 1]) || s[leaderStart - 1] == 0x20) {
            if s[leaderStart - 1] == 0x2026 || s[leaderStart - 1] == 0x22EF { ellipses += 1 }
            leaderStart -= 1
        }
        let leaders = leaderEnd - leaderStart
        guard leaders >= 4 || ellipses >= 2 else { return nil }
        while leaderStart < leaderEnd && s[leaderStart] == 0x20 { leaderStart += 1 }
        return leaderStart
    }
}
