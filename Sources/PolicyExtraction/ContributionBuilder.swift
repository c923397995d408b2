import PolicyCore
import PolicyOntology
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects nodes and edges for one source file, merging repeated statements: one node per id (aliases and
/// evidence accumulated, attributes filled in first-come), one edge per (kind, source, target).
struct ContributionBuilder {
    /// Evidence kept per node and per edge (the first mentions in file order).
    static let maxNodeEvidence = 20
    static let maxEdgeEvidence = 5

    private(set) var nodes: [NodeRecord] = []
    private(set) var nodeIndex: [ByteKey: Int] = [:]
    /// True while every name of the node is trivially in NFC: then a name with new bytes is a new name, and the
    /// canonical-equivalence test against the others (String ==) can be skipped.
    private var namesInNFC: [Bool] = []
    private(set) var edges: [EdgeRecord] = []
    private var edgeIndex: [EdgeKey: Int] = [:]

    private struct EdgeKey: Hashable { let kind: EdgeKind; let source: ByteKey; let target: ByteKey }

    /// An empty builder, with room for the nodes and edges of a typical file (growing rehashes every key).
    init() {
        nodeIndex.reserveCapacity(512)
        edgeIndex.reserveCapacity(1024)
    }

    func contains(_ id: String) -> Bool { nodeIndex[ByteKey(id)] != nil }

    /// Position of node `id` in `nodes`, nil while it does not exist (valid until the next `addNode`).
    func nodeSlot(_ id: String) -> Int? { nodeIndex[ByteKey(id)] }

    /// False once the node found by `nodeSlot` holds `maxNodeEvidence` records (nil, not yet added: true).
    func wantsEvidence(nodeSlot slot: Int?) -> Bool {
        guard let slot else { return true }
        return nodes[slot].evidence.count < Self.maxNodeEvidence
    }

    /// Position of edge (kind, source, target) in `edges`, nil while it does not exist (valid until the next `addEdge`).
    func edgeSlot(_ kind: EdgeKind, from source: String, to target: String) -> Int? {
        edgeIndex[EdgeKey(kind: kind, source: ByteKey(source), target: ByteKey(target))]
    }

    /// False once the edge found by `edgeSlot` holds `maxEdgeEvidence` records (nil, not yet added: true).
    func wantsEvidence(edgeSlot slot: Int?) -> Bool {
        guard let slot else { return true }
        return edges[slot].evidence.count < Self.maxEdgeEvidence
    }

    /// Adds or merges a node. `aliases` are added when they differ from the label.
    mutating func addNode(id: String, kind: NodeKind, label: String, aliases: [String] = [],
                          attributes: Attributes = [:], evidence: Evidence?) {
        _ = addNode(slot: nodeIndex[ByteKey(id)], id: id, kind: kind, label: label, aliases: aliases,
                    attributes: attributes, evidence: evidence)
    }

    /// True when `name` is, byte for byte, the label or a recorded alias of the node at `slot` (then adding it
    /// as an alias changes nothing).
    func hasName(_ name: String, slot: Int) -> Bool {
        let key = ByteKey(name)
        return key == ByteKey(nodes[slot].label) || nodes[slot].aliases.contains { ByteKey($0) == key }
    }

    /// `addNode` with the node's position already looked up by `nodeSlot(id)` (nil: a new node); returns the
    /// node's position.
    @discardableResult
    mutating func addNode(slot: Int?, id: String, kind: NodeKind, label: String, aliases: [String] = [],
                          attributes: Attributes = [:], evidence: Evidence?) -> Int {
        let i: Int
        if let existing = slot {
            i = existing
        } else {
            i = nodes.count
            nodeIndex[ByteKey(id)] = i
            // (A new node takes the attributes as given: first-come has nothing to keep.)
            nodes.append(NodeRecord(id: id, kind: kind, label: label, attributes: attributes))
            namesInNFC.append(NameKey.isNFCAsItStands(label))
        }
        for alias in aliases { addAlias(alias, slot: i) }
        for (key, value) in attributes where slot != nil {
            if let old = nodes[i].attributes[key], old != .null { continue }
            nodes[i].attributes[key] = value
        }
        if let evidence { addEvidence(evidence, slot: i) }
        return i
    }

    /// Adds `alias` to the node at `slot` unless it is empty or already one of its names.
    mutating func addAlias(_ alias: String, slot i: Int) {
        // Names are few per node: a linear byte comparison is cheaper than a hashed set.
        guard !alias.isEmpty, !hasName(alias, slot: i) else { return }
        let aliasInNFC = NameKey.isNFCAsItStands(alias)
        // New bytes; a new name unless canonically equivalent (String ==) to the label or an alias.
        guard namesInNFC[i] && aliasInNFC || !(nodes[i].label == alias || nodes[i].aliases.contains(alias)) else { return }
        namesInNFC[i] = namesInNFC[i] && aliasInNFC
        nodes[i].aliases.append(alias)
    }

    /// Adds `evidence` to the node at `slot` while it holds fewer than `maxNodeEvidence` and not the same span.
    mutating func addEvidence(_ evidence: Evidence, slot i: Int) {
        if nodes[i].evidence.count < Self.maxNodeEvidence, !Self.holds(nodes[i].evidence, evidence) {
            nodes[i].evidence.append(evidence)
        }
    }

    /// Adds or merges an edge (attributes first-come, evidence accumulated).
    mutating func addEdge(_ kind: EdgeKind, from source: String, to target: String,
                          attributes: Attributes = [:], evidence: Evidence?) {
        guard ByteKey(source) != ByteKey(target) else { return }
        _ = addEdge(slot: edgeSlot(kind, from: source, to: target), kind, from: source, to: target,
                    attributes: attributes, evidence: evidence)
    }

    /// `addEdge` with the edge's position already looked up by `edgeSlot` (nil: a new edge); returns the edge's
    /// position (nil for a loop, which is not added).
    @discardableResult
    mutating func addEdge(slot: Int?, _ kind: EdgeKind, from source: String, to target: String,
                          attributes: Attributes = [:], evidence: Evidence?) -> Int? {
        guard ByteKey(source) != ByteKey(target) else { return nil }
        let i: Int
        if let existing = slot {
            i = existing
        } else {
            i = edges.count
            edgeIndex[EdgeKey(kind: kind, source: ByteKey(source), target: ByteKey(target))] = i
            edges.append(EdgeRecord(kind: kind, source: source, target: target, attributes: attributes))
        }
        for (k, v) in attributes where edges[i].attributes[k] == nil { edges[i].attributes[k] = v }
        if let evidence, edges[i].evidence.count < Self.maxEdgeEvidence, !Self.holds(edges[i].evidence, evidence) {
            edges[i].evidence.append(evidence)
        }
        return i
    }

    /// True when `list` already has evidence for the same span of the same file (positions first: cheap).
    private static func holds(_ list: [Evidence], _ e: Evidence) -> Bool {
        list.contains { $0.byteStart == e.byteStart && $0.byteEnd == e.byteEnd && $0.source == e.source }
    }

    /// Edges whose endpoints both exist (an edge to a node that was never stated is dropped).
    func finishedEdges() -> [EdgeRecord] {
        // (Endpoints read in place: a closure over each record would copy it. Consecutive edges often share their
        // source, which is then looked up once. Usually every edge stays, and the array is returned as it is.)
        var kept: [Bool] = []
        var lastSource: (key: ByteKey, stated: Bool)?
        for i in edges.indices {
            let source = ByteKey(edges[i].source)
            let sourceStated: Bool
            if let last = lastSource, last.key == source { sourceStated = last.stated } else {
                sourceStated = nodeIndex[source] != nil
                lastSource = (source, sourceStated)
            }
            let stated = sourceStated && nodeIndex[ByteKey(edges[i].target)] != nil
            if !stated, kept.isEmpty { kept = Array(repeating: true, count: edges.count) }
            if !stated { kept[i] = false }
        }
        guard !kept.isEmpty else { return edges }
        return edges.indices.filter { kept[$0] }.map { edges[$0] }
    }
}

/// A string key hashed and compared by its UTF-8 bytes: node ids are compared exactly as written, and hashing
/// skips the Unicode normalisation that String's own hashing does for non-ASCII text.
struct ByteKey: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    /// The bytes folded eight at a time into one word, which alone goes through the (seeded) Hasher: ids are long
    /// (25–60 bytes) and hashed at every lookup, and SipHash over all their bytes cost more than the lookup.
    func hash(into hasher: inout Hasher) {
        hasher.combine(Self.fold(string))
    }

    /// The folding of `hash(into:)` (`ByteFold`), over the string's contiguous UTF-8 (read in place, not through a copy).
    static func fold(_ string: String) -> UInt64 {
        if let folded = string.utf8.withContiguousStorageIfAvailable(ByteFold.fold) { return folded }
        var copy = string
        copy.makeContiguousUTF8()
        return fold(copy)
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        let count = a.string.utf8.count
        guard count == b.string.utf8.count else { return false }
        let same = a.string.utf8.withContiguousStorageIfAvailable { p in
            b.string.utf8.withContiguousStorageIfAvailable { q in
                count == 0 || memcmp(p.baseAddress!, q.baseAddress!, count) == 0
            }
        }
        // (Strings without contiguous UTF-8 — bridged ones — compare element by element.)
        return (same ?? nil) ?? a.string.utf8.elementsEqual(b.string.utf8)
    }
}
