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
    /// The name as given.
    public let string: String

    public init(_ name: String) {
        string = name
        let utf8 = Array(name.utf8)
        bytes = .allocate(capacity: utf8.count + 1)
        for (i, b) in utf8.enumerated() { bytes[i] = b }
        bytes[utf8.count] = 0
    }

    deinit { bytes.deallocate() }
}

/// A thin, safe wrapper over libxml2's `xmlTextWriter`: streaming output (to a file descriptor or an in-memory
/// buffer), elements, attributes, text and namespaces, with every libxml2 return code checked. Text and attribute
/// values are stripped of characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) so the
/// output always stays well-formed; escaping of `<`, `&`, quotes is libxml2's.
public final class XMLWriter {
    private var writer: xmlTextWriterPtr?
    private var memory: xmlBufferPtr?
    private var output: XMLWriterOutput?
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    @exclusivity(unchecked) private var number = [UInt8](repeating: 0, count: 32)

    /// Streams to an open file descriptor (not closed by the writer). `indent` puts one element per line.
    public init(fileDescriptor: Int32, indent: Bool = true) throws {
        let sink = XMLWriterOutput(fd: fileDescriptor)
        guard let out = sink.makeOutputBuffer() else {
            throw XMLWriterError(operation: "xmlOutputBufferCreateIO")
        }
        output = sink
        guard let w = xmlNewTextWriter(out) else {
            _ = xmlOutputBufferClose(out)
            throw XMLWriterError(operation: "xmlNewTextWriter")
        }
        writer = w
        try configure(indent: indent)
    }

