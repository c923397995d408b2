/// A grammar pattern over the Unicode scalars of a clean sentence: the combinator layer that extraction rules
/// are written in, so that a rule's code reads like the production its doc comment states.
///
/// ```swift
/// /// body → region? domain{0,4} head
/// let body = Pattern.sequence(
///     .optional(.capture("region", region)),
///     .repeat(.han, 0...4),
///     .capture("head", .word(in: heads)))
/// body.prefixMatch(in: scalars, at: i)?["head"]   // the head's scalar range
/// ```
///
/// Matching backtracks: a repetition is greedy but gives back what a later element needs, a choice tries its
/// alternatives in order. Patterns are values; build them once (in a rule's initialiser or a static) and match
/// them at candidate positions that a cheap test (`firstScalars`, a word list) found.
public struct Pattern: Sendable {
    indirect enum Node: Sendable {
        case empty
        case scalar(ScalarClass)
        case literal([Unicode.Scalar])
        /// Words of a closed vocabulary, longest first; the values are erased (rules read them back from the set).
        case words(ErasedWords)
        case sequence([Node])
        case choice([Node])
        case repetition(Node, min: Int, max: Int)
        case capture(String, Node)
        case lookahead(Node, negated: Bool)
        /// The scalar before the position is (or, negated, is not) in the class; the text's start counts as
        /// not in any class.
        case lookbehind(ScalarClass, negated: Bool)
        /// A rule's own code: the ends it accepts at a position, most preferred first. With `first`, the step
        /// consumes at least one scalar and starts only with one of `first`.
        case custom(String, first: Set<Unicode.Scalar>?, @Sendable ([Unicode.Scalar], Int, Int) -> [Int])
    }

    let node: Node
    /// The scalars a non-empty match can start with (see `firstScalars`), computed once when the pattern is built.
    let firstScalarSet: Set<Unicode.Scalar>?
    /// The scalars every match must start with, when the pattern cannot match the empty string and its opening
    /// step is a listed set (nil otherwise): `prefixMatch` rejects any other position before running the matcher.
    let requiredFirstScalar: ScalarSet?

    init(_ node: Node) {
        self.node = node
        firstScalarSet = Pattern.first(of: node)
        let opening = Pattern.opening(of: node)
        requiredFirstScalar = opening.nullable ? nil : opening.scalars.map { ScalarSet($0) }
    }

    // MARK: Building blocks

    /// Matches nothing, always (the neutral element of a sequence).
    public static let empty = Pattern(.empty)

    /// One scalar of `scalarClass`.
    public static func scalar(_ scalarClass: ScalarClass) -> Pattern { Pattern(.scalar(scalarClass)) }

    /// One Han ideograph.
    public static let han = Pattern.scalar(.han)

    /// One ASCII or full-width digit.
    public static let digit = Pattern.scalar(.digit)

    /// One of the scalars of `list`.
    public static func oneOf(_ list: String) -> Pattern { .scalar(.oneOf(list)) }

    /// Exactly `text`.
    public static func literal(_ text: String) -> Pattern { Pattern(.literal(Array(text.unicodeScalars))) }

    /// One word of `words`, trying the longest that fits first.
    public static func word<Value>(in words: WordSet<Value>) -> Pattern { Pattern(.words(ErasedWords(words))) }

    /// One of the given words, longest first.
    public static func word(_ list: [String]) -> Pattern { .word(in: WordSet(list)) }

    /// The elements one after another.
    public static func sequence(_ elements: Pattern...) -> Pattern { .sequence(elements) }

    /// The elements one after another.
    public static func sequence(_ elements: [Pattern]) -> Pattern {
        elements.count == 1 ? elements[0] : Pattern(.sequence(elements.map(\.node)))
    }

    /// The first alternative that lets the whole match succeed.
    public static func choice(_ alternatives: Pattern...) -> Pattern { .choice(alternatives) }

    /// The first alternative that lets the whole match succeed.
    public static func choice(_ alternatives: [Pattern]) -> Pattern {
        alternatives.count == 1 ? alternatives[0] : Pattern(.choice(alternatives.map(\.node)))
    }

    /// The element or nothing (the element preferred).
    public static func optional(_ element: Pattern) -> Pattern { Pattern(.repetition(element.node, min: 0, max: 1)) }

    /// The element `counts.lowerBound` to `counts.upperBound` times, as many as possible first.
    public static func `repeat`(_ element: Pattern, _ counts: ClosedRange<Int>) -> Pattern {
        Pattern(.repetition(element.node, min: counts.lowerBound, max: counts.upperBound))
    }

    /// The element at least `minimum` times, as many as possible first.
    public static func `repeat`(_ element: Pattern, atLeast minimum: Int) -> Pattern {
        Pattern(.repetition(element.node, min: minimum, max: .max))
    }

    /// The element, its range recorded under `name` in the match.
    public static func capture(_ name: String, _ element: Pattern) -> Pattern { Pattern(.capture(name, element.node)) }

    /// Succeeds, consuming nothing, where `element` matches here.
    public static func followed(by element: Pattern) -> Pattern { Pattern(.lookahead(element.node, negated: false)) }

    /// Succeeds, consuming nothing, where `element` does not match here.
    public static func not(_ element: Pattern) -> Pattern { Pattern(.lookahead(element.node, negated: true)) }

    /// Succeeds, consuming nothing, where the scalar before this position is in `scalarClass`.
    public static func preceded(by scalarClass: ScalarClass) -> Pattern { Pattern(.lookbehind(scalarClass, negated: false)) }

    /// Succeeds, consuming nothing, where the scalar before this position is not in `scalarClass` (or there is none).
    public static func notPreceded(by scalarClass: ScalarClass) -> Pattern { Pattern(.lookbehind(scalarClass, negated: true)) }

    /// A step written in code — a gazetteer look-up, a number parser: given the text, a start and the end limit, it
    /// returns the ends it accepts, most preferred first.
    public static func custom(_ name: String, _ ends: @escaping @Sendable ([Unicode.Scalar], Int, Int) -> [Int]) -> Pattern {
        Pattern(.custom(name, first: nil, ends))
    }

    /// A step written in code that consumes at least one scalar and starts only with one of `first` (a gazetteer
    /// look-up starts with the first scalar of one of its names): positions starting otherwise are skipped with one
    /// set test, as for a word list. Ends at or before the position are not taken.
    public static func custom(_ name: String, startingWith first: Set<Unicode.Scalar>,
                              _ ends: @escaping @Sendable ([Unicode.Scalar], Int, Int) -> [Int]) -> Pattern {
        Pattern(.custom(name, first: first, ends))
    }
}

/// A word set with its values erased, so that one pattern can hold sets of different value types: the matcher
/// reads the words' index directly.
struct ErasedWords: Sendable {
    let index: WordIndex
    let firstScalars: Set<Unicode.Scalar>

    init<Value>(_ words: WordSet<Value>) {
        index = words.index
        firstScalars = words.firstScalars
    }
}
