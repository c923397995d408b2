/// Text taken out of a file that is not plain text, each byte mapped back into the ORIGINAL file.
public struct DerivedText: Sendable {
    /// The extracted main text, UTF-8, one paragraph (block) a line.
    public var utf8: [UInt8]
    /// `originalOffsets[i]` = byte offset in the original file of extracted byte `i` (non-decreasing);
    /// one extra entry at the end = the original file's length.
    public var originalOffsets: [Int32]
    /// The page's or document's own metadata (HTML: title, 发文机关, 发文字号, 成文日期, 发布日期 …).
    public var metadata: [String: String]
    /// Problems worth telling the user (metadata that disagrees with the text, unreadable parts …).
    public var warnings: [String]

    public init(utf8: [UInt8], originalOffsets: [Int32], metadata: [String: String] = [:], warnings: [String] = []) {
        self.utf8 = utf8
        self.originalOffsets = originalOffsets
        self.metadata = metadata
        self.warnings = warnings
    }

    public var string: String { String(decoding: utf8, as: UTF8.self) }
}

/// Builds extracted text line by line, collapsing HTML-style whitespace and keeping the byte map.
struct DerivedTextBuilder {
    var utf8: [UInt8] = []
    var offsets: [Int32] = []
    private var lineStart = 0
    private var pendingSpace = false
    private var lastOffset: Int32 = 0

    /// Appends one scalar coming from original byte `offset`. `collapse` treats ASCII whitespace as HTML does.
    mutating func append(_ scalar: Unicode.Scalar, from offset: Int32, collapse: Bool = true) {
        let v = scalar.value
        let isSpace = v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C
        let atLineStart = utf8.count == lineStart
        if collapse && isSpace {
            if !atLineStart { pendingSpace = true }
            return
        }
        // Paragraph indentation (ideographic / no-break spaces) at the start of a line is dropped.
        if atLineStart && (v == 0x3000 || v == 0xA0 || v == 0x20) { return }
        let at = max(offset, lastOffset)
        if pendingSpace {
            utf8.append(0x20); offsets.append(at)
            pendingSpace = false
        }
        var buffer: [UInt8] = []
        UTF8.encode(scalar) { buffer.append($0) }
        for b in buffer { utf8.append(b); offsets.append(at) }
        lastOffset = at
    }

    /// Ends the current line (no-op on an empty line, so blocks never produce blank lines).
    mutating func endLine() {
        pendingSpace = false
        // Trim trailing ideographic / no-break spaces.
        while utf8.count > lineStart {
            let n = utf8.count
            if n - lineStart >= 3, utf8[n - 3] == 0xE3, utf8[n - 2] == 0x80, utf8[n - 1] == 0x80 {
                utf8.removeLast(3); offsets.removeLast(3)
            } else if n - lineStart >= 2, utf8[n - 2] == 0xC2, utf8[n - 1] == 0xA0 {
                utf8.removeLast(2); offsets.removeLast(2)
            } else { break }
        }
        guard utf8.count > lineStart else { return }
        utf8.append(0x0A); offsets.append(lastOffset)
        lineStart = utf8.count
    }

    /// Whether the current line holds text.
    var lineIsEmpty: Bool { utf8.count == lineStart }

    mutating func finish(originalLength: Int) -> (utf8: [UInt8], offsets: [Int32]) {
        endLine()
        offsets.append(Int32(originalLength))
        return (utf8, offsets)
    }
}
