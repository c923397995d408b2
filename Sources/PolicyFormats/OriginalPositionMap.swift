import PolicyCore

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
    let lineStarts: [Int]

    init(extractedToOriginal: [Int32], originalBytes: [UInt8], isGB18030: Bool) {
        self.extractedToOriginal = extractedToOriginal
        self.originalBytes = originalBytes
        self.isGB18030 = isGB18030
        var starts = [0]
        for (i, b) in originalBytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
    }

    /// Original byte offset of an extracted byte offset.
    public func originalOffset(ofExtracted offset: Int) -> Int {
        Int(extractedToOriginal[max(0, min(offset, extractedToOriginal.count - 1))])
    }

    /// 1-based line and 1-based column (in characters) of an original byte offset.
    public func lineAndColumn(ofOriginal offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        let end = min(offset, originalBytes.count)
        while i < end {
            let b = originalBytes[i]
            if isGB18030 {
                if b < 0x80 { i += 1 } else if i + 1 < originalBytes.count, originalBytes[i + 1] >= 0x30, originalBytes[i + 1] <= 0x39 { i += 4 } else { i += 2 }
            } else {
                i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            }
            column += 1
        }
        return (lo + 1, column)
    }

    /// Evidence whose line, column and byte range refer to the extracted text, moved to the original file.
    /// `extractedLineStarts` are the byte offsets where the extracted text's lines start.
    func translate(_ e: Evidence, extractedLineStarts: [Int], extractedText: [UInt8]) -> Evidence {
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
        guard o < originalBytes.count else { return 0 }
        let b = originalBytes[o]
        if isGB18030 { return b < 0x80 ? 1 : (o + 1 < originalBytes.count && originalBytes[o + 1] >= 0x30 && originalBytes[o + 1] <= 0x39 ? 4 : 2) }
        return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    }
}
