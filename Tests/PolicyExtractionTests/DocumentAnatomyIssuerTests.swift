import PolicyCore
import PolicyOntology
import PolicyText
import Testing
import TestSupport
@testable import PolicyExtraction

/// Issuers where a page states them in the variants of the official-document format (issue 12): the bodies an
/// announcement's heading numbers, a page's 发布单位 written with its level word alone over the document's own 文号
/// (the code names the division), and a body's own rules titled by its name (工作规则, 办法) under a metadata table.
/// Each rule on two sources' shapes and a near miss; every fixture is written for these tests.
@Suite struct DocumentAnatomyIssuerTests {
    static let pipeline: ExtractionPipeline? = try? ExtractionPipeline(ontology: Ontology.loadDefault())

    /// Documents of the text with their issuers (canonical names) in order and their 文号.
    func documents(_ text: String) throws -> [(title: String, issuers: [String], number: String?)] {
        let pipeline = try #require(Self.pipeline)
        let c = pipeline.extract(source: try SourceText(path: "fixtures/anatomy.txt", bytes: Array(text.utf8)))
        return c.nodes.filter { $0.kind == .document }.map { doc in
            let issuers = c.edges.filter { $0.kind == .issuedBy && $0.source == doc.id }
                .sorted { ($0.attributes["order"]?.intValue ?? 0) < ($1.attributes["order"]?.intValue ?? 0) }
                .map { String($0.target.dropFirst("agency:".count)) }
            return (doc.label, issuers, doc.attributes["doc_number"]?.stringValue)
        }
    }

    // MARK: - An announcement's heading numbers its issuers

    @Test func theBodiesAnAnnouncementHeadingNumbersIssueIt() throws {
        let portal = try documents("""
        当前位置：首页 > 政策法规
        财政部 国家税务总局公告2031年第9号（关于延续实施某项增值税优惠政策的公告）
        为进一步支持小微企业发展，现将有关政策公告如下：
        一、本公告自2031年1月1日起执行。
        """)
        let joint = try #require(portal.first { $0.title.hasPrefix("关于延续") })
        #expect(joint.issuers == ["财政部", "国家税务总局"])
        #expect(joint.number == "2031年第9号")
        let customs = try documents("""
        海关总署公告2030年第27号(关于进口某国鲜食葡萄植物检疫要求的公告)
        根据我国相关法律法规，现将有关要求公告如下：
        一、产品范围为鲜食葡萄。
        """)
        #expect(customs.first { $0.title.hasPrefix("关于进口") }?.issuers == ["海关总署"])
        let listed = try documents("""
        财政部、国家税务总局公告2031年第10号（关于某项税收优惠政策执行口径的公告）
        现将有关执行口径公告如下：
        一、本公告自发布之日起执行。
        """)
        #expect(listed.first { $0.title.hasPrefix("关于某项") }?.issuers == ["财政部", "国家税务总局"])
        // Near miss: an announcement cited in a body names its own issuers, not the citing document's.
        let cited = try documents("""
        某某县人民政府办公室关于做好小微企业税收优惠落实工作的通知
        各乡镇人民政府，县直各单位：
        根据财政部 国家税务总局公告2031年第9号（关于延续实施某项增值税优惠政策的公告）要求，现就有关事项通知如下。
        某某县人民政府办公室
        2031年3月1日
        """)
        #expect(cited.first { $0.title.hasPrefix("某某县") }?.issuers.contains("财政部") == false)
    }

    // MARK: - A publisher written with its level word alone, named by the document's own 文号

    @Test func aLevelWordPublisherIsTheDivisionItsOwnCodeNames() throws {
        let cells = try documents("""
        索引号: | 0012345/2031-00211 | 公开方式: | 主动公开 |
        文号: | 绍政办函〔2031〕7号 | 成文日期: | 2031-03-04 |
        发布单位: | 市政府办公厅 | 主题分类: | 综合政务 |
        各区、县（市）人民政府，市政府各部门：
        为做好年度民生实事项目考核工作，现将有关要求通知如下：
        """)
        #expect(cells.first?.issuers == ["绍兴市人民政府办公厅"])
        let lines = try documents("""
        关于加快推进港口物流发展的若干意见
        发文机关：市人民政府
        发文字号：湛府〔2030〕12号
        成文日期：2030年6月8日
        各县（市、区）人民政府，市政府各部门：
        为加快推进港口物流发展，提出如下意见。
        """)
        #expect(lines.first { $0.title.hasPrefix("关于加快") }?.issuers == ["湛江市人民政府"])
        // Near miss: a code whose initial starts several cities' names (宁 — 宁波, 宁德 …) names none of them.
        let ambiguous = try documents("""
        索引号: | 0012345/2031-00212 | 公开方式: | 主动公开 |
        文号: | 宁政办函〔2031〕5号 | 成文日期: | 2031-03-04 |
        发布单位: | 市政府办公厅 | 主题分类: | 综合政务 |
        各区、县（市）人民政府，市政府各部门：
        为做好年度民生实事项目考核工作，现将有关要求通知如下：
        """)
        #expect(ambiguous.first?.issuers.isEmpty == true)
    }

