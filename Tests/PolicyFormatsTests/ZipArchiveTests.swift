import Foundation
import PolicyCore
import PolicyText
import TestSupport
import Testing
import ZIPFoundation
@testable import PolicyFormats

/// Writes a zip with ZIPFoundation: `(path, bytes)` members, a nil `bytes` being a directory entry.
func writeZip(_ path: String, _ members: [(String, [UInt8]?)], compressed: Bool = true) throws {
    try? FileManager.default.removeItem(atPath: path)
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    for (name, bytes) in members {
        guard let bytes else {
            try archive.addEntry(with: name, type: .directory, uncompressedSize: Int64(0)) { (_: Int64, _: Int) in Data() }
            continue
        }
        let data = Data(bytes)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: compressed ? .deflate : .none) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
    }
}

@Suite struct ZipArchiveTests {
    static let notice = "财政部关于开展示范工作的通知\n财金〔2031〕7号\n各省财政厅：\n现就有关事项通知如下。\n财政部\n2031年3月8日\n"

    @Test func membersOfNestedFoldersAreInputsAndTheRestIsSkippedWithAReason() throws {
        let root = try temporaryFolder("zip-members")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let docx = try DOCXWriter.document([DOCXWriter.Paragraph("国家发展改革委关于印发方案的通知")])
        let html = Array("<html><body><p>页面正文</p></body></html>".utf8)
        let zip = root + "/corpus.zip"
        try writeZip(zip, [
            ("notices/", nil), ("notices/2031/", nil),
            ("notices/2031/a.txt", Array(Self.notice.utf8)),
            ("notices/b.html", html),
            ("c.DOCX", docx),
            ("__MACOSX/notices/._b.html", [1, 2, 3]),
            ("notices/.DS_Store", [1, 2, 3]),
            ("sheet.xls", [1, 2, 3]),
            ("empty.txt", []),
            ("../escape.txt", Array(Self.notice.utf8)),
            ("notices/../../up.txt", Array(Self.notice.utf8)),
            ("/etc/absolute.txt", Array(Self.notice.utf8)),
            ("inner.zip", [0x50, 0x4B, 0x05, 0x06]),
            ("bundle.tar.gz", [0x1F, 0x8B]),
        ])
        var skipped: [String: String] = [:]
        var failures: [KGError] = []
        let inputs = discoverInputs(paths: [zip], skip: { skipped[String($0.dropFirst(root.count + 1))] = $1 },
                                    fail: { failures.append($0) })
        #expect(failures.isEmpty)
        #expect(inputs.map { String($0.path.dropFirst(root.count + 1)) }
                == ["corpus.zip!/notices/2031/a.txt", "corpus.zip!/notices/b.html", "corpus.zip!/c.DOCX"])
        #expect(inputs.map(\.format) == [.text, .html, .docx])
        #expect(inputs.map(\.size) == [Self.notice.utf8.count, html.count, docx.count])
        #expect(skipped == [
            "corpus.zip!/sheet.xls": "unsupported extension .xls",
            "corpus.zip!/empty.txt": "empty file",
            "corpus.zip!/../escape.txt": "unsafe path in the archive (absolute or with ..)",
            "corpus.zip!/notices/../../up.txt": "unsafe path in the archive (absolute or with ..)",
            "corpus.zip!/etc/absolute.txt": "unsafe path in the archive (absolute or with ..)",
            "corpus.zip!/inner.zip": "archive inside an archive is not read",
            "corpus.zip!/bundle.tar.gz": "unsupported archive .tar.gz (only .zip archives are read)",
        ])
        // Members are read in memory: nothing was extracted next to the archive or above it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["corpus.zip"])
        #expect(!FileManager.default.fileExists(atPath: root + "/../escape.txt"))
        // Each member's bytes are the bytes put in.
        #expect(try inputs[0].readBytes() == Array(Self.notice.utf8))
        #expect(try inputs[1].readBytes() == html)
        #expect(try inputs[2].readBytes() == docx)
    }

    @Test func memberProvenanceIsWithinTheMember() throws {
        let root = try temporaryFolder("zip-provenance")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let gb = encodeGB18030(Self.notice)
        try writeZip(root + "/p.zip", [("dir/gb.txt", gb), ("dir/utf8.txt", Array(Self.notice.utf8))])
        try Data(gb).write(to: URL(fileURLWithPath: root + "/gb.txt"))
        let inputs = discoverInputs(paths: [root + "/p.zip"])
        #expect(inputs.count == 2)
        let member = try readInput(inputs[0])
        let file = try readInput(path: root + "/gb.txt")
        #expect(member.source.path == root + "/p.zip!/dir/gb.txt")
        #expect(member.source.originalBytes == gb)
        #expect(member.source.encoding == file.source.encoding)
        #expect(segmentSummaries(member.source) == segmentSummaries(file.source))
        // Evidence positions count in the member's own bytes (GB18030: 2 bytes a character).
        let clean = NormalizedText(member.source)
        let needle = Array("各省财政厅".utf8), bytes = Array(clean.string.utf8)
        let start = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        let e = clean.evidence(for: start..<(start + needle.count), sentence: "")
        #expect(e.source == root + "/p.zip!/dir/gb.txt")
        #expect(e.line == 3 && e.column == 1)
        #expect(Array(gb[e.byteStart..<e.byteEnd]) == encodeGB18030("各省财政厅"))
    }

    @Test func zipFoundInAFolderAndMemberNamedExplicitly() throws {
        let root = try temporaryFolder("zip-folder")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/in/sub", withIntermediateDirectories: true)
        try Data(Self.notice.utf8).write(to: URL(fileURLWithPath: root + "/in/a.txt"))
        try writeZip(root + "/in/sub/more.ZIP", [("x/b.txt", Array(Self.notice.utf8)), ("c.txt", Array(Self.notice.utf8))])
        try Data([0x1F, 0x8B, 0x08]).write(to: URL(fileURLWithPath: root + "/in/old.tgz"))
        var skipped: [String: String] = [:]
        let inputs = discoverInputs(paths: [root + "/in"]) { skipped[String($0.dropFirst(root.count + 1))] = $1 }
        #expect(inputs.map { String($0.path.dropFirst(root.count + 1)) } == ["in/a.txt", "in/sub/more.ZIP!/x/b.txt", "in/sub/more.ZIP!/c.txt"])
        #expect(skipped == ["in/old.tgz": "unsupported archive .tgz (only .zip archives are read)"])

        var missing: [String] = []
        let one = discoverInputs(paths: [root + "/in/sub/more.ZIP!/c.txt", root + "/in/sub/more.ZIP!/nope.txt"]) { p, _ in missing.append(p) }
        #expect(one.map(\.path) == [root + "/in/sub/more.ZIP!/c.txt"])
        #expect(missing == [root + "/in/sub/more.ZIP!/nope.txt"])
    }

    @Test func corruptArchiveIsAnErrorNamingIt() throws {
        let root = try temporaryFolder("zip-corrupt")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeZip(root + "/good.zip", [("a.txt", Array(Self.notice.utf8))])
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/good.zip")))
        // Cut before the end record; and bytes that are no zip at all.
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: root + "/cut.zip"))
        try Data("not a zip at all".utf8).write(to: URL(fileURLWithPath: root + "/text.zip"))
        var failures: [KGError] = []
        var skipped: [String] = []
        let inputs = discoverInputs(paths: [root + "/cut.zip", root + "/text.zip", root + "/good.zip"],
                                    skip: { p, _ in skipped.append(p) }, fail: { failures.append($0) })
        #expect(inputs.map(\.path) == [root + "/good.zip!/a.txt"])
        #expect(skipped.isEmpty)
        #expect(failures.map(\.file) == [root + "/cut.zip", root + "/text.zip"])
        #expect(failures.allSatisfy { $0.message.hasPrefix("not a readable zip archive") })
        #expect(failures[0].description.hasPrefix(root + "/cut.zip: error: not a readable zip archive"))
    }

    @Test func damagedMemberDataIsAnErrorNamingTheMember() throws {
        let root = try temporaryFolder("zip-damaged")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let text = Array(String(repeating: Self.notice, count: 20).utf8)
        try writeZip(root + "/d.zip", [("a.txt", text)], compressed: false)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/d.zip")))
        // The stored member's data starts after the 30-byte local header and the 5-byte name.
        bytes[30 + 5 + 100] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/d.zip"))
        let inputs = discoverInputs(paths: [root + "/d.zip"])
        #expect(inputs.count == 1)
        #expect { try inputs[0].readBytes() } throws: { error in
            let e = error as? KGError
            return e?.file == root + "/d.zip!/a.txt" && e?.message.contains("damaged") == true
        }
    }

    @Test func pdfMemberIsReadFromMemory() throws {
        guard canMakePDF else {
            if isCI { Issue.record("PDF tools missing in CI") }
            return
        }
        let root = try temporaryFolder("zip-pdf")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let pdf = try makePolicyPDF(in: root)
        let pdfBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pdf)))
        try writeZip(root + "/pdfs.zip", [("docs/policy.pdf", pdfBytes)])
        let inputs = discoverInputs(paths: [root + "/pdfs.zip"])
        #expect(inputs.map(\.format) == [.pdf])
        let member = try readInput(inputs[0])
        let file = try readInput(path: pdf)
        #expect(member.source.path == root + "/pdfs.zip!/docs/policy.pdf")
        #expect(member.source.originalBytes == file.source.originalBytes)
        #expect(member.pageOfLine == file.pageOfLine && member.pageOfLine.last == 2)
        // A damaged PDF in memory is an error naming it, not a crash (pdftotext stops reading early).
        #expect { try readInput(bytes: Array(pdfBytes.prefix(40)) + [UInt8](repeating: 0x41, count: 1 << 20), path: "bad.pdf") }
            throws: { ($0 as? KGError)?.file == "bad.pdf" }
    }

    @Test func memberPathsSplitAtTheArchive() {
        #expect(ArchiveMemberPath.join(archive: "a/c.zip", member: "d/e.txt") == "a/c.zip!/d/e.txt")
        #expect(ArchiveMemberPath.join(archive: "c.zip", member: "/e.txt") == "c.zip!/e.txt")
        #expect(ArchiveMemberPath.split("a/c.zip!/d/e.txt")! == ("a/c.zip", "d/e.txt"))
        #expect(ArchiveMemberPath.split("x/C.Zip!/政策/通知.txt")! == ("x/C.Zip", "政策/通知.txt"))
        #expect(ArchiveMemberPath.split("a/c.zip") == nil)
        #expect(ArchiveMemberPath.split("a/c.zip!/") == nil)
        #expect(ArchiveMemberPath.split("a/notes!/x.txt") == nil)
    }
}

