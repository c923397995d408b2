import PolicyCore

/// Names of the RDF schema in `Ontology/policy.ttl`, for writers: namespaces, the class of each node kind and the
/// property of each edge kind.
public enum PolicySchema {
    public static let namespace = "https://policykg.example/ns#"
    /// Prefix → namespace IRI of every vocabulary the schema reuses.
    public static let prefixes: [(prefix: String, iri: String)] = [
        ("pkg", namespace),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("owl", "http://www.w3.org/2002/07/owl#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("org", "http://www.w3.org/ns/org#"),
        ("eli", "http://data.europa.eu/eli/ontology#"),
        ("prov", "http://www.w3.org/ns/prov#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("oa", "http://www.w3.org/ns/oa#"),
    ]

    /// The schema class (prefixed name) for a node kind; unknown kinds map to prov:Entity.
    public static func className(for kind: NodeKind) -> String {
        switch kind {
        case .agency: return "pkg:Agency"
        case .region: return "pkg:Region"
        case .programme: return "pkg:Programme"
        case .target: return "pkg:Target"
        case .document: return "pkg:Document"
        case .person: return "pkg:Person"
        case .organization: return "pkg:Organization"
        default: return "prov:Entity"
        }
    }

    /// The schema property (prefixed name) for an edge kind; unknown kinds map to rdfs:seeAlso.
    public static func propertyName(for kind: EdgeKind) -> String {
        switch kind {
        case .issuedBy: return "pkg:issuedBy"
        case .leads: return "pkg:leads"
        case .cooperates: return "pkg:cooperatesWith"
        case .supervises: return "pkg:supervises"
        case .cites: return "pkg:cites"
        case .appliesTo: return "pkg:appliesTo"
        case .setsTarget: return "pkg:setsTarget"
        case .mentions: return "pkg:mentions"
        case .partOf: return "pkg:partOf"
        case .renamedTo: return "pkg:renamedTo"
        case .addressedTo: return "pkg:addressedTo"
        default: return "rdfs:seeAlso"
        }
    }

    /// Node kinds and edge kinds with a schema term of their own.
    public static let nodeKinds: [NodeKind] = [.agency, .region, .programme, .target, .document, .person, .organization]
    public static let edgeKinds: [EdgeKind] = [.issuedBy, .leads, .cooperates, .supervises, .cites, .appliesTo, .setsTarget,
                                              .mentions, .partOf, .renamedTo, .addressedTo]
}
