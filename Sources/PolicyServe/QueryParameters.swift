import Foundation
import Hummingbird
import PolicyCore
import PolicyQuery
import PolicyStore

/// Typed access to a request's query string. Every malformed value is a `ServeError.badRequest` naming the
/// parameter and saying what it takes; absent or empty values are nil.
struct QueryParameters {
    /// Longest value accepted for any parameter (names, ids, dates).
    static let maximumLength = 500
    private let items: [(String, String)]

    /// Parses the raw query string as HTML forms write it (`+` for a space, UTF-8 percent-encoded).
    init(_ request: Request) throws {
        try self.init(query: request.uri.query ?? "")
    }

    init(query: String) throws {
        var pairs: [(String, String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) throws -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                guard let decoded = spaced.removingPercentEncoding else {
                    throw ServeError.badRequest("malformed percent-encoding in the query string near '\(String(s.prefix(40)))'")
                }
                return decoded
            }
            pairs.append((try decode(kv[0]), kv.count > 1 ? try decode(kv[1]) : ""))
            guard pairs.count <= 200 else { throw ServeError.badRequest("more than 200 query parameters") }
        }
        items = pairs
    }

    init(_ pairs: [(String, String)]) { items = pairs }

    /// All non-empty values of `name` (repeated or comma-separated).
    func list(_ name: String) throws -> [String] {
        var out: [String] = []
        for (key, value) in items where key == name {
            try check(name, value)
            out += value.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        }
        return out
    }

    /// The last non-empty value of `name`.
    func string(_ name: String) throws -> String? {
        guard let value = items.last(where: { $0.0 == name })?.1 else { return nil }
        try check(name, value)
        let trimmed = value.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A required string.
    func required(_ name: String) throws -> String {
        guard let value = try string(name) else { throw ServeError.badRequest("parameter '\(name)' is required") }
        return value
    }

    /// An integer within `range`, `defaultValue` when absent.
    func int(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = try string(name) else { return defaultValue }
        guard let value = Int(text) else { throw ServeError.badRequest("parameter '\(name)' must be an integer (got '\(text)')") }
        guard range.contains(value) else {
            throw ServeError.badRequest("parameter '\(name)' must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
        }
        return value
    }

    /// A boolean: 1/0, true/false, yes/no, on/off; `false` when absent.
    func bool(_ name: String) throws -> Bool {
        guard let text = try string(name)?.lowercased() else { return false }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ServeError.badRequest("parameter '\(name)' must be true or false (got '\(text)')")
        }
    }

    /// A date bound as the CLI's `--from`/`--to` take it: `yyyy`, `yyyy-mm` or `yyyy-mm-dd`, a real calendar date.
    func date(_ name: String) throws -> String? {
        guard let text = try string(name) else { return nil }
        guard DateBound(text) != nil else {
            throw ServeError.badRequest("parameter '\(name)' is not a date: use yyyy, yyyy-mm or yyyy-mm-dd (a real calendar date, got '\(text)')")
        }
        return text
    }

    /// `from` and `to` dates, `from` not after `to`.
    func dateRange() throws -> (from: String?, to: String?) {
        let from = try date("from"), to = try date("to")
        if let from, let to, let a = DateBound(from), let b = DateBound(to), a.first > b.last {
            throw ServeError.badRequest("from \(from) is after to \(to): nothing can lie between them")
        }
        return (from, to)
    }

    /// One of a fixed set of words.
    func choice(_ name: String, _ allowed: [String], default defaultValue: String) throws -> String {
        guard let text = try string(name) else { return defaultValue }
        guard allowed.contains(text) else {
            throw ServeError.badRequest("parameter '\(name)' must be one of \(allowed.joined(separator: ", ")) (got '\(text)')")
        }
        return text
    }

    /// Relation names checked against the graph's (nil when none given).
    func relations(_ name: String, in graph: Graph) throws -> Set<EdgeKind>? {
        try kinds(name, known: graph.edgeKinds, noun: "relation")
    }

    /// Node-kind names checked against the graph's (nil when none given).
    func nodeKinds(_ name: String, in graph: Graph) throws -> Set<NodeKind>? {
        try kinds(name, known: graph.nodeKinds, noun: "node kind")
    }

    private func kinds<Kind: RawRepresentable & Hashable>(_ name: String, known: [Kind], noun: String) throws -> Set<Kind>?
    where Kind.RawValue == String {
        let names = try list(name)
        guard !names.isEmpty else { return nil }
        let knownNames = known.map(\.rawValue)
        for n in names where !knownNames.contains(n) {
            throw ServeError.badRequest("parameter '\(name)': no \(noun) '\(n)' in this graph; it has \(knownNames.sorted().joined(separator: ", "))")
        }
        return Set(names.compactMap { Kind(rawValue: $0) })
    }

    private func check(_ name: String, _ value: String) throws {
        guard value.utf8.count <= Self.maximumLength else {
            throw ServeError.badRequest("parameter '\(name)' is longer than \(Self.maximumLength) bytes")
        }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FFFD}" }) else {
            throw ServeError.badRequest("parameter '\(name)' contains control characters or undecodable bytes")
        }
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
