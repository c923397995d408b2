import Testing
@testable import PolicyText

/// The official red-header layout: issuing bodies and "文件", then the 文号, then the title.
@Suite struct RedHeaderTests {
    /// A red-header notice written for this test, followed by a second notice in the usual layout.
    static let redHeader = """
    水利部
    自然资源部
    文件
    水规计〔2030〕8号
    水利部 自然资源部关于开展小流域综合治理试点的通知
    各省、自治区、直辖市水利（水务）厅（局）：
    为加快小流域综合治理，现将有关事项通知如下。
    水利部
    自然资源部
    2030年4月2日
    交通运输部关于做好农村公路养护工作的通知
    交公路发〔2030〕11号
    各省、自治区、直辖市交通运输厅（局、委）：
    请认真做好农村公路养护工作。
    交通运输部
    2030年5月6日
    """

    @Test func docNumberAboveTheTitleBelongsToTheDocument() throws {
        let text = try Support.normalize(Self.redHeader)
        let segments = segmentDocuments(text)
        #expect(segments.count == 2, "\(segments.map(\.title))")
        let first = try #require(segments.first)
        #expect(first.title == "水利部 自然资源部关于开展小流域综合治理试点的通知")
        #expect(first.docNumber?.text == "水规计〔2030〕8号")
        let numberRange = try #require(first.docNumberRange)
        #expect(text.text(numberRange) == "水规计〔2030〕8号")
        // The masthead and the 文号 open the document: no cover segment before it.
        #expect(first.range.lowerBound == 0)
        #expect(first.addressee == "各省、自治区、直辖市水利（水务）厅（局）：")
        #expect(first.date == "2030-04-02")
        // The second notice keeps its 文号 below the title, and does not take the first one's.
        let second = try #require(segments.last)
        #expect(second.title == "交通运输部关于做好农村公路养护工作的通知")
        #expect(second.docNumber?.text == "交公路发〔2030〕11号")
    }

    @Test func headerLinesMayStandBetweenTheDocNumberAndTheTitle() throws {
        let text = try Support.normalize("""
        林业和草原局文件
        林规发〔2030〕3号
        签发人：某某
        ————————
        林业和草原局关于加强古树名木保护的通知
        各有关单位：
        请加强古树名木保护。
        """)
        let segment = try #require(segmentDocuments(text).first)
        #expect(segment.title == "林业和草原局关于加强古树名木保护的通知")
        #expect(segment.docNumber?.text == "林规发〔2030〕3号")
        #expect(segment.range.lowerBound == 0)
    }

    @Test func aDocNumberSeparatedFromTheTitleByBodyTextIsNotTaken() throws {
        let text = try Support.normalize("""
        引用的文件为林规发〔2030〕3号。
        林规发〔2030〕3号
        本文件已废止，请参照新的规定执行。
        林业和草原局关于加强古树名木保护的通知
        各有关单位：
        请加强古树名木保护。
        """)
        let segment = try #require(segmentDocuments(text).last)
        #expect(segment.title == "林业和草原局关于加强古树名木保护的通知")
        #expect(segment.docNumber == nil)
    }
}
