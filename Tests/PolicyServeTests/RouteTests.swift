import Foundation
import HummingbirdTesting
import PolicyCore
import PolicyQuery
import PolicyStore
import Testing
@testable import PolicyServe

/// Every page and its JSON on the demo corpus, through Hummingbird's test client.
@Suite struct RouteTests {
    @Test func searchResolvesNamesAliasesAndPrefixes() async throws {
        try await DemoServer.withClient { client in
            let exact = try await client.get("/api/search", [("q", "财政部")]).json()
            #expect(exact["resolution"] as? String == "found")
            #expect((exact["match"] as? [String: Any])?["id"] as? String == "agency:财政部")
            let alias = try await client.get("/api/search", [("q", "发改委")]).json()
            #expect((alias["match"] as? [String: Any])?["id"] as? String == "agency:国家发展和改革委员会")
            let prefix = try await client.get("/api/search", [("q", "国家"), ("limit", "5")]).json()
            let candidates = prefix["candidates"] as? [[String: Any]] ?? []
            #expect(candidates.count == 5)
            #expect(candidates.allSatisfy { ($0["documents"] as? Int) != nil && ($0["kind"] as? String) != nil })
            // The search page sends an exact match to its entity page.
            let redirect = try await client.get("/search", [("q", "财政部")])
            #expect(redirect.status == .found)
            #expect(redirect.headers[.location]?.hasPrefix("/entity?id=agency%3A") == true)
        }
    }

