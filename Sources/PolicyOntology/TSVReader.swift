import Foundation
import PolicyCore

/// Reads the ontology's tab-separated data files: `#` starts a comment line, blank lines are skipped,
/// list-valued fields separate items with `|`. Every row keeps its 1-based line number for error messages.
struct TSVReader {
    struct Row {
        let line: Int
        let fields: [String]
        /// The row's bytes in the file (without its line break) and its text as written.
        let byteStart: Int
        let byteEnd: Int
        let text: String
    }

    let path: String
    let rows: [Row]

    init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KGError(file: path, "cannot read ontology file")
        }
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw KGError(file: path, "ontology file is not UTF-8")
        }
        // Lines split on the byte 0x0A and fields on 0x09: both are ASCII, so every piece is itself valid UTF-8, and
        // bytes are split without decoding Characters (a String split would compare grapheme clusters).
        var rows: [Row] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let next = end + 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            defer { start = next }
            if end == start || bytes[start] == UInt8(ascii: "#") { continue }
            let line = bytes[start..<end]
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map(Self.trimmed)
            rows.append(Row(line: lineNumber, fields: fields, byteStart: start, byteEnd: end, text: String(decoding: line, as: UTF8.self)))
        }
        self.rows = rows
    }

    /// The row as the ontology's statement, naming the file as `Ontology/<file name>`.
    func record(_ row: Row) -> OntologyRecord {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return OntologyRecord(file: "Ontology/" + name, line: row.line, byteStart: row.byteStart, byteEnd: row.byteEnd, text: row.text)
    }

    /// An error naming this file and the row's line.
    func error(_ row: Row, _ message: String) -> KGError {
        KGError(file: path, line: row.line, message)
    }

    /// Field `index`, required to be present and non-empty.
    func required(_ row: Row, _ index: Int, _ name: String) throws -> String {
        guard index < row.fields.count, !row.fields[index].isEmpty else {
            throw error(row, "missing \(name) (column \(index + 1))")
        }
        return row.fields[index]
    }

    /// Field `index` or nil when absent or empty.
    func optional(_ row: Row, _ index: Int) -> String? {
        index < row.fields.count && !row.fields[index].isEmpty ? row.fields[index] : nil
    }

    /// `|`-separated list in field `index` (empty when absent).
    func list(_ row: Row, _ index: Int) -> [String] {
        guard let field = optional(row, index) else { return [] }
        return Array(field.utf8).split(separator: UInt8(ascii: "|")).map(Self.trimmed).filter { !$0.isEmpty }
    }

    /// `field` (valid UTF-8) without the horizontal white space at its ends: tab and the space separators (Unicode
    /// category Zs, as `CharacterSet.whitespaces` has them).
    static func trimmed(_ field: ArraySlice<UInt8>) -> String {
        var lower = field.startIndex
        var upper = field.endIndex
        while lower < upper, let width = leadingSpaceWidth(field[lower..<upper]) { lower += width }
        while lower < upper, let width = trailingSpaceWidth(field[lower..<upper]) { upper -= width }
        return String(decoding: field[lower..<upper], as: UTF8.self)
    }

    /// The UTF-8 encodings of tab and of every space separator (category Zs).
    private static let horizontalSpaces: [[UInt8]] = {
        let scalars: [UInt32] = [0x09, 0x20, 0xA0, 0x1680] + Array(0x2000...0x200A) + [0x202F, 0x205F, 0x3000]
        return scalars.map { Array(String(Unicode.Scalar($0)!).utf8) }
    }()

    private static func leadingSpaceWidth(_ bytes: ArraySlice<UInt8>) -> Int? {
        horizontalSpaces.first { bytes.starts(with: $0) }?.count
    }

    private static func trailingSpaceWidth(_ bytes: ArraySlice<UInt8>) -> Int? {
        horizontalSpaces.first { bytes.reversed().starts(with: $0.reversed()) }?.count
    }

    /// Optional integer field; a present non-integer is an error.
    func optionalInt(_ row: Row, _ index: Int, _ name: String) throws -> Int? {
        guard let field = optional(row, index) else { return nil }
        guard let value = Int(field) else { throw error(row, "\(name) is not an integer: \(field)") }
        return value
    }
}
