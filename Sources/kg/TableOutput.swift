import Foundation
import PolicyCore
import PolicyQuery

/// Plain-text tables aligned by display width (CJK and full-width characters count two columns), and JSON output.
enum TableOutput {
    /// Terminal display width of `s`: East Asian wide and full-width scalars 2, combining marks 0, others 1.
    static func displayWidth(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars { width += scalarWidth(scalar.value) }
        return width
    }

    static func scalarWidth(_ v: UInt32) -> Int {
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x20000...0x3FFFD:
            return 2
        default: return v < 0x20 ? 0 : 1
        }
    }

    /// A `path/to/file.txt:12` location as `file.txt:12`, so that the line number survives in narrow columns
    /// (`--json` keeps the full path).
    static func shortLocation(_ location: String?) -> String {
        guard let location else { return "" }
        guard let slash = location.lastIndex(of: "/") else { return location }
        return String(location[location.index(after: slash)...])
    }

    /// `s` cut to at most `width` display columns, ending in "…" when cut.
    static func truncate(_ s: String, to width: Int) -> String {
        guard displayWidth(s) > width else { return s }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in s.unicodeScalars {
            let w = scalarWidth(scalar.value)
            if used + w > width - 1 { break }
            out.append(scalar)
            used += w
        }
        return String(out) + "…"
    }

    /// Renders rows under a header line, columns separated by two spaces; `maxWidths` caps columns (nil: no cap).
    static func render(headers: [String], rows: [[String]], maxWidths: [Int?] = []) -> String {
        let columnCount = headers.count
        let capped: [[String]] = ([headers] + rows).map { row in
            (0..<columnCount).map { i in
                var cell = i < row.count ? row[i] : ""
                if cell.utf8.contains(0x0A) { cell = cell.replacingOccurrences(of: "\n", with: " ") }
                if i < maxWidths.count, let cap = maxWidths[i] { return truncate(cell, to: cap) }
                return cell
            }
        }
        var widths = [Int](repeating: 0, count: columnCount)
        for row in capped { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        var lines: [String] = []
        for (r, row) in capped.enumerated() {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < columnCount - 1 { line += String(repeating: " ", count: widths[i] - displayWidth(cell) + 2) }
            }
            lines.append(line)
            if r == 0 {
                lines.append(widths.enumerated().map { i, w in String(repeating: "-", count: w) + (i < columnCount - 1 ? "  " : "") }.joined())
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Prints `value` as pretty JSON with sorted keys and CJK unescaped.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// A relation with its true direction: `—kind→` or `←kind—`.
    static func arrow(_ relation: String, forward: Bool) -> String {
        forward ? "—" + relation + "→" : "←" + relation + "—"
    }

    /// Splits comma-separated option values ("a,b" or repeated options).
    static func list(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    /// The graph a query command reads: --graph, else $KG_GRAPH, else ./kg.kgs.
    static func graphPath(_ option: String?) -> String {
        NameLookup.graphPath(option, environment: ProcessInfo.processInfo.environment)
    }
}
