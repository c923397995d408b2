/// A trie over Unicode scalars in a double array that finds leftmost-longest dictionary matches over UTF-8 text
/// in one pass. Matches start only at UTF-8 scalar boundaries, so a pattern never matches inside a character.
/// Patterns must be valid UTF-8 (a pattern that is not can never match and is left out).
/// Built once, then shared read-only (a value type over immutable storage).
///
/// Each scalar of the patterns gets a dense code (1 … symbolCount; 0 for every other scalar), looked up in a
/// two-level table for the BMP. A trie node is a cell of the double array: the child of node `s` for code `c` is
/// cell `base[s] + c` when that cell's `check` is `s`. One step is thus two table loads and one compare, with
/// no search among a node's children.
public struct LongestMatchAutomaton: Sendable {
    let storage: Storage
    /// Frees `storage` when the last copy of the automaton goes.
    private let owner: StorageOwner
    /// The first two scalars (first << 32 | second) of each pattern of two or more scalars, for `Scan`'s filter.
    let pairPrefixes: [UInt64]
    /// The first six UTF-8 bytes (little-endian) of each pattern whose first two scalars are three bytes long each,
    /// for `Scan`'s filter on Han text.
    let hanPairPrefixes: [UInt64]
    /// Some pattern is one scalar of three UTF-8 bytes.
    let hasThreeByteSingle: Bool
    /// Number of distinct patterns.
    public let patternCount: Int

