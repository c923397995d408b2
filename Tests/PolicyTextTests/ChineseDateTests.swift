import Testing
@testable import PolicyText

@Suite struct ChineseDateTests {
    @Test func arabicDatesWithAndWithoutSpaces() {
        #expect(ChineseDate.find(in: "2021年7月3日")?.iso == "2021-07-03")
        #expect(ChineseDate.find(in: "印发日期：2019年 12月 30日")?.iso == "2019-12-30")
        #expect(ChineseDate.find(in: "2023-07-19")?.iso == "2023-07-19")
    }

    @Test func chineseNumeralDates() {
        #expect(ChineseDate.find(in: "二〇一九年十二月三十一日")?.iso == "2019-12-31")
        #expect(ChineseDate.find(in: "二〇二三年三月十日")?.iso == "2023-03-10")
        #expect(ChineseDate.find(in: "二〇二〇年十月二十日")?.iso == "2020-10-20")
    }

    @Test func monthPrecision() {
        #expect(ChineseDate.find(in: "2018年6月发布")?.iso == "2018-06")
    }

    @Test func notDates() {
        #expect(ChineseDate.find(in: "2021-2023年")?.iso == nil)
        #expect(ChineseDate.find(in: "共12345年")?.iso == nil)
        #expect(ChineseDate.find(in: "2019年13月")?.iso == nil)
        #expect(ChineseDate.find(in: "第三章")?.iso == nil)
    }

    @Test func allDatesInText() {
        let span = Array("自2019年1月2日起至2020年5月止".unicodeScalars)
        let found = ChineseDate.all(in: span, from: 0, to: span.count).map(\.iso)
        #expect(found == ["2019-01-02", "2020-05"])
    }

    @Test(arguments: [
        ("二〇〇五年九月三十日", "2005-09-30"),       // 〇
        ("二○一○年四月二十六日", "2010-04-26"),      // ○ (white circle)
        ("二OO八年六月四日", "2008-06-04"),           // Latin O from conversions
        ("二ＯＯ九年十月一日", "2009-10-01"),          // full-width O
        ("二零一九年十二月", "2019-12"),               // 零, month only
        ("（2031年5月）", "2031-05"),                  // month only in brackets
        ("2031 年 5 月 8 日", "2031-05-08"),            // spaces between the parts
        ("２０３１年５月８日", "2031-05-08"),          // full-width digits
    ])
    func wholeLineDates(written: String, iso: String) {
        #expect(ChineseDate.parseWhole(written) == iso)
    }

    @Test func nearMissesAreNoDates() {
        #expect(ChineseDate.parseWhole("2021-2023年") == nil)        // a year range
        #expect(ChineseDate.parseWhole("二O二年") == nil)            // three digits
        #expect(ChineseDate.parseWhole("截至2031年11月") == nil)     // prose around it
        #expect(ChineseDate.parseWhole("2031年13月1日") == nil)      // no such month
        #expect(ChineseDate.parseWhole("2031年1月2日印发") == nil)   // a 印发 line, not a signature date
    }
}
