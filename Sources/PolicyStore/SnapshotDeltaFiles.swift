#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyCore

/// The delta files beside a snapshot: `<snapshot>.delta.1`, `.delta.2`, … Each is written whole to a temporary
/// file and renamed into place (`SnapshotWriter.writeAtomically`), so a delta file either exists complete or not
/// at all; a crash while writing one leaves only a temporary file (`….delta.3.tmp.<pid>`), which readers ignore.
enum SnapshotDeltaFiles {
    /// The path of delta `sequence` of the snapshot at `snapshot`.
    static func path(of snapshot: String, sequence: Int) -> String { "\(snapshot).delta.\(sequence)" }

    /// The delta files beside `snapshot` (names ending in `.delta.` and a number), by that number.
    static func list(_ snapshot: String) -> [(sequence: Int, path: String)] {
        let directory = SnapshotWriter.directoryOf(snapshot)
        let prefix = snapshot.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init)! + ".delta."
        var found: [(Int, String)] = []
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = String(decoding: directoryEntryName(entry), as: UTF8.self)
            guard name.hasPrefix(prefix) else { continue }
            let number = name.dropFirst(prefix.count)
            guard !number.isEmpty, number.count < 10, number.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(number) else { continue }
            found.append((n, path(of: snapshot, sequence: n)))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The deltas beside a base snapshot, read and verified.
    struct Set {
        /// The deltas that apply to the base, in order (their sequence numbers are 1, 2, …).
        var current: [(delta: SnapshotDelta, path: String)] = []
        /// Bytes of the current deltas' files.
        var currentBytes = 0
        /// Delta files naming another base: left by a compaction that stopped before removing them (the base was
        /// replaced). Readers ignore them; the next writer removes them.
        var stale: [String] = []
    }

    /// A delta listed beside the snapshot disappeared before it could be read (a compaction removed it): the
    /// caller opens the snapshot again.
    struct Vanished: Error {}

    /// Reads and verifies every delta file beside `snapshot`. Those naming `base` are current and must be numbered
    /// 1, 2, … without a gap. Any damaged delta, current or not, throws a `KGError` naming its file.
    static func read(_ snapshot: String, base: SnapshotFingerprint) throws -> Set {
        var set = Set()
        for (number, path) in list(snapshot) {
            let mapping: SnapshotMapping
            do { mapping = try SnapshotMapping(path: path) } catch {
                if !SnapshotFile.exists(path) { throw Vanished() }
                throw error
            }
            let delta = try withExtendedLifetime(mapping) { try SnapshotDelta(decoding: mapping.bytes, path: path) }
            guard delta.base == base else {
                set.stale.append(path)
                continue
            }
            guard delta.sequence == number else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot delta \(number) says it is delta \(delta.sequence) (renamed?)")
            }
            guard number == set.current.count + 1 else {
                throw KGError(file: path, kind: .snapshotDamaged, "snapshot delta \(number) follows delta \(set.current.count): "
                              + "\(self.path(of: snapshot, sequence: set.current.count + 1)) is missing")
            }
            set.current.append((delta, path))
            set.currentBytes += mapping.bytes.count
        }
        return set
    }

    /// Writes the encoded delta `sequence` of the snapshot at `snapshot` atomically.
    static func write(_ bytes: [UInt8], sequence: Int, of snapshot: String) throws {
        try SnapshotWriter.writeAtomically(path(of: snapshot, sequence: sequence), what: "snapshot delta") { fd, temporary in
            try bytes.withUnsafeBytes { try SnapshotWriter.writeAll(fd, $0, path: temporary) }
        }
    }

    /// Removes the delta files at `paths`, the highest-numbered first (so that a reader that opened the old base
    /// never sees a gap: it sees a prefix of the deltas, or retries when one vanishes), then fsyncs the directory.
    static func remove(_ paths: [String], of snapshot: String) {
        guard !paths.isEmpty else { return }
        for path in paths.reversed() { unlink(path) }
        SnapshotWriter.syncDirectory(of: snapshot)
    }

    /// Removes every delta file beside `snapshot` (after a whole snapshot was written over it).
    static func removeAll(of snapshot: String) {
        remove(list(snapshot).map(\.path), of: snapshot)
    }
}

/// A base snapshot, mapped and its header checked, with the deltas beside it read and verified: one consistent
/// state, however writers replace the base or add and remove deltas meanwhile.
struct OpenedSnapshot {
    let mapping: SnapshotMapping
    let table: SnapshotTable
    let deltas: SnapshotDeltaFiles.Set

    /// Opens the snapshot at `path` and its deltas. When a compaction replaces the base or removes a delta while
    /// they are being read, starts again.
    /// `onDemand`: the snapshot's bytes are read as they are asked for instead of mapped (`SnapshotMapping`).
    init(_ path: String, onDemand: Bool = false) throws {
        for _ in 0..<8 {
            let mapping = try SnapshotMapping(path: path, onDemand: onDemand)
            let table = try SnapshotTable(mapping.bytes, path: path, owner: mapping)
            let deltas: SnapshotDeltaFiles.Set
            do {
                deltas = try SnapshotDeltaFiles.read(path, base: table.fingerprint)
            } catch is SnapshotDeltaFiles.Vanished {
                continue
            } catch {
                // Damage is reported unless the base was replaced meanwhile (then the new state is read instead).
                if SnapshotMapping.FileID(path: path) == mapping.fileID { throw error }
                continue
            }
            // A base renamed over this one after it was opened may have taken the deltas read with it: read again.
            guard SnapshotMapping.FileID(path: path) == mapping.fileID else { continue }
            self.mapping = mapping
            self.table = table
            self.deltas = deltas
            return
        }
        throw KGError(file: path, kind: .unreadable, "the snapshot kept changing while it was read; try again")
    }
}
