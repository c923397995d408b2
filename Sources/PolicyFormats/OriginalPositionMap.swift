import PolicyCore
import PolicyText

/// Maps positions in text extracted from an HTML page back to the page's own bytes, lines and columns.
///
/// `SourceText` computes lines and columns from its decoded text, and the normaliser walks those lines, so the
/// text layer cannot carry a foreign position map: HTML input is therefore read as a `SourceText` over the
/// extracted text (one block a line), and this map turns evidence in that text into positions in the HTML file.
public struct OriginalPositionMap: Sendable {
    /// Original byte offset of every extracted byte, plus one end entry (non-decreasing).
    let extractedToOriginal: [Int32]
    /// The original file.
    let originalBytes: [UInt8]
    /// Whether the original is GB18030 (columns count GB18030 characters) rather than UTF-8.
    let isGB18030: Bool
    /// Byte offsets where the original's lines start.
    let lineStarts: LineStarts

    init(extractedToOriginal: [Int32], originalBytes: [UInt8], isGB18030: Bool) {
        self.extractedToOriginal = extractedToOriginal
        self.originalBytes = originalBytes
        self.isGB18030 = isGB18030
        lineStarts = LineStarts(originalBytes)
    }

    /// Original byte offset of an extracted byte offset.
    public func originalOffset(ofExtracted offset: Int) -> Int {
        Int(extractedToOriginal[max(0, min(offset, extractedToOriginal.count - 1))])
    }

    /// 1-based line and 1-based column (in characters) of an original byte offset.
    public func lineAndColumn(ofOriginal offset: Int) -> (line: Int, column: Int) {
        let line = lineStarts.line(containing: offset)
        var column = 1
        var i = lineStarts.start(ofLine: line)
        let end = min(offset, originalBytes.count)
        while i < end {
            i += characterLength(at: i)
            column += 1
        }
        return (line, column)
    }

    /// Evidence whose line, column and byte range refer to the extracted text, moved to the original file.
    func translate(_ e: Evidence) -> Evidence {
        // Evidence from the text layer: byte offsets are into the extracted text (its "original").
        let start = originalOffset(ofExtracted: e.byteStart)
        let end = max(start, e.byteEnd > e.byteStart ? originalOffset(ofExtracted: e.byteEnd - 1) + lastScalarLength(at: e.byteEnd - 1) : start)
        let (line, column) = lineAndColumn(ofOriginal: start)
        var out = e
        out.line = line
        out.column = column
        out.byteStart = start
        out.byteEnd = end
        return out
    }

    /// Length in the original of the character at extracted byte `offset` (1 when it came from markup).
    private func lastScalarLength(at offset: Int) -> Int {
        let o = originalOffset(ofExtracted: offset)
        return o < originalBytes.count ? characterLength(at: o) : 0
    }

    /// Byte length of the original character starting at `o`, in the original's encoding (GB18030: 1, 2 or 4).
    private func characterLength(at o: Int) -> Int {
        let b = originalBytes[o]
        if isGB18030 { return b < 0x80 ? 1 : (o + 1 < originalBytes.count && originalBytes[o + 1] >= 0x30 && originalBytes[o + 1] <= 0x39 ? 4 : 2) }
        return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    }
}
