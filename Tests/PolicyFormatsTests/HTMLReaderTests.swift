import Foundation
import TestSupport
import Testing
import PolicyCore
import PolicyText
@testable import PolicyFormats

@Suite struct HTMLReaderTests {
    static let page = fixtures + "/policy-gbk.html"

    @Test func gbkPortalPageGivesTheDocumentText() throws {
        let input = try readInput(path: Self.page)
        #expect(input.format == .html)
        let plain = try SourceText.read(path: fixtures + "/policy.txt")
        // Main text only, block by block: the same lines as the plain-text version of the document.
        #expect(squeezedLines(input.source.utf8) == squeezedLines(plain.utf8))
        let text = String(decoding: input.source.utf8, as: UTF8.self)
        for boilerplate in ["首页", "当前位置", "分享到", "版权所有", "网站地图", "索引号", "show()"] {
            #expect(!text.contains(boilerplate), "\(boilerplate) leaked into the main text")
        }
    }

    @Test func metadataFromTableAndMetaTags() throws {
        let input = try readInput(path: Self.page)
        #expect(input.metadata["发文机关"] == "国家发展改革委 财政部")
        #expect(input.metadata["发文字号"] == "发改经贸〔2031〕57号")
        #expect(input.metadata["成文日期"] == "2031年03月08日")
        #expect(input.metadata["发布日期"] == "2031年03月12日")
        #expect(input.metadata["标题"] == "国家发展改革委 财政部关于开展城乡冷链物流示范工作的通知")
        #expect(input.metadata["title"] == "国家发展改革委 财政部关于开展城乡冷链物流示范工作的通知")
        #expect(input.metadata["主题分类"] == "商贸、海关、旅游")
        // The text agrees with the metadata.
        #expect(input.warnings.isEmpty, "\(input.warnings)")
    }

