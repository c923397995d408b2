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

    @Test func trimsHorizontalSpaceOfEveryKindButNotLettersOrLineBreaks() {
        #expect(TSVReader.trimmed("\u{3000}发改委\u{00A0}\t") == "发改委")     // ideographic and no-break spaces, tab
        #expect(TSVReader.trimmed(" 国家 发展改革委 ") == "国家 发展改革委")      // inner space kept
        #expect(TSVReader.trimmed("\n工信部") == "\n工信部")                    // a line break is not horizontal space
        #expect(TSVReader.trimmed("   ") == "")
    }

    @Test func listFieldsSplitOnBarsAndDropEmptyItems() throws {
        let reader = try read("国家发展和改革委员会\t发改委 | 国家发改委 || \n")
        #expect(reader.list(reader.rows[0], 1) == ["发改委", "国家发改委"])
    }
}
