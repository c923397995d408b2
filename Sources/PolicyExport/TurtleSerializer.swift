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
        if open, let last = lastSubject, same(last, subject) {
            try out.write(" ;\n    " as StaticString)
        } else {
            if open { try out.write(" .\n" as StaticString) }
            try term(subject)
            try out.write(byte: 0x20)
            open = true
            lastSubject = subject
        }
        if predicate === Vocabulary.type { try out.write("a" as StaticString) } else { try out.write(predicate.qualified) }
        try out.write(byte: 0x20)
        try term(object)
    }

    private func same(_ a: RDFTerm, _ b: RDFTerm) -> Bool {
        switch (a, b) {
        case let (.iri(x), .iri(y)): return x == y
        case let (.blank(x), .blank(y)): return x == y
        case let (.name(x), .name(y)): return x === y
        default: return false
        }
    }

    private func term(_ t: RDFTerm) throws {
        switch t {
        case .iri(let iri):
            try out.write(byte: 0x3C)
            try out.write(iri)
            try out.write(byte: 0x3E)
        case .name(let name):
            try out.write(name.qualified)
        case .blank(let id):
            try out.write("_:b" as StaticString)
            try out.write(int: id)
        case .integer(let value):
            try out.write(byte: 0x22)
            try out.write(int: value)
            try out.write("\"^^xsd:integer" as StaticString)
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
                try out.write(datatype.qualified)
            }
        }
    }
}