    @Test func evidenceMapsToTheHTMLFile() throws {
        let input = try readInput(path: Self.page)
        let original = try SourceText.read(path: Self.page)   // GBK decoded by the text layer
        #expect(original.encoding == .gb18030)
        let originalLines = String(decoding: original.utf8, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let clean = NormalizedText(input.source)
        for phrase in ["冷链流通率达到60%以上", "新增冷库库容不少于500万吨", "不超过3亿元的奖补资金", "组织实施", "2031年3月8日"] {
            let cleanBytes = Array(clean.string.utf8)
            let needle = Array(phrase.utf8)
            let start = try #require((0...(cleanBytes.count - needle.count)).first { Array(cleanBytes[$0..<($0 + needle.count)]) == needle }, "\(phrase)")
            let e = input.originalEvidence(clean.evidence(for: start..<(start + needle.count), sentence: phrase))
            // The line is the HTML line that holds the phrase's first character.
            let expectedLine = try #require(originalLines.firstIndex { $0.contains(phrase.prefix(6)) }) + 1
            #expect(e.line == expectedLine, "\(phrase)")
            // The byte range is the phrase itself, GBK-encoded, in the HTML file.
            let slice = Array(original.originalBytes[e.byteStart..<e.byteEnd])
            #expect(try SourceText(path: "slice", bytes: slice).utf8 == needle, "\(phrase)")
            // The column counts characters of that HTML line.
            let lineText = originalLines[e.line - 1]
            let prefix = lineText.unicodeScalars.prefix(e.column - 1)
            #expect(String(String.UnicodeScalarView(prefix)) + phrase == String(lineText.unicodeScalars.prefix(e.column - 1 + phrase.unicodeScalars.count).map(Character.init)), "\(phrase)")
        }
    }

    @Test func contributionsAreMovedToTheHTMLFile() throws {
        let input = try readInput(path: Self.page)
        let clean = NormalizedText(input.source)
        let e = clean.evidence(for: 0..<6, sentence: "title")
        let c = SourceContribution(path: Self.page, contentHash: "x",
                                   nodes: [NodeRecord(id: "document:x", kind: .document, label: "x", evidence: [e])])
        let moved = input.mapToOriginal(c)
        #expect(moved.nodes[0].evidence[0] == input.originalEvidence(e))
        #expect(moved.nodes[0].evidence[0].line > 20)   // the heading sits below the header and the metadata table
    }

    /// An internal DTD subset (entity declarations before <html>) shifts nothing: evidence still points at the
    /// bytes of the page that hold the text. Near miss: the same page without the subset maps the same text to
    /// the same bytes, moved only by the subset's length.
    @Test func evidenceAfterAnInternalDTDSubsetPointsAtTheText() throws {
        let subset = "<!DOCTYPE html [\n<!ENTITY region \"示例省\">\n<!ENTITY note \"附注\">\n]>\n"
        let body = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body>\n<p>示例市人民政府关于印发供暖保障实施方案的通知</p>\n"
            + "<p>到2025年，全市集中供暖覆盖率达到95%以上。</p>\n</body></html>\n"
        for page in [subset + body, "<!DOCTYPE html>\n" + body] {
            let bytes = Array(page.utf8)
            let input = try readInput(bytes: bytes, path: "dtd.html")
            let clean = NormalizedText(input.source)
            let text = clean.text(0..<clean.utf8.count)
            for phrase in ["供暖保障实施方案", "全市集中供暖覆盖率"] {
                let range = try #require(text.range(of: phrase))
                let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
                let evidence = input.originalEvidence(clean.evidence(for: start..<(start + phrase.utf8.count), sentence: phrase))
                #expect(String(decoding: bytes[evidence.byteStart..<evidence.byteEnd], as: UTF8.self) == phrase, "\(page.prefix(20)) \(evidence)")
                let line = bytes[..<evidence.byteStart].filter { $0 == 0x0A }.count + 1
                #expect(evidence.line == line)
            }
        }
    }

    /// Indentation between tags and an `&nbsp;` before a text node are not the text: the text's evidence starts at
    /// its own first character (a near miss: `&nbsp;` stands for a space, never for 示).
    @Test func evidenceSkipsIndentationAndSpaceEntities() throws {
        let page = "<html><head><meta charset=\"utf-8\"></head><body>\n\t\t<div>\n\t\t\t<p align=\"center\" style=\"font-family: 黑体\">"
            + "&nbsp;</p> <p><span style=\"color: red\"><font face=\"黑体\">示例县</font><font face=\"黑体\">2023年统计公报</font></span></p>\n"
            + "\t\t</div>\n</body></html>\n"
        let bytes = Array(page.utf8)
        let input = try readInput(bytes: bytes, path: "indent.html")
        let clean = NormalizedText(input.source)
        let text = clean.text(0..<clean.utf8.count)
        let range = try #require(text.range(of: "示例县"))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
        let evidence = input.originalEvidence(clean.evidence(for: start..<(start + "示例县".utf8.count), sentence: "示例县"))
        #expect(String(decoding: bytes[evidence.byteStart..<evidence.byteEnd], as: UTF8.self) == "示例县")
    }

    @Test func disagreeingMetadataIsReported() throws {
        var html = try String(contentsOf: URL(fileURLWithPath: fixtures + "/policy.txt"), encoding: .utf8)
            .split(separator: "\n").map { "<p>\($0)</p>" }.joined(separator: "\n")
        html = """
        <html><head><meta charset="utf-8"><title>示例</title></head><body>
        <table><tr><td>发文字号：</td><td>发改经贸〔2031〕58号</td></tr><tr><td>成文日期：</td><td>2031-03-09</td></tr>
        <tr><td>发文机关：</td><td>国家发展改革委、商务部</td></tr></table>
        <div id="zoom">\(html)</div></body></html>
        """
        let text = try HTMLReader.extract(Array(html.utf8), path: "page.html")
        #expect(text.metadata["发文字号"] == "发改经贸〔2031〕58号")
        #expect(text.warnings.contains { $0.contains("发文字号") && $0.contains("58号") })
        #expect(text.warnings.contains { $0.contains("成文日期") })
        #expect(text.warnings.contains { $0.contains("商务部") })
        #expect(!text.warnings.contains { $0.contains("“国家发展改革委”") })
    }

    @Test func pageWithoutKnownContainerAndBrokenMarkup() throws {
        let links = (1...12).map { "<li><a href=\"/l\($0)\">栏目链接第\($0)项</a></li>" }.joined()
        let html = """
        <html><head><meta charset="utf-8"></head><body>
        <div class="menu"><ul>\(links)</ul></div>
        <div class="left"><div class="box"><p>关于做好春季农业生产工作的意见</p>
        <p>各市农业农村局：<p>今年春季农业生产要确保粮食播种面积稳定在一千万亩以上。
        <div><b>请各地认真贯彻落实</div></p></span>
        </div></div>
        <div class="links">友情链接：<a href="/a">部门网站</a><a href="/b">市县网站</a></div>
        </body></html>
        """
        let text = try HTMLReader.extract(Array(html.utf8), path: "broken.html")
        let lines = squeezedLines(text.utf8)
        #expect(lines == ["关于做好春季农业生产工作的意见", "各市农业农村局：", "今年春季农业生产要确保粮食播种面积稳定在一千万亩以上。", "请各地认真贯彻落实"])
        // Line of each extracted line is the HTML line it came from.
        let source = try SourceText(path: "broken.html", bytes: text.utf8)
        let map = OriginalPositionMap(extractedToOriginal: text.originalOffsets, originalBytes: Array(html.utf8), isGB18030: false)
        let lineOfThird = map.lineAndColumn(ofOriginal: map.originalOffset(ofExtracted: source.decodedRange(ofLine: 3).lowerBound)).line
        #expect(lineOfThird == 4)
    }

    @Test func emptyPageIsAnErrorNamingTheFile() {
        #expect(throws: KGError.self) { try HTMLReader.extract(Array("<html><body><script>x()</script></body></html>".utf8), path: "empty.html") }
        do { _ = try HTMLReader.extract(Array("<html><body></body></html>".utf8), path: "empty.html") } catch let e as KGError {
            #expect(e.file == "empty.html")
        } catch { Issue.record("unexpected error \(error)") }
    }
}

@Suite struct MetadataCrossCheckTests {
    @Test func segmentsAgreeWithTheFixturePage() throws {
        let input = try readInput(path: fixtures + "/policy-gbk.html")
        #expect(input.metadataDisagreements(segments: segmentDocuments(NormalizedText(input.source))).isEmpty)
    }

