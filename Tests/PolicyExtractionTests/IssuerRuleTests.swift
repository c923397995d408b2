import PolicyCore
import PolicyOntology
import PolicyText
import Testing
import TestSupport
@testable import PolicyExtraction

/// Issuer rules for documents as they really come: heads no list gazetteer gates (行政公署), a party committee's
/// office in a sub-provincial city, the day of issuance between issuers and verb, a weak genre title defined by
/// （以下简称, the metadata table's 发文机关, and the body's 成文日期 against a metadata date. Each rule on two sources'
/// shapes and a near miss; every fixture is written for these tests.
@Suite struct IssuerRuleTests {
    static let pipeline: ExtractionPipeline? = try? ExtractionPipeline(ontology: Ontology.loadDefault())

    /// Documents of the text with their issuers in order.
    func documents(_ text: String) throws -> [(title: String, issuers: [String], date: String?)] {
        let pipeline = try #require(Self.pipeline)
        let c = pipeline.extract(source: try SourceText(path: "fixtures/rule.txt", bytes: Array(text.utf8)))
        return c.nodes.filter { $0.kind == .document }.map { doc in
            let issuers = c.edges.filter { $0.kind == .issuedBy && $0.source == doc.id }
                .sorted { ($0.attributes["order"]?.intValue ?? 0) < ($1.attributes["order"]?.intValue ?? 0) }
                .map { String($0.target.dropFirst("agency:".count)) }
            return (doc.label, issuers, doc.attributes["date"]?.stringValue)
        }
    }

    // MARK: - 行政公署 and its office

    @Test func aPrefectureAdministrativeOfficeSigns() throws {
        let text = """
        和田地区行政公署关于加强冬季安全生产工作的通知
        各县市人民政府，行署各部门：
        为做好冬季安全生产工作，现将有关事项通知如下，请认真贯彻执行。
        和田地区行政公署
        2031年11月2日
        """
        #expect(try documents(text).first?.issuers == ["和田地区行政公署"])
    }

    @Test func theOfficeOfALeagueAdministrativeOfficeSigns() throws {
        let text = """
        兴安盟行政公署办公室关于做好春季防火工作的通知
        （兴署办发〔2031〕7号）
        各旗县市人民政府，行署各委办局：
        现将春季防火工作有关事项通知如下。
        兴安盟行政公署办公室
        2031年3月1日
        """
        #expect(try documents(text).first?.issuers == ["兴安盟行政公署办公室"])
    }

