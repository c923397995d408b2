/// An RDF term as the serializers receive it.
public enum RDFTerm: Sendable {
    /// An absolute IRI, already safe for N-Triples (see `IRIEncoding`).
    case iri(String)
    /// A vocabulary term.
    case name(RDFName)
    /// A blank node, written `_:b<number>`.
    case blank(Int)
    /// A literal: plain (xsd:string), language-tagged or typed.
    case literal(String, RDFLiteralKind)
    /// An xsd:integer literal (written without building a string).
    case integer(Int)
}

public enum RDFLiteralKind: Sendable {
    case plain
    case language(String)
    case typed(RDFName)
}

/// Minting IRIs from graph ids: UTF-8 is kept (IRIs allow it and N-Triples, Turtle, RDF/XML, rdflib and
/// pyoxigraph accept it), ASCII characters IRIs forbid or reserve in a path segment, non-`ucschar` code points,
/// and white space and invisible format characters (U+2028/U+2029 line and paragraph separators, U+3000, zero-width
/// and bidirectional marks, which line-based readers split on or drop) are percent-encoded, so the mapping is
/// injective — control characters are encoded, never dropped — and the result is a valid IRI.
public enum IRIEncoding {
    /// Percent-encodes `s` for use as one path segment.
    public static func segment(_ s: String) -> String {
        if let clean = s.utf8.withContiguousStorageIfAvailable(isSafeSegment), clean { return s }
        return encodeSegment(s)
    }

    /// True when no byte needs encoding: safe ASCII, and multi-byte characters in U+00A0–U+D7FF (lead bytes C2–ED,
    /// except C2 80–9F) other than U+2000–U+2FFF (lead E2: separators and format characters live there) and U+3000 —
    /// the common Chinese case.
    @inline(__always)
    static func isSafeSegment(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x80 {
                if safeASCII[Int(b)] == 0 { return false }
            } else if b == 0xC2 {
                if i + 1 < utf8.count && utf8[i + 1] < 0xA0 { return false }
            } else if b == 0xE2 {
                return false
            } else if b == 0xE3 {
                if i + 2 < utf8.count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0x80 { return false }
            } else if b < 0xC2 || b > 0xED {
                if b >= 0x80 && b < 0xC0 { i += 1; continue }      // continuation byte
                return false
            }
            i += 1
        }
        return true
    }

    private static let safeASCII: [UInt8] = (0..<128).map { v in
        let u = Unicode.Scalar(UInt8(v))
        let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            || "-._~:@!$&'()*+,;=".unicodeScalars.contains(u)
        return ok ? 1 : 0
    }

    static func encodeSegment(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        func encode(_ u: Unicode.Scalar) {
            for b in String(u).utf8 {
                out.append("%")
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            }
        }
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                if safeASCII[Int(v)] == 1 { out.append(u) } else { encode(u) }
            } else if isUCSChar(v) && !isInvisible(u) {
                out.append(u)
            } else {
                encode(u)
            }
        }
        return String(out)
    }

    /// White space (U+2028, U+2029, U+3000, U+00A0 …) and format characters (zero-width, bidirectional marks):
    /// allowed in an IRI by RFC 3987 but split on or dropped by line-based readers, and invisible to a reader.
    static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        u.properties.isWhitespace || u.properties.generalCategory == .format
    }

    /// RFC 3987 `ucschar`.
    static func isUCSChar(_ v: UInt32) -> Bool {
        if v >= 0xA0 && v <= 0xD7FF { return true }
        if v >= 0xF900 && v <= 0xFDCF { return true }
        if v >= 0xFDF0 && v <= 0xFFEF { return true }
        if v >= 0x10000 && v <= 0xEFFFD { return (v & 0xFFFF) < 0xFFFE }
        return false
    }
}
