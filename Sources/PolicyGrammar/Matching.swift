extension Pattern {
    /// The preferred match that starts exactly at `start` and ends at or before `end` (the text's end by default).
    public func prefixMatch(in text: [Unicode.Scalar], at start: Int, end: Int? = nil) -> GrammarMatch? {
        let limit = Swift.min(end ?? text.count, text.count)
        guard start >= 0, start <= limit else { return nil }
        var result: GrammarMatch?
        _ = Engine(text: text, limit: limit).run(node, at: start, []) { stop, captures in
            result = GrammarMatch(range: start..<stop, captures: captures)
            return true
        }
        return result
    }

    /// The longest match that starts exactly at `start` (every alternative is tried; the first of equal length wins).
    public func longestMatch(in text: [Unicode.Scalar], at start: Int, end: Int? = nil) -> GrammarMatch? {
        let limit = Swift.min(end ?? text.count, text.count)
        guard start >= 0, start <= limit else { return nil }
        var result: GrammarMatch?
        _ = Engine(text: text, limit: limit).run(node, at: start, []) { stop, captures in
            if stop > (result?.range.upperBound ?? -1) { result = GrammarMatch(range: start..<stop, captures: captures) }
            return false
        }
        return result
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
    public var firstScalars: Set<Unicode.Scalar>? { Self.first(of: node) }

    private static func first(of node: Node) -> Set<Unicode.Scalar>? {
        switch node {
        case .empty, .lookahead, .lookbehind: return []
        case .scalar(let c): return c.members
        case .literal(let s): return s.first.map { [$0] } ?? []
        case .words(let w): return w.firstScalars
        case .capture(_, let inner): return first(of: inner)
        case .custom: return nil
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
/// element needs: `run` calls `next` with each end the node accepts (and the captures so far), most preferred
/// first, and stops as soon as `next` returns true.
struct Engine {
    typealias Captures = [GrammarMatch.Capture]
    let text: [Unicode.Scalar]
    let limit: Int

    func run(_ node: Pattern.Node, at i: Int, _ held: Captures, _ next: (Int, Captures) -> Bool) -> Bool {
        switch node {
        case .empty:
            return next(i, held)
        case .scalar(let c):
            return i < limit && c.contains(text[i]) && next(i + 1, held)
        case .literal(let word):
            guard i + word.count <= limit else { return false }
            for k in 0..<word.count where text[i + k] != word[k] { return false }
            return next(i + word.count, held)
        case .words(let words):
            for end in words.matches(text, i, limit) where next(end, held) { return true }
            return false
        case .custom(_, let ends):
            for end in ends(text, i, limit) where end >= i && end <= limit && next(end, held) { return true }
            return false
        case .capture(let name, let inner):
            return run(inner, at: i, held) { end, inside in
                next(end, inside + [GrammarMatch.Capture(name: name, range: i..<end)])
            }
        case .lookahead(let inner, let negated):
            let found = run(inner, at: i, []) { _, _ in true }
            return found != negated && next(i, held)
        case .lookbehind(let c, let negated):
            let before = i > 0 && c.contains(text[i - 1])
            return before != negated && next(i, held)
        case .sequence(let elements):
            return runSequence(elements[...], at: i, held, next)
        case .choice(let alternatives):
            for alternative in alternatives where run(alternative, at: i, held, next) { return true }
            return false
        case .repetition(let inner, let min, let max):
            return runRepetition(inner, min: min, max: max, done: 0, at: i, held, next)
        }
    }

    private func runSequence(
        _ elements: ArraySlice<Pattern.Node>, at i: Int, _ held: Captures, _ next: (Int, Captures) -> Bool
    ) -> Bool {
        guard let head = elements.first else { return next(i, held) }
        return run(head, at: i, held) { end, after in runSequence(elements.dropFirst(), at: end, after, next) }
    }

    private func runRepetition(
        _ inner: Pattern.Node, min: Int, max: Int, done: Int, at i: Int, _ held: Captures,
        _ next: (Int, Captures) -> Bool
    ) -> Bool {
        // Greedy: one more iteration first; an iteration that consumes nothing ends the repetition.
        if done < max, run(inner, at: i, held, { end, after in
            end > i && runRepetition(inner, min: min, max: max, done: done + 1, at: end, after, next)
        }) {
            return true
        }
        return done >= min && next(i, held)
    }
}
