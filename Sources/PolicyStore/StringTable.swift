#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interned strings, frozen: all UTF-8 bytes in one block, string `i` spans `offsets[i]..<offsets[i+1]`.
/// Index 0 is always the empty string.
public struct StringTable: Sendable, Equatable {
    var bytes: Column<UInt8>
    var offsets: Column<UInt32>

    init(bytes: Column<UInt8>, offsets: Column<UInt32>) {
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Number of distinct strings.
    public var count: Int { offsets.count - 1 }

    /// The string with index `i`.
    @inline(__always)
    public subscript(_ i: Int32) -> String {
        let start = Int(offsets[Int(i)]), end = Int(offsets[Int(i) + 1])
        return bytes.withElements(start..<end) { String(decoding: $0, as: UTF8.self) }
    }

    /// Verifies the blocks holding string `i` (throws if one is damaged; for reads made while a snapshot is opened).
    func check(_ i: Int32) throws {
        let start = Int(try offsets.checked(Int(i))), end = Int(try offsets.checked(Int(i) + 1))
        guard let verifier = bytes.verifier, start < end else { return }
        for block in (start >> SectionVerifier.blockShift)...((end - 1) >> SectionVerifier.blockShift) { try verifier.verify(block: block) }
    }

    /// Calls `body` with the UTF-8 bytes of string `i`.
    @inline(__always)
    func withBytes<R>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = Int(offsets[Int(i)]), end = Int(offsets[Int(i) + 1])
        return try bytes.withElements(start..<end, body)
    }

    /// Three-way byte comparison of string `i` against `other`.
    @inline(__always)
    func compare(_ i: Int32, _ other: UnsafeBufferPointer<UInt8>) -> Int {
        withBytes(i) { compareBytes($0, other) }
    }

    /// Whether string `i` starts with `prefix`.
    func hasPrefix(_ i: Int32, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        withBytes(i) { s in
            guard s.count >= prefix.count else { return false }
            for k in 0..<prefix.count where s[k] != prefix[k] { return false }
            return true
        }
    }
}

/// Lexicographic three-way comparison of byte buffers (negative, zero, positive).
@inline(__always)
func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = min(a.count, b.count)
    var k = 0
    while k < n {
        let x = a[k], y = b[k]
        if x != y { return x < y ? -1 : 1 }
        k += 1
    }
    return a.count - b.count
}

/// Assigns each distinct string a dense index while a graph is being built. Strings are compared and hashed
/// as UTF-8 bytes (open addressing over the byte pool), which avoids Swift's Unicode-normalising String hashing.
struct StringInterner {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [UInt32] = [0, 0]
    private var hashes: [UInt64] = [0]
    /// Open-addressing table of string indices (-1 empty); power-of-two size, at most half full.
    private var slots: [Int32] = [Int32](repeating: -1, count: 1024)

    init() {}

    /// An interner holding exactly the strings of `table`, with the same indices.
    init(table: StringTable) {
        bytes = Array(table.bytes)
        offsets = Array(table.offsets)
        hashes = [UInt64](repeating: 0, count: table.count)
        var size = 1024
        while size < table.count * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        bytes.withUnsafeBufferPointer { pool in
            for i in 1..<max(1, table.count) {
                let h = Self.hash(UnsafeBufferPointer(rebasing: pool[Int(offsets[i])..<Int(offsets[i + 1])]))
                hashes[i] = h
                var slot = Int(truncatingIfNeeded: h) & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(i)
            }
        }
    }

    var count: Int { offsets.count - 1 }

    /// The index of `s`, adding it if new.
    mutating func intern(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { intern(bytes: $0) }
    }

    /// The index of the string with these UTF-8 bytes, adding it if new.
    mutating func intern(bytes key: UnsafeBufferPointer<UInt8>) -> Int32 {
        if key.isEmpty { return 0 }
        let h = Self.hash(key)
        var slot = Int(truncatingIfNeeded: h) & (slots.count - 1)
        while true {
            let candidate = slots[slot]
            if candidate < 0 { break }
            if hashes[Int(candidate)] == h && equals(candidate, key) { return candidate }
            slot = (slot + 1) & (slots.count - 1)
        }
        let index = Int32(count)
        bytes.append(contentsOf: key)
        offsets.append(UInt32(bytes.count))
        hashes.append(h)
        slots[slot] = index
        if count * 2 > slots.count { grow() }
        return index
    }

    /// The index of `s` if interned.
    func lookup(_ s: String) -> Int32? {
        var s = s
        return s.withUTF8 { key -> Int32? in
            if key.isEmpty { return 0 }
            let h = Self.hash(key)
            var slot = Int(truncatingIfNeeded: h) & (slots.count - 1)
            while true {
                let candidate = slots[slot]
                if candidate < 0 { return nil }
                if hashes[Int(candidate)] == h && equals(candidate, key) { return candidate }
                slot = (slot + 1) & (slots.count - 1)
            }
        }
    }

    func string(_ i: Int32) -> String {
        let start = Int(offsets[Int(i)]), end = Int(offsets[Int(i) + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    func freeze() -> StringTable { StringTable(bytes: Column(bytes), offsets: Column(offsets)) }

    private func equals(_ i: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[Int(i)]), end = Int(offsets[Int(i) + 1])
        guard end - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { pool in
            memcmp(pool.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: -1, count: size)
        for i in 1..<count {
            var slot = Int(truncatingIfNeeded: hashes[i]) & (size - 1)
            while fresh[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            fresh[slot] = Int32(i)
        }
        slots = fresh
    }

    /// A fast 64-bit hash of bytes: 8 bytes per step (multiply, rotate), then a MurmurHash3 finaliser so that
    /// the low bits used for slots depend on every input byte.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(key.count)
        let raw = UnsafeRawBufferPointer(key)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h = (h << 27) | (h >> 37)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count { tail |= UInt64(key[i]) << shift; shift += 8; i += 1 }
        h ^= tail
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
