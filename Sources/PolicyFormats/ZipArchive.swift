import Foundation
import PolicyCore
import ZIPFoundation

/// A zip archive on disk whose members are read into memory, never extracted to disk (so a member path such as
/// `../../etc/x` can never write anywhere). Safe to share between threads: each reader borrows its own handle.
public final class ZipArchive: @unchecked Sendable {
    /// One entry of the archive.
    public struct Member: Sendable, Hashable {
        /// Path inside the archive, decoded as UTF-8 when valid, else as GB18030 (zips made on Chinese Windows);
        /// backslashes some Windows tools write as separators are read as "/".
        public let name: String
        /// Uncompressed size in bytes, as the central directory states it (reading never inflates more: a member
        /// whose data inflates past it is refused as damaged).
        public let size: Int
        /// Compressed size in bytes, as the central directory states it.
        public let compressedSize: Int
        public let kind: Kind
        let index: Int

        /// What an entry is.
        public enum Kind: Sendable, Hashable { case file, directory, symbolicLink }
    }

    /// Members larger than this (uncompressed, 256 MiB) are not read: a guard against zip bombs, far above any
    /// policy document.
    public static let largestMemberSize = 1 << 28

    /// A member that inflates to more than this many times its compressed size is not read when it is also larger
    /// than `ratioCheckedSize` (text compresses 3–10×; a run of zeros, 1000×).
    public static let largestCompressionRatio = 100

    /// Members smaller than this (1 MiB) are read whatever their ratio: they cannot exhaust memory.
    public static let ratioCheckedSize = 1 << 20

    /// All members of one archive together may inflate to at most this (4 GiB); later members are skipped.
    public static let largestTotalSize = 1 << 32

    /// Why `member` should not be read (too large, or compressed suspiciously well), or nil.
    public static func sizeLimitReason(_ member: Member) -> String? {
        if member.size > largestMemberSize {
            return "too large to read in memory (\(member.size / 1_048_576) MB uncompressed, the limit is \(largestMemberSize / 1_048_576) MB)"
        }
        if member.size > ratioCheckedSize && member.size > largestCompressionRatio * max(member.compressedSize, 1) {
            return "compressed \(member.size / max(member.compressedSize, 1)):1, more than \(largestCompressionRatio):1 (a zip bomb?)"
        }
        return nil
    }

    /// The archive's path as given.
    public let path: String
    /// Every entry in central-directory order.
    public let members: [Member]
    private let entries: [ZIPFoundation.Entry]
    private let lock = NSLock()
    private var idleHandles: [ZIPFoundation.Archive] = []

    /// Opens `path` and reads its central directory. Throws a `KGError` naming the archive when it is not a
    /// readable zip (missing or damaged end record, central directory that lists entries it does not hold).
    public init(path: String) throws {
        self.path = path
        let archive: ZIPFoundation.Archive
        do {
            archive = try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw KGError(file: path, "not a readable zip archive (\(Self.describe(error)))")
        }
        var entries: [ZIPFoundation.Entry] = []
        var members: [Member] = []
        for entry in archive {
            let kind: Member.Kind
            switch entry.type {
            case .file: kind = .file
            case .directory: kind = .directory
            case .symlink: kind = .symbolicLink
            }
            members.append(Member(name: Self.decodedName(entry), size: Int(clamping: entry.uncompressedSize),
                                  compressedSize: Int(clamping: entry.compressedSize), kind: kind, index: entries.count))
            entries.append(entry)
        }
        if let stated = Self.statedEntryCount(path), stated != entries.count {
            throw KGError(file: path, "not a readable zip archive (the central directory lists \(stated) entries, "
                          + "\(entries.count) can be read)")
        }
        self.entries = entries
        self.members = members
        idleHandles = [archive]
    }

    /// The member called `name`, if any.
    public func member(named name: String) -> Member? {
        members.first { $0.name == name }
    }

    /// The bytes of `member`, decompressed in memory and checked against the CRC-32 the archive records.
    public func bytes(of member: Member) throws -> [UInt8] {
        let memberPath = ArchiveMemberPath.join(archive: path, member: member.name)
        guard member.kind == .file else { throw KGError(file: memberPath, "not a regular file in the archive") }
        if let reason = Self.sizeLimitReason(member) { throw KGError(file: memberPath, kind: .malformedInput, reason) }
        let entry = entries[member.index]
        let handle = try borrowHandle()
        defer { returnHandle(handle) }
        var out: [UInt8] = []
        out.reserveCapacity(min(member.size, 1 << 26))
        let checksum: CRC32
        do {
            checksum = try handle.extract(entry, skipCRC32: false) { chunk in
                guard out.count + chunk.count <= member.size else { throw SizeMismatch() }
                out.append(contentsOf: chunk)
            }
        } catch {
            throw KGError(file: memberPath, "cannot read the member from the archive (\(Self.describe(error)))")
        }
        guard checksum == entry.checksum, out.count == member.size else {
            throw KGError(file: memberPath, "the member is damaged in the archive (checksum or size mismatch)")
        }
        return out
    }

    /// Closes the handles no reader is using (the next read opens one again).
    public func closeIdleHandles() {
        lock.lock(); idleHandles.removeAll(); lock.unlock()
    }

    private struct SizeMismatch: Error {}

    private func borrowHandle() throws -> ZIPFoundation.Archive {
        lock.lock()
        let idle = idleHandles.popLast()
        lock.unlock()
        if let idle { return idle }
        do { return try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw KGError(file: path, "cannot reopen the zip archive (\(Self.describe(error)))")
        }
    }

    private func returnHandle(_ handle: ZIPFoundation.Archive) {
        lock.lock(); idleHandles.append(handle); lock.unlock()
    }

    /// The entry's name from its raw bytes: UTF-8 when valid (with or without the UTF-8 flag), else GB18030.
    private static func decodedName(_ entry: ZIPFoundation.Entry) -> String {
        // ISO Latin-1 maps every byte to one scalar, so it gives back the raw name bytes.
        let raw = entry.path(using: .isoLatin1).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let utf8 = raw.allSatisfy({ $0 < 0x80 }) || isValidUTF8(raw) ? raw : decodeGB18030WithOffsets(raw).utf8
        // GB18030 trail bytes can be 0x5C, so backslashes are replaced only after decoding.
        return String(decoding: utf8, as: UTF8.self).replacingOccurrences(of: "\\", with: "/")
    }

    /// The entry count of the end-of-central-directory record (nil when absent or when ZIP64 holds the count).
    private static func statedEntryCount(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        let tailLength = min(size, 65_557)
        try? handle.seek(toOffset: size - tailLength)
        guard let tail = try? handle.read(upToCount: Int(tailLength)) else { return nil }
        let bytes = [UInt8](tail)
        guard bytes.count >= 22 else { return nil }
        for i in stride(from: bytes.count - 22, through: 0, by: -1)
        where bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 {
            let count = Int(bytes[i + 10]) | Int(bytes[i + 11]) << 8
            return count == 0xFFFF ? nil : count
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        if let e = error as? KGError { return e.message }
        switch error as? ZIPFoundation.Archive.ArchiveError {
        case .missingEndOfCentralDirectoryRecord?: return "no end of central directory record: truncated or not a zip"
        case .unreadableArchive?: return "cannot open the file"
        case .invalidCompressionMethod?: return "unsupported compression method"
        case .invalidCRC32?: return "checksum mismatch"
        case let e?: return "\(e)"
        case nil: return "\(error)"
        }
    }
}
