import PolicyGrammar

/// A plan's indicator table printed one cell a line, each cell ended by a pipe (how a page reader flattens an HTML
/// table: one `<td>` a line):
///
///     序号 |
///     指标名称 |
///     目标值 |
///     属性 |
///     1 |
///     某项指标覆盖率 |
///     95%以上 |
///     约束性 |
///
///     cell-line → cell? space* '|'                                  (one cell; no other pipe on the line)
///     header    → index-word-cell cell-line{2,}     (no digits; one cell names the value column)
///     row       → index-line cell-line*             (index-line → digits space* '|': the row's 序号)
///
/// The cell under the value column (目标值, 预期效果, 预期目标, 规划目标 …) states the row's target; the row's name is
/// the cell under the name column (指标名称, 名称, 指标 …). The header opens with 序号 and rows are counted from their
/// index cell, so a row may lack a trailing cell (an empty 备注). Any line that is no cell closes the table.
struct LineCellTable: Sendable, Equatable {
    /// Header cells read so far, while no table is open.
    private(set) var header: [String] = []
    /// The open table's columns: the value column, the name column, whether rows open with their index cell.
    private(set) var valueColumn: Int?
    private var nameColumn: Int?
    /// The column of base values (基期值, 现状值), and the year the value column's header names (2035年目标值).
    private var baseColumn: Int?
    private var valueYear: Int?
    /// The base value of the current row.
    private var rowBase: Double?
    /// The column of the cell last read in the current row (-1 before the first row).
    private var column = -1
    /// The name of the current row.
    private(set) var rowName: String?

    /// Words of a header cell naming the column of values to reach.
    static let valueWords = ScalarWordList(["目标值", "预期效果", "预期目标", "规划目标", "目标任务", "指标值", "目标"])
    /// Words of a header cell naming the column of indicator names.
    static let nameWords = ScalarWordList(["指标名称", "名称", "指标", "内容"])
    /// Words of a header cell that is no name column though it holds a name word (指标属性, 指标类型).
    static let notNameWords = ScalarWordList(["属性", "类型", "性质", "值", "目标", "效果", "单位"])
    /// Words of a header cell naming the column of base values.
    static let baseWords = ScalarWordList(["基期", "基准", "现状", "基数"])
    /// Words of a first header cell that count the rows.
    static let indexWords = ScalarWordList(["序号", "编号"])
    /// The most header cells kept while no table is open.
    static let maximumColumns = 12

    /// The cell of a line that is one cell (`cell? space* '|'`, no other pipe), trimmed; nil for any other line.
    /// A cheap test first: the line's last byte (before spaces) is a pipe.
    static func cell(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        guard end > range.lowerBound, bytes[end - 1] == 0x7C else { return nil }
        var start = range.lowerBound
        while start < end - 1, bytes[start] == 0x20 { start += 1 }
        var cellEnd = end - 1
        while cellEnd > start, bytes[cellEnd - 1] == 0x20 { cellEnd -= 1 }
        guard !bytes[start..<cellEnd].contains(0x7C), !bytes[start..<cellEnd].contains(0x0A) else { return nil }
        return start..<cellEnd
    }

    /// True when the cell is an index: digits only.
    static func isIndex(_ s: [Unicode.Scalar]) -> Bool {
        !s.isEmpty && s.count <= 3 && s.allSatisfy { $0.digitValue != nil }
    }

    /// What reading a cell found.
    enum Reading: Equatable {
        /// Nothing to state (a header cell, a cell of another column, a cell outside a table).
        case none
        /// The cell under the value column: the row's target value, with the row's name if read.
        case value(name: String?, base: Double?, year: Int?)
    }

    /// Reads the next cell line's text.
    mutating func read(_ s: [Unicode.Scalar]) -> Reading {
        guard let valueColumn else {
            if Self.isIndex(s), header.count >= 3, open() {
                column = 0
                rowName = nil
                return .none
            }
            if Self.holdsValue(s) { header = []; return .none }
            // (A header opens with its index column: cells before it belong to no table.)
            if Self.indexWords.occurs(in: ScalarSpan(String(String.UnicodeScalarView(s)))) { header = [] }
            header.append(String(String.UnicodeScalarView(s)))
            if header.count > Self.maximumColumns { header.removeFirst() }
            return .none
        }
        if Self.isIndex(s), column >= valueColumn {
            column = 0
            rowName = nil
            rowBase = nil
        } else {
            column += 1
        }
        if column == nameColumn { rowName = String(String.UnicodeScalarView(s)) }
        if column == baseColumn { rowBase = Self.leadingNumber(s) }
        return column == valueColumn ? .value(name: rowName, base: rowBase, year: valueYear) : .none
    }

    /// Opens the table the header read so far states, if one of its cells names a value column.
    private mutating func open() -> Bool {
        let cells = header.map(ScalarSpan.init)
        guard Self.indexWords.occurs(in: cells[0]), let value = cells.lastIndex(where: { Self.valueWords.occurs(in: $0) }) else { header = []; return false }
        valueColumn = value
        nameColumn = cells.indices.first { k in
            k != value && Self.nameWords.occurs(in: cells[k]) && !Self.notNameWords.occurs(in: cells[k])
        }
        baseColumn = cells.indices.first { $0 != value && Self.baseWords.occurs(in: cells[$0]) }
        valueYear = PassageTense.firstYear(in: cells[value].scalars, from: 0, to: cells[value].scalars.count)
        header = []
        return true
    }

    /// True when the cell holds a number that is no year (2035年目标值 is a header cell; 45% is a value).
    static func holdsValue(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < s.count {
            guard s[i].digitValue != nil else { i += 1; continue }
            var end = i
            while end < s.count, s[end].digitValue != nil { end += 1 }
            if end - i != 4 || end >= s.count || s[end] != "年" { return true }
            i = end
        }
        return false
    }

    /// The number a cell opens with (41.2% → 41.2), or nil.
    static func leadingNumber(_ s: [Unicode.Scalar]) -> Double? {
        var end = 0
        while end < s.count, s[end].digitValue != nil || s[end] == "." && end > 0 { end += 1 }
        return end > 0 ? Double(String(String.UnicodeScalarView(s[..<end]))) : nil
    }

    /// True when no table and no header is open.
    var isIdle: Bool { valueColumn == nil && header.isEmpty }

    /// Forgets any table and header (a line that is no cell).
    mutating func close() {
        if valueColumn != nil || !header.isEmpty { self = LineCellTable() }
    }
}