    @Test func aLevelWordTitleOrSignatureTakesTheDivisionItsOwnCodeNames() throws {
        let titled = try documents("""
        市人民政府关于加快推进港口物流发展的意见
        湛府〔2031〕13号
        各县（市、区）人民政府，市政府各部门：
        现提出如下意见。
        市人民政府
        2031年3月2日
        """)
        #expect(titled.first?.issuers == ["湛江市人民政府"])
        let office = try documents("""
        关于做好年度民生实事项目考核工作的通知
        绍政办函〔2031〕9号
        各区、县（市）人民政府，市政府各部门：
        现将有关要求通知如下。
        市人民政府办公室
        2031年3月2日
        """)
        #expect(office.first?.issuers == ["绍兴市人民政府办公室"])
        // Near miss: a code whose initial starts several cities' names leaves the level word generic.
        let ambiguous = try documents("""
        市人民政府关于加快推进港口物流发展的意见
        宁政发〔2031〕13号
        各县（市、区）人民政府，市政府各部门：
        现提出如下意见。
        市人民政府
        2031年3月2日
        """)
        #expect(ambiguous.first?.issuers.contains { $0.hasPrefix("宁波") || $0.hasPrefix("宁德") } == false)
    }

    // MARK: - An excerpt at its own 文号: the government its code and its addressee's level name

    @Test func anUntitledExcerptIsIssuedByTheGovernmentItsCodeAndAddresseeName() throws {
        let stateCouncil = try documents("""
        国办发[2031]5号
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        经国务院同意，现将有关事项通知如下。
        """)
        #expect(stateCouncil.first?.issuers == ["国务院办公厅"])
        let province = try documents("""
        贛府發〔2031〕3號
        各市、縣（區）人民政府，省政府各部門：
        為加快推進港口物流發展，現提出如下意見。
        """)
        #expect(province.first?.issuers == ["江西省人民政府"])
        let city = try documents("""
        湛府〔2031〕21号
        各县（市、区）人民政府，市政府各部门：
        为加快推进港口物流发展，现提出如下意见。
        """)
        #expect(city.first?.issuers == ["湛江市人民政府"])
        // Near misses: an initial several cities' names start with, and an office's code (厅 or 室 is not written in it).
        let ambiguous = try documents("""
        宁政发〔2031〕21号
        各县（市、区）人民政府，市政府各部门：
        为加快推进港口物流发展，现提出如下意见。
        """)
        #expect(ambiguous.first?.issuers.isEmpty == true)
        let office = try documents("""
        湛府办〔2031〕21号
        各县（市、区）人民政府，市政府各部门：
        为加快推进港口物流发展，现提出如下意见。
        """)
        #expect(office.first?.issuers.isEmpty == true)
    }

    // MARK: - A body's own rules, titled by its name

    @Test func aBodysOwnRulesUnderAMetadataTableAreIssuedByIt() throws {
        let table = try documents("""
        索引号 0000000/2031-00341 文号
        发布机构 县政府办 生成日期 2031-11-23
        信息名称 崇义县人民政府工作规则
        崇义县人民政府工作规则
        （2031年11月20日县政府第1次常务会议通过）
        第一章 总则
        一、县政府工作的准则是，执政为民，依法行政，实事求是，务实清廉。
        """)
        #expect(table.first { $0.title == "崇义县人民政府工作规则" }?.issuers == ["崇义县人民政府"])
        // The longest whole body name opens the title, not a unit cut from the words after it ("…机关公文处").
        let titled = try documents("""
        甘孜藏族自治州人民政府机关公文处理办法
        第一章 总则
        第一条 为了规范本机关公文处理工作，制定本办法。本办法适用于本机关各部门的公文处理工作。
        """)
        #expect(titled.first?.issuers == ["甘孜藏族自治州人民政府"])
        // Near miss: a title that opens with no body ("公文处理办法" of no one) has no issuer.
        let anonymous = try documents("""
        机关公文处理办法
        第一章 总则
        第一条 为了规范本机关公文处理工作，制定本办法。本办法适用于本机关各部门的公文处理工作。
        """)
        #expect(anonymous.allSatisfy { $0.issuers.isEmpty })
    }
}
