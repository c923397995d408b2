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
        try subject.write(to: out, names: .absolute)
        try out.write(" <" as StaticString)
        try out.write(predicate.iri)
        try out.write("> " as StaticString)
        try object.write(to: out, names: .absolute)
        if quads, let graph {
            try out.write(" <" as StaticString)
            try out.write(graph)
            try out.write(">" as StaticString)
        }
        try out.write(" .\n" as StaticString)
    }
}
