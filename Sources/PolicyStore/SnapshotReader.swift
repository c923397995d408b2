#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyCore

/// Reads and verifies snapshots: the whole file in one read, every section's CRC-32C checked, arrays copied
/// as raw little-endian blocks. Any damage is reported as a `KGError` naming the section; the file is left alone.
enum SnapshotReader {
    static let supportedVersions: [UInt32] = [1, 2, SnapshotWriter.version]

    struct Loaded {
        var graph: Graph
        var contributions: [Int32]
        /// The format version read (1: sources have no recorded identity; see `GraphStore.load`).
        var version: UInt32
    }

    static func read(_ path: String) throws -> Loaded {
        let file = try readWholeFile(path)
        return try file.withUnsafeBytes { try parse($0, path: path) }
    }

    static func readWholeFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw KGError(file: path, kind: .unreadable, "cannot open snapshot: \(errnoText())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw KGError(file: path, kind: .unreadable, "cannot stat snapshot: \(errnoText())") }
        let size = Int(info.st_size)
        var failure: KGError?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let n = Glibc.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failure = KGError(file: path, kind: .unreadable, "cannot read snapshot: \(n < 0 ? errnoText() : "unexpected end of file")")
                    break
                }
                done += n
            }
            initialized = done
        }
        if let failure { throw failure }
        return bytes
    }

    static func parse(_ file: UnsafeRawBufferPointer, path: String) throws -> Loaded {
        let magic = SnapshotWriter.magic
        guard file.count >= magic.count + 8, Array(file[0..<magic.count]) == magic else {
            throw KGError(file: path, kind: .notASnapshot, "not a PolicyKG snapshot (bad magic bytes at the start of the file)")
        }
        let version = loadLE(UInt32.self, file, magic.count)
        guard supportedVersions.contains(version) else {
            throw KGError(file: path, kind: .snapshotVersion, "snapshot format version \(version) is not supported; this build reads versions "
                          + supportedVersions.map(String.init).joined(separator: ", "))
        }
        let layout = SnapshotSections.layout(version: version)
        let sectionCount = Int(loadLE(UInt32.self, file, magic.count + 4))
        guard sectionCount == layout.count else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot has \(sectionCount) sections, version \(version) has \(layout.count) "
                          + "(damaged, or written by an incompatible development build)")
        }
        let tableStart = magic.count + 8, entrySize = 16
        let headerEnd = tableStart + layout.count * entrySize
        guard file.count >= headerEnd + 4 else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot is truncated: the header needs \(headerEnd + 4) bytes, the file has \(file.count)")
        }
        let storedHeaderCRC = loadLE(UInt32.self, file, headerEnd)
        let actualHeaderCRC = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: file[0..<headerEnd]))
        guard storedHeaderCRC == actualHeaderCRC else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot header is damaged: checksum expected \(hex(storedHeaderCRC)), found \(hex(actualHeaderCRC))")
        }

        var sections: [UnsafeRawBufferPointer] = []
        var offset = headerEnd + 4
        for (i, spec) in layout.enumerated() {
            let entry = tableStart + i * entrySize
            let elementSize = Int(loadLE(UInt32.self, file, entry))
            let length = Int(loadLE(UInt64.self, file, entry + 4))
            let storedCRC = loadLE(UInt32.self, file, entry + 12)
            guard elementSize == spec.elementSize, length % elementSize == 0 else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot section '\(spec.name)' has element size \(elementSize) and length \(length); expected elements of \(spec.elementSize) bytes")
            }
            guard length <= file.count - offset else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot is truncated: section '\(spec.name)' ends at byte \(offset + length), the file has \(file.count) bytes")
            }
            let body = UnsafeRawBufferPointer(rebasing: file[offset..<offset + length])
            let actualCRC = CRC32C.checksum(body)
            guard actualCRC == storedCRC else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot section '\(spec.name)' is damaged: checksum expected \(hex(storedCRC)), found \(hex(actualCRC))")
            }
            sections.append(body)
            offset += length
        }
        guard offset == file.count else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot has \(file.count - offset) unexpected bytes after its last section")
        }

        var next = 0
        func take<T>(_: T.Type) -> [T] {
            let body = sections[next]
            next += 1
            let count = body.count / MemoryLayout<T>.stride
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                if count > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: body) }
                initialized = count
            }
        }
        let strings = StringTable(bytes: take(UInt8.self), offsets: take(UInt32.self))
        let nodeKindNames = take(Int32.self), edgeKindNames = take(Int32.self)
        let nodeIDs = take(Int32.self), nodeKindIndex = take(UInt16.self), nodeLabels = take(Int32.self)
        let aliasStart = take(UInt32.self), aliasItems = take(Int32.self)
        let nodeAttributeStart = take(UInt32.self), edgeAttributeStart = take(UInt32.self)
        let attributes = AttributeColumns(keys: take(Int32.self), tags: take(UInt8.self), payloads: take(Int64.self),
                                          listItems: take(Int32.self))
        let nodeEvidenceStart = take(UInt32.self), edgeEvidenceStart = take(UInt32.self), evidenceRefs = take(Int32.self)
        let evidence = EvidenceColumns(sources: take(Int32.self), lines: take(Int32.self), columns: take(Int32.self),
                                       byteStarts: take(UInt32.self), byteLengths: take(UInt32.self), texts: take(Int32.self))
        let edgeSources = take(Int32.self), edgeTargets = take(Int32.self), edgeKindIndex = take(UInt16.self)
        let outStart = take(UInt32.self), outItems = take(Int32.self), inStart = take(UInt32.self), inItems = take(Int32.self)
        let inSources = take(Int32.self)
        let nodesByID = take(Int32.self), nameKeys = take(Int32.self), nameNodes = take(Int32.self)
        let sourcePaths = take(Int32.self), sourceHashes = take(Int32.self)
        let sourceIdentities = version >= 2 ? take(Int32.self) : sourcePaths
        // Before version 3 the sources' order was the only order recorded: their positions stand for ordinals.
        let sourceOrdinals = version >= 3 ? take(Int64.self) : sourcePaths.indices.map { Int64($0) }
        let contributions = take(Int32.self)

        // Cheap structural checks so that a well-formed but inconsistent file cannot crash the reader.
        let n = nodeIDs.count, e = edgeSources.count
        let consistent = strings.offsets.count >= 1 && Int(strings.offsets.last!) == strings.bytes.count
            && nodeKindIndex.count == n && nodeLabels.count == n && aliasStart.count == n + 1
            && nodeAttributeStart.count == n + 1 && nodeEvidenceStart.count == n + 1
            && edgeTargets.count == e && edgeKindIndex.count == e && edgeAttributeStart.count == e + 1
            && edgeEvidenceStart.count == e + 1 && outStart.count == n + 1 && inStart.count == n + 1
            && outItems.count == e && inItems.count == e && inSources.count == e && nodesByID.count == n && nameKeys.count == nameNodes.count
            && sourcePaths.count == sourceHashes.count && sourceIdentities.count == sourcePaths.count
            && sourceOrdinals.count == sourcePaths.count
            && attributes.tags.count == attributes.keys.count && attributes.payloads.count == attributes.keys.count
            && evidence.lines.count == evidence.count && evidence.texts.count == evidence.count
            && Int(edgeEvidenceStart.last ?? 0) == evidenceRefs.count && Int(nodeEvidenceStart.last ?? 0) == Int(edgeEvidenceStart.first ?? 0)
            && evidenceRefs.allSatisfy { $0 >= 0 && Int($0) < evidence.count }
        guard consistent else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot sections disagree about the number of nodes or edges (\(n) nodes, \(e) edges)")
        }
        let graph = Graph(
            strings: strings, nodeKindNames: nodeKindNames, edgeKindNames: edgeKindNames, nodeIDs: nodeIDs,
            nodeKindIndex: nodeKindIndex, nodeLabels: nodeLabels, aliasStart: aliasStart, aliasItems: aliasItems,
            nodeAttributeStart: nodeAttributeStart, edgeAttributeStart: edgeAttributeStart, attributeRows: attributes,
            nodeEvidenceStart: nodeEvidenceStart, edgeEvidenceStart: edgeEvidenceStart, evidenceRefs: evidenceRefs,
            evidenceRows: evidence,
            edgeSources: edgeSources, edgeTargets: edgeTargets, edgeKindIndex: edgeKindIndex,
            outStart: outStart, outItems: outItems, inStart: inStart, inItems: inItems, inSources: inSources,
            nodesByID: nodesByID, nameKeys: nameKeys, nameNodes: nameNodes,
            sourcePaths: sourcePaths, sourceHashes: sourceHashes, sourceIdentities: sourceIdentities,
            sourceOrdinals: sourceOrdinals)
        return Loaded(graph: graph, contributions: contributions, version: version)
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

#if _endian(big)
#error("PolicyStore snapshots are written as raw little-endian arrays; big-endian hosts are not supported")
#endif
