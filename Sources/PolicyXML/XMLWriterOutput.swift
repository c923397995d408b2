import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Where a file-descriptor `XMLWriter` sends libxml2's output: a 256 KiB buffer drained with write(2), so the
/// small chunks libxml2 flushes become few large system calls. Counts the bytes and keeps the first error.
final class XMLWriterOutput {
    let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    @exclusivity(unchecked) private var used = 0
    @exclusivity(unchecked) private(set) var bytesWritten = 0
    private(set) var errorNumber: Int32 = 0

    init(fd: Int32, capacity: Int = 1 << 18) {
        self.fd = fd
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    func append(_ bytes: UnsafeRawPointer, _ count: Int) -> Bool {
        if used + count > capacity && !drain() { return false }
        if count >= capacity { return writeAll(bytes, count) }
        (buffer + used).update(from: bytes.assumingMemoryBound(to: UInt8.self), count: count)
        used += count
        bytesWritten += count
        return true
    }

    /// Writes the buffered bytes out.
    func drain() -> Bool {
        guard used > 0 else { return errorNumber == 0 }
        let ok = writeAll(UnsafeRawPointer(buffer), used, counted: false)
        used = 0
        return ok
    }

    private func writeAll(_ bytes: UnsafeRawPointer, _ count: Int, counted: Bool = true) -> Bool {
        var offset = 0
        while offset < count {
            let n = write(fd, bytes + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                errorNumber = errno
                return false
            }
            offset += n
        }
        if counted { bytesWritten += count }
        return true
    }

    /// An `xmlOutputBuffer` that writes through this object (which must outlive it).
    func makeOutputBuffer() -> xmlOutputBufferPtr? {
        let context = Unmanaged.passUnretained(self).toOpaque()
        return xmlOutputBufferCreateIO({ context, bytes, length in
            guard let context, let bytes else { return -1 }
            let output = Unmanaged<XMLWriterOutput>.fromOpaque(context).takeUnretainedValue()
            return output.append(bytes, Int(length)) ? length : -1
        }, { context in
            guard let context else { return -1 }
            return Unmanaged<XMLWriterOutput>.fromOpaque(context).takeUnretainedValue().drain() ? 0 : -1
        }, context, nil)
    }
}
