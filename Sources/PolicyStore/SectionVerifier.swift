import PolicyCore
import Synchronization

/// Verifies one mapped section of a version-5 snapshot block by block, each block the first time it is read (see
/// SNAPSHOT-FORMAT.md, "Block checksums"): a query that reads a few rows of a large column checks and faults in
/// only the blocks holding them. A block is checked before any of its bytes is handed out, and once per opening.
///
/// Reads that cannot throw (a `Column` subscript) report a damaged block through `SnapshotDamage.report`, which
/// does not return: the damaged bytes are never used.
final class SectionVerifier: @unchecked Sendable {
    /// Bytes per block (every block but a section's last is this long).
    static let blockSize = 1 << blockShift
    static let blockShift = 14

    let name: String
    let path: String
    /// The section's bytes in the mapping.
    let body: UnsafeRawBufferPointer
    /// The section's block checksums in the mapping (the block table, verified when the snapshot was opened).
    let blockCRCs: UnsafeRawBufferPointer
    let blockCount: Int
    /// Per block: 1 once verified. Atomic so that concurrent readers of one graph may share it.
    private let verified: UnsafeMutablePointer<Atomic<UInt8>>
    /// Every block verified (the whole section may be handed out as a buffer).
    private let allVerified = Atomic<Bool>(false)
    /// Reads the blocks in (when it reads on demand) and keeps them alive (nil: the caller keeps the bytes alive).
    private let mapping: SnapshotMapping?

    init(name: String, path: String, body: UnsafeRawBufferPointer, blockCRCs: UnsafeRawBufferPointer, mapping: SnapshotMapping?) {
        self.name = name
        self.path = path
        self.body = body
        self.blockCRCs = blockCRCs
        self.mapping = mapping
        blockCount = Self.blockCount(bytes: body.count)
        precondition(blockCRCs.count == 4 * blockCount, "one checksum per block")
        verified = .allocate(capacity: max(blockCount, 1))
        for b in 0..<blockCount { (verified + b).initialize(to: Atomic(0)) }
    }

    deinit {
        verified.deinitialize(count: blockCount)
        verified.deallocate()
    }

    /// Blocks of a section of `bytes` bytes.
    static func blockCount(bytes: Int) -> Int { (bytes + blockSize - 1) >> blockShift }

    /// Makes sure the block holding byte `offset` of the section is verified (reporting damage if not intact).
    @inline(__always)
    func ensure(byteOffset offset: Int) {
        let block = offset >> Self.blockShift
        if verified[block].load(ordering: .acquiring) == 0 { ensureSlow(block) }
    }

    /// Makes sure every block holding a byte of `range` is verified.
    @inline(__always)
    func ensure(bytes range: Range<Int>) {
        guard !range.isEmpty else { return }
        for block in (range.lowerBound >> Self.blockShift)...((range.upperBound - 1) >> Self.blockShift)
        where verified[block].load(ordering: .acquiring) == 0 {
            ensureSlow(block)
        }
    }

    /// Makes sure the whole section is verified.
    @inline(__always)
    func ensureAll() {
        if !allVerified.load(ordering: .acquiring) {
            do { try verifyAll() } catch { SnapshotDamage.report(error) }
        }
    }

    @inline(never)
    private func ensureSlow(_ block: Int) {
        do { try verify(block: block) } catch { SnapshotDamage.report(error) }
    }

    /// Where the section starts in the file.
    private var fileOffset: Int {
        guard let base = body.baseAddress, let fileBase = mapping?.bytes.baseAddress else { return 0 }
        return base - fileBase
    }

    /// Checks block `block` against its stored checksum (once); throws a `KGError` naming the section and block.
    /// `reading`: reads the block from the file first when the snapshot is read on demand.
    func verify(block: Int, reading: Bool = true) throws {
        if verified[block].load(ordering: .acquiring) != 0 { return }
        let start = block << Self.blockShift, end = min(start + Self.blockSize, body.count)
        if reading, let mapping, let base = body.baseAddress, let fileBase = mapping.bytes.baseAddress {
            let offset = base - fileBase
            try mapping.load(offset + start..<offset + end)
        }
        let stored = SnapshotReader.loadLE(UInt32.self, blockCRCs, 4 * block)
        let actual = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: body[start..<end]))
        guard actual == stored else {
            throw KGError(file: path, kind: .snapshotDamaged, "snapshot section '\(name)' is damaged in block \(block) of \(blockCount) "
                          + "(bytes \(start)..<\(end)): checksum expected \(SnapshotReader.hex(stored)), found \(SnapshotReader.hex(actual))")
        }
        verified[block].store(1, ordering: .releasing)
    }

    /// Checks every block not yet checked.
    /// A section read on demand is mapped from the file first (cheaper than reading it whole).
    func verifyAll() throws {
        if allVerified.load(ordering: .acquiring) { return }
        try mapping?.mapInPlace(fileOffset..<fileOffset + body.count)
        for block in 0..<blockCount { try verify(block: block, reading: false) }
        allVerified.store(true, ordering: .releasing)
    }

    /// Blocks verified so far (for tests and measurements).
    var verifiedBlockCount: Int {
        (0..<blockCount).reduce(0) { $0 + Int(verified[$1].load(ordering: .relaxed)) }
    }
}

/// What happens when a block of a lazily verified snapshot section turns out damaged while a query reads it: the
/// read cannot throw, and the damaged bytes must not be used, so the report does not return.
public enum SnapshotDamage {
    /// Reports the damage and ends the process. The default prints the error and traps; `kg` installs one that
    /// prints it like every other error and exits with status 1.
    nonisolated(unsafe) public static var handler: @Sendable (KGError) -> Never = { error in
        fatalError(error.description)
    }

    static func report(_ error: Error) -> Never {
        if let error = error as? KGError { handler(error) }
        handler(KGError(kind: .snapshotDamaged, "\(error)"))
    }
}
