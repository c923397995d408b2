/// A named non-government body (company, bank as a firm, exchange, media outlet, university): not an agency.
public struct NamedOrganization: Sendable, Hashable {
    /// "organization:<canonical>".
    public let id: String
    public let canonical: String
    public let aliases: [String]
    /// company, bank, exchange, media, university, …
    public let kind: String

    public init(canonical: String, aliases: [String] = [], kind: String) {
        self.id = "organization:" + canonical
        self.canonical = canonical
        self.aliases = aliases
        self.kind = kind
    }

    /// The canonical name followed by the aliases.
    public var allNames: [String] { [canonical] + aliases }
}