    /// Writes into memory; read the result with `contents` after `endDocument()`.
    public init(indent: Bool = true) throws {
        guard let buffer = xmlBufferCreate() else { throw XMLWriterError(operation: "xmlBufferCreate") }
        guard let w = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriterError(operation: "xmlNewTextWriterMemory")
        }
        memory = buffer
        writer = w
        try configure(indent: indent)
    }

    deinit {
        if let w = writer { xmlFreeTextWriter(w) }
        output = nil
        if let m = memory { xmlBufferFree(m) }
    }

    private func configure(indent: Bool) throws {
        if indent {
            try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
            try check(xmlTextWriterSetIndentString(writer, " "), "xmlTextWriterSetIndentString")
        }
    }

    @inline(__always)
    private func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws {
        if rc < 0 { throw XMLWriterError(operation: operation()) }
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`
    public func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    }

    /// Closes all open elements and flushes the output.
    public func endDocument() throws {
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        try flush()
    }

    /// Pushes everything written so far to the file descriptor (or memory buffer).
    public func flush() throws {
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
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
        try check(xmlTextWriterStartElement(writer, name.bytes), "startElement \(name.string)")
    }

    public func startElement(_ name: String) throws {
        try check(name.withCString { xmlTextWriterStartElement(writer, $0.xml) }, "startElement \(name)")
    }

    /// Starts `prefix:name`; with a namespace URI, declares `xmlns:prefix` on this element.
    public func startElement(prefix: String?, name: String, namespaceURI: String?) throws {
        let rc = withOptionalCString(prefix) { p in
            name.withCString { n in
                withOptionalCString(namespaceURI) { u in xmlTextWriterStartElementNS(writer, p, n.xml, u) }
            }
        }
        try check(rc, "startElementNS \(name)")
    }

    /// Ends the innermost element (`<x/>` when it is empty).
    public func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "endElement")
    }

    /// `<name>text</name>` in one call.
    public func element(_ name: XMLName, text: String) throws {
        try startElement(name)
        try self.text(text)
        try endElement()
    }

    // MARK: attributes

    public func attribute(_ name: XMLName, _ value: String) throws {
        let rc = withCleanCString(value) { xmlTextWriterWriteAttribute(writer, name.bytes, $0) }
        try check(rc, "attribute \(name.string)")
    }

    public func attribute(_ name: String, _ value: String) throws {
        let rc = name.withCString { n in withCleanCString(value) { xmlTextWriterWriteAttribute(writer, n.xml, $0) } }
        try check(rc, "attribute \(name)")
    }

    /// An attribute whose value is a prepared name (trusted: no cleaning, no conversion).
    public func attribute(_ name: XMLName, name value: XMLName) throws {
        try check(xmlTextWriterWriteAttribute(writer, name.bytes, value.bytes), "attribute \(name.string)")
    }

    /// An integer attribute, formatted without allocating.
    public func attribute(_ name: XMLName, _ value: Int) throws {
        let rc = withDecimal(value) { xmlTextWriterWriteAttribute(writer, name.bytes, $0) }
        try check(rc, "attribute \(name.string)")
    }

    /// An identifier attribute made of one ASCII letter and a number, e.g. `id="n42"`, formatted without allocating.
    public func attribute(_ name: XMLName, letter: UInt8, _ value: Int) throws {
        let rc = withDecimal(value, letter: letter) { xmlTextWriterWriteAttribute(writer, name.bytes, $0) }
        try check(rc, "attribute \(name.string)")
    }

    /// `prefix:name="value"`; with a namespace URI, also declares `xmlns:prefix`.
    public func attribute(prefix: String?, name: String, namespaceURI: String?, _ value: String) throws {
        let rc = withOptionalCString(prefix) { p in
            name.withCString { n in
                withOptionalCString(namespaceURI) { u in
                    withCleanCString(value) { v in xmlTextWriterWriteAttributeNS(writer, p, n.xml, u, v) }
                }
            }
        }
        try check(rc, "attributeNS \(name)")
    }

    /// Declares a namespace on the current element: `xmlns:prefix="uri"` (or `xmlns="uri"` for a nil prefix).
    public func namespace(prefix: String?, uri: String) throws {
        try attribute(prefix.map { "xmlns:" + $0 } ?? "xmlns", uri)
    }

    // MARK: text

    /// Character data, escaped.
    public func text(_ value: String) throws {
        let rc = withCleanCString(value) { xmlTextWriterWriteString(writer, $0) }
        try check(rc, "text")
    }

    /// Integer character data.
    public func text(_ value: Int) throws {
        let rc = withDecimal(value) { xmlTextWriterWriteString(writer, $0) }
        try check(rc, "text")
    }

    // MARK: helpers

    /// Runs `body` with `value` as a NUL-terminated UTF-8 C string from which XML-illegal characters are removed.
    /// The common case (nothing to remove) passes the string's own storage without copying.
    @inline(__always)
    private func withCleanCString<R>(_ value: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        let bad: Int?? = value.utf8.withContiguousStorageIfAvailable { XMLCharacters.firstIllegalByteOffset($0) }
        switch bad {
        case .some(.none):
            return value.withCString { body($0.xml) }
        case .some(.some(let offset)):
            Array(value.utf8).withUnsafeBufferPointer { XMLCharacters.copyLegal($0, from: offset, into: &scratch) }
            return scratch.withUnsafeBufferPointer { body($0.baseAddress!) }
        case .none:
            let bytes = Array(value.utf8)
            return bytes.withUnsafeBufferPointer { buf in
                if let offset = XMLCharacters.firstIllegalByteOffset(buf) {
                    XMLCharacters.copyLegal(buf, from: offset, into: &scratch)
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: buf)
                    scratch.append(0)
                }
                return scratch.withUnsafeBufferPointer { body($0.baseAddress!) }
            }
        }
    }

    @inline(__always)
    private func withDecimal<R>(_ value: Int, letter: UInt8 = 0, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        number.withUnsafeMutableBufferPointer { buf -> R in
            var v = value.magnitude
            var i = buf.count - 1
            buf[i] = 0
            repeat {
                i -= 1
                buf[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            } while v != 0
            if value < 0 { i -= 1; buf[i] = 0x2D }
            if letter != 0 { i -= 1; buf[i] = letter }
            return body(UnsafePointer(buf.baseAddress! + i))
        }
    }
}

private func withOptionalCString<R>(_ s: String?, _ body: (UnsafePointer<xmlChar>?) -> R) -> R {
    guard let s else { return body(nil) }
    return s.withCString { body($0.xml) }
}

extension UnsafePointer where Pointee == CChar {
    @inline(__always) var xml: UnsafePointer<xmlChar> { UnsafeRawPointer(self).assumingMemoryBound(to: xmlChar.self) }
}

