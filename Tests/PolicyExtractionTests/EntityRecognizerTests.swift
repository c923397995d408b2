import Foundation
import Testing
import PolicyCore
import PolicyOntology
@testable import PolicyExtraction

/// The package root, found from this file's path.
let entityTestsPackageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// One recogniser over the shipped ontology, built once for all entity tests.
let entityTestsRecognizer: EntityRecognizer = {
    let ontology = try! Ontology.load(directory: entityTestsPackageRoot.appendingPathComponent("Ontology").path)
    return EntityRecognizer(ontology: ontology)
}()

/// Mentions in `text` (all of it).
func entityMentions(_ text: String, context: String? = nil, recognizer: EntityRecognizer = entityTestsRecognizer) -> [EntityMention] {
    let bytes = Array(text.utf8)
    return recognizer.mentions(in: bytes, range: 0..<bytes.count, contextProvince: context)
}

@Suite struct EntityRecognizerTests {
    @Test func centralAgenciesByFullNameShortFormAndAbbreviation() {
        let found = entityMentions("国家发改委、工业和信息化部、央行和住房城乡建设部联合印发通知")
            .filter { $0.kind == .agency }
        #expect(found.map(\.canonical) == ["国家发展和改革委员会", "工业和信息化部", "中国人民银行", "住房和城乡建设部"])
        #expect(found.allSatisfy { $0.confidence == 1 && $0.level == "central" })
        #expect(found[0].surface == "国家发改委")
        #expect(found[0].nodeID == "agency:国家发展和改革委员会")
    }

    @Test func mentionRangesPointAtTheSurface() {
        let text = "会议由科技部主持"
        let bytes = Array(text.utf8)
        let m = try! #require(entityMentions(text).first { $0.kind == .agency })
        #expect(String(decoding: bytes[m.range], as: UTF8.self) == "科技部")
        #expect(m.surface == "科技部")
    }

    @Test func genericRolesAreNotAgencies() {
        let found = entityMentions("各有关部门、地方财政部门和各级政府要加强协调，财政部门要做好保障")
        #expect(found.filter { $0.kind == .agency }.isEmpty)
    }

    @Test func regionsWithShortFormsAndHierarchy() {
        let found = entityMentions("支持广西北海市与江苏、内蒙古开展合作").filter { $0.kind == .region }
        #expect(found.map(\.canonical) == ["广西壮族自治区", "北海市", "江苏省", "内蒙古自治区"])
        #expect(found[1].nodeID == "region:450500")
        #expect(found[1].parent == "region:450000")
        #expect(found[1].level == "prefecture")
    }

    @Test func ambiguousDistrictResolvedByContextOrLeftAmbiguous() {
        let withContext = entityMentions("福州市鼓楼区", context: "350000").filter { $0.kind == .region }
        #expect(withContext.map(\.nodeID).contains("region:350102"))
        let without = try! #require(entityMentions("在鼓楼区试点").first { $0.kind == .region })
        #expect(without.canonical == "鼓楼区")
        #expect(without.confidence < 1)
        #expect(without.alternatives.count >= 2)
    }

    @Test func ambiguousDistrictResolvedByTheCityNamedBeforeIt() {
        let found = entityMentions("北京市朝阳区和吉林省长春市朝阳区", context: "410000").filter { $0.kind == .region }
        let chaoyang = found.filter { $0.canonical == "朝阳区" }
        #expect(chaoyang.map(\.nodeID) == ["region:110105", "region:220104"])
    }

    @Test func companiesBanksAndMediaAreOrganisationsNotAgenciesOrRegions() {
        let found = entityMentions("中国工商银行、国家开发银行和新华社参加会议")
        #expect(found.map(\.kind) == [.organization, .organization, .organization])
        #expect(found.map(\.canonical) == ["中国工商银行", "国家开发银行", "新华通讯社"])
    }

    @Test func cityClustersAndMetropolitanAreasByHeadWord() {
        let found = entityMentions("培育南京都市圈和渝东北城镇群，打造世界级城市群和现代化都市圈")
            .filter { $0.kind == .region && $0.level == "area" }
        #expect(found.map(\.canonical) == ["南京都市圈", "渝东北城镇群"])
        #expect(found.allSatisfy { $0.nodeID.hasPrefix("region:area:") && $0.confidence < 1 })
    }

    @Test func areaNamesBeginWithTheirFirstPlace() {
        // A plan's task list and a news report: the verb before the name is the sentence's, not the area's; a
        // place after a conjunction begins a name of its own.
        let plan = entityMentions("主动对接西安都市圈，支撑长三角地区和合肥都市圈协同发展").filter { $0.level == "area" }
        #expect(plan.map(\.canonical) == ["西安都市圈", "长江三角洲区域", "合肥都市圈"])
        let news = entityMentions("该市提出积极融入武汉城市群建设").filter { $0.level == "area" }
        #expect(news.map(\.canonical) == ["武汉城市群"])
        #expect(news.map(\.surface) == ["武汉城市群"])
        // Near miss: no place inside, no area.
        #expect(entityMentions("加快建设现代化都市圈").filter { $0.kind == .region }.isEmpty)
    }

