import PolicyCore
import PolicyStore

/// Maps a graph view onto RDF statements (PolicyKG's pkg: vocabulary, reusing W3C ORG, ELI, PROV-O, SKOS, DCTERMS
/// and Web Annotation) and hands them to a serializer:
/// - every node gets an IRI `<base><kind>/<id without the kind prefix>`, `rdf:type` its pkg: class (pkg:Agency,
///   pkg:Document, …) and the W3C class it specialises (org:Organization, eli:LegalResource, dcterms:Location,
///   skos:Concept), `rdfs:label` and `skos:prefLabel` (`@zh` when the text has Chinese), `skos:altLabel` per
///   alias, `pkg:kgId`; documents get `eli:title`/`dcterms:title`, `eli:id_local` (文号), `eli:date_document`
///   (xsd:date / gYearMonth / gYear); an agency's `level` is the pkg:AgencyLevel individual; a target's own `kind`
///   is `pkg:targetKind`; other attributes become `pkg:<lowerCamel key>` typed literals;
/// - every edge is a direct statement `pkg:<lowerCamel kind>` (`cooperates` → `pkg:cooperatesWith`) and a
///   reified `rdf:Statement` `<base>statement/<edge id>` carrying the edge's attributes; `issued_by` additionally
///   becomes a PROV-O qualified attribution (`prov:qualifiedAttribution` → `prov:Attribution` with `prov:agent` and
///   `pkg:order`, the signature position) and `prov:wasAttributedTo`;
/// - every evidence entry is `<node or statement> pkg:evidence [ a pkg:Evidence, oa:Annotation ]` with
///   `oa:hasBody` back to it, `pkg:line`/`pkg:column`, and an `oa:hasTarget` `oa:SpecificResource` on the
///   source file (a pkg:SourceFile) with an `oa:TextQuoteSelector` (the sentence) and an `oa:TextPositionSelector`
///   (byte offsets, as Ontology/policy.ttl specifies);
/// - with `namedGraphs` (N-Quads), statements go into one graph per source document: a node's or edge's
///   statements into the graph of each file its evidence comes from, an annotation into its own file's graph.
public struct RDFMapper {
    public let view: GraphView
    public let baseIRI: String
    public let namedGraphs: Bool

    private var nodeIRIs: [String?]
    private var blankCounter = 0
    private var predicateCache: [String: RDFName] = [:]
    private var classCache: [NodeKind: [RDFName]] = [:]

    public init(view: GraphView, baseIRI: String, namedGraphs: Bool) {
        self.view = view
        self.baseIRI = baseIRI
        self.namedGraphs = namedGraphs
        nodeIRIs = [String?](repeating: nil, count: view.graph.nodeCount)
    }

    /// The IRI minted for node `n` of `graph`.
    public static func nodeIRI(_ graph: Graph, _ n: Int, base: String) -> String {
        let id = graph.nodeID(n)
        let kind = graph.nodeKind(n).rawValue
        let prefix = kind + ":"
        if id.hasPrefix(prefix) {
            return base + IRIEncoding.segment(kind) + "/" + IRIEncoding.segment(String(id.dropFirst(prefix.count)))
        }
        return base + "node/" + IRIEncoding.segment(id)
    }

    /// The IRI of a source file (also the name of its graph in N-Quads).
    public static func sourceIRI(_ path: String, base: String) -> String {
        base + "source/" + IRIEncoding.segment(path)
    }

    /// The predicate of an edge kind.
    public static func predicate(for kind: EdgeKind) -> RDFName {
        switch kind {
        case .issuedBy: return Vocabulary.issuedBy
        case .cooperates: return cooperatesWith
        default: return RDFName(.pkg, Vocabulary.localName(kind.rawValue))
        }
    }

    private static let cooperatesWith = RDFName(.pkg, "cooperatesWith")
    private static let agencyLevels: Set<String> = ["party", "central", "provincial", "municipal", "county", "other"]

