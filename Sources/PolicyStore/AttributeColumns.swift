import PolicyCore

/// Attribute values stored flat while a graph is built (frozen into an `AttributeTable`): one (key, tag, payload) row per attribute; string lists in `listItems`.
/// Payload by tag: string → string index; int → value; double → bit pattern; bool → 0/1;
/// strings → `start << 32 | count` into `listItems`; null → 0.
struct AttributeColumns: Sendable, Equatable {
    var keys: [Int32] = []
    var tags: [UInt8] = []
    var payloads: [Int64] = []
    var listItems: [Int32] = []

    enum Tag: UInt8 { case string = 0, int, double, bool, strings, null }

    var count: Int { keys.count }

    mutating func append(key: Int32, value: AttributeValue, interner: inout StringInterner) {
        keys.append(key)
        let (tag, payload) = Self.encode(value, interner: &interner, listItems: &listItems)
        tags.append(tag.rawValue)
        payloads.append(payload)
    }

    static func encode(_ value: AttributeValue, interner: inout StringInterner, listItems: inout [Int32]) -> (Tag, Int64) {
        switch value {
        case .string(let s): return (.string, Int64(interner.intern(s)))
        case .int(let i): return (.int, Int64(i))
        case .double(let d): return (.double, Int64(bitPattern: d.bitPattern))
        case .bool(let b): return (.bool, b ? 1 : 0)
        case .null: return (.null, 0)
        case .strings(let list):
            let start = Int64(listItems.count)
            for s in list { listItems.append(interner.intern(s)) }
            return (.strings, start << 32 | Int64(list.count))
        }
    }
}
