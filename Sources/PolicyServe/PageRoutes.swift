import Foundation
import Hummingbird
import PolicyCore
import PolicyQuery
import PolicyStore

/// The HTML pages: the same answers as `/api/…`, rendered through the Mustache templates (which escape every value).
extension Explorer {
    func addPageRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ -> Response in self.homePage(self.source.current()) }
        router.get("search") { request, _ -> Response in
            let loaded = self.source.current()
            let answer = try self.searchAnswer(loaded, try QueryParameters(request))
            if let match = answer.match { return Response.redirect(to: Self.entityHref(match.id), type: .found) }
            return self.searchPage(loaded, answer)
        }
        router.get("entity") { request, _ -> Response in
            let loaded = self.source.current()
            return self.entityPage(loaded, EntityAnswer(loaded, node: try self.entityNode(loaded, try QueryParameters(request))))
        }
        router.get("coissue") { request, _ -> Response in
            let loaded = self.source.current()
            let p = try QueryParameters(request)
            let r = try self.coissueRequest(loaded, p)
            return self.coissuePage(loaded, self.coissueAnswer(loaded, r), r, pair: try self.pairDocuments(loaded, p, request: r),
                                    byName: try p.choice("sort", ["documents", "name"], default: "documents") == "name")
        }
        router.get("path") { request, _ -> Response in
            let loaded = self.source.current()
            let p = try QueryParameters(request)
            if try p.string("from") == nil && p.string("to") == nil { return self.pathPage(loaded, nil, PathOptions(k: 3), p) }
            let (answer, options) = try self.pathAnswer(loaded, p)
            return self.pathPage(loaded, answer, options, p)
        }
        router.get("document") { request, _ -> Response in
            let loaded = self.source.current()
            return self.documentPage(loaded, try self.documentAnswer(loaded, try QueryParameters(request)))
        }
        router.get("targets") { request, _ -> Response in
            let loaded = self.source.current()
            let p = try QueryParameters(request)
            let r = try self.targetsRequest(loaded, p)
            return self.targetsPage(loaded, TargetsAnswer(loaded.graph, r), r, p)
        }
    }

    // MARK: Links

    static func entityHref(_ id: String) -> String { HTMLText.link("/entity", [("id", id)]) }
    static func documentHref(_ id: String) -> String { HTMLText.link("/document", [("id", id)]) }

    /// A link to the line of a source that evidence cites (`file:line`), on the page holding it; nil when the file is
    /// not one the snapshot was built from (an ontology row, say), which the document page does not show.
    static func whereHref(_ location: String?, _ sources: Set<String>) -> String? {
        guard let location, let colon = location.lastIndex(of: ":"), let line = Int(location[location.index(after: colon)...]),
              sources.contains(String(location[..<colon]))
        else { return nil }
        return HTMLText.link("/document", [("source", String(location[..<colon])), ("line", String(line))]) + "#L\(line)"
    }

    /// `dir/file.txt:12` → `file.txt:12`.
    static func shortWhere(_ location: String?) -> String {
        guard let location else { return "" }
        return location.split(separator: "/").last.map(String.init) ?? location
    }

    static func node(_ n: NodeReference) -> [String: Any] {
        ["label": n.label, "kind": n.kind, "id": n.id, "href": n.kind == "document" ? documentHref(n.id) : entityHref(n.id)]
    }

    static func document(_ d: DocumentReference) -> [String: Any] {
        ["title": d.title, "number": d.docNumber ?? "", "date": d.date ?? "", "href": documentHref(d.id),
         "name": [d.docNumber, d.title].compactMap { $0 }.joined(separator: " ")]
    }

    static func pager(_ page: Int, _ pageCount: Int, _ href: (Int) -> String) -> String {
        guard pageCount > 1 else { return "" }
        var out = "<p class=\"pager\">"
        if page > 1 { out += "<a href=\"\(HTMLText.escape(href(page - 1)))\">← previous</a>" }
        out += "<span>page \(page) of \(pageCount)</span>"
        if page < pageCount { out += "<a href=\"\(HTMLText.escape(href(page + 1)))\">next →</a>" }
        return out + "</p>"
    }

    static func targetsTable(sources: Set<String>, _ rows: [TargetTableRow], sortHref: ((String) -> String)? = nil) -> String {
        func header(_ title: String, _ key: String) -> String {
            guard let sortHref else { return "<th>\(title)</th>" }
            return "<th><a href=\"\(HTMLText.escape(sortHref(key)))\">\(title)</a></th>"
        }
        var out = "<table class=\"grid targets\" id=\"targets-table\"><thead><tr>" + header("target", "target") + header("kind", "kind")
            + header("value", "value") + header("unit", "unit") + "<th>cmp</th>" + header("deadline", "deadline")
            + header("set by", "set_by") + "<th>where</th></tr></thead><tbody>"
        for r in rows {
            out += "<tr class=\"target\"><td><a href=\"\(HTMLText.escape(entityHref(r.row.target.id)))\">\(HTMLText.escape(r.row.target.label))</a></td>"
            out += "<td>\(HTMLText.escape(r.kind ?? ""))</td><td>\(HTMLText.escape(r.row.value ?? ""))</td><td>\(HTMLText.escape(r.row.unit ?? ""))</td>"
            out += "<td>\(HTMLText.escape(r.row.comparator ?? ""))</td><td>\(HTMLText.escape(r.row.deadline ?? ""))</td><td>"
            out += r.row.setBy.map { s in
                "<a href=\"\(HTMLText.escape(s.kind == "document" ? documentHref(s.id) : entityHref(s.id)))\">\(HTMLText.escape(s.label))</a>"
            }.joined(separator: "、")
            out += "</td><td>"
            if let href = whereHref(r.row.evidence?.location, sources) {
                out += "<a href=\"\(HTMLText.escape(href))\" title=\"\(HTMLText.escape(r.row.evidence?.text ?? ""))\">\(HTMLText.escape(shortWhere(r.row.evidence?.location)))</a>"
            } else {
                out += HTMLText.escape(shortWhere(r.row.evidence?.location))
            }
            out += "</td></tr>"
        }
        return out + "</tbody></table>"
    }

    // MARK: Pages

    func homePage(_ loaded: LoadedGraph) -> Response {
        let stats = self.stats(loaded)
        let body = PageTemplates.render("home", [
            "hubs": stats.hubs.map { h -> [String: Any] in Self.node(h.node).merging(["degree": h.degree]) { $1 } },
            "kinds": stats.nodesByKind.map { ["name": $0.name, "count": $0.count] },
        ])
        return page("Policy knowledge graph", body, loaded)
    }

    func searchPage(_ loaded: LoadedGraph, _ answer: SearchAnswer) -> Response {
        let summary: String
        switch answer.resolution {
        case "ambiguous": summary = "“\(answer.query)” is ambiguous: \(answer.candidates.count) candidates. Pick one."
        case "not_found" where answer.candidates.isEmpty: summary = "Nothing is named “\(answer.query)” (names, aliases, ids and name prefixes were tried)."
        default: summary = "Names starting with “\(answer.query)”:"
        }
        let body = PageTemplates.render("search", [
            "summary": summary, "hasCandidates": !answer.candidates.isEmpty, "truncated": answer.truncated,
            "candidates": answer.candidates.map { c -> [String: Any] in
                ["label": c.label, "kind": c.kind, "documents": c.documents, "aliases": c.aliases.joined(separator: "、"), "id": c.id,
                 "href": c.kind == "document" ? Self.documentHref(c.id) : Self.entityHref(c.id)]
            },
        ])
        return page("Search: \(answer.query)", body, loaded, query: answer.query)
    }

    func entityPage(_ loaded: LoadedGraph, _ answer: EntityAnswer) -> Response {
        let sources = loaded.sourcePaths
        let card = answer.card
        let isDocument = card.node.kind == "document"
        let relations = card.relations.map { g -> [String: Any] in
            ["heading": g.outgoing ? "\(g.relation) →" : "← \(g.relation)",
             "items": g.items.map { item -> [String: Any] in
                 Self.node(item.other).merging([
                     "where": Self.shortWhere(item.evidence?.location), "whereHref": Self.whereHref(item.evidence?.location, sources) ?? "",
                     "evidence": item.evidence?.text ?? "",
                 ]) { $1 }
             }]
        }
        let body = PageTemplates.render("entity", [
            "kind": card.node.kind, "id": card.node.id, "aliases": card.aliases.joined(separator: "、"),
            "isAgency": card.node.kind == "agency",
            "pathHref": HTMLText.link("/path", [("from", card.node.id)]),
            "coissueHref": HTMLText.link("/coissue", [("agency", card.node.id)]),
            "exportHref": HTMLText.link("/api/export", [("format", "graphml"), ("around", card.node.id)]),
            "documentHref": isDocument ? Self.documentHref(card.node.id) : "",
            "hasAttributes": !card.attributes.isEmpty,
            "attributes": card.attributes.map { ["key": $0.key, "value": $0.value] },
            "hasCoissuers": !answer.coissuers.isEmpty,
            "coissuers": answer.coissuers.map { p -> [String: Any] in
                Self.node(p.second).merging(["count": p.count, "documents": p.documents.map(Self.document)]) { $1 }
            },
            "hasIssued": !answer.issued.isEmpty,
            "issued": answer.issued.map { d -> [String: Any] in
                Self.document(d.document).merging(["issuers": d.issuers.map(Self.node)]) { $1 }
            },
            "hasTargets": !answer.targets.isEmpty,
            "targetsTable": Self.targetsTable(sources: sources, answer.targets.map { row in
                TargetTableRow(row: row, kind: loaded.graph.node(withID: row.target.id).flatMap { loaded.graph.attribute("kind", ofNode: $0)?.stringValue })
            }),
            "hasRelations": !relations.isEmpty, "relations": relations, "truncated": answer.relationsTruncated,
            "hasEvidence": !card.evidence.isEmpty,
            "evidence": card.evidence.map { e -> [String: Any] in
                ["where": Self.shortWhere(e.location), "whereHref": Self.whereHref(e.location, sources) ?? "", "text": e.text]
            },
        ])
        return page(card.node.label, body, loaded)
    }

    func coissuePage(_ loaded: LoadedGraph, _ answer: CoissueAnswer, _ r: CoissueRequest, pair: CoissuePair?, byName: Bool) -> Response {
        let agencyID = r.agency.map { loaded.graph.nodeID($0) }
        func href(_ path: String, _ extra: [(String, String?)]) -> String {
            HTMLText.link(path, [("agency", agencyID), ("from", r.from), ("to", r.to),
                                 ("min_count", r.minCount == 1 ? nil : String(r.minCount)),
                                 ("include_undated", r.includeUndated ? "1" : nil), ("limit", r.limit == 40 ? nil : String(r.limit))] + extra)
        }
        let pairLinks = CoissuePairLinks(base: href("/coissue", []), agencies: answer.agencies.map(\.node.id))
        let svg = CoissuePicture.svg(answer, focus: agencyID, pairHref: pairLinks.link, agencyHref: Self.entityHref)
        let order = Self.matrixOrder(answer, byName: byName)
        let matrixBody = Self.matrixBody(answer, order: order, pairLinks: pairLinks)
        let periods = answer.periods, length = periods.first?.count ?? 4
        let fromIndex = r.from.flatMap { f in periods.firstIndex { $0 >= String(f.prefix(length)) } } ?? 0
        let toIndex = r.to.flatMap { t in periods.lastIndex { $0 <= String(t.prefix(length)) } } ?? max(0, periods.count - 1)
        let pageCount = max(1, (answer.pairCount + r.pageSize - 1) / r.pageSize)
        var dateNote = ""
        if r.from != nil || r.to != nil { dateNote = "documents dated \(r.from ?? "…") to \(r.to ?? "…")" }
        let body = PageTemplates.render("coissue", [
            "agencyName": r.agency.map { loaded.graph.label($0) } ?? "", "agencyID": agencyID ?? "",
            "hasPeriods": !periods.isEmpty, "periods": periods.joined(separator: " "), "lastIndex": max(0, periods.count - 1),
            "fromIndex": fromIndex, "toIndex": toIndex, "from": r.from ?? "", "to": r.to ?? "",
            "firstPeriod": periods.first ?? "", "lastPeriod": periods.last ?? "", "minCount": r.minCount, "limit": r.limit, "includeUndated": r.includeUndated,
            "resetHref": HTMLText.link("/coissue", [("agency", agencyID)]),
            "drawn": answer.agencies.count, "agencyCount": answer.agencyCount, "pairCount": answer.pairCount,
            "dateNote": dateNote, "undatedLeftOut": answer.undatedLeftOut > 0 ? answer.undatedLeftOut : false, "moreHidden": answer.agencyCount > answer.agencies.count,
            "svg": svg,
            "selectedPair": pair.map { p -> [String: Any] in
                ["title": "\(p.first.label) and \(p.second.label): \(p.count) documents", "documents": p.documents.map(Self.document)]
            } ?? false,
            "csvHref": href("/api/coissue/matrix.csv", [("sort", byName ? "name" : nil)]),
            "sortTotalHref": href("/coissue", []) + "#matrix", "sortNameHref": href("/coissue", [("sort", "name")]) + "#matrix",
            "matrixHeader": order.map { i -> [String: Any] in
                ["label": answer.agencies[i].node.label, "short": CoissuePicture.short(answer.agencies[i].node.label)]
            },
            "matrixBody": matrixBody,
            "pairs": answer.pairs.map { p -> [String: Any] in
                ["first": p.first.label, "second": p.second.label, "firstHref": Self.entityHref(p.first.id),
                 "secondHref": Self.entityHref(p.second.id), "count": p.count,
                 "pairHref": pairLinks.link(p.first.id, p.second.id),
                 "firstDate": p.documents.compactMap(\.date).min() ?? "", "lastDate": p.documents.compactMap(\.date).max() ?? ""]
            },
            "pager": Self.pager(r.page, pageCount) { href("/coissue", [("page", String($0))]) },
            "exportHref": HTMLText.link("/api/export", [("format", "graphml"), ("view", "coissue"), ("from", r.from), ("to", r.to)]),
            "gexfHref": HTMLText.link("/api/export", [("format", "gexf"), ("view", "coissue"), ("from", r.from), ("to", r.to)]),
            "jsonHref": href("/api/coissue", []),
        ])
        return page(r.agency.map { "Co-issuance around \(loaded.graph.label($0))" } ?? "Co-issuance network", body, loaded)
    }

    /// The rows of the agency × agency matrix as HTML (every label and link escaped): a cell per drawn pair, shaded
    /// by its count and linking to the pair's documents. Written directly rather than through the template: a
    /// 40 × 40 matrix is 1,600 cells, and rendering each as a template section cost more than the rest of the page.
    static func matrixBody(_ answer: CoissueAnswer, order: [Int], pairLinks: CoissuePairLinks) -> String {
        let maxCell = answer.matrix.flatMap { $0 }.max() ?? 1
        var html = ""
        for i in order {
            let a = answer.agencies[i]
            html += "<tr><th><a href=\"" + HTMLText.escape(entityHref(a.node.id)) + "\">" + HTMLText.escape(a.node.label) + "</a></th>"
            for j in order {
                let count = answer.matrix[i][j]
                guard count > 0 else { html += "<td class=\"z\"></td>"; continue }
                let link = pairLinks.link(a.node.id, answer.agencies[j].node.id)
                html += "<td class=\"h\(min(3, 1 + 3 * count / max(1, maxCell + 1)))\"><a href=\"" + HTMLText.escape(link) + "\">\(count)</a></td>"
            }
            html += "</tr>\n"
        }
        return html
    }

    func pathPage(_ loaded: LoadedGraph, _ answer: PathAnswer?, _ options: PathOptions, _ p: QueryParameters) -> Response {
        let sources = loaded.sourcePaths
        let chosen = Set((try? p.list("relations")) ?? [])
        // Alternatives that differ only in a parallel edge between the same nodes read the same: show one of them.
        var seen = Set<String>()
        let distinct = (answer?.paths ?? []).filter { path in
            seen.insert(path.map { "\($0.from.id)|\($0.relation)|\($0.forward)|\($0.to.id)" }.joined(separator: "\n")).inserted
        }
        let paths = distinct.enumerated().map { i, path -> [String: Any] in
            var nodes: [String] = []
            for hop in path { if nodes.last != hop.from.id { nodes.append(hop.from.id) }; nodes.append(hop.to.id) }
            return ["number": i + 1, "hops": path.count,
                    "exportHref": HTMLText.link("/api/export", [("format", "graphml")] + nodes.map { ("node", $0) }),
                    "steps": path.map { hop -> [String: Any] in
                        ["fromLabel": hop.from.label, "fromHref": Self.node(hop.from)["href"]!, "toLabel": hop.to.label,
                         "toHref": Self.node(hop.to)["href"]!,
                         "arrow": hop.forward ? "—\(hop.relation)→" : "←\(hop.relation)—",
                         "evidence": hop.evidence?.text ?? "(no evidence recorded)",
                         "where": hop.evidence?.location ?? "", "whereHref": Self.whereHref(hop.evidence?.location, sources) ?? ""]
                    }]
        }
        let body = PageTemplates.render("path", [
            "from": (try? p.string("from")) ?? "", "to": (try? p.string("to")) ?? "", "k": options.k, "maxHops": options.maxHops,
            "relationChoices": loaded.graph.edgeKinds.map(\.rawValue).sorted().map { ["name": $0, "checked": chosen.contains($0)] },
            "asked": answer != nil, "hasPaths": !paths.isEmpty, "paths": paths,
            "fromLabel": answer?.from.label ?? "", "toLabel": answer?.to.label ?? "",
        ])
        let title = answer.map { "Path: \($0.from.label) → \($0.to.label)" } ?? "Path"
        return page(title, body, loaded)
    }

    func documentPage(_ loaded: LoadedGraph, _ answer: DocumentAnswer) -> Response {
        let sources = loaded.sourcePaths
        var object: [String: Any] = [
            "source": answer.source, "encoding": answer.encoding ?? "", "lineCount": answer.lineCount,
            "unavailable": answer.unavailable ?? "", "extractedFrom": answer.extractedFrom ?? "", "text": answer.html,
            "pager": Self.pager(answer.page, answer.pageCount) { HTMLText.link("/document", [("source", answer.source), ("page", String($0))]) },
            "spans": answer.spans.enumerated().map { i, s -> [String: Any] in
                ["index": i, "start": s.start, "end": s.end, "line": s.line, "kind": s.kind, "label": s.label, "id": s.id,
                 "href": Self.entityHref(s.node),
                 "lineHref": HTMLText.link("/document", [("source", answer.source), ("line", String(s.line))]) + "#L\(s.line)"]
            },
        ]
        if let m = answer.metadata {
            object["metadata"] = [
                "title": m.document.title, "number": m.document.docNumber ?? "", "date": m.document.date ?? "", "type": m.type ?? "",
                "issuers": m.issuers.map(Self.node), "cites": m.cites.map(Self.document), "citedBy": m.citedBy.map(Self.document),
                "entityHref": Self.entityHref(m.document.id), "fullText": m.fullText,
                "hasTargets": !m.targets.isEmpty,
                "targetsTable": Self.targetsTable(sources: sources, m.targets.map { row in
                    TargetTableRow(row: row, kind: loaded.graph.node(withID: row.target.id).flatMap { loaded.graph.attribute("kind", ofNode: $0)?.stringValue })
                }),
            ] as [String: Any]
        }
        let title = answer.metadata?.document.title ?? answer.source
        return page(title, PageTemplates.render("document", object), loaded)
    }

    func targetsPage(_ loaded: LoadedGraph, _ answer: TargetsAnswer, _ r: TargetsRequest, _ p: QueryParameters) -> Response {
        let sources = loaded.sourcePaths
        let owner = (try? p.string("owner")) ?? nil, agency = (try? p.string("agency")) ?? nil
        func href(_ path: String, _ extra: [(String, String?)], sort: String? = nil, order: String? = nil) -> String {
            HTMLText.link(path, [("owner", owner), ("agency", agency), ("year", r.year.map(String.init)), ("kind", r.kind),
                                 ("unit", r.unit), ("sort", sort ?? r.sort), ("order", order ?? (r.descending ? "desc" : nil))] + extra)
        }
        let pageCount = max(1, (answer.total + r.pageSize - 1) / r.pageSize)
        let body = PageTemplates.render("targets", [
            "owner": owner ?? "", "agency": agency ?? "", "year": r.year.map(String.init) ?? "", "sort": r.sort,
            "kindChoices": TargetsRequest.kinds.map { ["name": $0, "selected": $0 == r.kind] },
            "unitChoices": answer.units.map { ["name": $0, "selected": $0 == r.unit] },
            "total": answer.total, "csvHref": href("/api/targets.csv", []), "jsonHref": href("/api/targets", []),
            "table": Self.targetsTable(sources: sources, answer.rows) { key in
                href("/targets", [], sort: key, order: key == r.sort && !r.descending ? "desc" : "asc")
            },
            "pager": Self.pager(r.page, pageCount) { href("/targets", [("page", String($0))]) },
        ])
        return page("Targets", body, loaded)
    }
}
