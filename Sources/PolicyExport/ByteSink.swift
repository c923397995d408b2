#if canImport(Glibc)
import Glibc
#endif
import PolicyCore

/// A buffered writer of UTF-8 bytes to a file descriptor, for the text formats that do not go through libxml2
/// (Turtle, N-Triples, N-Quads, CSV, JSONL, DOT). Output is streamed in 256 KiB chunks from a raw buffer (no
/// array bookkeeping or exclusivity checks on the hot path).
public final class ByteSink {
    private let fd: Int32
    private let path: String
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var used = 0
    @exclusivity(unchecked) private var flushed = 0

    /// Bytes written so far (handed to the file plus buffered).
    public var bytesWritten: Int { flushed + used }

    /// `path` only names the destination in errors.
    public init(fileDescriptor: Int32, path: String, capacity: Int = 1 << 18) {
        self.fd = fileDescriptor
        self.path = path
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    @inline(__always)
    public func write(_ s: String) throws {
        if let done = try s.utf8.withContiguousStorageIfAvailable({ try write(bytes: $0) }) { return done }
        var copy = s
        try copy.withUTF8 { try write(bytes: $0) }
    }

    @inline(__always)
    public func write(_ s: StaticString) throws {
        try write(bytes: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always)
    public func write(byte: UInt8) throws {
        if used == capacity { try drain() }
        buffer[used] = byte
        used &+= 1
    }

    @inline(__always)
    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        let n = bytes.count
        guard n > 0 else { return }
        if used &+ n > capacity {
            try drain()
            if n > capacity {
                try writeAll(UnsafeRawPointer(bytes.baseAddress!), n)
                flushed += n
                return
            }
        }
        (buffer + used).update(from: bytes.baseAddress!, count: n)
        used &+= n
    }

    /// Decimal integer.
    @inline(__always)
    public func write(int value: Int) throws {
        if used &+ 21 > capacity { try drain() }
        var v = value.magnitude
        var digits = 0
        var probe = v
        repeat { digits &+= 1; probe /= 10 } while probe != 0
        var i = used &+ digits &+ (value < 0 ? 1 : 0)
        let end = i
        repeat {
            i &-= 1
            buffer[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
            v /= 10
        } while v != 0
        if value < 0 { buffer[used] = 0x2D }
        used = end
    }

    /// Writes the buffered bytes to the file descriptor.
    public func flush() throws { try drain() }

    private func drain() throws {
        guard used > 0 else { return }
        try writeAll(UnsafeRawPointer(buffer), used)
        flushed += used
        used = 0
    }

    private func writeAll(_ bytes: UnsafeRawPointer, _ count: Int) throws {
        var offset = 0
        while offset < count {
            let n = Glibc.write(fd, bytes + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw KGError(file: path, "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }
}
