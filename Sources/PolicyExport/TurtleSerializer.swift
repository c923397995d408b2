/// Turtle with prefix declarations; consecutive statements about one subject share it (`;`).
public final class TurtleSerializer: RDFSerializer {
    private let out: ByteSink
    private var open = false
    private var lastSubject: RDFTerm?

    public init(out: ByteSink) { self.out = out }

    public func begin() throws {
        for ns in RDFNamespace.all {
            try out.write("@prefix \(ns.prefix): <\(ns.iri)> .\n")
        }
        try out.write("\n" as StaticString)
    }

    public func end() throws {
        if open { try out.write(" .\n" as StaticString) }
        try out.flush()
    }

    public func emit(_ subject: RDFTerm, _ predicate: RDFName, _ object: RDFTerm, graph: String?) throws {
        if open, let last = lastSubject, last.isSameNode(as: subject) {
            try out.write(" ;\n    " as StaticString)
        } else {
            if open { try out.write(" .\n" as StaticString) }
            try subject.write(to: out, names: .prefixed)
            try out.write(byte: 0x20)
            open = true
            lastSubject = subject
        }
        if predicate === Vocabulary.type { try out.write("a" as StaticString) } else { try out.write(predicate.qualified) }
        try out.write(byte: 0x20)
        try object.write(to: out, names: .prefixed)
    }
}
