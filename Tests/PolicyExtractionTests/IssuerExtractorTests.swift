import Testing
import PolicyCore
import PolicyOntology
@testable import PolicyExtraction

/// The issuance verbs of the rule tests (a few, written here: the shipped list is data, tested on its own).
let testIssuanceVerbs = IssuanceVocabulary([
    IssuanceVerb(verb: "印发", uses: [.prose, .attachment]), IssuanceVerb(verb: "转发", uses: [.attachment]),
    IssuanceVerb(verb: "发布", uses: [.prose, .attachment]), IssuanceVerb(verb: "出台", uses: [.prose]),
    IssuanceVerb(verb: "制定", uses: [.prose]), IssuanceVerb(verb: "公布", uses: [.prose]),
])

/// Issuer extraction over hand-placed agency hits (the recogniser is tested by its own suite).
@Suite struct IssuerExtractorTests {
    /// Marks every occurrence of the given agency names in `text` as agency hits.
    func hits(_ text: String, _ names: [String]) -> (ScalarSpan, [EntityHit]) {
        let span = ScalarSpan(text)
        var out: [EntityHit] = []
        for name in names {
            let word = scalars(name)
            var from = 0
            while let i = span.find(word, from: from) {
                out.append(EntityHit(range: i..<(i + word.count), kind: .agency, nodeID: "agency:" + name, canonical: name, surface: name))
                from = i + word.count
            }
        }
        return (span, out.sorted { $0.range.lowerBound < $1.range.lowerBound })
    }

    @Test func issuersBeforeGuanyu() throws {
        let (span, h) = hits("教育部 人力资源社会保障部关于做好毕业生就业工作的通知", ["教育部", "人力资源社会保障部"])
        let found = try #require(IssuerExtractor.titleIssuers(span: span, hits: h))
        #expect(found.issuers.map(\.canonical) == ["教育部", "人力资源社会保障部"])
        #expect(found.complete)
    }

    @Test func concatenatedIssuersAndPartialLists() throws {
        let (span, h) = hits("民政部财政部等六部门关于加强养老服务的意见", ["民政部", "财政部"])
        let found = try #require(IssuerExtractor.titleIssuers(span: span, hits: h))
        #expect(found.issuers.map(\.canonical) == ["民政部", "财政部"])
        #expect(!found.complete)
    }

    @Test func titleWithoutIssuers() {
        let (span, h) = hits("关于加强养老服务的意见", ["民政部"])
        #expect(IssuerExtractor.titleIssuers(span: span, hits: h) == nil)
        let (span2, h2) = hits("加快推进民政部门改革关于意见", ["民政部"])
        #expect(IssuerExtractor.titleIssuers(span: span2, hits: h2) == nil)
    }

    @Test func reportedIssuanceWithBrackets() throws {
        let (span, h) = hits("日前，交通运输部、国家铁路局联合印发了《综合运输服务规划》，要求各地落实。", ["交通运输部", "国家铁路局"])
        let found = IssuerExtractor.reportedIssuances(span: span, hits: h, verbs: testIssuanceVerbs)
        #expect(found.count == 1)
        let r = try #require(found.first)
        #expect(r.title == "综合运输服务规划")
        #expect(r.issuers.map(\.canonical) == ["交通运输部", "国家铁路局"])
        #expect(r.issuersComplete)
    }

    @Test func reportedIssuanceInHeadlineWithoutBrackets() throws {
        let (span, h) = hits("水利部近日印发农村供水保障三年行动方案", ["水利部"])
        let r = try #require(IssuerExtractor.reportedIssuances(span: span, hits: h, verbs: testIssuanceVerbs).first)
        #expect(r.title == "农村供水保障三年行动方案")
        #expect(r.issuers.map(\.canonical) == ["水利部"])
    }

    @Test func noIssuanceWithoutNamedIssuer() {
        let (span, h) = hits("有关部门印发《工作要点》", ["水利部"])
        #expect(IssuerExtractor.reportedIssuances(span: span, hits: h, verbs: testIssuanceVerbs).isEmpty)
        let (span2, h2) = hits("水利部印发了相关材料，供参考", ["水利部"])
        #expect(IssuerExtractor.reportedIssuances(span: span2, hits: h2, verbs: testIssuanceVerbs).isEmpty)
    }

    @Test func dengNBumen() throws {
        let (span, h) = hits("商务部等12部门印发《县域商业体系建设指南》", ["商务部"])
        let r = try #require(IssuerExtractor.reportedIssuances(span: span, hits: h, verbs: testIssuanceVerbs).first)
        #expect(!r.issuersComplete)
        #expect(r.issuers.map(\.canonical) == ["商务部"])
        #expect(IssuerExtractor.suffixDeng(ScalarSpan("X等十三个部门"), end: 7)?.1 == 13)
    }
}

@Suite struct CitationExtractorTests {
    @Test func titlesWithNumbersAndBareNumbers() {
        let span = ScalarSpan("依据《城市绿化条例》和《关于推进海绵城市建设的指导意见》（国办发〔2015〕75号），参照建城〔2016〕1号执行。")
        let found = CitationExtractor.citations(in: span)
        #expect(found.map { $0.title ?? "" } == ["城市绿化条例", "关于推进海绵城市建设的指导意见", ""])
        #expect(found.map { $0.docNumber?.text ?? "" } == ["", "国办发〔2015〕75号", "建城〔2016〕1号"])
    }

    @Test func nestedAngleBrackets() {
        let span = ScalarSpan("落实《农业农村部关于印发〈种业振兴方案〉的通知》要求")
        #expect(CitationExtractor.citations(in: span).map(\.title) == ["农业农村部关于印发〈种业振兴方案〉的通知"])
    }
}
