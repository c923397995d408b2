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
