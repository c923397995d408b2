import COpenCC
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The start-up of traditional → simplified conversion, for commands that will read text.
public enum TraditionalConversion {
    /// Starts building the shared tables on another thread (OpenCC converts every candidate ideograph once, a
    /// noticeable part of a short run's start-up), so that a command which loads its ontology meanwhile does not
    /// wait for them when it reads its first text.
    public static func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { _ = TraditionalChinese.shared }
    }
}

/// Traditional → simplified Chinese, from OpenCC's `t2s` configuration (Debian `libopencc-dev`: the dictionaries
/// TSCharacters and TSPhrases). The only module that links OpenCC is this one.
///
/// Built once per process: OpenCC converts every candidate ideograph once (one call, one character a line), which
/// gives the per-character table and the set of characters that t2s changes ("traditional-only" characters, the
/// cheap test that tells traditional text). Lines of traditional text are converted by OpenCC with its phrase
/// dictionary (`著力` → `着力` but `著名` kept); its result is taken where it keeps the number of scalars (each
/// scalar then stays mapped to the one it replaces), else each ideograph goes through the per-character table.
/// Without OpenCC's data (library present, dictionaries missing) nothing counts as traditional and nothing converts.
final class TraditionalChinese: Sendable {
    static let shared = TraditionalChinese(environment: ProcessInfo.processInfo.environment)

    /// First scalar of `traditionalFlags`: CJK punctuation (never set), extension A, then the unified
    /// ideographs to U+9FFF — the bulk of any Chinese text is tested by one bit.
    static let flagsBase: UInt32 = 0x3000
    static let flagsCount: UInt32 = 0xA000 - 0x3000

    /// One byte per scalar U+3000–9FFF: 1 when t2s changes the character, else 0 (a byte load is the cheapest test
    /// the survey of every file can make).
    let traditionalFlags: [UInt8]
    /// Scalar → simplified scalar, for every candidate (the ideographs of the BMP) that t2s turns into exactly one
    /// other scalar.
    let table: [UInt32: UInt32]
    private let converter: Mutex<Converter>
    /// Whether the tables were read from the cache (for tests).
    let readFromCache: Bool

    /// The OpenCC handle, opened when a line is first converted (OpenCC's converter is used under a lock: its
    /// thread safety is not documented).
    struct Converter: ~Copyable, @unchecked Sendable {
        var handle: UnsafeMutableRawPointer?
        var opened = false

        /// The handle, opened on first use (nil when OpenCC or its t2s data cannot be opened).
        mutating func open() -> UnsafeMutableRawPointer? {
            if !opened {
                opened = true
                handle = TraditionalChinese.openT2S()
            }
            return handle
        }
    }

    /// OpenCC's data files the tables are derived from (Debian's layout); when one is missing the tables are
    /// derived every run rather than cached under a key that cannot follow them.
    static let openCCDataFiles = ["t2s.json", "TSPhrases.ocd2", "TSCharacters.ocd2"].map { "/usr/share/opencc/" + $0 }
    /// Version of the cached tables' layout and of the code deriving them.
    static let cacheVersion = 1

    /// The tables from the cache (`CompiledCacheFile`, kind `t2s`) when OpenCC's library and data are those they
    /// were derived from, else derived now and cached.
    init(environment: [String: String]) {
        let folders = CompiledCacheFile.folders(environment: environment)
        let key = folders.isEmpty ? nil : Self.cacheKey()
        if let key, let (payload, _) = CompiledCacheFile.read(kind: "t2s", key: key, folders: folders),
           let tables = Self.decode(payload) {
            (traditionalFlags, table) = tables
            converter = Mutex(Converter())
            readFromCache = true
            return
        }
        var converter = Converter()
        (traditionalFlags, table) = Self.derive(converter.open())
        self.converter = Mutex(converter)
        readFromCache = false
        if let key, !table.isEmpty { CompiledCacheFile.write(kind: "t2s", key: key, payload: encode(), folders: folders) }
    }

