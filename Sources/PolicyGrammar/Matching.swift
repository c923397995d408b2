extension Pattern {
    /// The preferred match that starts exactly at `start` and ends at or before `end` (the text's end by default).
    public func prefixMatch(in text: [Unicode.Scalar], at start: Int, end: Int? = nil) -> GrammarMatch? {
        let limit = Swift.min(end ?? text.count, text.count)
        guard start >= 0, start <= limit, mayStart(in: text, at: start, limit: limit) else { return nil }
        return engineMatch(in: text, at: start, limit: limit)
    }

    /// `prefixMatch` without the first-scalar test: the matcher run at `start` (the reference the test is checked
    /// against).
    func engineMatch(in text: [Unicode.Scalar], at start: Int, limit: Int) -> GrammarMatch? {
        let engine = Engine(text: text, limit: limit)
        var result: GrammarMatch?
        _ = engine.run(node, at: start) { stop in
            result = GrammarMatch(range: start..<stop, captures: engine.captures.items)
            return true
        }
        return result
    }

    /// The longest match that starts exactly at `start` (every alternative is tried; the first of equal length wins).
    public func longestMatch(in text: [Unicode.Scalar], at start: Int, end: Int? = nil) -> GrammarMatch? {
        let limit = Swift.min(end ?? text.count, text.count)
        guard start >= 0, start <= limit, mayStart(in: text, at: start, limit: limit) else { return nil }
        let engine = Engine(text: text, limit: limit)
        var result: GrammarMatch?
        _ = engine.run(node, at: start) { stop in
            if stop > (result?.range.upperBound ?? -1) { result = GrammarMatch(range: start..<stop, captures: engine.captures.items) }
            return false
        }
        return result
    }

    /// False when no match can start at `start`: the pattern matches nothing empty and the scalar there (if any
    /// before `limit`) is none its first step accepts. One set test instead of a run of the matcher.
    @inline(__always)
    func mayStart(in text: [Unicode.Scalar], at start: Int, limit: Int) -> Bool {
        guard let required = requiredFirstScalar else { return true }
        return start < limit && required.contains(text[start].value)
    }

    /// The leftmost non-empty matches in `range`, not overlapping, each the preferred one at its start.
    public func matches(in text: [Unicode.Scalar], range: Range<Int>? = nil) -> [GrammarMatch] {
        let bounds = range ?? 0..<text.count
        let first = firstScalars
        var found: [GrammarMatch] = []
        var i = bounds.lowerBound
        while i < bounds.upperBound {
            if let first, !first.contains(text[i]) { i += 1; continue }
            if let m = prefixMatch(in: text, at: i, end: bounds.upperBound), !m.range.isEmpty {
                found.append(m)
                i = m.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// The first non-empty match in `range`.
    public func firstMatch(in text: [Unicode.Scalar], range: Range<Int>? = nil) -> GrammarMatch? {
        let bounds = range ?? 0..<text.count
        let first = firstScalars
        for i in bounds where first?.contains(text[i]) ?? true {
            if let m = prefixMatch(in: text, at: i, end: bounds.upperBound), !m.range.isEmpty { return m }
        }
        return nil
    }

    /// Convenience for tests and tools: the matched substrings of `text`.
    public func matchedStrings(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return matches(in: scalars).map { scalars.string($0.range) }
    }

    /// The scalars a non-empty match can start with, when the pattern's first step is a word list, a literal or a
    /// listed class; nil when any scalar may start one. Scans use it to skip positions with one set test.
    public var firstScalars: Set<Unicode.Scalar>? { firstScalarSet }

    /// What a pattern's opening says before any match is tried: whether it can match the empty string, and the
    /// scalars a non-empty match can start with (nil: any scalar may). Unlike `first(of:)`, which serves scans for
    /// non-empty matches, a sequence looks past every element that can match empty, so the set holds the first
    /// scalar of every match.
    static func opening(of node: Node) -> (nullable: Bool, scalars: Set<Unicode.Scalar>?) {
        switch node {
        case .empty, .lookahead, .lookbehind: return (true, [])
        case .custom(_, let first, _): return (first == nil, first)
        case .scalar(let c): return (false, c.members)
        case .literal(let s): return (s.isEmpty, s.first.map { [$0] } ?? [])
        case .words(let w): return (false, w.firstScalars)
        case .capture(_, let inner): return opening(of: inner)
        case .repetition(let inner, let min, let max):
            let o = opening(of: inner)
            return (min == 0 || max == 0 || o.nullable, o.scalars)
        case .choice(let alternatives):
            var nullable = false
            var all: Set<Unicode.Scalar>? = []
            for a in alternatives {
                let o = opening(of: a)
                nullable = nullable || o.nullable
                all = o.scalars.flatMap { s in all?.union(s) }
            }
            return (nullable, all)
        case .sequence(let elements):
            var all: Set<Unicode.Scalar>? = []
            for e in elements {
                let o = opening(of: e)
                all = o.scalars.flatMap { s in all?.union(s) }
                if !o.nullable { return (false, all) }
            }
            return (true, all)
        }
    }

    static func first(of node: Node) -> Set<Unicode.Scalar>? {
        switch node {
        case .empty, .lookahead, .lookbehind: return []
        case .scalar(let c): return c.members
        case .literal(let s): return s.first.map { [$0] } ?? []
        case .words(let w): return w.firstScalars
        case .capture(_, let inner): return first(of: inner)
        case .custom(_, let first, _): return first
        case .choice(let alternatives):
            var all = Set<Unicode.Scalar>()
            for a in alternatives {
                guard let f = first(of: a) else { return nil }
                all.formUnion(f)
            }
            return all
        case .repetition(let inner, let min, _):
            // An optional element lets whatever follows begin the match: only a sequence can say what that is.
            return min == 0 ? nil : first(of: inner)
        case .sequence(let elements):
            var all = Set<Unicode.Scalar>()
            for e in elements {
                if case .lookahead = e { continue }
                if case .lookbehind = e { continue }
                if case .repetition(let inner, 0, _) = e {
                    guard let f = first(of: inner) else { return nil }
                    all.formUnion(f)
                    continue
                }
                guard let f = first(of: e) else { return nil }
                return all.union(f)
            }
            return nil
        }
    }
}

/// The backtracking matcher, in continuation-passing style so that a repetition can give back what a later
/// element needs: `run` calls `next` with each end the node accepts, most preferred first, and stops as soon as
/// `next` returns true. Captures live on one stack, pushed when a capture closes and popped when the match backs
/// out of it, so a match allocates nothing per step.
struct Engine {
    let text: [Unicode.Scalar]
    let limit: Int
    let captures = CaptureStack()

    func run(_ node: Pattern.Node, at i: Int, _ next: (Int) -> Bool) -> Bool {
        switch node {
        case .empty:
            return next(i)
        case .scalar(let c):
            return i < limit && c.contains(text[i]) && next(i + 1)
        case .literal(let word):
            guard i + word.count <= limit else { return false }
            for k in 0..<word.count where text[i + k] != word[k] { return false }
            return next(i + word.count)
        case .words(let words):
            return words.index.forEachWord(in: text, at: i, end: limit) { _, end in next(end) }
        case .custom(_, let first, let ends):
            // (A step declared with its first scalars consumes at least one.)
            let least = first == nil ? i : i + 1
            for end in ends(text, i, limit) where end >= least && end <= limit && next(end) { return true }
            return false
        case .capture(let name, let inner):
            return run(inner, at: i) { end in
                captures.items.append(GrammarMatch.Capture(name: name, range: i..<end))
                if next(end) { return true }
                captures.items.removeLast()
                return false
            }
        case .lookahead(let inner, let negated):
            // A look-ahead keeps none of the captures made inside it.
            let depth = captures.items.count
            let found = run(inner, at: i) { _ in true }
            captures.items.removeSubrange(depth...)
            return found != negated && next(i)
        case .lookbehind(let c, let negated):
            let before = i > 0 && c.contains(text[i - 1])
            return before != negated && next(i)
        case .sequence(let elements):
            return runSequence(elements[...], at: i, next)
        case .choice(let alternatives):
            for alternative in alternatives where run(alternative, at: i, next) { return true }
            return false
        case .repetition(let inner, let min, let max):
            return runRepetition(inner, min: min, max: max, done: 0, at: i, next)
        }
    }

    private func runSequence(_ elements: ArraySlice<Pattern.Node>, at i: Int, _ next: (Int) -> Bool) -> Bool {
        guard let head = elements.first else { return next(i) }
        return run(head, at: i) { end in runSequence(elements.dropFirst(), at: end, next) }
    }

    private func runRepetition(
        _ inner: Pattern.Node, min: Int, max: Int, done: Int, at i: Int, _ next: (Int) -> Bool
    ) -> Bool {
        // Greedy: one more iteration first; an iteration that consumes nothing ends the repetition.
        if done < max, run(inner, at: i, { end in
            end > i && runRepetition(inner, min: min, max: max, done: done + 1, at: end, next)
        }) {
            return true
        }
        return done >= min && next(i)
    }
}

/// The captures of the match under way (a reference, shared by the continuations of one match).
final class CaptureStack {
    var items: [GrammarMatch.Capture] = []
}
