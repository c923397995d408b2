#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyCore

/// Writes snapshots atomically: a temporary file in the target directory, fsync, rename over the old file,
/// fsync the directory. A crash at any point leaves either the old or the new snapshot, never a mix.
enum SnapshotWriter {
    static let magic: [UInt8] = Array("PKGSNAP\u{1A}".utf8)
    /// Version 2 added `source.identities` and each contribution's identity; version 3 `source.ordinals`; version 4
    /// starts every section at a multiple of 8 bytes (columns used in place from a mapped file); version 5 leads
    /// with per-block checksums of every section (verified as a query reads the blocks) and the graph's summary;
    /// version 6 writes the contributions as varint bytes referring to the graph's rows instead of 32-bit words
    /// repeating their keys.
    static let version: UInt32 = 6

    /// Writes `graph` and the encoded `contributions` (`GraphContributionCodec` bytes; empty: none) to `path`
    /// atomically; returns the new file's fingerprint. `version`: 5 writes the format before (contributions as
    /// `ContributionCodec` words), which tests use to make the files older builds wrote.
    @discardableResult
    static func write(_ graph: Graph, contributions: OutgoingSection, to path: String, version: UInt32 = version) throws -> SnapshotFingerprint {
        precondition(version >= 5 && contributions.elementSize == SnapshotSections.layout(version: version).last!.elementSize)
        var sections = [OutgoingSection(graph.summary.words)] + graph.outgoingSections + [contributions]
        sections.insert(OutgoingSection(try blockChecksums(of: sections)), at: 0)
        precondition(sections.count == SnapshotSections.layout(version: version).count)

        // Header: magic, version, section count, then (elementSize u32, byteLength u64, crc u32) per section,
        // then the CRC-32C of everything before it.
        var header: [UInt8] = magic
        appendLE(version, to: &header)
        appendLE(UInt32(sections.count), to: &header)
        for s in sections {
            var crc: UInt32 = 0
            try s.withBytes { crc = CRC32C.checksum($0) }
            appendLE(UInt32(s.elementSize), to: &header)
            appendLE(UInt64(s.byteCount), to: &header)
            appendLE(crc, to: &header)
        }
        let headerCRC = header.withUnsafeBytes { CRC32C.checksum($0) }
        appendLE(headerCRC, to: &header)

        let zeros = [UInt8](repeating: 0, count: 8)
        let byteCount = try writeAtomically(path, what: "snapshot") { fd, temporary in
            try header.withUnsafeBytes { try writeAll(fd, $0, path: temporary) }
            var offset = header.count
            for s in sections {
                let start = SnapshotSections.sectionStart(after: offset, version: version)
                try zeros.withUnsafeBytes { try writeAll(fd, UnsafeRawBufferPointer(rebasing: $0[0..<start - offset]), path: temporary) }
                try s.withBytes { try writeAll(fd, $0, path: temporary) }
                offset = start + s.byteCount
            }
            return offset
        }
        return SnapshotFingerprint(headerCRC: headerCRC, byteCount: UInt64(byteCount))
    }

    /// The CRC-32C of every 16 KiB block (`SectionVerifier.blockSize`) of each section, in order.
    static func blockChecksums(of sections: [OutgoingSection]) throws -> [UInt32] {
        var checksums: [UInt32] = []
        for s in sections {
            try s.withBytes { bytes in
                var start = 0
                while start < bytes.count {
                    let end = min(start + SectionVerifier.blockSize, bytes.count)
                    checksums.append(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
                    start = end
                }
            }
        }
        return checksums
    }

    /// Writes a file atomically: `body` fills `<path>.tmp.<pid>` in the same directory, which is fsynced, renamed
    /// over `path`, and the directory fsynced. A crash at any point leaves the old file (or none) at `path`, and at
    /// most a stray temporary file; a failure removes the temporary file. Returns what `body` returns.
    @discardableResult
    static func writeAtomically<R>(_ path: String, what: String, _ body: (_ fd: Int32, _ temporary: String) throws -> R) throws -> R {
        let temporary = "\(path).tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw KGError(file: path, "cannot create temporary \(what) \(temporary): \(errnoText())") }
        var ok = false
        defer {
            if !ok { close(fd); unlink(temporary) }
        }
        let result = try body(fd, temporary)
        guard fsync(fd) == 0 else { throw KGError(file: temporary, "fsync failed: \(errnoText())") }
        ok = true
        close(fd)
        guard rename(temporary, path) == 0 else {
            let why = errnoText()
            unlink(temporary)
            throw KGError(file: path, "cannot replace \(what): \(why)")
        }
        syncDirectory(of: path)
        return result
    }

    /// Fsyncs the directory holding `path`, so that a rename or unlink in it survives a crash.
    static func syncDirectory(of path: String) {
        let dfd = open(directoryOf(path), O_RDONLY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, min(bytes.count - done, 1 << 30))
            if n < 0 {
                if errno == EINTR { continue }
                throw KGError(file: path, "write failed: \(errnoText())")
            }
            done += n
        }
    }

    static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

@inline(__always)
func appendLE<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
}

func errnoText() -> String { String(cString: strerror(errno)) }
