import Testing
@testable import PolicyExtraction

@Suite struct DocNumberTests {
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
        let span = ScalarSpan("根据教发〔2016〕12号和人社部发〔2019〕3号文件要求")
        let found = DocumentNumber.occurrences(in: span, from: 0, to: span.count).map(\.number.text)
        #expect(found == ["教发〔2016〕12号", "人社部发〔2019〕3号"])
    }
}
