import PolicyText
import Testing
@testable import PolicyExtraction

/// Issuers listed in news reports and notices as they really come (issue 12): a list closed by its count without 等
/// ("X、Y、Z三部门联合印发"), "X等部门印发" with no count, a list that writes its region once ("某省A厅、省B厅"), and a
/// generic "市人民政府办公室" title whose city the addressee line gives. Each rule on two sources' shapes and a near
/// miss; every fixture is written for these tests.
extension IssuerRuleTests {
    // MARK: - A list closed by its count

    @Test func aCountWithoutDengClosesAListGivenInFull() throws {
        let wire = "本报讯 日前，甘肃省财政厅、甘肃省科学技术厅、甘肃省教育厅三部门联合印发《甘肃省科技成果转化奖补办法》，明确奖补标准。\n"
        let doc = try #require(try documents(wire).first { $0.title == "甘肃省科技成果转化奖补办法" })
        #expect(doc.issuers == ["甘肃省财政厅", "甘肃省科学技术厅", "甘肃省教育厅"])
        let portal = "近日，交通运输部和国家铁路局两部门印发《铁路货运物流降本增效行动方案》，提出五项任务。\n"
        let plan = try #require(try documents(portal).first { $0.title == "铁路货运物流降本增效行动方案" })
        #expect(plan.issuers == ["交通运输部", "国家铁路局"])
        let counted = Array("某某局、某某厅3个部门".unicodeScalars)
        #expect(IssuerExtractor.countedBodiesStart(before: counted.count, in: counted) == counted.count - 4)
        // Near miss: a count opening its clause counts bodies the text does not name ("全省14个部门…" names none).
        let s = Array("会议要求，14个部门联合印发".unicodeScalars)
        #expect(IssuerExtractor.countedBodiesStart(before: s.count - 4, in: s) == nil)
    }

