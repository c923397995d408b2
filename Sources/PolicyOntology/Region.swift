/// The level of an administrative division or named multi-region area.
public enum RegionLevel: String, Sendable, Codable, CaseIterable {
    case country, province, prefecture, county, township, area
}

/// An administrative division (GB/T 2260 code) or a named area such as 长三角.
public struct Region: Sendable, Hashable {
    /// "region:<code>" for coded divisions, "region:area:<name>" for areas and foreign countries.
    public let id: String
    /// Six-digit GB/T 2260 code ("100000" for China as a whole); nil for areas.
    public let code: String?
    /// The full name, e.g. 广西壮族自治区.
    public let canonical: String
    /// Short forms (广西, 桂 is NOT included: one-character forms are too ambiguous).
    public let aliases: [String]
    public let level: RegionLevel
    /// Code of the containing division, if any.
    public let parentCode: String?
    /// The ontology row that lists the region (the statement of its parent), nil for a region made in code.
    public let record: OntologyRecord?

    public init(code: String?, canonical: String, aliases: [String] = [], level: RegionLevel, parentCode: String?,
                record: OntologyRecord? = nil) {
        if let code { self.id = "region:" + code } else { self.id = "region:area:" + canonical }
        self.code = code
        self.canonical = canonical
        self.aliases = aliases
        self.level = level
        self.parentCode = parentCode
        self.record = record
    }

    /// The canonical name followed by the aliases.
    public var allNames: [String] { [canonical] + aliases }
}