@Suite struct ZipMemberNameTests {
    /// Zips made on Chinese Windows store names in GBK without the UTF-8 flag: such names are read as GB18030.
    @Test func gbkMemberNamesAreDecoded() throws {
        let root = try temporaryFolder("zip-gbk")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let gbkName = encodeGB18030("政策通知")            // 8 bytes
        let placeholder = Array("abcdefgh".utf8)             // same length, replaced in place below
        try writeZip(root + "/g.zip", [("dir/abcdefgh.txt", Array(ZipArchiveTests.notice.utf8)),
                                       ("win\\y.txt", Array(ZipArchiveTests.notice.utf8))])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/g.zip")))
        var replaced = 0
        var i = 0
        while i + placeholder.count <= bytes.count {
            if Array(bytes[i..<(i + placeholder.count)]) == placeholder {
                bytes.replaceSubrange(i..<(i + placeholder.count), with: gbkName)
                replaced += 1
            }
            i += 1
        }
        #expect(replaced == 2)   // local header and central directory
        // Clear the UTF-8 flag (general purpose bit 11) in both headers, as such tools leave it.
        for (signature, flagOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 6), ([0x50, 0x4B, 0x01, 0x02], 8)] {
            let at = try #require((0...(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == signature })
            bytes[at + flagOffset + 1] &= ~0x08
        }
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/g.zip"))
        let inputs = discoverInputs(paths: [root + "/g.zip"])
        // Backslash separators (some Windows tools) read as "/".
        #expect(inputs.map(\.path) == [root + "/g.zip!/dir/政策通知.txt", root + "/g.zip!/win/y.txt"])
        #expect(try inputs.first?.readBytes() == Array(ZipArchiveTests.notice.utf8))
    }
}

