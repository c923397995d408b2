import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A failure reported by libxml2 while writing, with the operation that failed.
public struct XMLWriterError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var description: String { "libxml2 writer failed in \(operation)" }
    public init(operation: String) { self.operation = operation }
}

/// An element or attribute name kept as a NUL-terminated UTF-8 buffer, so hot loops pass it to libxml2
/// without converting a Swift string each time. Create the names once and reuse them.
public final class XMLName: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<xmlChar>
    /// Length in bytes, without the terminating NUL.
    let count: Int
    /// The name as given.
    public let string: String

    public init(_ name: String) {
        string = name
        let utf8 = Array(name.utf8)
        count = utf8.count
        bytes = .allocate(capacity: utf8.count + 1)
        for (i, b) in utf8.enumerated() { bytes[i] = b }
        bytes[utf8.count] = 0
    }

    deinit { bytes.deallocate() }
}

/// A streaming XML writer over libxml2's output buffer (`xmlOutputBuffer`, to a file descriptor or to memory):
/// elements, attributes, text and namespace declarations, with markup, indentation and escaping exactly as libxml2's
/// `xmlTextWriter` writes them (its indented form, one space per level) — a test replays random call sequences
/// through both — but without the text writer's per-call node lists and per-string allocations. Text and attribute
/// values are stripped of characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF), so the
/// output always stays well-formed; ill-nested calls throw.
public final class XMLWriter {
    /// An element whose end tag is still to come.
    private struct OpenElement {
        var name: XMLName
        /// The start tag is not closed yet (attributes may follow).
        var startTagOpen: Bool
        /// The namespace declared by `startElement(prefix:name:namespaceURI:)`, written when the start tag closes.
        var namespaceDeclaration: (name: XMLName, uri: String)?
    }

    private let out: xmlOutputBufferPtr
    private var output: XMLWriterOutput?
    private var memory: xmlBufferPtr?
    private let indent: Bool
    /// libxml2's `doindent`: the next end tag goes on its own indented line (false right after text).
    private var indentEndTag = true
    @exclusivity(unchecked) private var open: [OpenElement] = []
    @exclusivity(unchecked) private var number = [UInt8](repeating: 0, count: 32)

    /// Streams to an open file descriptor (not closed by the writer). `indent` puts one element per line.
    public init(fileDescriptor: Int32, indent: Bool = true) throws {
        let sink = XMLWriterOutput(fd: fileDescriptor)
        guard let out = sink.makeOutputBuffer() else {
            throw XMLWriterError(operation: "xmlOutputBufferCreateIO")
        }
        self.out = out
        self.indent = indent
        output = sink
    }

    /// Writes into memory; read the result with `contents` after `endDocument()`.
    public init(indent: Bool = true) throws {
        guard let buffer = xmlBufferCreate() else { throw XMLWriterError(operation: "xmlBufferCreate") }
        guard let out = xmlOutputBufferCreateBuffer(buffer, nil) else {
            xmlBufferFree(buffer)
            throw XMLWriterError(operation: "xmlOutputBufferCreateBuffer")
        }
        self.out = out
        self.indent = indent
        memory = buffer
    }

