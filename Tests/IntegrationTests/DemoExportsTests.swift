import Foundation
import PolicyCore
import PolicyExport
import PolicyStore
import Testing

/// Exports/demo holds the exports of the bundled demo corpus; these tests keep them current.
/// Regenerate with `KG_UPDATE_EXPORTS=1 swift test --filter DemoExportsTests`.
@Suite struct DemoExportsTests {
    static let samples: [(file: String, format: ExportFormat, view: ExportView, yEd: Bool)] = [
        ("graph.graphml", .graphml, .full, false),
        ("coissue.graphml", .graphml, .coissue, false),
        ("graph-yed.graphml", .graphml, .full, true),
        ("graph.gexf", .gexf, .full, false),
        ("coissue.gexf", .gexf, .coissue, false),
        ("graph.rdf", .rdfxml, .full, false),
        ("graph.ttl", .turtle, .full, false),
        ("graph.nt", .ntriples, .full, false),
        ("graph.nq", .nquads, .full, false),
        ("graph.jsonl", .jsonl, .full, false),
        ("coissue.dot", .dot, .coissue, false),
        ("neo4j", .neo4j, .full, false),
    ]

    static func demoGraph() throws -> Graph {
        try Pipeline.graph(of: Pipeline.packageRoot.appendingPathComponent("Exports/demo-corpus"),
                           displayPrefix: "Exports/demo-corpus")
    }

    @Test func committedExportsMatchTheDemoCorpus() throws {
        let graph = try Self.demoGraph()
        #expect(graph.nodeCount > 50)
        let committed = Pipeline.packageRoot.appendingPathComponent("Exports/demo")
        let update = ProcessInfo.processInfo.environment["KG_UPDATE_EXPORTS"] == "1"
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kg-demo-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        if update { try FileManager.default.createDirectory(at: committed, withIntermediateDirectories: true) }
        for sample in Self.samples {
            var options = ExportOptions()
            options.view = sample.view
            options.yEd = sample.yEd
            let target = (update ? committed : scratch).appendingPathComponent(sample.file)
            let written = try GraphExporter.export(graph, format: sample.format, options: options, to: target.path)
            if update { continue }
            for path in written {
                let name = String(path.dropFirst(scratch.path.count + 1))
                let fresh = try Data(contentsOf: URL(fileURLWithPath: path))
                let old = try? Data(contentsOf: committed.appendingPathComponent(name))
                #expect(old == fresh, "Exports/demo/\(name) is stale: run KG_UPDATE_EXPORTS=1 swift test --filter DemoExportsTests")
            }
        }
    }

    @Test func demoGraphHoldsTheJointNoticesWithOrderedIssuers() throws {
        let graph = try Self.demoGraph()
        guard let doc = (0..<graph.nodeCount).first(where: {
            graph.nodeKind($0) == .document && graph.attribute("doc_number", ofNode: $0)?.stringValue == "工信部联企业〔2024〕58号"
        }) else {
            Issue.record("the four-department notice was not extracted")
            return
        }
        let issuers = graph.outEdges(doc).map(Int.init).filter { graph.edgeKind($0) == .issuedBy }
            .sorted { (graph.attribute("order", ofEdge: $0)?.intValue ?? 0) < (graph.attribute("order", ofEdge: $1)?.intValue ?? 0) }
            .map { graph.label(graph.edgeTarget($0)) }
        #expect(issuers == ["工业和信息化部", "财政部", "中国人民银行", "国家金融监督管理总局"])
    }
}
