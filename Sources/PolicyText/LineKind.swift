/// What a physical line of a source file is, after cleaning.
enum LineKind: UInt8 {
    case blank
    /// Page numbers and similar page furniture ("— 4 —", "- 12 -", a lone "12").
    case furniture
    /// A table-of-contents entry with dot leaders and a page number.
    case tocEntry
    case content
}

/// One physical line after cleaning: a slice of the flat scalar arrays of `CleanLines`.
struct CleanLine {
    /// 1-based line in the source.
    var number: Int
    var start: Int
    var end: Int
    /// Decoded offset of the line break that ends the line (or of the end of the text).
    var breakOffset: Int32
    var kind: LineKind = .content
    /// Display width (CJK = 2 columns), computed while cleaning.
    var width: Int = 0
    /// The cleaned line holds a space.
    var hasSpace = false

    init(number: Int, start: Int, end: Int, breakOffset: Int32, width: Int, hasSpace: Bool) {
        self.number = number
        self.start = start
        self.end = end
        self.breakOffset = breakOffset
        self.width = width
        self.hasSpace = hasSpace
    }
}
