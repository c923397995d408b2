#if canImport(Glibc)
import Glibc
#endif
import PolicyCore

/// A buffered writer of UTF-8 bytes to a file descriptor, for the text formats that do not go through libxml2
/// (Turtle, N-Triples, N-Quads, CSV, JSONL, DOT). Output is streamed in 256 KiB chunks.
public final class ByteSink {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let path: String
    /// Bytes handed to the file so far plus those buffered.
    public private(set) var bytesWritten: Int = 0

    /// `path` only names the destination in errors.
    public init(fileDescriptor: Int32, path: String, capacity: Int = 1 << 18) {
        self.fd = fileDescriptor
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity + 4096)
    }

    @inline(__always)
    public func write(_ s: String) throws {
        var s = s
        try s.withUTF8 { try write(bytes: $0) }
    }

    @inline(__always)
    public func write(_ s: StaticString) throws {
        try write(bytes: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always)
    public func write(byte: UInt8) throws {
        buffer.append(byte)
        bytesWritten &+= 1
        if buffer.count >= capacity { try drain() }
    }

    @inline(__always)
    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        bytesWritten &+= bytes.count
        if buffer.count >= capacity { try drain() }
    }

    /// Decimal integer.
    @inline(__always)
    public func write(int value: Int) throws {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        try withUnsafeMutableBytes(of: &digits) { raw in
            var v = value.magnitude
            var i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
            } while v != 0
            if value < 0 { i -= 1; raw[i] = 0x2D }
            try write(bytes: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[i...]))
        }
    }

    /// Writes the buffered bytes to the file descriptor.
    public func flush() throws { try drain() }

    private func drain() throws {
        var offset = 0
        try buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw KGError(file: path, "cannot write: \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
