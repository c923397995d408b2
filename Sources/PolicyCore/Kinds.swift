/// The kind of a graph node. Open-ended: new kinds are plain strings, the common ones have names.
public struct NodeKind: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: NodeKind, b: NodeKind) -> Bool { a.rawValue < b.rawValue }

    public static let agency = NodeKind("agency")
    public static let region = NodeKind("region")
    public static let programme = NodeKind("programme")
    public static let target = NodeKind("target")
    public static let document = NodeKind("document")
    public static let person = NodeKind("person")
    public static let organization = NodeKind("organization")
}

/// The kind of a directed graph edge. Open-ended like `NodeKind`.
public struct EdgeKind: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: EdgeKind, b: EdgeKind) -> Bool { a.rawValue < b.rawValue }

    /// document → agency, attribute `order` (1-based position among the issuers).
    public static let issuedBy = EdgeKind("issued_by")
    /// agency → programme / measure / document it leads (牵头).
    public static let leads = EdgeKind("leads")
    /// agency → agency acting together (X会同Y).
    public static let cooperates = EdgeKind("cooperates")
    /// agency → agency or programme it supervises.
    public static let supervises = EdgeKind("supervises")
    /// document → document it cites.
    public static let cites = EdgeKind("cites")
    /// document or programme → region it applies to.
    public static let appliesTo = EdgeKind("applies_to")
    /// document / agency / programme → target it sets.
    public static let setsTarget = EdgeKind("sets_target")
    /// document → entity it mentions.
    public static let mentions = EdgeKind("mentions")
    /// sub-unit → parent body; region → containing region.
    public static let partOf = EdgeKind("part_of")
    /// old body → successor.
    public static let renamedTo = EdgeKind("renamed_to")
    /// document → agency or region it is addressed to.
    public static let addressedTo = EdgeKind("addressed_to")
}
