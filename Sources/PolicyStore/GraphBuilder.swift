import PolicyCore

/// Accumulates node and edge records, merging duplicates, and freezes them into a `Graph`.
///
/// Nodes with equal ids merge: aliases are united (a differing later label becomes an alias), attributes merged
/// (later values win; string lists are united), evidence concatenated. Edges with equal (kind, source, target)
/// merge the same way. An edge may name a node no record declares: a stub node is created with the kind and
/// label read from the id (`kind:label`) and filled in if the node's record arrives later.
public struct GraphBuilder {
    private var interner = StringInterner()

    private var nodeByID: [Int32: Int32] = [:]
    private var nodeIDs: [Int32] = []
    private var nodeKinds: [Int32] = []
    private var nodeLabels: [Int32] = []
    private var nodeIsStub: [Bool] = []

    private var aliasValues: [Int32] = []
    private var aliasNext: [Int32] = []
    private var nodeAliasHead: [Int32] = []
    private var nodeAliasTail: [Int32] = []
    private var aliasSeen: Set<Int64> = []

    private var attributeRows = AttributeColumns()
    private var attributeNext: [Int32] = []
    private var nodeAttributeHead: [Int32] = []
    private var edgeAttributeHead: [Int32] = []

    private var evidenceRows = EvidenceColumns()
    private var evidenceRowIndex: [EvidenceColumns.Row: Int32] = [:]
    /// Evidence references: the row each refers to, and the next reference of the same node/edge (-1: last).
    private var evidenceReferenceRow: [Int32] = []
    private var evidenceNext: [Int32] = []
    private var nodeEvidenceHead: [Int32] = []
    private var nodeEvidenceTail: [Int32] = []
    private var edgeEvidenceHead: [Int32] = []
    private var edgeEvidenceTail: [Int32] = []

    private struct EdgeKey: Hashable { var kind: Int32; var source: Int32; var target: Int32 }
    private var edgeByKey: [EdgeKey: Int32] = [:]
    private var edgeSources: [Int32] = []
    private var edgeTargets: [Int32] = []
    private var edgeKinds: [Int32] = []

    private var sourcePaths: [Int32] = []
    private var sourceHashes: [Int32] = []
    private var sourceIdentities: [Int32] = []
    private var sourceOrdinals: [Int64] = []
    private var sourceByIdentity: [Int32: Int] = [:]

    public init() {}

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { edgeSources.count }

    /// Adds everything one source file contributes and records the file among the graph's sources.
    public mutating func add(_ c: SourceContribution) {
        addSource(SourceFile(path: c.path, identity: c.identity, contentHash: c.contentHash), ordinal: c.ordinal)
        for n in c.nodes { addNode(n) }
        for e in c.edges { addEdge(e) }
    }

    /// Records an input file (a later path, hash and ordinal for the same identity replace the earlier ones).
    public mutating func addSource(_ s: SourceFile, ordinal: Int = 0) {
        let path = interner.intern(s.path), hash = interner.intern(s.contentHash), identity = interner.intern(s.identity)
        if let i = sourceByIdentity[identity] {
            sourcePaths[i] = path
            sourceHashes[i] = hash
            sourceOrdinals[i] = Int64(ordinal)
        } else {
            sourceByIdentity[identity] = sourcePaths.count
            sourcePaths.append(path)
            sourceHashes.append(hash)
            sourceIdentities.append(identity)
            sourceOrdinals.append(Int64(ordinal))
        }
    }

    /// Adds or merges one node.
    public mutating func addNode(_ r: NodeRecord) {
        let id = interner.intern(r.id)
        let label = interner.intern(r.label)
        let n: Int32
        if let existing = nodeByID[id] {
            n = existing
            if nodeIsStub[Int(n)] {
                let stubLabel = nodeLabels[Int(n)]
                nodeKinds[Int(n)] = interner.intern(r.kind.rawValue)
                nodeLabels[Int(n)] = label
                nodeIsStub[Int(n)] = false
                if stubLabel != label { addAlias(stubLabel, to: n) }
            } else if nodeLabels[Int(n)] != label {
                addAlias(label, to: n)
            }
        } else {
            n = newNode(id: id, kind: interner.intern(r.kind.rawValue), label: label, stub: false)
        }
        for a in r.aliases { addAlias(interner.intern(a), to: n) }
        for (key, value) in r.attributes.sorted(by: { $0.key < $1.key }) {
            let k = interner.intern(key)
            nodeAttributeHead[Int(n)] = setAttribute(k, value, head: nodeAttributeHead[Int(n)])
        }
        for e in r.evidence {
            let row = appendEvidence(e, tail: nodeEvidenceTail[Int(n)])
            if nodeEvidenceHead[Int(n)] < 0 { nodeEvidenceHead[Int(n)] = row }
            nodeEvidenceTail[Int(n)] = row
        }
    }

