import PolicyCore
import PolicyOntology
import PolicyText
import TestSupport
import Testing
@testable import PolicyExtraction

/// The extraction pipeline over the shipped ontology, built once for the target tests written in their input.
let markedTargetsPipeline: ExtractionPipeline? = try? ExtractionPipeline(ontology: Ontology.loadDefault())

/// The targets `find` reads in `marked` with its ⟦ ⟧ markers removed, after checking that they begin exactly at the
/// markers (each marked quantity once, however many subjects share it) and nowhere else.
@discardableResult
func expectMarkedTargets(_ marked: String, sourceLocation: SourceLocation = #_sourceLocation,
                         _ find: (TargetExtractor, String) -> [ExtractedTarget]) throws -> [ExtractedTarget] {
    let extractor = try #require(markedTargetsPipeline?.targetExtractor)
    let quantities = MarkedText(marked)
    let found = find(extractor, quantities.text)
    #expect(Set(found.map(\.numberRange.lowerBound)).sorted() == quantities.unnamedSpanStarts, "\(quantities.text)",
            sourceLocation: sourceLocation)
    return found
}

/// The target nodes the whole pipeline extracts from `text` read as a plan file.
func extractedTargetNodes(_ text: String) throws -> [NodeRecord] {
    let pipeline = try #require(markedTargetsPipeline)
    return pipeline.extract(source: try SourceText(path: "fixtures/plan.txt", bytes: Array(text.utf8))).nodes.filter { $0.kind == .target }
}

/// Each target node's subject with its value (the rows a table states).
func subjectValues(_ nodes: [NodeRecord]) -> [String: Double] {
    Dictionary(nodes.compactMap { n in n.attributes["subject"]?.stringValue.flatMap { s in n.attributes["value"]?.doubleValue.map { (s, $0) } } },
               uniquingKeysWith: { a, _ in a })
}
