import Testing
import PolicyCore
import PolicyGrammar
import PolicyOntology
@testable import PolicyExtraction

@Suite struct AgencyPatternTests {
    private func agencies(_ text: String, context: String? = nil) -> [EntityMention] {
        entityMentions(text, context: context).filter { $0.kind == .agency }
    }

    @Test func regionPlusSuffixExpandsToTheFullName() {
        let found = agencies("江苏省工信厅、广西发展改革委和北海市商务局")
        #expect(found.map(\.canonical) == ["江苏省工业和信息化厅", "广西壮族自治区发展和改革委员会", "北海市商务局"])
        #expect(found.map(\.level) == ["provincial", "provincial", "municipal"])
        #expect(found[0].parent == "江苏省人民政府")
        #expect(found[2].parent == "北海市人民政府")
        #expect(found.allSatisfy { $0.confidence < 1 })
    }

    @Test func governmentsPartyCommitteesAndCongresses() {
        let found = agencies("中共安徽省委、安徽省政府和上海市政协、浙江省人大常委会")
        #expect(found.map(\.canonical) == ["中共安徽省委员会", "安徽省人民政府", "中国人民政治协商会议上海市委员会",
                                           "浙江省人民代表大会常务委员会"])
        #expect(found[0].surface == "中共安徽省委")
        #expect(found[1].parent == nil)
    }

    @Test func implicitProvinceNeedsContext() {
        #expect(agencies("省财政厅、省商务厅", context: "320000").map(\.canonical) == ["江苏省财政厅", "江苏省商务厅"])
        // a prefecture context resolves 省 through its parent
        #expect(agencies("省财政厅", context: "320100").map(\.canonical) == ["江苏省财政厅"])
        #expect(agencies("省财政厅").isEmpty)
        // 各省 is a class of bodies, not one
        #expect(agencies("各省财政厅", context: "320000").isEmpty)
    }

    @Test func enumeratedBodiesOfTheSameRegion() {
        let found = agencies("浙江省财政厅、商务厅和科技厅联合发文")
        #expect(found.map(\.canonical) == ["浙江省财政厅", "浙江省商务厅", "浙江省科学技术厅"])
    }

    @Test func subUnitsOfCentralBodiesKeepTheirParent() {
        let found = agencies("财政部办公厅、国家乡村振兴局综合司")
        #expect(found.map(\.canonical) == ["财政部办公厅", "财政部", "国家乡村振兴局综合司", "国家乡村振兴局"])
        #expect(found[0].parent == "财政部")
        #expect(found[2].parent == "国家乡村振兴局")
    }

    @Test func bureauSubUnitsButNotTwoBodiesWrittenTogether() {
        #expect(agencies("工业和信息化部中小企业局").map(\.canonical) == ["工业和信息化部中小企业局", "工业和信息化部"])
        // a signature block whose separators were lost: two listed bodies, no sub-unit
        #expect(agencies("农业农村部国家乡村振兴局").map(\.canonical) == ["农业农村部", "国家乡村振兴局"])
        // joining words end a sub-unit name
        #expect(agencies("财政部会同税务总局").map(\.canonical) == ["财政部", "国家税务总局"])
    }

    @Test func provinceLevelBodyNamesItsBureaus() {
        let found = agencies("新疆生产建设兵团财政局、科技局")
        #expect(found.map(\.canonical) == ["新疆生产建设兵团财政局", "新疆生产建设兵团", "新疆生产建设兵团科学技术局"])
        #expect(found[0].parent == "新疆生产建设兵团")
    }

    @Test func customsTakesItsNationalParent() {
        let found = agencies("杭州海关")
        #expect(found.first?.canonical == "杭州海关")
        #expect(found.first?.parent == "海关总署")
    }

    @Test func suffixGluedIntoALongerWordIsNoBody() {
        // 市场 after a city name is a market, not a bureau; 江苏省委托 is "entrusted by the province"
        #expect(agencies("北海市场").isEmpty)
        #expect(agencies("由江苏省委托第三方").isEmpty)
    }
}

/// The byte-wise template expansion of AgencyPatterns agrees with LocalBodySuffix's Foundation-based one.
@Suite struct BodyTemplateExpansionTests {
    @Test func agreesWithLocalBodySuffixForEverySuffixOfTheOntology() {
        let regions = [("江苏省", Optional("江苏")), ("杭州市", "杭州"), ("广西壮族自治区", nil), ("北海市", nil)]
        let ontology = try! Ontology.load(directory: entityTestsPackageRoot.appendingPathComponent("Ontology").path)
        let suffixes = ontology.localBodySuffixes
        #expect(!suffixes.isEmpty)
        for suffix in suffixes {
            for (region, short) in regions {
                #expect(AgencyPatterns.canonical(of: suffix, region: region, shortName: short)
                        == suffix.canonical(for: region, shortName: short))
                #expect(AgencyPatterns.parent(of: suffix, region: region) == suffix.parent(for: region))
            }
        }
    }

    @Test func placeholdersAnywhereAndRepeated() {
        #expect(AgencyPatterns.expand("{region}{short}海关{region}", region: "浙江省", short: "浙江") == "浙江省浙江海关浙江省")
        #expect(AgencyPatterns.expand("{short}海关", region: "浙江省", short: nil) == "{short}海关")
        #expect(AgencyPatterns.expand("中共{region}委员会", region: "安徽省", short: "皖") == "中共安徽省委员会")
        #expect(AgencyPatterns.expand("{regio", region: "X", short: "Y") == "{regio")
        #expect(AgencyPatterns.expand("", region: "X", short: "Y") == "")
    }

    @Test func scalarSetAgreesWithSetOnEveryBMPScalar() {
        // Members whose low ten bits collide with many non-members (和 U+548C, 与 U+4E0E, ASCII, fullwidth comma).
        let members = "和与及,，、的\n😀"
        let set = ScalarSet(members)
        let reference = Set(members.unicodeScalars.map(\.value))
        for v in UInt32(0)...0x1FFFF where set.contains(v) != reference.contains(v) {
            Issue.record("ScalarSet disagrees on U+\(String(v, radix: 16))")
        }
    }
}
