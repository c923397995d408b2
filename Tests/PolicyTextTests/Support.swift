import PolicyCore
@testable import PolicyText
#if canImport(Glibc)
import Glibc
#endif

/// Shared helpers of the PolicyText tests.
enum Support {
    /// <package root>/../shared/corpus, located from this file's path.
    static var corpusFolder: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // Tests/PolicyTextTests/Support.swift
        return parts.joined(separator: "/") + "/../shared/corpus"
    }

    static var goldFolder: String { corpusFolder + "/../gold" }

    /// Corpus files by name prefix ("000" … "004"); sorted.
    static func corpusFiles() -> [String] {
        guard let dir = opendir(corpusFolder) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".txt") { out.append(corpusFolder + "/" + name) }
        }
        return out.sorted()
    }

    static func corpusFile(_ prefix: String) -> String? {
        corpusFiles().first { $0.split(separator: "/").last!.hasPrefix(prefix) }
    }

    static func source(_ text: String, path: String = "fixture.txt") throws -> SourceText {
        try SourceText(path: path, bytes: Array(text.utf8))
    }

    static func normalize(_ text: String) throws -> NormalizedText {
        NormalizedText(try source(text))
    }

    /// Encodes UTF-8 text to another encoding with glibc iconv (e.g. "GBK").
    static func iconvEncode(_ text: String, to encoding: String) -> [UInt8]? {
        iconvConvert(Array(text.utf8), from: "UTF-8", to: encoding)
    }

    /// Converts bytes between encodings with glibc iconv; nil if they do not convert completely.
    static func iconvConvert(_ bytes: [UInt8], from source: String, to encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, source)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return r == -1 ? nil : outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        return output[0..<produced].map { UInt8(bitPattern: $0) }
    }

    /// Reads a whole small text file (gold JSONL).
    static func readText(_ path: String) -> String? {
        guard let bytes = try? FileBytes.read(path: path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
