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
        guard let text = String(data: data, encoding: .utf8) else {
            throw KGError(file: path, "ontology file is not UTF-8")
        }
        var rows: [Row] = []
        var lineNumber = 0
        var offset = 0
        // Lines are split on the byte 0x0A (a String split compares Characters, and "\r\n" is one Character).
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let start = offset
            offset += raw.count + 1
            var line = Substring(raw)
            if line.utf8.last == 0x0D { line = Substring(line.utf8.dropLast()) }
            if line.isEmpty || line.utf8.first == UInt8(ascii: "#") { continue }
            rows.append(Row(line: lineNumber, fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(Self.trimmed),
                            byteStart: start, byteEnd: start + line.utf8.count, text: String(line)))
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
        return field.split(separator: "|").map(Self.trimmed).filter { !$0.isEmpty }
    }

    /// `field` without the horizontal white space at its ends (tabs and the space separators, as
    /// `CharacterSet.whitespaces` has them).
    static func trimmed(_ field: Substring) -> String {
        var scalars = field.unicodeScalars
        while let first = scalars.first, isHorizontalSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isHorizontalSpace(last) { scalars.removeLast() }
        return String(scalars)
    }

    private static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// Optional integer field; a present non-integer is an error.
    func optionalInt(_ row: Row, _ index: Int, _ name: String) throws -> Int? {
        guard let field = optional(row, index) else { return nil }
        guard let value = Int(field) else { throw error(row, "\(name) is not an integer: \(field)") }
        return value
    }
}
