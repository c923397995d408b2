import Foundation
import PolicyText
import PolicyXML

/// The metadata a portal page states about itself: `<meta name=…>` tags and "发文机关：…" tables.
public enum HTMLMetadata {
    /// Labels of metadata tables, mapped to the key they are returned under.
    static let labels: [String: String] = [
        "标题": "标题", "名称": "标题", "文件名称": "标题",
        "发文机关": "发文机关", "发布机构": "发文机关", "发文单位": "发文机关", "发布机关": "发文机关",
        "发文字号": "发文字号", "文号": "发文字号",
        "成文日期": "成文日期", "发布日期": "发布日期", "发文日期": "成文日期",
        "索引号": "索引号", "主题分类": "主题分类",
    ]
    /// `<meta name=…>` tags, mapped to the key they are returned under.
    static let metaNames: [String: String] = [
        "articletitle": "标题", "pubdate": "发布日期", "firstpublishedtime": "发布日期",
        "contentsource": "来源", "keywords": "keywords", "description": "description",
    ]

    /// Collects metadata (a visible table wins over `<meta>` tags); keys: "title" (the <title>, site suffix removed), 标题, 发文机关, 发文字号, 成文日期,
    /// 发布日期, 索引号, 主题分类, 来源, keywords, description — whichever the page states.
    public static func collect(_ tree: MarkupTree) -> [String: String] {
        var out: [String: String] = [:]
        var fromMeta: [String: String] = [:]
        // Text length and node count below each node, so that only short, shallow elements (labels, values) are
        // looked at: reading the text of every element of a deeply nested page would cost its depth squared.
        var subtreeLength = [Int](repeating: 0, count: tree.count)
        var subtreeNodes = [Int](repeating: 1, count: tree.count)
        for n in stride(from: tree.count - 1, through: 1, by: -1) {
            if tree.kinds[n] == .text { subtreeLength[n] += tree.texts[n].utf8.count }
            subtreeLength[Int(tree.parents[n])] += subtreeLength[n]
            subtreeNodes[Int(tree.parents[n])] += subtreeNodes[n]
        }
        for n in 0..<tree.count where tree.kinds[n] == .element {
            switch tree.names[n] {
            case "title":
                let t = cleaned(tree.textContent(of: n))
                if !t.isEmpty { out["title"] = stripSiteSuffix(t) }
            case "meta":
                if let name = tree.attribute("name", of: n)?.lowercased(), let key = metaNames[name],
                   let content = tree.attribute("content", of: n).map(cleaned), !content.isEmpty, fromMeta[key] == nil {
                    fromMeta[key] = content
                }
            case "td", "th", "li", "p", "span", "div", "dt", "b", "strong", "label":
                guard subtreeLength[n] <= 1200, subtreeNodes[n] <= 64 else { continue }
                let text = cleaned(tree.textContent(of: n))
                guard !text.isEmpty, text.unicodeScalars.count <= 120 else { continue }
                let squeezedText = squeezed(text)
                // "发文机关：" in this cell, the value in the next cell / sibling element.
                if let key = labels[withoutColons(squeezedText)] {
                    if out[key] == nil, let value = nextSiblingText(tree, of: n), !value.isEmpty,
                       labels[withoutColons(squeezed(value))] == nil {
                        out[key] = value
                    }
                    continue
                }
                // "发文机关：国务院" in one element.
                let scalars = Array(text.unicodeScalars)
                if let colon = scalars.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > 0 {
                    let head = squeezed(String(String.UnicodeScalarView(scalars[..<colon])))
                    let value = cleaned(String(String.UnicodeScalarView(scalars[(colon + 1)...])))
                    if let key = labels[head], out[key] == nil, !value.isEmpty, !value.unicodeScalars.contains("：") {
                        out[key] = value
                    }
                }
            default:
                continue
            }
        }
        // The page's visible metadata table wins over machine-readable meta tags.
        return out.merging(fromMeta) { table, _ in table }
    }

    /// Text of the next element sibling of `n` (the value cell of a label cell).
    static func nextSiblingText(_ tree: MarkupTree, of n: Int) -> String? {
        var s = Int(tree.nextSibling[n])
        while s >= 0 {
            if tree.kinds[s] == .element { return cleaned(tree.textContent(of: s)) }
            let t = cleaned(tree.texts[s])
            if !t.isEmpty { return t }
            s = Int(tree.nextSibling[s])
        }
        return nil
    }

