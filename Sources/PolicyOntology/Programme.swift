/// A named national programme, strategy, initiative or platform (PPP, 乡村振兴, 东数西算 …).
public struct Programme: Sendable, Hashable {
    /// "programme:<canonical>".
    public let id: String
    public let canonical: String
    public let aliases: [String]
    /// True for clearly named programmes, false for arguable (peripheral) ones.
    public let core: Bool

    public init(canonical: String, aliases: [String] = [], core: Bool) {
        self.id = "programme:" + canonical
        self.canonical = canonical
        self.aliases = aliases
        self.core = core
    }

    /// The canonical name followed by the aliases.
    public var allNames: [String] { [canonical] + aliases }
}
