import Foundation
import PolicyCore
import PolicyExtraction
import PolicyFormats
import PolicyOntology
import PolicyStore
import Testing
@testable import PolicyServe

/// The document view of a DOCX source: the text ingest extracted from it (a line per paragraph), which is what its
/// evidence offsets count in — not the zip's bytes, which cannot be shown.
@Suite struct ExtractedTextTests {
    @Test func aDOCXSourceShowsItsParagraphsWithTheTargetAtItsOffsets() async throws {
        let folder = NSTemporaryDirectory() + "kg-serve-docx-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notice = try String(contentsOf: DemoServer.packageRoot.appendingPathComponent("Exports/demo-corpus/01_ppp_joint_notice.txt"),
                                encoding: .utf8)
        let path = folder + "/notice.docx"
        let paragraphs = notice.split(separator: "\n", omittingEmptySubsequences: false).map { DOCXWriter.Paragraph(String($0)) }
        try Data(try DOCXWriter.document(paragraphs)).write(to: URL(fileURLWithPath: path))

        let ontology = try Ontology.load(directory: DemoServer.packageRoot.appendingPathComponent("Ontology").path)
        let extracted = try readInput(path: path)
        let contribution = extracted.mapToOriginal(ExtractionPipeline(ontology: ontology).extract(source: extracted.source))
        let graph = GraphStore(contributions: [contribution]).graph
        let target = try #require((0..<graph.nodeCount).first { graph.nodeKind($0) == .target && graph.label($0).contains("10%") })
        let evidence = try #require(graph.evidence(ofNode: target).first)
        let explorer = Explorer(source: GraphSource(graph: graph), sourceRoots: [folder])

        try await DemoServer.withClient(explorer) { client in
            let json = try await client.get("/api/document", [("source", path)]).json()
            #expect(json["unavailable"] == nil)
            #expect(json["extractedFrom"] as? String == "docx")
            let lines = try #require(json["lines"] as? [String])
            #expect(lines.count >= paragraphs.count - 1)
            // The shown lines, joined as the extracted text is, hold the target's statement at its recorded bytes.
            let shown = Array(lines.joined(separator: "\n").utf8)
            #expect(evidence.byteEnd <= shown.count)
            let stated = String(decoding: shown[evidence.byteStart..<min(evidence.byteEnd, shown.count)], as: UTF8.self)
            #expect(stated.contains("10%"))
            #expect(lines[evidence.line - 1].contains(stated))
            let page = try await client.get("/document", [("source", path)])
            #expect(page.text.contains("id=\"extracted-from\""))
            #expect(page.text.contains("data-start=\"\(evidence.byteStart)\""))
        }
    }
}
