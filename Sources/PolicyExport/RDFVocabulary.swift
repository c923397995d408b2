/// A namespace with its conventional prefix.
public struct RDFNamespace: Hashable, Sendable {
    public let prefix: String
    public let iri: String

    public static let rdf = RDFNamespace(prefix: "rdf", iri: "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    public static let rdfs = RDFNamespace(prefix: "rdfs", iri: "http://www.w3.org/2000/01/rdf-schema#")
    public static let xsd = RDFNamespace(prefix: "xsd", iri: "http://www.w3.org/2001/XMLSchema#")
    public static let pkg = RDFNamespace(prefix: "pkg", iri: "https://policykg.example/ns#")
    public static let org = RDFNamespace(prefix: "org", iri: "http://www.w3.org/ns/org#")
    public static let eli = RDFNamespace(prefix: "eli", iri: "http://data.europa.eu/eli/ontology#")
    public static let prov = RDFNamespace(prefix: "prov", iri: "http://www.w3.org/ns/prov#")
    public static let skos = RDFNamespace(prefix: "skos", iri: "http://www.w3.org/2004/02/skos/core#")
    public static let dcterms = RDFNamespace(prefix: "dcterms", iri: "http://purl.org/dc/terms/")
    public static let oa = RDFNamespace(prefix: "oa", iri: "http://www.w3.org/ns/oa#")

    /// Every namespace the exporters use, in the order prefixes are declared.
    public static let all: [RDFNamespace] = [rdf, rdfs, xsd, pkg, org, eli, prov, skos, dcterms, oa]
}

/// A vocabulary term: namespace plus an ASCII local name that is a valid XML NCName (so RDF/XML can use it as an
/// element name) and a valid Turtle local name. The full IRI is built once.
public final class RDFName: Hashable, @unchecked Sendable {
    public let namespace: RDFNamespace
    public let local: String
    public let iri: String
    /// `prefix:local`
    public let qualified: String

    public init(_ namespace: RDFNamespace, _ local: String) {
        self.namespace = namespace
        self.local = local
        self.iri = namespace.iri + local
        self.qualified = namespace.prefix + ":" + local
    }

    public static func == (a: RDFName, b: RDFName) -> Bool { a.iri == b.iri }
    public func hash(into h: inout Hasher) { h.combine(iri) }
}

/// The terms PolicyKG's RDF uses (the pkg: terms are defined in Ontology/policy.ttl).
public enum Vocabulary {
    public static let type = RDFName(.rdf, "type")
    public static let statement = RDFName(.rdf, "Statement")
    public static let subject = RDFName(.rdf, "subject")
    public static let predicate = RDFName(.rdf, "predicate")
    public static let object = RDFName(.rdf, "object")
    public static let label = RDFName(.rdfs, "label")
    public static let prefLabel = RDFName(.skos, "prefLabel")
    public static let altLabel = RDFName(.skos, "altLabel")
    public static let xsdInteger = RDFName(.xsd, "integer")
    public static let xsdDouble = RDFName(.xsd, "double")
    public static let xsdBoolean = RDFName(.xsd, "boolean")
    public static let xsdDate = RDFName(.xsd, "date")
    public static let xsdGYearMonth = RDFName(.xsd, "gYearMonth")
    public static let xsdGYear = RDFName(.xsd, "gYear")

    public static let kgId = RDFName(.pkg, "kgId")
    public static let issuedBy = RDFName(.pkg, "issuedBy")
    public static let order = RDFName(.pkg, "order")
    public static let evidence = RDFName(.pkg, "evidence")
    public static let evidenceClass = RDFName(.pkg, "Evidence")
    public static let sourceFile = RDFName(.pkg, "SourceFile")
    public static let level = RDFName(.pkg, "level")
    public static let targetKind = RDFName(.pkg, "targetKind")
    public static let line = RDFName(.pkg, "line")
    public static let column = RDFName(.pkg, "column")
    public static let contentHash = RDFName(.pkg, "contentHash")

    public static let organization = RDFName(.org, "Organization")
    public static let legalResource = RDFName(.eli, "LegalResource")
    public static let idLocal = RDFName(.eli, "id_local")
    public static let dateDocument = RDFName(.eli, "date_document")
    public static let title = RDFName(.eli, "title")

    public static let attribution = RDFName(.prov, "Attribution")
    public static let qualifiedAttribution = RDFName(.prov, "qualifiedAttribution")
    public static let agent = RDFName(.prov, "agent")
    public static let wasAttributedTo = RDFName(.prov, "wasAttributedTo")

    public static let concept = RDFName(.skos, "Concept")
    public static let location = RDFName(.dcterms, "Location")
    public static let identifier = RDFName(.dcterms, "identifier")
    public static let dctermsTitle = RDFName(.dcterms, "title")

    public static let annotation = RDFName(.oa, "Annotation")
    public static let hasBody = RDFName(.oa, "hasBody")
    public static let hasTarget = RDFName(.oa, "hasTarget")
    public static let specificResource = RDFName(.oa, "SpecificResource")
    public static let hasSource = RDFName(.oa, "hasSource")
    public static let hasSelector = RDFName(.oa, "hasSelector")
    public static let textQuoteSelector = RDFName(.oa, "TextQuoteSelector")
    public static let exact = RDFName(.oa, "exact")
    public static let textPositionSelector = RDFName(.oa, "TextPositionSelector")
    public static let start = RDFName(.oa, "start")
    public static let end = RDFName(.oa, "end")

    /// `snake_case` or any text → an ASCII lowerCamel NCName (`doc_number` → `docNumber`); characters outside
    /// ASCII letters/digits are dropped as word breaks, non-ASCII written as `uXXXX`.
    public static func localName(_ key: String, upperFirst: Bool = false) -> String {
        var out = ""
        var upperNext = upperFirst
        for u in key.unicodeScalars {
            let v = u.value
            let isAlnum = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            if isAlnum {
                var c = Character(u)
                if upperNext { c = Character(c.uppercased()) }
                out.append(c)
                upperNext = false
            } else if v < 0x80 {
                upperNext = !out.isEmpty || upperFirst
            } else {
                out += "u" + String(v, radix: 16, uppercase: true)
                upperNext = true
            }
        }
        if out.isEmpty || out.first!.isNumber { out = (upperFirst ? "K" : "k") + out }
        return out
    }
}
