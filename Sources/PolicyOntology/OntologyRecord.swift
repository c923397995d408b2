import PolicyCore

/// Where the ontology states a fact: one row of one of its data files. Facts the graph takes from the ontology
/// rather than from a document (a region's parent, a body's parent body) cite this row as their evidence, so that no
/// corpus sentence is shown as stating what it does not state.
public struct OntologyRecord: Sendable, Hashable {
    /// The data file, named as it is in the package (`Ontology/regions.tsv`).
    public let file: String
    /// 1-based line of the row.
    public let line: Int
    /// The row's byte range in the file.
    public let byteStart: Int
    public let byteEnd: Int
    /// The row as written (fields separated by tabs).
    public let text: String

    public init(file: String, line: Int, byteStart: Int, byteEnd: Int, text: String) {
        self.file = file
        self.line = line
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.text = text
    }

    /// The row as an evidence record (column 1, the whole row).
    public var evidence: Evidence {
        Evidence(source: file, line: line, column: 1, byteStart: byteStart, byteEnd: byteEnd, text: text)
    }
}
