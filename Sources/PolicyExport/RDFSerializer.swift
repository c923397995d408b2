/// Receives statements from `RDFMapper` and writes them in one RDF syntax. Statements arrive grouped by subject
/// (all statements of a subject consecutively, per graph), which Turtle and RDF/XML use for compact output.
public protocol RDFSerializer: AnyObject {
    func begin() throws
    /// One statement; `graph` is the named graph's IRI (nil: default graph). Triple formats ignore it.
    func emit(_ subject: RDFTerm, _ predicate: RDFName, _ object: RDFTerm, graph: String?) throws
    func end() throws
}

/// Escaping of string literal content shared by N-Triples, N-Quads and Turtle: `"` `\` and line breaks.
enum RDFLiteralEscaping {
    @inline(__always)
    static func write(_ s: String, to out: ByteSink) throws {
        var s = s
        try s.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b == 0x22 || b == 0x5C || b < 0x20 else { continue }
                if i > start { try out.write(bytes: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                switch b {
                case 0x22: try out.write("\\\"" as StaticString)
                case 0x5C: try out.write("\\\\" as StaticString)
                case 0x0A: try out.write("\\n" as StaticString)
                case 0x0D: try out.write("\\r" as StaticString)
                case 0x09: try out.write("\\t" as StaticString)
                default: try out.write(String(format: b))
                }
                start = i + 1
            }
            if start < utf8.count { try out.write(bytes: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count])) }
        }
    }
}

extension String {
    /// `\u00XX` for a control byte.
    init(format b: UInt8) {
        let hex = String(b, radix: 16, uppercase: true)
        self = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
