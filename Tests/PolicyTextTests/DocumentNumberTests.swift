import Testing
@testable import PolicyText

@Suite struct DocumentNumberTests {
    @Test func jointIssueIsParsed() throws {
        let n = try #require(DocumentNumber.parse("商务部联财〔2020〕88号"))
        #expect(n.text == "商务部联财〔2020〕88号")
        #expect(n.issuerCode == "商务部")
        #expect(n.isJoint)
        #expect(n.category == "财")
        #expect(n.year == 2020)
        #expect(n.serial == 88)
    }

    @Test func bracketsAreNormalised() throws {
        #expect(DocumentNumber.parse("财预[2019]7号")?.text == "财预〔2019〕7号")
        #expect(DocumentNumber.parse("国办发（2018）101号")?.text == "国办发〔2018〕101号")
        #expect(DocumentNumber.parse("农经发【2017】 5号")?.text == "农经发〔2017〕5号")
        let n = try #require(DocumentNumber.parse("国办发〔2018〕101号"))
        #expect(n.issuerCode == "国办")
        #expect(!n.isJoint)
        #expect(n.category == "发")
    }

    @Test func rejectsNonNumbers() {
        #expect(DocumentNumber.parse("〔2019〕7号") == nil)
        #expect(DocumentNumber.parse("财预〔19〕7号") == nil)
        #expect(DocumentNumber.parse("财预〔2019〕7") == nil)
        #expect(DocumentNumber.parse("财预〔2019〕7号文件") == nil)
    }

    @Test func findsNumbersInProse() {
        let span = Array("根据教发〔2016〕12号和人社部发〔2019〕3号文件要求".unicodeScalars)
        let found = DocumentNumber.occurrences(in: span, from: 0, to: span.count).map(\.number.text)
        #expect(found == ["教发〔2016〕12号", "人社部发〔2019〕3号"])
    }

    @Test(arguments: [
        ("国发 〔2031〕 35 号", "国发〔2031〕35号"),            // spaces inside
        ("舟政发(2030)54号", "舟政发〔2030〕54号"),            // ASCII parentheses
        ("粤府办［2031］5号", "粤府办〔2031〕5号"),            // full-width square brackets
        ("惠市委发﹝2029﹞5号", "惠市委发〔2029〕5号"),          // small tortoise shells
        ("湘政办发„2029‟24号", "湘政办发〔2029〕24号"),        // low/high quotation marks
        ("京政發〔2031〕10號", "京政發〔2031〕10號"),          // traditional 發/號 kept as written
        ("（沪府办〔2030〕40号）", "沪府办〔2030〕40号"),         // a whole line in brackets
        ("文件编号 浦府〔2031〕1号", "浦府〔2031〕1号"),          // a metadata label in front
        ("【发文字号】惠市委发[2030]5号", "惠市委发〔2030〕5号"),
    ])
    func variantsNormaliseToTortoiseShellBrackets(written: String, normalised: String) {
        let number = DocumentNumber.parse(written)
        #expect(number?.text == normalised)
        #expect(number?.isRepaired == false)
    }

    @Test func lostGlyphsAreRestoredOnAWholeLineOnly() throws {
        // Conversions that drop 〕 and 号 leave "prefix〔yyyyN" (two sources), restored and marked.
        let a = try #require(DocumentNumber.parse("亳政办〔20311"))
        #expect(a.text == "亳政办〔2031〕1号")
        #expect(a.isRepaired)
        #expect(DocumentNumber.parse("浦府〔203112")?.text == "浦府〔2031〕12号")
        // Near misses: prose with such digits, a year out of range, no prefix.
        #expect(DocumentNumber.parse("根据浦府〔20311") == nil)
        #expect(DocumentNumber.parse("浦府〔18501") == nil)
        #expect(DocumentNumber.parse("〔20311") == nil)
    }

    @Test func announcementNumbersAreDocumentNumbers() throws {
        let a = try #require(DocumentNumber.parse("财政部 税务总局公告 2031年第 32号"))
        #expect(a.text == "财政部 税务总局公告2031年第32号")
        #expect(a.isAnnouncement)
        #expect(DocumentNumber.parse("海关总署令第5号")?.text == "海关总署令第5号")
        // Near miss: a sentence that mentions an announcement.
        #expect(DocumentNumber.parse("根据公告要求执行第5号") == nil)
    }
}
