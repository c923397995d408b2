import Testing
import PolicyOntology
import TestSupport
import PolicyCore
@testable import PolicyExtraction

@Suite struct RelationExtractorTests {
    func hits(_ text: String, agencies: [String], programmes: [String] = []) -> (ScalarSpan, [EntityHit]) {
        let span = ScalarSpan(text)
        var out: [EntityHit] = []
        for (names, kind) in [(agencies, NodeKind.agency), (programmes, NodeKind.programme)] {
            for name in names {
                let word = scalars(name)
                var from = 0
                while let i = span.find(word, from: from) {
                    out.append(EntityHit(range: i..<(i + word.count), kind: kind, nodeID: "\(kind.rawValue):" + name, canonical: name, surface: name))
                    from = i + word.count
                }
            }
        }
        return (span, out.sorted { $0.range.lowerBound < $1.range.lowerBound })
    }

    @Test func leadAnnotationPointsAtProgramme() {
        let (span, h) = hits("深入实施全民健身计划。（体育总局牵头，教育部等按职责分工负责）", agencies: ["体育总局", "教育部"], programmes: ["全民健身计划"])
        let found = RelationExtractor.relations(in: span, hits: h, fallbackTarget: "document:X")
        #expect(found.filter { $0.kind == .leads }.map { [$0.source, $0.target] } == [["agency:体育总局", "programme:全民健身计划"]])
    }

    @Test func leadAnnotationFallsBackToDocument() {
        let (span, h) = hits("加强质量监管（市场监管总局、工业和信息化部牵头）", agencies: ["市场监管总局", "工业和信息化部"])
        let found = RelationExtractor.relations(in: span, hits: h, fallbackTarget: "document:X").filter { $0.kind == .leads }
        #expect(found.map(\.source) == ["agency:市场监管总局", "agency:工业和信息化部"])
        #expect(Set(found.map(\.target)) == ["document:X"])
    }

    @Test func cooperation() {
        let (span, h) = hits("水利部将会同自然资源部、生态环境部开展评估。", agencies: ["水利部", "自然资源部", "生态环境部"])
        let found = RelationExtractor.relations(in: span, hits: h, fallbackTarget: nil).filter { $0.kind == .cooperates }
        #expect(found.map { [$0.source, $0.target] } == [["agency:水利部", "agency:自然资源部"], ["agency:水利部", "agency:生态环境部"]])
    }

    @Test func supervision() {
        let (span, h) = hits("商务部、海关总署加强对“跨境电商综试区”的监督指导。", agencies: ["商务部", "海关总署"], programmes: ["跨境电商综试区"])
        let found = RelationExtractor.relations(in: span, hits: h, fallbackTarget: nil).filter { $0.kind == .supervises }
        #expect(found.map { [$0.source, $0.target] } == [["agency:商务部", "programme:跨境电商综试区"], ["agency:海关总署", "programme:跨境电商综试区"]])
    }

    @Test func supervisionOfAQuotedProgrammeWhoseMentionIncludesTheQuotes() {
        let (span, h) = hits("民政部加强对“社区养老驿站”的指导。", agencies: ["民政部"], programmes: ["“社区养老驿站”"])
        let found = RelationExtractor.relations(in: span, hits: h, fallbackTarget: nil).filter { $0.kind == .supervises }
        #expect(found.map { [$0.source, $0.target] } == [["agency:民政部", "programme:“社区养老驿站”"]])
    }

    @Test func noRelationWithoutAgencies() {
        let (span, h) = hits("各地要会同有关部门抓好落实，加强对项目的监督。", agencies: ["水利部"])
        #expect(RelationExtractor.relations(in: span, hits: h, fallbackTarget: "document:X").isEmpty)
    }
}

/// The one-pass sentence test lets every cue word through (the shipped issuance verbs and the relation words, from
/// which its tables are derived), and finds digits.
@Suite struct CueScanTests {
    static let verbs = IssuanceVocabulary((try? Ontology.loadDefault().issuanceVerbs) ?? [])
    static let cues = SentenceCueWords(issuance: verbs)
    static let words = SentenceCueWords.words(issuance: verbs).map { String(String.UnicodeScalarView($0)) }