    /// Builds the automaton. When the same byte sequence is given twice, the first value is kept.
    public init(patterns: [(bytes: [UInt8], value: Int32)]) {
        // Patterns as scalar sequences. Scalars that begin a pattern get the lowest codes (so the root's children
        // fill the first cells without holes), each group by falling frequency.
        var scalarPatterns: [([UInt32], Int32)] = []
        var frequency: [UInt32: Int] = [:]
        var starts: Set<UInt32> = []
        for (bytes, value) in patterns where !bytes.isEmpty {
            guard let scalars = Self.validScalars(bytes) else { continue }
            scalarPatterns.append((scalars, value))
            starts.insert(scalars[0])
            for s in scalars { frequency[s, default: 0] += 1 }
        }
        let ordered = frequency.sorted {
            let (a, b) = (starts.contains($0.key), starts.contains($1.key))
            if a != b { return a }
            return $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
        precondition(ordered.count < Int(UInt16.max), "LongestMatchAutomaton: too many distinct scalars")
        var codeOf: [UInt32: Int32] = [:]
        for (i, entry) in ordered.enumerated() { codeOf[entry.key] = Int32(i + 1) }
        let symbolCount = ordered.count

        // A pointer trie with per-node child lists.
        var children: [[(code: Int32, node: Int32)]] = [[]]
        /// (node << 32 | code) → child, so that inserting a pattern does not search a node's children (the root has
        /// thousands).
        var childOf: [Int64: Int32] = [:]
        var values: [Int32] = [-1]
        var count = 0
        // Prefilters for `matches`: BMP scalars that begin a pattern, one-scalar patterns, hashed two-scalar prefixes.
        var firstBits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var singleBits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var pairPrefixes: Set<UInt64> = []
        var hanPairPrefixes: Set<UInt64> = []
        var hasThreeByteSingle = false
        var astralStart = false
        for (scalars, value) in scalarPatterns {
            let s0 = scalars[0]
            if scalars.count == 1, (0x800..<0x10000).contains(s0) { hasThreeByteSingle = true }
            if scalars.count >= 2, (0x800..<0x10000).contains(s0), (0x800..<0x10000).contains(scalars[1]) {
                var key: UInt64 = 0
                for (k, byte) in (Array(String(Unicode.Scalar(s0)!).utf8) + Array(String(Unicode.Scalar(scalars[1])!).utf8)).enumerated() {
                    key |= UInt64(byte) << UInt64(8 * k)
                }
                hanPairPrefixes.insert(key)
            }
            if s0 >= 0x10000 {
                astralStart = true
            } else {
                firstBits[Int(s0 >> 6)] |= 1 << UInt64(s0 & 63)
                if scalars.count == 1 { singleBits[Int(s0 >> 6)] |= 1 << UInt64(s0 & 63) }
            }
            if scalars.count >= 2 { pairPrefixes.insert(UInt64(s0) << 32 | UInt64(scalars[1])) }
            var node = 0
            for s in scalars {
                let c = codeOf[s]!
                let key = Int64(node) << 32 | Int64(c)
                if let next = childOf[key] {
                    node = Int(next)
                } else {
                    let next = Int32(children.count)
                    children.append([])
                    values.append(-1)
                    children[node].append((c, next))
                    childOf[key] = next
                    node = Int(next)
                }
            }
            if values[node] == -1 {
                values[node] = value
                count += 1
            }
        }
        // About 16 filter bits per prefix (a false-positive rate near 6 %), at least 2^10, at most 2^17 (16 KB).
        let (pairBits, pairShift) = Storage.bitFilter(pairPrefixes, bitsPerKey: 16, maxShift: 17, bit: Storage.pairBit)

        // Place the nodes in the double array, breadth first, each node's children at the first base where
        // all their cells are free. Cell 0 is the root. `used` has a bit per taken cell, to find free ones fast.
        var base: [Int32] = [0]
        var check: [Int32] = [-1]
        var cellValue: [Int32] = [values[0]]
        var used: [UInt64] = [1]
        var cellOfNode = [Int32](repeating: -1, count: children.count)
        cellOfNode[0] = 0
        var firstFree = 1
        func grow(to n: Int) {
            guard check.count < n else { return }
            let extra = n - check.count
            base.append(contentsOf: repeatElement(0, count: extra))
            check.append(contentsOf: repeatElement(-1, count: extra))
            cellValue.append(contentsOf: repeatElement(-1, count: extra))
            while used.count * 64 < n { used.append(0) }
        }
        /// The first free cell at or after `f`.
        func nextFree(_ f: Int) -> Int {
            var word = f >> 6
            guard word < used.count else { return f }
            var bits = ~used[word] & (~UInt64(0) << UInt64(f & 63))
            while bits == 0 {
                word += 1
                guard word < used.count else { return used.count * 64 }
                bits = ~used[word]
            }
            return word * 64 + bits.trailingZeroBitCount
        }
        var queue: [Int] = [0]
        var head = 0
        var codes: [Int] = []
        while head < queue.count {
            let node = queue[head]
            head += 1
            let list = children[node].sorted { $0.code < $1.code }
            guard !list.isEmpty else { continue }
            codes.removeAll(keepingCapacity: true)
            for child in list { codes.append(Int(child.code)) }
            let lowest = codes[0]
            var f = nextFree(max(firstFree, lowest))
            var b = f - lowest
            search: while true {
                grow(to: b + codes[codes.count - 1] + 1)
                for c in codes.dropFirst() where check[b + c] != -1 {
                    f = nextFree(f + 1)
                    b = f - lowest
                    continue search
                }
                break
            }
            let cell = Int(cellOfNode[node])
            base[cell] = Int32(b)
            for child in list {
                let t = b + Int(child.code)
                check[t] = Int32(cell)
                used[t >> 6] |= 1 << UInt64(t & 63)
                cellValue[t] = values[Int(child.node)]
                cellOfNode[Int(child.node)] = Int32(t)
                queue.append(Int(child.node))
            }
            firstFree = nextFree(firstFree)
        }
        // Every base + code stays inside the arrays (leaves keep base 0: their would-be children check false).
        grow(to: Int(base.max() ?? 0) + symbolCount + 1)

        // Two-level code table for the BMP: block v >> 8, then v & 0xFF; block 0 is all zeros (no pattern scalar).
        var blockStart = [Int32](repeating: 0, count: 256)
        var blocks = [UInt16](repeating: 0, count: 256)
        var astral: [UInt32: Int32] = [:]
        for (scalar, code) in codeOf.sorted(by: { $0.key < $1.key }) {
            if scalar >= 0x10000 { astral[scalar] = code; continue }
            let hi = Int(scalar >> 8)
            if blockStart[hi] == 0 {
                blockStart[hi] = Int32(blocks.count)
                blocks.append(contentsOf: repeatElement(0, count: 256))
            }
            blocks[Int(blockStart[hi]) + Int(scalar & 0xFF)] = UInt16(code)
        }
        // The Han-pair filter of this automaton alone (for `Scan`, after the filter of all automata passed: hashed
        // with another multiplier, so that its false positives are not those of that filter). At most 64 KB.
        let (hanPairBits, hanPairShift) = Storage.bitFilter(hanPairPrefixes, bitsPerKey: 32, maxShift: 19) { key, shift in
            Int(truncatingIfNeeded: Storage.ownHanPairProduct(key) >> UInt64(64 - shift))
        }
        storage = Storage(base: base, check: check, value: cellValue, blockStart: blockStart, blocks: blocks, astral: astral,
                          firstBits: firstBits, singleBits: singleBits, pairBits: pairBits, pairShift: pairShift,
                          hanPairBits: hanPairBits, hanPairShift: hanPairShift, astralStart: astralStart)
        owner = StorageOwner(storage)
        self.pairPrefixes = pairPrefixes.sorted()
        self.hanPairPrefixes = hanPairPrefixes.sorted()
        self.hasThreeByteSingle = hasThreeByteSingle
        patternCount = count
    }

    /// An automaton over `storage` (which it then owns), as `init(patterns:)` built it.
    init(storage: Storage, pairPrefixes: [UInt64], hanPairPrefixes: [UInt64], hasThreeByteSingle: Bool, patternCount: Int) {
        self.storage = storage
        owner = StorageOwner(storage)
        self.pairPrefixes = pairPrefixes
        self.hanPairPrefixes = hanPairPrefixes
        self.hasThreeByteSingle = hasThreeByteSingle
        self.patternCount = patternCount
    }

    /// Convenience: patterns as strings.
    public init(strings: [(String, Int32)]) {
        self.init(patterns: strings.map { (bytes: Array($0.0.utf8), value: $0.1) })
    }

    /// The scalars of `bytes`, or nil when they are not well-formed UTF-8.
    private static func validScalars(_ bytes: [UInt8]) -> [UInt32]? {
        var out: [UInt32] = []
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): out.append(s.value)
            case .emptyInput: return out
            case .error: return nil
            }
        }
    }

    /// Bytes in the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes).
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The longest pattern that starts exactly at `start` and ends at or before `limit`: its end and value.
    @inline(__always)
    public func longestMatch(in text: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> (end: Int, value: Int32)? {
        guard start >= 0, let p = text.baseAddress else { return nil }
        let limit = min(limit, text.count)
        // Most calls start at a scalar that begins no pattern: one bit test answers them.
        guard start < limit, storage.mayBegin(p, start, Self.scalarLength(p[start]), limit) else { return nil }
        let m = storage.longest(p, start, limit)
        return m.end < 0 ? nil : (m.end, m.value)
    }

    /// Array convenience for `longestMatch(in:at:limit:)`.
    public func longestMatch(in text: [UInt8], at start: Int, limit: Int) -> (end: Int, value: Int32)? {
        text.withUnsafeBufferPointer { longestMatch(in: $0, at: start, limit: limit) }
    }

    /// All leftmost-longest, non-overlapping matches inside `range`, in text order.
    public func matches(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [(range: Range<Int>, value: Int32)] {
        var out: [(range: Range<Int>, value: Int32)] = []
        guard let p = text.baseAddress else { return out }
        var i = max(range.lowerBound, 0)
        let end = min(range.upperBound, text.count)
        let storage = self.storage
        while i < end {
            let b = p[i]
            // Step a whole scalar at a time (a stray continuation byte counts as one).
            if b & 0xC0 == 0x80 { i += 1; continue }
            let length = Self.scalarLength(b)
            if storage.mayStartMatch(p, i, length, end) {
                let m = storage.longest(p, i, end)
                if m.end >= 0 {
                    out.append((range: i..<m.end, value: m.value))
                    i = m.end
                    continue
                }
            }
            i += length
        }
        return out
    }

    /// Array convenience for `matches(in:range:)`.
    public func matches(in text: [UInt8], range: Range<Int>) -> [(range: Range<Int>, value: Int32)] {
        text.withUnsafeBufferPointer { matches(in: $0, range: range) }
    }
}

extension LongestMatchAutomaton {
    /// Owns the memory of a `Storage`.
    final class StorageOwner: Sendable {
        let storage: Storage
        init(_ storage: Storage) { self.storage = storage }
        deinit { storage.deallocate() }
    }

    /// The double array, the code tables and the prefilters in manually allocated memory, written once in `init`
    /// and only read afterwards (hence safe to share between threads). A plain value without reference counting,
    /// valid while its `StorageOwner` lives.
    struct Storage: @unchecked Sendable {
        /// Per cell: base of its children and the parent cell it belongs to (-1: free).
        struct Cell {
            var base: Int32
            var check: Int32
        }

        let cells: UnsafeMutablePointer<Cell>
        /// Payload of the pattern ending at each cell (-1: none).
        let values: UnsafeMutablePointer<Int32>
        let cellCount: Int
        /// Offset into `blocks` of the 256 codes of BMP block v >> 8 (0: the all-zero block).
        let blockStart: UnsafeMutablePointer<Int32>
        let blocks: UnsafeMutablePointer<UInt16>
        /// Scalars beyond the BMP (rare), sorted, and their codes.
        let astralScalars: UnsafeMutablePointer<UInt32>
        let astralCodes: UnsafeMutablePointer<Int32>
        let astralCount: Int
        /// Bit v: some pattern begins with BMP scalar v / is that scalar alone. 8 KB each, cache-resident.
        let firstBits: UnsafeMutablePointer<UInt64>
        let singleBits: UnsafeMutablePointer<UInt64>
        /// Hashed first two scalars of the patterns of two or more scalars, `1 << pairShift` bits.
        let pairBits: UnsafeMutablePointer<UInt64>
        let pairShift: Int
        /// Hashed first six bytes of the patterns that begin with two three-byte scalars, `1 << hanPairShift` bits
        /// (bit `ownHanPairProduct(key) >> (64 - hanPairShift)`).
        let hanPairBits: UnsafeMutablePointer<UInt64>
        let hanPairShift: Int
        /// Some pattern begins with a scalar beyond the BMP (the filters then let every such scalar through).
        let astralStart: Bool

        init(base: [Int32], check: [Int32], value: [Int32], blockStart: [Int32], blocks: [UInt16], astral: [UInt32: Int32],
             firstBits: [UInt64], singleBits: [UInt64], pairBits: [UInt64], pairShift: Int, hanPairBits: [UInt64],
             hanPairShift: Int, astralStart: Bool) {
            cellCount = base.count
            cells = .allocate(capacity: cellCount)
            for i in 0..<cellCount { (cells + i).initialize(to: Cell(base: base[i], check: check[i])) }
            values = Self.copy(value)
            self.blockStart = Self.copy(blockStart)
            self.blocks = Self.copy(blocks)
            let sortedAstral = astral.sorted { $0.key < $1.key }
            astralCount = sortedAstral.count
            astralScalars = Self.copy(sortedAstral.map(\.key))
            astralCodes = Self.copy(sortedAstral.map(\.value))
            self.firstBits = Self.copy(firstBits)
            self.singleBits = Self.copy(singleBits)
            self.pairBits = Self.copy(pairBits)
            self.pairShift = pairShift
            self.hanPairBits = Self.copy(hanPairBits)
            self.hanPairShift = hanPairShift
            self.astralStart = astralStart
        }

        /// The hash product of six raw UTF-8 bytes (little-endian in the low 48 bits of `key`); its top bits index
        /// `Scan`'s Han-pair filter of all its automata.
        @inline(__always)
        static func hanPairProduct(_ key: UInt64) -> UInt64 {
            (key & 0xFFFF_FFFF_FFFF) &* 0x9E37_79B9_7F4A_7C15
        }

        /// The hash product of the automaton's own Han-pair filter.
        @inline(__always)
        static func ownHanPairProduct(_ key: UInt64) -> UInt64 {
            (key & 0xFFFF_FFFF_FFFF) &* 0xC2B2_AE3D_27D4_EB4F
        }

        /// False when no pattern begins with the two three-byte scalars whose raw bytes gave `product`
        /// (`ownHanPairProduct` of them).
        @inline(__always)
        func mayStartHanPair(product: UInt64) -> Bool {
            let h = Int(truncatingIfNeeded: product &>> UInt64(truncatingIfNeeded: 64 &- hanPairShift))
            return hanPairBits[h &>> 6] & (1 &<< UInt64(truncatingIfNeeded: h)) != 0
        }

        private static func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            p.initialize(from: array, count: array.count)
            return p
        }

        func deallocate() {
            astralScalars.deallocate()
            astralCodes.deallocate()
            cells.deallocate()
            values.deallocate()
            blockStart.deallocate()
            blocks.deallocate()
            firstBits.deallocate()
            singleBits.deallocate()
            pairBits.deallocate()
            hanPairBits.deallocate()
        }

        /// A bit filter of `keys`: `1 << shift` bits, the smallest power of two from 2^10 with at least `bitsPerKey`
        /// bits a key (at most 2^maxShift), with bit `bit(key, shift)` set for every key. Built once per automaton.
        static func bitFilter<Keys: Collection>(_ keys: Keys, bitsPerKey: Int, maxShift: Int,
                                                bit: (UInt64, Int) -> Int) -> (bits: [UInt64], shift: Int) where Keys.Element == UInt64 {
            var shift = 10
            while shift < maxShift, (1 << shift) < keys.count * bitsPerKey { shift += 1 }
            var bits = [UInt64](repeating: 0, count: (1 << shift) / 64)
            for key in keys {
                let h = bit(key, shift)
                bits[h >> 6] |= 1 << UInt64(h & 63)
            }
            return (bits, shift)
        }

        /// `pairHash` of a pair key (first scalar in the high word, second in the low one).
        static func pairBit(_ key: UInt64, _ shift: Int) -> Int {
            pairHash(UInt32(key >> 32), UInt32(truncatingIfNeeded: key), shift)
        }

        /// Hash of a two-scalar prefix into `1 << shift` bits.
        @inline(__always)
        static func pairHash(_ first: UInt32, _ second: UInt32, _ shift: Int) -> Int {
            let key = UInt64(first) << 32 | UInt64(second)
            return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - shift))
        }

        /// The value of the 1–4-byte UTF-8 sequence at `i` (bits taken as they stand, without validation).
        @inline(__always)
        static func rawValue(_ p: UnsafePointer<UInt8>, _ i: Int, _ length: Int) -> UInt32 {
            if _fastPath(length == 3) {
                return (UInt32(p[i] & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F)
            }
            if length == 1 { return UInt32(p[i]) }
            if length == 2 { return (UInt32(p[i] & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F) }
            return (UInt32(p[i] & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12) | (UInt32(p[i + 2] & 0x3F) << 6)
                | UInt32(p[i + 3] & 0x3F)
        }

        @inline(__always)
        private static func test(_ bits: UnsafeMutablePointer<UInt64>, _ v: Int) -> Bool {
            bits[v >> 6] & (1 << UInt64(v & 63)) != 0
        }

        /// False when no pattern begins with the scalar of `length` bytes at `i` (before `end`).
        @inline(__always)
        func mayBegin(_ p: UnsafePointer<UInt8>, _ i: Int, _ length: Int, _ end: Int) -> Bool {
            guard i + length <= end else { return false }
            if length == 4 { return astralStart }
            return Self.test(firstBits, Int(Self.rawValue(p, i, length)))
        }

        /// `mayStartMatch(_:_:_:_:)` given the scalars already decoded: `first` of `length` bytes (whole before the
        /// end) and, when `hasNext`, the `second` after it.
        @inline(__always)
        func mayStartMatch(_ first: UInt32, _ length: Int, _ hasNext: Bool, _ second: UInt32) -> Bool {
            if length == 4 { return astralStart }
            if !Self.test(firstBits, Int(first)) { return false }
            if Self.test(singleBits, Int(first)) { return true }
            return hasNext && Self.test(pairBits, Self.pairHash(first, second, pairShift))
        }

        /// False when no pattern can start with the scalar of `length` bytes at `i` (before `end`): its first scalar,
        /// or its first two, begin none. Never false where a match starts; the walk decides the rest.
        @inline(__always)
        func mayStartMatch(_ p: UnsafePointer<UInt8>, _ i: Int, _ length: Int, _ end: Int) -> Bool {
            guard i + length <= end else { return false }
            if length == 4 { return astralStart }
            let v0 = Self.rawValue(p, i, length)
            if !Self.test(firstBits, Int(v0)) { return false }
            if Self.test(singleBits, Int(v0)) { return true }
            let j = i + length
            guard j < end else { return false }
            let length1 = LongestMatchAutomaton.scalarLength(p[j])
            guard j + length1 <= end else { return false }
            return Self.test(pairBits, Self.pairHash(v0, Self.rawValue(p, j, length1), pairShift))
        }

        @inline(__always)
        private func bmpCode(_ v: UInt32) -> Int {
            Int(blocks[Int(blockStart[Int(v >> 8)]) + Int(v & 0xFF)])
        }

        /// Code of the well-formed scalar at `j` (whole before `limit`) and its length; code 0 when no pattern
        /// holds it or the bytes are not a well-formed scalar.
        @inline(__always)
        private func code(_ p: UnsafePointer<UInt8>, _ j: Int, _ limit: Int) -> (code: Int, length: Int) {
            let b0 = UInt32(p[j])
            if b0 < 0x80 { return (bmpCode(b0), 1) }
            if b0 >= 0xE0 && b0 < 0xF0 {
                guard j + 3 <= limit else { return (0, 3) }
                let b1 = UInt32(p[j + 1]), b2 = UInt32(p[j + 2])
                guard (b1 & 0xC0) | ((b2 & 0xC0) << 8) == 0x8080 else { return (0, 3) }
                let v = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)
                // Overlong forms and surrogates are no scalars.
                guard v >= 0x800, v & 0xF800 != 0xD800 else { return (0, 3) }
                return (bmpCode(v), 3)
            }
            if b0 >= 0xC2 && b0 < 0xE0 {
                guard j + 2 <= limit else { return (0, 2) }
                let b1 = UInt32(p[j + 1])
                guard b1 & 0xC0 == 0x80 else { return (0, 2) }
                return (bmpCode(((b0 & 0x1F) << 6) | (b1 & 0x3F)), 2)
            }
            if b0 >= 0xF0 && b0 <= 0xF4, astralCount > 0 {
                guard j + 4 <= limit else { return (0, 4) }
                let b1 = UInt32(p[j + 1]), b2 = UInt32(p[j + 2]), b3 = UInt32(p[j + 3])
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return (0, 4) }
                let v = ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F)
                guard v >= 0x10000, v <= 0x10FFFF else { return (0, 4) }
                return (astralCode(v), 4)
            }
            return (0, 1)
        }

        /// Code of scalar `v` beyond the BMP (0 when no pattern holds it), by binary search.
        private func astralCode(_ v: UInt32) -> Int {
            var lo = 0, hi = astralCount
            while lo < hi {
                let mid = (lo + hi) >> 1
                if astralScalars[mid] < v { lo = mid + 1 } else { hi = mid }
            }
            return lo < astralCount && astralScalars[lo] == v ? Int(astralCodes[lo]) : 0
        }

        /// End and value of the longest pattern starting at `start` and ending at or before `limit`; end -1 when none.
        @inline(__always)
        func longest(_ p: UnsafePointer<UInt8>, _ start: Int, _ limit: Int) -> (end: Int, value: Int32) {
            walk(p, from: 0, at: start, limit, bestEnd: -1, bestValue: -1)
        }

        /// `longest(p, start, limit)` where two three-byte scalars, raw bytes `w` (little-endian, as `Scan` loaded
        /// them), start at `start` and end at or before `limit`: their two steps without reading the bytes again.
        @inline(__always)
        func longest(_ p: UnsafePointer<UInt8>, _ start: Int, _ limit: Int, hanPair w: UInt64) -> (end: Int, value: Int32) {
            let v0 = (UInt32(truncatingIfNeeded: w) & 0x0F) << 12 | (UInt32(truncatingIfNeeded: w >> 8) & 0x3F) << 6
                | UInt32(truncatingIfNeeded: w >> 16) & 0x3F
            // Overlong forms and surrogates are no scalars (as in `code`).
            guard v0 >= 0x800, v0 & 0xF800 != 0xD800 else { return (-1, -1) }
            let c0 = bmpCode(v0)
            let t0 = Int(cells[0].base) &+ c0
            guard c0 != 0, cells[t0].check == 0 else { return (-1, -1) }
            var bestEnd = -1
            var bestValue: Int32 = -1
            if values[t0] >= 0 {
                bestEnd = start + 3
                bestValue = values[t0]
            }
            let v1 = (UInt32(truncatingIfNeeded: w >> 24) & 0x0F) << 12 | (UInt32(truncatingIfNeeded: w >> 32) & 0x3F) << 6
                | UInt32(truncatingIfNeeded: w >> 40) & 0x3F
            guard v1 >= 0x800, v1 & 0xF800 != 0xD800 else { return (bestEnd, bestValue) }
            let c1 = bmpCode(v1)
            let t1 = Int(cells[t0].base) &+ c1
            guard c1 != 0, cells[t1].check == Int32(truncatingIfNeeded: t0) else { return (bestEnd, bestValue) }
            if values[t1] >= 0 {
                bestEnd = start + 6
                bestValue = values[t1]
            }
            return walk(p, from: t1, at: start + 6, limit, bestEnd: bestEnd, bestValue: bestValue)
        }

        /// The walk of `longest` from cell `cell` at byte `j`, with the best match found before it.
        @inline(__always)
        private func walk(_ p: UnsafePointer<UInt8>, from cell: Int, at j: Int, _ limit: Int, bestEnd: Int, bestValue: Int32)
            -> (end: Int, value: Int32) {
            var cell = cell
            var j = j
            var bestEnd = bestEnd
            var bestValue = bestValue
            while j < limit {
                let (c, length) = code(p, j, limit)
                if c == 0 { break }
                let t = Int(cells[cell].base) &+ c
                if cells[t].check != Int32(truncatingIfNeeded: cell) { break }
                cell = t
                j += length
                let v = values[t]
                if v >= 0 {
                    bestEnd = j
                    bestValue = v
                }
            }
            return (bestEnd, bestValue)
        }
    }
}

