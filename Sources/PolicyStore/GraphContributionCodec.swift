import PolicyCore

/// Encodes per-source contributions as references into the graph built from them (the `contributions` section of
/// snapshot format 6; see SNAPSHOT-FORMAT.md): a node record is its node's index, an edge record its edge's index,
/// and what the graph already holds as that record stated it — the kind, the label, the attributes, the evidence —
/// is a flag instead of a copy. Integers are LEB128 varints, indices delta-encoded.
///
/// Evidence needs no reference at all: a node's (edge's) evidence list in the graph is the concatenation of the
/// evidence of its records in contribution order, so the k-th entry its records state is the k-th of its list.
/// Every entry is compared with that row when encoding; one the row does not hold exactly (a line past 32 bits,
/// an end before the start) is written inline instead.
enum GraphContributionCodec {
    /// Node record flags (the evidence count is stored above them: `flags | count << nodeEvidenceShift`).
    enum NodeFlag {
        static let kind: UInt64 = 1
        static let label: UInt64 = 2
        static let aliases: UInt64 = 4
        /// Two bits: `AttributeMode`.
        static let attributeShift: UInt64 = 3
        static let inlineEvidence: UInt64 = 32
    }
    static let nodeEvidenceShift: UInt64 = 6

    /// Edge record flags: `AttributeMode` in bits 0–1, inline evidence bit 2, the evidence count above.
    enum EdgeFlag {
        static let inlineEvidence: UInt64 = 4
    }
    static let edgeEvidenceShift: UInt64 = 3

    /// How a record's attributes are written.
    enum AttributeMode: UInt64 {
        /// None.
        case empty = 0
        /// Count, then each attribute.
        case inline = 1
        /// Exactly the attributes the graph holds for the node or edge.
        case graph = 2
    }

    /// The section's bytes, or nil when `contributions` are not what `graph` was built from (a record names a node
    /// or edge the graph lacks, or the evidence does not add up): the caller then builds the graph from them.
    static func encode(_ contributions: [SourceContribution], graph: Graph) -> [UInt8]? {
        var encoder = Encoder(graph: graph)
        return encoder.encode(contributions)
    }

