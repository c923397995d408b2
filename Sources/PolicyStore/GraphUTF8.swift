/// Byte-level reads of a frozen graph's strings, for writers that stream millions of them (exports): the UTF-8
/// bytes are lent in place from the string table, so no `String` is made per node, edge or evidence record.
extension Graph {
    /// Calls `body` with the UTF-8 bytes of node `n`'s stable id (the bytes of `nodeID(n)`).
    @inline(__always)
    public func withNodeIDUTF8<R>(_ n: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try strings.withBytes(nodeIDs[n], body)
    }

    /// Calls `body` with the UTF-8 bytes of node `n`'s canonical name (the bytes of `label(n)`).
    @inline(__always)
    public func withLabelUTF8<R>(_ n: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try strings.withBytes(nodeLabels[n], body)
    }

    /// Positions of node `n`'s evidence records, in the order `evidence(ofNode:)` returns them; read one with
    /// `evidenceLine(_:)`, `withEvidenceSourceUTF8(_:_:)` and `withEvidenceTextUTF8(_:_:)`.
    @inline(__always)
    public func evidenceRecords(ofNode n: Int) -> Range<Int> {
        Int(nodeEvidenceStart[n])..<Int(nodeEvidenceStart[n + 1])
    }

    /// Positions of edge `e`'s evidence records, in the order `evidence(ofEdge:)` returns them.
    @inline(__always)
    public func evidenceRecords(ofEdge e: Int) -> Range<Int> {
        Int(edgeEvidenceStart[e])..<Int(edgeEvidenceStart[e + 1])
    }

    /// The line of evidence record `record` (its `Evidence.line`).
    @inline(__always)
    public func evidenceLine(_ record: Int) -> Int {
        Int(evidenceRows.lines[Int(evidenceRefs[record])])
    }

    /// Calls `body` with the UTF-8 bytes of evidence record `record`'s source (its `Evidence.source`).
    @inline(__always)
    public func withEvidenceSourceUTF8<R>(_ record: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try strings.withBytes(evidenceRows.sources[Int(evidenceRefs[record])], body)
    }

    /// Calls `body` with the UTF-8 bytes of evidence record `record`'s sentence (its `Evidence.text`).
    @inline(__always)
    public func withEvidenceTextUTF8<R>(_ record: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try strings.withBytes(evidenceRows.texts[Int(evidenceRefs[record])], body)
    }
}
