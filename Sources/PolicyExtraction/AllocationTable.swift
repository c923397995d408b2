import PolicyGrammar

/// A table that splits a quota among units — townships, departments, enterprises — one row each (a 任务分解表):
///
///     面积：万亩
///     乡镇 | 可种植面积 | 2026年任务面积 | 备注
///     甲镇 | 8.4 | 0.9 |
///
///     unit-line → han{0,6} (：| :) unit                        (the unit of every value below it)
///     header    → unit-cell ('|' cell)* '|' task-cell ('|' cell)*
///     task-cell → han* year? han* task-word han* unit-note?   (task-word → 任务 | 目标 | 计划 | 分解 | 下达 | 指标)
///     row       → name ('|' cell)* '|' number ('|' cell)*     (the number under the task cell)
///
/// Each row states one target: the row's unit (its first cell) is to reach the value under the task column, in the
/// table's unit, by the year the task column or the document names. A total row (合计, 总计) restates the quota the
/// text sets, and a table with no unit stated is left alone: a count without its unit is no target.
struct AllocationTable: Sendable, Equatable {
    /// The column (in cells counted with empty ones) that holds the quota.
    var column: Int
    /// The year the task column names (2026年任务面积), if any.
    var year: Int?
    /// The unit the task column's note states (任务面积（万亩）), if any.
    var unit: String?

    /// The cells of a line split at pipes, empty ones kept (a row's columns line up with its header's); the text of
    /// each trimmed. A leading pipe opens no cell.
    static func cells(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var start = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b, s[a].isInlineSpace { a += 1 }
            while b > a, s[b - 1].isInlineSpace || s[b - 1] == "\n" { b -= 1 }
            cells.append(a..<b)
        }
        var a = 0
        while a < s.count, s[a].isInlineSpace { a += 1 }
        if a < s.count, s[a] == "|" || s[a] == "｜" { start = a + 1 }
        for i in start..<s.count where s[i] == "|" || s[i] == "｜" {
            close(i)
            start = i + 1
        }
        close(s.count)
        return cells
    }

    /// Words of a column that holds a quota: 任务, 目标, 计划, 分解, 下达, 指标.
    private static let taskWords = ScalarWordList(["任务", "目标", "计划", "分解", "下达", "指标"])
    /// Words of a first column that make a table something else: an indicator table (指标), a list of projects or tasks.
    private static let otherFirstColumns = ScalarWordList(["指标", "项目", "序号", "任务", "事项", "内容"])
    /// Names of a row that sums the others.
    private static let totalNames = ScalarWordList(["合计", "总计", "小计", "累计", "全区", "全县", "全市", "全省", "全镇"])

    /// `unit-note → ('（' | '(') unit ('）' | ')')` at the end of a task cell.
    private static let unitNote = Production(
        "allocation unit note", grammar: "unit-note → ('（' | '(') unit ('）' | ')')", confidence: 0.8,
        .sequence(.oneOf("（("), .capture("unit", .repeat(.scalar(.noneOf("（）()|\n")), 1...6)), .oneOf("）)")))

    /// `unit-line → han{0,6} (：| :) space* unit` in the first cell of a short line ("面积：万亩", "单位:万元").
    private static let unitLine = Production(
        "allocation unit line", grammar: "unit-line → han{0,6} (：| :) space* unit", confidence: 0.8,
        .sequence(.repeat(.han, 0...6), .oneOf("：:"), .repeat(.oneOf(" \u{3000}"), 0...2),
                  .capture("unit", .repeat(.scalar(.noneOf("|\n （()）")), 1...6))))

    /// The header of an allocation table, or nil: at least three cells, a first cell of Han text naming the units it
    /// splits among (not 指标, 项目, 序号 …), no cell holding a value, and a later cell naming the quota.
    static func header(_ s: [Unicode.Scalar], isUnit: (String) -> Bool) -> AllocationTable? {
        let cells = cells(s)
        guard cells.count >= 3, let first = cells.first, first.count >= 2,
              s[first].allSatisfy({ $0.isHanIdeograph || "（）()、/".unicodeScalars.contains($0) }),
              !otherFirstColumns.occurs(in: ScalarSpan(String(String.UnicodeScalarView(s[first])))) else { return nil }
        var column: Int?
        for (k, cell) in cells.enumerated() where k > 0 {
            let text = ScalarSpan(String(String.UnicodeScalarView(s[cell])))
            // (A value in a cell makes the line a row, not a header.)
            if let c = s[cell].first, c.digitValue != nil, !s[cell].contains("年") { return nil }
            if column == nil, taskWords.occurs(in: text) { column = k }
        }
        guard let column else { return nil }
        let cell = cells[column]
        var unit: String?
        if let open = s[cell].lastIndex(where: { $0 == "（" || $0 == "(" }),
           let m = unitNote.prefixMatch(in: s, at: open, end: cell.upperBound), m.range.upperBound == cell.upperBound,
           let u = m["unit"], isUnit(s.string(u)) {
            unit = s.string(u)
        }
        return AllocationTable(column: column, year: PassageTense.firstYear(in: s, from: cell.lowerBound, to: cell.upperBound),
                               unit: unit)
    }

    /// The unit a unit line states ("面积：万亩" → 万亩), or nil.
    static func statedUnit(_ s: [Unicode.Scalar], isUnit: (String) -> Bool) -> String? {
        guard let cell = cells(s).first, cell.count <= 14, let m = unitLine.prefixMatch(in: s, at: cell.lowerBound, end: cell.upperBound),
              m.range.upperBound == cell.upperBound, let u = m["unit"], isUnit(s.string(u)) else { return nil }
        return s.string(u)
    }

    /// The row's unit, its quota and the quota's scalar range, or nil when `s` is no row of this table: a first cell
    /// of Han text that is no total, and a number alone in the task column.
    func row(_ s: [Unicode.Scalar]) -> (name: String, value: Double, range: Range<Int>)? {
        let cells = Self.cells(s)
        guard cells.count > column, let first = cells.first, first.count >= 2,
              s[first].allSatisfy({ !$0.isClausePunctuation && $0.digitValue == nil }),
              s[first].contains(where: \.isHanIdeograph),
              !Self.totalNames.occurs(in: ScalarSpan(String(String.UnicodeScalarView(s[first])))) else { return nil }
        let cell = cells[column]
        guard !cell.isEmpty, s[cell].allSatisfy({ $0.digitValue != nil || $0 == "." }), s[cell.lowerBound] != ".",
              s[cell].filter({ $0 == "." }).count <= 1, let value = Double(s.string(cell)) else { return nil }
        return (s.string(first), value, cell)
    }
}
