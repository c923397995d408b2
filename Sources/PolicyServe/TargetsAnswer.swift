import PolicyCore
import PolicyQuery
import PolicyStore

/// Filters of the targets table; the rows are `kg targets`' (for a programme or agency, or all).
struct TargetsRequest: Sendable {
    var owner: Int?
    /// Rows with a setter whose id or label is this (a document's issuers count as setters through the document).
    var agency: Int?
    var year: Int?
    /// `red_line`, `cap`, `floor`, `goal` (the target's `kind` attribute).
    var kind: String?
    var unit: String?
    var sort = "target"
    var descending = false
    var page = 1
    var pageSize = 100

    static let kinds = ["red_line", "cap", "floor", "goal"]
    static let sortKeys = ["target", "value", "unit", "kind", "deadline", "set_by"]
}

/// A row of the targets table: `TargetRow` and the target's kind.
public struct TargetTableRow: Codable, Sendable {
    public var row: TargetRow
    public var kind: String?
}

/// The targets table: matching rows (one page), their number, and the units and kinds present (for the filters).
public struct TargetsAnswer: Codable, Sendable {
    public var total: Int
    public var page: Int
    public var pageSize: Int
    public var rows: [TargetTableRow]
    public var units: [String]
    /// Every matching row (CSV; not in the JSON).
    var allRows: [TargetTableRow] = []

    enum CodingKeys: String, CodingKey { case total, page, pageSize, rows, units }
}

extension TargetsAnswer {
    init(_ graph: Graph, _ request: TargetsRequest) {
        var rows = targetsQuery(graph, owner: request.owner).map { row -> TargetTableRow in
            let node = graph.node(withID: row.target.id)
            return TargetTableRow(row: row, kind: node.flatMap { graph.attribute("kind", ofNode: $0)?.stringValue })
        }
        units = Array(Set(rows.compactMap(\.row.unit))).sorted()
        if let agency = request.agency {
            let agencyID = graph.nodeID(agency)
            rows = rows.filter { r in
                r.row.setBy.contains { setter in
                    setter.id == agencyID || (setter.kind == NodeKind.document.rawValue && Self.issuers(graph, setter.id).contains(agencyID))
                }
            }
        }
        if let year = request.year {
            let y = String(year)
            rows = rows.filter { r in
                r.row.deadline?.hasPrefix(y) == true || r.row.setBy.contains { setter in
                    graph.node(withID: setter.id).flatMap { graph.attribute("date", ofNode: $0)?.stringValue }?.hasPrefix(y) == true
                }
            }
        }
        if let kind = request.kind { rows = rows.filter { $0.kind == kind } }
        if let unit = request.unit { rows = rows.filter { $0.row.unit == unit } }
        func key(_ r: TargetTableRow) -> String {
            switch request.sort {
            case "unit": return r.row.unit ?? ""
            case "kind": return r.kind ?? ""
            case "deadline": return r.row.deadline ?? ""
            case "set_by": return r.row.setBy.first?.label ?? ""
            default: return r.row.target.label
            }
        }
        rows.sort { a, b in
            if request.sort == "value" {
                let va = a.row.value.flatMap { Double($0) } ?? -.infinity, vb = b.row.value.flatMap { Double($0) } ?? -.infinity
                if va != vb { return request.descending ? va > vb : va < vb }
                return a.row.target.id < b.row.target.id
            }
            let ka = key(a), kb = key(b)
            if ka != kb { return request.descending ? ka > kb : ka < kb }
            return a.row.target.id < b.row.target.id
        }
        total = rows.count
        page = request.page
        pageSize = request.pageSize
        let start = min(rows.count, (request.page - 1) * request.pageSize)
        self.rows = Array(rows[start..<min(rows.count, start + request.pageSize)])
        allRows = rows
    }

    private static func issuers(_ graph: Graph, _ documentID: String) -> [String] {
        guard let d = graph.node(withID: documentID) else { return [] }
        return graph.outEdges(d).filter { graph.edgeKind(Int($0)) == .issuedBy }.map { graph.nodeID(graph.edgeTarget(Int($0))) }
    }
}
