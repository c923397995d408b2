import PolicyXML

/// RDF/XML through libxml2's writer: one `rdf:Description` per run of statements about a subject, predicates as
/// `prefix:local` elements (local names are ASCII NCNames by construction), IRIs in `rdf:resource`, blank nodes
/// as `rdf:nodeID`, literals with `rdf:datatype` or `xml:lang`.
public final class RDFXMLSerializer: RDFSerializer {
    private let xml: XMLWriter
    private var open = false
    private var lastSubject: RDFTerm?
    private var elementNames: [String: XMLName] = [:]
    private let description = XMLName("rdf:Description"), about = XMLName("rdf:about"), nodeID = XMLName("rdf:nodeID")
    private let resource = XMLName("rdf:resource"), datatype = XMLName("rdf:datatype"), lang = XMLName("xml:lang")

    public init(xml: XMLWriter) { self.xml = xml }

    public func begin() throws {
        try xml.startDocument()
        try xml.startElement(prefix: "rdf", name: "RDF", namespaceURI: RDFNamespace.rdf.iri)
        for ns in RDFNamespace.all where ns != .rdf {
            try xml.namespace(prefix: ns.prefix, uri: ns.iri)
        }
    }

    public func end() throws {
        if open { try xml.endElement() }
        try xml.endDocument()
    }

    public func emit(_ subject: RDFTerm, _ predicate: RDFName, _ object: RDFTerm, graph: String?) throws {
        if !(open && lastSubject.map { $0.isSameNode(as: subject) } == true) {
            if open { try xml.endElement() }
            try xml.startElement(description)
            switch subject {
            case .iri(let iri): try xml.attribute(about, iri)
            case .name(let name): try xml.attribute(about, name.iri)
            case .blank(let id): try xml.attribute(nodeID, letter: 0x62, id)
            case .literal, .integer: throw XMLWriterError(operation: "RDF/XML: a literal cannot be a subject")
            }
            open = true
            lastSubject = subject
        }
        let name: XMLName
        if let cached = elementNames[predicate.qualified] {
            name = cached
        } else {
            name = XMLName(predicate.qualified)
            elementNames[predicate.qualified] = name
        }
        try xml.startElement(name)
        switch object {
        case .iri(let iri): try xml.attribute(resource, iri)
        case .name(let n): try xml.attribute(resource, n.iri)
        case .blank(let id): try xml.attribute(nodeID, letter: 0x62, id)
        case .integer(let value):
            try xml.attribute(datatype, Vocabulary.xsdInteger.iri)
            try xml.text(value)
        case .literal(let text, let kind):
            switch kind {
            case .plain: break
            case .language(let tag): try xml.attribute(lang, tag)
            case .typed(let dt): try xml.attribute(datatype, dt.iri)
            }
            try xml.text(text)
        }
        try xml.endElement()
    }
}
