import Foundation
import PolicyCore
import TestSupport
import Testing
@testable import PolicyFormats

@Suite struct InputDiscoveryTests {
    @Test func folderNamesAreReadWholeAndNoFurther() throws {
        // Names of every length up to the file system's 255 bytes, many of them, so that some entry ends the C
        // library's buffer: each is read to its NUL, never past it.
        let root = try temporaryFolder("names")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var expected: Set<[UInt8]> = []
        for length in 1...255 {
            let name = String(repeating: "n", count: length - 1) + String(length % 10)
            try Data().write(to: URL(fileURLWithPath: root + "/" + name))
            expected.insert(Array(name.utf8))
        }
        // A name that is not UTF-8 (通知.txt in GBK) comes back as the same bytes.
        let gbk: [UInt8] = [0xCD, 0xA8, 0xD6, 0xAA, 0x2E, 0x74, 0x78, 0x74]
        let gbkPath = Array(root.utf8) + [0x2F] + gbk + [0]
        let fd = gbkPath.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { creat($0.baseAddress!, 0o644) } }
        #expect(fd >= 0)
        close(fd)
        expected.insert(gbk)
        let listed = try #require(listFolder(root))
        #expect(Set(listed.map(\.bytes)) == expected)
        #expect(listed.count == expected.count)
    }

    @Test func walksFoldersAndSaysWhatItSkips() throws {
        let root = try temporaryFolder("discover")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/sub/deeper", withIntermediateDirectories: true)
        try Data("通知".utf8).write(to: URL(fileURLWithPath: root + "/a.txt"))
        try Data("<html><body>页</body></html>".utf8).write(to: URL(fileURLWithPath: root + "/sub/b.htm"))
        try fm.copyItem(atPath: fixtures + "/policy.docx", toPath: root + "/sub/deeper/c.docx")
        try Data("%PDF-1.4".utf8).write(to: URL(fileURLWithPath: root + "/sub/d.pdf"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/e.xls"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/.hidden.txt"))
        try Data().write(to: URL(fileURLWithPath: root + "/empty.txt"))
        try Data("<html></html>".utf8).write(to: URL(fileURLWithPath: root + "/named-explicitly.dat"))

        var skipped: [(String, String)] = []
        var failed: [KGError] = []
        let inputs = discoverInputs(paths: [root, root + "/named-explicitly.dat", root + "/missing.txt", root + "/a.txt"],
                                    skip: { skipped.append(($0, $1)) }, fail: { failed.append($0) })
        #expect(inputs.map { String($0.path.dropFirst(root.count)) } == ["/a.txt", "/sub/b.htm", "/sub/d.pdf", "/sub/deeper/c.docx", "/named-explicitly.dat"])
        #expect(inputs.map(\.format) == [.text, .html, .pdf, .docx, .html])
        #expect(inputs[0].size == 6)
        let reasons = Dictionary(uniqueKeysWithValues: skipped.map { (String($0.0.dropFirst(root.count)), $0.1) })
        #expect(reasons["/e.xls"] == "unsupported extension .xls")
        #expect(reasons["/empty.txt"] == "empty file")
        // A named path that is not there is an error, not a skip.
        #expect(reasons["/missing.txt"] == nil)
        #expect(failed.map(\.file) == [root + "/missing.txt"] && failed.map(\.kind) == [.notFound])
        #expect(reasons["/.hidden.txt"] == nil)   // hidden files are passed over silently
        // Met in the folder walk it is skipped; named on its own it is read (by its magic bytes).
        #expect(reasons["/named-explicitly.dat"] == "unsupported extension .dat")
        #expect(skipped.count == 3, "\(skipped)")
    }

    /// A name that is not UTF-8 (GBK bytes, as an old Windows copy leaves them) is skipped with that reason and shown
    /// decoded as GB18030 (before, it was skipped as "no such file or folder"); bytes that are not GB18030 either are
    /// shown as \xNN. UTF-8 names beside it are read.
    @Test func aFileNameThatIsNotUTF8IsSkippedWithThatReason() throws {
        let root = try temporaryFolder("non-utf8")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("通知".utf8).write(to: URL(fileURLWithPath: root + "/a.txt"))
        let gbkName: [UInt8] = encodeGB18030("财政部通知") + Array(".txt".utf8)
        let brokenName: [UInt8] = [0x66, 0xFF, 0x2E, 0x74, 0x78, 0x74]   // f, a byte no encoding of Chinese uses, .txt
        for name in [gbkName, brokenName] {
            let path = Array(root.utf8) + [0x2F] + name + [0]
            let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
            #expect(fd >= 0)
            #expect(write(fd, "通知", 6) == 6)
            close(fd)
        }
        var skipped: [(String, String)] = []
        let inputs = discoverInputs(paths: [root], skip: { skipped.append(($0, $1)) }, fail: { _ in })
        #expect(inputs.map(\.path) == [root + "/a.txt"])
        let shown = Set(skipped.map { String($0.0.dropFirst(root.count)) })
        #expect(shown == ["/财政部通知.txt (GB18030)", "/f\\xFF.txt"])
        #expect(skipped.allSatisfy { $0.1.hasPrefix("the file name is not UTF-8") })
    }
}
