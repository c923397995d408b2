import PolicyCore

/// Distinct evidence rows stored flat while a graph is built (frozen into an `EvidenceTable`) (nodes and edges refer to rows, so a sentence that states several
/// relations is stored once). Byte offsets are kept as 32-bit values (input files up to 4 GiB).
struct EvidenceColumns: Sendable, Equatable {
    var sources: [Int32] = []
    var lines: [Int32] = []
    var columns: [Int32] = []
    var byteStarts: [UInt32] = []
    var byteLengths: [UInt32] = []
    var texts: [Int32] = []

    var count: Int { sources.count }

    /// One row's fields, interned; used to find an existing identical row.
    struct Row: Hashable {
        var source: Int32, line: Int32, column: Int32, byteStart: UInt32, byteLength: UInt32, text: Int32
    }

    static func row(_ e: Evidence, interner: inout StringInterner) -> Row {
        Row(source: interner.intern(e.source), line: Int32(clamping: e.line), column: Int32(clamping: e.column),
            byteStart: UInt32(clamping: e.byteStart), byteLength: UInt32(clamping: e.byteEnd - e.byteStart),
            text: interner.intern(e.text))
    }

    mutating func append(_ r: Row) {
        sources.append(r.source)
        lines.append(r.line)
        columns.append(r.column)
        byteStarts.append(r.byteStart)
        byteLengths.append(r.byteLength)
        texts.append(r.text)
    }
}
