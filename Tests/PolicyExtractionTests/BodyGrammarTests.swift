import PolicyCore
import PolicyOntology
import TestSupport
import Testing
@testable import PolicyExtraction

/// A tiny ontology for the body grammar's rule tests: a few regions, central bodies, local suffixes and heads, so
/// that a test shows the rule, not the content of the shipped gazetteer.
let bodyGrammarOntology: Ontology = {
    func region(_ code: String, _ name: String, _ aliases: [String] = [], _ level: RegionLevel, _ parent: String?) -> Region {
        Region(code: code, canonical: name, aliases: aliases, level: level, parentCode: parent)
    }
    let regions = [
        region("100000", "中国", [], .country, nil),
        region("310000", "上海市", ["上海"], .province, "100000"),
        region("310104", "徐汇区", [], .county, "310000"),
        region("320000", "江苏省", ["江苏"], .province, "100000"),
        region("320500", "苏州市", ["苏州"], .prefecture, "320000"),
        region("320508", "姑苏区", [], .county, "320500"),
        region("330000", "浙江省", ["浙江"], .province, "100000"),
        region("330700", "金华市", ["金华"], .prefecture, "330000"),
        region("330702", "婺城区", [], .county, "330700"),
        region("370000", "山东省", ["山东"], .province, "100000"),
        region("370100", "济南市", ["济南"], .prefecture, "370000"),
        region("510000", "四川省", ["四川"], .province, "100000"),
        region("510100", "成都市", ["成都"], .prefecture, "510000"),
        region("510700", "绵阳市", ["绵阳"], .prefecture, "510000"),
        region("360000", "江西省", ["江西"], .province, "100000"),
        region("360922", "万载县", [], .county, "360900"),
    ]
    let agencies = [
        Agency(canonical: "国务院", level: .central),
        Agency(canonical: "财政部", level: .central, parent: "国务院"),
        Agency(canonical: "科学技术部", aliases: ["科技部"], level: .central, parent: "国务院"),
        Agency(canonical: "国家税务总局", aliases: ["税务总局"], level: .central, parent: "国务院"),
        Agency(canonical: "中国人民银行", aliases: ["人民银行"], level: .central, parent: "国务院"),
        Agency(canonical: "国家统计局", level: .central, parent: "国务院"),
    ]
    let suffixes = [
        LocalBodySuffix(surface: "人民政府", template: "{region}人民政府", levels: [.province, .prefecture, .county]),
        LocalBodySuffix(surface: "人民政府办公室", template: "{region}人民政府办公室", levels: [.province, .prefecture, .county]),
        LocalBodySuffix(surface: "委", template: "中共{region}委员会", levels: [.province, .prefecture, .county]),
        LocalBodySuffix(surface: "委办公室", template: "中共{region}委员会办公室", levels: [.province, .prefecture, .county]),
        LocalBodySuffix(surface: "财政厅", template: "{region}财政厅", levels: [.province]),
        LocalBodySuffix(surface: "商务厅", template: "{region}商务厅", levels: [.province]),
        LocalBodySuffix(surface: "发改委", template: "{region}发展和改革委员会", levels: [.province, .prefecture, .county]),
        LocalBodySuffix(surface: "税务局", template: "{region}税务局", levels: [.province, .prefecture, .county],
                        parentTemplate: "国家税务总局"),
        LocalBodySuffix(surface: "市场监管局", template: "{region}市场监督管理局", levels: [.province, .prefecture, .county]),
    ]
    let heads: [BodyHead] = [
        BodyHead(head: "人民政府", kind: .government, strong: true),
        BodyHead(head: "办公室", kind: .office, strong: false),
        BodyHead(head: "管理委员会", kind: .committee, strong: true),
        BodyHead(head: "工作委员会", kind: .committee, strong: true),
        BodyHead(head: "委员会", kind: .commission, strong: false),
        BodyHead(head: "部", kind: .department, strong: false),
        BodyHead(head: "厅", kind: .department, strong: false),
        BodyHead(head: "局", kind: .bureau, strong: false),
        BodyHead(head: "署", kind: .bureau, strong: false),
        BodyHead(head: "中心", kind: .centre, strong: false),
        BodyHead(head: "中心支行", kind: .branch, strong: false),
        BodyHead(head: "分行", kind: .branch, strong: false),
        BodyHead(head: "调查队", kind: .team, strong: false),
        BodyHead(head: "人民法院", kind: .court, strong: true),
        BodyHead(head: "人民检察院", kind: .procuratorate, strong: true),
        BodyHead(head: "协会", kind: .association, strong: true),
        BodyHead(head: "大局", kind: .veto, strong: false),
        BodyHead(head: "核心", kind: .veto, strong: false),
    ]
    return Ontology(agencies: agencies, regions: regions, programmes: [],
                    targetVocabulary: TargetVocabulary(units: [], comparators: [], redLineWords: [], kindWords: [], deadlinePatterns: []),
                    localBodySuffixes: suffixes, genericRoles: ["各级人民政府", "有关部门"], bodyHeads: heads,
                    issuanceVerbs: [IssuanceVerb(verb: "印发", uses: [.prose]), IssuanceVerb(verb: "发布", uses: [.prose])])
}()

