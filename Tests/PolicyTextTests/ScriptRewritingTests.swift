import Foundation
import PolicyCore
import Testing
import TestSupport
@testable import PolicyText

/// The normaliser's rewriting step: traditional text read as simplified (OpenCC t2s), pinyin glosses dropped, NFC
/// with compatibility ideographs folded — every clean scalar still mapped to the original bytes it comes from, and
/// the written form restoring what the file says.
@Suite struct ScriptRewritingTests {
    /// A portal repost in traditional characters: page chrome, 文号 and title with `發(fā)`-style glosses, a body.
    static let portalRepost = """
        發布時間:2024-03-08 來源:市政府辦公室 【打印】
        江城市人民政府關於印發(fā)江城市優化營商環境行動方案的通知
        江府發(fā)〔2024〕6號
        各區人民政府,市政府各部門、各直屬機構(gòu):
        現(xiàn)將《江城市優化營商環境行動方案》印發(fā)給你們,請認真貫徹執(zhí)行。
        到2025年,全市市場主體數量突破(pò)30萬戶,營商環境評價進入全國前列。
        江城市人民政府
        2024年3月1日
        """

    /// Legal text in traditional characters with a gloss after almost every character, toneless and doubled.
    static let legalText = """
        第一條 為(wei)了規(gui)範(fan)行政執(zhi)法行為(wei),保障(zhang)當事人合法權益,制定本辦(ban)法。
        第二條 本辦法適(shi)用於(yu)本省行政區域內(nei)的行政執法活(huo)動(dong)(dong)。
        第三條 執法機關應當公開執法依據(ju)(ju)、程序和結果(guo)。
        """