extension LongestMatchAutomaton {
    /// Several automata run over the same text in one pass: for each, the same matches as its own
    /// `matches(in:range:)`. Per scalar one filter decides whether any automaton can match there: a bit per
    /// one-scalar pattern and a hashed bit per two-scalar prefix of all of them; only where it passes are the
    /// automata's own filters and walks run.
    struct Scan: Sendable {
        /// The automata (which keep the tables alive) and their tables.
        let automata: [LongestMatchAutomaton]
        private let storages: [Storage]
        /// Bit v: a pattern of some automaton begins with BMP scalar v.
        private let firstBits: [UInt64]
        /// Bit v: BMP scalar v alone is a pattern of some automaton.
        private let singleBits: [UInt64]
        /// Hashed first two scalars of every automaton's longer patterns, `1 << pairShift` bits.
        private let pairBits: [UInt64]
        private let pairShift: Int
        private let astralStart: Bool
        /// Hashed first six bytes of every automaton's patterns that begin with two three-byte scalars,
        /// `1 << hanPairShift` bits: where two three-byte scalars stand, one test of their raw bytes decides.
        private let hanPairBits: [UInt64]
        private let hanPairShift: Int
        /// Some automaton has a pattern of one three-byte scalar (the Han-pair test then does not decide alone).
        private let threeByteSingles: Bool

