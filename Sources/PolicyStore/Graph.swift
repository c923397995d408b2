import PolicyCore

/// An immutable knowledge graph: interned strings, flat columns and CSR adjacency.
/// Nodes are `0..<nodeCount`, edges `0..<edgeCount` (stored sorted by source node, so `outEdges(n)` is a contiguous
/// ascending range); adjacency lists hold edge indices in ascending order.
public struct Graph: Sendable {
    var strings: StringTable
    /// Kind index → string index of the kind's name.
    var nodeKindNames: Column<Int32>
    var edgeKindNames: Column<Int32>

    var nodeIDs: Column<Int32>
    var nodeKindIndex: Column<UInt16>
    var nodeLabels: Column<Int32>
    var aliasStart: Column<UInt32>
    var aliasItems: Column<Int32>
    var nodeAttributeStart: Column<UInt32>
    var edgeAttributeStart: Column<UInt32>
    var attributeRows: AttributeTable
    var nodeEvidenceStart: Column<UInt32>
    var edgeEvidenceStart: Column<UInt32>
    /// Evidence row of each reference (node and edge evidence lists are ranges of references).
    var evidenceRefs: Column<Int32>
    var evidenceRows: EvidenceTable

    var edgeSources: Column<Int32>
    var edgeTargets: Column<Int32>
    var edgeKindIndex: Column<UInt16>
    var outStart: Column<UInt32>
    var outItems: Column<Int32>
    var inStart: Column<UInt32>
    var inItems: Column<Int32>
    /// Source node of each entry of `inItems` (in-neighbours read sequentially).
    var inSources: Column<Int32>

    /// Node indices sorted by the bytes of their ids.
    var nodesByID: Column<Int32>
    /// (normalised name, node) pairs sorted by name bytes, then node.
    var nameKeys: Column<Int32>
    var nameNodes: Column<Int32>

    var sourcePaths: Column<Int32>
    var sourceHashes: Column<Int32>
    /// Per source: its identity (canonical path), the key by which ingest and removal find it.
    var sourceIdentities: Column<Int32>
    /// Per source: its ordinal in the ingest run that extracted it (`SourceContribution.ordinal`).
    var sourceOrdinals: Column<Int64>

    /// The summary a version-5 snapshot stored (nil: counted when asked for).
    var storedSummary: GraphSummary?

    /// Decoded kinds (derived from `nodeKindNames` / `edgeKindNames`).
    let nodeKindTable: [NodeKind]
    let edgeKindTable: [EdgeKind]

    init(strings: StringTable, nodeKindNames: Column<Int32>, edgeKindNames: Column<Int32>, nodeIDs: Column<Int32>, nodeKindIndex: Column<UInt16>,
         nodeLabels: Column<Int32>, aliasStart: Column<UInt32>, aliasItems: Column<Int32>, nodeAttributeStart: Column<UInt32>,
         edgeAttributeStart: Column<UInt32>, attributeRows: AttributeTable, nodeEvidenceStart: Column<UInt32>,
         edgeEvidenceStart: Column<UInt32>, evidenceRefs: Column<Int32>, evidenceRows: EvidenceTable, edgeSources: Column<Int32>, edgeTargets: Column<Int32>,
         edgeKindIndex: Column<UInt16>, outStart: Column<UInt32>, outItems: Column<Int32>, inStart: Column<UInt32>, inItems: Column<Int32>, inSources: Column<Int32>,
         nodesByID: Column<Int32>, nameKeys: Column<Int32>, nameNodes: Column<Int32>, sourcePaths: Column<Int32>, sourceHashes: Column<Int32>,
         sourceIdentities: Column<Int32>, sourceOrdinals: Column<Int64>, summary: GraphSummary? = nil) {
        self.strings = strings
        self.nodeKindNames = nodeKindNames
        self.edgeKindNames = edgeKindNames
        self.nodeIDs = nodeIDs
        self.nodeKindIndex = nodeKindIndex
        self.nodeLabels = nodeLabels
        self.aliasStart = aliasStart
        self.aliasItems = aliasItems
        self.nodeAttributeStart = nodeAttributeStart
        self.edgeAttributeStart = edgeAttributeStart
        self.attributeRows = attributeRows
        self.nodeEvidenceStart = nodeEvidenceStart
        self.edgeEvidenceStart = edgeEvidenceStart
        self.evidenceRefs = evidenceRefs
        self.evidenceRows = evidenceRows
        self.edgeSources = edgeSources
        self.edgeTargets = edgeTargets
        self.edgeKindIndex = edgeKindIndex
        self.outStart = outStart
        self.outItems = outItems
        self.inStart = inStart
        self.inItems = inItems
        self.inSources = inSources
        self.nodesByID = nodesByID
        self.nameKeys = nameKeys
        self.nameNodes = nameNodes
        self.sourcePaths = sourcePaths
        self.sourceHashes = sourceHashes
        self.sourceIdentities = sourceIdentities
        self.sourceOrdinals = sourceOrdinals
        self.storedSummary = summary
        self.nodeKindTable = nodeKindNames.map { NodeKind(strings[$0]) }
        self.edgeKindTable = edgeKindNames.map { EdgeKind(strings[$0]) }
    }

