import Foundation

/// The closing summary of an ingest run.
public struct IngestSummary: Codable, Sendable, Equatable {
    public var graph = ""
    /// Inputs found (files and archive members); of them added, replaced, unchanged and failed.
    public var files = 0, added = 0, replaced = 0, unchanged = 0, failed = 0
    /// Paths passed over during discovery (with a reason).
    public var skipped = 0
    /// Sources withdrawn because they are no longer below the given paths (`IngestOptions.prune`).
    public var removed = 0
    /// The graph after the run.
    public var nodes = 0, edges = 0, sources = 0
    public var megabytes = 0.0, seconds = 0.0

    public init() {}

    /// Two lines for people.
    public var text: String {
        let rate = seconds > 0 ? megabytes / seconds : 0
        return """
        \(graph): \(files) files (\(added) added, \(replaced) replaced, \(unchanged) unchanged, \(failed) failed, \(skipped) skipped\(removed > 0 ? ", \(removed) removed" : ""))
        graph: \(nodes) nodes, \(edges) edges from \(sources) source files; \(String(format: "%.2f MB in %.2f s (%.2f MB/s)", megabytes, seconds, rate))
        """
    }

    /// One JSON object with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
