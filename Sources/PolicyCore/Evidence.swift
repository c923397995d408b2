/// Where a node or edge is stated: a span of the ORIGINAL file and the sentence that states it.
public struct Evidence: Hashable, Sendable, Codable {
    /// The input file's path as the user gave it.
    public var source: String
    /// 1-based line in the original file.
    public var line: Int
    /// 1-based column in Unicode scalars in the original file.
    public var column: Int
    /// Byte offsets in the original file (end exclusive).
    public var byteStart: Int
    public var byteEnd: Int
    /// The evidence sentence (normalised text).
    public var text: String

    public init(source: String, line: Int, column: Int, byteStart: Int, byteEnd: Int, text: String) {
        self.source = source
        self.line = line
        self.column = column
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.text = text
    }

    /// `file:line` for humans.
    public var location: String { "\(source):\(line)" }
}
