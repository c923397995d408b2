/// The sections of the snapshot format, in file order, with their element sizes in bytes: versions 5 and 6 start
/// with `block_checksums` and `summary`, then the 40 sections of versions 3 and 4 (version 2 lacks
/// `source.ordinals`, version 1 also `source.identities`); version 6 writes the contributions as bytes that refer
/// to the graph's rows (`GraphContributionCodec`), the versions before as 32-bit words. See SNAPSHOT-FORMAT.md.
enum SnapshotSections {
    /// The sections of the graph, in file order (every version lists them in this order, without the ones it lacks).
    static let graphLayout: [(name: String, elementSize: Int)] = [
        ("strings.bytes", 1), ("strings.offsets", 4),
        ("node_kind_names", 4), ("edge_kind_names", 4),
        ("node.ids", 4), ("node.kind", 2), ("node.label", 4),
        ("alias.start", 4), ("alias.items", 4),
        ("node.attribute_start", 4), ("edge.attribute_start", 4),
        ("attribute.key", 4), ("attribute.tag", 1), ("attribute.payload", 8), ("attribute.list_items", 4),
        ("node.evidence_start", 4), ("edge.evidence_start", 4), ("evidence.refs", 4),
        ("evidence.source", 4), ("evidence.line", 4), ("evidence.column", 4),
        ("evidence.byte_start", 4), ("evidence.byte_length", 4), ("evidence.text", 4),
        ("edge.source", 4), ("edge.target", 4), ("edge.kind", 2),
        ("out.start", 4), ("out.items", 4), ("in.start", 4), ("in.items", 4), ("in.sources", 4),
        ("index.nodes_by_id", 4), ("index.name_keys", 4), ("index.name_nodes", 4),
        ("source.paths", 4), ("source.hashes", 4), ("source.identities", 4), ("source.ordinals", 8),
    ]

    /// The sections versions 5 and 6 put before the graph's: the per-block checksums of every later section, and the
    /// counts `kg stats` prints.
    static let leadingLayout: [(name: String, elementSize: Int)] = [("block_checksums", 4), ("summary", 8)]

    /// The sections of the current version.
    static let layout: [(name: String, elementSize: Int)] = layout(version: SnapshotWriter.version)

    /// Sections before the graph's in format `version`.
    static func leadingCount(version: UInt32) -> Int { version >= 5 ? leadingLayout.count : 0 }

    /// Where a section starts in format `version`: from version 4 on, at the next multiple of 8 (zero bytes
    /// between), so that every column can be used in place from a mapped file.
    static func sectionStart(after offset: Int, version: UInt32) -> Int {
        version >= 4 ? (offset + 7) & ~7 : offset
    }

    /// The layout of format `version` (1 to 6).
    static func layout(version: UInt32) -> [(name: String, elementSize: Int)] {
        let graph = graphLayout.filter { section in
            switch section.name {
            case "source.ordinals": version >= 3
            case "source.identities": version >= 2
            default: true
            }
        }
        return (version >= 5 ? leadingLayout : []) + graph + [("contributions", version >= 6 ? 1 : 4)]
    }
}

/// One section to be written: raw little-endian bytes of an array.
struct OutgoingSection {
    let count: Int
    let elementSize: Int
    let withBytes: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    /// The block verifier of a column read lazily from a snapshot (nil: verified whole, or built in memory).
    let verifier: SectionVerifier?

    init<T>(_ array: [T]) {
        count = array.count
        elementSize = MemoryLayout<T>.stride
        withBytes = { body in try array.withUnsafeBytes { try body($0) } }
        verifier = nil
    }

    init<T>(_ column: Column<T>) {
        count = column.count
        elementSize = MemoryLayout<T>.stride
        withBytes = { body in try column.withUnsafeBytes { try body($0) } }
        verifier = column.verifier
    }

    var byteCount: Int { count * elementSize }
}

extension Graph {
    /// The graph's arrays in `SnapshotSections.graphLayout` order.
    var outgoingSections: [OutgoingSection] {
        [
            OutgoingSection(strings.bytes), OutgoingSection(strings.offsets),
            OutgoingSection(nodeKindNames), OutgoingSection(edgeKindNames),
            OutgoingSection(nodeIDs), OutgoingSection(nodeKindIndex), OutgoingSection(nodeLabels),
            OutgoingSection(aliasStart), OutgoingSection(aliasItems),
            OutgoingSection(nodeAttributeStart), OutgoingSection(edgeAttributeStart),
            OutgoingSection(attributeRows.keys), OutgoingSection(attributeRows.tags),
            OutgoingSection(attributeRows.payloads), OutgoingSection(attributeRows.listItems),
            OutgoingSection(nodeEvidenceStart), OutgoingSection(edgeEvidenceStart), OutgoingSection(evidenceRefs),
            OutgoingSection(evidenceRows.sources), OutgoingSection(evidenceRows.lines), OutgoingSection(evidenceRows.columns),
            OutgoingSection(evidenceRows.byteStarts), OutgoingSection(evidenceRows.byteLengths),
            OutgoingSection(evidenceRows.texts),
            OutgoingSection(edgeSources), OutgoingSection(edgeTargets), OutgoingSection(edgeKindIndex),
            OutgoingSection(outStart), OutgoingSection(outItems), OutgoingSection(inStart), OutgoingSection(inItems), OutgoingSection(inSources),
            OutgoingSection(nodesByID), OutgoingSection(nameKeys), OutgoingSection(nameNodes),
            OutgoingSection(sourcePaths), OutgoingSection(sourceHashes), OutgoingSection(sourceIdentities),
            OutgoingSection(sourceOrdinals),
        ]
    }
}
