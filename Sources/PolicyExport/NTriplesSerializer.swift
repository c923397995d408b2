/// N-Triples (one triple a line) or, with `quads`, N-Quads (the graph IRI as fourth term when given).
public final class NTriplesSerializer: RDFSerializer {
    private let out: ByteSink
    private let quads: Bool

    public init(out: ByteSink, quads: Bool) {
        self.out = out
        self.quads = quads
    }

    public func begin() throws {}
    public func end() throws { try out.flush() }

    @inline(__always)
    public func emit(_ subject: RDFTerm, _ predicate: RDFName, _ object: RDFTerm, graph: String?) throws {
        try term(subject)
        try out.write(" <" as StaticString)
        try out.write(predicate.iri)
        try out.write("> " as StaticString)
        try term(object)
        if quads, let graph {
            try out.write(" <" as StaticString)
            try out.write(graph)
            try out.write(">" as StaticString)
        }
        try out.write(" .\n" as StaticString)
    }

    @inline(__always)
    private func term(_ t: RDFTerm) throws {
        switch t {
        case .iri(let iri):
            try out.write(byte: 0x3C)
            try out.write(iri)
            try out.write(byte: 0x3E)
        case .name(let name):
            try out.write(byte: 0x3C)
            try out.write(name.iri)
            try out.write(byte: 0x3E)
        case .blank(let id):
            try out.write("_:b" as StaticString)
            try out.write(int: id)
        case .integer(let value):
            try out.write(byte: 0x22)
            try out.write(int: value)
            try out.write("\"^^<http://www.w3.org/2001/XMLSchema#integer>" as StaticString)
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
                try out.write("^^<" as StaticString)
                try out.write(datatype.iri)
                try out.write(byte: 0x3E)
            }
        }
    }
}
