import Foundation

/// Whitespace as Python's `str.isspace` / regex `\s` sees it.
func isPythonSpace(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x09...0x0D, 0x1C...0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true
    default:
        return false
    }
}

/// The scorer's name normalisation: NFKC, no whitespace, brackets unified to [], quotes and title marks
/// removed, dashes unified to "-" (score.py `norm`).
public func scoreNormalized(_ s: String) -> String {
    let nfkc = s.precomposedStringWithCompatibilityMapping
    var out = String.UnicodeScalarView()
    for u in nfkc.unicodeScalars {
        if isPythonSpace(u) { continue }
        switch u {
        case "〔", "【", "［": out.append("[")
        case "〕", "】", "］": out.append("]")
        case "“", "”", "\"", "《", "》", "〈", "〉": continue
        case "—", "－", "–": out.append("-")
        default: out.append(u)
        }
    }
    return String(out)
}

/// A 文号 for comparison: normalised, round brackets as square ones; nil when nothing is left.
public func scoreDocumentNumber(_ s: String) -> String? {
    var out = String.UnicodeScalarView()
    for u in scoreNormalized(s).unicodeScalars {
        out.append(u == "(" ? "[" : u == ")" ? "]" : u)
    }
    return out.isEmpty ? nil : String(out)
}

/// Character bigrams (of Unicode scalars); a one-scalar string is its own single "bigram".
func scalarBigrams(_ s: [Unicode.Scalar]) -> Set<[Unicode.Scalar]> {
    var set = Set<[Unicode.Scalar]>()
    if s.count >= 2 { for i in 0..<(s.count - 1) { set.insert([s[i], s[i + 1]]) } }
    return set.isEmpty ? [s] : set
}

/// score.py `title_match`: one normalised title inside the other (the shorter ≥ 6 scalars), or bigram
/// Jaccard similarity ≥ 0.6.
public func titlesMatch(_ a: String, _ b: String) -> Bool {
    let x = Array(scoreNormalized(a).unicodeScalars), y = Array(scoreNormalized(b).unicodeScalars)
    if x.isEmpty || y.isEmpty { return false }
    if scalarContains(x, y) || scalarContains(y, x) { return min(x.count, y.count) >= 6 }
    let bx = scalarBigrams(x), by = scalarBigrams(y)
    return Double(bx.intersection(by).count) / Double(bx.union(by).count) >= 0.6
}

/// Whether scalar sequence `needle` occurs in `haystack` (Python `in` on str).
func scalarContains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
    if needle.isEmpty { return true }
    if needle.count > haystack.count { return false }
    for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
        if Array(haystack[i..<(i + needle.count)]) == needle { return true }
    }
    return false
}

/// Python's `os.path.splitext(os.path.basename(p))[0]`.
func pathStem(_ path: String) -> String {
    let base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    guard let dot = base.lastIndex(of: ".") else { return base }
    // A name made of leading dots only before the last dot has no extension (".bashrc").
    if base[..<dot].allSatisfy({ $0 == "." }) { return base }
    return String(base[..<dot])
}
