/// JSON encoding of nodes and edges as the evaluation contract (shared/eval/CONTRACT.md) describes:
/// one object a line, keys in a fixed order, UTF-8 written as is (no \u escapes for CJK).
public enum ContractJSON {
    /// One `{"type": "node", …}` line (without the trailing newline).
    public static func line(for node: NodeRecord) -> String {
        var out = "{\"type\": \"node\", \"id\": "
        appendString(node.id, to: &out)
        out += ", \"kind\": "
        appendString(node.kind.rawValue, to: &out)
        out += ", \"label\": "
        appendString(node.label, to: &out)
        out += ", \"aliases\": ["
        for (i, a) in node.aliases.enumerated() {
            if i > 0 { out += ", " }
            appendString(a, to: &out)
        }
        out += "], \"attrs\": "
        appendAttributes(node.attributes, to: &out)
        out += ", \"evidence\": "
        appendEvidence(node.evidence, to: &out)
        out += "}"
        return out
    }

    /// One `{"type": "edge", …}` line (without the trailing newline).
    public static func line(for edge: EdgeRecord) -> String {
        var out = "{\"type\": \"edge\", \"id\": "
        appendString(edge.id, to: &out)
        out += ", \"kind\": "
        appendString(edge.kind.rawValue, to: &out)
        out += ", \"source\": "
        appendString(edge.source, to: &out)
        out += ", \"target\": "
        appendString(edge.target, to: &out)
        out += ", \"attrs\": "
        appendAttributes(edge.attributes, to: &out)
        out += ", \"evidence\": "
        appendEvidence(edge.evidence, to: &out)
        out += "}"
        return out
    }

    public static func appendAttributes(_ attributes: Attributes, to out: inout String) {
        out += "{"
        for (i, key) in attributes.keys.sorted().enumerated() {
            if i > 0 { out += ", " }
            appendString(key, to: &out)
            out += ": "
            appendValue(attributes[key]!, to: &out)
        }
        out += "}"
    }

    public static func appendValue(_ value: AttributeValue, to out: inout String) {
        switch value {
        case .string(let s): appendString(s, to: &out)
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .strings(let list):
            out += "["
            for (i, s) in list.enumerated() {
                if i > 0 { out += ", " }
                appendString(s, to: &out)
            }
            out += "]"
        }
    }

    public static func appendEvidence(_ evidence: [Evidence], to out: inout String) {
        out += "["
        for (i, ev) in evidence.enumerated() {
            if i > 0 { out += ", " }
            out += "{\"source\": "
            appendString(ev.source, to: &out)
            out += ", \"line\": \(ev.line), \"column\": \(ev.column), \"byte_start\": \(ev.byteStart), \"byte_end\": \(ev.byteEnd), \"text\": "
            appendString(ev.text, to: &out)
            out += "}"
        }
        out += "]"
    }

    /// Appends `s` as a JSON string literal, escaping quotes, backslashes and control characters.
    public static func appendString(_ s: String, to out: inout String) {
        out += "\""
        var pendingStart = s.unicodeScalars.startIndex
        var index = pendingStart
        let scalars = s.unicodeScalars
        while index != scalars.endIndex {
            let v = scalars[index].value
            if v < 0x20 || v == 0x22 || v == 0x5C {
                out.unicodeScalars.append(contentsOf: scalars[pendingStart..<index])
                switch v {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default:
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                pendingStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[pendingStart..<scalars.endIndex])
        out += "\""
    }
}