@Suite struct BodyGrammarTests {
    let grammar = BodyGrammar(ontology: bodyGrammarOntology)

    func body(_ name: String, context: String? = nil) -> BodyParse? {
        let s = Array(name.unicodeScalars)
        return grammar.body(s, 0..<s.count, context: context.flatMap { bodyGrammarOntology.region(code: $0) })
    }

    /// Tiles the marked text and checks that the bodies lie exactly between consecutive marker pairs (1️⃣…2️⃣,
    /// 3️⃣…4️⃣ …) and have the canonical names given.
    func expectTiling(_ marked: String, _ canonicals: [String], context: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let input = MarkedText(marked)
        let s = input.scalars
        let marks = input.markers.sorted { $0.key < $1.key }.map(\.value)
        let found = grammar.tile(s, 0..<s.count, context: context.flatMap { bodyGrammarOntology.region(code: $0) })
        #expect(found?.map(\.canonical) == canonicals, sourceLocation: sourceLocation)
        let ranges = stride(from: 0, to: marks.count - 1, by: 2).map { marks[$0]..<marks[$0 + 1] }
        #expect(found?.map(\.range) == ranges, sourceLocation: sourceLocation)
    }

    @Test func regionalBodiesNoListNames() throws {
        // A district government written with its city, and a court of a city.
        let district = try #require(body("金华市婺城区人民政府"))
        #expect(district.canonical == "金华市婺城区人民政府")
        #expect(district.production == .localSuffix)
        #expect(district.regionPart == "金华市婺城区")
        #expect(district.head == "人民政府")
        #expect(district.level == .county)
        let court = try #require(body("成都市中级人民法院"))
        #expect(court.canonical == "成都市中级人民法院")
        #expect(court.parent == nil)
        #expect(court.production == .regional)
        #expect(court.level == .municipal)
        // A bureau with its region's government as parent.
        #expect(body("绵阳市大数据中心")?.parent == "绵阳市人民政府")
        // Near misses: no head; a class of bodies; a region and an ordinary word.
        #expect(body("金华市婺城区人民") == nil)
        #expect(body("各级人民政府") == nil)
        #expect(body("成都市发展的局面") == nil)
    }

    @Test func aDistrictOfAMunicipalityTakesTheCityName() throws {
        #expect(body("徐汇区人民政府")?.canonical == "上海市徐汇区人民政府")
        // A district of a prefecture-level city carries its city's name too when no other division bears the
        // district's name (the annotations' convention); a name several cities' districts share stays as written.
        #expect(body("姑苏区人民政府")?.canonical == "苏州市姑苏区人民政府")
        #expect(body("鼓楼区人民政府")?.canonical.hasPrefix("鼓楼区") == true)
    }

    @Test func localSuffixesExpandToTheFullName() throws {
        #expect(body("江苏省发改委")?.canonical == "江苏省发展和改革委员会")
        #expect(body("成都发改委")?.canonical == "成都市发展和改革委员会")
        // A shorter region name when the longer one leaves no suffix: 上海 + 市场监管局.
        let market = try #require(body("上海市场监管局"))
        #expect(market.canonical == "上海市市场监督管理局")
        #expect(market.production == .localSuffix)
    }

    @Test func partyOrgans() throws {
        let department = try #require(body("中共成都市委社会工作部"))
        #expect(department.canonical == "中共成都市委社会工作部")
        #expect(department.production == .partyOrgan)
        #expect(department.parent == "中共成都市委员会")
        #expect(body("中共金华市委办公室")?.canonical == "中共金华市委员会办公室")
        #expect(body("绵阳市委宣传部")?.canonical == "中共绵阳市委宣传部")
        // Near misses: no head after the committee; 中共 before a government.
        #expect(body("中共成都市委社会") == nil)
        #expect(body("中共成都市人民政府") == nil)
    }