    /// The empty graph.
    public static var empty: Graph { GraphBuilder().freeze() }

    // MARK: Nodes

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { edgeSources.count }

    /// The stable id of node `n`, e.g. `agency:财政部`.
    public func nodeID(_ n: Int) -> String { strings[nodeIDs[n]] }
    public func nodeKind(_ n: Int) -> NodeKind { nodeKindTable[Int(nodeKindIndex[n])] }
    /// Canonical name (a document's title).
    public func label(_ n: Int) -> String { strings[nodeLabels[n]] }

    public func aliases(_ n: Int) -> [String] {
        (Int(aliasStart[n])..<Int(aliasStart[n + 1])).map { strings[aliasItems[$0]] }
    }

    /// Attributes of node `n`, sorted by key.
    public func attributes(ofNode n: Int) -> [(key: String, value: AttributeValue)] {
        attributeList(Int(nodeAttributeStart[n])..<Int(nodeAttributeStart[n + 1]))
    }

    /// The value of one attribute of node `n`, if present.
    public func attribute(_ key: String, ofNode n: Int) -> AttributeValue? {
        attributeValue(key, rows: Int(nodeAttributeStart[n])..<Int(nodeAttributeStart[n + 1]))
    }

    public func evidence(ofNode n: Int) -> [Evidence] {
        (Int(nodeEvidenceStart[n])..<Int(nodeEvidenceStart[n + 1])).map { evidenceRows.evidence(Int(evidenceRefs[$0]), strings: strings) }
    }

    /// Number of evidence entries of node `n` (without decoding them).
    public func evidenceCount(ofNode n: Int) -> Int { Int(nodeEvidenceStart[n + 1] &- nodeEvidenceStart[n]) }

    // MARK: Edges

    /// Stable edge id `kind:source->target` (same as `EdgeRecord.id`).
    public func edgeID(_ e: Int) -> String {
        "\(edgeKind(e).rawValue):\(nodeID(edgeSource(e)))->\(nodeID(edgeTarget(e)))"
    }
    public func edgeKind(_ e: Int) -> EdgeKind { edgeKindTable[Int(edgeKindIndex[e])] }
    public func edgeSource(_ e: Int) -> Int { Int(edgeSources[e]) }
    public func edgeTarget(_ e: Int) -> Int { Int(edgeTargets[e]) }

    /// Attributes of edge `e`, sorted by key.
    public func attributes(ofEdge e: Int) -> [(key: String, value: AttributeValue)] {
        attributeList(Int(edgeAttributeStart[e])..<Int(edgeAttributeStart[e + 1]))
    }

    /// The value of one attribute of edge `e`, if present.
    public func attribute(_ key: String, ofEdge e: Int) -> AttributeValue? {
        attributeValue(key, rows: Int(edgeAttributeStart[e])..<Int(edgeAttributeStart[e + 1]))
    }

    public func evidence(ofEdge e: Int) -> [Evidence] {
        (Int(edgeEvidenceStart[e])..<Int(edgeEvidenceStart[e + 1])).map { evidenceRows.evidence(Int(evidenceRefs[$0]), strings: strings) }
    }

    /// Edges leaving node `n`, ascending.
    @inline(__always)
    public func outEdges(_ n: Int) -> Slice<Column<Int32>> { outItems[Int(outStart[n])..<Int(outStart[n + 1])] }
    /// Edges entering node `n`, ascending.
    @inline(__always)
    public func inEdges(_ n: Int) -> Slice<Column<Int32>> { inItems[Int(inStart[n])..<Int(inStart[n + 1])] }

    /// Position of node `n`'s kind in `nodeKinds` (cheap kind tests in hot loops).
    @inline(__always)
    public func nodeKindOrdinal(_ n: Int) -> Int { Int(nodeKindIndex[n]) }
    /// Position of edge `e`'s kind in `edgeKinds`.
    @inline(__always)
    public func edgeKindOrdinal(_ e: Int) -> Int { Int(edgeKindIndex[e]) }

    /// Node and edge kinds present in the graph.
    public var nodeKinds: [NodeKind] { nodeKindTable }
    public var edgeKinds: [EdgeKind] { edgeKindTable }

    // MARK: Lookup

