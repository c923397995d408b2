import Foundation
import PolicyCore
import PolicyExport
import PolicyStore
import Testing

/// The RDF the exporter really writes uses only terms that Ontology/policy.ttl declares: every `pkg:` IRI of the
/// demo corpus's N-Triples export (real extraction output, kept current by `DemoExportsTests`), and the namespaces
/// the exporter writes are the ones the schema declares. A new attribute the extractor writes must be declared.
@Suite struct SchemaVocabularyTests {
    static let schemaPath = Consumers.packageRoot + "/Ontology/policy.ttl"

    @Test func everyPkgTermTheExporterWritesIsDeclaredInPolicyTTL() throws {
        let schema = try String(contentsOfFile: Self.schemaPath, encoding: .utf8)
        let triples = try String(contentsOfFile: Consumers.packageRoot + "/Exports/demo/graph.nt", encoding: .utf8)
        let namespace = RDFNamespace.pkg.iri
        var terms = Set<String>()
        var rest = triples[...]
        while let start = rest.range(of: "<" + namespace) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: ">") else { break }
            terms.insert(String(after[..<end]))
            rest = after[end...]
        }
        #expect(terms.count >= 30, "the demo export should use the schema's terms: \(terms.sorted())")
        for term in terms.sorted() {
            #expect(schema.contains("\npkg:\(term) a "), "pkg:\(term) is written by the exporter but not declared in policy.ttl")
        }
    }

    @Test func theSchemaDeclaresTheExportersNamespaces() throws {
        let schema = try String(contentsOfFile: Self.schemaPath, encoding: .utf8)
        for namespace in [RDFNamespace.pkg, .org, .eli, .prov] {
            let declared = schema.split(separator: "\n").contains { line in
                line.hasPrefix("@prefix \(namespace.prefix):") && line.hasSuffix("<\(namespace.iri)> .")
            }
            #expect(declared, "prefix \(namespace.prefix)")
        }
    }
}