    /// The t2s handle, or nil (opencc_open returns (opencc_t)-1 on failure).
    static func openT2S() -> UnsafeMutableRawPointer? {
        opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP).flatMap { UInt(bitPattern: $0) == UInt.max ? nil : $0 }
    }

    /// The flags and the per-character table, from OpenCC converting every candidate ideograph once (one call, one
    /// character a line); both empty without a handle.
    private static func derive(_ handle: UnsafeMutableRawPointer?) -> ([UInt8], [UInt32: UInt32]) {
        var flags = [UInt8](repeating: 0, count: Int(Self.flagsCount))
        var table: [UInt32: UInt32] = [:]
        guard let handle else { return (flags, table) }
        let candidates: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]
        var input: [UInt8] = []
        var order: [UInt32] = []
        for range in candidates {
            for v in range where Unicode.Scalar(v) != nil {
                UTF8Bytes.append(v, to: &input)
                input.append(0x0A)
                order.append(v)
            }
        }
        let output: [UInt8] = input.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in
                guard let converted = opencc_convert_utf8(handle, c.baseAddress, c.count) else { return [] }
                defer { opencc_convert_utf8_free(converted) }
                return Array(UnsafeBufferPointer(start: UnsafeRawPointer(converted).assumingMemoryBound(to: UInt8.self),
                                                 count: strlen(converted)))
            }
        }
        // One output line per candidate; a line of one scalar that differs is a conversion.
        let lines = output.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.count >= order.count {
            for (v, line) in zip(order, lines) {
                let scalars = UTF8Bytes.scalars(Array(line))
                guard scalars.count == 1, scalars[0] != v else { continue }
                table[v] = scalars[0]
                let d = v &- Self.flagsBase
                if d < Self.flagsCount { flags[Int(d)] = 1 }
            }
        }
        return (flags, table)
    }

    /// SHA-256 of the layout version and the identity (path, size, modification time) of OpenCC's library and
    /// t2s data; nil when a data file is not where it is expected.
    private static func cacheKey() -> [UInt8]? {
        var parts: [[UInt8]] = [Array("t2s \(cacheVersion)".utf8)]
        for path in openCCDataFiles {
            guard access(path, R_OK) == 0 else { return nil }
            parts.append(Array(CompiledCacheFile.fileIdentity(path).utf8))
        }
        // The library as the process mapped it (an upgraded libopencc may convert differently).
        let maps = (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? ""
        if let line = maps.split(separator: "\n").first(where: { $0.contains("libopencc") }), let slash = line.firstIndex(of: "/") {
            parts.append(Array(CompiledCacheFile.fileIdentity(String(line[slash...])).utf8))
        }
        return CompiledCacheFile.key(parts)
    }

    /// The flags, then the table's scalars and their simplified forms, in scalar order.
    private func encode() -> [UInt8] {
        let pairs = table.sorted { $0.key < $1.key }
        var out = traditionalFlags
        for v in pairs.map(\.key) + pairs.map(\.value) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    private static func decode(_ payload: Data) -> ([UInt8], [UInt32: UInt32])? {
        let flagsCount = Int(Self.flagsCount)
        guard payload.count >= flagsCount, (payload.count - flagsCount) % 8 == 0 else { return nil }
        let flags = [UInt8](payload.prefix(flagsCount))
        guard flags.allSatisfy({ $0 <= 1 }) else { return nil }
        let count = (payload.count - flagsCount) / 8
        let words: [UInt32] = payload.withUnsafeBytes { bytes in
            (0..<(2 * count)).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: flagsCount + 4 * $0, as: UInt32.self)) }
        }
        var table: [UInt32: UInt32] = [:]
        table.reserveCapacity(count)
        for i in 0..<count { table[words[i]] = words[count + i] }
        return (flags, table)
    }

    /// Whether t2s changes `v` (only U+3000–9FFF are tested: other characters count as not traditional).
    @inline(__always)
    func isTraditional(_ v: UInt32) -> Bool {
        let d = v &- Self.flagsBase
        guard d < Self.flagsCount else { return false }
        return traditionalFlags.withUnsafeBufferPointer { $0[Int(d)] != 0 }
    }

    /// Converts the scalars `s[0..<count]` (one line of traditional text) in place: OpenCC's phrase conversion where
    /// it keeps the scalar count, else the per-character table. Only ideographs are replaced, each by one ideograph.
    func convert(_ s: UnsafeMutableBufferPointer<UInt32>) {
        guard !s.isEmpty, !table.isEmpty else { return }
        var input: [UInt8] = []
        input.reserveCapacity(s.count * 3)
        for v in s { UTF8Bytes.append(v, to: &input) }
        let phrases: [UInt32]? = converter.withLock { converter in
            guard let handle = converter.open() else { return nil }
            return input.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { c -> [UInt32]? in
                    guard let converted = opencc_convert_utf8(handle, c.baseAddress, c.count) else { return nil }
                    defer { opencc_convert_utf8_free(converted) }
                    return UTF8Bytes.scalars(Array(UnsafeBufferPointer(
                        start: UnsafeRawPointer(converted).assumingMemoryBound(to: UInt8.self), count: strlen(converted))))
                }
            }
        }
        if let phrases, phrases.count == s.count {
            for k in s.indices where phrases[k] != s[k] && ScalarClass.isIdeograph(s[k]) && ScalarClass.isIdeograph(phrases[k]) {
                s[k] = phrases[k]
            }
        } else {
            for k in s.indices { if let simplified = table[s[k]] { s[k] = simplified } }
        }
    }
}
