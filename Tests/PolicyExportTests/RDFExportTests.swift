import Foundation
import PolicyCore
import PolicyExport
import PolicyStore
import Testing

@Suite("RDF exports read back by rdflib and pyoxigraph")
struct RDFExportTests {
    let fixture = ExportFixture.graph()
    let synthetic = makeSyntheticGraph(nodes: 600, edgesPerNode: 3, seed: 9)

    @Test("rdflib parses RDF/XML, Turtle and N-Triples to the same triples", .enabled(if: Consumers.python("rdflib"), "rdflib missing: pip install rdflib"))
    func rdflibThreeSyntaxes() throws {
        for g in [fixture, synthetic] {
            var results: [[String: Any]] = []
            for (format, name) in [(ExportFormat.rdfxml, "xml"), (.turtle, "turtle"), (.ntriples, "nt")] {
                results.append(try Consumers.check("rdf-rdflib", try Consumers.export(g, format), name))
            }
            let counts = results.map { $0["triples"] as? Int ?? -1 }
            #expect(counts[0] > 0 && counts[0] == counts[1] && counts[1] == counts[2], "triple counts \(counts)")
            for r in results {
                // Every node is there with its label and id.
                #expect((r["kg_ids"] as? [String]) == (0..<g.nodeCount).map { ExportText.clean(g.nodeID($0)) }.sorted())
                #expect((r["labels"] as? [String]) == (0..<g.nodeCount).map { ExportText.clean(g.label($0)) }.sorted())
                // issued_by as direct statements between the right nodes, and signature order on the attributions.
                var issued: [[String]] = []
                var orders: [Int] = []
                var quotes: [String] = []
                for e in 0..<g.edgeCount {
                    quotes += g.evidence(ofEdge: e).map { ExportText.clean($0.text) }
                    guard g.edgeKind(e) == .issuedBy else { continue }
                    issued.append([g.nodeID(g.edgeSource(e)), g.nodeID(g.edgeTarget(e))])
                    orders.append(g.attribute("order", ofEdge: e)?.intValue ?? -1)
                }
                for n in 0..<g.nodeCount { quotes += g.evidence(ofNode: n).map { ExportText.clean($0.text) } }
                #expect((r["issued_by"] as? [[String]]) == issued.sorted { $0.lexicographicallyPrecedes($1) })
                #expect((r["signature_orders"] as? [Int]) == orders.sorted())
                #expect((r["exact"] as? [String]) == quotes.sorted())
            }
        }
    }

