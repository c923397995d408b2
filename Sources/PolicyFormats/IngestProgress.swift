import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reports ingest progress on standard error: on a terminal one line redrawn with "\r" (files, MB, entities,
/// rate, ETA), otherwise plain lines (at most one a second, and a final one).
public final class IngestProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let totalFiles: Int
    private let totalBytes: Int
    private let start = Date()
    private var files = 0
    private var bytes = 0
    private var entities = 0
    private var failures = 0
    private var lastDraw = Date.distantPast
    private let isTerminal: Bool
    private let write: (String) -> Void

    /// `write` receives the text to print (default: standard error); `terminal` overrides isatty(2).
    public init(totalFiles: Int, totalBytes: Int, terminal: Bool? = nil,
                write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        self.isTerminal = terminal ?? (isatty(2) != 0)
        self.write = write
    }

    /// Records one finished file.
    public func fileDone(bytes size: Int, entities found: Int, failed: Bool = false) {
        lock.lock()
        files += 1
        bytes += size
        entities += found
        if failed { failures += 1 }
        let now = Date()
        let interval = isTerminal ? 0.1 : 1.0
        let due = now.timeIntervalSince(lastDraw) >= interval || files == totalFiles
        if due { lastDraw = now }
        let line = due ? render(now: now) : nil
        lock.unlock()
        if let line { write(isTerminal ? "\r" + line + (files == totalFiles ? "\n" : "") : line + "\n") }
    }

    /// The current status line.
    public func render(now: Date = Date()) -> String {
        let elapsed = max(now.timeIntervalSince(start), 1e-6)
        let mb = Double(bytes) / 1_048_576
        let rate = Double(files) / elapsed
        let remaining = rate > 0 ? Double(totalFiles - files) / rate : 0
        var text = ""
        if isTerminal {
            let width = 20
            let filled = totalFiles > 0 ? width * files / totalFiles : width
            text += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        }
        text += "\(files)/\(totalFiles) files, "
        text += String(format: "%.1f/%.1f MB, %d entities, %.1f files/s, ETA %@",
                       mb, Double(totalBytes) / 1_048_576, entities, rate, formatDuration(remaining))
        if failures > 0 { text += ", \(failures) failed" }
        return text
    }

    private func formatDuration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