/// Zip bombs (issue 14, finding 5): a member that inflates far more than text does, or past the size limit, is
/// skipped with a reason before a byte of it is inflated; ordinary compressed text beside it is read.
@Suite struct ZipLimitTests {
    @Test func aMemberOfZerosIsRefusedBeforeItIsInflated() throws {
        let root = try temporaryFolder("zip-bomb")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var random = SeededGenerator(seed: 11)
        let han = (0..<300_000).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x5FFF, using: &random))!) }
        let text = Array(String(han).utf8)                        // ~900 KB of varied text: compresses about 2:1
        let zeros = [UInt8](repeating: 0x30, count: 16 << 20)     // 16 MiB of one digit: about 1000:1
        let zip = root + "/bomb.zip"
        try writeZip(zip, [("a.txt", text), ("b.txt", Array(ZipArchiveTests.notice.utf8) + zeros)])

        let archive = try ZipArchive(path: zip)
        let bomb = try #require(archive.member(named: "b.txt"))
        #expect(ZipArchive.sizeLimitReason(bomb)?.contains("zip bomb") == true)
        let error = #expect(throws: KGError.self) { try archive.bytes(of: bomb) }
        #expect(error?.kind == .malformedInput)

        var skipped: [String: String] = [:]
        let inputs = discoverInputs(paths: [zip], skip: { skipped[$0] = $1 }, fail: { _ in })
        #expect(inputs.map(\.path) == [zip + "!/a.txt"])
        #expect(skipped[zip + "!/b.txt"]?.contains("more than 100:1") == true)
    }

    @Test func statedSizesAboveTheMemberLimitAreRefused() {
        let huge = ZipArchive.Member(name: "x.txt", size: ZipArchive.largestMemberSize + 1,
                                     compressedSize: ZipArchive.largestMemberSize / 2, kind: .file, index: 0)
        #expect(ZipArchive.sizeLimitReason(huge)?.contains("too large") == true)
        let fine = ZipArchive.Member(name: "y.txt", size: 5 << 20, compressedSize: 1 << 20, kind: .file, index: 0)
        #expect(ZipArchive.sizeLimitReason(fine) == nil)
    }
}
