import Foundation
import Testing
@testable import PolicyOntology

@Suite struct TSVReaderTests {
    /// Writes `text` to a fresh file and reads it as an ontology TSV.
    private func read(_ text: String) throws -> TSVReader {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tsv-\(UUID().uuidString).tsv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try TSVReader(path: path)
    }

    @Test func rowsKeepLineNumbersAndByteOffsetsAcrossCommentsBlanksAndCRLF() throws {
        let reader = try read("# 注释\n财政部\tcentral\r\n\n  工业和信息化部 \t ministry \n")
        #expect(reader.rows.map(\.line) == [2, 4])
        #expect(reader.rows[0].fields == ["财政部", "central"])       // the \r of a CRLF line is not part of the last field
        #expect(reader.rows[0].text == "财政部\tcentral")
        #expect(reader.rows[0].byteStart == "# 注释\n".utf8.count)
        #expect(reader.rows[1].fields == ["工业和信息化部", "ministry"])  // spaces around fields trimmed
    }

    private func trimmed(_ text: String) -> String { TSVReader.trimmed(ArraySlice(text.utf8)) }

    @Test func trimsHorizontalSpaceOfEveryKindButNotLettersOrLineBreaks() {
        #expect(trimmed("\u{3000}发改委\u{00A0}\t") == "发改委")     // ideographic and no-break spaces, tab
        #expect(trimmed(" 国家 发展改革委 ") == "国家 发展改革委")      // inner space kept
        #expect(trimmed("\n工信部") == "\n工信部")                    // a line break is not horizontal space
        #expect(trimmed("\u{2009}\u{3000} ") == "")                   // only spaces, of three widths
        #expect(trimmed("\u{3001}工信部\u{3001}") == "\u{3001}工信部\u{3001}")  // 、 shares its first bytes with U+3000
    }

    /// The byte-level trim agrees with the Unicode property it stands for, for every scalar of the BMP.
    @Test func trimsExactlyTabAndTheSpaceSeparators() {
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isSpace = scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
            let text = String(scalar) + "财" + String(scalar)
            #expect(trimmed(text) == (isSpace ? "财" : text), "U+\(String(value, radix: 16))")
        }
    }

    @Test func listFieldsSplitOnBarsAndDropEmptyItems() throws {
        let reader = try read("国家发展和改革委员会\t发改委 | 国家发改委 || \n")
        #expect(reader.list(reader.rows[0], 1) == ["发改委", "国家发改委"])
    }
}