    /// `s` without leading and trailing colons (full- and half-width).
    static func withoutColons(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        while let f = scalars.first, f == "：" || f == ":" { scalars = scalars.dropFirst() }
        while let l = scalars.last, l == "：" || l == ":" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whitespace (including ideographic and no-break spaces) collapsed and trimmed.
    static func cleaned(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if isSpace(u) { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(u)
        }
        return String(out)
    }

    static func stripSiteSuffix(_ title: String) -> String {
        for separator in ["_", " - ", "－", "|", "——"] {
            if let r = title.range(of: separator) {
                let head = cleaned(String(title[..<r.lowerBound]))
                if head.unicodeScalars.count >= 4 { return head }
            }
        }
        return title
    }

    /// Warnings where the metadata says something the text does not: a 文号, title, issuer or date missing
    /// from the extracted text.
    public static func disagreements(_ metadata: [String: String], text: String) -> [String] {
        var warnings: [String] = []
        let body = Array(comparable(text).utf8)
        func mentions(_ s: String) -> Bool { containsBytes(body, Array(s.utf8)) }
        if let number = metadata["发文字号"], !number.isEmpty, !mentions(comparable(number)) {
            warnings.append("metadata 发文字号 “\(number)” does not appear in the text")
        }
        if let title = metadata["标题"], !title.isEmpty, !mentions(comparable(title)) {
            warnings.append("metadata 标题 “\(title)” does not appear in the text")
        }
        if let issuers = metadata["发文机关"] {
            for issuer in issuers.split(whereSeparator: { " 、,，;；".contains($0) }) where !mentions(comparable(String(issuer))) {
                warnings.append("metadata 发文机关 “\(issuer)” does not appear in the text")
            }
        }
        if let date = metadata["成文日期"], let iso = isoDate(date) {
            let forms = dateForms(iso)
            if !forms.contains(where: { mentions($0) }) {
                warnings.append("metadata 成文日期 “\(date)” does not appear in the text")
            }
        }
        return warnings
    }

    /// Full-width ASCII made half-width, no whitespace, 文号 brackets unified: for containment checks.
    static func comparable(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where !isSpace(u) {
            var v = u.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            switch v {
            case 0x5B, 0x3010, 0xFF3B: v = 0x3014       // [ 【 → 〔
            case 0x5D, 0x3011, 0xFF3D: v = 0x3015       // ] 】 → 〕
            case 0x28: v = 0xFF08                        // ( → （
            case 0x29: v = 0xFF09                        // ) → ）
            default: break
            }
            out.append(Unicode.Scalar(v)!)
        }
        return String(out)
    }

    /// "2022-11-18", "2022年11月18日", "2022/11/18", "2022.11.18" → (2022, 11, 18) (the first full date, read by
    /// `ChineseDate`).
    static func isoDate(_ s: String) -> (Int, Int, Int)? {
        guard let (iso, _) = ChineseDate.find(in: s) else { return nil }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
    }

    /// The ways a date is written in running text: Arabic and Chinese numerals.
    static func dateForms(_ d: (Int, Int, Int)) -> [String] {
        let digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        func chineseYear(_ y: Int) -> String { String(y).map { digits[Int(String($0))!] }.joined() }
        func chineseNumber(_ n: Int) -> String {
            if n < 10 { return digits[n] }
            let tens = n / 10, ones = n % 10
            return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
        }
        let (y, m, day) = d
        return [
            "\(y)年\(m)月\(day)日",
            String(format: "%04d-%02d-%02d", y, m, day),
            chineseYear(y) + "年" + chineseNumber(m) + "月" + chineseNumber(day) + "日",
            chineseYear(y).replacingOccurrences(of: "〇", with: "○") + "年" + chineseNumber(m) + "月" + chineseNumber(day) + "日",
        ]
    }
}

/// Whether `needle` occurs in `haystack` (bytes); an empty needle always does.
func containsBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    needle.isEmpty || haystack.withUnsafeBufferPointer { ByteSearch.firstIndex(of: needle, in: $0, 0, $0.count) != nil }
}
