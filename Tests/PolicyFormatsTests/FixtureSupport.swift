import Foundation
import TestSupport
import PolicyText
@testable import PolicyFormats

/// Lines of a text, with all whitespace (ASCII, ideographic, no-break) removed and empty lines dropped.
func squeezedLines(_ bytes: [UInt8]) -> [String] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
        String(String.UnicodeScalarView(line.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }.filter { !$0.isEmpty }
}

/// What the text layer finds in a source: per document its kind, title, 文号, date and signature lines.
struct SegmentSummary: Equatable, CustomStringConvertible {
    var kind: DocumentKind
    var title: String?
    var docNumber: String?
    var date: String?
    var signature: [String]
    var description: String { "\(kind) \(title ?? "-") \(docNumber ?? "-") \(date ?? "-") \(signature)" }
}

func segmentSummaries(_ source: SourceText) -> [SegmentSummary] {
    segmentDocuments(NormalizedText(source)).map {
        SegmentSummary(kind: $0.kind, title: $0.title, docNumber: $0.docNumber?.text, date: $0.date, signature: $0.signatureLines.map(\.text))
    }
}

/// Whether PDFs can be made (python3 + reportlab + the CJK font) and read (pdftotext) here.
let canMakePDF: Bool = {
    guard hasExecutable("pdftotext"), hasExecutable("python3"),
          FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc") else { return false }
    return (try? run("python3", ["-c", "import reportlab"]).status) == 0
}()

/// Makes a two-page PDF of policy.txt (page break before "三、", signature block right-aligned) in `folder`.
func makePolicyPDF(in folder: String) throws -> String {
    let lines = try String(contentsOfFile: fixtures + "/policy.txt", encoding: .utf8).split(separator: "\n").map(String.init)
    var out: [String] = []
    for (i, line) in lines.enumerated() {
        if line.hasPrefix("三、") { out.append("\u{0C}") }
        out.append(i >= lines.count - 3 ? ">" + line : line)
    }
    let input = folder + "/pdf-input.txt"
    try (out.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
    let pdf = folder + "/policy.pdf"
    let result = try run("python3", [fixtures + "/make_pdf.py", input, pdf])
    guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    return pdf
}