    @Test func divisionsRenamedSince2016ByCurrentAndFormerName() {
        // A district government's signature and a news report of the change name the same division.
        let signature = entityMentions("重庆市梁平区人民政府").filter { $0.kind == .region }
        #expect(signature.map(\.nodeID).contains("region:500155"))
        let news = entityMentions("经国务院批准，撤销禄丰县，设立县级禄丰市").filter { $0.kind == .region }
        #expect(news.map(\.nodeID) == ["region:532302", "region:532302"])
        #expect(news.map(\.canonical) == ["禄丰市", "禄丰市"])
        // Near miss: a county merged into city districts is not the city of the same stem.
        let merged = entityMentions("原大同县所辖区域").filter { $0.kind == .region }
        #expect(merged.map(\.canonical) == ["大同县"])
    }

    @Test func namedAreasCarryTheirAliases() {
        // The full name written in a national plan and the short form of a provincial one: one area, every name.
        for text in ["推进长江三角洲区域一体化发展", "深度融入长三角一体化"] {
            let area = try! #require(entityMentions(text).first { $0.level == "area" })
            #expect(area.canonical == "长江三角洲区域")
            #expect(area.ontologyFacts?.aliases.contains("长江三角洲") == true)
        }
        #expect(entityMentions("设立贵州贵安新区").first { $0.kind == .region }?.canonical == "贵安新区")
    }

    @Test func everyProvinceByItsShortForm() {
        // A central opinion and a regional news report; a prefecture of the same short form keeps its own name.
        #expect(entityMentions("支持海南全面深化改革开放").first { $0.kind == .region }?.nodeID == "region:460000")
        #expect(entityMentions("海南、广东两省联合开展").filter { $0.kind == .region }.map(\.nodeID) == ["region:460000", "region:440000"])
        let prefecture = entityMentions("青海省海南藏族自治州").filter { $0.kind == .region }
        #expect(prefecture.map(\.canonical) == ["青海省", "海南藏族自治州"])
    }

    @Test func regionsListedBeforeOneBodyNameEachTheirBody() {
        func agencies(_ text: String) -> [String] { entityMentions(text).filter { $0.kind == .agency }.map(\.canonical) }
        // A ministry's addressee line and a province's: every listed region has the body named once after them.
        #expect(agencies("河北省、山西省、内蒙古自治区人民政府：") ==
                ["河北省人民政府", "山西省人民政府", "内蒙古自治区人民政府"])
        #expect(agencies("抄送：江阴市、宜兴市和溧阳市财政局") == ["江阴市财政局", "宜兴市财政局", "溧阳市财政局"])
        // Near misses: level words are no regions; a body named in full before the list keeps only its own name.
        #expect(agencies("各省、自治区、直辖市人民政府：").isEmpty)
        #expect(agencies("国家发展改革委、北京市人民政府联合印发") == ["国家发展和改革委员会", "北京市人民政府"])
    }

    @Test func shortCountyNamesDoNotMatchInsideWords() {
        #expect(entityMentions("相应县级政府和城区改造").filter { $0.kind == .region }.isEmpty)
    }

    @Test func directionAfterAProvinceAbbreviationIsNoArea() {
        #expect(!entityMentions("渝东北地区的村庄").contains { $0.canonical == "东北地区" })
        #expect(entityMentions("推动东北地区振兴").contains { $0.canonical == "东北地区" })
    }

    @Test func programmeMentionsTheRegionItNames() {
        let found = entityMentions("推动京津冀协同发展和长三角一体化发展")
        #expect(found.filter { $0.kind == .programme }.map(\.canonical) == ["京津冀协同发展", "长三角一体化发展"])
        #expect(found.filter { $0.kind == .region }.map(\.canonical) == ["京津冀", "长江三角洲区域"])
    }

    @Test func typeWordAfterASeedProgrammeIsPartOfItsSurface() {
        let found = entityMentions("各地要深入实施健康中国建设行动。").filter { $0.kind == .programme }
        #expect(found.map(\.canonical) == ["健康中国"])
        #expect(found.first?.surface == "健康中国建设行动")
        // 建设 followed by more words starts a clause: it is no part of the name.
        #expect(entityMentions("推进全国统一大市场建设推动要素流动").first { $0.kind == .programme }?.surface == "全国统一大市场")
        #expect(entityMentions("推进全国统一大市场建设。").first { $0.kind == .programme }?.surface == "全国统一大市场建设")
    }

    @Test func largerNameAroundASeedProgrammeAbsorbsIt() {
        // A distinctive name around a seed is a different programme; the seed inside is no mention of its own.
        let around = entityMentions("各地要积极推动国家数字经济创新发展试验区建设。").filter { $0.kind == .programme }
        #expect(around.map(\.canonical) == ["国家数字经济创新发展试验区"])
        // A description or a generic modifier before a seed ending in a head word leaves the seed itself.
        for text in ["要加快释放国家物流枢纽的辐射作用。", "积极支持一批国家级国家物流枢纽。"] {
            let found = entityMentions(text).filter { $0.kind == .programme }
            #expect(found.map(\.canonical) == ["国家物流枢纽"], "\(text)")
        }
    }

    @Test func resolveAgencyForIssuerNames() {
        let r = entityTestsRecognizer
        #expect(r.resolveAgency("发改委", contextProvince: nil)?.canonical == "国家发展和改革委员会")
        #expect(r.resolveAgency(" 江苏省人民政府 ", contextProvince: nil)?.canonical == "江苏省人民政府")
        #expect(r.resolveAgency("省财政厅", contextProvince: "320000")?.canonical == "江苏省财政厅")
        #expect(r.resolveAgency("有关部门", contextProvince: nil) == nil)
        #expect(r.resolveAgency("江苏省财政厅和商务厅", contextProvince: nil) == nil)  // two bodies, not one
    }
}