    /// Adds or merges one edge (creating stub endpoints if needed).
    public mutating func addEdge(_ r: EdgeRecord) {
        let source = nodeIndex(forEdgeEndpoint: r.source)
        let target = nodeIndex(forEdgeEndpoint: r.target)
        let kind = interner.intern(r.kind.rawValue)
        let key = EdgeKey(kind: kind, source: source, target: target)
        let e: Int32
        if let existing = edgeByKey[key] {
            e = existing
        } else {
            e = Int32(edgeSources.count)
            edgeByKey[key] = e
            edgeSources.append(source)
            edgeTargets.append(target)
            edgeKinds.append(kind)
            edgeAttributeHead.append(-1)
            edgeEvidenceHead.append(-1)
            edgeEvidenceTail.append(-1)
        }
        for (k, value) in r.attributes.sorted(by: { $0.key < $1.key }) {
            let key = interner.intern(k)
            edgeAttributeHead[Int(e)] = setAttribute(key, value, head: edgeAttributeHead[Int(e)])
        }
        for ev in r.evidence {
            let row = appendEvidence(ev, tail: edgeEvidenceTail[Int(e)])
            if edgeEvidenceHead[Int(e)] < 0 { edgeEvidenceHead[Int(e)] = row }
            edgeEvidenceTail[Int(e)] = row
        }
    }

    // MARK: Building blocks

    private mutating func newNode(id: Int32, kind: Int32, label: Int32, stub: Bool) -> Int32 {
        let n = Int32(nodeIDs.count)
        nodeByID[id] = n
        nodeIDs.append(id)
        nodeKinds.append(kind)
        nodeLabels.append(label)
        nodeIsStub.append(stub)
        nodeAliasHead.append(-1)
        nodeAliasTail.append(-1)
        nodeAttributeHead.append(-1)
        nodeEvidenceHead.append(-1)
        nodeEvidenceTail.append(-1)
        return n
    }

    private mutating func nodeIndex(forEdgeEndpoint idString: String) -> Int32 {
        let id = interner.intern(idString)
        if let n = nodeByID[id] { return n }
        var kind = "entity", label = idString
        if let colon = idString.unicodeScalars.firstIndex(of: ":") {
            kind = String(idString.unicodeScalars[..<colon])
            label = String(idString.unicodeScalars[idString.unicodeScalars.index(after: colon)...])
        }
        return newNode(id: id, kind: interner.intern(kind), label: interner.intern(label), stub: true)
    }

    private mutating func addAlias(_ alias: Int32, to n: Int32) {
        guard alias != 0, alias != nodeLabels[Int(n)] else { return }
        guard aliasSeen.insert(Int64(n) << 32 | Int64(alias)).inserted else { return }
        let row = Int32(aliasValues.count)
        aliasValues.append(alias)
        aliasNext.append(-1)
        if nodeAliasTail[Int(n)] < 0 { nodeAliasHead[Int(n)] = row } else { aliasNext[Int(nodeAliasTail[Int(n)])] = row }
        nodeAliasTail[Int(n)] = row
    }

    /// Sets attribute `key` in the chain starting at `head`; returns the chain's new head.
    private mutating func setAttribute(_ key: Int32, _ value: AttributeValue, head: Int32) -> Int32 {
        var row = head
        while row >= 0 {
            if attributeRows.keys[Int(row)] == key { break }
            row = attributeNext[Int(row)]
        }
        if row < 0 {
            attributeRows.append(key: key, value: value, interner: &interner)
            attributeNext.append(head)
            return Int32(attributeRows.count - 1)
        }
        let r = Int(row)
        if case .strings(let list) = value, attributeRows.tags[r] == AttributeColumns.Tag.strings.rawValue {
            let payload = attributeRows.payloads[r]
            let start = Int(payload >> 32), count = Int(payload & 0xFFFF_FFFF)
            var items = Array(attributeRows.listItems[start..<start + count])
            for s in list {
                let i = interner.intern(s)
                if !items.contains(i) { items.append(i) }
            }
            attributeRows.payloads[r] = Int64(attributeRows.listItems.count) << 32 | Int64(items.count)
            attributeRows.listItems.append(contentsOf: items)
        } else {
            let (tag, payload) = AttributeColumns.encode(value, interner: &interner, listItems: &attributeRows.listItems)
            attributeRows.tags[r] = tag.rawValue
            attributeRows.payloads[r] = payload
        }
        return head
    }

