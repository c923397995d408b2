import PolicyCore

/// Evidence rows stored flat. Byte offsets are kept as 32-bit values (input files up to 4 GiB).
struct EvidenceColumns: Sendable, Equatable {
    var sources: [Int32] = []
    var lines: [Int32] = []
    var columns: [Int32] = []
    var byteStarts: [UInt32] = []
    var byteLengths: [UInt32] = []
    var texts: [Int32] = []

    var count: Int { sources.count }

    mutating func append(_ e: Evidence, interner: inout StringInterner) {
        sources.append(interner.intern(e.source))
        lines.append(Int32(clamping: e.line))
        columns.append(Int32(clamping: e.column))
        byteStarts.append(UInt32(clamping: e.byteStart))
        byteLengths.append(UInt32(clamping: e.byteEnd - e.byteStart))
        texts.append(interner.intern(e.text))
    }

    mutating func append(row: Int, of other: EvidenceColumns) {
        sources.append(other.sources[row])
        lines.append(other.lines[row])
        columns.append(other.columns[row])
        byteStarts.append(other.byteStarts[row])
        byteLengths.append(other.byteLengths[row])
        texts.append(other.texts[row])
    }

    func evidence(_ row: Int, strings: StringTable) -> Evidence {
        let start = Int(byteStarts[row])
        return Evidence(source: strings[sources[row]], line: Int(lines[row]), column: Int(columns[row]),
                        byteStart: start, byteEnd: start + Int(byteLengths[row]), text: strings[texts[row]])
    }
}
