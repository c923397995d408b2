import Foundation
import TestSupport
import Testing
import PolicyCore
import PolicyText
@testable import PolicyFormats

@Suite struct PDFReaderTests {
    @Test(.enabled(if: canMakePDF || isCI, "needs pdftotext (poppler-utils), python3 with reportlab, fonts-wqy-zenhei"))
    func pdfKeepsTextAndPages() throws {
        try #require(canMakePDF, "PDF tools missing: see /work/briefs/formats-ci-deps.txt")
        let folder = try temporaryFolder("pdf")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pdf = try makePolicyPDF(in: folder)
        let input = try readInput(path: pdf)
        #expect(input.format == .pdf)
        let lines = String(decoding: input.source.utf8, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let headingLine = try #require(lines.firstIndex { $0.contains("三、组织实施") }) + 1
        let titleLine = try #require(lines.firstIndex { $0.contains("冷链物流示范工作的通知") }) + 1
        #expect(input.page(ofLine: titleLine) == 1)
        #expect(input.page(ofLine: headingLine) == 2)
        let lastLine = try #require(lines.lastIndex { !$0.isEmpty }) + 1
        #expect(input.page(ofLine: lastLine) == 2)
        #expect(input.page(ofLine: lastLine + 5) == nil)
        #expect(input.metadata["pages"] == "2")
        // Hard-wrapped lines and right-aligned signatures aside, the text is the plain text's.
        let plain = try SourceText.read(path: fixtures + "/policy.txt")
        #expect(squeezedLines(input.source.utf8).joined() == squeezedLines(plain.utf8).joined())
    }

    @Test func notAPDF() throws {
        let folder = try temporaryFolder("pdf-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bad.pdf"
        try Data("%PDF-1.4\nbroken".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try readInput(path: path) } throws: { ($0 as? KGError)?.file == path }
    }

    @Test func missingPdftotextIsAClearError() {
        #expect { try PDFReader.extract(path: "scan.pdf", searchPath: "/nonexistent") } throws: { error in
            guard let e = error as? KGError else { return false }
            return e.file == "scan.pdf" && e.message.contains("pdftotext") && e.message.contains("poppler-utils")
        }
    }
}