        init(_ automata: [LongestMatchAutomaton]) {
            self.automata = automata
            storages = automata.map(\.storage)
            var first = [UInt64](repeating: 0, count: 0x10000 / 64)
            var single = [UInt64](repeating: 0, count: 0x10000 / 64)
            for a in automata {
                for w in 0..<single.count {
                    first[w] |= a.storage.firstBits[w]
                    single[w] |= a.storage.singleBits[w]
                }
            }
            firstBits = first
            singleBits = single
            (pairBits, pairShift) = Storage.bitFilter(automata.flatMap(\.pairPrefixes), bitsPerKey: 16, maxShift: 17,
                                                      bit: Storage.pairBit)
            astralStart = automata.contains { $0.storage.astralStart }
            // About 32 bits per prefix (a false-positive rate near 3 %): this filter sees every Han scalar.
            (hanPairBits, hanPairShift) = Storage.bitFilter(automata.flatMap(\.hanPairPrefixes), bitsPerKey: 32, maxShift: 18) { key, shift in
                Int(truncatingIfNeeded: Storage.hanPairProduct(key) >> UInt64(64 - shift))
            }
            threeByteSingles = automata.contains { $0.hasThreeByteSingle }
        }

        /// The first position from `i` on, before `end`, where no two three-byte scalars stand or where `bits`, the
        /// filter of all automata, lets their raw bytes through; `i` itself when it is not before `end`, else `end`
        /// when there is none. Its own function, so that the loop (the one over most of the text) keeps everything
        /// in registers.
        @inline(never)
        private static func skipHanPairs(_ p: UnsafePointer<UInt8>, from i: Int, before end: Int,
                                         _ bits: UnsafePointer<UInt64>, _ shift: UInt64) -> Int {
            var i = i
            while i < end {
                let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                if w & 0xC0C0_F0C0_C0F0 != 0x8080_E080_80E0 { return i }
                let h = Int(truncatingIfNeeded: Storage.hanPairProduct(w) &>> shift)
                if bits[h &>> 6] & (1 &<< UInt64(truncatingIfNeeded: h)) != 0 { return i }
                i &+= 3
            }
            return i
        }

