import Testing
@testable import PolicyText

@Suite struct DisplayTableTests {
    @Test func columnsAlignByDisplayWidth() {
        let out = DisplayTable.render([["#", "文号", "title"], ["1", "财金〔2022〕119号", "通知"], ["12", "-", "x"]])
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // The last column starts at the same display column on every line.
        let starts = lines.map { line -> Int in
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            return ScalarClass.displayWidth(String(line.dropLast(cells.last!.count)))
        }
        #expect(Set(starts).count == 1)
        #expect(ScalarClass.displayWidth("财金〔2022〕119号") == 2 * 2 + 2 * 2 + 4 + 3 + 2)
    }
}