    @Test func partyWorkingCommitteesOfZonesAndSystems() throws {
        // A new area's or zone's 工委 (signing with its 管委会), and the 工委 of a system of organs.
        let zone = try #require(body("中共某某高新技术产业开发区工作委员会"))
        #expect(zone.canonical == "中共某某高新技术产业开发区工作委员会")
        #expect(zone.production == .partyWorkingCommittee)
        #expect(body("中国共产党绵阳市直属机关工作委员会")?.canonical == "中共绵阳市直属机关工作委员会")
        // Written together with the zone's 管委会, as on a joint title or signature line.
        expectTiling("1️⃣中共江苏某某新区工作委员会2️⃣3️⃣江苏某某新区管理委员会4️⃣",
                     ["中共江苏某某新区工作委员会", "江苏某某新区管理委员会"])
        // Near misses: no words of what it leads; words after the head; no 中共.
        #expect(body("中共工作委员会") == nil)
        #expect(body("中共某某新区工作委员会成员") == nil)
        #expect(body("某某新区工作委员会")?.production != .partyWorkingCommittee)
    }

    @Test func verticalBodiesAndUnitsOfCentralBodies() throws {
        let tax = try #require(body("国家税务总局江苏省税务局"))
        #expect(tax.canonical == "国家税务总局江苏省税务局")
        #expect(tax.production == .vertical)
        #expect(tax.parent == "国家税务总局")
        #expect(tax.level == .provincial)
        let bank = try #require(body("人民银行济南分行"))
        #expect(bank.canonical == "中国人民银行济南分行")
        #expect(bank.parent == "中国人民银行")
        #expect(body("中国人民银行成都中心支行")?.canonical == "中国人民银行成都中心支行")
        let centre = try #require(body("科技部火炬中心"))
        #expect(centre.canonical == "科学技术部火炬中心")
        #expect(centre.production == .subUnit)
        #expect(body("国家统计局万载调查队")?.canonical == "国家统计局万载调查队")
        // Near misses: a central body and a verb; two central bodies written together.
        #expect(body("科技部部署") == nil)
        #expect(body("财政部科技部") == nil)
    }

    @Test func implicitRegionsResolveAgainstTheDocumentOrStayGeneric() throws {
        let resolved = try #require(body("省财政厅", context: "320500"))
        #expect(resolved.canonical == "江苏省财政厅")
        #expect(resolved.complete)
        #expect(body("区人民政府", context: "330702")?.canonical == "婺城区人民政府")
        let unknown = try #require(body("市人民政府"))
        #expect(unknown.canonical == "市人民政府")
        #expect(!unknown.complete)
        // Near misses: 市场, 省级 start other words.
        #expect(body("市场协会") == nil)
        #expect(body("省级财政厅") == nil)
    }

    @Test func standaloneNamesNeedAStrongHead() throws {
        #expect(body("高新技术产业开发区管理委员会")?.production == .standalone)
        #expect(body("汽车流通协会")?.canonical == "汽车流通协会")
        // A weak head after ordinary words is no body; nor are function words inside a name.
        #expect(body("项目管理局") == nil)
        #expect(body("研究制定的协会") == nil)
    }

    @Test func unitsOfABodyNamedInFull() throws {
        // An office of a development zone's committee, and a centre of a city government.
        let office = try #require(body("高新技术产业开发区管理委员会党政综合办公室"))
        #expect(office.production == .unitOfBody)
        #expect(office.parent == "高新技术产业开发区管理委员会")
        let centre = try #require(body("绵阳市人民政府政务服务中心"))
        #expect(centre.canonical == "绵阳市人民政府政务服务中心")
        #expect(centre.parent == "绵阳市人民政府")
        // Near misses: words after the parent that end in no head; a name written twice is two bodies, not a unit.
        #expect(body("绵阳市人民政府政务服务") == nil)
        #expect(body("绵阳市人民政府办公室绵阳市人民政府办公室") == nil)
    }

