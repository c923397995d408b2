import PolicyCore

/// One recognised mention of an agency, region or programme in normalised text.
public struct EntityMention: Sendable, Hashable {
    /// Byte range in the clean (normalised) UTF-8 text the recogniser was given.
    public let range: Range<Int>
    public let kind: NodeKind
    /// Node id: "agency:<canonical>", "region:<code>", "region:area:<name>", "programme:<canonical>".
    public let nodeID: String
    public let canonical: String
    /// The text as written.
    public let surface: String
    /// 1 for gazetteer matches, lower for pattern-recognised or ambiguous ones.
    public let confidence: Double
    /// For agencies: the level (party, central, provincial, municipal, county, other);
    /// for regions: the region level; for organisations: their kind (bank, company, media …); nil for programmes.
    public let level: String?
    /// Canonical name of the parent body (agencies) or id of the containing region (regions).
    public let parent: String?
    /// Other node ids the surface could denote when it is ambiguous (鼓楼区 without a province).
    public let alternatives: [String]

    public init(range: Range<Int>, kind: NodeKind, nodeID: String, canonical: String, surface: String,
                confidence: Double, level: String? = nil, parent: String? = nil, alternatives: [String] = []) {
        self.range = range
        self.kind = kind
        self.nodeID = nodeID
        self.canonical = canonical
        self.surface = surface
        self.confidence = confidence
        self.level = level
        self.parent = parent
        self.alternatives = alternatives
    }
}
