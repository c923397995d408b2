import Foundation
import TestSupport
import Testing
import PolicyText
@testable import PolicyFormats

/// The same document as plain text, a GBK portal page, a Word document and a PDF: the text layer must find
/// the same documents in each.
@Suite struct SameContentTests {
    @Test func htmlAndDocxSegmentLikeThePlainText() throws {
        let plain = segmentSummaries(try readSource(path: fixtures + "/policy.txt"))
        #expect(!plain.isEmpty)
        #expect(segmentSummaries(try readSource(path: fixtures + "/policy-gbk.html")) == plain)
        // The Word document's red header is extra text before the document, and its 文号 stands above the title.
        let docx = segmentSummaries(try readSource(path: fixtures + "/policy.docx"))
        #expect(docx.last?.title == plain.last?.title)
        #expect(docx.last?.date == plain.last?.date)
        #expect(docx.last?.signature == plain.last?.signature)
        #expect(docx.last?.docNumber == plain.last?.docNumber)
    }

    @Test(.enabled(if: canMakePDF || isCI, "needs pdftotext, python3 with reportlab, fonts-wqy-zenhei"))
    func pdfSegmentsLikeThePlainText() throws {
        try #require(canMakePDF, "PDF tools missing: see /work/briefs/formats-ci-deps.txt")
        let folder = try temporaryFolder("same-pdf")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plain = segmentSummaries(try readSource(path: fixtures + "/policy.txt"))
        #expect(segmentSummaries(try readSource(path: try makePolicyPDF(in: folder))) == plain)
    }

    @Test func cleanTextIsTheSameAcrossFormats() throws {
        func clean(_ name: String) throws -> String {
            String(String.UnicodeScalarView(NormalizedText(try readSource(path: fixtures + "/" + name)).string.unicodeScalars.filter { !$0.properties.isWhitespace }))
        }
        let plain = try clean("policy.txt")
        #expect(try clean("policy-gbk.html") == plain)
        // The Word document adds its red header and sets the 文号 above the title.
        let docx = try clean("policy.docx")
        #expect(docx.hasSuffix(String(plain.drop { $0 != "各" })))
    }
}
