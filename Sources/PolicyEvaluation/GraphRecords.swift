import Foundation
import PolicyCore
import PolicyStore

/// A graph as the scorer sees it: contract JSON records (shared/eval/CONTRACT.md).
public struct GraphRecords: Sendable {
    /// Node ids in first-seen order; a later record with the same id replaces the earlier one in place.
    public private(set) var nodeOrder: [String] = []
    public private(set) var nodes: [String: JSONValue] = [:]
    public private(set) var edges: [JSONValue] = []

    public init() {}

    /// Adds one record (`"type": "node"` or `"edge"`; other records are ignored).
    public mutating func add(_ record: JSONValue) {
        switch record["type"]?.string {
        case "node":
            let id = record["id"].map(pythonString) ?? ""
            if nodes.updateValue(record, forKey: id) == nil { nodeOrder.append(id) }
        case "edge":
            edges.append(record)
        default:
            break
        }
    }

    /// Reads a contract JSONL file (blank lines skipped; a line that is not JSON is an error naming it).
    public static func load(jsonl path: String) throws -> GraphRecords {
        var graph = GraphRecords()
        for (number, line) in try readJSONLLines(path) {
            graph.add(try parseLine(line, path: path, number: number))
        }
        return graph
    }

    /// The records of a stored graph (node and edge records in index order).
    public init(graph: Graph) throws {
        try self.init(nodes: (0..<graph.nodeCount).map(graph.nodeRecord), edges: (0..<graph.edgeCount).map(graph.edgeRecord))
    }

    /// Reads a graph file: a PolicyStore snapshot (by its magic bytes) or contract JSONL.
    public static func load(path: String) throws -> GraphRecords {
        let magic: [UInt8] = [0x50, 0x4B, 0x47, 0x53, 0x4E, 0x41, 0x50, 0x1A]   // "PKGSNAP\x1A"
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = [UInt8](handle.readData(ofLength: magic.count))
            try? handle.close()
            if head == magic { return try GraphRecords(graph: try SnapshotFile.loadGraph(path)) }
        }
        return try load(jsonl: path)
    }

    /// The records of nodes and edges built in memory (e.g. from a stored graph).
    public init(nodes: [NodeRecord], edges: [EdgeRecord]) throws {
        for n in nodes { add(try JSONValue.parse(ContractJSON.line(for: n))) }
        for e in edges { add(try JSONValue.parse(ContractJSON.line(for: e))) }
    }
}

/// Non-blank lines of a UTF-8 file with their 1-based numbers, stripped of surrounding whitespace.
func readJSONLLines(_ path: String) throws -> [(Int, String)] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw KGError(file: path, "cannot read the file")
    }
    let text = String(decoding: data, as: UTF8.self)
    var out: [(Int, String)] = []
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let line = String(raw).trimmingWhitespace()
        if !line.isEmpty { out.append((i + 1, line)) }
    }
    return out
}

func parseLine(_ line: String, path: String, number: Int) throws -> JSONValue {
    do { return try JSONValue.parse(line) } catch {
        throw KGError(file: path, line: number, "not JSON: \(error)")
    }
}

/// Python's `str(x)` for the JSON values a record may hold where a string is expected.
func pythonString(_ v: JSONValue) -> String {
    switch v {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .bool(let b): return b ? "True" : "False"
    case .null: return "None"
    default: return ""
    }
}