    /// Appends a reference to (the interned row of) `e` after reference `tail` (-1: none); returns the new reference.
    private mutating func appendEvidence(_ e: Evidence, tail: Int32) -> Int32 {
        let key = EvidenceColumns.row(e, interner: &interner)
        let row: Int32
        if let existing = evidenceRowIndex[key] {
            row = existing
        } else {
            row = Int32(evidenceRows.count)
            evidenceRows.append(key)
            evidenceRowIndex[key] = row
        }
        let reference = Int32(evidenceReferenceRow.count)
        evidenceReferenceRow.append(row)
        evidenceNext.append(-1)
        if tail >= 0 { evidenceNext[Int(tail)] = reference }
        return reference
    }

    // MARK: Freezing

    /// The immutable graph of everything added so far.
    public func freeze() -> Graph {
        var interner = self.interner
        let nodeCount = nodeIDs.count

        // Kinds, in order of first appearance.
        func compactKinds(_ kinds: [Int32]) -> (names: [Int32], index: [UInt16]) {
            var names: [Int32] = []
            var position: [Int32: UInt16] = [:]
            var index = [UInt16](repeating: 0, count: kinds.count)
            for (i, k) in kinds.enumerated() {
                if let p = position[k] { index[i] = p; continue }
                let p = UInt16(names.count)
                position[k] = p
                names.append(k)
                index[i] = p
            }
            return (names, index)
        }
        let nodeKindsCompact = compactKinds(nodeKinds)
        let edgeKindsCompact = compactKinds(edgeKinds)

        // Edges are stored sorted by source node (stable), so a node's outgoing edges are a contiguous range and
        // their targets can be read sequentially. `order[i]` is the added edge stored at position i.
        let (outStart, order) = Self.compressedRows(keys: edgeSources, nodeCount: nodeCount)
        let outItems = Array(0..<Int32(order.count))
        let sortedSources = order.map { edgeSources[Int($0)] }
        let sortedTargets = order.map { edgeTargets[Int($0)] }
        let sortedKinds = order.map { edgeKindsCompact.index[Int($0)] }

        // Aliases.
        var aliasStart = [UInt32](repeating: 0, count: nodeCount + 1)
        var aliasItems: [Int32] = []
        aliasItems.reserveCapacity(aliasValues.count)
        for n in 0..<nodeCount {
            var row = nodeAliasHead[n]
            while row >= 0 { aliasItems.append(aliasValues[Int(row)]); row = aliasNext[Int(row)] }
            aliasStart[n + 1] = UInt32(aliasItems.count)
        }

        // Attributes, sorted by key within each node/edge.
        var keyRank: [Int32: Int] = [:]
        let distinctKeys = Set(attributeRows.keys).sorted { interner.string($0) < interner.string($1) }
        for (rank, k) in distinctKeys.enumerated() { keyRank[k] = rank }
        var attributes = AttributeColumns()
        attributes.listItems = attributeRows.listItems
        attributes.keys.reserveCapacity(attributeRows.count)
        attributes.tags.reserveCapacity(attributeRows.count)
        attributes.payloads.reserveCapacity(attributeRows.count)
        func flattenAttributes(_ heads: [Int32]) -> [UInt32] {
            var start = [UInt32](repeating: UInt32(attributes.count), count: heads.count + 1)
            var rows: [Int32] = []
            for i in 0..<heads.count {
                rows.removeAll(keepingCapacity: true)
                var row = heads[i]
                while row >= 0 { rows.append(row); row = attributeNext[Int(row)] }
                if rows.count > 1 { rows.sort { keyRank[attributeRows.keys[Int($0)]]! < keyRank[attributeRows.keys[Int($1)]]! } }
                for r in rows {
                    attributes.keys.append(attributeRows.keys[Int(r)])
                    attributes.tags.append(attributeRows.tags[Int(r)])
                    attributes.payloads.append(attributeRows.payloads[Int(r)])
                }
                start[i + 1] = UInt32(attributes.count)
            }
            return start
        }
        let nodeAttributeStart = flattenAttributes(nodeAttributeHead)
        let edgeAttributeStart = flattenAttributes(order.map { edgeAttributeHead[Int($0)] })

        // Evidence references, in order of addition within each node/edge.
        var evidenceRefs: [Int32] = []
        evidenceRefs.reserveCapacity(evidenceReferenceRow.count)
        func flattenEvidence(_ heads: [Int32]) -> [UInt32] {
            var start = [UInt32](repeating: UInt32(evidenceRefs.count), count: heads.count + 1)
            for i in 0..<heads.count {
                var reference = heads[i]
                while reference >= 0 {
                    evidenceRefs.append(evidenceReferenceRow[Int(reference)])
                    reference = evidenceNext[Int(reference)]
                }
                start[i + 1] = UInt32(evidenceRefs.count)
            }
            return start
        }
        let nodeEvidenceStart = flattenEvidence(nodeEvidenceHead)
        let edgeEvidenceStart = flattenEvidence(order.map { edgeEvidenceHead[Int($0)] })

        // CSR adjacency.
        let (inStart, inItems) = Self.compressedRows(keys: sortedTargets, nodeCount: nodeCount)
        let inSources = inItems.map { sortedSources[Int($0)] }

        // Name index: normalised label and aliases.
        var nameKeys: [Int32] = []
        var nameNodes: [Int32] = []
        var keysOfNode: [Int32] = []
        for n in 0..<nodeCount {
            keysOfNode.removeAll(keepingCapacity: true)
            let names = [nodeLabels[n]] + aliasItems[Int(aliasStart[n])..<Int(aliasStart[n + 1])]
            for name in names {
                let key = normalizedNameKey(interner.string(name))
                if key.isEmpty { continue }
                let k = interner.intern(key)
                if !keysOfNode.contains(k) { keysOfNode.append(k) }
            }
            for k in keysOfNode { nameKeys.append(k); nameNodes.append(Int32(n)) }
        }
        let strings = interner.freeze()
        let nameOrder = Self.sortedByBytes(Array(0..<Int32(nameKeys.count)), key: { nameKeys[Int($0)] }, strings: strings)
        let nodesByID = Self.sortedByBytes(Array(0..<Int32(nodeCount)), key: { nodeIDs[Int($0)] }, strings: strings)

        return Graph(
            strings: strings, nodeKindNames: Column(nodeKindsCompact.names), edgeKindNames: Column(edgeKindsCompact.names),
            nodeIDs: Column(nodeIDs), nodeKindIndex: Column(nodeKindsCompact.index), nodeLabels: Column(nodeLabels),
            aliasStart: Column(aliasStart), aliasItems: Column(aliasItems),
            nodeAttributeStart: Column(nodeAttributeStart), edgeAttributeStart: Column(edgeAttributeStart), attributeRows: AttributeTable(attributes),
            nodeEvidenceStart: Column(nodeEvidenceStart), edgeEvidenceStart: Column(edgeEvidenceStart), evidenceRefs: Column(evidenceRefs),
            evidenceRows: EvidenceTable(evidenceRows),
            edgeSources: Column(sortedSources), edgeTargets: Column(sortedTargets), edgeKindIndex: Column(sortedKinds),
            outStart: Column(outStart), outItems: Column(outItems), inStart: Column(inStart), inItems: Column(inItems), inSources: Column(inSources),
            nodesByID: Column(nodesByID),
            nameKeys: Column(nameOrder.map { nameKeys[Int($0)] }), nameNodes: Column(nameOrder.map { nameNodes[Int($0)] }),
            sourcePaths: Column(sourcePaths), sourceHashes: Column(sourceHashes), sourceIdentities: Column(sourceIdentities),
            sourceOrdinals: Column(sourceOrdinals))
    }

