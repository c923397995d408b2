import Testing
@testable import PolicyExtraction

@Suite struct DateParserTests {
    @Test func arabicDatesWithAndWithoutSpaces() {
        #expect(DateParser.isoDate(in: "2021年7月3日") == "2021-07-03")
        #expect(DateParser.isoDate(in: "印发日期：2019年 12月 30日") == "2019-12-30")
        #expect(DateParser.isoDate(in: "2023-07-19") == "2023-07-19")
    }

    @Test func chineseNumeralDates() {
        #expect(DateParser.isoDate(in: "二〇一九年十二月三十一日") == "2019-12-31")
        #expect(DateParser.isoDate(in: "二〇二三年三月十日") == "2023-03-10")
        #expect(DateParser.isoDate(in: "二〇二〇年十月二十日") == "2020-10-20")
    }

    @Test func monthPrecision() {
        #expect(DateParser.isoDate(in: "2018年6月发布") == "2018-06")
    }

    @Test func notDates() {
        #expect(DateParser.isoDate(in: "2021-2023年") == nil)
        #expect(DateParser.isoDate(in: "共12345年") == nil)
        #expect(DateParser.isoDate(in: "2019年13月") == nil)
        #expect(DateParser.isoDate(in: "第三章") == nil)
    }

    @Test func allDatesInText() {
        let span = ScalarSpan("自2019年1月2日起至2020年5月止")
        let found = DateParser.dates(in: span, from: 0, to: span.count).map(\.iso)
        #expect(found == ["2019-01-02", "2020-05"])
    }
}
