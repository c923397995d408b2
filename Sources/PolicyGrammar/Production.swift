/// One production of an extraction grammar: the pattern, the grammar line it implements, and the confidence a
/// match of it earns — a property of the production, not a literal at each call site.
public struct Production: Sendable {
    /// A short name ("local body", "commitment with deadline").
    public let name: String
    /// The production as written in the rule's documentation (`body → region domain{0,4} head`).
    public let grammar: String
    public let pattern: Pattern
    /// How sure a match of this production is, in 0...1.
    public let confidence: Double

    public init(_ name: String, grammar: String, confidence: Double, _ pattern: Pattern) {
        precondition((0...1).contains(confidence), "confidence of \(name) must be in 0...1")
        self.name = name
        self.grammar = grammar
        self.pattern = pattern
        self.confidence = confidence
    }

    /// The preferred match of this production starting at `start`.
    public func prefixMatch(in text: [Unicode.Scalar], at start: Int, end: Int? = nil) -> GrammarMatch? {
        pattern.prefixMatch(in: text, at: start, end: end)
    }
}