    /// The node whose id is exactly `id`.
    public func node(withID id: String) -> Int? {
        var id = id
        return id.withUTF8 { key -> Int? in
            var lo = 0, hi = nodesByID.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                let c = strings.compare(nodeIDs[Int(nodesByID[mid])], key)
                if c == 0 { return Int(nodesByID[mid]) }
                if c < 0 { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
    }

    /// The input files the graph was built from, in ingest order.
    public var sources: [SourceFile] {
        sourcePaths.indices.map {
            SourceFile(path: strings[sourcePaths[$0]], identity: strings[sourceIdentities[$0]], contentHash: strings[sourceHashes[$0]])
        }
    }

    /// The ordinal of each source (in `sources` order) in the ingest run that extracted it.
    public var sourceOrdinalList: [Int] { sourceOrdinals.map { Int($0) } }

    /// Bytes held by the graph's arrays (element counts × sizes; excludes allocator overhead).
    public var storageBytes: Int {
        outgoingSections.reduce(0) { $0 + $1.byteCount }
    }

    /// (section name, bytes) of the graph's arrays, largest first — where the memory goes.
    public var storageBreakdown: [(name: String, bytes: Int)] {
        zip(SnapshotSections.graphLayout, outgoingSections).map { ($0.name, $1.byteCount) }.sorted { $0.bytes > $1.bytes }
    }

    // MARK: Records

    public func nodeRecord(_ n: Int) -> NodeRecord {
        NodeRecord(id: nodeID(n), kind: nodeKind(n), label: label(n), aliases: aliases(n),
                   attributes: Dictionary(uniqueKeysWithValues: attributes(ofNode: n).map { ($0.key, $0.value) }),
                   evidence: evidence(ofNode: n))
    }

    public func edgeRecord(_ e: Int) -> EdgeRecord {
        EdgeRecord(kind: edgeKind(e), source: nodeID(edgeSource(e)), target: nodeID(edgeTarget(e)),
                   attributes: Dictionary(uniqueKeysWithValues: attributes(ofEdge: e).map { ($0.key, $0.value) }),
                   evidence: evidence(ofEdge: e))
    }

    // MARK: Helpers

    private func attributeList(_ rows: Range<Int>) -> [(key: String, value: AttributeValue)] {
        rows.map { (key: strings[attributeRows.keys[$0]], value: attributeRows.value($0, strings: strings)) }
    }

    private func attributeValue(_ key: String, rows: Range<Int>) -> AttributeValue? {
        if rows.isEmpty { return nil }
        var key = key
        let row = key.withUTF8 { bytes in rows.first { strings.compare(attributeRows.keys[$0], bytes) == 0 } }
        return row.map { attributeRows.value($0, strings: strings) }
    }
}

/// An input file a graph was built from.
public struct SourceFile: Hashable, Sendable, Codable {
    /// The path as the user gave it (what evidence shows).
    public var path: String
    /// The source's identity (canonical path; see `SourceContribution.identity`).
    public var identity: String
    /// Hex SHA-256 of the file's bytes.
    public var contentHash: String
    public init(path: String, identity: String? = nil, contentHash: String) {
        self.path = path
        self.identity = identity ?? path
        self.contentHash = contentHash
    }
}

extension Graph: CustomStringConvertible {
    public var description: String { "Graph(\(nodeCount) nodes, \(edgeCount) edges, \(sourcePaths.count) sources)" }
}

extension Graph: Equatable {
    /// Structural equality of all stored columns (same nodes, edges, strings and indexes in the same order), except
    /// the sources' ordinals: they tell where each source stood among the inputs of the run that ingested it (what
    /// else was named with it), not what the graph holds, so the graph of some files equals the graph those files
    /// leave when others are removed.
    public static func == (a: Graph, b: Graph) -> Bool {
        a.strings == b.strings && a.nodeKindNames == b.nodeKindNames && a.edgeKindNames == b.edgeKindNames
            && a.nodeIDs == b.nodeIDs && a.nodeKindIndex == b.nodeKindIndex && a.nodeLabels == b.nodeLabels
            && a.aliasStart == b.aliasStart && a.aliasItems == b.aliasItems
            && a.nodeAttributeStart == b.nodeAttributeStart && a.edgeAttributeStart == b.edgeAttributeStart
            && a.attributeRows == b.attributeRows && a.nodeEvidenceStart == b.nodeEvidenceStart
            && a.edgeEvidenceStart == b.edgeEvidenceStart && a.evidenceRefs == b.evidenceRefs && a.evidenceRows == b.evidenceRows
            && a.edgeSources == b.edgeSources && a.edgeTargets == b.edgeTargets && a.edgeKindIndex == b.edgeKindIndex
            && a.outStart == b.outStart && a.outItems == b.outItems && a.inStart == b.inStart && a.inItems == b.inItems && a.inSources == b.inSources
            && a.nodesByID == b.nodesByID && a.nameKeys == b.nameKeys && a.nameNodes == b.nameNodes
            && a.sourcePaths == b.sourcePaths && a.sourceHashes == b.sourceHashes
            && a.sourceIdentities == b.sourceIdentities
    }
}
