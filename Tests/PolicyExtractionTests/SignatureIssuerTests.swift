import PolicyCore
import PolicyOntology
import PolicyText
import Testing
@testable import PolicyExtraction

/// Issuers from signature blocks that text extraction ran together, and titles that name more issuers than the
/// signature yields. Fixtures are written for these tests.
@Suite struct SignatureIssuerTests {
    static let pipeline: ExtractionPipeline? = try? ExtractionPipeline(ontology: Ontology.loadDefault())

    func issuers(_ text: String) throws -> [String] {
        let pipeline = try #require(Self.pipeline)
        let c = pipeline.extract(source: try SourceText(path: "fixtures/joint.txt", bytes: Array(text.utf8)))
        let doc = try #require(c.nodes.first { $0.kind == .document })
        return c.edges.filter { $0.kind == .issuedBy && $0.source == doc.id }
            .sorted { ($0.attributes["order"]?.intValue ?? 0) < ($1.attributes["order"]?.intValue ?? 0) }
            .map { String($0.target.dropFirst("agency:".count)) }
    }

    func notice(title: String, number: String, signature: [String]) -> String {
        ([title, number, "各设区市有关部门：", "现将有关事项通知如下，请认真贯彻执行。"] + signature + ["2023年4月12日", ""])
            .joined(separator: "\n")
    }

    @Test func bodiesRunTogetherOnOneSignatureLineAreEachAnIssuer() throws {
        // The title names no issuer: they can only come from the signature.
        let text = notice(title: "关于做好外贸企业纾困工作的通知", number: "浙财企〔2023〕9号",
                          signature: ["浙江省财政厅浙江省商务厅"])
        #expect(try issuers(text) == ["浙江省财政厅", "浙江省商务厅"])
    }

    @Test func spacedBodiesOnOneLineAreEachAnIssuer() throws {
        let text = notice(title: "浙江省科学技术厅等3部门关于推进科技金融发展的通知", number: "浙科发〔2023〕21号",
                          signature: ["浙江省科学技术厅 浙江省财政厅", "浙江省商务厅"])
        #expect(try issuers(text) == ["浙江省科学技术厅", "浙江省财政厅", "浙江省商务厅"])
    }

    @Test func aCentralBodyBeforeALocalOneIsItsBranchPrefix() throws {
        let text = notice(title: "关于落实小微企业税费优惠政策的通知", number: "浙财税〔2023〕4号",
                          signature: ["浙江省财政厅国家税务总局浙江省税务局"])
        let found = try issuers(text)
        #expect(found.first == "浙江省财政厅")
        #expect(found.count == 2)
        #expect(!found.contains("国家税务总局"))
    }

    @Test func theTitleLeadGoesFirstWhenTheSignatureIsShort() throws {
        // The lead body's line is not a body the gazetteer knows; the title names it and states the count.
        let text = notice(title: "浙江省商务厅等3部门关于促进跨境电商发展的通知", number: "浙商务发〔2023〕7号",
                          signature: ["某某跨境电商服务中心", "浙江省财政厅", "浙江省科学技术厅"])
        #expect(try issuers(text) == ["浙江省商务厅", "浙江省财政厅", "浙江省科学技术厅"])
    }

    @Test func theSignatureWinsWhenItIsAsLongAsTheTitle() throws {
        let text = notice(title: "浙江省财政厅关于做好政府采购工作的通知", number: "浙商务发〔2023〕8号",
                          signature: ["浙江省商务厅"])
        #expect(try issuers(text) == ["浙江省商务厅"])
    }

    @Test func theSigningBodiesGiveTheProvinceOfImplicitLocalBodies() throws {
        let text = notice(title: "省财政厅 省商务厅关于做好外贸企业纾困工作的通知", number: "浙财企〔2023〕10号",
                          signature: ["浙江省财政厅", "浙江省商务厅"])
        #expect(try issuers(text) == ["浙江省财政厅", "浙江省商务厅"])
        let pipeline = try #require(Self.pipeline)
        let body = text.replacingOccurrences(of: "现将有关事项通知如下", with: "省财政厅会同省商务厅做好资金保障")
        let c = pipeline.extract(source: try SourceText(path: "fixtures/joint.txt", bytes: Array(body.utf8)))
        #expect(c.edges.contains { $0.kind == .cooperates && $0.source == "agency:浙江省财政厅" && $0.target == "agency:浙江省商务厅" })
    }
}

/// Issuers no gazetteer lists, from a joint title's issuer part and from signature lines (shipped ontology).
@Suite struct GrammarIssuerTests {
    @Test func aJointTitleOfBodiesNoListNames() throws {
        let text = ["近期重点工作安排 中共绵阳市委社会工作部 绵阳市数据局关于推进社区数据共享的通知", "绵发改〔2024〕3号",
                    "各区县有关部门：", "现将有关事项通知如下。", "2024年5月6日", ""].joined(separator: "\n")
        let pipeline = try ExtractionPipeline(ontology: Ontology.loadDefault())
        let c = pipeline.extract(source: try SourceText(path: "fixtures/joint.txt", bytes: Array(text.utf8)))
        // The first words are no body name: no issuers from the title at all rather than a wrong list.
        #expect(!c.edges.contains { $0.kind == .issuedBy && $0.target == "agency:中共绵阳市委社会工作部" })
        let good = text.replacingOccurrences(of: "近期重点工作安排", with: "绵阳市发展和改革委员会")
        let d = pipeline.extract(source: try SourceText(path: "fixtures/joint.txt", bytes: Array(good.utf8)))
        let issuers = d.edges.filter { $0.kind == .issuedBy }
            .sorted { ($0.attributes["order"]?.intValue ?? 0) < ($1.attributes["order"]?.intValue ?? 0) }.map(\.target)
        #expect(issuers == ["agency:绵阳市发展和改革委员会", "agency:中共绵阳市委社会工作部", "agency:绵阳市数据局"])
    }

    @Test func aSignatureOfAVerticalBodyAndACourt() throws {
        let text = ["关于建立涉税纠纷诉调对接机制的通知", "苏税发〔2024〕8号", "各设区市有关部门：", "现将有关事项通知如下。",
                    "国家税务总局苏州市税务局 苏州市中级人民法院", "2024年3月1日", ""].joined(separator: "\n")
        let pipeline = try ExtractionPipeline(ontology: Ontology.loadDefault())
        let c = pipeline.extract(source: try SourceText(path: "fixtures/joint.txt", bytes: Array(text.utf8)))
        let issuers = c.edges.filter { $0.kind == .issuedBy }
            .sorted { ($0.attributes["order"]?.intValue ?? 0) < ($1.attributes["order"]?.intValue ?? 0) }.map(\.target)
        #expect(issuers == ["agency:国家税务总局苏州市税务局", "agency:苏州市中级人民法院"])
    }

    @Test func aGenericBodyWithNoRegionStaysGenericAndIncomplete() throws {
        let text = ["市人民政府关于加强河道管理的通知", "各区人民政府：", "现将有关事项通知如下。", "2024年3月1日", ""].joined(separator: "\n")
        let pipeline = try ExtractionPipeline(ontology: Ontology.loadDefault())
        let c = pipeline.extract(source: try SourceText(path: "fixtures/generic.txt", bytes: Array(text.utf8)))
        let doc = try #require(c.nodes.first { $0.kind == .document })
        #expect(c.edges.filter { $0.kind == .issuedBy }.map(\.target) == ["agency:市人民政府"])
        #expect(doc.attributes["issuers_complete"] == .bool(false))
    }
}
