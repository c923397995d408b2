import Foundation
import PolicyCore

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