    @Test("documents: eli:date_document typed by precision, Chinese labels tagged zh", .enabled(if: Consumers.python("rdflib"), "rdflib missing"))
    func documentTerms() throws {
        let r = try Consumers.check("rdf-rdflib", try Consumers.export(fixture, .turtle), "turtle")
        #expect((r["dates"] as? [String]) == [
            "2019-11^^http://www.w3.org/2001/XMLSchema#gYearMonth",
            "2021-03-05^^http://www.w3.org/2001/XMLSchema#date",
        ])
        #expect((r["label_languages"] as? [String]) == ["zh"])
        let ttl = try String(contentsOfFile: try Consumers.export(fixture, .turtle), encoding: .utf8)
        #expect(ttl.contains("eli:id_local \"示财〔2021〕7号\""))
        #expect(ttl.contains("a pkg:Agency") && ttl.contains("a org:Organization"))
        #expect(ttl.contains("oa:TextPositionSelector") && ttl.contains("pkg:evidence") && ttl.contains("pkg:level pkg:central"))
    }

    @Test("pyoxigraph loads N-Quads (a graph per source) and SPARQL finds 财政部's co-issuers", .enabled(if: Consumers.python("pyoxigraph"), "pyoxigraph missing: pip install pyoxigraph"))
    func pyoxigraphCoissue() throws {
        let g = fixture
        let path = try Consumers.export(g, .nquads)
        let r = try Consumers.check("nquads-pyoxigraph", path, "财政部")
        let base = ExportOptions().baseIRI
        #expect((r["named_graphs"] as? [String]) == g.sources.map { RDFMapper.sourceIRI($0.path, base: base) }.sorted())
        let mof = try #require(g.node(withID: "agency:财政部"))
        var expected = Set<String>()
        for (pair, _) in ExportFixture.coissueReference(g) {
            let ids = pair.split(separator: "|").map(String.init)
            if ids.contains(g.nodeID(mof)) { expected.formUnion(ids.filter { $0 != g.nodeID(mof) }) }
        }
        #expect(expected == ["agency:国家发展改革委", "agency:生态环境部", "agency:水利部"])
        #expect(Set(r["coissuers"] as? [String] ?? []) == expected)
    }

    @Test("pyoxigraph agrees with the co-issuance computation on a synthetic graph", .enabled(if: Consumers.python("pyoxigraph"), "pyoxigraph missing"))
    func pyoxigraphSynthetic() throws {
        let g = synthetic
        let reference = ExportFixture.coissueReference(g)
        // The agency with the most co-issuers.
        var partners: [String: Set<String>] = [:]
        for pair in reference.keys {
            let ids = pair.split(separator: "|").map(String.init)
            partners[ids[0], default: []].insert(ids[1])
            partners[ids[1], default: []].insert(ids[0])
        }
        let (agency, expected) = try #require(partners.max { $0.value.count < $1.value.count })
        let n = try #require(g.node(withID: agency))
        let r = try Consumers.check("nquads-pyoxigraph", try Consumers.export(g, .nquads), g.label(n))
        #expect(Set(r["coissuers"] as? [String] ?? []) == expected)
        #expect((r["named_graphs"] as? [String])?.count == g.sources.count)
    }

    @Test("IRIs: UTF-8 kept, reserved ASCII percent-encoded, injective")
    func iris() {
        #expect(IRIEncoding.segment("财政部") == "财政部")
        #expect(IRIEncoding.segment("a b/c#d?e%f<g>\"h") == "a%20b%2Fc%23d%3Fe%25f%3Cg%3E%22h")
        #expect(IRIEncoding.segment("示财〔2021〕7号") == "示财〔2021〕7号")
        #expect(IRIEncoding.segment("\u{E000}") == "%EE%80%80")
        #expect(IRIEncoding.segment("a/b") != IRIEncoding.segment("a%2Fb"))
        #expect(Vocabulary.localName("doc_number") == "docNumber")
        #expect(Vocabulary.localName("value_max") == "valueMax")
        #expect(Vocabulary.localName("2x") == "k2x")
        #expect(Vocabulary.localName("sets_target", upperFirst: true) == "SetsTarget")
    }

    @Test("coissue view is refused for RDF and JSONL")
    func coissueRefused() {
        var options = ExportOptions()
        options.view = .coissue
        #expect(throws: KGError.self) { try Consumers.export(fixture, .turtle, options) }
        #expect(throws: KGError.self) { try Consumers.export(fixture, .jsonl, options) }
    }
}

/// IRIs minted from names with separators and controls (issue 14, finding 12): every such character is
/// percent-encoded, never written raw (rdflib cannot read a raw U+2028) and never dropped (two names stay two IRIs).
@Suite struct IRIInvisibleCharacterTests {
    @Test func separatorsAndFormatCharactersAreEncoded() {
        #expect(IRIEncoding.segment("a\u{2028}b") == "a%E2%80%A8b")
        #expect(IRIEncoding.segment("a\u{2029}b") == "a%E2%80%A9b")
        #expect(IRIEncoding.segment("a\u{0085}b") == "a%C2%85b")
        #expect(IRIEncoding.segment("政策\u{3000}文件") == "政策%E3%80%80文件")
        #expect(IRIEncoding.segment("a\u{200B}b") == "a%E2%80%8Bb")
        // Quotation marks of the same block stay readable.
        #expect(IRIEncoding.segment("“双碳”") == "“双碳”")
    }

    @Test func controlCharactersKeepNamesDistinct() {
        #expect(IRIEncoding.segment("a\u{01}b.txt") == "a%01b.txt")
        #expect(IRIEncoding.segment("a\u{01}b.txt") != IRIEncoding.segment("ab.txt"))
    }
}
