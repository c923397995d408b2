/// A set of heading keys (`DocumentSegmenter.headingKey`) with String equality, looked up by bytes: when every key
/// and the query are simple text (see `SimpleText`), two keys are equal exactly when their bytes are, so no
/// Unicode normalisation is needed for hashing. Other queries compare as Strings.
struct HeadingKeySet {
    private var keys: [String] = []
    private var simpleKeys: Set<[UInt8]> = []
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
            if !simpleKeys.insert(bytes).inserted { return }
        } else {
            allSimple = false
            if keys.contains(key) { return }
        }
        keys.append(key)
    }

    func contains(_ key: String) -> Bool {
        if allSimple {
            var key = key
            if let bytes = key.withUTF8({ b -> [UInt8]? in SimpleText.isSimple(b) ? Array(b) : nil }) {
                return simpleKeys.contains(bytes)
            }
        }
        return keys.contains(key)
    }
}
