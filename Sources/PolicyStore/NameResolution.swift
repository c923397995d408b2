/// The outcome of looking a user-typed name up in a graph.
public enum NameResolution: Sendable, Equatable {
    /// Exactly one node matches.
    case found(Int)
    /// Several nodes match equally well (ascending node indices).
    case ambiguous([Int])
    case notFound
}

extension Graph {
    /// Resolves a name the user typed: an exact node id, then a canonical name or alias (normalised with
    /// `normalizedNameKey`), then a unique prefix of one. Several equally good matches → `.ambiguous`.
    public func resolve(_ name: String) -> NameResolution {
        if let n = node(withID: name) { return .found(n) }
        var key = normalizedNameKey(name)
        if key.isEmpty { return .notFound }
        return key.withUTF8 { key -> NameResolution in
            let lower = lowerBound(key)
            var exact: [Int] = []
            var i = lower
            while i < nameKeys.count && strings.compare(nameKeys[i], key) == 0 {
                exact.append(Int(nameNodes[i]))
                i += 1
            }
            if let r = Self.resolution(exact) { return r }
            var prefixed: [Int] = []
            i = lower
            while i < nameKeys.count && strings.hasPrefix(nameKeys[i], key) {
                prefixed.append(Int(nameNodes[i]))
                i += 1
            }
            return Self.resolution(prefixed) ?? .notFound
        }
    }

    /// Every node one of whose names (normalised) starts with `prefix`, ascending.
    public func nodes(withNamePrefix prefix: String) -> [Int] {
        var key = normalizedNameKey(prefix)
        return key.withUTF8 { key in
            var out = Set<Int>()
            var i = lowerBound(key)
            while i < nameKeys.count && strings.hasPrefix(nameKeys[i], key) {
                out.insert(Int(nameNodes[i]))
                i += 1
            }
            return out.sorted()
        }
    }

    private static func resolution(_ candidates: [Int]) -> NameResolution? {
        let distinct = Array(Set(candidates)).sorted()
        switch distinct.count {
        case 0: return nil
        case 1: return .found(distinct[0])
        default: return .ambiguous(distinct)
        }
    }

    private func lowerBound(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var lo = 0, hi = nameKeys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if strings.compare(nameKeys[mid], key) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