    public mutating func write(to out: RDFSerializer) throws {
        let graph = view.graph
        for n in 0..<graph.nodeCount where view.includesNode[n] {
            nodeIRIs[n] = Self.nodeIRI(graph, n, base: baseIRI)
        }
        try out.begin()
        for source in graph.sources {
            let iri = Self.sourceIRI(source.path, base: baseIRI)
            let g = namedGraphs ? iri : nil
            try out.emit(.iri(iri), Vocabulary.type, .name(Vocabulary.sourceFile), graph: g)
            try out.emit(.iri(iri), Vocabulary.identifier, .literal(ExportText.clean(source.path), .plain), graph: g)
            try out.emit(.iri(iri), Vocabulary.contentHash, .literal(source.contentHash, .plain), graph: g)
        }
        var graphs: [String?] = []
        for n in 0..<graph.nodeCount where view.includesNode[n] {
            let subject = RDFTerm.iri(nodeIRIs[n]!)
            let evidence = graph.evidence(ofNode: n)
            graphsOf(evidence, into: &graphs)
            for g in graphs {
                try nodeStatements(n, subject, graph: g, out)
                try outEdgeStatements(n, subject, graph: g, out)
            }
            try annotations(evidence, body: subject, out)
            try edgeResources(n, out)
        }
        try out.end()
    }

    private func graphsOf(_ evidence: [Evidence], into graphs: inout [String?]) {
        graphs.removeAll(keepingCapacity: true)
        guard namedGraphs else { graphs.append(nil); return }
        for ev in evidence {
            let iri = Self.sourceIRI(ev.source, base: baseIRI)
            if !graphs.contains(iri) { graphs.append(iri) }
        }
        if graphs.isEmpty { graphs.append(nil) }
    }

    private mutating func classes(of kind: NodeKind) -> [RDFName] {
        if let c = classCache[kind] { return c }
        let own = RDFName(.pkg, Vocabulary.localName(kind.rawValue, upperFirst: true))
        var list: [RDFName]
        switch kind {
        case .agency, .organization: list = [own, Vocabulary.organization]
        case .document: list = [own, Vocabulary.legalResource]
        case .region: list = [own, Vocabulary.location]
        case .programme: list = [own, Vocabulary.concept]
        default: list = [own]
        }
        classCache[kind] = list
        return list
    }

    private mutating func attributePredicate(_ key: String) -> RDFName {
        if let p = predicateCache[key] { return p }
        let p = RDFName(.pkg, Vocabulary.localName(key))
        predicateCache[key] = p
        return p
    }

