import Testing
import PolicyText

/// Numbers written in Chinese characters, as plans write them (examples written for these tests).
@Suite struct ChineseNumeralsTests {
    private func cardinal(_ text: String) -> Double? {
        ChineseNumerals.cardinal(Array(text.unicodeScalars), at: 0).map(\.value)
    }

    private func quantity(_ text: String) -> ChineseNumerals.Quantity? {
        ChineseNumerals.quantity(Array(text.unicodeScalars), at: 0)
    }

    @Test(arguments: [("三", 3.0), ("两", 2), ("十", 10), ("十二", 12), ("二十五", 25), ("一百零五", 105), ("三千", 3000),
                      ("三万五千", 35000), ("十万", 100_000), ("一亿", 1e8), ("二亿三千万", 2.3e8), ("二〇二五", 2025)])
    func cardinals(_ text: String, _ value: Double) {
        #expect(cardinal(text) == value, "\(text)")
    }

    @Test func cardinalStopsAtTheFirstNonNumeral() throws {
        let s = Array("五万家企业".unicodeScalars)
        let n = try #require(ChineseNumerals.cardinal(s, at: 0))
        #expect(n.value == 50_000)
        #expect(n.end == 2)
        #expect(ChineseNumerals.cardinal(s, at: 2) == nil)
    }

    @Test func sharesOfAWhole() throws {
        let fraction = try #require(quantity("六分之五以上"))
        #expect(fraction.form == .fraction)
        #expect(fraction.value == 83.33)
        #expect(fraction.end == 4)
        #expect(quantity("三分之一")?.value == 33.33)
        #expect(quantity("一半")?.value == 50)
        #expect(quantity("半数以上")?.form == .fraction)
        #expect(quantity("百分之三十")?.value == 30)
        #expect(quantity("百分之十二点五")?.value == 12.5)
        let tenths = try #require(quantity("七成以上"))
        #expect(tenths.form == .tenths)
        #expect(tenths.value == 70)
        #expect(tenths.end == 2)
    }

    @Test func doublings() {
        #expect(quantity("翻一番")?.value == 2)
        #expect(quantity("翻两番")?.value == 4)
        #expect(quantity("翻一番")?.form == .doubling)
    }

    /// 成 that begins a word (成为, 成效, 成果) is no tenth; a numeral run with no numeral is no number.
    @Test func nearMisses() {
        #expect(quantity("一成为")?.form == .cardinal)
        #expect(quantity("三成效显著")?.form == .cardinal)
        #expect(quantity("翻番") == nil)
        #expect(cardinal("万家") == nil)
        #expect(cardinal("企业") == nil)
    }

    @Test func digitValuesStayAsBefore() {
        #expect(ChineseNumerals.value(of: 0x4E24) == 2)   // 两
        #expect(ChineseNumerals.value(of: 0x3007) == 0)   // 〇
        #expect(ChineseNumerals.parse(Array("二十一".unicodeScalars.map(\.value))) == 21)
    }
}
