import PolicyCore

/// A frozen graph's attribute rows (the `AttributeColumns` a builder filled), as columns that a mapped snapshot
/// provides in place. Payload by tag as in `AttributeColumns`.
struct AttributeTable: Sendable, Equatable {
    var keys: Column<Int32>
    var tags: Column<UInt8>
    var payloads: Column<Int64>
    var listItems: Column<Int32>

    var count: Int { keys.count }

    init(keys: Column<Int32>, tags: Column<UInt8>, payloads: Column<Int64>, listItems: Column<Int32>) {
        self.keys = keys
        self.tags = tags
        self.payloads = payloads
        self.listItems = listItems
    }

    init(_ rows: AttributeColumns) {
        self.init(keys: Column(rows.keys), tags: Column(rows.tags), payloads: Column(rows.payloads), listItems: Column(rows.listItems))
    }

    func value(_ row: Int, strings: StringTable) -> AttributeValue {
        let payload = payloads[row]
        switch AttributeColumns.Tag(rawValue: tags[row]) ?? .null {
        case .string: return .string(strings[Int32(truncatingIfNeeded: payload)])
        case .int: return .int(Int(payload))
        case .double: return .double(Double(bitPattern: UInt64(bitPattern: payload)))
        case .bool: return .bool(payload != 0)
        case .null: return .null
        case .strings:
            let start = Int(payload >> 32), count = Int(payload & 0xFFFF_FFFF)
            return .strings((start..<start + count).map { strings[listItems[$0]] })
        }
    }
}
