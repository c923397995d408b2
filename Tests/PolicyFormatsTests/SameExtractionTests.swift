import Foundation
import TestSupport
import Testing
import PolicyCore
import PolicyOntology
import PolicyExtraction
import PolicyText
@testable import PolicyFormats

/// The extraction pipeline finds the same documents, issuers and targets in every format of the same content.
@Suite struct SameExtractionTests {
    /// What a contribution states, without provenance (which differs by format by design).
    struct Statements: Equatable {
        var documents: [String]      // title | date
        var docNumbers: [String]
        var issuers: [String]        // title <- agency #order
        var targets: [String]        // value comparator
        var targetLabels: [String]
    }

    static let pipeline: ExtractionPipeline? = (try? Ontology.loadDefault()).map { ExtractionPipeline(ontology: $0) }

    func statements(_ path: String) throws -> Statements {
        let input = try readInput(path: path)
        let c = input.mapToOriginal(try #require(Self.pipeline).extract(source: input.source))
        let label = Dictionary(c.nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        func attr(_ n: NodeRecord, _ key: String) -> String { n.attributes[key]?.description ?? "-" }
        let documents = c.nodes.filter { $0.kind == .document }
        let targets = c.nodes.filter { $0.kind == .target }
        return Statements(
            documents: documents.map { "\($0.label) | \(attr($0, "date"))" }.sorted(),
            docNumbers: documents.map { attr($0, "doc_number") }.sorted(),
            issuers: c.edges.filter { $0.kind == .issuedBy }
                .map { "\(label[$0.source] ?? $0.source) <- \(label[$0.target] ?? $0.target) #\($0.attributes["order"]?.description ?? "-")" }.sorted(),
            targets: targets.map { "\(attr($0, "value")) \(attr($0, "comparator"))" }.sorted(),
            targetLabels: targets.map(\.label).sorted())
    }

    @Test(.enabled(if: pipeline != nil || isCI, "ontology not found"))
    func htmlDocxAndPdfStateWhatThePlainTextStates() throws {
        let plain = try statements(fixtures + "/policy.txt")
        // The plain text itself yields the document with its 文号, its two issuers in order, and its targets.
        #expect(plain.documents == ["国家发展改革委 财政部关于开展城乡冷链物流示范工作的通知 | 2031-03-08"])
        #expect(plain.docNumbers == ["发改经贸〔2031〕57号"])
        #expect(plain.issuers.count == 2 && plain.issuers[0].hasSuffix("#1") && plain.issuers[1].hasSuffix("#2"), "\(plain.issuers)")
        #expect(plain.targets.count >= 3, "\(plain.targets)")

        // The GBK portal page: everything the same.
        #expect(try statements(fixtures + "/policy-gbk.html") == plain)

        // The Word document sets the 文号 above the title (the official layout).
        let docx = try statements(fixtures + "/policy.docx")
        #expect(docx.documents == plain.documents)
        #expect(docx.issuers == plain.issuers)
        #expect(docx.targets == plain.targets)
        #expect(docx.targetLabels == plain.targetLabels)
        #expect(docx.docNumbers == plain.docNumbers)

        if canMakePDF || isCI {
            try #require(canMakePDF, "PDF tools missing: see /work/briefs/formats-ci-deps.txt")
            let folder = try temporaryFolder("same-extraction")
            defer { try? FileManager.default.removeItem(atPath: folder) }
            // The PDF is hard-wrapped at 36 characters, as typeset documents are.
            let pdf = try statements(try makePolicyPDF(in: folder))
            #expect(pdf.documents == plain.documents)
            #expect(pdf.docNumbers == plain.docNumbers)
            #expect(pdf.issuers == plain.issuers)
            #expect(pdf.targets == plain.targets)
            #expect(pdf.targetLabels == plain.targetLabels)
        }
    }

    @Test(.enabled(if: pipeline != nil || isCI, "ontology not found"))
    func htmlEvidenceLinesPointAtTheHTML() throws {
        let path = fixtures + "/policy-gbk.html"
        let input = try readInput(path: path)
        let c = input.mapToOriginal(try #require(Self.pipeline).extract(source: input.source))
        let original = try SourceText.read(path: path)
        let lines = String(decoding: original.utf8, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let evidence = c.nodes.flatMap(\.evidence) + c.edges.flatMap(\.evidence)
        #expect(!evidence.isEmpty)
        for e in evidence {
            // Every evidence span lies in the HTML file, on the line it names.
            #expect(e.byteStart < e.byteEnd && e.byteEnd <= original.originalBytes.count)
            #expect(e.line >= 1 && e.line <= lines.count)
        }
        // Target evidence lands on the HTML line holding the target sentence.
        for n in c.nodes where n.kind == .target {
            let e = try #require(n.evidence.first)
            let line = lines[e.line - 1]
            #expect(line.contains("冷链流通率") || line.contains("损耗率") || line.contains("冷库") || line.contains("奖补") || line.contains("新增"), "\(n.label) → line \(e.line): \(line)")
        }
    }
}
