/// Interned strings, frozen: all UTF-8 bytes in one block, string `i` spans `offsets[i]..<offsets[i+1]`.
/// Index 0 is always the empty string.
public struct StringTable: Sendable, Equatable {
    var bytes: [UInt8]
    var offsets: [UInt32]

    init(bytes: [UInt8], offsets: [UInt32]) {
        self.bytes = bytes
        self.offsets = offsets
    }

    /// Number of distinct strings.
    public var count: Int { offsets.count - 1 }

    /// The string with index `i`.
    @inline(__always)
    public subscript(_ i: Int32) -> String {
        let start = Int(offsets[Int(i)]), end = Int(offsets[Int(i) + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of string `i`.
    @inline(__always)
    func withBytes<R>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = Int(offsets[Int(i)]), end = Int(offsets[Int(i) + 1])
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
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

/// Assigns each distinct string a dense index while a graph is being built.
struct StringInterner {
    private var index: [String: Int32] = ["": 0]
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [UInt32] = [0, 0]

    /// The index of `s`, adding it if new.
    mutating func intern(_ s: String) -> Int32 {
        if let i = index[s] { return i }
        let i = Int32(offsets.count - 1)
        index[s] = i
        bytes.append(contentsOf: s.utf8)
        offsets.append(UInt32(bytes.count))
        return i
    }

    /// The index of `s` if interned.
    func lookup(_ s: String) -> Int32? { index[s] }

    func string(_ i: Int32) -> String {
        let start = Int(offsets[Int(i)]), end = Int(offsets[Int(i) + 1])
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func freeze() -> StringTable { StringTable(bytes: bytes, offsets: offsets) }
}
