import Foundation
import PolicyCore
import PolicyExtraction
import PolicyOntology
import PolicyStore
import PolicyText

/// Builds graphs the way `kg ingest` does, for end-to-end tests.
enum Pipeline {
    /// The package root (this file is Tests/IntegrationTests/Pipeline.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shared corpus beside the checkout, if present.
    static var corpusDirectory: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static let extraction: ExtractionPipeline = {
        let ontology = try! Ontology.load(directory: packageRoot.appendingPathComponent("Ontology").path)
        return ExtractionPipeline(ontology: ontology)
    }()

    /// Extracts every `.txt` file of `directory` (sorted by name); evidence names each file as
    /// `displayPrefix/<name>`, as `kg ingest displayPrefix` would.
    static func graph(of directory: URL, displayPrefix: String) throws -> Graph {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        var contributions: [SourceContribution] = []
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
            let source = try SourceText(path: displayPrefix + "/" + name, bytes: bytes)
            contributions.append(extraction.extract(source: source))
        }
        return GraphStore(contributions: contributions).graph
    }
}