    @Test func disagreementsSayWhatTheTextSays() throws {
        let body = try String(contentsOf: URL(fileURLWithPath: fixtures + "/policy.txt"), encoding: .utf8)
            .split(separator: "\n").map { "<p>\($0)</p>" }.joined(separator: "\n")
        let html = """
        <html><head><meta charset="utf-8"></head><body>
        <table><tr><td>发文字号：</td><td>发改经贸〔2031〕58号</td></tr><tr><td>成文日期：</td><td>2031-03-09</td></tr></table>
        <div id="zoom">\(body)</div></body></html>
        """
        let folder = try temporaryFolder("crosscheck")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/page.html"
        try html.write(toFile: path, atomically: true, encoding: .utf8)
        let input = try readInput(path: path)
        let warnings = input.metadataDisagreements(segments: segmentDocuments(NormalizedText(input.source)))
        #expect(warnings.contains("metadata 发文字号 “发改经贸〔2031〕58号” disagrees with the text: the text says “发改经贸〔2031〕57号”"), "\(warnings)")
        #expect(warnings.contains("metadata 成文日期 “2031-03-09” disagrees with the text: the text says “2031-03-08”"), "\(warnings)")
        #expect(warnings.count == 2)
    }
}

/// Pages nested deeper than libxml2's default limit of 256 elements (issue 14, finding 9): their text is read,
/// not silently dropped, and a page nested a hundred thousand deep is read in time linear in its size.
@Suite struct DeepHTMLTests {
    static func page(depth: Int) -> [UInt8] {
        Array(("<html><head><title>页面</title></head><body>" + String(repeating: "<div>", count: depth)
               + "<p>某某市人民政府关于印发实施方案的通知</p><p>各区县人民政府：现将方案印发给你们。</p>"
               + String(repeating: "</div>", count: depth) + "</body></html>").utf8)
    }

    @Test(arguments: [10, 300, 5_000, 100_000])
    func textBelowAnyDepthIsRead(depth: Int) throws {
        let text = try HTMLReader.extract(Self.page(depth: depth), path: "deep.html")
        #expect(text.string.contains("某某市人民政府关于印发实施方案的通知"))
        #expect(text.string.contains("现将方案印发给你们"))
    }
}