    @Test func anAdministrativeOfficeNamedInATopicIsNoIssuer() throws {
        // Near miss: 行政公署 in the subject of a title with no body before 关于.
        let text = """
        关于做好行政公署机构改革工作的通知
        各有关单位：
        现将机构改革有关事项通知如下。
        """
        #expect(try documents(text).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - Party committee offices of sub-provincial cities

    @Test func aSubProvincialCitysPartyOfficeIsItsCommitteesOffice() throws {
        let text = """
        中共宁波市委办公厅 宁波市人民政府办公厅关于加强基层治理的意见
        各区县（市）党委和人民政府，市直各单位：
        为加强基层治理，提出如下意见。
        中共宁波市委办公厅
        宁波市人民政府办公厅
        2031年6月5日
        """
        #expect(try documents(text).first?.issuers == ["中共宁波市委员会办公厅", "宁波市人民政府办公厅"])
        let province = """
        中共江苏省委办公厅关于做好信息报送工作的通知
        各市委办公室：
        现将信息报送有关事项通知如下。
        中共江苏省委办公厅
        2031年6月9日
        """
        #expect(try documents(province).first?.issuers == ["中共江苏省委员会办公厅"])
    }

    // MARK: - The day of issuance between issuers and verb

    @Test func aDayOfIssuanceBetweenIssuersAndVerb() {
        let s1 = scalars("国务院办公厅昨天（12日）印发")
        #expect(IssuerExtractor.timeOfIssuanceStart(before: s1.count - 2, in: s1) == "国务院办公厅昨天".unicodeScalars.count)
        let s2 = scalars("江苏省财政厅于5月20日印发")
        #expect(IssuerExtractor.timeOfIssuanceStart(before: s2.count - 2, in: s2) == "江苏省财政厅".unicodeScalars.count)
        let s3 = scalars("省商务厅十二日发布")
        #expect(IssuerExtractor.timeOfIssuanceStart(before: s3.count - 2, in: s3) == "省商务厅".unicodeScalars.count)
        // Near miss: a word ending with 日 that is no day (节日) is not skipped.
        let s4 = scalars("各地利用节日发布")
        #expect(IssuerExtractor.timeOfIssuanceStart(before: s4.count - 2, in: s4) == nil)
    }

    @Test func aReportedIssuanceWithItsDayBeforeTheVerb() throws {
        let text = "新华社北京5月3日电 财政部、科技部昨天（2日）印发了《关于支持科技型中小企业发展的若干措施》。\n"
        let doc = try #require(try documents(text).first { $0.title.contains("科技型中小企业") })
        #expect(doc.issuers == ["财政部", "科学技术部"])
    }

    // MARK: - A weak genre title defined by （以下简称

    @Test func aWeakGenreTitleDefinedByItsShortName() throws {
        let a = "本报讯 日前，江苏省财政厅发布2032年财政工作要点（以下简称“要点”），共提出五方面任务。\n"
        #expect(try documents(a).contains { $0.title == "2032年财政工作要点" && $0.issuers == ["江苏省财政厅"] })
        let b = "记者获悉，商务部近日发布外商投资促进工作清单(以下简称“清单”)，明确重点任务。\n"
        #expect(try documents(b).contains { $0.title == "外商投资促进工作清单" && $0.issuers == ["商务部"] })
        // Near miss: the same weak word with no definition after it names no document.
        let c = "本报讯 日前，江苏省财政厅发布2032年财政工作要点，共提出五方面任务。\n"
        #expect(try documents(c).allSatisfy { !$0.title.hasSuffix("工作要点") })
    }

    // MARK: - The metadata table's 发文机关

    @Test func theMetadataIssuerWhenTheBodyStatesNone() throws {
        let text = """
        • 标题：外商投资准入特别管理措施调整工作方案
        • 发文机关：商务部
        • 发文字号：商资发〔2031〕12号
        • 成文日期：2031年05月06日
        外商投资准入特别管理措施调整工作方案
        为做好外商投资准入特别管理措施调整工作，制定本方案。
        """
        #expect(try documents(text).first?.issuers == ["商务部"])
        let second = """
        索引号：11330000/2031-01234
        发文机构：浙江省财政厅
        文号：浙财预〔2031〕3号
        标题：预算绩效管理工作规程
        预算绩效管理工作规程
        第一条 为规范预算绩效管理工作，制定本规程。
        """
        #expect(try documents(second).first?.issuers == ["浙江省财政厅"])
    }

    @Test func aPublisherInTheMetadataIsNoIssuer() throws {
        // Near miss: 发布机构 is the page's publisher, not the document's issuer.
        let text = """
        索引号：11330000/2031-01235
        发布机构：浙江省财政厅
        文号：浙财预〔2031〕4号
        标题：预算执行管理工作规程
        预算执行管理工作规程
        第一条 为规范预算执行管理工作，制定本规程。
        """
        #expect(try documents(text).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - 成文日期 of the body against the metadata's date

    @Test func theBodyDateWinsOverTheMetadataDate() throws {
        let text = """
        索引号 11330000/2031-00077 主题分类 综合
        文号 青政办〔2031〕77号 发布机构 县信息中心
        成文日期 2031-09-01
        青政办〔2031〕77号 转发县财政局关于政府采购管理意见的通知
        发布日期：2031-09-01

        青政办〔2031〕77号
        青禾县人民政府办公室
        转发县财政局关于政府采购管理意见的通知
        各乡镇人民政府：
        县财政局《关于政府采购管理的意见》已经县政府同意，现转发给你们。
        二〇三一年八月九日
        """
        let doc = try #require(try documents(text).first)
        #expect(doc.date == "2031-08-09")
    }

    // MARK: - The 文号's issuer code as a cross-check

    func parse(_ surface: String, region: String, head: String) -> BodyParse {
        BodyParse(production: .regional, range: 0..<surface.unicodeScalars.count, surface: surface, canonical: surface,
                  parent: nil, level: nil, regionPart: region, head: head, complete: true)
    }

    @Test func anIssuerCodeIsWrittenFromTheBodysRegionAndHead() throws {
        let county = parse("镇安县人民政府", region: "镇安县", head: "人民政府")
        #expect(IssuerCode.agrees(try #require(DocumentNumber.parse("镇政发〔2031〕3号")), with: county, regionCanonical: "镇安县"))
        let province = parse("江苏省人民政府", region: "江苏省", head: "人民政府")
        #expect(IssuerCode.agrees(try #require(DocumentNumber.parse("苏政发〔2031〕12号")), with: province, regionCanonical: "江苏省"))
        let office = parse("新余市人民政府办公室", region: "新余市", head: "人民政府办公室")
        #expect(IssuerCode.agrees(try #require(DocumentNumber.parse("余府办发〔2031〕52号")), with: office, regionCanonical: "新余市"))
        let bureau = parse("青禾县财政局", region: "青禾县", head: "局")
        #expect(IssuerCode.agrees(try #require(DocumentNumber.parse("青财发〔2031〕8号")), with: bureau, regionCanonical: nil))
        // Near misses: another region's code, another body's code.
        #expect(!IssuerCode.agrees(try #require(DocumentNumber.parse("西政发〔2031〕3号")), with: county, regionCanonical: "镇安县"))
        #expect(!IssuerCode.agrees(try #require(DocumentNumber.parse("青教发〔2031〕8号")), with: bureau, regionCanonical: nil))
    }

    @Test func aTitleStartingWithABodyIsItsIssuerWhenTheCodeAgrees() throws {
        let page = """
        宁远县人民政府工作规则
        宁政发〔2031〕5号
        第一章 总则
        第一条 为规范县人民政府工作，提高行政效能，制定本规则。
        """
        #expect(try documents(page).first?.issuers == ["宁远县人民政府"])
        let table = """
        索引号：431126/2031-00031
        发文字号：郧政发〔2031〕1号
        成文日期：2031年01月05日
        标题：郧西县人民政府工作规则
        郧西县人民政府工作规则
        第一条 为规范县人民政府工作，制定本规则。
        """
        #expect(try documents(table).first?.issuers == ["郧西县人民政府"])
        // Near miss: a 文号 of another body; the title alone does not make the issuer.
        let other = page.replacingOccurrences(of: "宁政发〔2031〕5号", with: "永政发〔2031〕5号")
        #expect(try documents(other).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - A title whose issuers come before 落实

    @Test func aTitleWhoseIssuersImplementAnotherDocument() throws {
        let a = """
        工业和信息化部贯彻落实《关于加快发展先进制造业的意见》的行动计划
        为贯彻落实有关部署，制定本行动计划。一、总体要求。
        """
        #expect(try documents(a).first?.issuers == ["工业和信息化部"])
        let b = """
        商务部落实《关于推动外贸稳规模优结构的意见》的实施方案
        为落实有关部署，制定本方案。一、工作目标。
        """
        #expect(try documents(b).first?.issuers == ["商务部"])
        // Near miss: no body before 落实.
        let c = """
        各地落实《关于推动外贸稳规模优结构的意见》的实施方案
        为落实有关部署，制定本方案。一、工作目标。
        """
        #expect(try documents(c).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - False positives ruled out by shape

    func agencies(_ text: String) throws -> [String] {
        let pipeline = try #require(Self.pipeline)
        let c = pipeline.extract(source: try SourceText(path: "fixtures/rule.txt", bytes: Array(text.utf8)))
        return c.nodes.filter { $0.kind == .agency }.map(\.label)
    }

    @Test func aBracketedListNameIsNoDocument() throws {
        // Near misses: 《X》名单 / 《X》榜单 name lists, not documents.
        #expect(try documents("日前，中国软件行业协会发布了《软件业务收入前百家企业》名单。\n").isEmpty)
        #expect(try documents("近日，中国物流与采购联合会公布《物流企业综合实力五十强》榜单。\n").isEmpty)
        // The rule keeps a bracketed document title.
        let kept = try documents("日前，中国软件行业协会发布了《软件企业数据安全管理指南》。\n")
        #expect(kept.contains { $0.title == "软件企业数据安全管理指南" })
    }

    @Test func aLocalBodysOwnNameAloneIsNoBody() throws {
        // The province's SASAC signs as "某省政府国有资产监督管理委员会": one body, not the government and a
        // region-less commission.
        let text = """
        关于推进国有企业数字化转型的通知
        各设区市有关部门：
        现将有关事项通知如下，请认真贯彻执行。
        浙江省经济和信息化厅
        浙江省政府国有资产监督管理委员会
        2031年7月2日
        """
        #expect(try documents(text).first?.issuers == ["浙江省经济和信息化厅", "浙江省国有资产监督管理委员会"])
        let agencies = try agencies(text)
        #expect(!agencies.contains("国有资产监督管理委员会"))
        #expect(!agencies.contains("浙江省人民政府"))
    }

    @Test func anImplicitRegionWordResolvedByTheSentence() throws {
        let a = "记者从湖南省发展改革委获悉，省发改委等5部门联合印发《关于促进民间投资的若干措施》。\n"
        #expect(try documents(a).first { $0.title.contains("民间投资") }?.issuers.first == "湖南省发展和改革委员会")
        let b = "从四川省商务厅了解到，省商务厅会同省财政厅印发《外贸企业纾困工作方案》。\n"
        #expect(try documents(b).first { $0.title.contains("外贸企业") }?.issuers == ["四川省商务厅", "四川省财政厅"])
        // Near miss: no region in the sentence or the document: the name stays generic.
        let c = "据悉，省发改委等5部门联合印发《关于促进民间投资的若干措施》。\n"
        #expect(try agencies(c).allSatisfy { !$0.hasPrefix("湖南") })
    }

    // MARK: - Departments abolished in the 2003 and 2008 reforms

    @Test func olderDocumentsSignedByAbolishedDepartments() throws {
        let a = """
        信息产业部关于加强电信网络安全管理的通知
        信部电〔2005〕12号
        各省、自治区、直辖市通信管理局：
        现将有关事项通知如下。
        信息产业部
        2005年3月1日
        """
        #expect(try documents(a).first?.issuers == ["信息产业部"])
        let b = """
        关于进一步规范加工贸易管理的通知
        外经贸管发〔2001〕5号
        各省、自治区、直辖市外经贸委（厅）：
        现将有关事项通知如下。
        对外贸易经济合作部 国家经济贸易委员会
        2001年4月2日
        """
        #expect(try documents(b).first?.issuers == ["对外贸易经济合作部", "国家经济贸易委员会"])
        // Near miss: an industry named in a title is no body.
        let c = """
        关于推进信息产业发展的通知
        各有关单位：
        现将有关事项通知如下。
        """
        #expect(try documents(c).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - A revised document's edition note

    @Test func anEditionNoteNamesTheSameDocument() {
        let key = DocumentRegistry.titleKey("白石市人民政府关于印发《白石市人民政府工作规则》的通知(2031修订)")
        #expect(DocumentRegistry.withoutRevisionNote(key) == "白石市人民政府关于印发《白石市人民政府工作规则》的通知")
        #expect(DocumentRegistry.withoutRevisionNote("青禾县农村供水管理办法（2030年修正）") == "青禾县农村供水管理办法")
        // Near misses: a trial note or a plan period is part of the title.
        #expect(DocumentRegistry.withoutRevisionNote("青禾县农村供水管理办法（试行）") == nil)
        #expect(DocumentRegistry.withoutRevisionNote("青禾县供水规划（2031-2035年）") == nil)
    }

    // MARK: - A region that issues

    @Test func aRegionThatIssuesStatesADocumentWithoutItsIssuers() throws {
        let a = "9月2日，湖南省出台《关于加快发展银发经济的实施意见》，提出十项举措。\n"
        let doc = try #require(try documents(a).first { $0.title == "关于加快发展银发经济的实施意见" })
        #expect(doc.issuers.isEmpty)
        let b = "近日，宁波制定了《关于促进首店经济发展的若干措施》（简称《若干措施》）。\n"
        #expect(try documents(b).contains { $0.title == "关于促进首店经济发展的若干措施" && $0.issuers.isEmpty })
        // Near miss: a region inside a clause ("在湖南省出台…") is no issuer standing at the clause start.
        let c = "企业在湖南省出台《关于加快发展银发经济的实施意见》后受益明显。\n"
        #expect(try documents(c).allSatisfy { $0.title != "关于加快发展银发经济的实施意见" })
    }
}
