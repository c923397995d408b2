import Foundation
import PolicyCore
import PolicyExport
import PolicyStore
import Testing

@Suite("GraphML export read back by xmllint, networkx and igraph")
struct GraphMLExportTests {
    let fixture = ExportFixture.graph()
    let synthetic = makeSyntheticGraph(nodes: 2000, edgesPerNode: 3, seed: 42)

    @Test("valid against the GraphML schema (full, co-issuance)", .enabled(if: Consumers.command("xmllint"), "xmllint missing: apt-get install libxml2-utils"))
    func schemaValid() throws {
        var coissue = ExportOptions()
        coissue.view = .coissue
        for (graph, options) in [(fixture, ExportOptions()), (synthetic, ExportOptions()), (synthetic, coissue)] {
            let path = try Consumers.export(graph, .graphml, options)
            let r = Consumers.run("xmllint", ["--noout", "--schema", Consumers.schema, path])
            #expect(r.status == 0, "xmllint: \(r.stderr)")
        }
    }

    @Test("the schema rejects broken GraphML (so the validation above means something)", .enabled(if: Consumers.command("xmllint"), "xmllint missing"))
    func schemaRejects() throws {
        let dir = Consumers.temporaryDirectory()
        let bad = """
        <?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="a" for="node" attr.name="a" attr.type="string"/>\
        <graph edgedefault="directed"><node id="n0"><data key="zz">x</data></node><edge source="n0" target="n9"/></graph></graphml>
        """
        try bad.write(toFile: dir + "/bad.graphml", atomically: true, encoding: .utf8)
        let r = Consumers.run("xmllint", ["--noout", "--schema", Consumers.schema, dir + "/bad.graphml"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("zz") || r.stderr.contains("keyref"))
    }

    @Test("networkx reads every node, edge and value back", .enabled(if: Consumers.python("networkx"), "networkx missing: pip install networkx"))
    func networkxFull() throws {
        let g = fixture
        let path = try Consumers.export(g, .graphml)
        let r = try Consumers.check("graphml-networkx", path)
        #expect(r["directed"] as? Bool == true)
        let nodes = try #require(r["nodes"] as? [String: [String: Any]])
        #expect(nodes.count == g.nodeCount)
        for n in 0..<g.nodeCount {
            let d = try #require(nodes[ExportText.clean(g.nodeID(n))], "node \(g.nodeID(n)) missing")
            #expect(d["label"] as? String == ExportText.clean(g.label(n)))
            #expect(d["name"] as? String == ExportText.clean(g.label(n)))
            #expect(d["kind"] as? String == g.nodeKind(n).rawValue)
            #expect(d["color"] as? String == KindPalette.colour(of: g.nodeKind(n)).hex)
            #expect(d["r"] as? Int == Int(KindPalette.colour(of: g.nodeKind(n)).red))
        }
        // NFC and illegal characters.
        #expect(nodes["document:无日期"]?["label"] as? String == "Caf\u{E9} 方案 C:\\path")
        #expect(nodes["agency:生态环境部"]?["evidence"] as? String == "生态环境部负责监督。")
        #expect(nodes["agency:财政部"]?["aliases"] as? String == "中华人民共和国财政部")
        #expect(nodes["agency:财政部"]?["locations"] as? String == "fixtures/甲.txt:2|fixtures/b file.txt:1")
        // Typed attributes: the target's own `kind` is renamed, ints stay ints, lists are joined.
        let target = try #require(nodes["target:t1"])
        #expect(target["kind"] as? String == "target")
        #expect(target["attr_kind"] as? String == "floor")
        #expect(target["value"] as? Int == 90)
        #expect(target["ratio"] as? Double == 0.9)
        #expect(target["binding"] as? Bool == true)
        #expect(target["subjects"] as? String == "农村|城镇")
        #expect(target["value_max"] == nil)
        #expect(nodes["document:示财〔2019〕12号"]?["label"] as? String == "关于\"试点\" <评估> & 验收的意见")
        // Edges: the same (source, target, relation) multiset, direction kept, order as an int.
        let edges = try #require(r["edges"] as? [[Any]])
        var expected: [String] = []
        for e in 0..<g.edgeCount { expected.append("\(g.nodeID(g.edgeSource(e)))|\(g.nodeID(g.edgeTarget(e)))|\(g.edgeKind(e).rawValue)") }
        let got = edges.map { "\($0[0])|\($0[1])|\($0[2])" }
        #expect(got.sorted() == expected.sorted())
        let orders = edges.compactMap { ($0[3] as? [String: Any])?["order"] as? Int }.sorted()
        #expect(orders == [1, 1, 1, 2, 2, 2, 3])
    }

    @Test("networkx reads the synthetic graph with the same counts", .enabled(if: Consumers.python("networkx"), "networkx missing"))
    func networkxSynthetic() throws {
        let g = synthetic
        let r = try Consumers.check("graphml-networkx", try Consumers.export(g, .graphml))
        let nodes = try #require(r["nodes"] as? [String: [String: Any]])
        let edges = try #require(r["edges"] as? [[Any]])
        #expect(nodes.count == g.nodeCount)
        #expect(edges.count == g.edgeCount)
        for n in stride(from: 0, to: g.nodeCount, by: 97) {
            #expect(nodes[g.nodeID(n)]?["label"] as? String == g.label(n))
        }
    }

    @Test("the co-issuance view has the weights computed from issued_by edges", .enabled(if: Consumers.python("networkx"), "networkx missing"))
    func coissueWeights() throws {
        for g in [fixture, synthetic] {
            var options = ExportOptions()
            options.view = .coissue
            let r = try Consumers.check("graphml-networkx", try Consumers.export(g, .graphml, options))
            #expect(r["directed"] as? Bool == false)
            let edges = try #require(r["edges"] as? [[Any]])
            var got: [String: Int] = [:]
            for e in edges {
                let ids = [e[0] as! String, e[1] as! String].sorted()
                got[ids[0] + "|" + ids[1]] = (e[3] as? [String: Any])?["weight"] as? Int
            }
            let reference = ExportFixture.coissueReference(g)
            #expect(!reference.isEmpty)
            #expect(got == reference)
        }
    }

    @Test("co-issuance years and documents on the fixture", .enabled(if: Consumers.python("networkx"), "networkx missing"))
    func coissueAttributes() throws {
        var options = ExportOptions()
        options.view = .coissue
        let r = try Consumers.check("graphml-networkx", try Consumers.export(fixture, .graphml, options))
        let edges = try #require(r["edges"] as? [[Any]])
        let pair = try #require(edges.first { Set([$0[0] as! String, $0[1] as! String]) == ["agency:财政部", "agency:国家发展改革委"] })
        let d = try #require(pair[3] as? [String: Any])
        #expect(d["weight"] as? Int == 2)
        #expect(d["first_year"] as? Int == 2019)
        #expect(d["last_year"] as? Int == 2021)
        #expect(d["documents"] as? String == "示财〔2019〕12号 关于\"试点\" <评估> & 验收的意见|示财〔2021〕7号 关于规范示范项目的通知")
        // A date range drops the 2019 document from the weights.
        options.from = "2020"
        let later = try Consumers.check("graphml-networkx", try Consumers.export(fixture, .graphml, options))
        let laterPair = try #require((later["edges"] as? [[Any]])?.first { Set([$0[0] as! String, $0[1] as! String]) == ["agency:财政部", "agency:国家发展改革委"] })
        #expect((laterPair[3] as? [String: Any])?["weight"] as? Int == 1)
    }

    @Test("igraph reads the full and co-issuance views", .enabled(if: Consumers.python("igraph"), "python-igraph missing: pip install python-igraph"))
    func igraph() throws {
        let g = synthetic
        let r = try Consumers.check("graphml-igraph", try Consumers.export(g, .graphml))
        #expect(r["vcount"] as? Int == g.nodeCount)
        #expect(r["ecount"] as? Int == g.edgeCount)
        #expect(r["directed"] as? Bool == true)
        #expect((r["labels"] as? [String]) == (0..<g.nodeCount).map { g.label($0) }.sorted())
        let vertexAttributes = Set(r["vertex_attributes"] as? [String] ?? [])
        #expect(vertexAttributes.isSuperset(of: ["kg_id", "label", "name", "kind", "color", "r", "g", "b"]))
        #expect(Set(r["edge_attributes"] as? [String] ?? []).isSuperset(of: ["relation", "interaction", "order"]))
        var options = ExportOptions()
        options.view = .coissue
        let c = try Consumers.check("graphml-igraph", try Consumers.export(g, .graphml, options))
        let reference = ExportFixture.coissueReference(g)
        #expect(c["ecount"] as? Int == reference.count)
        #expect((c["weights"] as? [Int]) == reference.values.sorted())
    }

    @Test("the yEd flavour carries ShapeNode labels networkx understands", .enabled(if: Consumers.python("networkx"), "networkx missing"))
    func yEd() throws {
        var options = ExportOptions()
        options.yEd = true
        let path = try Consumers.export(fixture, .graphml, options)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("yfiles.type=\"nodegraphics\""))
        #expect(text.contains("<y:NodeLabel>财政部</y:NodeLabel>"))
        let r = try Consumers.check("graphml-networkx", path)
        #expect((r["nodes"] as? [String: Any])?.count == fixture.nodeCount)
    }

    @Test("node-kind and relation filters")
    func filters() throws {
        var options = ExportOptions()
        options.nodeKinds = [.agency, .document]
        options.relations = [.issuedBy]
        let view = try GraphView(graph: fixture, options: options)
        #expect(view.includedNodeCount == 7)
        #expect(view.includedEdgeCount == 7)
        options.from = "2021-01"
        options.to = "2021"
        let dated = try GraphView(graph: fixture, options: options)
        // Only the 2021 document survives the range; the undated one is dropped while a range is given.
        #expect(dated.includedNodeCount == 5)
        #expect(dated.includedEdgeCount == 3)
        options.from = "21st century"
        #expect(throws: KGError.self) { try GraphView(graph: fixture, options: options) }
    }
}