    /// Decodes the section against the graph it was written with. Damage (a reference past the graph, evidence
    /// that does not add up to the graph's, a truncated value, bytes left over) throws a `KGError` naming `path`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, graph: Graph, path: String) throws -> [SourceContribution] {
        if bytes.isEmpty { return [] }
        var decoder = Decoder(graph: graph, bytes: bytes)
        do {
            return try decoder.decode()
        } catch {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot section 'contributions' is malformed at byte "
                          + "\(decoder.reader.position) of \(bytes.count)\(decoder.why.map { ": \($0)" } ?? "")")
        }
    }

    /// Which of each node's (edge's) evidence entries in the graph the records met so far have stated: its records
    /// state its list in order, so the next record's entries start where the last one's ended.
    struct EvidenceClaims {
        /// Per row, where its evidence list starts (one more entry than rows).
        let starts: Column<UInt32>
        var taken: [Int32]

        init(_ starts: Column<UInt32>) {
            self.starts = starts
            taken = [Int32](repeating: 0, count: starts.count - 1)
        }

        /// The entries of `row` no record has stated yet.
        func unclaimed(_ row: Int) -> Range<Int> {
            (Int(starts[row]) + Int(taken[row]))..<Int(starts[row + 1])
        }

        mutating func take(_ row: Int, _ count: Int) { taken[row] += Int32(count) }

        /// The first row whose records did not state all its entries: how many they stated, and how many it holds.
        func firstIncomplete() -> (row: Int, stated: Int, holds: Int)? {
            for row in 0..<taken.count {
                let holds = Int(starts[row + 1] - starts[row])
                if Int(taken[row]) != holds { return (row, Int(taken[row]), holds) }
            }
            return nil
        }
    }

    // MARK: Encoding

    private struct Encoder {
        let graph: Graph
        let strings: StringInterner
        /// String index of a node id → its node (-1: not an id).
        var nodeOfIDString: [Int32]
        var edgeKindOrdinal: [String: Int] = [:]
        var nodeEvidence: EvidenceClaims
        var edgeEvidence: EvidenceClaims
        /// Per node: how many of its outgoing edges the records met so far have created (edges are stored sorted by
        /// source and, within a source, in the order the builder created them).
        var edgesCreated: [Int32]
        /// Outgoing edges of nodes with many, by (kind, target), for records that restate one of them.
        var hubEdges: [HubKey: Int32] = [:]
        var hubIndexed: Set<Int32> = []
        var keyStrings: [Int32: String] = [:]
        var out = VarintWriter()
        var previousNode = 0, previousEdge = 0

        struct HubKey: Hashable { var source: Int32; var target: Int32; var kind: UInt16 }
        struct Inconsistent: Error {}

        init(graph: Graph) {
            self.graph = graph
            strings = StringInterner(table: graph.strings)
            nodeOfIDString = [Int32](repeating: -1, count: graph.strings.count + 1)
            for n in 0..<graph.nodeCount { nodeOfIDString[Int(graph.nodeIDs[n])] = Int32(n) }
            for (i, kind) in graph.edgeKindTable.enumerated() { edgeKindOrdinal[kind.rawValue] = i }
            nodeEvidence = EvidenceClaims(graph.nodeEvidenceStart)
            edgeEvidence = EvidenceClaims(graph.edgeEvidenceStart)
            edgesCreated = [Int32](repeating: 0, count: graph.nodeCount)
        }

        mutating func encode(_ contributions: [SourceContribution]) -> [UInt8]? {
            do {
                out.unsigned(contributions.count)
                for c in contributions {
                    string(c.path); string(c.contentHash); string(c.identity)
                    out.unsigned(c.nodes.count)
                    out.unsigned(c.edges.count)
                    for n in c.nodes { try node(n) }
                    for e in c.edges { try edge(e) }
                }
                // Every evidence reference of the graph must belong to exactly one record.
                if nodeEvidence.firstIncomplete() != nil || edgeEvidence.firstIncomplete() != nil { throw Inconsistent() }
                return out.bytes
            } catch {
                return nil
            }
        }

        mutating func node(_ r: NodeRecord) throws {
            let n = try nodeIndex(r.id)
            out.signed(Int64(n - previousNode))
            previousNode = n
            var flags: UInt64 = 0
            let kindDiffers = graph.nodeKindTable[Int(graph.nodeKindIndex[n])] != r.kind
            let labelDiffers = !equals(graph.nodeLabels[n], r.label)
            if kindDiffers { flags |= NodeFlag.kind }
            if labelDiffers { flags |= NodeFlag.label }
            if !r.aliases.isEmpty { flags |= NodeFlag.aliases }
            let rows = Int(graph.nodeAttributeStart[n])..<Int(graph.nodeAttributeStart[n + 1])
            let mode = attributeMode(r.attributes, rows: rows)
            flags |= mode.rawValue << NodeFlag.attributeShift
            let matches = try claimEvidence(r.evidence, of: n, in: &nodeEvidence)
            if matches.contains(false) { flags |= NodeFlag.inlineEvidence }
            out.unsigned(flags | UInt64(r.evidence.count) << nodeEvidenceShift)
            if kindDiffers { string(r.kind.rawValue) }
            if labelDiffers { string(r.label) }
            if !r.aliases.isEmpty {
                out.unsigned(r.aliases.count)
                r.aliases.forEach { string($0) }
            }
            if mode == .inline { attributes(r.attributes) }
            if flags & NodeFlag.inlineEvidence != 0 { inlineEvidence(r.evidence, matches) }
        }

        mutating func edge(_ r: EdgeRecord) throws {
            guard let kind = edgeKindOrdinal[r.kind.rawValue] else { throw Inconsistent() }
            let e = try edgeIndex(kind: UInt16(kind), source: try nodeIndex(r.source), target: try nodeIndex(r.target))
            out.signed(Int64(e - previousEdge))
            previousEdge = e
            let rows = Int(graph.edgeAttributeStart[e])..<Int(graph.edgeAttributeStart[e + 1])
            let mode = attributeMode(r.attributes, rows: rows)
            var flags = mode.rawValue
            let matches = try claimEvidence(r.evidence, of: e, in: &edgeEvidence)
            if matches.contains(false) { flags |= EdgeFlag.inlineEvidence }
            out.unsigned(flags | UInt64(r.evidence.count) << edgeEvidenceShift)
            if mode == .inline { attributes(r.attributes) }
            if flags & EdgeFlag.inlineEvidence != 0 { inlineEvidence(r.evidence, matches) }
        }

        func nodeIndex(_ id: String) throws -> Int {
            guard let s = strings.lookup(id), case let n = nodeOfIDString[Int(s)], n >= 0 else { throw Inconsistent() }
            return Int(n)
        }

        /// The edge (kind, source, target): the next one `source` creates, or one it created before.
        mutating func edgeIndex(kind: UInt16, source: Int, target: Int) throws -> Int {
            let first = Int(graph.outStart[source]), end = Int(graph.outStart[source + 1])
            let created = Int(edgesCreated[source])
            let next = first + created
            let t = Int32(target)
            if next < end && graph.edgeTargets[next] == t && graph.edgeKindIndex[next] == kind {
                edgesCreated[source] += 1
                if hubIndexed.contains(Int32(source)) { hubEdges[HubKey(source: Int32(source), target: t, kind: kind)] = Int32(next) }
                return next
            }
            if created > 32 {
                if hubIndexed.insert(Int32(source)).inserted {
                    for e in first..<next {
                        hubEdges[HubKey(source: Int32(source), target: graph.edgeTargets[e], kind: graph.edgeKindIndex[e])] = Int32(e)
                    }
                }
                guard let e = hubEdges[HubKey(source: Int32(source), target: t, kind: kind)] else { throw Inconsistent() }
                return Int(e)
            }
            for e in first..<next where graph.edgeTargets[e] == t && graph.edgeKindIndex[e] == kind { return e }
            throw Inconsistent()
        }

        /// Whether string `i` of the graph is `s`.
        func equals(_ i: Int32, _ s: String) -> Bool {
            var s = s
            return s.withUTF8 { graph.strings.compare(i, $0) == 0 }
        }

        mutating func string(_ s: String) {
            if let i = strings.lookup(s) {
                out.unsigned(UInt64(i) << 1)
                return
            }
            var s = s
            s.withUTF8 { bytes in
                out.unsigned(UInt64(bytes.count) << 1 | 1)
                out.raw(bytes)
            }
        }

        mutating func attributeMode(_ a: Attributes, rows: Range<Int>) -> AttributeMode {
            if a.isEmpty { return .empty }
            guard a.count == rows.count else { return .inline }
            let table = graph.attributeRows
            for row in rows {
                let keyIndex = table.keys[row]
                let key: String
                if let known = keyStrings[keyIndex] { key = known } else { key = graph.strings[keyIndex]; keyStrings[keyIndex] = key }
                guard let value = a[key] else { return .inline }
                let tag = table.tags[row], payload = table.payloads[row]
                let same: Bool
                switch value {
                case .string(let s): same = tag == AttributeColumns.Tag.string.rawValue && equals(Int32(truncatingIfNeeded: payload), s)
                case .int(let i): same = tag == AttributeColumns.Tag.int.rawValue && payload == Int64(i)
                case .double(let d): same = tag == AttributeColumns.Tag.double.rawValue && payload == Int64(bitPattern: d.bitPattern)
                case .bool(let b): same = tag == AttributeColumns.Tag.bool.rawValue && payload == (b ? 1 : 0)
                case .null: same = tag == AttributeColumns.Tag.null.rawValue
                case .strings(let list):
                    let start = Int(payload >> 32), count = Int(payload & 0xFFFF_FFFF)
                    same = tag == AttributeColumns.Tag.strings.rawValue && count == list.count
                        && list.indices.allSatisfy { equals(table.listItems[start + $0], list[$0]) }
                }
                if !same { return .inline }
            }
            return .graph
        }

        mutating func attributes(_ a: Attributes) {
            out.unsigned(a.count)
            for key in a.keys.sorted() {
                string(key)
                switch a[key]! {
                case .string(let s): out.byte(AttributeColumns.Tag.string.rawValue); string(s)
                case .int(let i): out.byte(AttributeColumns.Tag.int.rawValue); out.signed(Int64(i))
                case .double(let d): out.byte(AttributeColumns.Tag.double.rawValue); out.fixed64(d.bitPattern)
                case .bool(let b): out.byte(AttributeColumns.Tag.bool.rawValue); out.byte(b ? 1 : 0)
                case .null: out.byte(AttributeColumns.Tag.null.rawValue)
                case .strings(let list):
                    out.byte(AttributeColumns.Tag.strings.rawValue)
                    out.unsigned(list.count)
                    list.forEach { string($0) }
                }
            }
        }

        /// Whether each entry of `list` is exactly the evidence row of reference `references + k`.
        /// Claims the next `list.count` evidence entries of `row` for its record; per entry, whether the graph's holds it.
        func claimEvidence(_ list: [Evidence], of row: Int, in claims: inout EvidenceClaims) throws -> [Bool] {
            let unclaimed = claims.unclaimed(row)
            guard list.count <= unclaimed.count else { throw Inconsistent() }
            claims.take(row, list.count)
            return evidenceMatches(list, references: unclaimed.lowerBound)
        }

        func evidenceMatches(_ list: [Evidence], references: Int) -> [Bool] {
            let rows = graph.evidenceRows
            return list.enumerated().map { k, e in
                let row = Int(graph.evidenceRefs[references + k])
                return Int(rows.lines[row]) == e.line && Int(rows.columns[row]) == e.column
                    && Int(rows.byteStarts[row]) == e.byteStart && Int(rows.byteLengths[row]) == e.byteEnd - e.byteStart
                    && equals(rows.sources[row], e.source) && equals(rows.texts[row], e.text)
            }
        }

        mutating func inlineEvidence(_ list: [Evidence], _ matches: [Bool]) {
            for (e, match) in zip(list, matches) {
                out.byte(match ? 0 : 1)
                if match { continue }
                string(e.source)
                out.signed(Int64(e.line)); out.signed(Int64(e.column))
                out.signed(Int64(e.byteStart)); out.signed(Int64(e.byteEnd))
                string(e.text)
            }
        }
    }

    // MARK: Decoding

    private struct Decoder {
        let graph: Graph
        var reader: VarintReader
        /// What was wrong, when it is more than a malformed value.
        var why: String?
        var nodeEvidence: EvidenceClaims
        var edgeEvidence: EvidenceClaims
        /// Strings of the graph decoded so far (each decoded once; the records share them).
        var cache: [String?]
        var previousNode = 0, previousEdge = 0

        init(graph: Graph, bytes: UnsafeBufferPointer<UInt8>) {
            self.graph = graph
            reader = VarintReader(bytes)
            nodeEvidence = EvidenceClaims(graph.nodeEvidenceStart)
            edgeEvidence = EvidenceClaims(graph.edgeEvidenceStart)
            cache = [String?](repeating: nil, count: graph.strings.count)
        }

        mutating func decode() throws -> [SourceContribution] {
            var out: [SourceContribution] = []
            let count = try reader.count(atMost: reader.remaining)
            out.reserveCapacity(count)
            for _ in 0..<count {
                let path = try string(), hash = try string(), identity = try string()
                var c = SourceContribution(path: path, identity: identity, contentHash: hash)
                let nodeCount = try reader.count(atMost: reader.remaining / 2)
                let edgeCount = try reader.count(atMost: reader.remaining / 2)
                c.nodes.reserveCapacity(nodeCount)
                c.edges.reserveCapacity(edgeCount)
                for _ in 0..<nodeCount { c.nodes.append(try node()) }
                for _ in 0..<edgeCount { c.edges.append(try edge()) }
                out.append(c)
            }
            guard reader.isAtEnd else { why = "\(reader.remaining) bytes after the last contribution"; throw VarintReader.Malformed() }
            if let n = nodeEvidence.firstIncomplete() {
                why = "the records state \(n.stated) of the \(n.holds) evidence entries of node \(n.row)"
                throw VarintReader.Malformed()
            }
            if let e = edgeEvidence.firstIncomplete() {
                why = "the records state \(e.stated) of the evidence entries of edge \(e.row)"
                throw VarintReader.Malformed()
            }
            return out
        }

        mutating func node() throws -> NodeRecord {
            let n = previousNode &+ Int(truncatingIfNeeded: try reader.signed())
            guard n >= 0 && n < graph.nodeCount else { why = "a node record names node \(n) of \(graph.nodeCount)"; throw VarintReader.Malformed() }
            previousNode = n
            let flags = try reader.unsigned()
            let attributeBits = (flags >> NodeFlag.attributeShift) & 3
            guard let mode = AttributeMode(rawValue: attributeBits) else { throw VarintReader.Malformed() }
            let kind = flags & NodeFlag.kind != 0 ? NodeKind(try string()) : graph.nodeKindTable[Int(graph.nodeKindIndex[n])]
            let label = flags & NodeFlag.label != 0 ? try string() : graphString(graph.nodeLabels[n])
            var aliases: [String] = []
            if flags & NodeFlag.aliases != 0 {
                let count = try reader.count(atMost: reader.remaining)
                aliases.reserveCapacity(count)
                for _ in 0..<count { aliases.append(try string()) }
            }
            let attributes = try attributes(mode, rows: Int(graph.nodeAttributeStart[n])..<Int(graph.nodeAttributeStart[n + 1]))
            let evidence = try evidence(count: flags >> nodeEvidenceShift, inline: flags & NodeFlag.inlineEvidence != 0,
                                        in: nodeEvidence.unclaimed(n))
            nodeEvidence.take(n, evidence.count)
            return NodeRecord(id: graphString(graph.nodeIDs[n]), kind: kind, label: label, aliases: aliases,
                              attributes: attributes, evidence: evidence)
        }

        mutating func edge() throws -> EdgeRecord {
            let e = previousEdge &+ Int(truncatingIfNeeded: try reader.signed())
            guard e >= 0 && e < graph.edgeCount else { why = "an edge record names edge \(e) of \(graph.edgeCount)"; throw VarintReader.Malformed() }
            previousEdge = e
            let flags = try reader.unsigned()
            guard let mode = AttributeMode(rawValue: flags & 3) else { throw VarintReader.Malformed() }
            let attributes = try attributes(mode, rows: Int(graph.edgeAttributeStart[e])..<Int(graph.edgeAttributeStart[e + 1]))
            let evidence = try evidence(count: flags >> edgeEvidenceShift, inline: flags & EdgeFlag.inlineEvidence != 0,
                                        in: edgeEvidence.unclaimed(e))
            edgeEvidence.take(e, evidence.count)
            return EdgeRecord(kind: graph.edgeKindTable[Int(graph.edgeKindIndex[e])], source: graphString(graph.nodeIDs[Int(graph.edgeSources[e])]),
                              target: graphString(graph.nodeIDs[Int(graph.edgeTargets[e])]), attributes: attributes, evidence: evidence)
        }

        mutating func graphString(_ i: Int32) -> String {
            if let s = cache[Int(i)] { return s }
            let s = graph.strings[i]
            cache[Int(i)] = s
            return s
        }

        mutating func string() throws -> String {
            let v = try reader.unsigned()
            if v & 1 == 0 {
                guard v >> 1 < UInt64(graph.strings.count) else { why = "a string reference past the string table"; throw VarintReader.Malformed() }
                return graphString(Int32(v >> 1))
            }
            guard v >> 1 <= UInt64(reader.remaining) else { throw VarintReader.Malformed() }
            return String(decoding: try reader.raw(Int(v >> 1)), as: UTF8.self)
        }

        mutating func attributes(_ mode: AttributeMode, rows: Range<Int>) throws -> Attributes {
            switch mode {
            case .empty:
                return [:]
            case .graph:
                guard !rows.isEmpty else { why = "a record takes the attributes of a node or edge that has none"; throw VarintReader.Malformed() }
                var a: Attributes = [:]
                let table = graph.attributeRows
                for row in rows { a[graphString(table.keys[row])] = table.value(row, strings: graph.strings) }
                return a
            case .inline:
                var a: Attributes = [:]
                for _ in 0..<(try reader.count(atMost: reader.remaining)) {
                    let key = try string()
                    switch AttributeColumns.Tag(rawValue: try reader.byte()) {
                    case .string: a[key] = .string(try string())
                    case .int: a[key] = .int(Int(truncatingIfNeeded: try reader.signed()))
                    case .double: a[key] = .double(Double(bitPattern: try reader.fixed64()))
                    case .bool:
                        let b = try reader.byte()
                        guard b <= 1 else { throw VarintReader.Malformed() }
                        a[key] = .bool(b == 1)
                    case .null: a[key] = .null
                    case .strings:
                        let count = try reader.count(atMost: reader.remaining)
                        var list: [String] = []
                        list.reserveCapacity(count)
                        for _ in 0..<count { list.append(try string()) }
                        a[key] = .strings(list)
                    case nil: throw VarintReader.Malformed()
                    }
                }
                return a
            }
        }

        /// `count` evidence entries of a record: each the evidence row of the next of `unclaimed` (its row's entries
        /// no record stated yet), or, when `inline` says so for it, written out.
        mutating func evidence(count: UInt64, inline: Bool, in unclaimed: Range<Int>) throws -> [Evidence] {
            let reference = unclaimed.lowerBound
            guard count <= UInt64(unclaimed.count) else {
                why = "a record states more evidence than its node or edge holds"
                throw VarintReader.Malformed()
            }
            var list: [Evidence] = []
            list.reserveCapacity(Int(count))
            let rows = graph.evidenceRows
            for k in 0..<Int(count) {
                let written = inline ? try reader.byte() : 0
                switch written {
                case 0:
                    let row = Int(graph.evidenceRefs[reference + k])
                    guard row >= 0 && row < rows.count else { throw VarintReader.Malformed() }
                    let start = Int(rows.byteStarts[row])
                    list.append(Evidence(source: graphString(rows.sources[row]), line: Int(rows.lines[row]), column: Int(rows.columns[row]),
                                         byteStart: start, byteEnd: start + Int(rows.byteLengths[row]), text: graphString(rows.texts[row])))
                case 1:
                    let source = try string()
                    let line = Int(truncatingIfNeeded: try reader.signed()), column = Int(truncatingIfNeeded: try reader.signed())
                    let start = Int(truncatingIfNeeded: try reader.signed()), end = Int(truncatingIfNeeded: try reader.signed())
                    list.append(Evidence(source: source, line: line, column: column, byteStart: start, byteEnd: end, text: try string()))
                default:
                    throw VarintReader.Malformed()
                }
            }
            return list
        }
    }
}
