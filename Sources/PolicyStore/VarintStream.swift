/// A growing byte stream of LEB128 varints (7 bits a byte, low bits first, the high bit set on every byte but the
/// last) and raw bytes: the encoding of the version-6 contributions section.
struct VarintWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always)
    mutating func unsigned(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value))) }

    /// A signed value, zigzag-encoded (0, −1, 1, −2, … → 0, 1, 2, 3, …) so that small magnitudes take one byte.
    @inline(__always)
    mutating func signed(_ value: Int64) { unsigned((UInt64(bitPattern: value) << 1) ^ UInt64(bitPattern: value >> 63)) }

    @inline(__always)
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func raw(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    /// Eight bytes, little-endian.
    mutating func fixed64(_ value: UInt64) { appendLE(value, to: &bytes) }
}

/// Reads what a `VarintWriter` wrote, checking every read against the end: a truncated or overlong value throws
/// `VarintReader.Malformed` instead of reading past the bytes.
struct VarintReader {
    struct Malformed: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }
    var remaining: Int { bytes.count - position }

    @inline(__always)
    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let b = bytes[position]
            position += 1
            // The tenth byte may carry only the top bit of a 64-bit value.
            guard shift < 63 || b <= 1 else { throw Malformed() }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    /// An unsigned value that must be at most `limit` (a count or an index).
    @inline(__always)
    mutating func count(atMost limit: Int) throws -> Int {
        let v = try unsigned()
        guard v <= UInt64(max(limit, 0)) else { throw Malformed() }
        return Int(v)
    }

    @inline(__always)
    mutating func signed() throws -> Int64 {
        let v = try unsigned()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    @inline(__always)
    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw Malformed() }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next `count` bytes.
    mutating func raw(_ count: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard count >= 0, count <= remaining else { throw Malformed() }
        defer { position += count }
        return UnsafeBufferPointer(rebasing: bytes[position..<position + count])
    }

    mutating func fixed64() throws -> UInt64 {
        let b = try raw(8)
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[$1]) << (8 * UInt64($1)) }
    }
}
