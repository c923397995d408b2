#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PolicyCore

/// A snapshot file mapped read-only into memory: opening costs nothing per byte, and a page is read from the file
/// (or the page cache) only when a section on it is touched. Unmapped when the last reference goes.
///
/// Writers never change a snapshot in place (they rename a new file over it), so a mapping keeps seeing the file
/// it opened even while a newer snapshot replaces it.
final class SnapshotMapping: @unchecked Sendable {
    /// The file's bytes (empty for an empty file).
    let bytes: UnsafeRawBufferPointer
    /// The mapped file's device and inode: whether the path still names this file (a writer renamed another over it).
    let fileID: FileID

    struct FileID: Equatable, Hashable, Sendable {
        var device: UInt64
        var inode: UInt64

        /// The file `path` names now, nil if none.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw KGError(file: path, kind: .unreadable, "cannot open snapshot: \(errnoText())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw KGError(file: path, kind: .unreadable, "cannot stat snapshot: \(errnoText())") }
        fileID = FileID(info)
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw KGError(file: path, kind: .unreadable, "cannot map snapshot: \(errnoText())")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
