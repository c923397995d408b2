#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyCore

/// Reads and verifies snapshots (`OpenedSnapshot` opens one with its deltas). The file is mapped, not read: opening checks the header, its checksum and the
/// section table (lengths must tile the file exactly), and a section's CRC-32C is checked when a command first
/// takes it. A query takes the graph's sections only; the per-source contributions (about half the file) are
/// taken by the commands that change the store (`ingest`, `remove`, `merge`) and by `kg check`. Arrays are copied
/// out as raw little-endian blocks. Any damage is reported as a `KGError` naming the section; the file is left alone.
enum SnapshotReader {
    static let supportedVersions: [UInt32] = [1, 2, 3, 4, 5, SnapshotWriter.version]

    struct Loaded {
        var graph: Graph
        var contributions: StoredContributions
        /// The format version read (1: sources have no recorded identity; see `GraphStore.load`).
        var version: UInt32
    }

    /// Graph and contributions of the snapshot in `file`, every section verified and copied.
    static func parse(_ file: UnsafeRawBufferPointer, path: String) throws -> Loaded {
        let table = try SnapshotTable(file, path: path)
        let graph = try table.graph()
        return Loaded(graph: graph, contributions: try table.contributions(), version: table.version)
    }

    @inline(__always)
    static func loadLE<T: FixedWidthInteger>(_: T.Type, _ bytes: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - h.count) + h
    }
}

/// An opened snapshot whose header and section table have been checked: where each section lies and the checksum
/// it must have. Sections are verified when taken. Valid while the bytes it was opened on are.
struct SnapshotTable {
    struct Entry {
        let name: String
        let range: Range<Int>
        let storedCRC: UInt32
        /// Where the section's block checksums lie in the file (versions 5 and 6; empty before, and for `block_checksums`).
        var blockCRCs: Range<Int> = 0..<0
    }

    let file: UnsafeRawBufferPointer
    /// The mapping `file` lies in, which columns used in place keep alive; nil: every column is a copy.
    let owner: SnapshotMapping?
    let path: String
    let version: UInt32
    private(set) var entries: [Entry]
    /// What deltas name as their base (see `SnapshotDelta`).
    let fingerprint: SnapshotFingerprint