    deinit {
        _ = xmlOutputBufferClose(out)
        output = nil
        if let m = memory { xmlBufferFree(m) }
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`
    public func startDocument() throws {
        try raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Closes all open elements and flushes the output.
    public func endDocument() throws {
        while !open.isEmpty { try endElement() }
        if !indent { try raw("\n") }
        try flush()
    }

    /// Pushes everything written so far to the file descriptor (or memory buffer).
    public func flush() throws {
        if xmlOutputBufferFlush(out) < 0 { throw XMLWriterError(operation: "xmlOutputBufferFlush") }
        if let output, !output.drain() {
            throw XMLWriterError(operation: "write(2): " + String(cString: strerror(output.errorNumber)))
        }
    }

    /// Bytes handed to the file descriptor so far (file-descriptor writers; flush first for an exact count).
    public var bytesWritten: Int { output?.bytesWritten ?? Int(memory.map { xmlBufferLength($0) } ?? 0) }

    /// The bytes written so far by a memory writer (empty for a file-descriptor writer).
    public var contents: [UInt8] {
        guard let m = memory, let content = xmlBufferContent(m) else { return [] }
        let n = Int(xmlBufferLength(m))
        return Array(UnsafeBufferPointer(start: content, count: n))
    }

    // MARK: elements

    public func startElement(_ name: XMLName) throws {
        try startElement(name, namespace: nil)
    }

    public func startElement(_ name: String) throws {
        try startElement(XMLName(name), namespace: nil)
    }

    /// Starts `prefix:name`; with a namespace URI, declares `xmlns:prefix` (or `xmlns`) on this element.
    public func startElement(prefix: String?, name: String, namespaceURI: String?) throws {
        let qualified = prefix.map { $0 + ":" + name } ?? name
        let declaration = namespaceURI.map { (name: XMLName(prefix.map { "xmlns:" + $0 } ?? "xmlns"), uri: $0) }
        try startElement(XMLName(qualified), namespace: declaration)
    }

    private func startElement(_ name: XMLName, namespace: (name: XMLName, uri: String)?) throws {
        if !open.isEmpty, open[open.count - 1].startTagOpen {
            try closeStartTag()
            if indent { try raw("\n") }
        }
        open.append(OpenElement(name: name, startTagOpen: true, namespaceDeclaration: namespace))
        if indent { try writeIndent() }
        try raw("<")
        try write(name.bytes, name.count)
    }

    /// Ends the innermost element (`<x/>` when it has no content).
    public func endElement() throws {
        guard let element = open.last else { throw XMLWriterError(operation: "endElement: no open element") }
        if element.startTagOpen {
            try writeNamespaceDeclaration()
            if indent { indentEndTag = true }
            try raw("/>")
        } else {
            if indent && indentEndTag { try writeIndent() }
            indentEndTag = true
            try raw("</")
            try write(element.name.bytes, element.name.count)
            try raw(">")
        }
        if indent { try raw("\n") }
        open.removeLast()
    }

    /// `<name>text</name>` in one call.
    public func element(_ name: XMLName, text: String) throws {
        try startElement(name)
        try self.text(text)
        try endElement()
    }

    // MARK: attributes

    public func attribute(_ name: XMLName, _ value: String) throws {
        try startAttribute(name.bytes, name.count)
        try escaped(value, attribute: true)
        try raw("\"")
    }

    public func attribute(_ name: String, _ value: String) throws {
        try startAttribute(XMLName(name))
        try escaped(value, attribute: true)
        try raw("\"")
    }

    /// An attribute whose value is a prepared name (trusted: markup-free, legal characters).
    public func attribute(_ name: XMLName, name value: XMLName) throws {
        try startAttribute(name.bytes, name.count)
        try write(value.bytes, value.count)
        try raw("\"")
    }

    /// An integer attribute, formatted without allocating.
    public func attribute(_ name: XMLName, _ value: Int) throws {
        try startAttribute(name.bytes, name.count)
        try decimal(value)
        try raw("\"")
    }

    /// An identifier attribute made of one ASCII letter and a number, e.g. `id="n42"`, formatted without allocating.
    public func attribute(_ name: XMLName, letter: UInt8, _ value: Int) throws {
        try startAttribute(name.bytes, name.count)
        try decimal(value, letter: letter)
        try raw("\"")
    }

    /// Declares a namespace on the current element: `xmlns:prefix="uri"` (or `xmlns="uri"` for a nil prefix).
    public func namespace(prefix: String?, uri: String) throws {
        try attribute(prefix.map { "xmlns:" + $0 } ?? "xmlns", uri)
    }

    // MARK: text

    /// Character data, escaped.
    public func text(_ value: String) throws {
        try startText()
        try escaped(value, attribute: false)
    }

    /// Character data given as UTF-8 bytes, escaped as `text(_:)` escapes a `String`. Consecutive text calls
    /// write one run of character data.
    public func text(utf8 value: UnsafeBufferPointer<UInt8>) throws {
        try startText()
        try escaped(utf8: value, attribute: false)
    }

    /// Integer character data.
    public func text(_ value: Int) throws {
        try startText()
        try decimal(value)
    }

    // MARK: markup

    /// ` name="` on an open start tag.
    private func startAttribute(_ name: UnsafePointer<UInt8>, _ count: Int) throws {
        guard let element = open.last, element.startTagOpen else {
            throw XMLWriterError(operation: "attribute: no open start tag")
        }
        try raw(" ")
        try write(name, count)
        try raw("=\"")
    }

    private func startAttribute(_ name: XMLName) throws {
        try startAttribute(name.bytes, name.count)
    }

    /// Text closes an open start tag (`>`, no line break) and keeps the end tag on the same line.
    private func startText() throws {
        if !open.isEmpty, open[open.count - 1].startTagOpen { try closeStartTag() }
        if indent { indentEndTag = false }
    }

    private func closeStartTag() throws {
        try writeNamespaceDeclaration()
        try raw(">")
        open[open.count - 1].startTagOpen = false
    }

    private func writeNamespaceDeclaration() throws {
        guard let declaration = open[open.count - 1].namespaceDeclaration else { return }
        open[open.count - 1].namespaceDeclaration = nil
        try startAttribute(declaration.name)
        try escaped(declaration.uri, attribute: true)
        try raw("\"")
    }

    /// One space per open element above the current one.
    private func writeIndent() throws {
        for _ in 1..<open.count { try raw(" ") }
    }

    // MARK: output

    @inline(__always)
    private func write(_ pointer: UnsafePointer<UInt8>, _ count: Int) throws {
        guard count > 0 else { return }
        if pointer.withMemoryRebound(to: CChar.self, capacity: count, { xmlOutputBufferWrite(out, Int32(count), $0) }) < 0 {
            throw XMLWriterError(operation: "xmlOutputBufferWrite")
        }
    }

    @inline(__always)
    private func raw(_ markup: StaticString) throws {
        try write(markup.utf8Start, markup.utf8CodeUnitCount)
    }

    /// `value` escaped as libxml2's text writer escapes it — `&lt; &gt; &amp; &quot;` and `&#13;` everywhere,
    /// `&#10;` and `&#9;` in attribute values — without the characters XML 1.0 forbids. Runs that need nothing are
    /// written as they are, in one call.
    private func escaped(_ value: String, attribute: Bool) throws {
        var value = value
        try value.withUTF8 { try escaped(utf8: $0, attribute: attribute) }
    }

    private func escaped(utf8: UnsafeBufferPointer<UInt8>, attribute: Bool) throws {
        let n = utf8.count
        guard let base = utf8.baseAddress else { return }
        var runStart = 0
        var i = 0
        while i < n {
            let b = utf8[i]
            let kind = XMLCharacters.escapeClass[Int(b)]
            if kind == XMLCharacters.plain { i &+= 1; continue }
            // A character XML 1.0 forbids is dropped (an empty replacement); markup and CR, LF, tab are escaped.
            let illegal = XMLCharacters.illegalLength(utf8, at: i)
            let replacement: StaticString?
            switch b {
            case _ where illegal > 0: replacement = ""
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case 0x0D: replacement = "&#13;"
            case 0x0A: replacement = attribute ? "&#10;" : nil
            case 0x09: replacement = attribute ? "&#9;" : nil
            default: replacement = nil  // a lead byte 0xEF of an allowed character
            }
            guard let replacement else { i &+= 1; continue }
            try write(base + runStart, i - runStart)
            try raw(replacement)
            i &+= max(illegal, 1)
            runStart = i
        }
        try write(base + runStart, n - runStart)
    }

    @inline(__always)
    private func decimal(_ value: Int, letter: UInt8 = 0) throws {
        try number.withUnsafeMutableBufferPointer { buf in
            var v = value.magnitude
            var i = buf.count
            repeat {
                i -= 1
                buf[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            } while v != 0
            if value < 0 { i -= 1; buf[i] = 0x2D }
            if letter != 0 { i -= 1; buf[i] = letter }
            try write(UnsafePointer(buf.baseAddress! + i), buf.count - i)
        }
    }
}
