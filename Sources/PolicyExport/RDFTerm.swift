/// An RDF term as the serializers receive it.
public enum RDFTerm {
    /// An absolute IRI, already safe for N-Triples (see `IRIEncoding`).
    case iri(String)
    /// A vocabulary term.
    case name(RDFName)
    /// A blank node, written `_:b<number>`.
    case blank(Int)
    /// A literal: plain (xsd:string), language-tagged or typed.
    case literal(String, RDFLiteralKind)
}

public enum RDFLiteralKind {
    case plain
    case language(String)
    case typed(RDFName)
}

/// Minting IRIs from graph ids: UTF-8 is kept (IRIs allow it and N-Triples, Turtle, RDF/XML, rdflib and
/// pyoxigraph accept it), ASCII characters IRIs forbid or reserve in a path segment and non-`ucschar` code
/// points are percent-encoded, so the mapping is injective and the result is a valid IRI.
public enum IRIEncoding {
    /// Percent-encodes `s` for use as one path segment.
    public static func segment(_ s: String) -> String {
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
                let unreservedOrSafe = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                    || "-._~:@!$&'()*+,;=".unicodeScalars.contains(u)
                if unreservedOrSafe { out.append(u) } else { encode(u) }
            } else if isUCSChar(v) {
                out.append(u)
            } else {
                encode(u)
            }
        }
        return String(out)
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
