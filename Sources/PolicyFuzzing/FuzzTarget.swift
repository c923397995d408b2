import Foundation
import PolicyCore
import PolicyFormats
import PolicyStore
import PolicyText

/// The readers that take bytes from outside, each as one fuzzing target: given any bytes, a reader returns a
/// result or throws a `KGError`; it never crashes, hangs or reads out of bounds. `Fuzz/run.sh` drives each
/// with libFuzzer (`kg-fuzz`, built with `-sanitize=fuzzer,address`); `FuzzRegressionTests` replays the kept
/// inputs under `Fuzz/corpus/` on every test run.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Text decoding (UTF-8, BOMs, GB18030, UTF-16) and normalisation with its offset map.
    case text
    /// The GB/T 9704 document segmenter over normalised text.
    case segmenter
    /// The HTML reader (libxml2, page metadata, offsets back into the page).
    case html
    /// The DOCX reader (zip container and WordprocessingML).
    case docx
    /// Zip archives: central directory, member limits, inflating members.
    case zip
    /// The snapshot reader (every section checked before use).
    case snapshot

    /// Feeds `bytes` to the target's reader. Errors the reader reports are expected outcomes and are dropped.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .text:
            guard let source = try? SourceText(path: "fuzz.txt", bytes: bytes) else { return }
            let text = NormalizedText(source)
            if text.utf8.count > 0 {
                _ = text.evidence(for: 0..<min(text.utf8.count, 16), sentence: text.text(0..<min(text.utf8.count, 64)))
            }
        case .segmenter:
            guard let source = try? SourceText(path: "fuzz.txt", bytes: bytes) else { return }
            _ = segmentDocuments(NormalizedText(source))
        case .html:
            _ = try? readInput(bytes: bytes, path: "fuzz.html")
        case .docx:
            _ = try? readInput(bytes: bytes, path: "fuzz.docx")
        case .zip:
            Self.withTemporaryFile(bytes, suffix: ".zip") { path in
                guard let archive = try? ZipArchive(path: path) else { return }
                for member in archive.members where member.kind == .file && ZipArchive.sizeLimitReason(member) == nil {
                    _ = try? archive.bytes(of: member)
                }
            }
        case .snapshot:
            Self.withTemporaryFile(bytes, suffix: ".kgs") { path in
                guard var store = try? GraphStore.load(path) else { return }
                _ = try? store.contributions()
            }
        }
    }

    /// Runs `body` with `bytes` written to a temporary file (the zip and snapshot readers read files).
    private static func withTemporaryFile(_ bytes: [UInt8], suffix: String, _ body: (String) -> Void) {
        let path = NSTemporaryDirectory() + "kg-fuzz-\(getpid())-\(UInt32.random(in: 0...UInt32.max))" + suffix
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        defer { unlink(path) }
        body(path)
    }
}

/// The text a seed reads as (used to check that seeds are valid inputs of their format).
func readSeed(_ bytes: [UInt8], path: String) throws -> String {
    let text = NormalizedText(try readInput(bytes: bytes, path: path).source)
    return text.text(0..<text.utf8.count)
}
