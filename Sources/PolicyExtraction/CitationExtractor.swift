import PolicyText
/// A document named in running text: by title in 《…》 (optionally followed by its 文号 in brackets) or by 文号 alone.
struct Citation: Sendable, Hashable {
    /// Title without 《》, or nil for a bare 文号.
    var title: String?
    var docNumber: DocumentNumber?
    /// Scalar range (title brackets / number) inside the span.
    var range: Range<Int>
}

/// Finds cited documents: 《title》, 《title》（文号）, and bare 文号 such as "财金〔2021〕110号".
enum CitationExtractor {
    /// Titles that are too generic to be a document ("《方案》" as a short alias).
    static let minimumTitleLength = 4

    static func citations(in span: ScalarSpan) -> [Citation] {
        // A citation needs a 《 (a title) or digits and a 号 (a 文号): most sentences have neither, and one pass says so.
        var hasTitle = false
        var hasDigit = false
        var hasNumberSign = false
        for c in span.scalars {
            if c == "《" { hasTitle = true } else if c.digitValue != nil { hasDigit = true } else if c == "号" { hasNumberSign = true }
        }
        hasDigit = hasDigit && hasNumberSign
        guard hasTitle || hasDigit else { return [] }
        var out: [Citation] = []
        let numbers = hasDigit ? DocumentNumber.occurrences(in: span.scalars, from: 0, to: span.count) : []
        var usedNumbers = Set<Int>()
        var i = 0
        while hasTitle, i < span.count {
            guard span.scalars[i] == "《", let close = IssuerExtractor.matchingClose(span, open: i) else { i += 1; continue }
            let title = span.string((i + 1)..<close).trimmingSpaces()
            var number: DocumentNumber?
            // "《…》（财库〔2021〕20号）": a 文号 starting right after the title, inside brackets.
            var j = close + 1
            while j < span.count, span.scalars[j].isInlineSpace { j += 1 }
            if j < span.count, span.scalars[j] == "（" || span.scalars[j] == "(" {
                if let k = numbers.firstIndex(where: { $0.range.lowerBound == j + 1 || $0.range.lowerBound == j + 2 }) {
                    number = numbers[k].number
                    usedNumbers.insert(k)
                }
            }
            if title.unicodeScalars.count >= minimumTitleLength {
                out.append(Citation(title: title, docNumber: number, range: i..<(close + 1)))
            }
            i = close + 1
        }
        for (k, found) in numbers.enumerated() where !usedNumbers.contains(k) {
            out.append(Citation(title: nil, docNumber: found.number, range: found.range))
        }
        return out.count > 1 ? out.sorted { $0.range.lowerBound < $1.range.lowerBound } : out
    }
}