    @Test func dengWithoutACountCutsTheListShort() throws {
        let wire = "新华社北京5月8日电 生态环境部等部门印发的《“十五五”土壤污染防治规划》8日发布。\n"
        let doc = try #require(try documents(wire).first { $0.title == "“十五五”土壤污染防治规划" })
        #expect(doc.issuers == ["生态环境部"])
        let county = "记者获悉，应急管理部等部门日前印发《城镇燃气安全隐患排查整治方案》，部署专项排查。\n"
        let plan = try #require(try documents(county).first { $0.title == "城镇燃气安全隐患排查整治方案" })
        #expect(plan.issuers == ["应急管理部"])
        // Near miss: 等 closing a list of places names no issuing body.
        let places = "记者获悉，浙江、江苏等地印发《城镇燃气安全隐患排查整治方案》。\n"
        #expect(try documents(places).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - A list that writes its region once

    @Test func aListWritesItsRegionOnceWithItsFirstName() throws {
        let wire = "日前，云南省林业和草原局、省财政厅、省发展和改革委员会联合印发《云南省林下经济高质量发展方案》，推进林下种植。\n"
        let doc = try #require(try documents(wire).first { $0.title == "云南省林下经济高质量发展方案" })
        #expect(doc.issuers == ["云南省林业和草原局", "云南省财政厅", "云南省发展和改革委员会"])
        let city = "本报讯 近日，宁波市商务局、市财政局联合出台《宁波市跨境电商扶持办法》，对新设企业给予补助。\n"
        let rule = try #require(try documents(city).first { $0.title == "宁波市跨境电商扶持办法" })
        #expect(rule.issuers == ["宁波市商务局", "宁波市财政局"])
        // Near miss: with no region anywhere, a short form stays generic (never guessed).
        let generic = "本报讯 近日，市商务局、市财政局联合出台《跨境电商扶持办法》，对新设企业给予补助。\n"
        #expect(try documents(generic).allSatisfy { $0.issuers.allSatisfy { !$0.contains("宁波") } })
    }

    // MARK: - A generic office whose city the addressee line gives

    @Test func theAddresseeLineGivesAGenericTitlesRegion() throws {
        let notice = """
        市人民政府办公室关于印发2031年重点项目推进方案的通知
        各县、市、区人民政府，市政府各部门，黄石经济技术开发区管委会：
        《2031年重点项目推进方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。
        """
        #expect(try documents(notice).first?.issuers == ["黄石市人民政府办公室"])
        let county = """
        县人民政府关于加强农村饮水安全管理的通知
        各乡镇人民政府，县直各部门，蒙城县经济开发区管委会：
        为加强农村饮水安全管理，现将有关事项通知如下。
        """
        #expect(try documents(county).first?.issuers == ["蒙城县人民政府"])
        // Near miss: an addressee above the issuer (a 请示 to the province) gives no city for "市人民政府".
        let request = """
        市人民政府关于申请设立综合保税区的请示
        湖北省人民政府：
        为扩大开放，现申请设立综合保税区。
        """
        #expect(try documents(request).allSatisfy { $0.issuers.allSatisfy { !$0.contains("湖北省") && $0 != "武汉市人民政府" } })
    }

    // MARK: - A title that is a body's name and its own document's name

    @Test func aBodysOwnWorkReportOrNumberedAnnouncementIsIssuedByIt() throws {
        let court = """
        佛山市中级人民法院工作报告
        ——2031年1月12日在佛山市第八届人民代表大会第二次会议上
        各位代表：
        现在，我代表市中级人民法院向大会报告工作，请予审议。
        """
        #expect(try documents(court).first?.issuers == ["佛山市中级人民法院"])
        let procuratorate = """
        江西省人民检察院工作报告
        ——2031年1月20日在江西省第十五届人民代表大会第三次会议上
        各位代表：
        现在，我代表省人民检察院向大会报告工作，请予审议。
        """
        #expect(try documents(procuratorate).first?.issuers == ["江西省人民检察院"])
        let customs = """
        中华人民共和国厦门海关2031年第5号公告
        因系统升级，相关业务暂停办理。现将有关事项公告如下：一、暂停期间不受理申报。二、企业应提前预约。 特此公告。 二〇三一年六月二日 |
        """
        let announcement = try #require(try documents(customs).first)
        #expect(announcement.issuers == ["中华人民共和国厦门海关"] || announcement.issuers == ["厦门海关"])
        #expect(announcement.date == "2031-06-02")
        // Near miss: a title that goes on after the report's name is another document, not the body's report.
        let breakdown = """
        佛山市中级人民法院工作报告任务分解
        各位代表：
        现将任务分解如下，请认真落实。
        """
        #expect(try documents(breakdown).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - Verbs in a row, a vertical body in a title, a long joint 署名

    @Test func verbsInARowStateOneIssuance() throws {
        let wire = "记者获悉，日前，昆明市商务局、昆明市财政局联合制定出台《昆明市促进夜间经济发展若干措施》，提出12条措施。\n"
        let doc = try #require(try documents(wire).first { $0.title == "昆明市促进夜间经济发展若干措施" })
        #expect(doc.issuers == ["昆明市商务局", "昆明市财政局"])
        let portal = "本报讯 海南省卫生健康委员会研究制定并印发《海南省基层医疗卫生服务能力提升方案》，明确了建设任务。\n"
        let plan = try #require(try documents(portal).first { $0.title == "海南省基层医疗卫生服务能力提升方案" })
        #expect(plan.issuers == ["海南省卫生健康委员会"])
        // Near miss: a verb that is not an issuance between the body and the next verb breaks the statement.
        let drafted = "本报讯 昆明市商务局牵头起草并征求意见的《昆明市促进夜间经济发展若干措施》近日印发。\n"
        #expect(try documents(drafted).allSatisfy { !$0.issuers.contains("昆明市商务局") })
    }

    @Test func aCentralBodysBranchInATitleIsOneIssuer() throws {
        let tax = """
        国家税务总局四川省税务局 四川省财政厅关于城镇土地使用税有关事项的公告
        现将有关事项公告如下。
        特此公告。
        国家税务总局四川省税务局 四川省财政厅
        2031年3月6日
        """
        #expect(try documents(tax).first?.issuers == ["国家税务总局四川省税务局", "四川省财政厅"])
        let joint = """
        国家税务总局福建省税务局 福建省人力资源和社会保障厅关于社会保险费征收有关事项的通知
        各设区市税务局、人力资源和社会保障局：
        现将有关事项通知如下。
        """
        #expect(try documents(joint).first?.issuers == ["国家税务总局福建省税务局", "福建省人力资源和社会保障厅"])
        // Near miss: two bodies spaced apart stay two ("财政部 税务总局关于…").
        let spaced = """
        财政部 税务总局关于延续实施小微企业税收优惠政策的公告
        现将有关事项公告如下。
        """
        #expect(try documents(spaced).first?.issuers == ["财政部", "国家税务总局"])
    }

    @Test func aLongJointSignatureLineNamesEverySigner() throws {
        let national = """
        民政部等9部门关于加强养老服务人才队伍建设的意见
        民发〔2031〕12号
        各省、自治区、直辖市民政厅（局）：
        为加强养老服务人才队伍建设，提出如下意见。
        民政部 国家发展改革委 教育部 财政部 人力资源社会保障部 住房城乡建设部 农业农村部 商务部 国家卫生健康委
        2031年1月20日
        """
        #expect(try documents(national).first?.issuers.count == 9)
        let provincial = """
        浙江省发展和改革委员会等5部门关于推进城乡供水一体化的通知
        浙发改基综〔2031〕8号
        各市发展改革委：
        现将有关事项通知如下。
        浙江省发展和改革委员会 浙江省财政厅 浙江省水利厅 浙江省自然资源厅 浙江省住房和城乡建设厅
        2031年4月2日
        """
        #expect(try documents(provincial).first?.issuers.count == 5)
        // Near miss: a long line of names with a sentence mark is prose, not a 署名.
        let prose = """
        关于加强养老服务人才队伍建设的意见
        各省、自治区、直辖市民政厅（局）：
        为加强养老服务人才队伍建设，提出如下意见。
        民政部 教育部 财政部 人力资源社会保障部 住房城乡建设部 农业农村部 商务部，国家卫生健康委按职责分工负责
        2031年1月20日
        """
        #expect(try documents(prose).allSatisfy { $0.issuers.isEmpty })
    }

    @Test func theIssuedTitlesRegionResolvesItsIssuersShortNames() throws {
        let wire = "经省政府同意，省工业和信息化厅、省财政厅近日印发《山西省制造业数字化转型行动方案》，明确了五项任务。\n"
        let doc = try #require(try documents(wire).first { $0.title == "山西省制造业数字化转型行动方案" })
        #expect(doc.issuers == ["山西省工业和信息化厅", "山西省财政厅"])
        let city = "本报讯 市商务局、市财政局日前联合印发《苏州市商贸流通业扶持办法》，对新开门店给予补助。\n"
        let rule = try #require(try documents(city).first { $0.title == "苏州市商贸流通业扶持办法" })
        #expect(rule.issuers == ["苏州市商务局", "苏州市财政局"])
        // Near miss: a title naming no region leaves the short names generic (never guessed).
        let generic = "本报讯 市委、市政府日前印发《关于加快建设现代化产业体系的实施意见》，提出主要目标。\n"
        #expect(try documents(generic).allSatisfy { $0.issuers.allSatisfy { !$0.contains("苏州") && !$0.contains("山西") } })
    }

    // MARK: - A document printed in full under the news item that reports it

    @Test func aTitleWithItsDateUnderItIsTheReportedDocument() throws {
        let wire = """
        新华社北京3月2日电 中共中央办公厅、国务院办公厅近日印发《关于加强新时代乡村人才振兴的意见》。全文如下。
        关于加强新时代乡村人才振兴的意见
        （2031年2月20日）
        乡村振兴，关键在人。
        """
        let doc = try #require(try documents(wire).first { $0.title == "关于加强新时代乡村人才振兴的意见" })
        #expect(doc.issuers == ["中共中央办公厅", "国务院办公厅"])
        #expect(doc.date == "2031-02-20")
        let provincial = """
        本报讯 省委、省政府近日印发《浙江省关于推进海洋经济高质量发展的意见》。全文如下。
        浙江省关于推进海洋经济高质量发展的意见
        (2031年5月8日)
        海洋是高质量发展战略要地。
        """
        #expect(try documents(provincial).first { $0.title == "浙江省关于推进海洋经济高质量发展的意见" }?.date == "2031-05-08")
        // Near miss: a date further down the text is no 题注 and dates nothing.
        let later = """
        新华社北京3月2日电 中共中央办公厅、国务院办公厅近日印发《关于加强新时代乡村人才振兴的意见》。全文如下。
        关于加强新时代乡村人才振兴的意见
        乡村振兴，关键在人。2031年2月20日召开的会议作出部署。
        """
        #expect(try documents(later).first { $0.title == "关于加强新时代乡村人才振兴的意见" }?.date == nil)
    }

    // MARK: - What a notice issues when its title goes on after the bracket

    @Test func aNoticeIssuingTheImplementationOfACitedDocument() throws {
        let national = """
        生态环境部等八部门关于印发《美丽中国建设纲要》实施方案的通知
        环综合〔2031〕12号
        各省、自治区、直辖市有关部门：
        现将方案印发给你们。
        """
        let titles = try documents(national).map(\.title)
        #expect(titles.contains("《美丽中国建设纲要》实施方案"))
        #expect(!titles.contains("美丽中国建设纲要"))
        let city = """
        杭州市人民政府办公厅关于印发《杭州市国土空间总体规划》实施细则的通知
        杭政办函〔2031〕3号
        各区、县（市）人民政府，市政府各部门：
        现将细则印发给你们。
        """
        #expect(try documents(city).contains { $0.title == "《杭州市国土空间总体规划》实施细则" && $0.issuers == ["杭州市人民政府办公厅"] })
        // Near miss: two documents issued together are each issued ("印发《X》和《Y》的通知").
        let two = """
        杭州市人民政府办公厅关于印发《杭州市数字贸易促进办法》和《杭州市跨境电商促进办法》的通知
        杭政办函〔2031〕4号
        各区、县（市）人民政府，市政府各部门：
        现将两个办法印发给你们。
        """
        #expect(try documents(two).contains { $0.title == "杭州市数字贸易促进办法" })
    }

    // MARK: - A rule's note under its title: the order that published it

    @Test func aRulesNoteNamesTheOrderThatPublishedIt() throws {
        let database = """
        某某省河道采砂管理办法
        （2031年4月20日浙江省人民政府令第401号公布　自2031年7月1日起施行）
        第一章　总则
        第一条　为了加强河道采砂管理，制定本办法。
        """
        let rule = try #require(try documents(database).first)
        #expect(rule.title == "某某省河道采砂管理办法")
        #expect(rule.issuers == ["浙江省人民政府"])
        #expect(rule.date == "2031-04-20")
        let markdown = """
        # 危险废物转移管理办法

        (2030年11月30日生态环境部令第23号发布 根据2031年3月1日生态环境部令第30号修正)

        ## 第一章 总则

        第一条 为了规范危险废物转移活动，制定本办法。
        """
        let measure = try #require(try documents(markdown).first)
        #expect(measure.issuers == ["生态环境部"] && measure.date == "2030-11-30")
        // Near miss: a note of adoption by a meeting names no order and no issuer.
        let adopted = """
        某某省河道采砂管理办法
        （2031年4月10日省人民政府第5次常务会议通过）
        第一章　总则
        """
        #expect(try documents(adopted).allSatisfy { $0.issuers.isEmpty })
    }

    // MARK: - An order: its 发文机关标志 and number, and what it publishes

    @Test func anOrderPublishesTheRuleItNamesUnderItsBody() throws {
        let provincial = """
        福建省人民政府令
        第235号
        《福建省海洋渔业安全管理办法》已经2031年3月2日省人民政府第80次常务会议通过，现予公布，自2031年5月1日起施行。
        省长 某某某
        2031年3月10日
        """
        let rule = try #require(try documents(provincial).first)
        #expect(rule.title == "福建省海洋渔业安全管理办法")
        #expect(rule.issuers == ["福建省人民政府"])
        #expect(rule.date == "2031-03-10")
        let ministry = """
        交通运输部令2031年第4号
        《港口危险货物安全管理规定》已于2031年5月6日经第9次部务会议通过，现予公布，自2031年8月1日起施行。
        部长 某某某
        2031年5月12日
        """
        #expect(try documents(ministry).first?.issuers == ["交通运输部"])
        // Near miss: a line ending with 令 that no number follows is no order header (a heading about an order).
        let heading = """
        学习贯彻国务院令
        《港口危险货物安全管理规定》已于近日公布，各单位要认真学习。
        """
        #expect(try documents(heading).allSatisfy { $0.issuers.isEmpty })
    }
}