    @Test func everyCueWordPassesTheTableAndEndsACue() throws {
        try #require(Self.words.contains("印发") && Self.words.contains("牵头"))
        for word in Self.words {
            let v = word.unicodeScalars.map(\.value)
            #expect(Self.cues.mayEndCue(v[v.count - 1]), "\(word)")
            #expect(Self.cues.endsCue(previous: v[v.count - 2], v[v.count - 1]), "\(word)")
        }
        for bracket in ["《", "〔"] {
            let v = bracket.unicodeScalars.first!.value
            #expect(Self.cues.mayEndCue(v))
            #expect(Self.cues.endsCue(previous: 0, v))
        }
        // Scalars outside the table never end a cue, whatever came before; the table holds exactly the last scalars.
        let firsts = Self.words.map { $0.unicodeScalars.first!.value } + [0, 0x4E00]
        var passing = 0
        for v in UInt32(0)..<0x10000 {
            if Self.cues.mayEndCue(v) { passing += 1; continue }
            #expect(!firsts.contains { Self.cues.endsCue(previous: $0, v) })
        }
        #expect(passing == Set(Self.words.map { $0.unicodeScalars.last! } + ["《", "〔"]).count)
        // Near misses: a word's scalars in the wrong order, its last scalar after another one.
        #expect(!Self.cues.endsCue(previous: "发".unicodeScalars.first!.value, "印".unicodeScalars.first!.value))
        #expect(!Self.cues.endsCue(previous: "出".unicodeScalars.first!.value, "发".unicodeScalars.first!.value))
    }

    /// The scan skips most scalars undecoded; on random text it must agree with a plain scalar-pair search.
    @Test func cueScanAgreesWithAPlainSearchOnRandomText() {
        // (Every cue word of two scalars is matched whole by the tail test; longer words by their last two.)
        let tails = Self.words.map { String($0.unicodeScalars.suffix(2)) }
        let alphabet = Array((Self.words.joined() + "国务院关于通知《〔，。a1 é😀").unicodeScalars)
        var random = SeededGenerator(seed: 42)
        let scanner = SentenceScanner(cues: Self.cues, quantityFollowers: [], reviewFirstScalars: [])
        for _ in 0..<5000 {
            let length = Int.random(in: 0...12, using: &random)
            var view = String.UnicodeScalarView()
            for _ in 0..<length { view.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
            let text = String(view)
            let expected = text.contains("《") || text.contains("〔") || tails.contains { text.unicodeScalars.contains(subsequence: $0.unicodeScalars) }
            let bytes = Array(text.utf8)
            #expect(scanner.scan(bytes, 0..<bytes.count).hasCue == expected, "\(text)")
        }
    }

    @Test func oneScanFindsQuantitiesAndCues() {
        let extractor = TargetExtractor()
        let scanner = SentenceScanner(cues: Self.cues, quantityFollowers: extractor.quantityFollowers, reviewFirstScalars: [])
        func cues(_ s: String) -> (Bool, Bool) {
            let b = Array(s.utf8)
            let r = scanner.scan(b, 0..<b.count)
            return (r.hasDigitQuantity, r.hasCue)
        }
        #expect(cues("两部门联合印发通知") == (false, true))
        #expect(cues("到2025年，覆盖率达到90%") == (true, false))
        #expect(cues("财政部牵头，2024年底前完成") == (false, true))     // a year is not a quantity
        #expect(cues("2023年7月12日发表讲话") == (false, false))
        #expect(cues("培育 1,200 家企业") == (true, false))             // spaces and separators inside and after
        #expect(cues("增长5—8个百分点") == (true, false))                // a range dash after the number
        #expect(cues("《方案》") == (false, true))
        #expect(cues("发印与布发") == (false, false))  // the cue words' scalars in the wrong order
        #expect(cues("２０２５年") == (false, false))    // full-width digits are folded by the normaliser, not here
        // Every sentence with a target passes the quantity test.
        for text in ["到2027年，指标达到99.99%以上。", "严守18亿亩耕地红线", "供应商提交申请后10个工作日内完成推荐工作",
                     "控制在 3.5 万吨以内", "培育2至3家具有国际竞争力的会展集团"] {
            #expect(!extractor.targets(in: text).isEmpty, "\(text)")
            #expect(cues(text).0, "\(text)")
        }
    }
}

extension String.UnicodeScalarView {
    /// True when `other` occurs as a contiguous run of scalars.
    func contains(subsequence other: String.UnicodeScalarView) -> Bool {
        let a = Array(self), b = Array(other)
        guard !b.isEmpty, b.count <= a.count else { return b.isEmpty }
        return (0...(a.count - b.count)).contains { i in Array(a[i..<(i + b.count)]) == b }
    }
}
