/// A parsed JSON value that keeps integers apart from floats (the scorer's rules depend on it).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Duplicate keys: the last one wins (as in Python's json).
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var object: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }

    /// Python truthiness: null, false, 0, "", [] and {} are false.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// An integer as Python's `isinstance(x, int)` sees it (booleans are integers there).
    public var pythonInt: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// A number as Python's `float(x)` gives it (numbers, booleans, numeric strings), nil where it raises.
    public var pythonFloat: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .string(let s):
            let t = s.trimmingWhitespace().replacingUnderscoresBetweenDigits()
            switch t.lowercased() {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: return Double(t)
            }
        default: return nil
        }
    }

    /// Parses one JSON text.
    public static func parse(_ text: String) throws -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.at == parser.bytes.count else { throw JSONParseError(message: "extra data", offset: parser.at) }
        return value
    }
}

/// Why a JSON text did not parse.
public struct JSONParseError: Error, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public var description: String { "\(message) at byte \(offset)" }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, isPythonSpace(scalars[lo]) { lo += 1 }
        while hi > lo, isPythonSpace(scalars[hi - 1]) { hi -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lo..<hi])
        return String(view)
    }

    func replacingUnderscoresBetweenDigits() -> String {
        let s = Array(unicodeScalars)
        var view = String.UnicodeScalarView()
        for (i, u) in s.enumerated() {
            if u == "_", i > 0, i + 1 < s.count, s[i - 1].properties.numericType != nil, s[i + 1].properties.numericType != nil { continue }
            view.append(u)
        }
        return String(view)
    }
}

struct JSONParser {
    let bytes: [UInt8]
    var at = 0

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
    }

    func fail(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: at) }

    mutating func value() throws -> JSONValue {
        guard at < bytes.count else { throw fail("unexpected end") }
        switch bytes[at] {
        case UInt8(ascii: "{"):
            at += 1
            var object: [String: JSONValue] = [:]
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(object) }
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let key = try string()
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                at += 1
                skipSpace()
                object[key] = try value()
                skipSpace()
                guard at < bytes.count else { throw fail("unexpected end") }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "}") { at += 1; return .object(object) }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            at += 1
            var array: [JSONValue] = []
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(array) }
            while true {
                skipSpace()
                array.append(try value())
                skipSpace()
                guard at < bytes.count else { throw fail("unexpected end") }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "]") { at += 1; return .array(array) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "N"): try literal("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try literal("Infinity"); return .double(.infinity)
        default:
            return try number()
        }
    }

    mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard at + w.count <= bytes.count, Array(bytes[at..<(at + w.count)]) == w else { throw fail("invalid literal") }
        at += w.count
    }

    mutating func number() throws -> JSONValue {
        let start = at
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "I") { try literal("Infinity"); return .double(-.infinity) }
        }
        var isFloat = false
        var digits = 0
        while at < bytes.count {
            let c = bytes[at]
            if c >= 0x30 && c <= 0x39 { digits += 1; at += 1 } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                || ((c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && isFloat) { isFloat = true; at += 1 } else { break }
        }
        guard digits > 0 else { throw fail("invalid value") }
        let text = String(decoding: bytes[start..<at], as: UTF8.self)
        if !isFloat, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { throw fail("invalid number") }
        return .double(d)
    }

    mutating func string() throws -> String {
        at += 1  // opening quote
        var out: [UInt8] = []
        while at < bytes.count {
            let c = bytes[at]
            if c == UInt8(ascii: "\"") { at += 1; return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\") {
                at += 1
                guard at < bytes.count else { break }
                let e = bytes[at]
                at += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if code >= 0xD800 && code < 0xDC00, at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") {
                        at += 2
                        let low = try hex4()
                        if low >= 0xDC00 && low < 0xE000 { code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) } else { at -= 6 }
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    UTF8.encode(scalar) { out.append($0) }
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            at += 1
        }
        throw fail("unterminated string")
    }

    mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16) else {
            throw fail("invalid \\u escape")
        }
        at += 4
        return v
    }
}
