#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only array of fixed-width little-endian values: either built in memory, or a section of a mapped
/// snapshot used in place (no copy; the mapping stays alive as long as a column uses it).
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// Keeps `buffer` alive: a `ColumnStorage` or a `SnapshotMapping`.
    private let owner: AnyObject?
    private let buffer: UnsafeBufferPointer<Element>

    /// A column holding a copy of `array`.
    init(_ array: [Element]) {
        let storage = ColumnStorage(array)
        owner = storage
        buffer = storage.buffer
    }

    /// A column reading `buffer` in place, kept valid by `owner`.
    init(inPlace buffer: UnsafeBufferPointer<Element>, owner: AnyObject) {
        self.owner = owner
        self.buffer = buffer
    }

    init() { self.init([]) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.count }

    @inline(__always)
    public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < buffer.count, "column index out of range")
        return buffer[i]
    }

    /// Calls `body` with the column's elements (valid only inside `body`).
    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(buffer) }
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeRawBufferPointer(buffer)) }
    }

    /// Whether the column reads a mapped snapshot in place.
    var isInPlace: Bool { owner is SnapshotMapping }
}

extension Column: Equatable {
    public static func == (a: Column, b: Column) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}

/// Memory owned by a column built in memory.
final class ColumnStorage<Element: BitwiseCopyable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>

    init(_ array: [Element]) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = memory.initialize(from: array)
        buffer = UnsafeBufferPointer(memory)
    }

    deinit { buffer.deallocate() }
}
