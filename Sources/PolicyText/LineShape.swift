/// How a cleaned line begins and ends: decides whether a hard line break continues a paragraph.
enum LineShape {
    @inline(__always)
    static func isTerminator(_ v: UInt32) -> Bool { Punctuation.lineEnders.contains(v) }

    @inline(__always)
    static func isClosingQuote(_ v: UInt32) -> Bool { Punctuation.closingQuotes.contains(v) }

    /// Punctuation after which a sentence obviously continues.
    @inline(__always)
    static func isContinuing(_ v: UInt32) -> Bool { Punctuation.continuing.contains(v) }

    /// The line ends a sentence: 。！？；： (possibly followed by a closing quote) or an ellipsis.
    static func endsParagraph(_ s: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return true }
        let last = s[end - 1]
        if isTerminator(last) { return true }
        if isClosingQuote(last) && end - 2 >= start && isTerminator(s[end - 2]) { return true }
        return false
    }

    /// The line starts a new block: markdown heading or emphasis, list markers ("一、", "（一）", "1.", "第三条"),
    /// bullets, attachment and source lines, URLs.
    static func startsBlock(_ s: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return true }
        let first = s[start]
        let second: UInt32 = end - start > 1 ? s[start + 1] : 0
        switch first {
        case 0x23: return true                                   // #
        case 0x68:                                               // http:// https://
            return end - start >= 7 && s[start + 1] == 0x74 && s[start + 2] == 0x74 && s[start + 3] == 0x70
                && (s[start + 4] == 0x3A || s[start + 4] == 0x73)
        case 0x77:                                               // www.
            return end - start >= 4 && s[start + 1] == 0x77 && s[start + 2] == 0x77 && s[start + 3] == 0x2E
        case 0x2A: return second == 0x2A                         // **
        case _ where Punctuation.bullets.contains(first): return true
        case 0x9644: return second == 0xFF1A || second == 0x3A || second == 0x4EF6   // 附：/ 附件
        case 0x6765: return second == 0x6E90                     // 来源
        case 0x7B2C:                                             // 第…条/章/节
            var k = start + 1
            while k < end && k < start + 6 && (ChineseNumerals.value(of: s[k]) != nil || ScalarClass.isASCIIDigit(s[k])) { k += 1 }
            if k > start + 1 && k < end { return s[k] == 0x6761 || s[k] == 0x7AE0 || s[k] == 0x8282 || s[k] == 0x90E8 }
            return false
        case 0xFF08, 0x28:                                       // （一） (1)
            var k = start + 1
            while k < end && k < start + 4 && (ChineseNumerals.value(of: s[k]) != nil || ScalarClass.isASCIIDigit(s[k])) { k += 1 }
            return k > start + 1 && k < end && (s[k] == 0xFF09 || s[k] == 0x29)
        default:
            var k = start
            if ChineseNumerals.value(of: first) != nil {
                while k < end && k < start + 4 && ChineseNumerals.value(of: s[k]) != nil { k += 1 }
                return k < end && s[k] == 0x3001                 // 一、
            }
            if ScalarClass.isASCIIDigit(first) {
                while k < end && k < start + 3 && ScalarClass.isASCIIDigit(s[k]) { k += 1 }
                guard k + 1 < end else { return false }
                let mark = s[k]
                return (mark == 0xFF0E || mark == 0x3001 || mark == 0x2E) && !ScalarClass.isASCIIDigit(s[k + 1])
            }
            return false
        }
    }

    /// A hard break between two content lines continues the paragraph.
    static func joins(_ s: [UInt32], _ previous: CleanLine, _ next: CleanLine, joinWidth: Int) -> Bool {
        if s[previous.start] == 0x23 { return false }            // markdown heading
        if startsBlock(s, next.start, next.end) { return false }
        if endsParagraph(s, previous.start, previous.end) { return false }
        if isContinuing(s[previous.end - 1]) { return true }
        if previous.width >= joinWidth { return true }
        return wrapsAfterFigure(s, previous, next)
    }

    /// Least display width of a line that a break after a figure ("…控制在8%" / "以内…") may continue.
    static let figureWrapWidth = 40

    /// A figure ('%', '‰', a digit) does not end a sentence: a long prose line (it holds a ，、 and starts no block)
    /// that ends in one, followed by a line starting with an ideograph, was wrapped mid-sentence. Narrow figures
    /// make such lines fall short of the wrap width, so the width test alone misses them.
    static func wrapsAfterFigure(_ s: [UInt32], _ previous: CleanLine, _ next: CleanLine) -> Bool {
        let last = s[previous.end - 1]
        guard last == 0x25 || last == 0x2030 || ScalarClass.isASCIIDigit(last),
              previous.width >= figureWrapWidth, ScalarClass.isIdeograph(s[next.start]),
              !startsBlock(s, previous.start, previous.end) else { return false }
        var k = previous.start
        while k < previous.end {
            if s[k] == 0xFF0C || s[k] == 0x3001 { return true }
            k += 1
        }
        return false
    }
}
