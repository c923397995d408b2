import PolicyCore

/// Original positions of clean offsets asked for in increasing order, as the extractors do sentence by sentence:
/// the cursor keeps the line and column of its last answer, so the next offset on the same line is counted from
/// there rather than from the line start. Answers are those of `NormalizedText.originalPosition(ofCleanOffset:)`
/// and `evidence(for:sentence:)`, in any order of calls (an earlier offset or another line starts afresh).
public struct PositionCursor {
    public let text: NormalizedText
    private var lineStart = 0
    /// Start of the next line (`Int.max` on the last line); `lineStart == nextLineStart` before the first answer.
    private var nextLineStart = 0
    private var line = 0
    private var decoded = 0
    private var column = 1

    public init(_ text: NormalizedText) {
        self.text = text
    }

    /// Same as `NormalizedText.originalPosition(ofCleanOffset:)`.
    public mutating func originalPosition(ofCleanOffset offset: Int) -> OriginalPosition {
        let d = text.decodedOffset(ofCleanOffset: offset)
        let source = text.source
        if d >= decoded && d < nextLineStart && lineStart < nextLineStart {
            column += source.utf8.withUnsafeBufferPointer { SourceText.scalarCount($0, decoded, min(d, $0.count)) }
        } else {
            (line, column) = source.lineAndColumn(ofDecoded: d)
            let starts = source.lineStarts
            lineStart = starts.start(ofLine: line)
            nextLineStart = line < starts.count ? starts.start(ofLine: line + 1) : Int.max
        }
        decoded = max(d, lineStart)
        return OriginalPosition(line: line, column: column, byteOffset: source.originalOffset(ofDecoded: d))
    }

    /// Same as `NormalizedText.evidence(for:sentence:)`.
    public mutating func evidence(for range: Range<Int>, sentence: String) -> Evidence {
        let position = originalPosition(ofCleanOffset: range.lowerBound)
        let bytes = text.originalByteRange(ofCleanRange: range)
        return Evidence(source: text.source.path, line: position.line, column: position.column,
                        byteStart: bytes.lowerBound, byteEnd: bytes.upperBound, text: sentence)
    }
}
