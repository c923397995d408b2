import PolicyCore
import PolicyStore

/// The scalar type an exported attribute column gets, unified over all values of the key.
public enum ScalarType: Int, Comparable, Sendable {
    case boolean, integer, double, string
    public static func < (a: ScalarType, b: ScalarType) -> Bool { a.rawValue < b.rawValue }

    /// The type of one value; nil for null.
    public init?(of value: AttributeValue) {
        switch value {
        case .bool: self = .boolean
        case .int: self = .integer
        case .double: self = .double
        case .string, .strings: self = .string
        case .null: return nil
        }
    }

    /// Unifies two observed types: integers widen to double, anything else mixed becomes string.
    public func unified(with other: ScalarType) -> ScalarType {
        if self == other { return self }
        if (self == .integer && other == .double) || (self == .double && other == .integer) { return .double }
        return .string
    }
}

/// The attribute keys present on the included nodes and on the included edges, each with its unified type, in
/// sorted key order; formats that declare columns up front (GraphML, GEXF, Neo4j CSV) use it.
public struct AttributeSchema {
    public struct Column: Sendable {
        public var key: String
        public var type: ScalarType
    }
    public private(set) var nodeColumns: [Column] = []
    public private(set) var edgeColumns: [Column] = []

    public init(_ view: GraphView) {
        let graph = view.graph
        var nodeTypes: [String: ScalarType] = [:]
        var edgeTypes: [String: ScalarType] = [:]
        for n in 0..<graph.nodeCount where view.includesNode[n] {
            for (key, value) in graph.attributes(ofNode: n) {
                guard let t = ScalarType(of: value) else { continue }
                nodeTypes[key] = nodeTypes[key].map { $0.unified(with: t) } ?? t
            }
        }
        for e in 0..<graph.edgeCount where view.includesEdge[e] {
            for (key, value) in graph.attributes(ofEdge: e) {
                guard let t = ScalarType(of: value) else { continue }
                edgeTypes[key] = edgeTypes[key].map { $0.unified(with: t) } ?? t
            }
        }
        nodeColumns = nodeTypes.keys.sorted().map { Column(key: $0, type: nodeTypes[$0]!) }
        edgeColumns = edgeTypes.keys.sorted().map { Column(key: $0, type: edgeTypes[$0]!) }
    }

    /// The value as text for a column of `type` (lists joined with `|`, doubles that are whole written without
    /// a fraction only in string columns), or nil for null.
    public static func text(_ value: AttributeValue, as type: ScalarType) -> String? {
        switch value {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return type == .double ? String(Double(i)) : String(i)
        case .double(let d):
            if type == .string { return value.description }
            return d.isFinite ? String(d) : (d.isNaN ? "NaN" : (d > 0 ? "INF" : "-INF"))
        case .string(let s): return ExportText.clean(s)
        case .strings(let list): return ExportText.clean(list.joined(separator: ExportText.listSeparator))
        }
    }
}