    @Test func namesRunTogetherOrSpacedAreSplitByTheGrammar() {
        expectTiling("1️⃣成都市发改委2️⃣ 3️⃣中共成都市委社会工作部4️⃣ 5️⃣绵阳市大数据局6️⃣",
                     ["成都市发展和改革委员会", "中共成都市委社会工作部", "绵阳市大数据局"])
        expectTiling("1️⃣中共金华市委办公室2️⃣3️⃣金华市人民政府办公室4️⃣", ["中共金华市委员会办公室", "金华市人民政府办公室"])
        expectTiling("1️⃣江苏省财政厅2️⃣3️⃣国家税务总局江苏省税务局4️⃣", ["江苏省财政厅", "国家税务总局江苏省税务局"])
        expectTiling("1️⃣财政部2️⃣3️⃣科技部4️⃣、5️⃣省商务厅6️⃣", ["财政部", "科学技术部", "江苏省商务厅"], context: "320000")
        // Near misses: a sentence is no list of bodies.
        let s = Array("财政部研究部署有关工作".unicodeScalars)
        #expect(grammar.tile(s, 0..<s.count, context: nil) == nil)
    }
}

/// Issuers stated in prose before an issuance verb, read by the body grammar where no gazetteer hit stands.
@Suite struct ProseIssuanceGrammarTests {
    let grammar = BodyGrammar(ontology: bodyGrammarOntology)

    func reported(_ text: String) -> [ReportedIssuance] {
        let span = ScalarSpan(text)
        let read: (Range<Int>) -> [EntityHit]? = { range in
            grammar.tile(span.scalars, range, context: nil)?.map {
                EntityHit(range: $0.range, kind: .agency, nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface)
            }
        }
        return IssuerExtractor.reportedIssuances(span: span, hits: [], verbs: testIssuanceVerbs, bodies: read)
    }

    @Test func bodiesNoListNamesIssueInProse() throws {
        // A news lead and a clause after an approval phrase, from two kinds of text.
        let news = try #require(reported("日前，绵阳市大数据局会同成都市中级人民法院制定《数据纠纷调解工作指引》。").first)
        #expect(news.issuers.map(\.canonical) == ["绵阳市大数据局", "成都市中级人民法院"])
        #expect(news.title == "数据纠纷调解工作指引")
        let approved = try #require(reported("经市政府同意，中共成都市委社会工作部、成都市发改委联合印发《社区治理三年行动方案》").first)
        #expect(approved.issuers.map(\.canonical) == ["中共成都市委社会工作部", "成都市发展和改革委员会"])
        // Near misses: no body before the verb; a short back-reference to a title named before.
        #expect(reported("研究部署并印发《数据纠纷调解工作指引》").isEmpty)
        #expect(reported("绵阳市大数据局公布的《指引》").isEmpty)
    }
}

/// The recogniser's 市 that begins a body suffix after a city's short name, on a tiny ontology.
@Suite struct RegionSuffixOverlapTests {
    let recognizer = EntityRecognizer(ontology: bodyGrammarOntology)

    @Test func theCityCharacterBeginsTheSuffix() {
        func agencies(_ text: String) -> [String] {
            entityMentions(text, recognizer: recognizer).filter { $0.kind == .agency }.map(\.canonical)
        }
        #expect(agencies("苏州市场监管局开展专项检查") == ["苏州市市场监督管理局"])
        #expect(agencies("由上海市场监管局牵头") == ["上海市市场监督管理局"])
        // Near miss: a city and the word 市场 with no body after it.
        #expect(agencies("上海市场活跃").isEmpty)
    }
}

extension BodyGrammarTests {
    /// implicitPartyOrgan → implicitRegion '委' domain* head: a party organ named by its level word, as texts of one
    /// province or city write their own committee's departments (省委宣传部, 市委统战部, 省委政策研究室).
    @Test func aPartyOrganNamedByItsLevelWordTakesTheDocumentsRegion() throws {
        let province = try #require(body("省委宣传部", context: "510100"))
        #expect(province.canonical == "中共四川省委宣传部")
        #expect(province.parent == "中共四川省委员会")
        #expect(body("市委统战部", context: "510700")?.canonical == "中共绵阳市委统战部")
        // Near misses: with no region from the document the name stays generic and incomplete; a government's own
        // department is no party organ.
        let generic = try #require(body("省委宣传部"))
        #expect(!generic.complete)
        #expect(body("省财政厅", context: "510100")?.canonical == "四川省财政厅")
    }
}
