import PolicyCore

/// Encodes per-source contributions as a flat stream of 32-bit words for the snapshot's `contributions` section.
/// Strings are indices into the graph's string table; a string missing from it is written inline as
/// `-1, byteCount, bytes packed 4 per word`. 64-bit numbers take two words (low, high).
enum ContributionCodec {
    static func encode(_ contributions: [SourceContribution], strings: StringTable) -> [Int32] {
        let index = StringInterner(table: strings)
        var out: [Int32] = [Int32(contributions.count)]
        func str(_ s: String) {
            if let i = index.lookup(s) { out.append(i); return }
            let bytes = Array(s.utf8)
            out.append(-1)
            out.append(Int32(bytes.count))
            var k = 0
            while k < bytes.count {
                var word: UInt32 = 0
                for j in 0..<4 where k + j < bytes.count { word |= UInt32(bytes[k + j]) << (8 * j) }
                out.append(Int32(bitPattern: word))
                k += 4
            }
        }
        func int64(_ v: Int64) {
            out.append(Int32(truncatingIfNeeded: v))
            out.append(Int32(truncatingIfNeeded: v >> 32))
        }
        func attributes(_ a: Attributes) {
            out.append(Int32(a.count))
            for key in a.keys.sorted() {
                str(key)
                switch a[key]! {
                case .string(let s): out.append(0); str(s)
                case .int(let i): out.append(1); int64(Int64(i))
                case .double(let d): out.append(2); int64(Int64(bitPattern: d.bitPattern))
                case .bool(let b): out.append(3); out.append(b ? 1 : 0)
                case .strings(let list): out.append(4); out.append(Int32(list.count)); list.forEach(str)
                case .null: out.append(5)
                }
            }
        }
        func evidence(_ list: [Evidence]) {
            out.append(Int32(list.count))
            for e in list {
                str(e.source)
                int64(Int64(e.line)); int64(Int64(e.column)); int64(Int64(e.byteStart)); int64(Int64(e.byteEnd))
                str(e.text)
            }
        }
        for c in contributions {
            str(c.path); str(c.contentHash); str(c.identity)
            out.append(Int32(c.nodes.count))
            for n in c.nodes {
                str(n.id); str(n.kind.rawValue); str(n.label)
                out.append(Int32(n.aliases.count)); n.aliases.forEach(str)
                attributes(n.attributes); evidence(n.evidence)
            }
            out.append(Int32(c.edges.count))
            for e in c.edges {
                str(e.kind.rawValue); str(e.source); str(e.target)
                attributes(e.attributes); evidence(e.evidence)
            }
        }
        return out
    }

    /// Decodes a stream of format `version` (version 1 has no identity after the hash: it is the path).
    static func decode(_ words: [Int32], strings: StringTable, version: UInt32 = SnapshotWriter.version,
                       path: String) throws -> [SourceContribution] {
        if words.isEmpty { return [] }
        var i = 0
        struct Malformed: Error {}
        func word() throws -> Int32 {
            guard i < words.count else { throw Malformed() }
            defer { i += 1 }
            return words[i]
        }
        func count() throws -> Int {
            let n = Int(try word())
            guard n >= 0, n <= words.count - i else { throw Malformed() }
            return n
        }
        func str() throws -> String {
            let w = try word()
            if w >= 0 {
                guard Int(w) < strings.count else { throw Malformed() }
                return strings[w]
            }
            let n = try count()
            var bytes: [UInt8] = []
            for _ in 0..<(n + 3) / 4 {
                let v = UInt32(bitPattern: try word())
                for j in 0..<4 where bytes.count < n { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * j))) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        func int64() throws -> Int64 {
            let low = UInt32(bitPattern: try word()), high = try word()
            return Int64(high) << 32 | Int64(low)
        }
        func attributes() throws -> Attributes {
            var a: Attributes = [:]
            for _ in 0..<(try count()) {
                let key = try str()
                switch try word() {
                case 0: a[key] = .string(try str())
                case 1: a[key] = .int(Int(try int64()))
                case 2: a[key] = .double(Double(bitPattern: UInt64(bitPattern: try int64())))
                case 3: a[key] = .bool(try word() != 0)
                case 4: a[key] = .strings(try (0..<(try count())).map { _ in try str() })
                case 5: a[key] = .null
                default: throw Malformed()
                }
            }
            return a
        }
        func evidence() throws -> [Evidence] {
            try (0..<(try count())).map { _ in
                Evidence(source: try str(), line: Int(try int64()), column: Int(try int64()),
                         byteStart: Int(try int64()), byteEnd: Int(try int64()), text: try str())
            }
        }
        do {
            var out: [SourceContribution] = []
            for _ in 0..<(try count()) {
                let sourcePath = try str(), hash = try str()
                var c = SourceContribution(path: sourcePath, identity: version >= 2 ? try str() : nil, contentHash: hash)
                for _ in 0..<(try count()) {
                    let id = try str(), kind = NodeKind(try str()), label = try str()
                    let aliases = try (0..<(try count())).map { _ in try str() }
                    c.nodes.append(NodeRecord(id: id, kind: kind, label: label, aliases: aliases,
                                              attributes: try attributes(), evidence: try evidence()))
                }
                for _ in 0..<(try count()) {
                    let kind = EdgeKind(try str()), source = try str(), target = try str()
                    c.edges.append(EdgeRecord(kind: kind, source: source, target: target,
                                              attributes: try attributes(), evidence: try evidence()))
                }
                out.append(c)
            }
            guard i == words.count else { throw Malformed() }
            return out
        } catch {
            throw KGError(file: path, "snapshot section 'contributions' is malformed at word \(i) of \(words.count)")
        }
    }
}
