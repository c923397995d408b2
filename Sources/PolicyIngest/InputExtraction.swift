import PolicyCore
import PolicyExtraction
import PolicyFormats

/// What ingesting one input produced: nothing (unchanged) or its contribution, plus reader warnings.
public struct InputExtraction: Sendable {
    /// nil when the snapshot already holds the same content.
    public var contribution: SourceContribution?
    public var warnings: [String]

    /// Reads and hashes `input` (an archive member in memory), then extracts it unless `known[input.identity]` is
    /// the same content hash. Evidence points into the original file (or member) and names it by `input.path`.
    public static func extract(_ input: Input, known: [String: String], pipeline: ExtractionPipeline) throws -> InputExtraction {
        let bytes = try input.readBytes()
        let hash = ExtractionPipeline.sha256Hex(bytes)
        if known[input.identity] == hash { return InputExtraction(contribution: nil, warnings: []) }
        let extracted = try readInput(bytes: bytes, path: input.path)
        var contribution = extracted.mapToOriginal(pipeline.extract(source: extracted.source))
        contribution.contentHash = hash
        contribution.identity = input.identity
        contribution.ordinal = input.ordinal
        return InputExtraction(contribution: contribution, warnings: extracted.warnings)
    }
}
