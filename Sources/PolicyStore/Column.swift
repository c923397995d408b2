#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only array of fixed-width little-endian values: either built in memory, or a section of a mapped
/// snapshot used in place (no copy; the mapping stays alive as long as a column uses it).
///
/// A section of a version-5 snapshot opened for a query may be verified block by block (`verifier`): an element
/// read checks its block first (once per block), and a whole-buffer access checks the whole section first.
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// Keeps `buffer` alive: a `ColumnStorage` or a `SnapshotMapping`.
    private let owner: AnyObject?
    private let buffer: UnsafeBufferPointer<Element>
    /// Checks the blocks of a lazily verified section before they are read; nil: the column was verified whole
    /// (or built in memory).
    let verifier: SectionVerifier?

    /// A column holding a copy of `array`.
    init(_ array: [Element]) {
        let storage = ColumnStorage(array)
        owner = storage
        buffer = storage.buffer
        verifier = nil
    }

    /// A column reading `buffer` in place, kept valid by `owner`.
    init(inPlace buffer: UnsafeBufferPointer<Element>, owner: AnyObject, verifier: SectionVerifier? = nil) {
        self.owner = owner
        self.buffer = buffer
        self.verifier = verifier
    }

    init() { self.init([]) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer.count }

    @inline(__always)
    public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < buffer.count, "column index out of range")
        if let verifier { verifier.ensure(byteOffset: i &* MemoryLayout<Element>.stride) }
        return buffer[i]
    }

    /// Element `i` after verifying its block: a damaged block throws instead of being reported (for reads made while
    /// a snapshot is opened, which can fail).
    func checked(_ i: Int) throws -> Element {
        precondition(i >= 0 && i < buffer.count, "column index out of range")
        try verifier?.verify(block: (i &* MemoryLayout<Element>.stride) >> SectionVerifier.blockShift)
        return buffer[i]
    }

    /// Calls `body` with the column's elements (valid only inside `body`); a lazily verified column is verified
    /// whole first.
    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        verifier?.ensureAll()
        return try withExtendedLifetime(owner) { try body(buffer) }
    }

    /// Calls `body` with the elements `range` (valid only inside `body`), verifying only the blocks holding them.
    @inline(__always)
    func withElements<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "column range out of range")
        if let verifier {
            let stride = MemoryLayout<Element>.stride
            verifier.ensure(bytes: range.lowerBound &* stride..<range.upperBound &* stride)
        }
        return try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(rebasing: buffer[range])) }
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        verifier?.ensureAll()
        return try withExtendedLifetime(owner) { try body(UnsafeRawBufferPointer(buffer)) }
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
