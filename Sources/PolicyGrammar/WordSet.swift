/// A closed vocabulary — body heads, commitment verbs, units, genre words — matched longest word first.
///
/// Words are grouped by their first scalar, so a position whose scalar begins no word is rejected with one
/// dictionary look-up. A word may carry a value (a unit's kind, a verb's comparator) that rules read back with
/// `value(of:)` after a match.
public struct WordSet<Value: Sendable>: Sendable {
    /// Words by first scalar, each group longest first.
    private let byFirst: [Unicode.Scalar: [(word: [Unicode.Scalar], value: Value)]]
    /// Words by last scalar, each group longest first (for suffix tests).
    private let byLast: [Unicode.Scalar: [(word: [Unicode.Scalar], value: Value)]]
    /// Every word and its value, in the order given.
    public let entries: [(word: String, value: Value)]

    /// A set of words with their values; a word listed twice (the same scalars) keeps its first value.
    public init(_ entries: [(String, Value)]) {
        // (Words are compared by their scalars: hashing them as Strings would normalise each one first.)
        var seen = Set<[Unicode.Scalar]>()
        var kept: [(word: String, value: Value)] = []
        var first: [Unicode.Scalar: [(word: [Unicode.Scalar], value: Value)]] = [:]
        var last = first
        for (word, value) in entries {
            let scalars = Array(word.unicodeScalars)
            guard !scalars.isEmpty, seen.insert(scalars).inserted else { continue }
            kept.append((word, value))
            first[scalars[0], default: []].append((scalars, value))
            last[scalars[scalars.count - 1], default: []].append((scalars, value))
        }
        self.entries = kept
        for key in first.keys { first[key]!.sort { $0.word.count > $1.word.count } }
        for key in last.keys { last[key]!.sort { $0.word.count > $1.word.count } }
        byFirst = first
        byLast = last
    }

    /// The scalars that begin some word.
    public var firstScalars: Set<Unicode.Scalar> { Set(byFirst.keys) }

    /// Whether some word begins with `s`.
    @inline(__always)
    public func mayStart(with s: Unicode.Scalar) -> Bool { byFirst[s] != nil }

    /// The words (longest first) that occur in `text` at `i` without running past `end`, as (end, value).
    public func matches(in text: [Unicode.Scalar], at i: Int, end: Int) -> [(end: Int, value: Value)] {
        guard i < end, let group = byFirst[text[i]] else { return [] }
        var found: [(end: Int, value: Value)] = []
        for (word, value) in group where i + word.count <= end && Self.occurs(word, in: text, at: i) {
            found.append((i + word.count, value))
        }
        return found
    }

    /// Calls `body` with the end of each word at `i` (longest first) until it returns true; returns whether it did.
    /// Allocation-free: the form the matcher uses.
    @inline(__always)
    public func forEachEnd(in text: [Unicode.Scalar], at i: Int, end: Int, _ body: (Int) -> Bool) -> Bool {
        guard i < end, let group = byFirst[text[i]] else { return false }
        for (word, _) in group where i + word.count <= end && Self.occurs(word, in: text, at: i) {
            if body(i + word.count) { return true }
        }
        return false
    }

    /// The longest word at `i`, if any.
    public func longestMatch(in text: [Unicode.Scalar], at i: Int, end: Int) -> (end: Int, value: Value)? {
        guard i < end, let group = byFirst[text[i]] else { return nil }
        for (word, value) in group where i + word.count <= end && Self.occurs(word, in: text, at: i) {
            return (i + word.count, value)
        }
        return nil
    }

    /// The value of the word that spans exactly `range` of `text`, if it is one of the words.
    public func value(of range: Range<Int>, in text: [Unicode.Scalar]) -> Value? {
        guard !range.isEmpty, let group = byFirst[text[range.lowerBound]] else { return nil }
        for (word, value) in group where word.count == range.count && Self.occurs(word, in: text, at: range.lowerBound) {
            return value
        }
        return nil
    }

    /// The longest word that ends exactly at `end` (for suffix tests such as "does this name end in a head").
    public func longestMatch(in text: [Unicode.Scalar], endingAt end: Int, from start: Int = 0) -> (start: Int, value: Value)? {
        guard end > start, end <= text.count, let group = byLast[text[end - 1]] else { return nil }
        for (word, value) in group where end - word.count >= start && Self.occurs(word, in: text, at: end - word.count) {
            return (end - word.count, value)
        }
        return nil
    }

    @inline(__always)
    private static func occurs(_ word: [Unicode.Scalar], in text: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= text.count else { return false }
        for k in 0..<word.count where text[i + k] != word[k] { return false }
        return true
    }
}

extension WordSet where Value == Void {
    /// A set of words without values.
    public init(_ words: [String]) { self.init(words.map { ($0, ()) }) }
}
