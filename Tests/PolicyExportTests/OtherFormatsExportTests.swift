import Foundation
import PolicyCore
import PolicyExport
import PolicyStore
import Testing

@Suite("GEXF, Neo4j CSV, JSONL and DOT read back by their consumers")
struct OtherFormatsExportTests {
    let fixture = ExportFixture.graph()
    let synthetic = makeSyntheticGraph(nodes: 1500, edgesPerNode: 3, seed: 5)

    @Test("networkx reads GEXF 1.3 with document dates as start times", .enabled(if: Consumers.python("networkx"), "networkx missing"))
    func gexfFull() throws {
        let g = fixture
        let r = try Consumers.check("gexf-networkx", try Consumers.export(g, .gexf))
        #expect(r["mode"] as? String == "dynamic")
        let nodes = try #require(r["nodes"] as? [String: [String: Any]])
        #expect(nodes.count == g.nodeCount)
        #expect((r["edges"] as? [Any])?.count == g.edgeCount)
        func node(_ id: String) -> [String: Any]? { nodes["n\(g.node(withID: id)!)"] }
        #expect(node("document:示财〔2021〕7号")?["start"] as? String == "2021-03-05")
        #expect(node("document:示财〔2019〕12号")?["start"] as? String == "2019-11-01")
        // An agency starts with its earliest dated document.
        #expect(node("agency:财政部")?["start"] as? String == "2019-11-01")
        #expect(node("agency:生态环境部")?["start"] as? String == "2021-03-05")
        #expect(node("document:无日期")?["start"] == nil)
        #expect(node("agency:财政部")?["label"] as? String == "财政部")
        #expect(node("agency:财政部")?["kind"] as? String == "agency")
        let c = KindPalette.colour(of: .agency)
        #expect((node("agency:财政部")?["rgb"] as? [Int]) == [Int(c.red), Int(c.green), Int(c.blue)])
    }

    @Test("GEXF co-issuance: weights and edge start at the first joint document", .enabled(if: Consumers.python("networkx"), "networkx missing"))
    func gexfCoissue() throws {
        for g in [fixture, synthetic] {
            var options = ExportOptions()
            options.view = .coissue
            let r = try Consumers.check("gexf-networkx", try Consumers.export(g, .gexf, options))
            #expect(r["directed"] as? Bool == false)
            let edges = try #require(r["edges"] as? [[Any]])
            var got: [String: Int] = [:]
            for e in edges {
                let ids = [e[0] as! String, e[1] as! String].map { g.nodeID(Int($0.dropFirst())!) }.sorted()
                got[ids[0] + "|" + ids[1]] = ((e[2] as? [String: Any])?["weight"] as? Double).map { Int($0) }
            }
            #expect(got == ExportFixture.coissueReference(g))
        }
        var options = ExportOptions()
        options.view = .coissue
        let r = try Consumers.check("gexf-networkx", try Consumers.export(fixture, .gexf, options))
        let mof = fixture.node(withID: "agency:财政部")!, ndrc = fixture.node(withID: "agency:国家发展改革委")!
        let edge = try #require((r["edges"] as? [[Any]])?.first { Set([$0[0] as! String, $0[1] as! String]) == ["n\(mof)", "n\(ndrc)"] })
        #expect((edge[2] as? [String: Any])?["start"] as? String == "2019-11-01")
    }

    @Test("Neo4j CSV: typed headers, every relationship end is a node id", .enabled(if: Consumers.python("csv"), "python3 missing"))
    func neo4j() throws {
        let g = fixture
        let dir = try Consumers.export(g, .neo4j, name: "neo4j")
        let r = try Consumers.check("neo4j-csv", dir)
        let nodes = try #require(r["nodes.csv"] as? [String: Any]), rels = try #require(r["relationships.csv"] as? [String: Any])
        let nodeHeader = try #require(nodes["header"] as? [String])
        #expect(Array(nodeHeader.prefix(5)) == ["id:ID", ":LABEL", "name", "kind", "aliases:string[]"])
        #expect(nodeHeader.contains("value:long") && nodeHeader.contains("ratio:double") && nodeHeader.contains("binding:boolean"))
        #expect(nodeHeader.contains("attr_kind:string"))
        let nodeRows = try #require(nodes["rows"] as? [[String]])
        #expect(nodeRows.count == g.nodeCount)
        #expect(nodeRows.allSatisfy { $0.count == nodeHeader.count })
        let ids = Set(nodeRows.map { $0[0] })
        #expect(ids == Set((0..<g.nodeCount).map { g.nodeID($0) }))
        let mof = try #require(nodeRows.first { $0[0] == "agency:财政部" })
        #expect(mof[1] == "Entity;Agency" && mof[2] == "财政部" && mof[4] == "中华人民共和国财政部")
        let relHeader = try #require(rels["header"] as? [String])
        #expect(Array(relHeader.prefix(3)) == [":START_ID", ":END_ID", ":TYPE"])
        #expect(relHeader.contains("order:long"))
        let relRows = try #require(rels["rows"] as? [[String]])
        #expect(relRows.count == g.edgeCount)
        #expect(relRows.allSatisfy { ids.contains($0[0]) && ids.contains($0[1]) && $0.count == relHeader.count })
        #expect(relRows.filter { $0[2] == "ISSUED_BY" }.count == 7)
        // The title with quotes survives CSV quoting.
        #expect(nodeRows.contains { $0[2] == "关于\"试点\" <评估> & 验收的意见" })

        var options = ExportOptions()
        options.view = .coissue
        let c = try Consumers.check("neo4j-csv", try Consumers.export(g, .neo4j, options, name: "neo4j"))
        let crels = try #require((c["relationships.csv"] as? [String: Any])?["rows"] as? [[String]])
        var got: [String: Int] = [:]
        for row in crels { got[[row[0], row[1]].sorted().joined(separator: "|")] = Int(row[3]) }
        #expect(got == ExportFixture.coissueReference(g))
    }

