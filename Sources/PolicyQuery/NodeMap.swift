/// A small open-addressing map from node index to Int32 (e.g. the edge a search reached it by), sized to what a
/// search touches rather than to the graph. Keys are non-negative.
struct NodeMap {
    private var keys: [Int32]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init(expected: Int = 32) {
        var size = 64, bits: UInt64 = 6
        while size < expected * 2 { size <<= 1; bits += 1 }
        keys = [Int32](repeating: -1, count: size)
        values = [Int32](repeating: 0, count: size)
        shift = 64 - bits
    }

    @inline(__always)
    private func slot(_ key: Int32) -> Int { Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inline(__always)
    func value(_ key: Int32) -> Int32? {
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k < 0 { return nil }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    func contains(_ key: Int32) -> Bool { value(key) != nil }

    /// Inserts or replaces.
    @inline(__always)
    mutating func set(_ key: Int32, _ value: Int32) {
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { values[i] = value; return }
            if k < 0 { break }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [Int32](repeating: -1, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k >= 0 { set(k, oldValues[i]) }
    }
}
