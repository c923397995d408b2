/// Normalises a name for lookup: full-width ASCII to half-width, ASCII lower case, whitespace, quotes, brackets
/// and separators removed, and a leading "中华人民共和国" dropped (财政部 = 中华人民共和国财政部).
/// Works on Unicode scalars; the result may be empty.
public func normalizedNameKey(_ name: String) -> String {
    var scalars = String.UnicodeScalarView()
    for s in name.unicodeScalars {
        var v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }          // full-width ASCII forms
        if v == 0x3000 { v = 0x20 }                             // ideographic space
        if v >= 0x41 && v <= 0x5A { v += 0x20 }                 // ASCII upper → lower
        if isIgnoredInNames(v) { continue }
        scalars.append(Unicode.Scalar(v) ?? s)
    }
    var key = String(scalars)
    let country = "中华人民共和国"
    if key.hasPrefix(country) && key.unicodeScalars.count > country.unicodeScalars.count {
        key = String(key.unicodeScalars.dropFirst(country.unicodeScalars.count))
    }
    return key
}

/// Scalars that carry no identity in a name: spaces, quotes, brackets, dots and dashes.
@inline(__always)
private func isIgnoredInNames(_ v: UInt32) -> Bool {
    switch v {
    case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x200B, 0xFEFF: return true
    case 0x22, 0x27, 0x28, 0x29, 0x2D, 0x5F, 0x60, 0xB7, 0x2027, 0x30FB: return true   // " ' ( ) - _ ` · ‧ ・
    case 0x2018, 0x2019, 0x201C, 0x201D: return true                                   // ‘ ’ “ ”
    case 0x3008...0x3011: return true                                                  // 〈〉《》「」『』【】
    case 0x2014, 0x2013: return true                                                   // — –
    default: return false
    }
}
