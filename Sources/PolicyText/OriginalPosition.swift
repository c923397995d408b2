/// A position in the ORIGINAL file: 1-based line, 1-based column in Unicode scalars, 0-based byte offset.
public struct OriginalPosition: Hashable, Sendable {
    public let line: Int
    public let column: Int
    public let byteOffset: Int

    public init(line: Int, column: Int, byteOffset: Int) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }
}