    @Test func entityPageListsCoIssuersAndDocuments() async throws {
        try await DemoServer.withClient { client in
            let page = try await client.get("/entity", [("id", "agency:财政部")])
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"coissuers-table\""))
            let expected = coissueQuery(DemoServer.graph, agency: DemoServer.graph.node(withID: "agency:财政部")!)
            #expect(!expected.isEmpty)
            for pair in expected { #expect(page.text.contains(pair.second.label)) }
            #expect(page.text.contains("财金〔2024〕31号"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            let json = try await client.get("/api/entity", [("name", "财政部")]).json()
            #expect((json["coissuers"] as? [Any])?.count == expected.count)
        }
    }

    @Test func coissuePictureDrawsEveryCoIssuingAgencyAndTheYearsChangeIt() async throws {
        try await DemoServer.withClient { client in
            let graph = DemoServer.graph
            func agencies(_ options: CoissueOptions) -> Int {
                Set(coissueQuery(graph, options: options).flatMap { [$0.first.id, $0.second.id] }).count
            }
            let all = try await client.get("/api/coissue").json()
            #expect((all["agencies"] as? [Any])?.count == agencies(CoissueOptions()))
            let page = try await client.get("/coissue")
            #expect(page.text.components(separatedBy: "<a class=\"agency").count - 1 == agencies(CoissueOptions()))
            // The slider's steps are the months of the demo's co-issued documents (they all lie in one year).
            let periods = try #require(all["periods"] as? [String])
            #expect(periods.count >= 2 && periods.allSatisfy { DateBound($0) != nil })
            let last = periods[periods.count - 1]
            let narrowed = try await client.get("/api/coissue", [("from", last), ("to", last)]).json()
            let expected = agencies(CoissueOptions(from: last, to: last))
            #expect(narrowed["undatedLeftOut"] as? Int == undatedCoissuedDocumentCount(graph))
            #expect((narrowed["agencies"] as? [Any])?.count == expected)
            #expect(expected < agencies(CoissueOptions()))
            let csv = try await client.get("/api/coissue/matrix.csv")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.split(separator: "\r\n").count == agencies(CoissueOptions()) + 1)
        }
    }

    /// The matrix on the page: a linked cell for every pair the JSON matrix counts, linking to that pair with
    /// `&` escaped in the attribute, and an empty cell for the others.
    @Test func matrixCellsLinkToTheirPairs() async throws {
        try await DemoServer.withClient { client in
            let json = try await client.get("/api/coissue").json()
            let matrix = try #require(json["matrix"] as? [[Int]])
            let ids = try #require(json["agencies"] as? [[String: Any]]).compactMap { ($0["node"] as? [String: Any])?["id"] as? String }
            #expect(ids.count == matrix.count && ids.count >= 3)
            let page = try await client.get("/coissue").text
            let start = try #require(page.range(of: "id=\"matrix-table\""))
            let table = String(page[start.upperBound...]).components(separatedBy: "</table>")[0]
            let nonZero = matrix.flatMap { $0 }.filter { $0 > 0 }.count
            #expect(table.components(separatedBy: "<td class=\"h").count - 1 == nonZero)
            #expect(table.components(separatedBy: "<td class=\"z\"></td>").count - 1 == matrix.count * matrix.count - nonZero)
            for i in matrix.indices {
                for j in matrix.indices where matrix[i][j] > 0 {
                    let link = "/coissue?a=" + HTMLText.queryComponent(ids[i]) + "&amp;b=" + HTMLText.queryComponent(ids[j]) + "#pair"
                    #expect(table.contains("<a href=\"\(link)\">\(matrix[i][j])</a>"), "\(ids[i]) × \(ids[j])")
                }
            }
        }
    }

    /// A pair link written from the filters' part and the encoded ids is the one `HTMLText.link` writes.
    @Test func pairLinksAreTheLinksOfTheFilteredPage() {
        let ids = ["agency:财政部", "agency:a&b=c?#"]
        for filters in [[], [("from", Optional("2020-01")), ("to", "2021"), ("min_count", "2")]] as [[(String, String?)]] {
            let links = CoissuePairLinks(base: HTMLText.link("/coissue", filters), agencies: [ids[0]])
            for (a, b) in [(ids[0], ids[1]), (ids[1], ids[0])] {
                #expect(links.link(a, b) == HTMLText.link("/coissue", filters + [("a", a), ("b", b)]) + "#pair")
            }
        }
    }

    @Test func pathShowsEachHopWithEvidence() async throws {
        try await DemoServer.withClient { client in
            let json = try await client.get("/api/path", [("from", "财政部"), ("to", "PPP"), ("k", "2")]).json()
            let paths = try #require(json["paths"] as? [[[String: Any]]])
            #expect(!paths.isEmpty)
            for hop in paths.flatMap({ $0 }) {
                let evidence = try #require(hop["evidence"] as? [String: Any])
                #expect(!(evidence["text"] as? String ?? "").isEmpty)
            }
            let page = try await client.get("/path", [("from", "财政部"), ("to", "PPP")])
            #expect(page.text.components(separatedBy: "<li class=\"hop\"").count - 1 >= paths[0].count)
            #expect(page.text.contains("/document?source="))
        }
    }

    @Test func documentHighlightsTheRedLineAtItsOffsets() async throws {
        try await DemoServer.withClient { client in
            let graph = DemoServer.graph
            let target = try #require((0..<graph.nodeCount).first { graph.nodeKind($0) == .target && graph.label($0).contains("10%红线") })
            let evidence = try #require(graph.evidence(ofNode: target).first)
            let json = try await client.get("/api/document", [("id", "财金〔2024〕31号")]).json()
            let spans = try #require(json["spans"] as? [[String: Any]])
            #expect(spans.contains { $0["id"] as? String == graph.nodeID(target) && $0["start"] as? Int == evidence.byteStart
                && $0["end"] as? Int == evidence.byteEnd })
            let page = try await client.get("/document", [("id", "财金〔2024〕31号")])
            // The highlighted runs of the target's span cover exactly its bytes, and their text is the file's.
            let bytes = [UInt8](try Data(contentsOf: DemoServer.packageRoot.appendingPathComponent(evidence.source)))
            let stated = String(decoding: bytes[evidence.byteStart..<evidence.byteEnd], as: UTF8.self)
            #expect(stated.contains("10%"))
            #expect(page.text.contains("data-start=\"\(evidence.byteStart)\""))
            #expect(page.text.contains("data-end=\"\(evidence.byteEnd)\""))
            #expect(page.text.contains("id=\"L\(evidence.line)\""))
            #expect(page.text.contains(">\(evidence.line)</a>"))
        }
    }

    @Test func targetsTableFiltersAndExportsCSV() async throws {
        try await DemoServer.withClient { client in
            let all = try await client.get("/api/targets").json()
            let redLines = try await client.get("/api/targets", [("kind", "red_line")]).json()
            let total = try #require(all["total"] as? Int), red = try #require(redLines["total"] as? Int)
            #expect(red >= 1 && red < total)
            let csv = try await client.get("/api/targets.csv", [("kind", "red_line")])
            #expect(csv.text.contains("10%红线"))
            let percent = try await client.get("/api/targets", [("unit", "%"), ("sort", "value"), ("order", "desc")]).json()
            let values = (percent["rows"] as? [[String: Any]] ?? []).compactMap { (($0["row"] as? [String: Any])?["value"] as? String).flatMap(Double.init) }
            #expect(values == values.sorted(by: >))
            let page = try await client.get("/targets", [("owner", "政府和社会资本合作")])
            #expect(page.text.contains("10%红线"))
        }
    }

    @Test func exportWritesTheViewThroughTheExporters() async throws {
        try await DemoServer.withClient { client in
            let graphml = try await client.get("/api/export", [("format", "graphml"), ("around", "财政部")])
            #expect(graphml.status == .ok)
            #expect(graphml.text.contains("<graphml"))
            #expect(graphml.text.contains("财政部"))
            let coissue = try await client.get("/api/export", [("format", "gexf"), ("view", "coissue")])
            #expect(coissue.text.contains("<gexf"))
            let wrong = try await client.get("/api/export", [("format", "turtle"), ("view", "coissue")])
            #expect(wrong.status == .badRequest)
        }
    }

    @Test func malformedParametersAre400WithAMessage() async throws {
        try await DemoServer.withClient { client in
            let cases: [(String, [(String, String)])] = [
                ("/api/coissue", [("from", "2024-13")]), ("/api/coissue", [("min_count", "abc")]), ("/api/coissue", [("min_count", "0")]),
                ("/api/coissue", [("from", "2024"), ("to", "2020")]), ("/api/path", [("from", "财政部")]),
                ("/api/path", [("from", "财政部"), ("to", "PPP"), ("relations", "issued_bye")]), ("/api/targets", [("kind", "ceiling")]),
                ("/api/search", []), ("/api/search", [("q", String(repeating: "财", count: 400))]), ("/api/export", [("format", "neo4j")]),
                ("/coissue", [("limit", "1")]), ("/api/document", []), ("/api/document", [("source", "x"), ("page", "-1")]),
            ]
            for (path, parameters) in cases {
                let answer = try await client.get(path, parameters)
                #expect(answer.status == .badRequest, "\(path) \(parameters)")
                #expect(answer.text.count > 20)
            }
            let broken = try await client.getRaw("/api/search?q=%E4%B8")
            #expect(broken.status == .badRequest)
            let missing = try await client.get("/api/entity", [("name", "不存在的机构名称")])
            #expect(missing.status == .notFound)
            let ambiguous = try await client.get("/api/entity", [("name", "国家")]).json()
            #expect(ambiguous["status"] as? Int == 409)
            #expect((ambiguous["candidates"] as? [Any])?.isEmpty == false)
            let notAFile = try await client.get("/api/document", [("source", "/etc/passwd")])
            #expect(notAFile.status == .notFound)
        }
    }

    @Test func staticAssetsComeFromTheCompiledInListOnly() async throws {
        try await DemoServer.withClient { client in
            let script = try await client.getRaw("/static/app.js")
            #expect(script.status == .ok)
            let style = try await client.getRaw("/static/app.css")
            #expect(style.headers[.contentType]?.hasPrefix("text/css") == true)
            for uri in ["/static/..%2FPackage.swift", "/static/../Package.swift", "/static/nothing.js", "/Package.swift"] {
                let answer = try await client.getRaw(uri)
                #expect(answer.status == .notFound, "\(uri)")
            }
        }
    }

    @Test func openAPIDocumentDescribesEveryAPIRoute() async throws {
        try await DemoServer.withClient { client in
            let doc = try await client.get("/api/openapi.json").json()
            let paths = try #require(doc["paths"] as? [String: Any])
            for path in ["/api/search", "/api/entity", "/api/coissue", "/api/coissue/pair", "/api/coissue/matrix.csv", "/api/path",
                         "/api/document", "/api/targets", "/api/targets.csv", "/api/export", "/api/stats", "/api/openapi.json"] {
                #expect(paths[path] != nil, "\(path)")
            }
            for page in ["/", "/coissue", "/path", "/targets"] {
                let answer = try await client.getRaw(page)
                #expect(answer.status == .ok, "\(page)")
            }
        }
    }
}