    private static func textLiteral(_ s: String) -> RDFTerm {
        let clean = ExportText.clean(s)
        // A CJK ideograph (U+3400–U+9FFF: UTF-8 lead bytes E3 90 … E9) makes it Chinese.
        let chinese = clean.utf8.withContiguousStorageIfAvailable { utf8 in
            for i in 0..<utf8.count where utf8[i] >= 0xE3 && utf8[i] <= 0xE9 {
                if utf8[i] > 0xE3 || (i + 1 < utf8.count && utf8[i + 1] >= 0x90) { return true }
            }
            return false
        } ?? clean.unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF }
        return .literal(clean, chinese ? zh : .plain)
    }

    private static let zh = RDFLiteralKind.language("zh")

    private static func dateLiteral(_ s: String) -> RDFTerm {
        let utf8 = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { utf8[$0] >= 0x30 && utf8[$0] <= 0x39 } }
        if utf8.count == 10, digits(0..<4), utf8[4] == 0x2D, digits(5..<7), utf8[7] == 0x2D, digits(8..<10) {
            return .literal(s, .typed(Vocabulary.xsdDate))
        }
        if utf8.count == 7, digits(0..<4), utf8[4] == 0x2D, digits(5..<7) { return .literal(s, .typed(Vocabulary.xsdGYearMonth)) }
        if utf8.count == 4, digits(0..<4) { return .literal(s, .typed(Vocabulary.xsdGYear)) }
        return .literal(ExportText.clean(s), .plain)
    }

    private static func literals(_ value: AttributeValue) -> [RDFTerm] {
        switch value {
        case .null: return []
        case .bool(let b): return [.literal(b ? "true" : "false", .typed(Vocabulary.xsdBoolean))]
        case .int(let i): return [.integer(i)]
        case .double(let d):
            guard d.isFinite else { return [.literal(d.isNaN ? "NaN" : (d > 0 ? "INF" : "-INF"), .typed(Vocabulary.xsdDouble))] }
            return [.literal(String(d), .typed(Vocabulary.xsdDouble))]
        case .string(let s): return [textLiteral(s)]
        case .strings(let list): return list.map { textLiteral($0) }
        }
    }

    private mutating func nodeStatements(_ n: Int, _ s: RDFTerm, graph g: String?, _ out: RDFSerializer) throws {
        let graph = view.graph
        let kind = graph.nodeKind(n)
        for c in classes(of: kind) { try out.emit(s, Vocabulary.type, .name(c), graph: g) }
        let label = Self.textLiteral(graph.label(n))
        try out.emit(s, Vocabulary.label, label, graph: g)
        try out.emit(s, Vocabulary.prefLabel, label, graph: g)
        for alias in graph.aliases(n) { try out.emit(s, Vocabulary.altLabel, Self.textLiteral(alias), graph: g) }
        try out.emit(s, Vocabulary.kgId, .literal(ExportText.clean(graph.nodeID(n)), .plain), graph: g)
        let isDocument = kind == .document
        for (key, value) in graph.attributes(ofNode: n) {
            if isDocument {
                switch key {
                case "title":
                    if case .string(let t) = value {
                        let title = Self.textLiteral(t)
                        try out.emit(s, Vocabulary.title, title, graph: g)
                        try out.emit(s, Vocabulary.dctermsTitle, title, graph: g)
                        continue
                    }
                case "doc_number":
                    if case .string(let t) = value { try out.emit(s, Vocabulary.idLocal, .literal(ExportText.clean(t), .plain), graph: g); continue }
                case "date":
                    if case .string(let t) = value { try out.emit(s, Vocabulary.dateDocument, Self.dateLiteral(t), graph: g); continue }
                default: break
                }
            }
            if key == "level", kind == .agency, case .string(let level) = value, Self.agencyLevels.contains(level) {
                try out.emit(s, Vocabulary.level, .name(RDFName(.pkg, level)), graph: g)
                continue
            }
            let p = key == "kind" ? Vocabulary.targetKind : attributePredicate(key)
            for o in Self.literals(value) { try out.emit(s, p, o, graph: g) }
        }
    }

    /// Direct statements for the node's outgoing edges (same subject, so they stay grouped), including the
    /// PROV-O qualified attribution of issued_by.
    private mutating func outEdgeStatements(_ n: Int, _ s: RDFTerm, graph g: String?, _ out: RDFSerializer) throws {
        let graph = view.graph
        var attributions: [(blank: Int, edge: Int)] = []
        for e32 in graph.outEdges(n) {
            let e = Int(e32)
            guard view.includesEdge[e], edgeBelongs(e, to: g) else { continue }
            let target = RDFTerm.iri(nodeIRIs[graph.edgeTarget(e)]!)
            let kind = graph.edgeKind(e)
            try out.emit(s, Self.predicate(for: kind), target, graph: g)
            if kind == .issuedBy {
                try out.emit(s, Vocabulary.wasAttributedTo, target, graph: g)
                blankCounter += 1
                attributions.append((blankCounter, e))
                try out.emit(s, Vocabulary.qualifiedAttribution, .blank(blankCounter), graph: g)
            }
        }
        for (blank, e) in attributions {
            let b = RDFTerm.blank(blank)
            try out.emit(b, Vocabulary.type, .name(Vocabulary.attribution), graph: g)
            try out.emit(b, Vocabulary.agent, .iri(nodeIRIs[graph.edgeTarget(e)]!), graph: g)
            if let order = graph.attribute("order", ofEdge: e)?.intValue {
                try out.emit(b, Vocabulary.order, .integer(order), graph: g)
            }
        }
    }

    /// Whether edge `e` is stated in graph `g` (always true without named graphs; edges without evidence follow
    /// their source node).
    private func edgeBelongs(_ e: Int, to g: String?) -> Bool {
        guard namedGraphs else { return true }
        let evidence = view.graph.evidence(ofEdge: e)
        if evidence.isEmpty {
            let sourceEvidence = view.graph.evidence(ofNode: view.graph.edgeSource(e))
            if sourceEvidence.isEmpty { return g == nil }
            return sourceEvidence.contains { Self.sourceIRI($0.source, base: baseIRI) == g }
        }
        return evidence.contains { Self.sourceIRI($0.source, base: baseIRI) == g }
    }

    /// Reified statements for the node's outgoing edges, with the edges' attributes and evidence.
    private mutating func edgeResources(_ n: Int, _ out: RDFSerializer) throws {
        let graph = view.graph
        var graphs: [String?] = []
        for e32 in graph.outEdges(n) {
            let e = Int(e32)
            guard view.includesEdge[e] else { continue }
            let evidence = graph.evidence(ofEdge: e)
            let attributes = graph.attributes(ofEdge: e)
            if evidence.isEmpty && attributes.isEmpty { continue }
            let st = RDFTerm.iri(baseIRI + "statement/" + IRIEncoding.segment(graph.edgeID(e)))
            if evidence.isEmpty && namedGraphs { graphsOf(graph.evidence(ofNode: n), into: &graphs) } else { graphsOf(evidence, into: &graphs) }
            for g in graphs {
                try out.emit(st, Vocabulary.type, .name(Vocabulary.statement), graph: g)
                try out.emit(st, Vocabulary.subject, .iri(nodeIRIs[n]!), graph: g)
                try out.emit(st, Vocabulary.predicate, .name(Self.predicate(for: graph.edgeKind(e))), graph: g)
                try out.emit(st, Vocabulary.object, .iri(nodeIRIs[graph.edgeTarget(e)]!), graph: g)
                for (key, value) in attributes {
                    let p = attributePredicate(key)
                    for o in Self.literals(value) { try out.emit(st, p, o, graph: g) }
                }
            }
            try annotations(evidence, body: st, out)
        }
    }

    private mutating func annotations(_ evidence: [Evidence], body: RDFTerm, _ out: RDFSerializer) throws {
        for ev in evidence {
            let source = Self.sourceIRI(ev.source, base: baseIRI)
            let g = namedGraphs ? source : nil
            let a = RDFTerm.blank(blankCounter + 1), t = RDFTerm.blank(blankCounter + 2)
            let q = RDFTerm.blank(blankCounter + 3), p = RDFTerm.blank(blankCounter + 4)
            blankCounter += 4
            try out.emit(body, Vocabulary.evidence, a, graph: g)
            try out.emit(a, Vocabulary.type, .name(Vocabulary.evidenceClass), graph: g)
            try out.emit(a, Vocabulary.type, .name(Vocabulary.annotation), graph: g)
            try out.emit(a, Vocabulary.hasBody, body, graph: g)
            try out.emit(a, Vocabulary.line, .integer(ev.line), graph: g)
            try out.emit(a, Vocabulary.column, .integer(ev.column), graph: g)
            try out.emit(a, Vocabulary.hasTarget, t, graph: g)
            try out.emit(t, Vocabulary.type, .name(Vocabulary.specificResource), graph: g)
            try out.emit(t, Vocabulary.hasSource, .iri(source), graph: g)
            try out.emit(t, Vocabulary.hasSelector, q, graph: g)
            try out.emit(t, Vocabulary.hasSelector, p, graph: g)
            try out.emit(q, Vocabulary.type, .name(Vocabulary.textQuoteSelector), graph: g)
            try out.emit(q, Vocabulary.exact, Self.textLiteral(ev.text), graph: g)
            try out.emit(p, Vocabulary.type, .name(Vocabulary.textPositionSelector), graph: g)
            try out.emit(p, Vocabulary.start, .integer(ev.byteStart), graph: g)
            try out.emit(p, Vocabulary.end, .integer(ev.byteEnd), graph: g)
        }
    }
}