    @Test("JSONL follows the contract and matches the graph's records", .enabled(if: Consumers.python("json"), "python3 missing"))
    func jsonl() throws {
        let g = fixture
        let r = try Consumers.check("jsonl", try Consumers.export(g, .jsonl))
        let records = try #require(r["records"] as? [[String: Any]])
        #expect(records.count == g.nodeCount + g.edgeCount)
        let nodes = records.filter { $0["type"] as? String == "node" }
        let edges = records.filter { $0["type"] as? String == "edge" }
        #expect(nodes.count == g.nodeCount && edges.count == g.edgeCount)
        for n in 0..<g.nodeCount {
            let record = try #require(nodes.first { $0["id"] as? String == g.nodeID(n) })
            #expect(record["kind"] as? String == g.nodeKind(n).rawValue)
            #expect(record["label"] as? String == ExportText.clean(g.label(n)))
            #expect((record["evidence"] as? [Any])?.count == g.evidence(ofNode: n).count)
        }
        let issued = edges.filter { $0["kind"] as? String == "issued_by" }
        #expect(issued.count == 7 && issued.allSatisfy { ($0["attrs"] as? [String: Any])?["order"] is Int })
        let evidence = try #require((nodes.first { $0["id"] as? String == "agency:生态环境部" })?["evidence"] as? [[String: Any]])
        #expect(evidence.first?["text"] as? String == "生态环境部负责监督。")
        #expect(evidence.first?["line"] as? Int == 4 && evidence.first?["byte_start"] as? Int == 400)
    }

    @Test("Graphviz lays out the DOT export and renders neighbourhoods and paths", .enabled(if: Consumers.command("dot"), "graphviz missing: apt-get install graphviz"))
    func dot() throws {
        var coissue = ExportOptions()
        coissue.view = .coissue
        for options in [ExportOptions(), coissue] {
            let path = try Consumers.export(fixture, .dot, options)
            let r = Consumers.run("dot", ["-Tsvg", path])
            #expect(r.status == 0, "dot: \(r.stderr)")
            #expect(String(decoding: r.stdout, as: UTF8.self).contains("财政部"))
        }
        let mof = fixture.node(withID: "agency:财政部")!
        let neighbourhood = try GraphvizRenderer.dotSource(fixture, .coissueNeighbourhood(mof), options: ExportOptions())
        #expect(neighbourhood.contains("水利部") && neighbourhood.contains("生态环境部"))
        #expect(!neighbourhood.contains("江北省"))
        let out = Consumers.temporaryDirectory() + "/n.svg"
        try GraphvizRenderer.render(dot: neighbourhood, format: .svg, to: out)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<svg"))
        let region = fixture.node(withID: "region:江北省")!, mwr = fixture.node(withID: "agency:水利部")!
        let path = try GraphvizRenderer.dotSource(fixture, .path(region, mwr), options: ExportOptions())
        // 江北省 ← 2021 document → PPP ← 水利部 (leads): three hops, each drawn in its true direction.
        #expect(path.components(separatedBy: " -> ").count - 1 == 3)
        #expect(path.contains("label=\"leads\"") && path.contains("label=\"mentions\""))
        #expect(path.contains("label=\"applies_to\""))
    }

    /// PNG and PDF need an installed font with Chinese glyphs; with none (fontconfig given an empty configuration)
    /// the renderer finds none and refuses, where the machine's own fonts are found.
    @Test("a missing Chinese font is detected, not drawn as boxes")
    func missingChineseFont() throws {
        guard Consumers.run("fc-list", ["--version"]).status == 0 else { return }
        let empty = Consumers.temporaryDirectory() + "/fonts.conf"
        try "<?xml version=\"1.0\"?><fontconfig></fontconfig>".write(toFile: empty, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = empty
        #expect(GraphvizRenderer.chineseFontFamilies(environment: environment) == [])
        // CI installs fonts-wqy-zenhei (.ci/run); a developer machine without one is told so by the check above.
        if ProcessInfo.processInfo.environment["CI"] != nil {
            #expect(GraphvizRenderer.chineseFontFamilies()?.isEmpty == false)
        }
    }

    @Test("shortest path ignores direction and is shortest")
    func shortestPath() throws {
        let g = fixture
        let a = g.node(withID: "region:江北省")!, b = g.node(withID: "agency:水利部")!
        let path = try #require(GraphvizRenderer.shortestPath(g, from: a, to: b))
        // 江北省 ← 2021 document → PPP ← 水利部; the route through 财政部 and the undated document is one hop longer.
        #expect(path.count == 3)
        var cur = a
        for e in path {
            #expect(g.edgeSource(e) == cur || g.edgeTarget(e) == cur)
            cur = g.edgeSource(e) == cur ? g.edgeTarget(e) : g.edgeSource(e)
        }
        #expect(cur == b)
    }
}
