import Foundation
import ZIPFoundation

/// Writes minimal Word documents (paragraphs, optionally right-aligned): for fixtures and benchmarks.
public enum DOCXWriter {
    /// A paragraph to write.
    public struct Paragraph: Sendable {
        public var text: String
        public var rightAligned: Bool
        public init(_ text: String, rightAligned: Bool = false) {
            self.text = text
            self.rightAligned = rightAligned
        }
    }

    /// The bytes of a .docx holding `paragraphs` in order.
    public static func document(_ paragraphs: [Paragraph]) throws -> [UInt8] {
        var body = ""
        for p in paragraphs {
            body += "<w:p>"
            if p.rightAligned { body += "<w:pPr><w:jc w:val=\"right\"/></w:pPr>" }
            if !p.text.isEmpty { body += "<w:r><w:t xml:space=\"preserve\">\(escaped(p.text))</w:t></w:r>" }
            body += "</w:p>"
        }
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)<w:sectPr/></w:body></w:document>"
        let types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
        let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