        /// `automata[k].matches(in: text, range: range)` for every k.
        func matches(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [[(range: Range<Int>, value: Int32)]] {
            let n = automata.count
            var out = [[(range: Range<Int>, value: Int32)]](repeating: [], count: n)
            guard let p = text.baseAddress else { return out }
            var i = max(range.lowerBound, 0)
            let end = min(range.upperBound, text.count)
            // Where each automaton may match next (the end of its last match).
            var next = [Int](repeating: i, count: n)
            let shift = pairShift
            // The right shift that leaves `hanPairShift` bits of the product.
            let hanShift = UInt64(64 - hanPairShift)
            let threeByteSingles = self.threeByteSingles
            // Eight bytes may be loaded at `i` while `i < fastEnd` (inside the buffer, whatever `end` is), and the
            // six bytes tested lie before `end`.
            let fastEnd = min(text.count - 7, end - 5)
            firstBits.withUnsafeBufferPointer { first in
            singleBits.withUnsafeBufferPointer { single in
            pairBits.withUnsafeBufferPointer { pairs in
            hanPairBits.withUnsafeBufferPointer { hanPairBuffer in
            let hanPairs = hanPairBuffer.baseAddress!
            storages.withUnsafeBufferPointer { storages in
            next.withUnsafeMutableBufferPointer { next in
                while i < end {
                    // The common case in Han text: two whole three-byte scalars at `i`. Their six raw bytes, hashed,
                    // are tested against the patterns' first six bytes: no decoding for the scalars that begin none.
                    // (With one-scalar patterns of three bytes the test does not decide alone: the general path runs.)
                    if !threeByteSingles {
                        while true {
                            i = Self.skipHanPairs(p, from: i, before: fastEnd, hanPairs, hanShift)
                            guard i < fastEnd else { break }
                            let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                            if w & 0xC0C0_F0C0_C0F0 != 0x8080_E080_80E0 { break }
                            // Some automaton has patterns beginning with these two scalars: each one's own filter,
                            // then its walk.
                            let own = Storage.ownHanPairProduct(w)
                            for k in 0..<n where i >= next[k] && storages[k].mayStartHanPair(product: own) {
                                let m = storages[k].longest(p, i, end, hanPair: w)
                                if m.end >= 0 {
                                    out[k].append((range: i..<m.end, value: m.value))
                                    next[k] = m.end
                                }
                            }
                            i &+= 3
                        }
                        guard i < end else { break }
                    }
                    let b = p[i]
                    // The scalar's length and value (bits as they stand: the walk validates). Most scalars begin
                    // no pattern at all: one bit test skips them.
                    let length: Int
                    let v0: UInt32
                    if b & 0xF0 == 0xE0, i &+ 3 <= end {
                        v0 = (UInt32(b & 0x0F) << 12) | (UInt32(p[i &+ 1] & 0x3F) << 6) | UInt32(p[i &+ 2] & 0x3F)
                        if first[Int(v0 &>> 6)] & (1 &<< UInt64(v0 & 63)) == 0 { i &+= 3; continue }
                        length = 3
                    } else {
                        if b & 0xC0 == 0x80 { i += 1; continue }  // a stray continuation byte
                        length = LongestMatchAutomaton.scalarLength(b)
                        // No match where the scalar is cut off by the end.
                        guard i + length <= end else { i += length; continue }
                        v0 = Storage.rawValue(p, i, length)
                        if length < 4, first[Int(v0 >> 6)] & (1 << UInt64(v0 & 63)) == 0 { i += length; continue }
                    }
                    let j = i + length
                    // The next scalar, when it is whole before the end.
                    var v1: UInt32 = 0
                    var hasNext = false
                    if j < end {
                        let length1 = LongestMatchAutomaton.scalarLength(p[j])
                        if j + length1 <= end {
                            v1 = Storage.rawValue(p, j, length1)
                            hasNext = true
                        }
                    }
                    var candidate = length == 4 ? astralStart : single[Int(v0 >> 6)] & (1 << UInt64(v0 & 63)) != 0
                    if !candidate, hasNext {
                        let h = Storage.pairHash(v0, v1, shift)
                        candidate = pairs[h >> 6] & (1 << UInt64(h & 63)) != 0
                    }
                    if candidate {
                        for k in 0..<n where i >= next[k] {
                            guard storages[k].mayStartMatch(v0, length, hasNext, v1) else { continue }
                            let m = storages[k].longest(p, i, end)
                            if m.end >= 0 {
                                out[k].append((range: i..<m.end, value: m.value))
                                next[k] = m.end
                            }
                        }
                    }
                    i = j
                }
            }
            }
            }
            }
            }
            }
            return out
        }
    }
}
