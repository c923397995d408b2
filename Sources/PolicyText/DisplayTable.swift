/// Left-aligned columns padded by display width (CJK = 2 columns); the last column is not padded.
public enum DisplayTable {
    /// Renders rows as lines; every column but the last is padded to its widest cell plus two spaces.
    public static func render(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (c, cell) in row.enumerated() where c < columns - 1 {
                widths[c] = max(widths[c], ScalarClass.displayWidth(cell))
            }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (c, cell) in row.enumerated() {
                line += cell
                if c < row.count - 1 {
                    line += String(repeating: " ", count: widths[c] - ScalarClass.displayWidth(cell) + 2)
                }
            }
            out += line + "\n"
        }
        return out
    }
}
