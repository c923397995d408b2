/// JSON encoding of nodes and edges as the evaluation contract (shared/eval/CONTRACT.md) describes:
/// one object a line, keys in a fixed order, UTF-8 written as is (no \u escapes for CJK).
public enum ContractJSON {
    /// One `{"type": "node", …}` line (without the trailing newline).
    public static func line(for node: NodeRecord) -> String {
        var out = "{\"type\": \"node\", \"id\": "
        appendString(node.id, to: &out)
        out.append(", \"kind\": ")
        appendString(node.kind.rawValue, to: &out)
        out.append(", \"label\": ")
        appendString(node.label, to: &out)
        out.append(", \"aliases\": [")
        for (i, a) in node.aliases.enumerated() {
            if i > 0 { out.append(", ") }
            appendString(a, to: &out)
        }
        out.append("], \"attrs\": ")
        appendAttributes(node.attributes, to: &out)
        out.append(", \"evidence\": ")
        appendEvidence(node.evidence, to: &out)
        out.append("}")
        return out
    }

    /// One `{"type": "edge", …}` line (without the trailing newline).
    public static func line(for edge: EdgeRecord) -> String {
        var out = "{\"type\": \"edge\", \"id\": "
        appendString(edge.id, to: &out)
        out.append(", \"kind\": ")
        appendString(edge.kind.rawValue, to: &out)
        out.append(", \"source\": ")
        appendString(edge.source, to: &out)
        out.append(", \"target\": ")
        appendString(edge.target, to: &out)
        out.append(", \"attrs\": ")
        appendAttributes(edge.attributes, to: &out)
        out.append(", \"evidence\": ")
        appendEvidence(edge.evidence, to: &out)
        out.append("}")
        return out
    }

    public static func appendAttributes(_ attributes: Attributes, to out: inout String) {
        out.append("{")
        for (i, key) in attributes.keys.sorted().enumerated() {
            if i > 0 { out.append(", ") }
            appendString(key, to: &out)
            out.append(": ")
            appendValue(attributes[key]!, to: &out)
        }
        out.append("}")
    }

    public static func appendValue(_ value: AttributeValue, to out: inout String) {
        switch value {
        case .string(let s): appendString(s, to: &out)
        case .int(let i): out.append(String(i))
        case .double(let d): out.append(d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        case .strings(let list):
            out.append("[")
            for (i, s) in list.enumerated() {
                if i > 0 { out.append(", ") }
                appendString(s, to: &out)
            }
            out.append("]")
        }
    }

    public static func appendEvidence(_ evidence: [Evidence], to out: inout String) {
        out.append("[")
        for (i, ev) in evidence.enumerated() {
            if i > 0 { out.append(", ") }
            out.append("{\"source\": ")
            appendString(ev.source, to: &out)
            out.append(", \"line\": ")
            out.append(String(ev.line))
            out.append(", \"column\": ")
            out.append(String(ev.column))
            out.append(", \"byte_start\": ")
            out.append(String(ev.byteStart))
            out.append(", \"byte_end\": ")
            out.append(String(ev.byteEnd))
            out.append(", \"text\": ")
            appendString(ev.text, to: &out)
            out.append("}")
        }
        out.append("]")
    }

    /// Appends `s` as a JSON string literal, escaping quotes, backslashes and control characters.
    ///
    /// Scans the UTF-8 bytes: every byte to escape is ASCII, so the runs between them are whole scalars, appended
    /// as substrings. (Appending through `out.unicodeScalars` copies the whole of `out` each time — quadratic in
    /// the length of a line, which made a node with thousands of evidence records take seconds to write.)
    public static func appendString(_ s: String, to out: inout String) {
        out.append("\"")
        let utf8 = s.utf8
        var pendingStart = utf8.startIndex
        var index = pendingStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: Substring(utf8[pendingStart..<index]))
                switch byte {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default:
                    let hex = String(byte, radix: 16)
                    out.append("\\u")
                    out.append(String(repeating: "0", count: 4 - hex.count))
                    out.append(hex)
                }
                pendingStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out.append(contentsOf: Substring(utf8[pendingStart..<utf8.endIndex]))
        out.append("\"")
    }
}
