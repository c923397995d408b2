import Testing
@testable import PolicyFormats

@Suite struct FormatDetectionTests {
    @Test func magicBytesDecide() {
        #expect(InputFormat.sniff(Array("%PDF-1.7\n".utf8)[...]) == .pdf)
        #expect(InputFormat.sniff([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00][...]) == .docx)
        #expect(InputFormat.sniff(Array("\u{FEFF}\n  <!DOCTYPE html><html>".utf8)[...]) == .html)
        #expect(InputFormat.sniff(Array("<HTML><BODY>".utf8)[...]) == .html)
        #expect(InputFormat.sniff(Array("财政部关于印发《办法》的通知".utf8)[...]) == nil)
        #expect(InputFormat.sniff(Array("<未闭合的尖括号".utf8)[...]) == nil)
    }

    @Test func extensionWhenBytesSayNothing() {
        #expect(InputFormat(extension: "HTM") == .html)
        #expect(InputFormat(extension: "docx") == .docx)
        #expect(InputFormat(extension: "doc") == nil)
        #expect(InputFormat.detect(path: "a/b.pdf", head: Array("plain".utf8)[...]) == .pdf)
        #expect(InputFormat.detect(path: "a/page.html", head: Array("%PDF-1.4".utf8)[...]) == .pdf)
        #expect(InputFormat.detect(path: "a/notes", head: Array("政策".utf8)[...]) == .text)
    }
}
