import CLibXML2
import PolicyXML
import Testing
import TestSupport

/// `XMLWriter` writes through libxml2's output buffer; its markup, indentation and escaping must be byte for byte
/// what libxml2's own `xmlTextWriter` writes for the same calls. Random call sequences (seeded) are replayed through
/// both, indented and not.
@Suite("XMLWriter against libxml2's xmlTextWriter")
struct XMLWriterReferenceTests {
    /// One writer call.
    enum Call {
        case start(String)
        case startNamespaced(prefix: String?, name: String, uri: String)
        case attribute(String, String)
        case number(String, Int)
        case identifier(String, letter: UInt8, Int)
        case namespace(prefix: String, uri: String)
        case text(String)
        /// The same text handed over as UTF-8 bytes (`text(utf8:)`).
        case textUTF8(String)
        case end
    }

    static let names = ["graph", "node", "edge", "data", "key", "y:ShapeNode", "attvalue"]
    static let pieces = ["财政部", "PPP", " ", "<", ">", "&", "\"", "'", "\n", "\r", "\t", "\r\n", "\u{01}", "\u{0C}",
                         "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "〔2021〕7号", "a", "1 < 2 && 3 > 2", "\u{FA10}", ""]

    /// A well-nested random call sequence: attributes only on an open start tag, text and children mixed.
    static func randomCalls(_ rng: inout SeededGenerator, count: Int) -> [Call] {
        func string() -> String { (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
        var calls: [Call] = [.start("root")]
        var depth = 1
        var startTagOpen = true
        for _ in 0..<count {
            let roll = Int.random(in: 0..<10, using: &rng)
            switch roll {
            case 0, 1:
                if Int.random(in: 0..<8, using: &rng) == 0 {
                    let prefix: String? = Bool.random(using: &rng) ? "p" : nil
                    calls.append(.startNamespaced(prefix: prefix, name: "n", uri: "urn:x:" + string()))
                } else {
                    calls.append(.start(names.randomElement(using: &rng)!))
                }
                depth += 1
                startTagOpen = true
            case 2...4 where startTagOpen:
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: calls.append(.number("n", Int.random(in: -1000...1_000_000, using: &rng)))
                case 1: calls.append(.identifier("id", letter: 0x65, Int.random(in: 0...99999, using: &rng)))
                case 2 where Int.random(in: 0..<4, using: &rng) == 0: calls.append(.namespace(prefix: "q", uri: "urn:" + string()))
                default: calls.append(.attribute(names.randomElement(using: &rng)!, string()))
                }
            case 2...6:
                calls.append(Bool.random(using: &rng) ? .text(string()) : .textUTF8(string()))
                startTagOpen = false
            default:
                if depth > 1 {
                    calls.append(.end)
                    depth -= 1
                    startTagOpen = false
                }
            }
        }
        return calls
    }

    /// The calls through `XMLWriter`.
    static func viaWriter(_ calls: [Call], indent: Bool) throws -> [UInt8] {
        let xml = try XMLWriter(indent: indent)
        try xml.startDocument()
        for call in calls {
            switch call {
            case .start(let name): try xml.startElement(name)
            case .startNamespaced(let prefix, let name, let uri): try xml.startElement(prefix: prefix, name: name, namespaceURI: uri)
            case .attribute(let name, let value): try xml.attribute(XMLName(name), value)
            case .number(let name, let value): try xml.attribute(XMLName(name), value)
            case .identifier(let name, let letter, let value): try xml.attribute(XMLName(name), letter: letter, value)
            case .namespace(let prefix, let uri): try xml.namespace(prefix: prefix, uri: uri)
            case .text(let value): try xml.text(value)
            case .textUTF8(let value): try Array(value.utf8).withUnsafeBufferPointer { try xml.text(utf8: $0) }
            case .end: try xml.endElement()
            }
        }
        try xml.endDocument()
        return xml.contents
    }

    /// The same calls through libxml2's `xmlTextWriter`, values cleaned of XML-illegal characters first.
    static func viaTextWriter(_ calls: [Call], indent: Bool) throws -> [UInt8] {
        let buffer = try #require(xmlBufferCreate())
        defer { xmlBufferFree(buffer) }
        let writer = try #require(xmlNewTextWriterMemory(buffer, 0))
        func check(_ rc: Int32) throws { try #require(rc >= 0) }
        func cast<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
            XMLCharacters.removingIllegal(s).withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        }
        if indent {
            try check(xmlTextWriterSetIndent(writer, 1))
            try check(xmlTextWriterSetIndentString(writer, " "))
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
        for call in calls {
            switch call {
            case .start(let name): try check(cast(name) { xmlTextWriterStartElement(writer, $0) })
            case .startNamespaced(let prefix, let name, let uri):
                let rc = cast(name) { n in cast(uri) { u in
                    prefix.map { p in cast(p) { xmlTextWriterStartElementNS(writer, $0, n, u) } }
                        ?? xmlTextWriterStartElementNS(writer, nil, n, u)
                } }
                try check(rc)
            case .attribute(let name, let value):
                try check(cast(name) { n in cast(value) { xmlTextWriterWriteAttribute(writer, n, $0) } })
            case .number(let name, let value):
                try check(cast(name) { n in cast(String(value)) { xmlTextWriterWriteAttribute(writer, n, $0) } })
            case .identifier(let name, let letter, let value):
                let text = String(UnicodeScalar(letter)) + String(value)
                try check(cast(name) { n in cast(text) { xmlTextWriterWriteAttribute(writer, n, $0) } })
            case .namespace(let prefix, let uri):
                try check(cast("xmlns:" + prefix) { n in cast(uri) { xmlTextWriterWriteAttribute(writer, n, $0) } })
            case .text(let value), .textUTF8(let value): try check(cast(value) { xmlTextWriterWriteString(writer, $0) })
            case .end: try check(xmlTextWriterEndElement(writer))
            }
        }
        try check(xmlTextWriterEndDocument(writer))
        xmlFreeTextWriter(writer)
        return Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
    }

    @Test("random call sequences write the same bytes as xmlTextWriter", arguments: [true, false])
    func sameBytes(indent: Bool) throws {
        var rng = SeededGenerator(seed: indent ? 11 : 12)
        for round in 0..<300 {
            let calls = Self.randomCalls(&rng, count: Int.random(in: 1...40, using: &rng))
            let ours = try Self.viaWriter(calls, indent: indent)
            let reference = try Self.viaTextWriter(calls, indent: indent)
            if ours != reference {
                Issue.record("round \(round) differs:\n\(String(decoding: ours, as: UTF8.self))\nxmlTextWriter:\n\(String(decoding: reference, as: UTF8.self))")
                return
            }
        }
    }

    @Test("an attribute after text or outside any element is refused")
    func attributeMisuse() throws {
        let xml = try XMLWriter()
        try xml.startDocument()
        #expect(throws: XMLWriterError.self) { try xml.attribute("a", "1") }
        try xml.startElement("root")
        try xml.text("x")
        #expect(throws: XMLWriterError.self) { try xml.attribute("a", "1") }
    }
}