    /// Counting sort of edge indices by `keys[e]` into CSR (start offsets, items ascending within a row).
    static func compressedRows(keys: [Int32], nodeCount: Int) -> ([UInt32], [Int32]) {
        var start = [UInt32](repeating: 0, count: nodeCount + 1)
        for k in keys { start[Int(k) + 1] &+= 1 }
        for i in 0..<nodeCount { start[i + 1] &+= start[i] }
        var fill = start
        var items = [Int32](repeating: 0, count: keys.count)
        for (e, k) in keys.enumerated() {
            items[Int(fill[Int(k)])] = Int32(e)
            fill[Int(k)] &+= 1
        }
        return (start, items)
    }

    /// Sorts `items` by the bytes of string `key(item)`, ties by item.
    static func sortedByBytes(_ items: [Int32], key: (Int32) -> Int32, strings: StringTable) -> [Int32] {
        let keys = items.map(key)
        var order = Array(0..<items.count)
        strings.bytes.withUnsafeBufferPointer { bytes in
            strings.offsets.withUnsafeBufferPointer { offsets in
                func slice(_ s: Int32) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[Int(offsets[Int(s)])..<Int(offsets[Int(s) + 1])])
                }
                order.sort { a, b in
                    let c = keys[a] == keys[b] ? 0 : compareBytes(slice(keys[a]), slice(keys[b]))
                    return c != 0 ? c < 0 : items[a] < items[b]
                }
            }
        }
        return order.map { items[$0] }
    }
}
