import PolicyCore

/// What identifies a base snapshot file: the checksum of its header (which holds every section's length and
/// checksum) and its length. A delta names the base it applies to; a delta naming another base is stale.
struct SnapshotFingerprint: Equatable, Sendable {
    var headerCRC: UInt32
    var byteCount: UInt64
}

/// One change to the contributions of a store, in the order the store made it.
enum ContributionChange: Equatable, Sendable {
    /// Adds the source's contribution at the end, or replaces the contribution with its identity in place.
    case put(SourceContribution)
    /// Withdraws the contribution with this identity.
    case withdraw(identity: String)
}

/// A checkpoint's changes, saved beside a base snapshot instead of rewriting it (`<snapshot>.delta.<sequence>`,
/// see SNAPSHOT-FORMAT.md): the contributions put or withdrawn since the base and the deltas before this one.
/// Applying the deltas 1, 2, … in order to the base's contributions gives the contributions a full rewrite saves.
struct SnapshotDelta: Equatable {
    static let magic: [UInt8] = Array("PKGDELT\u{1A}".utf8)
    static let version: UInt32 = 1
    static let headerSize = 48

    /// 1 for the first delta after the base.
    var sequence: Int
    var base: SnapshotFingerprint
    var changes: [ContributionChange]

    /// The file's bytes: header, string table, change words, CRC-32C of everything before it.
    func encoded() -> [UInt8] {
        var interner = StringInterner()
        for change in changes {
            switch change {
            case .put(let c): Self.intern(c, into: &interner)
            case .withdraw(let identity): _ = interner.intern(identity)
            }
        }
        let strings = interner.freeze()
        var words: [Int32] = [Int32(changes.count)]
        var puts: [SourceContribution] = []
        for change in changes {
            switch change {
            case .put(let c):
                words += [1, interner.lookup(c.identity)!, Int32(truncatingIfNeeded: c.ordinal), Int32(truncatingIfNeeded: Int64(c.ordinal) >> 32)]
                puts.append(c)
            case .withdraw(let identity):
                words += [0, interner.lookup(identity)!, 0, 0]
            }
        }
        words += ContributionCodec.encode(puts, strings: strings)

        var out = Self.magic
        appendLE(Self.version, to: &out)
        appendLE(UInt32(sequence), to: &out)
        appendLE(base.byteCount, to: &out)
        appendLE(base.headerCRC, to: &out)
        appendLE(UInt32(strings.count), to: &out)
        appendLE(UInt64(strings.bytes.count), to: &out)
        appendLE(UInt64(words.count), to: &out)
        strings.bytes.withUnsafeBytes { out.append(contentsOf: $0) }
        out += [UInt8](repeating: 0, count: Self.padding(strings.bytes.count))
        strings.offsets.withUnsafeBytes { out.append(contentsOf: $0) }
        words.withUnsafeBytes { out.append(contentsOf: $0) }
        appendLE(out.withUnsafeBytes { CRC32C.checksum($0) }, to: &out)
        return out
    }

