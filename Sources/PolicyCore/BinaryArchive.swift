/// A compact little-endian binary encoding for data compiled once and read back often (the compiled ontology):
/// integers at their width, strings and arrays with a 32-bit count, optionals with a presence byte, and arrays of
/// fixed-width integers copied as one block. Not self-describing: a reader reads exactly what its writer wrote,
/// and a format change needs a new version in whatever keys the archive.
public struct ArchiveWriter: Sendable {
    /// The archive written so far.
    public var bytes: [UInt8] = []

    public init() {}

    /// Appends `value` in little-endian order.
    @inlinable
    public mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    public mutating func write(_ value: Double) { write(value.bitPattern) }

    /// The string's UTF-8 bytes after their count.
    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// An array of fixed-width integers as one block after its count.
    @inlinable
    public mutating func write<T: FixedWidthInteger>(block values: [T]) {
        write(UInt32(values.count))
        if T(1).littleEndian == 1 {
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        } else {
            for value in values { write(value) }
        }
    }

    /// Any encodable values after their count.
    @inlinable
    public mutating func write<T: BinaryArchivable>(_ values: [T]) {
        write(UInt32(values.count))
        for value in values { value.archive(into: &self) }
    }

    /// A presence byte, then the value.
    @inlinable
    public mutating func write<T: BinaryArchivable>(_ value: T?) {
        write(value != nil)
        value?.archive(into: &self)
    }

    @inlinable
    public mutating func write<T: BinaryArchivable>(_ value: T) { value.archive(into: &self) }
}

/// Reads what an `ArchiveWriter` wrote, checking every count against the bytes left: a truncated or damaged
/// archive throws `ArchiveReader.Damaged` instead of reading past its end.
public struct ArchiveReader {
    /// The archive ends before, or holds a value no writer writes (a flag other than 0 or 1, a count too large).
    public struct Damaged: Error, Sendable {
        public init() {}
    }

    @usableFromInline let bytes: UnsafeRawBufferPointer
    public private(set) var offset = 0

    /// Reads `bytes`, which must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var isAtEnd: Bool { offset == bytes.count }

    @usableFromInline @inline(__always) mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    @inlinable
    public mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        T(littleEndian: try take(MemoryLayout<T>.size).loadUnaligned(as: T.self))
    }

    public mutating func read(_: Bool.Type = Bool.self) throws -> Bool {
        switch try read(UInt8.self) {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    public mutating func read(_: Double.Type = Double.self) throws -> Double { Double(bitPattern: try read(UInt64.self)) }

    public mutating func read(_: String.Type = String.self) throws -> String {
        let count = Int(try read(UInt32.self))
        // (Decoding, not validating: the generic validating initialiser is not specialised for raw buffers and
        // cost a type-metadata lookup per string at start-up. Every reader of archives checks their checksum first.)
        return String(decoding: try take(count).assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }

    /// A block of fixed-width integers written by `write(block:)`.
    @inlinable
    public mutating func readBlock<T: FixedWidthInteger>(_: T.Type = T.self) throws -> [T] {
        let count = Int(try read(UInt32.self))
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow else { throw Damaged() }
        let block = try take(byteCount)
        var values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: block)
            initialized = count
        }
        if T(1).littleEndian != 1 { for i in values.indices { values[i] = T(littleEndian: values[i]) } }
        return values
    }

    @inlinable
    public mutating func read<T: BinaryArchivable>(_: [T].Type = [T].self) throws -> [T] {
        let count = Int(try read(UInt32.self))
        guard count <= bytes.count - offset else { throw Damaged() }  // every value takes at least a byte
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    @inlinable
    public mutating func read<T: BinaryArchivable>(_: T?.Type = T?.self) throws -> T? {
        try read(Bool.self) ? try T(from: &self) : nil
    }

    @inlinable
    public mutating func read<T: BinaryArchivable>(_: T.Type = T.self) throws -> T { try T(from: &self) }
}

/// A value an `ArchiveWriter` writes and an `ArchiveReader` reads back equal.
public protocol BinaryArchivable {
    func archive(into writer: inout ArchiveWriter)
    init(from reader: inout ArchiveReader) throws
}

extension String: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) { writer.write(self) }
    public init(from reader: inout ArchiveReader) throws { self = try reader.read(String.self) }
}

extension Array: BinaryArchivable where Element: BinaryArchivable {
    public func archive(into writer: inout ArchiveWriter) { writer.write(self) }
    public init(from reader: inout ArchiveReader) throws { self = try reader.read([Element].self) }
}

extension BinaryArchivable where Self: RawRepresentable, RawValue == String {
    /// A string-valued enum is written as its raw value.
    public func archive(into writer: inout ArchiveWriter) { writer.write(rawValue) }
    public init(from reader: inout ArchiveReader) throws {
        guard let value = Self(rawValue: try reader.read(String.self)) else { throw ArchiveReader.Damaged() }
        self = value
    }
}
