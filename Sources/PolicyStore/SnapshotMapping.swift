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
    let path: String

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

    /// The open file, when bytes are read on demand (`load`); -1 when the whole file is mapped.
    private let descriptor: Int32

    /// Maps `path`. `onDemand`: instead, reserves address space for the file (anonymous, untouched, so it costs no
    /// memory) and reads into it only the byte ranges `load` is asked for. A one-off query uses that: a page cache
    /// may hold the file in large folios (2 MB), and a fault in a mapped file maps the whole folio, so reading 16 KiB
    /// of a mapped file can add 2 MB to the process; read on demand, it adds 16 KiB.
    init(path: String, onDemand: Bool = false) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw KGError(file: path, kind: .unreadable, "cannot open snapshot: \(errnoText())") }
        var keepOpen = false
        defer { if !keepOpen { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw KGError(file: path, kind: .unreadable, "cannot stat snapshot: \(errnoText())") }
        fileID = FileID(info)
        self.path = path
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            descriptor = -1
            return
        }
        if onDemand {
            guard let base = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), base != MAP_FAILED else {
                throw KGError(file: path, kind: .unreadable, "cannot reserve memory for the snapshot: \(errnoText())")
            }
            _ = madvise(base, size, MADV_NOHUGEPAGE)      // a block read fills 16 KiB, not a 2 MB huge page
            bytes = UnsafeRawBufferPointer(start: base, count: size)
            descriptor = fd
            keepOpen = true
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw KGError(file: path, kind: .unreadable, "cannot map snapshot: \(errnoText())")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        descriptor = -1
    }

    /// Maps the file over the pages holding `range` when reading on demand (nothing when the whole file is mapped):
    /// for a section read whole, mapping the page cache costs less than copying it. The pages keep the file's
    /// bytes at their offsets, as `load` would put there, and stay writable (copy on write) for a later `load`
    /// of a neighbouring range on a shared page.
    func mapInPlace(_ range: Range<Int>) throws {
        guard descriptor >= 0, !range.isEmpty, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound & ~(page - 1), end = min((range.upperBound + page - 1) & ~(page - 1), (bytes.count + page - 1) & ~(page - 1))
        let address = UnsafeMutableRawPointer(mutating: base + start)
        guard let mapped = mmap(address, end - start, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, descriptor, off_t(start)),
              mapped != MAP_FAILED else {
            throw KGError(file: path, kind: .unreadable, "cannot map snapshot: \(errnoText())")
        }
    }

    /// Makes the bytes `range` of the file readable in `bytes`: reads them from the file when reading on demand
    /// (again if asked again: the same bytes), nothing when the file is mapped.
    func load(_ range: Range<Int>) throws {
        guard descriptor >= 0, !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "load past the end of the snapshot")
        var done = range.lowerBound
        while done < range.upperBound {
            let n = pread(descriptor, UnsafeMutableRawPointer(mutating: bytes.baseAddress! + done), range.upperBound - done, off_t(done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw KGError(file: path, kind: n == 0 ? .snapshotDamaged : .unreadable,
                              n == 0 ? "snapshot ended at byte \(done) while being read (was it truncated in place?)" : "cannot read snapshot: \(errnoText())")
            }
            done += n
        }
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        if descriptor >= 0 { close(descriptor) }
    }
}
