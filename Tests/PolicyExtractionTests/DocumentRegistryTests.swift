import Testing
import TestSupport
import PolicyText
@testable import PolicyExtraction

@Suite struct DocumentRegistryTests {
    func draft(_ title: String, number: String? = nil, fullText: Bool = false, source: IssuerSource = .none, issuers: [String] = []) -> DocumentDraft {
        var d = DocumentDraft(title: title, number: number.flatMap { DocumentNumber.parse($0) }, date: nil, type: GenreWords.genre(ofTitle: title)?.word, fullText: fullText)
        d.issuers = issuers.map { DraftIssuer(nodeID: "agency:" + $0, canonical: $0, surface: $0, statedAt: 0..<1) }
        d.issuerSource = source
        return d
    }

    /// The byte-level title key agrees with a plain scalar-by-scalar rewrite on random titles.
    @Test func titleKeyAgreesWithAScalarRewrite() {
        func reference(_ title: String) -> String {
            var out = String.UnicodeScalarView()
            for s in title.unicodeScalars {
                switch s {
                case " ", "\t", "\u{3000}", "\u{A0}", "\n": continue
                case "—", "–", "－": out.append("-")
                case "(": out.append("（")
                case ")": out.append("）")
                case "<", "〈": out.append("《")
                case ">", "〉": out.append("》")
                default: out.append(s)
                }
            }
            return String(out)
        }
        let alphabet = Array("关于印发规划的通知（）()<>〈〉《》—–－- \t\u{3000}\u{A0}\n2025年aé😀\u{2015}\u{3001}".unicodeScalars)
        var random = SeededGenerator(seed: 7)
        for _ in 0..<5000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...14, using: &random) { view.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
            let title = String(view)
            #expect(Array(DocumentRegistry.titleKey(title).utf8) == Array(reference(title).utf8), "\(title)")
        }
    }

    @Test func mergesByTitleAndKeepsTheFirstID() {
        var r = DocumentRegistry()
        let first = r.register(draft("城市更新规划（2021—2025年）", source: .reported, issuers: ["住房和城乡建设部"]))
        #expect(first == "document:城市更新规划（2021-2025年）")
        let second = r.register(draft("城市更新规划（2021－2025 年）", number: "建科〔2021〕9号", fullText: true))
        #expect(second == first)
        #expect(r.drafts.count == 1)
        #expect(r.drafts[0].fullText)
        #expect(r.drafts[0].number?.text == "建科〔2021〕9号")
        #expect(r.drafts[0].issuers.map(\.canonical) == ["住房和城乡建设部"])
    }

    @Test func betterIssuerSourceWins() {
        var r = DocumentRegistry()
        r.register(draft("甲关于乙的通知", number: "甲〔2020〕1号", source: .reported, issuers: ["甲"]))
        r.register(draft("甲关于乙的通知", number: "甲〔2020〕1号", source: .signature, issuers: ["甲", "丙"]))
        #expect(r.drafts[0].issuers.map(\.canonical) == ["甲", "丙"])
        r.register(draft("甲关于乙的通知", number: "甲〔2020〕1号", source: .title, issuers: ["丁"]))
        #expect(r.drafts[0].issuers.map(\.canonical) == ["甲", "丙"])
    }

    @Test func attachmentIssuedByANotice() throws {
        let parent = draft("某部关于印发《数字乡村行动方案》的通知", fullText: true, source: .signature, issuers: ["某部"])
        let child = try #require(DocumentExtractor.issuedAttachment(of: parent, verbs: testIssuanceVerbs))
        #expect(child.title == "数字乡村行动方案")
        #expect(child.issuers.map(\.canonical) == ["某部"])
        #expect(!child.fullText)
        #expect(DocumentExtractor.issuedAttachment(of: draft("某部关于加强管理的通知"), verbs: testIssuanceVerbs) == nil)
    }

    @Test func anAttachmentNamedWithoutBracketsIsIssuedByTheNotice() throws {
        // GB/T 9704 titles often leave out 《》: a province's office and a ministry.
        let province = draft("某省人民政府办公厅关于印发某省“十五五”湿地保护规划的通知", source: .title, issuers: ["某省人民政府办公厅"])
        let plan = try #require(DocumentExtractor.issuedAttachment(of: province, verbs: testIssuanceVerbs))
        #expect(plan.title == "某省“十五五”湿地保护规划")
        #expect(plan.issuers.map(\.canonical) == ["某省人民政府办公厅"])
        let ministry = draft("某部关于发布城市道路照明设计管理办法的通知", source: .signature, issuers: ["某部"])
        #expect(DocumentExtractor.issuedAttachment(of: ministry, verbs: testIssuanceVerbs)?.title == "城市道路照明设计管理办法")
        // Near misses: what is issued is no document (有关事项); a forwarded document keeps its own issuer (转发).
        #expect(DocumentExtractor.issuedAttachment(of: draft("某部关于印发有关事项的通知"), verbs: testIssuanceVerbs) == nil)
        #expect(DocumentExtractor.issuedAttachment(of: draft("某市人民政府关于转发某省人民政府办公厅湿地保护规划的通知"),
                                                   verbs: testIssuanceVerbs) == nil)
    }
}
