import COpenCC
import Dispatch
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
    static let shared = TraditionalChinese()

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

    /// The OpenCC handle (OpenCC's converter is used under a lock: its thread safety is not documented).
    struct Converter: ~Copyable, @unchecked Sendable {
        let handle: UnsafeMutableRawPointer?
    }

    private init() {
        let opened = opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP)
        // (opencc_open returns (opencc_t)-1 on failure.)
        let handle = opened.flatMap { UInt(bitPattern: $0) == UInt.max ? nil : $0 }
        var flags = [UInt8](repeating: 0, count: Int(Self.flagsCount))
        var table: [UInt32: UInt32] = [:]
        if let handle {
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
        }
        self.traditionalFlags = flags
        self.table = table
        self.converter = Mutex(Converter(handle: handle))
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
            guard let handle = converter.handle else { return nil }
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
