import Testing
import TestSupport
import PolicyText
@testable import PolicyFormats

/// A page that prints no title above its text still names the document: in its `<title>`, or in a heading that a
/// label ("关联稿件：") after it must not hide. Each rule on pages of two sources' shapes and a near miss; every page
/// is written for these tests.
@Suite struct HTMLPageTitleTests {
    static func lines(_ html: String) throws -> [String] {
        squeezedLines(try HTMLReader.extract(Array(html.utf8), path: "page.html").utf8)
    }

    static func page(title: String, heading: String = "", body: String) -> String {
        """
        <html><head><meta charset="utf-8"><title>\(title)</title></head><body>
        <div class="nav"><a href="/">首页</a><a href="/xxgk">信息公开</a></div>
        \(heading)
        <div class="article-content">\(body)</div>
        </body></html>
        """
    }

    @Test func aDocumentTitleOnlyInThePageTitleIsTheFirstLine() throws {
        // A county statistics bureau's bulletin; the page title ends with the site's name after "|".
        let bulletin = try Self.lines(Self.page(title: "青禾县2031年国民经济和社会发展统计公报 | 青禾县人民政府", body: """
        <p>青禾县统计局    国家统计局青禾调查队</p><p>（2032年4月）</p>
        <p>2031年，全县地区生产总值比上年增长6.1%。</p>
        """))
        #expect(bulletin.first == "青禾县2031年国民经济和社会发展统计公报")
        // A city bureau's rules; the page title ends with the site's name after "_".
        let rules = try Self.lines(Self.page(title: "某某市公共数据开放管理办法_某某市大数据管理局", body: """
        <p>第一条　为规范公共数据开放，制定本办法。</p><p>第二条　本办法适用于本市行政区域。</p>
        """))
        #expect(rules.first == "某某市公共数据开放管理办法")
        // Near misses: a page title that is a column name, and one the text already prints.
        let column = try Self.lines(Self.page(title: "通知公告_青禾县人民政府", body: "<p>第一条　为规范公共数据开放，制定本办法。</p>"))
        #expect(column.first == "第一条为规范公共数据开放，制定本办法。")
        let printed = try Self.lines(Self.page(title: "某某市公共数据开放管理办法_某某市大数据管理局", body: """
        <p>某某市公共数据开放管理办法</p><p>第一条　为规范公共数据开放，制定本办法。</p>
        """))
        #expect(printed.filter { $0 == "某某市公共数据开放管理办法" }.count == 1)
    }

    @Test func theTitleLineMapsToThePageTitleElement() throws {
        let html = Self.page(title: "某某市公共数据开放管理办法_某某市大数据管理局", body: "<p>第一条　为规范公共数据开放，制定本办法。</p>")
        let text = try HTMLReader.extract(Array(html.utf8), path: "page.html")
        let source = try SourceText(path: "page.html", bytes: text.utf8)
        let map = OriginalPositionMap(extractedToOriginal: text.originalOffsets, originalBytes: Array(html.utf8), isGB18030: false)
        let first = map.originalOffset(ofExtracted: source.decodedRange(ofLine: 1).lowerBound)
        // (The first occurrence of the title in the page is inside <title>.)
        let expected = Array(html.utf8).firstRange(of: Array("某某市公共数据开放管理办法".utf8))?.lowerBound
        #expect(first == expected)
    }

    @Test func aLabelEndingWithAColonIsNoPageHeading() throws {
        // The heading above a list of related links ("关联稿件：") comes after the page's own heading.
        let related = try Self.lines(Self.page(title: "青禾县人民政府", heading: """
        <h1 class="article-title">青禾县2031年国民经济和社会发展统计公报</h1>
        <div class="related-title">关联稿件：</div>
        """, body: "<p>2031年，全县地区生产总值比上年增长6.1%。</p>"))
        #expect(related.first == "青禾县2031年国民经济和社会发展统计公报")
        let links = try Self.lines(Self.page(title: "某某市人民政府", heading: """
        <h2>某某市公共数据开放管理办法</h2><p class="list-title">相关链接:</p>
        """, body: "<p>第一条　为规范公共数据开放，制定本办法。</p><p>图文解读：《某某市公共数据开放管理办法》</p>"))
        #expect(links.first == "某某市公共数据开放管理办法")
        // Near miss: a heading the text prints as its own line is not repeated.
        let printed = try Self.lines(Self.page(title: "某某市人民政府", heading: "<h2>某某市公共数据开放管理办法</h2>", body: """
        <p>某某市公共数据开放管理办法</p><p>第一条　为规范公共数据开放，制定本办法。</p>
        """))
        #expect(printed.filter { $0 == "某某市公共数据开放管理办法" }.count == 1)
    }

    @Test func aTitleCitedInGuillemetsIsNotPrinted() {
        #expect(!HTMLReader.mentionsUncited("图文解读：《某某市公共数据开放管理办法》", "某某市公共数据开放管理办法"))
        #expect(HTMLReader.mentionsUncited("某某市公共数据开放管理办法第一条", "某某市公共数据开放管理办法"))
    }
}
