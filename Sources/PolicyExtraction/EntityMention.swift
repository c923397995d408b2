import PolicyCore

/// One recognised mention of an agency, region or programme in normalised text.
///
/// The names of what it denotes (node id, canonical name, level, parent, alternatives) sit in one shared
/// `EntityNames` object: a gazetteer entry's names are built once per recogniser, so a mention retains one
/// reference for them, and copying a mention costs three retains instead of seven.
public struct EntityMention: Sendable, Hashable {
    /// Byte range in the clean (normalised) UTF-8 text the recogniser was given.
    public let range: Range<Int>
    public let kind: NodeKind
    /// The text as written.
    public let surface: String
    /// 1 for gazetteer matches, lower for pattern-recognised or ambiguous ones.
    public let confidence: Double
    /// What the mention denotes.
    let names: EntityNames

    /// Node id: "agency:<canonical>", "region:<code>", "region:area:<name>", "programme:<canonical>".
    public var nodeID: String { names.nodeID }
    public var canonical: String { names.canonical }
    /// For agencies: the level (party, central, provincial, municipal, county, other);
    /// for regions: the region level; for organisations: their kind (bank, company, media …); nil for programmes.
    public var level: String? { names.level }
    /// Canonical name of the parent body (agencies) or id of the containing region (regions).
    public var parent: String? { names.parent }
    /// Other node ids the surface could denote when it is ambiguous (鼓楼区 without a province).
    public var alternatives: [String] { names.alternatives }
    /// What the ontology adds to a new node, when the recogniser looked it up in advance.
    var ontologyFacts: OntologyFacts? { names.ontologyFacts }

    public init(range: Range<Int>, kind: NodeKind, nodeID: String, canonical: String, surface: String,
                confidence: Double, level: String? = nil, parent: String? = nil, alternatives: [String] = []) {
        self.init(range: range, kind: kind, surface: surface, confidence: confidence,
                  names: EntityNames(nodeID: nodeID, canonical: canonical, level: level, parent: parent,
                                     alternatives: alternatives))
    }

    /// A mention of what `names` (built once, shared) denotes.
    init(range: Range<Int>, kind: NodeKind, surface: String, confidence: Double, names: EntityNames) {
        self.range = range
        self.kind = kind
        self.surface = surface
        self.confidence = confidence
        self.names = names
    }

    public static func == (a: EntityMention, b: EntityMention) -> Bool {
        a.range == b.range && a.kind == b.kind && a.surface == b.surface && a.confidence == b.confidence
            && (a.names === b.names || a.names == b.names)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(kind)
        hasher.combine(surface)
        hasher.combine(confidence)
        hasher.combine(names)
    }
}

/// The names an entity mention carries besides its surface: immutable, shared by every mention of the same
/// gazetteer entry.
final class EntityNames: Sendable, Hashable {
    let nodeID: String
    let canonical: String
    let level: String?
    let parent: String?
    let alternatives: [String]
    /// What the ontology adds to a new node of this entity, looked up once when the names are built from the
    /// ontology (nil for names built per mention, which the extractors look up themselves). Derived from the
    /// names, so not part of equality.
    let ontologyFacts: OntologyFacts?

    init(nodeID: String, canonical: String, level: String? = nil, parent: String? = nil, alternatives: [String] = [],
         ontologyFacts: OntologyFacts? = nil) {
        self.nodeID = nodeID
        self.canonical = canonical
        self.level = level
        self.parent = parent
        self.alternatives = alternatives
        self.ontologyFacts = ontologyFacts
    }

    static func == (a: EntityNames, b: EntityNames) -> Bool {
        a.nodeID == b.nodeID && a.canonical == b.canonical && a.level == b.level && a.parent == b.parent
            && a.alternatives == b.alternatives
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(nodeID)
        hasher.combine(canonical)
        hasher.combine(level)
        hasher.combine(parent)
        hasher.combine(alternatives)
    }
}

/// An entity's aliases in the ontology (an agency's or programme's by its canonical name, a region's by its code, a
/// slogan's bare core) and, for a region found by code, that code.
struct OntologyFacts: Sendable {
    let aliases: [String]
    let regionCode: String?
}