    /// Checks magic, version, header checksum, each section's element size and that the sections end exactly at
    /// the end of the file (a truncated or extended file fails here, before any section is read).
    init(_ file: UnsafeRawBufferPointer, path: String, owner: SnapshotMapping? = nil) throws {
        self.file = file
        self.owner = owner
        self.path = path
        let magic = SnapshotWriter.magic
        try owner?.load(0..<min(file.count, magic.count + 8))
        guard file.count >= magic.count + 8, magic.indices.allSatisfy({ file[$0] == magic[$0] }) else {
            throw KGError(file: path, kind: .notASnapshot, "not a PolicyKG snapshot (bad magic bytes at the start of the file)")
        }
        let version = SnapshotReader.loadLE(UInt32.self, file, magic.count)
        guard SnapshotReader.supportedVersions.contains(version) else {
            throw KGError(file: path, kind: .snapshotVersion, "snapshot format version \(version) is not supported; this build reads versions "
                          + SnapshotReader.supportedVersions.map(String.init).joined(separator: ", "))
        }
        self.version = version
        let layout = SnapshotSections.layout(version: version)
        let sectionCount = Int(SnapshotReader.loadLE(UInt32.self, file, magic.count + 4))
        guard sectionCount == layout.count else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot has \(sectionCount) sections, version \(version) has \(layout.count) "
                          + "(damaged, or written by an incompatible development build)")
        }
        let tableStart = magic.count + 8, entrySize = 16
        let headerEnd = tableStart + layout.count * entrySize
        guard file.count >= headerEnd + 4 else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot is truncated: the header needs \(headerEnd + 4) bytes, the file has \(file.count)")
        }
        try owner?.load(0..<headerEnd + 4)
        let storedHeaderCRC = SnapshotReader.loadLE(UInt32.self, file, headerEnd)
        let actualHeaderCRC = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: file[0..<headerEnd]))
        guard storedHeaderCRC == actualHeaderCRC else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot header is damaged: checksum expected \(SnapshotReader.hex(storedHeaderCRC)), found \(SnapshotReader.hex(actualHeaderCRC))")
        }

        var entries: [Entry] = []
        var offset = headerEnd + 4
        for (i, spec) in layout.enumerated() {
            let start = SnapshotSections.sectionStart(after: offset, version: version)
            guard start <= file.count else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot is truncated: section '\(spec.name)' starts at byte \(start), the file has \(file.count) bytes")
            }
            try owner?.load(offset..<start)
            guard (offset..<start).allSatisfy({ file[$0] == 0 }) else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot is damaged: the padding before section '\(spec.name)' is not zero")
            }
            offset = start
            let entry = tableStart + i * entrySize
            let elementSize = Int(SnapshotReader.loadLE(UInt32.self, file, entry))
            let length = SnapshotReader.loadLE(UInt64.self, file, entry + 4)
            let storedCRC = SnapshotReader.loadLE(UInt32.self, file, entry + 12)
            guard elementSize == spec.elementSize, length % UInt64(elementSize) == 0 else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot section '\(spec.name)' has element size \(elementSize) and length \(length); expected elements of \(spec.elementSize) bytes")
            }
            guard length <= UInt64(file.count - offset) else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot is truncated: section '\(spec.name)' ends at byte \(UInt64(offset) + length), the file has \(file.count) bytes")
            }
            entries.append(Entry(name: spec.name, range: offset..<offset + Int(length), storedCRC: storedCRC))
            offset += Int(length)
        }
        guard offset == file.count else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot has \(file.count - offset) unexpected bytes after its last section")
        }
        self.entries = entries
        fingerprint = SnapshotFingerprint(headerCRC: storedHeaderCRC, byteCount: UInt64(file.count))
        if version >= 5 { try locateBlockChecksums() }
    }

    /// Verifies the block table (section 0 from version 5 on, small: 4 bytes per 16 KiB of the file) and records where
    /// each later section's block checksums lie in it; they must be exactly as many as the sections' blocks.
    private mutating func locateBlockChecksums() throws {
        let table = try verifiedSection(0)
        var at = entries[0].range.lowerBound
        for i in 1..<entries.count {
            let count = 4 * SectionVerifier.blockCount(bytes: entries[i].range.count)
            entries[i].blockCRCs = at..<at + count
            at += count
        }
        guard at == entries[0].range.upperBound else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot section 'block_checksums' holds \(table.count / 4) checksums; "
                          + "the sections have \((at - entries[0].range.lowerBound) / 4) blocks")
        }
    }

    /// A verifier of section `i`'s blocks (versions 5 and 6).
    func blockVerifier(_ i: Int) -> SectionVerifier {
        let entry = entries[i]
        return SectionVerifier(name: entry.name, path: path, body: UnsafeRawBufferPointer(rebasing: file[entry.range]),
                               blockCRCs: UnsafeRawBufferPointer(rebasing: file[entry.blockCRCs]), mapping: owner)
    }

    /// The bytes of section `i`, after checking its CRC-32C.
    func verifiedSection(_ i: Int) throws -> UnsafeRawBufferPointer {
        let entry = entries[i]
        try owner?.load(entry.range)
        let body = UnsafeRawBufferPointer(rebasing: file[entry.range])
        let actualCRC = CRC32C.checksum(body)
        guard actualCRC == entry.storedCRC else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot section '\(entry.name)' is damaged: checksum expected \(SnapshotReader.hex(entry.storedCRC)), found \(SnapshotReader.hex(actualCRC))")
        }
        return body
    }

    /// Section `i` as a column: used in place when the file is mapped and the section aligned for `T` (formats 4
    /// and 5 align every section), else copied. `lazily`: a version-5 section longer than one block is verified
    /// block by block as it is read (see `SectionVerifier`); otherwise its checksum is checked now.
    func column<T>(_ i: Int, of type: T.Type, lazily: Bool = false) throws -> Column<T> {
        let entry = entries[i]
        if lazily, version >= 5, entry.range.count > SectionVerifier.blockSize, let owner,
           let base = file.baseAddress.map({ $0 + entry.range.lowerBound }), Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 {
            return Column(inPlace: UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: entry.range.count / MemoryLayout<T>.stride),
                          owner: owner, verifier: blockVerifier(i))
        }
        let body = try verifiedSection(i)
        if let owner, let base = body.baseAddress, Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 {
            return Column(inPlace: UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: body.count / MemoryLayout<T>.stride),
                          owner: owner)
        }
        return Column(try array(i, of: type))
    }

    /// A copy of section `i` as an array, after checking its checksum.
    func array<T>(_ i: Int, of _: T.Type) throws -> [T] {
        let body = try verifiedSection(i)
        let count = body.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: body) }
            initialized = count
        }
    }

    /// The encoded per-source contributions (the last section), verified: in format 6 used in place from a mapped
    /// file, before it copied.
    func contributions() throws -> StoredContributions {
        let last = entries.count - 1
        if version >= 6 {
            let bytes = try column(last, of: UInt8.self)
            return bytes.isEmpty ? .none : .bytes(bytes)
        }
        let words = try array(last, of: Int32.self)
        return words.isEmpty ? .none : .words(words, version: version)
    }

    /// Verifies every section's checksum, and from version 5 on every block's (what `kg check` does before decoding
    /// anything).
    func verifyAll() throws {
        for i in entries.indices {
            if version >= 5 && i > 0 { try blockVerifier(i).verifyAll() }
            _ = try verifiedSection(i)
        }
    }

    /// The graph: every section but the contributions taken (verified now, or block by block as read when
    /// `lazily`), then checked for consistency.
    func graph(lazily: Bool = false) throws -> Graph {
        var next = SnapshotSections.leadingCount(version: version)
        func take<T>(_ type: T.Type) throws -> Column<T> {
            defer { next += 1 }
            return try column(next, of: type, lazily: lazily)
        }
        let strings = StringTable(bytes: try take(UInt8.self), offsets: try take(UInt32.self))
        let nodeKindNames = try take(Int32.self), edgeKindNames = try take(Int32.self)
        let nodeIDs = try take(Int32.self), nodeKindIndex = try take(UInt16.self), nodeLabels = try take(Int32.self)
        let aliasStart = try take(UInt32.self), aliasItems = try take(Int32.self)
        let nodeAttributeStart = try take(UInt32.self), edgeAttributeStart = try take(UInt32.self)
        let attributes = AttributeTable(keys: try take(Int32.self), tags: try take(UInt8.self), payloads: try take(Int64.self),
                                        listItems: try take(Int32.self))
        let nodeEvidenceStart = try take(UInt32.self), edgeEvidenceStart = try take(UInt32.self), evidenceRefs = try take(Int32.self)
        let evidence = EvidenceTable(sources: try take(Int32.self), lines: try take(Int32.self), columns: try take(Int32.self),
                                     byteStarts: try take(UInt32.self), byteLengths: try take(UInt32.self), texts: try take(Int32.self))
        let edgeSources = try take(Int32.self), edgeTargets = try take(Int32.self), edgeKindIndex = try take(UInt16.self)
        let outStart = try take(UInt32.self), outItems = try take(Int32.self), inStart = try take(UInt32.self), inItems = try take(Int32.self)
        let inSources = try take(Int32.self)
        let nodesByID = try take(Int32.self), nameKeys = try take(Int32.self), nameNodes = try take(Int32.self)
        let sourcePaths = try take(Int32.self), sourceHashes = try take(Int32.self)
        let sourceIdentities = version >= 2 ? try take(Int32.self) : sourcePaths
        // Before version 3 the sources' order was the only order recorded: their positions stand for ordinals.
        let sourceOrdinals = version >= 3 ? try take(Int64.self) : Column(sourcePaths.indices.map { Int64($0) })
        precondition(next == entries.count - 1, "every section but the contributions is part of the graph")

        // Cheap structural checks so that a well-formed but inconsistent file cannot crash the reader. The blocks
        // they and `Graph.init` read (the last string offset, the kinds' names, the evidence starts' ends) are
        // verified here, where damage can be thrown.
        let n = nodeIDs.count, e = edgeSources.count
        guard strings.offsets.count >= 1, nodeEvidenceStart.count >= 1, edgeEvidenceStart.count >= 1 else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot sections disagree about the number of nodes or edges (\(n) nodes, \(e) edges)")
        }
        let stringsEnd = Int(try strings.offsets.checked(strings.offsets.count - 1))
        let nodeEvidenceEnd = Int(try nodeEvidenceStart.checked(nodeEvidenceStart.count - 1))
        let edgeEvidenceFirst = Int(try edgeEvidenceStart.checked(0)), edgeEvidenceEnd = Int(try edgeEvidenceStart.checked(edgeEvidenceStart.count - 1))
        for name in Array(nodeKindNames) + Array(edgeKindNames) {
            guard name >= 0 && Int(name) < strings.count else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot names a kind by string \(name), past the string table")
            }
            try strings.check(name)
        }
        let consistent = stringsEnd == strings.bytes.count
            && nodeKindIndex.count == n && nodeLabels.count == n && aliasStart.count == n + 1
            && nodeAttributeStart.count == n + 1 && nodeEvidenceStart.count == n + 1
            && edgeTargets.count == e && edgeKindIndex.count == e && edgeAttributeStart.count == e + 1
            && edgeEvidenceStart.count == e + 1 && outStart.count == n + 1 && inStart.count == n + 1
            && outItems.count == e && inItems.count == e && inSources.count == e && nodesByID.count == n && nameKeys.count == nameNodes.count
            && sourcePaths.count == sourceHashes.count && sourceIdentities.count == sourcePaths.count
            && sourceOrdinals.count == sourcePaths.count
            && attributes.tags.count == attributes.keys.count && attributes.payloads.count == attributes.keys.count
            && evidence.lines.count == evidence.count && evidence.texts.count == evidence.count
            && edgeEvidenceEnd == evidenceRefs.count && nodeEvidenceEnd == edgeEvidenceFirst
            // A lazily verified graph reads no whole column here (a reference out of range stops at its column's
            // bounds check when read); `kg check` and every writer run this scan.
            && (lazily || evidenceRefs.allSatisfy { $0 >= 0 && Int($0) < evidence.count })
        guard consistent else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot sections disagree about the number of nodes or edges (\(n) nodes, \(e) edges)")
        }
        var summary: GraphSummary?
        if version >= 5 {
            summary = GraphSummary(words: try column(1, of: UInt64.self), nodes: n, edges: e,
                                   nodeKinds: nodeKindNames.count, edgeKinds: edgeKindNames.count)
            guard summary != nil else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot section 'summary' disagrees with the graph (\(n) nodes, \(e) edges)")
            }
        }
        return Graph(
            strings: strings, nodeKindNames: nodeKindNames, edgeKindNames: edgeKindNames, nodeIDs: nodeIDs,
            nodeKindIndex: nodeKindIndex, nodeLabels: nodeLabels, aliasStart: aliasStart, aliasItems: aliasItems,
            nodeAttributeStart: nodeAttributeStart, edgeAttributeStart: edgeAttributeStart, attributeRows: attributes,
            nodeEvidenceStart: nodeEvidenceStart, edgeEvidenceStart: edgeEvidenceStart, evidenceRefs: evidenceRefs,
            evidenceRows: evidence,
            edgeSources: edgeSources, edgeTargets: edgeTargets, edgeKindIndex: edgeKindIndex,
            outStart: outStart, outItems: outItems, inStart: inStart, inItems: inItems, inSources: inSources,
            nodesByID: nodesByID, nameKeys: nameKeys, nameNodes: nameNodes,
            sourcePaths: sourcePaths, sourceHashes: sourceHashes, sourceIdentities: sourceIdentities,
            sourceOrdinals: sourceOrdinals, summary: summary)
    }
}
