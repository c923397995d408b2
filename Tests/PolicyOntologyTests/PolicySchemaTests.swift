import Foundation
import Testing
import PolicyCore
@testable import PolicyOntology

@Suite struct PolicySchemaTests {
    private func schemaText() throws -> String {
        try String(contentsOfFile: ontologyDirectory + "/policy.ttl", encoding: .utf8)
    }

    @Test func everyMappedTermIsDeclaredInPolicyTTL() throws {
        let ttl = try schemaText()
        for kind in PolicySchema.nodeKinds {
            let name = PolicySchema.className(for: kind)
            #expect(name.hasPrefix("pkg:"))
            #expect(ttl.contains("\n\(name) a owl:Class"), "\(name) for \(kind)")
        }
        for kind in PolicySchema.edgeKinds {
            let name = PolicySchema.propertyName(for: kind)
            #expect(ttl.contains("\n\(name) a owl:ObjectProperty"), "\(name) for \(kind)")
        }
    }

    @Test func schemaDeclaresEveryPrefixItUses() throws {
        let ttl = try schemaText()
        for (prefix, iri) in PolicySchema.prefixes {
            #expect(ttl.contains("@prefix \(prefix):"), "prefix \(prefix)")
            #expect(ttl.contains("<\(iri)>"), "namespace of \(prefix)")
        }
    }

    @Test func unknownKindsFallBackToGenericTerms() {
        #expect(PolicySchema.className(for: NodeKind("measure")) == "prov:Entity")
        #expect(PolicySchema.propertyName(for: EdgeKind("implements")) == "rdfs:seeAlso")
    }
}
