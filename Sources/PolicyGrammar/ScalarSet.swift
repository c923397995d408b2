/// A small set of Unicode scalars tested without hashing: a 1024-bit filter on the low ten bits of the value,
/// then a binary search among the members for the few values that pass it. Written as the characters themselves
/// (`ScalarSet("。！？")`), so a rule's punctuation reads as punctuation.
public struct ScalarSet: Sendable {
    @usableFromInline let filter: [UInt64]
    @usableFromInline let members: [UInt32]

    /// The scalars of `characters`.
    public init(_ characters: String) {
        self.init(characters.unicodeScalars)
    }

    /// The scalars of `scalars`.
    public init(_ scalars: some Sequence<Unicode.Scalar>) {
        members = Array(Set(scalars.map(\.value))).sorted()
        var filter = [UInt64](repeating: 0, count: 16)
        for v in members { filter[Int((v & 1023) >> 6)] |= 1 << UInt64(v & 63) }
        self.filter = filter
    }

    @inlinable @inline(__always)
    public func contains(_ v: UInt32) -> Bool {
        guard filter[Int((v & 1023) >> 6)] & (1 << UInt64(v & 63)) != 0 else { return false }
        var lo = 0, hi = members.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if members[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < members.count && members[lo] == v
    }
}
