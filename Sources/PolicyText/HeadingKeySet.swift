import PolicyCore

/// A set of heading keys (`DocumentSegmenter.headingKey`) with String equality, looked up by bytes: when every key
/// and the query are simple text (see `SimpleText`), two keys are equal exactly when their bytes are, so no
/// Unicode normalisation is needed for hashing. Other queries compare as Strings.
struct HeadingKeySet {
    private var keys: [String] = []
    /// The simple keys by `hash` of their bytes.
    private var simpleKeys: [Int: [[UInt8]]] = [:]
    private var allSimple = true

    init() {}

    init<S: Sequence>(_ keys: S) where S.Element == String {
        for key in keys { insert(key) }
    }

    var isEmpty: Bool { keys.isEmpty }

    mutating func insert(_ key: String) {
        var key = key
        let bytes = key.withUTF8 { b -> [UInt8]? in SimpleText.isSimple(b) ? Array(b) : nil }
        if let bytes {
            let h = Self.hash(bytes)
            if simpleKeys[h]?.contains(bytes) == true { return }
            simpleKeys[h, default: []].append(bytes)
        } else {
            allSimple = false
            if keys.contains(key) { return }
        }
        keys.append(key)
    }

    /// Adds every key of `other`.
    mutating func formUnion(_ other: HeadingKeySet) {
        for key in other.keys { insert(key) }
    }

    func contains(_ key: String) -> Bool {
        if allSimple {
            var key = key
            if let found = key.withUTF8({ b -> Bool? in
                guard SimpleText.isSimple(b) else { return nil }
                guard let candidates = simpleKeys[Self.hash(b)] else { return false }
                return candidates.contains { $0.elementsEqual(b) }
            }) {
                return found
            }
        }
        return keys.contains(key)
    }

    /// A hash of bytes (`ByteFold`).
    static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        let folded = bytes.withContiguousStorageIfAvailable(ByteFold.fold) ?? Array(bytes).withUnsafeBufferPointer(ByteFold.fold)
        return Int(truncatingIfNeeded: folded)
    }
}