    /// Decodes and verifies a delta file's bytes; any damage (length, checksum, structure) throws a `KGError`
    /// naming `path`.
    init(decoding file: UnsafeRawBufferPointer, path: String) throws {
        func damaged(_ why: String) -> KGError {
            KGError(file: path, kind: .snapshotDamaged, "snapshot delta is damaged: \(why)")
        }
        guard file.count >= Self.headerSize + 4 else {
            throw damaged("it has \(file.count) bytes, fewer than a header and checksum (\(Self.headerSize + 4))")
        }
        guard Self.magic.indices.allSatisfy({ file[$0] == Self.magic[$0] }) else { throw damaged("bad magic bytes") }
        let load = { (offset: Int) in SnapshotReader.loadLE(UInt32.self, file, offset) }
        let load64 = { (offset: Int) in SnapshotReader.loadLE(UInt64.self, file, offset) }
        let storedCRC = load(file.count - 4)
        let actualCRC = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: file[0..<file.count - 4]))
        guard storedCRC == actualCRC else {
            throw damaged("checksum expected \(SnapshotReader.hex(storedCRC)), found \(SnapshotReader.hex(actualCRC))")
        }
        let version = load(8)
        guard version == Self.version else {
            throw KGError(file: path, kind: .snapshotVersion, "snapshot delta format version \(version) is not supported; this build reads version \(Self.version)")
        }
        sequence = Int(load(12))
        base = SnapshotFingerprint(headerCRC: load(24), byteCount: load64(16))
        let stringCount = UInt64(load(28)), stringBytes = load64(32), wordCount = load64(40)
        // Bounded by the file's length before any arithmetic, so that no length field can point outside it.
        let size = UInt64(file.count)
        let bytesEnd = UInt64(Self.headerSize) + min(stringBytes, size) + UInt64(Self.padding(Int(stringBytes % 4)))
        guard stringBytes < size, wordCount < size, bytesEnd + 4 * (stringCount + 1) + 4 * wordCount + 4 == size else {
            throw damaged("its lengths (\(stringCount) strings of \(stringBytes) bytes, \(wordCount) words) do not add up to its \(file.count) bytes")
        }
        func array<T>(_: T.Type, from start: Int, count: Int) -> [T] {
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                if count > 0 {
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: file[start..<start + count * MemoryLayout<T>.stride]))
                }
                initialized = count
            }
        }
        let bytes = array(UInt8.self, from: Self.headerSize, count: Int(stringBytes))
        let offsetsStart = Int(bytesEnd)
        let offsets = array(UInt32.self, from: offsetsStart, count: Int(stringCount) + 1)
        let words = array(Int32.self, from: offsetsStart + 4 * (Int(stringCount) + 1), count: Int(wordCount))
        guard offsets.first == 0, Int(offsets.last!) == bytes.count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw damaged("its string offsets are out of order")
        }
        let strings = StringTable(bytes: Column(bytes), offsets: Column(offsets))

        guard let changeCount = words.first, changeCount >= 0, 1 + 4 * Int(changeCount) <= words.count else {
            throw damaged("its change list is malformed")
        }
        let contributionWords = Array(words[(1 + 4 * Int(changeCount))...])
        var puts = try ContributionCodec.decode(contributionWords, strings: strings, path: path)[...]
        var changes: [ContributionChange] = []
        for k in 0..<Int(changeCount) {
            let tag = words[1 + 4 * k], identity = words[2 + 4 * k]
            guard identity >= 0, Int(identity) < strings.count else { throw damaged("change \(k) names no string") }
            switch tag {
            case 0:
                changes.append(.withdraw(identity: strings[identity]))
            case 1:
                guard var c = puts.popFirst(), c.identity == strings[identity] else {
                    throw damaged("change \(k) does not match its contribution")
                }
                c.ordinal = Int(Int64(words[4 + 4 * k]) << 32 | Int64(UInt32(bitPattern: words[3 + 4 * k])))
                changes.append(.put(c))
            default:
                throw damaged("change \(k) has unknown kind \(tag)")
            }
        }
        guard puts.isEmpty else { throw damaged("it holds more contributions than changes") }
        self.changes = changes
    }

    init(sequence: Int, base: SnapshotFingerprint, changes: [ContributionChange]) {
        self.sequence = sequence
        self.base = base
        self.changes = changes
    }

    /// Zero bytes after `count` string bytes, up to a multiple of 4 (the offsets and words that follow are 4-byte
    /// aligned when the file is).
    private static func padding(_ count: Int) -> Int { (4 - count % 4) % 4 }

    private static func intern(_ c: SourceContribution, into interner: inout StringInterner) {
        func attributes(_ a: Attributes) {
            for (key, value) in a {
                _ = interner.intern(key)
                switch value {
                case .string(let s): _ = interner.intern(s)
                case .strings(let list): for s in list { _ = interner.intern(s) }
                default: break
                }
            }
        }
        func evidence(_ list: [Evidence]) {
            for e in list { _ = interner.intern(e.source); _ = interner.intern(e.text) }
        }
        for s in [c.path, c.contentHash, c.identity] { _ = interner.intern(s) }
        for n in c.nodes {
            _ = interner.intern(n.id); _ = interner.intern(n.kind.rawValue); _ = interner.intern(n.label)
            for a in n.aliases { _ = interner.intern(a) }
            attributes(n.attributes); evidence(n.evidence)
        }
        for e in c.edges {
            _ = interner.intern(e.kind.rawValue); _ = interner.intern(e.source); _ = interner.intern(e.target)
            attributes(e.attributes); evidence(e.evidence)
        }
    }
}
