import PolicyCore

/// A frozen graph's distinct evidence rows (the `EvidenceColumns` a builder filled), as columns that a mapped
/// snapshot provides in place.
struct EvidenceTable: Sendable, Equatable {
    var sources: Column<Int32>
    var lines: Column<Int32>
    var columns: Column<Int32>
    var byteStarts: Column<UInt32>
    var byteLengths: Column<UInt32>
    var texts: Column<Int32>

    var count: Int { sources.count }

    init(sources: Column<Int32>, lines: Column<Int32>, columns: Column<Int32>, byteStarts: Column<UInt32>,
         byteLengths: Column<UInt32>, texts: Column<Int32>) {
        self.sources = sources
        self.lines = lines
        self.columns = columns
        self.byteStarts = byteStarts
        self.byteLengths = byteLengths
        self.texts = texts
    }

    init(_ rows: EvidenceColumns) {
        self.init(sources: Column(rows.sources), lines: Column(rows.lines), columns: Column(rows.columns),
                  byteStarts: Column(rows.byteStarts), byteLengths: Column(rows.byteLengths), texts: Column(rows.texts))
    }

    func evidence(_ row: Int, strings: StringTable) -> Evidence {
        let start = Int(byteStarts[row])
        return Evidence(source: strings[sources[row]], line: Int(lines[row]), column: Int(columns[row]),
                        byteStart: start, byteEnd: start + Int(byteLengths[row]), text: strings[texts[row]])
    }
}
