import Foundation
import Hummingbird
import PolicyCore
import PolicyExport
import PolicyQuery
import PolicyStore

/// `/api/…`: the pages' answers as JSON (and CSV, and exports), described by `/api/openapi.json`.
extension Explorer {
    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        router.get("api/openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.get("api/stats") { _, _ -> Response in try Self.json(self.stats(self.source.current())) }
        router.get("api/search") { request, _ -> Response in
            let loaded = self.source.current()
            return try Self.json(try self.searchAnswer(loaded, try QueryParameters(request)))
        }
        router.get("api/entity") { request, _ -> Response in
            let loaded = self.source.current()
            return try Self.json(EntityAnswer(loaded, node: try self.entityNode(loaded, try QueryParameters(request))))
        }
        router.get("api/coissue") { request, _ -> Response in
            let loaded = self.source.current()
            return try Self.json(self.coissueAnswer(loaded, try self.coissueRequest(loaded, try QueryParameters(request))))
        }
        router.get("api/coissue/pair") { request, _ -> Response in
            let loaded = self.source.current()
            let p = try QueryParameters(request)
            _ = try p.required("a")
            _ = try p.required("b")
            return try Self.json(try self.pairDocuments(loaded, p, request: try self.coissueRequest(loaded, p)))
        }
        router.get("api/coissue/matrix.csv") { request, _ -> Response in
            let loaded = self.source.current()
            let p = try QueryParameters(request)
            let answer = self.coissueAnswer(loaded, try self.coissueRequest(loaded, p))
            let order = Self.matrixOrder(answer, byName: try p.choice("sort", ["documents", "name"], default: "documents") == "name")
            var rows = [["agency"] + order.map { answer.agencies[$0].node.label }]
            for i in order { rows.append([answer.agencies[i].node.label] + order.map { String(answer.matrix[i][$0]) }) }
            return Self.download(CSV.document(rows), contentType: "text/csv; charset=utf-8", filename: "coissue-matrix.csv")
        }
        router.get("api/path") { request, _ -> Response in
            let loaded = self.source.current()
            return try Self.json(try self.pathAnswer(loaded, try QueryParameters(request)).0)
        }
        router.get("api/document") { request, _ -> Response in
            let loaded = self.source.current()
            return try Self.json(try self.documentAnswer(loaded, try QueryParameters(request)))
        }
        router.get("api/targets") { request, _ -> Response in
            let loaded = self.source.current()
            return try Self.json(TargetsAnswer(loaded.graph, try self.targetsRequest(loaded, try QueryParameters(request))))
        }
        router.get("api/targets.csv") { request, _ -> Response in
            let loaded = self.source.current()
            let answer = TargetsAnswer(loaded.graph, try self.targetsRequest(loaded, try QueryParameters(request)))
            var rows = [["target", "id", "kind", "value", "unit", "comparator", "deadline", "set_by", "where", "evidence"]]
            for r in answer.allRows {
                rows.append([r.row.target.label, r.row.target.id, r.kind ?? "", r.row.value ?? "", r.row.unit ?? "", r.row.comparator ?? "",
                             r.row.deadline ?? "", r.row.setBy.map(\.label).joined(separator: "、"), r.row.evidence?.location ?? "",
                             r.row.evidence?.text ?? ""])
            }
            return Self.download(CSV.document(rows), contentType: "text/csv; charset=utf-8", filename: "targets.csv")
        }
        router.get("api/export") { request, _ -> Response in
            try self.export(self.source.current(), try QueryParameters(request))
        }
    }

    /// Matrix rows in order: most documents first, or by name.
    static func matrixOrder(_ answer: CoissueAnswer, byName: Bool) -> [Int] {
        Array(answer.agencies.indices).sorted { a, b in
            let x = answer.agencies[a], y = answer.agencies[b]
            return byName ? (x.node.label, x.node.id) < (y.node.label, y.node.id)
                : (y.documents, x.node.label) < (x.documents, y.node.label)
        }
    }
}
