import Testing
import PolicyCore
import PolicyOntology
@testable import PolicyExtraction

@Suite struct ProgrammeDiscoveryTests {
    private func programmes(_ text: String, recognizer: EntityRecognizer = entityTestsRecognizer) -> [EntityMention] {
        entityMentions(text, recognizer: recognizer).filter { $0.kind == .programme }
    }

    @Test func seedProgrammesByAliasWithFullConfidence() {
        let found = programmes("规范推进PPP模式，用好832平台，培育专精特新中小企业")
        #expect(found.map(\.canonical) == ["政府和社会资本合作", "脱贫地区农副产品网络销售平台", "专精特新"])
        #expect(found.allSatisfy { $0.confidence == 1 })
    }

    @Test func quotedSloganWithHeadWordIsDiscovered() {
        let found = programmes("各地要实施“蓝天碧水”工程，开展“一件事”改革")
        #expect(found.map(\.canonical) == ["“蓝天碧水”工程", "“一件事”改革"])
        #expect(found.allSatisfy { $0.confidence >= EntityRecognizer.defaultProgrammeThreshold && $0.confidence < 1 })
    }

    @Test func genericModifiersAloneAreNoProgramme() {
        #expect(programmes("服务国家重大战略，实施重大工程和国家战略").isEmpty)
    }

    @Test func leadingVerbIsStrippedFromADiscoveredName() {
        let r = EntityRecognizer(ontology: entityTestsRecognizer.ontology, programmeThreshold: 0.3)
        let found = programmes("加快实施沿海防护林提升工程", recognizer: r)
        #expect(found.map(\.canonical) == ["沿海防护林提升工程"])
    }

    @Test func peripheralSeedItemsOnlyBelowTheDefaultThreshold() {
        #expect(programmes("发展数字经济").isEmpty)
        let r = EntityRecognizer(ontology: entityTestsRecognizer.ontology, programmeThreshold: 0.5)
        let found = programmes("发展数字经济", recognizer: r)
        #expect(found.map(\.canonical) == ["数字经济"])
        #expect(found.first?.confidence == EntityRecognizer.peripheralProgrammeConfidence)
    }
}