    @Test func portalRepostReadsAsSimplified() throws {
        let text = try Support.normalize(Self.portalRepost)
        #expect(text.profile.convertsTraditional)
        #expect(text.rewritesSource)
        let lines = text.string.split(separator: "\n").map(String.init)
        #expect(lines.contains("江城市人民政府关于印发江城市优化营商环境行动方案的通知"))
        #expect(lines.contains("江府发〔2024〕6号"))
        #expect(lines.contains("各区人民政府,市政府各部门、各直属机构:"))
        #expect(lines.contains("到2025年,全市市场主体数量突破30万户,营商环境评价进入全国前列。"))
        // The written form: characters and glosses as in the file.
        let title = try #require(text.utf8.firstRange(of: Array("江城市人民政府关于印发".utf8)))
        #expect(text.asWritten("江府发〔2024〕6号", near: title) == "江府發(fā)〔2024〕6號")
        #expect(text.asWritten("江城市人民政府关于印发江城市优化营商环境行动方案的通知", near: title)
                == "江城市人民政府關於印發(fā)江城市優化營商環境行動方案的通知")
        let line = try #require(text.utf8.firstRange(of: Array("各区人民政府".utf8)))
        #expect(text.writtenText(line.lowerBound..<(line.lowerBound + "各区人民政府,市政府各部门、各直属机构:".utf8.count))
                == "各區人民政府,市政府各部門、各直屬機構(gòu):")
        // Not found: the string itself.
        #expect(text.asWritten("国务院", near: title) == "国务院")
        try checkOffsets(text)
    }

    @Test func legalTextWithGlossesAfterEveryCharacter() throws {
        let text = try Support.normalize(Self.legalText)
        #expect(text.profile.convertsTraditional)
        #expect(text.string == """
            第一条 为了规范行政执法行为,保障当事人合法权益,制定本办法。
            第二条 本办法适用于本省行政区域内的行政执法活动。
            第三条 执法机关应当公开执法依据、程序和结果。
            """)
        let at = try #require(text.utf8.firstRange(of: Array("活动".utf8)))
        #expect(text.writtenText(at) == "活(huo)動(dong)(dong)")
        // Evidence: offsets in the original file, text as written.
        let evidence = text.evidence(for: at, sentence: "本办法适用于本省行政区域内的行政执法活动。")
        let original = Array(Self.legalText.utf8)
        #expect(String(decoding: original[evidence.byteStart..<evidence.byteEnd], as: UTF8.self) == "活(huo)動")
        #expect(evidence.text == "本辦法適(shi)用於(yu)本省行政區域內(nei)的行政執法活(huo)動(dong)(dong)。")
        #expect(evidence.line == 2)
        try checkOffsets(text)
    }

    /// Near misses: parentheses that are no gloss stay, and simplified text is left byte for byte as it was.
    @Test func nearMissesAreKept() throws {
        let samples = [
            "推广政府和社会资本合作(PPP)模式,地区生产总值(GDP)增长5%。",
            "印发《数据管理办法（试行）》的通知",
            "(一)加强组织领导。(二)强化资金保障。",
            "适用下列情形(a)之一的,从其规定。",
            "see the Plan (fan) and the Rules (shi), in English.",
            "建设智慧城市(city)平台,推进数字(ABC)应用。",
            "登录服务平台（https://example.org）办理,温度5℃,第Ⅴ类水质。",
            "乾隆年间的著名园林,於姓人家修缮。",
        ]
        for sample in samples {
            let text = try Support.normalize(sample)
            #expect(!text.rewritesSource, "\(sample)")
            #expect(text.string == sample, "\(sample)")
        }
    }

    /// A traditional paragraph reposted inside a simplified page is converted; the page around it is not.
    @Test func traditionalParagraphInSimplifiedPage() throws {
        let file = """
            当前位置:首页 > 政策文件 > 转载
            关于著名商标认定工作的说明
            为进一步做好商标品牌工作,现就有关事项说明如下。各地要加强组织领导,明确责任分工,
            完善工作机制,强化督促检查,推动各项工作取得实效。请各单位结合本地区本部门实际抓好落实。
            各地區要結合實際,認真組織實施,確保各項措施落實到位。
            乾隆年间的著名园林。
            """
        let text = try Support.normalize(file)
        #expect(!text.profile.convertsTraditional)
        let lines = text.string.split(separator: "\n").map(String.init)
        #expect(lines.contains("关于著名商标认定工作的说明"))
        #expect(lines.contains("各地区要结合实际,认真组织实施,确保各项措施落实到位。"))
        #expect(lines.contains("乾隆年间的著名园林。"))
        try checkOffsets(text)
    }

    @Test func compatibilityIdeographsAndCombiningMarks() throws {
        // U+F9DC and U+2F800 are compatibility ideographs (隆, 丽); U+FA11 is a unified ideograph and stays;
        // "e" + U+0301 composes to "é".
        let file = "兴\u{F9DC}街道\u{2F800}水湾社区\u{FA11}\n项目由Caf\u{65}\u{301}公司承建,发(fa\u{304})展。"
        let text = try Support.normalize(file)
        #expect(text.string == "兴隆街道丽水湾社区\u{FA11}\n项目由Café公司承建,发展。")
        let at = try #require(text.utf8.firstRange(of: Array("兴隆".utf8)))
        #expect(text.writtenText(at) == "兴\u{F9DC}")
        try checkOffsets(text)
    }

    /// Phrases convert by OpenCC's phrase dictionary where it keeps the character count: 乾 is 干 in 乾淨 but stays
    /// in 乾隆, which the per-character table alone would get wrong.
    @Test func phraseConversion() throws {
        let text = try Support.normalize("清朝乾隆年間的園林保存完好,環境乾淨整潔。\n各部門要推進體制機制創新,解決突出問題。")
        #expect(text.string == "清朝乾隆年间的园林保存完好,环境干净整洁。\n各部门要推进体制机制创新,解决突出问题。")
        #expect(TraditionalChinese.shared.table[0x4E7E] == 0x5E72)  // 乾 → 干, character by character
    }

    /// The traditional-character tables read back from their cache file equal the ones OpenCC gives, and convert
    /// the same; a damaged file is derived again; `KG_CACHE=off` writes nothing.
    @Test func cachedTablesEqualDerivedOnes() throws {
        let folder = NSTemporaryDirectory() + "kg-t2s-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let derived = TraditionalChinese(environment: ["KG_CACHE": folder])
        #expect(!derived.readFromCache)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        guard TraditionalChinese.openCCDataFiles.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            #expect(files.isEmpty)  // (no cache without OpenCC's data where it is expected)
            return
        }
        try #require(files.count == 1)
        let cached = TraditionalChinese(environment: ["KG_CACHE": folder])
        #expect(cached.readFromCache)
        #expect(cached.table == derived.table && cached.traditionalFlags == derived.traditionalFlags)
        #expect(cached.table.count > 2000)
        for line in [Self.portalRepost, Self.legalText, "清朝乾隆年間的園林保存完好,環境乾淨整潔。"] {
            var a = line.unicodeScalars.map(\.value), b = a
            a.withUnsafeMutableBufferPointer { cached.convert($0) }
            b.withUnsafeMutableBufferPointer { derived.convert($0) }
            #expect(a == b)
        }
        let path = folder + "/" + files[0]
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count - 3] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(!TraditionalChinese(environment: ["KG_CACHE": folder]).readFromCache)
        #expect(TraditionalChinese(environment: ["KG_CACHE": folder]).readFromCache)
        #expect(!TraditionalChinese(environment: ["KG_CACHE": "off"]).readFromCache)
    }

    /// The gloss grammar on its own: what follows the ideograph is a gloss (its length in scalars) or not (0).
    @Test(arguments: [
        ("發(fā)", 4), ("國(guo)", 5), ("會(huì )", 6), ("場（chǎng）", 7), ("強(qiang2)", 8), ("綠(lǜ)", 4), ("綠(lv)", 4),
        ("區( qū )", 6), ("號(hào)", 5),
        ("中(GDP)", 0), ("中(PPP)", 0), ("中(Fa)", 0), ("中(a)", 0), ("中(e)", 0), ("中(city)", 0), ("中(abc)", 0),
        ("中(一)", 0), ("中（试行）", 0), ("中(2016~2030)", 0), ("中(fa", 0), ("中()", 0), ("中(zhuangg)", 0),
    ])
    func glossGrammar(_ sample: String, _ expected: Int) {
        let scalars = Array(sample.unicodeScalars.map(\.value))
        let found = scalars.withUnsafeBufferPointer { PinyinGloss.length($0, at: 1, end: $0.count) }
        #expect(found == expected, "\(sample)")
    }

    /// Seeded random files mixing traditional characters, glosses, near misses, compatibility ideographs, spaces
    /// and line breaks: both offset statements hold.
    @Test func glossesRemovedFromAWord() {
        #expect(PinyinGloss.removed(from: "億(yì)噸(dūn)") == "億噸")
        #expect(PinyinGloss.removed(from: "萬(wan4)元/人") == "萬元/人")
        // Near misses: an abbreviation and a label in parentheses stay.
        #expect(PinyinGloss.removed(from: "千瓦(kW)") == "千瓦(kW)")
        #expect(PinyinGloss.removed(from: "元(a)") == "元(a)")
    }

    @Test func randomTraditionalFiles() throws {
        let alphabet = ["國", "發", "關", "於", "說", "會", "經", "濟", "產", "業", "(fā)", "(guo)", "(jiàn)", "( huì )",
                        "(GDP)", "(一)", "（試行）", "\u{F9DC}", "e\u{301}", "政", "策", "年", "1", "2", " ", "\u{3000}",
                        "，", "。", "《", "》", "\n", "\n", "\r\n", "x", "(fa)"]
        var g = SeededGenerator(seed: 1912)
        for round in 0..<40 {
            var file = ""
            for _ in 0..<(20 + Int(g.next() % 300)) { file += alphabet[Int(g.next() % UInt64(alphabet.count))] }
            guard let source = try? Support.source(file, path: "random\(round).txt") else { continue }
            try checkOffsets(NormalizedText(source), seed: UInt64(round))
        }
    }

    /// Statement 1 of `OffsetPropertyTests` with rewriting (each clean scalar maps to one original scalar that
    /// folds, converts or composes to it), statement 2 (re-normalisation of whole lines with the file's profile), and
    /// the dropped glosses: no clean scalar maps into one.
    func checkOffsets(_ text: NormalizedText, seed: UInt64 = 7) throws {
        let properties = OffsetPropertyTests()
        properties.checkScalarCorrespondence(text)
        try properties.checkRenormalisation(text, samples: 40, seed: seed)
        for gloss in text.rewriting?.glosses ?? [] {
            #expect(!text.cleanToDecoded.contains { gloss.range.contains($0) })
            let bytes = text.source.utf8[Int(gloss.range.lowerBound)..<Int(gloss.range.upperBound)]
            #expect(bytes.first == 0x28 || bytes.first == 0xEF)
        }
    }
}
