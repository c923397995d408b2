/// A closed vocabulary — body heads, commitment verbs, units, genre words — matched longest word first.
///
/// Words are grouped by their first scalar, so a position whose scalar begins no word is rejected with one
/// set test (a bit filter, no hashing) before any dictionary look-up. A word may carry a value (a unit's kind, a
/// verb's comparator) that rules read back with `value(of:)` after a match.
public struct WordSet<Value: Sendable>: Sendable {
    /// The words as scalars, grouped for look-ups (the matching half, free of `Value`).
    let index: WordIndex
    /// The value of each word of `index`, by position.
    private let values: [Value]
    /// Every word and its value, in the order given.
    public let entries: [(word: String, value: Value)]

    /// A set of words with their values; a word listed twice (the same scalars) keeps its first value.
    public init(_ entries: [(String, Value)]) {
        // (Words are compared by their scalars: hashing them as Strings would normalise each one first.)
        var seen = Set<[Unicode.Scalar]>()
        var kept: [(word: String, value: Value)] = []
        var words: [[Unicode.Scalar]] = []
        for (word, value) in entries {
            let scalars = Array(word.unicodeScalars)
            guard !scalars.isEmpty, seen.insert(scalars).inserted else { continue }
            kept.append((word, value))
            words.append(scalars)
        }
        self.entries = kept
        values = kept.map(\.value)
        index = WordIndex(words)
    }

    /// The scalars that begin some word.
    public var firstScalars: Set<Unicode.Scalar> { index.firstScalars }

    /// Whether some word begins with `s`.
    @inline(__always)
    public func mayStart(with s: Unicode.Scalar) -> Bool { index.mayStart(with: s) }

    /// The words (longest first) that occur in `text` at `i` without running past `end`, as (end, value).
    public func matches(in text: [Unicode.Scalar], at i: Int, end: Int) -> [(end: Int, value: Value)] {
        var found: [(end: Int, value: Value)] = []
        _ = index.forEachWord(in: text, at: i, end: end) { word, wordEnd in
            found.append((wordEnd, values[word]))
            return false
        }
        return found
    }

    /// Calls `body` with the end of each word at `i` (longest first) until it returns true; returns whether it did.
    /// Allocation-free: the form the matcher uses.
    @inline(__always)
    public func forEachEnd(in text: [Unicode.Scalar], at i: Int, end: Int, _ body: (Int) -> Bool) -> Bool {
        index.forEachWord(in: text, at: i, end: end) { _, wordEnd in body(wordEnd) }
    }

    /// The longest word at `i`, if any.
    public func longestMatch(in text: [Unicode.Scalar], at i: Int, end: Int) -> (end: Int, value: Value)? {
        var longest: (end: Int, value: Value)?
        _ = index.forEachWord(in: text, at: i, end: end) { word, wordEnd in
            longest = (wordEnd, values[word])
            return true
        }
        return longest
    }

    /// The value of the word that spans exactly `range` of `text`, if it is one of the words.
    public func value(of range: Range<Int>, in text: [Unicode.Scalar]) -> Value? {
        guard !range.isEmpty else { return nil }
        var exact: Value?
        _ = index.forEachWord(in: text, at: range.lowerBound, end: range.upperBound) { word, wordEnd in
            guard wordEnd == range.upperBound else { return false }
            exact = values[word]
            return true
        }
        return exact
    }

    /// The longest word that ends exactly at `end` (for suffix tests such as "does this name end in a head").
    public func longestMatch(in text: [Unicode.Scalar], endingAt end: Int, from start: Int = 0) -> (start: Int, value: Value)? {
        index.longestWord(in: text, endingAt: end, from: start).map { ($0.start, values[$0.word]) }
    }
}

extension WordSet where Value == Void {
    /// A set of words without values.
    public init(_ words: [String]) { self.init(words.map { ($0, ()) }) }
}

/// The words of a closed vocabulary as scalars, grouped by first and by last scalar, each group longest first: the
/// matching half of `WordSet`. It holds no value type, so the matcher runs its look-ups without generic copies.
struct WordIndex: Sendable {
    /// Every word, by position.
    private let words: [[Unicode.Scalar]]
    /// Positions in `words` by first scalar, each group longest first.
    private let byFirst: [Unicode.Scalar: [Int]]
    /// Positions in `words` by last scalar, each group longest first (for suffix tests).
    private let byLast: [Unicode.Scalar: [Int]]
    /// The keys of `byFirst` and `byLast`, tested before the look-up.
    private let firsts: ScalarSet
    private let lasts: ScalarSet

    /// The index of `words` (none empty, none twice).
    init(_ words: [[Unicode.Scalar]]) {
        self.words = words
        var first: [Unicode.Scalar: [Int]] = [:]
        var last = first
        for (k, word) in words.enumerated() {
            first[word[0], default: []].append(k)
            last[word[word.count - 1], default: []].append(k)
        }
        for key in first.keys { first[key]!.sort { words[$0].count > words[$1].count } }
        for key in last.keys { last[key]!.sort { words[$0].count > words[$1].count } }
        byFirst = first
        byLast = last
        firsts = ScalarSet(first.keys)
        lasts = ScalarSet(last.keys)
    }

    /// The scalars that begin some word.
    var firstScalars: Set<Unicode.Scalar> { Set(byFirst.keys) }

    @inline(__always)
    func mayStart(with s: Unicode.Scalar) -> Bool { firsts.contains(s.value) }

    /// Calls `body` with the position and end of each word at `i` that ends at or before `end` (longest first) until
    /// it returns true; returns whether it did.
    @inline(__always)
    func forEachWord(in text: [Unicode.Scalar], at i: Int, end: Int, _ body: (Int, Int) -> Bool) -> Bool {
        guard i < end, firsts.contains(text[i].value), let group = byFirst[text[i]] else { return false }
        for k in group {
            let word = words[k]
            if i + word.count <= end && Self.occurs(word, in: text, at: i), body(k, i + word.count) { return true }
        }
        return false
    }

    /// The position and start of the longest word that ends exactly at `end`, starting at or after `start`.
    func longestWord(in text: [Unicode.Scalar], endingAt end: Int, from start: Int) -> (word: Int, start: Int)? {
        guard end > start, end <= text.count, lasts.contains(text[end - 1].value), let group = byLast[text[end - 1]] else { return nil }
        for k in group {
            let word = words[k]
            if end - word.count >= start && Self.occurs(word, in: text, at: end - word.count) { return (k, end - word.count) }
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
