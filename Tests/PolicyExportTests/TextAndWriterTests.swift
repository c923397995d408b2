import Foundation
import PolicyCore
import PolicyExport
import PolicyXML
import Testing

@Suite("Text cleaning and the libxml2 writer wrapper")
struct TextAndWriterTests {
    @Test("NFC and removal of XML-illegal characters")
    func clean() {
        #expect(ExportText.clean("Cafe\u{301}") == "Caf\u{E9}")
        #expect(ExportText.clean("a\u{0C}b\u{01}c\u{FFFE}d") == "abcd")
        #expect(ExportText.clean("第一行\n\t第二行\r") == "第一行\n\t第二行\r")
        #expect(ExportText.clean("\u{FA10}") == "\u{585A}")  // CJK compatibility ideograph → unified
        #expect(ExportText.isCleanNFC("财政部〔2021〕7号（ＰＰＰ）"))
        #expect(!ExportText.isCleanNFC("e\u{301}"))
    }

    @Test("the writer escapes markup, strips illegal characters and writes numbers")
    func writer() throws {
        let xml = try XMLWriter(indent: false)
        try xml.startDocument()
        try xml.startElement("root")
        try xml.attribute("a", "x\"<&>\u{0C}y")
        try xml.attribute(XMLName("n"), letter: 0x6E, 42)
        try xml.attribute(XMLName("m"), -7)
        try xml.text("财政部 & <b>\u{01}\u{FFFF}")
        try xml.startElement(prefix: "p", name: "c", namespaceURI: "urn:x")
        try xml.endElement()
        try xml.endDocument()
        let text = String(decoding: xml.contents, as: UTF8.self)
        #expect(text.contains("<root a=\"x&quot;&lt;&amp;&gt;y\" n=\"n42\" m=\"-7\">财政部 &amp; &lt;b&gt;<p:c xmlns:p=\"urn:x\"/></root>"))
    }

    @Test("ill-nested calls are reported, not ignored")
    func misuse() throws {
        let xml = try XMLWriter(indent: false)
        try xml.startDocument()
        #expect(throws: XMLWriterError.self) { try xml.endElement() }
    }

    @Test("dates normalise for filters and timelines")
    func dates() {
        #expect(ExportDates.normalized("2021") == "2021-01-01")
        #expect(ExportDates.normalized("2021-2") == "2021-02-01")
        #expect(ExportDates.normalized("2020-02", endOfPeriod: true) == "2020-02-29")
        #expect(ExportDates.normalized("2021", endOfPeriod: true) == "2021-12-31")
        #expect(ExportDates.normalized("2021-13") == nil)
        #expect(ExportDates.normalized("二〇二一年") == nil)
    }
}
