#if canImport(Glibc)
import Glibc
#endif
import PolicyCore

/// An output file opened for streaming, or standard output. Files are written under a temporary name in the same
/// directory and renamed into place on `commit()`, so an interrupted export never leaves a half-written file
/// under the requested name.
public final class ExportDestination {
    /// The file descriptor to write to.
    public let fileDescriptor: Int32
    /// The requested path (or "-" for standard output).
    public let path: String
    private let temporaryPath: String?
    private var finished = false
    private var ownsDescriptor = false

    /// Opens `path` for writing; "-" means standard output.
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            fileDescriptor = 1
            temporaryPath = nil
            return
        }
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR {
            // A device or pipe (/dev/null, a FIFO): write to it directly.
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            if fd < 0 { throw KGError(file: path, "cannot open: \(String(cString: strerror(errno)))") }
            fileDescriptor = fd
            temporaryPath = nil
            ownsDescriptor = true
            return
        }
        let temp = path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw KGError(file: path, "cannot create: \(String(cString: strerror(errno)))") }
        fileDescriptor = fd
        temporaryPath = temp
    }

    /// Closes the file and moves it to its final name.
    public func commit() throws {
        guard !finished else { return }
        finished = true
        guard let temp = temporaryPath else {
            if ownsDescriptor { close(fileDescriptor) }
            return
        }
        if close(fileDescriptor) != 0 { throw KGError(file: path, "cannot close: \(String(cString: strerror(errno)))") }
        if rename(temp, path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temp)
            throw KGError(file: path, "cannot rename the finished export into place: \(message)")
        }
    }

    deinit {
        if !finished && ownsDescriptor { close(fileDescriptor) }
        if !finished, let temp = temporaryPath {
            close(fileDescriptor)
            unlink(temp)
        }
    }
}
