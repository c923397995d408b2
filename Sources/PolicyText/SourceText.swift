import PolicyCore
#if canImport(Glibc)
import Glibc
#endif

/// A source file decoded to UTF-8, with a map from decoded UTF-8 byte offsets back to ORIGINAL file byte offsets.
public struct SourceText: Sendable {
    /// The path as given by the user.
    public let path: String
    public let encoding: SourceEncoding
    /// The file as on disk.
    public let originalBytes: [UInt8]
    /// Decoded text (BOM removed; invalid bytes replaced by U+FFFD, each mapped to its original byte).
    public let utf8: [UInt8]
    /// Original offset of each decoded byte plus one end sentinel; empty when the map is `offset + identityShift`.
    let decodedToOriginal: [Int32]
    let identityShift: Int
    /// Decoded offsets where lines start (line 1 starts at 0).
    let lineStarts: LineStarts
    /// Number of replacement characters inserted for undecodable bytes.
    public let replacementCount: Int
    /// Scalars before each block of `ScalarCheckpoints.blockSize` decoded bytes, when some line is long enough for
    /// counting a column from the line start to cost more than the look-up (a whole document on one line); empty
    /// otherwise. Keeps `lineAndColumn` linear in the text however long its lines are.
    let scalarCheckpoints: [Int]

    /// Reads and decodes a file. Throws `KGError` naming the file when it is unreadable, empty or binary.
    public static func read(path: String) throws -> SourceText {
        try SourceText(path: path, bytes: FileBytes.read(path: path))
    }

    /// Decodes bytes held in memory (`path` is used for provenance and errors).
    public init(path: String, bytes: [UInt8]) throws {
        let decoded = try EncodingDetector.decode(bytes, path: path)
        self.path = path
        self.encoding = decoded.encoding
        self.originalBytes = bytes
        self.utf8 = decoded.utf8
        self.decodedToOriginal = decoded.map
        self.identityShift = decoded.shift
        self.replacementCount = decoded.replacements
        self.lineStarts = LineStarts(decoded.utf8)
        self.scalarCheckpoints = Self.checkpoints(decoded.utf8, lineStarts: lineStarts)
        if decoded.replacements > 8 && decoded.replacements * 20 > decoded.scalars
            || decoded.controls > 8 && decoded.controls * 100 > decoded.scalars {
            throw KGError(file: path, line: firstReplacementLine(),
                          "binary or undecodable file (\(decoded.replacements) invalid byte sequences and \(decoded.controls) control characters as \(decoded.encoding.rawValue))")
        }
        if !utf8.contains(where: { $0 > 0x20 }) {
            throw KGError(file: path, "empty file (no text)")
        }
    }

    /// Original file byte offset of a decoded byte offset (`utf8.count` maps to the end of the file).
    @inline(__always)
    public func originalOffset(ofDecoded offset: Int) -> Int {
        decodedToOriginal.isEmpty ? offset + identityShift : Int(decodedToOriginal[offset])
    }

    /// 1-based line of a decoded offset.
    public func line(ofDecoded offset: Int) -> Int {
        lineStarts.line(containing: offset)
    }

    /// 1-based line and 1-based scalar column of a decoded offset.
    public func lineAndColumn(ofDecoded offset: Int) -> (line: Int, column: Int) {
        let line = lineStarts.line(containing: offset)
        // The column counts the scalars before `offset`: the bytes that start one (the text is valid UTF-8).
        let start = lineStarts.start(ofLine: line)
        let column = utf8.withUnsafeBufferPointer { b -> Int in
            let end = max(start, min(offset, b.count))
            guard !scalarCheckpoints.isEmpty, end - start > 2 * Self.checkpointBlock else {
                return 1 + Self.scalarCount(b, start, end)
            }
            return 1 + scalarsBefore(end, b) - scalarsBefore(start, b)
        }
        return (line, column)
    }

    /// Bytes between two scalar checkpoints.
    static let checkpointBlock = 1 << 14

    /// Scalars in `b[0..<offset]`, from the checkpoint at or before it.
    private func scalarsBefore(_ offset: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let block = offset / Self.checkpointBlock
        return scalarCheckpoints[block] + Self.scalarCount(b, block * Self.checkpointBlock, offset)
    }

    /// The checkpoint table when a line is longer than four blocks, else empty.
    static func checkpoints(_ utf8: [UInt8], lineStarts: LineStarts) -> [Int] {
        var longest = 0
        var previous = 0
        for start in lineStarts.offsets.dropFirst() { longest = max(longest, start - previous); previous = start }
        longest = max(longest, utf8.count - previous)
        guard longest > 4 * checkpointBlock else { return [] }
        return utf8.withUnsafeBufferPointer { b in
            var table = [0]
            var total = 0
            var at = 0
            while at + checkpointBlock <= b.count {
                total += scalarCount(b, at, at + checkpointBlock)
                at += checkpointBlock
                table.append(total)
            }
            return table
        }
    }

    /// Number of scalars in `b[start..<end]`: the bytes that are no continuation byte (10xxxxxx), eight at a time.
    static func scalarCount(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard start < end, let base = b.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuations = 0
        var i = start
        while i &+ 8 <= end {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Bit 7 of each byte: set, with bit 6 (shifted into bit 7) clear.
            continuations &+= (w & ~(w &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i &+= 8
        }
        while i < end {
            if b[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return (end - start) - continuations
    }

    /// Number of lines (an unterminated last line counts).
    public var lineCount: Int {
        lineStarts.offsets.last == utf8.count ? lineStarts.count - 1 : lineStarts.count
    }

    /// Decoded byte range of a 1-based line, without its line break.
    public func decodedRange(ofLine line: Int) -> Range<Int> {
        let start = lineStarts.start(ofLine: line)
        let end = line < lineStarts.count ? lineStarts.start(ofLine: line + 1) - 1 : utf8.count
        return start..<max(start, end)
    }

    private func firstReplacementLine() -> Int? {
        guard let i = findReplacement() else { return nil }
        return lineAndColumn(ofDecoded: i).line
    }

    private func findReplacement() -> Int? {
        var i = 0
        while i + 2 < utf8.count {
            if utf8[i] == 0xEF && utf8[i + 1] == 0xBF && utf8[i + 2] == 0xBD { return i }
            i += 1
        }
        return nil
    }
}

/// Reading whole files with POSIX calls (no Foundation), errors as `KGError`.
public enum FileBytes {
    /// The whole file; a `KGError` naming it when it cannot be opened or read or is a folder.
    public static func read(path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw KGError(file: path, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw KGError(file: path, "is a directory")
        }
        // Read straight into the array (sized by fstat; a file that grows meanwhile is read on in chunks).
        let size = Int(max(0, st.st_size))
        var failure: Int32 = 0
        var out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno; return
                }
                if n == 0 { break }
                count += n
            }
        }
        if failure != 0 { throw KGError(file: path, "cannot read: \(String(cString: strerror(failure)))") }
        while true {
            let n = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk -> Int in
                let n = Glibc.read(fd, chunk.baseAddress, chunk.count)
                if n > 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<n])) }
                return n
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw KGError(file: path, "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
        }
        if out.isEmpty { throw KGError(file: path, "empty file") }
        return out
    }
}
