/// The administrative level of a government or party body.
public enum AgencyLevel: String, Sendable, Codable, CaseIterable {
    case party, central, provincial, municipal, county, other
}

/// A government, party or state body with its official name and the other names it goes by.
public struct Agency: Sendable, Hashable {
    /// "agency:<canonical>".
    public let id: String
    /// The full official name, e.g. 国家发展和改革委员会.
    public let canonical: String
    /// Short forms and common abbreviations (国家发展改革委, 国家发改委, 发改委 …), without the canonical name.
    public let aliases: [String]
    public let level: AgencyLevel
    /// Canonical name of the parent body, if any.
    public let parent: String?
    /// First year the body existed under this name (nil: unknown or long-standing).
    public let validFrom: Int?
    /// Last year the body existed under this name (nil: still exists).
    public let validUntil: Int?
    /// Canonical name of the body that took over its functions.
    public let successor: String?
    /// The ontology row that lists the body (the statement of its parent), nil for a body made in code.
    public let record: OntologyRecord?

    public init(canonical: String, aliases: [String] = [], level: AgencyLevel, parent: String? = nil,
                validFrom: Int? = nil, validUntil: Int? = nil, successor: String? = nil, record: OntologyRecord? = nil) {
        self.id = "agency:" + canonical
        self.canonical = canonical
        self.aliases = aliases
        self.level = level
        self.parent = parent
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.successor = successor
        self.record = record
    }

    /// The canonical name followed by the aliases.
    public var allNames: [String] { [canonical] + aliases }
}
