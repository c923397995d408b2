/// How N-Triples-family syntax spells vocabulary terms: as absolute IRIs in angle brackets (N-Triples, N-Quads) or
/// as prefixed names (Turtle, whose prefixes are declared up front).
enum RDFNameSpelling {
    case absolute
    case prefixed
}

extension RDFTerm {
    /// True when both denote the same node (an IRI, a blank node or a vocabulary term); literals never do. The
    /// grouping serializers (Turtle, RDF/XML) use it to keep writing about one subject.
    func isSameNode(as other: RDFTerm) -> Bool {
        switch (self, other) {
        case let (.iri(x), .iri(y)): return x == y
        case let (.blank(x), .blank(y)): return x == y
        case let (.name(x), .name(y)): return x === y
        default: return false
        }
    }

    /// Writes the term in N-Triples/Turtle syntax, vocabulary terms spelled as `names` says.
    @inline(__always)
    func write(to out: ByteSink, names: RDFNameSpelling) throws {
        switch self {
        case .iri(let iri):
            try out.write(byte: 0x3C)
            try out.write(iri)
            try out.write(byte: 0x3E)
        case .name(let name):
            try Self.write(name, to: out, names)
        case .blank(let id):
            try out.write("_:b" as StaticString)
            try out.write(int: id)
        case .integer(let value):
            try out.write(byte: 0x22)
            try out.write(int: value)
            try out.write("\"^^" as StaticString)
            try Self.write(Vocabulary.xsdInteger, to: out, names)
        case .literal(let text, let kind):
            try out.write(byte: 0x22)
            try RDFLiteralEscaping.write(text, to: out)
            try out.write(byte: 0x22)
            switch kind {
            case .plain: break
            case .language(let tag):
                try out.write(byte: 0x40)
                try out.write(tag)
            case .typed(let datatype):
                try out.write("^^" as StaticString)
                try Self.write(datatype, to: out, names)
            }
        }
    }

    @inline(__always)
    private static func write(_ name: RDFName, to out: ByteSink, _ spelling: RDFNameSpelling) throws {
        switch spelling {
        case .absolute:
            try out.write(byte: 0x3C)
            try out.write(name.iri)
            try out.write(byte: 0x3E)
        case .prefixed:
            try out.write(name.qualified)
        }
    }
}
