import TestSupport
import Testing
@testable import PolicyExtraction

/// The grammar of a quantitative commitment, tested in its input: ⟦ and ⟧ mark each quantity that must be a target
/// (number and unit); every other number of the sentence must not be one. Every sentence is written for these
/// tests, in the shape of plans, work reports and notices of different issuers.
@Suite struct CommitmentGrammarTests {
    let extractor = TargetExtractor()

    /// Targets of `marked` (markers removed), after checking that they begin exactly at the markers.
    @discardableResult
    private func expectTargets(_ marked: String, pastContext: Bool = false,
                               sourceLocation: SourceLocation = #_sourceLocation) -> [ExtractedTarget] {
        let quantities = MarkedText(marked)
        let (text, starts) = (quantities.text, quantities.unnamedSpanStarts)
        let found = extractor.targets(in: text, pastContext: pastContext)
        // (One value may be the target of several subjects: each marked quantity counts once.)
        #expect(Set(found.map(\.numberRange.lowerBound)).sorted() == starts, "\(text)", sourceLocation: sourceLocation)
        return found
    }

    // MARK: - One sentence, every target it states

    @Test func aGoalParagraphListsOneTargetPerItem() throws {
        let farm = expectTargets("到2025年，全省农作物耕种收综合机械化率达到⟦80%⟧，设施农业机械化率达到⟦55%⟧、畜牧养殖机械化率达到⟦50%⟧以上。")
        #expect(farm.map(\.value) == [80, 55, 50])
        #expect(farm.allSatisfy { $0.deadline == 2025 })
        #expect(farm[1].subject == "设施农业机械化率")
        #expect(farm[2].subject == "畜牧养殖机械化率")
        #expect(farm[2].comparator == .atLeast)
        #expect(farm[1].statement == "设施农业机械化率达到55%")
        let jobs = expectTargets("到2027年，全市新增城镇就业⟦30万人⟧、农村劳动力转移就业⟦5万人⟧以上。")
        #expect(jobs.map(\.unit) == ["万人", "万人"])
        #expect(jobs[1].subject == "农村劳动力转移就业")
    }

    @Test func respectivelyGivesEachSubjectItsValue() throws {
        let forest = expectTargets("到2030年，森林覆盖率、草原综合植被盖度分别达到⟦25%⟧和⟦57%⟧。")
        #expect(forest.map(\.subject) == ["森林覆盖率", "草原综合植被盖度"])
        let transport = expectTargets("力争城市公交、轨道交通分担率分别提高到⟦40%⟧和⟦20%⟧。")
        #expect(transport.map(\.subject) == ["城市公交", "轨道交通分担率"])
        // Near miss: 分别 in a report of the past states no target.
        expectTargets("截至去年底，城市公交、轨道交通分担率分别为38%和17%。")
    }

    // MARK: - Verb of commitment with a qualifier, no deadline

    @Test func commitmentVerbWithQualifierIsATarget() throws {
        let power = expectTargets("全年新增光伏发电装机⟦20万千瓦⟧以上。")
        #expect(power.first?.unit == "万千瓦")
        #expect(power.first?.comparator == .atLeast)
        let housing = expectTargets("年内供应保障性租赁住房⟦2万套⟧左右。")
        #expect(housing.first?.comparator == .equal)
        // Near miss: the same verb with a plain value in a report of last year.
        expectTargets("去年全市新增城镇就业12.5万人。")
    }

    // MARK: - Values without a unit, shares of units that reach a state

    @Test func aRatioOrCoefficientToReachHasNoUnit() throws {
        let plan = expectTargets("到2030年，城乡居民人均收入比缩小到⟦2.1⟧以内，农田灌溉水有效利用系数提高到⟦0.6⟧。")
        #expect(plan.map(\.unit) == ["", ""])
        #expect(plan.first?.comparator == .atMost)
        #expect(plan.first?.subject == "城乡居民人均收入比")
        let dataCentres = expectTargets("力争新建大型数据中心电能利用效率（PUE）降至⟦1.25⟧以下。")
        #expect(dataCentres.first?.comparator == .atMost)
        // Near misses: a whole number after the verb is a year or a rank, and a ratio reported is no goal.
        expectTargets("全省营商环境排名提高到12，较上年前进3位。")
        expectTargets("截至去年底，城乡居民人均收入比已缩小到2.3。")
    }

    @Test func valuesJoinedByAndAreItemsWithTheirOwnSubjects() throws {
        let schools = expectTargets("到2027年，建设⟦40所⟧高水平职业院校和⟦120个⟧骨干专业（群）。")
        #expect(schools.map(\.subject) == ["高水平职业院校", "骨干专业（群）"])
        #expect(schools.map(\.statement) == ["建设40所高水平职业院校", "120个骨干专业（群）"])
        let sites = expectTargets("力争全年新建5G基站⟦3000个⟧及充电桩⟦2万个⟧以上。")
        #expect(sites.map(\.unit) == ["个", "万个"])
        // Near miss: with 分别 the values after 和 share the clause and take the listed subjects (及 inside 普及率
        // joins nothing).
        let shares = expectTargets("到2030年，城市、农村供水普及率分别达到⟦99%⟧和⟦95%⟧。")
        #expect(shares.map(\.subject) == ["城市", "农村供水普及率"])
    }

    @Test func aVerbOfCommitmentInASentenceOfIntent() throws {
        expectTargets("力争用两年时间，培育省级制造业单项冠军企业⟦30家⟧、专精特新中小企业⟦300家⟧。")
        expectTargets("今年全县计划开工项目120个，完成固定资产投资⟦85亿元⟧。")
        // Near misses: a count of the noun after it, and the same verb without intent.
        expectTargets("全市要实现在80个城市考核中进位的目标。")
        expectTargets("去年全县完成固定资产投资78亿元。")
    }

    @Test func aSpanOfYearsOpeningAClauseIsATimeLimit() throws {
        expectTargets("三年内新增高标准农田⟦40万亩⟧。")
        expectTargets("5年内，全市建成城市口袋公园⟦200个⟧。")
        // Near miss: the span describes whom a rule is for.
        expectTargets("对招用离校2年内未就业高校毕业生的企业，按每人1500元的标准给予补贴。")
    }

    @Test func aShareOfUnitsThatReachAStateIsAGoal() throws {
        let water = expectTargets("力争到2028年，全省⟦70%⟧以上县（市、区）达到节水型社会评价标准。")
        #expect(water.first?.comparator == .atLeast)
        expectTargets("到2027年，东部⟦80%⟧以上、西部⟦50%⟧以上的行政村实现生活污水有效治理。")
        // Near miss: a share that bounds whom a rule applies to, with nothing for it to reach.
        expectTargets("到2027年，对研发投入占营业收入5%以上企业给予奖励。")
    }

    @Test func aYearAfterThePlaceItIsForOpensTheSentence() {
        let extractor = TargetExtractor()
        let city = extractor.targets(inGoalPassage: "合肥市2027年细颗粒物年均浓度较2022年下降10%以上。")
        #expect(city.map(\.value) == [10])
        #expect(city.first?.deadline == 2027)
        let county = extractor.targets(inGoalPassage: "全县2026年新增城镇就业4500人以上。")
        #expect(county.first?.deadline == 2026)
        // Near miss: outside a list of goals, the same opening reports that year.
        #expect(extractor.targets(in: "合肥市2023年细颗粒物年均浓度较2022年下降8%。").isEmpty)
    }

    @Test func unitsReadWhole() throws {
        #expect(expectTargets("全年保障全社会用电量⟦420亿千瓦时⟧左右。").first?.unit == "亿千瓦时")
        #expect(expectTargets("到2030年，可再生能源消费量达到⟦2亿吨标煤⟧以上。").first?.unit == "亿吨标煤")
    }

    @Test func siblingsOfATargetAreTargets() throws {
        let found = expectTargets("全年新增风电装机⟦30万千瓦⟧以上，新增新型储能⟦10万千瓦⟧。")
        #expect(found.map(\.value) == [30, 10])
        // Near miss: alone, the plain value has nothing that makes it a commitment.
        expectTargets("全年新增新型储能10万千瓦。")
    }

    // MARK: - Time

    @Test func aYearOpeningTheClauseIsTheDeadlineOfAQualifiedCommitment() throws {
        let t = try #require(expectTargets("意见提出，2030年全省非化石能源消费比重达到⟦30%⟧以上。").first)
        #expect(t.deadline == 2030)
        #expect(expectTargets("规划明确，2028年全市数字经济核心产业增加值突破⟦1000亿元⟧以上。").first?.deadline == 2028)
        // Near miss: a year and a plain value is a statistic.
        expectTargets("2023年，全市数字经济核心产业增加值达到980亿元。")
    }

    @Test func planPeriodsComeFromOneTable() throws {
        #expect(expectTargets("“十四五”末，全市研发经费投入强度达到⟦3%⟧。").first?.deadline == 2025)
        #expect(expectTargets("“十五五”期间，力争新建改建农村公路⟦5000公里⟧。").first?.deadline == 2030)
        // Near miss: what happened during a period is no date to meet.
        expectTargets("“十三五”期间，全省电子商务交易额年均增长15.2%。")
    }

    @Test func aTimePhraseGovernsWhatFollowsIt() throws {
        let found = expectTargets("确保全省粮食产量稳定在⟦700亿斤⟧以上，到2035年，主要农作物良种覆盖率达到⟦98%⟧。")
        #expect(found.map(\.deadline) == [nil, 2035])
        let plan = expectTargets("全年完成造林⟦10万亩⟧以上，力争到2030年森林覆盖率达到⟦42%⟧。")
        #expect(plan.map(\.deadline) == [nil, 2030])
        // Without a time of its own, a target takes the year of its heading.
        let t = try #require(extractor.targets(in: ScalarSpan("全年新增城镇就业5万人以上。"), defaultYear: 2026).first)
        #expect(t.deadline == 2026)
    }

    @Test func aDeadlineOpeningASentenceGovernsItsParagraph() {
        #expect(extractor.openingDeadline(ScalarSpan("到2027年，全省研发经费投入强度达到2.8%。")) == 2027)
        #expect(extractor.openingDeadline(ScalarSpan("力争到2030年，建成一批示范园区。")) == 2030)
        // Near misses: a deadline inside the sentence, and a period during which things happen.
        #expect(extractor.openingDeadline(ScalarSpan("全市新增就业2万人，到2026年建成10个园区。")) == nil)
        #expect(extractor.openingDeadline(ScalarSpan("“十四五”期间，全省新增就业50万人。")) == nil)
    }

    @Test func deadlineAfterAHalfWidthComma() throws {
        let t = try #require(expectTargets("增强充电服务保障能力,到2026年,全省建成公共充电桩⟦8万个⟧左右。").first)
        #expect(t.deadline == 2026)
    }

    // MARK: - Chinese numerals

    @Test func quantitiesInChineseNumerals() throws {
        let doctor = try #require(expectTargets("确保每个行政村至少有⟦一名⟧合格村医。").first)
        #expect(doctor.value == 1)
        #expect(doctor.unit == "名")
        #expect(doctor.comparator == .atLeast)
        let share = try #require(expectTargets("到2025年，县域内就诊率达到⟦九成⟧以上。").first)
        #expect(share.value == 9)
        #expect(share.unit == "成")
        #expect(expectTargets("到2027年，新能源汽车销量占比超过⟦一半⟧。").first?.value == 50)
        // Near misses: numerals inside words and bare counts.
        expectTargets("建设一批示范园区，统一标准，力争取得实效。")
        expectTargets("要求各县制定一个方案。")
    }

    // MARK: - What is not a target

    @Test func aReviewPassageStatesResults() throws {
        expectTargets("经济规模稳步扩大，对全国经济增长的贡献率保持在30%左右。", pastContext: true)
        expectTargets("城镇新增就业52万人，城镇调查失业率平均为5.2%。", pastContext: true)
        // A hard limit stated in a review still binds.
        expectTargets("全年政府债务率控制在⟦100%⟧以内。", pastContext: true)
    }

    @Test func aGoalPassageStatesBareValues() throws {
        let education = extractor.targets(inGoalPassage: "在教育方面，学前教育毛入园率大于90%，义务教育巩固率96%。", deadline: 2025)
        #expect(education.map(\.value) == [90, 96])
        #expect(education.map(\.comparator) == [.above, .equal])
        #expect(education.allSatisfy { $0.deadline == 2025 })
        let health = extractor.targets(inGoalPassage: "劳动年龄人口平均受教育年限达11.3年，每千人口拥有执业医师3.2人。")
        #expect(health.map(\.value) == [11.3, 3.2])
        #expect(health.first?.unit == "年")
        // Near miss: outside a goal passage the same bare value is only a figure.
        #expect(extractor.targets(in: "义务教育巩固率96%。").isEmpty)
        // Near miss: a statistic in a goal passage stays one.
        #expect(extractor.targets(inGoalPassage: "截至去年底，学前教育毛入园率为88%。").isEmpty)
    }

    @Test func oneValueForMeasuresWithTheSameHeadIsOneTargetEach() throws {
        let farm = expectTargets("到2025年，畜禽粪污资源化利用率、农膜回收利用率达到⟦80%⟧以上。")
        #expect(farm.map(\.subject) == ["畜禽粪污资源化利用率", "农膜回收利用率"])
        let water = expectTargets("确保城市污水处理率、县城污水处理率不低于⟦95%⟧。")
        #expect(water.count == 2)
        // Near miss: a list of short words before a shared noun is one subject.
        #expect(expectTargets("到2025年，工业、建筑、交通等领域能耗强度下降⟦13.5%⟧。").count == 1)
    }

    @Test func scopeThresholdsAreNotTargets() throws {
        expectTargets("对小型微利企业年应纳税所得额不超过200万元的部分，减按25%计入应纳税所得额。")
        expectTargets("床位数在50张及以上的养老机构，按规定给予补助。")
        // A measure with a bounding qualifier before a noun is an attribute of it; a classifier counts the noun.
        expectTargets("到2025年，每千人口拥有3岁以下婴幼儿托位数达到⟦4.5个⟧。")
        expectTargets("力争培育年营业收入10亿元以上企业⟦30家⟧。")
        expectTargets("力争新增⟦50个⟧以上项目列入省重点建设计划。")
        // Near misses: after a verb of commitment the quantity before 的 is what is committed.
        expectTargets("市属国有企业要拿出不少于⟦40%⟧的新增岗位招聘应届毕业生。")
        // A limit that names what is aimed at stays a target.
        let red = try #require(expectTargets("各地政府专项债务率不超过⟦120%⟧的红线。").first)
        #expect(red.kind == .redLine)
        #expect(red.comparator == .atMost)
    }

    @Test func countsOfTheDocumentItselfAreNotTargets() {
        expectTargets("《方案》从四个方面提出18项重点任务，力争取得突破。")
        expectTargets("现将28项措施印发给你们，确保落实到位。")
    }

    // MARK: - Times: which years report, which commit

    @Test func aDateToMeetAfterAReportTurnsToTheFuture() {
        expectTargets("截至2023年底，全市已建成5G基站8000个，到2026年达到⟦2万个⟧以上。")
        expectTargets("去年全省粮食产量为650亿斤，到2027年，粮食综合生产能力稳定在⟦680亿斤⟧以上。")
        // Near misses: a forecast stays one; a report after the date is still a report.
        expectTargets("据测算，预计到2025年，全市新能源汽车保有量达到30万辆以上。")
        expectTargets("到2024年底，全县已建成养老服务中心45个以上。")
    }

    @Test func yearsOfTitlesAndBaseYearsReportNothing() {
        expectTargets("《2025年全市节能工作要点》提出，今年单位地区生产总值能耗要下降⟦3%⟧左右。")
        expectTargets("全县地表水优良水体比例要比2021年提高⟦5个百分点⟧。")
        expectTargets("全县细颗粒物浓度要下降⟦8%⟧，臭氧浓度不超过2022年水平。")
        // Near miss: a year the sentence reports about.
        expectTargets("2023年全市单位地区生产总值能耗要下降3%，实际下降3.2%。")
    }

    @Test func aDateToMeetGovernsTheBareValuesAfterIt() throws {
        let tourism = expectTargets("到2027年，全市接待国内游客⟦8000万人次⟧，旅游总收入⟦900亿元⟧。")
        #expect(tourism.allSatisfy { $0.deadline == 2027 })
        expectTargets("2026年年底前，各县建成区公共充电桩⟦500个⟧。")
        #expect(expectTargets("2026年将新建改建农村公路⟦1200公里⟧。").first?.deadline == 2026)
        // Near misses: the same values reported for a past year, or before the date.
        expectTargets("2022年新建改建农村公路1100公里。")
        expectTargets("全市现有接待能力5000万人次，到2027年基本建成旅游强市。")
    }

    @Test func intentOverridesABreakdown() {
        expectTargets("全省城市生活垃圾回收利用率达到⟦35%⟧以上，其中设区市力争达到⟦40%⟧。")
        expectTargets("确保全市义务教育巩固率达到⟦97%⟧以上，其中山区县确保达到⟦95%⟧。")
        // Near miss: a breakdown of a count.
        expectTargets("全市共有高新技术企业900家，其中国家级企业120家以上。")
    }

    @Test func aParagraphOpeningWithADateGovernsItsComparisons() {
        #expect(extractor.openingDeadline(ScalarSpan("主要目标：到2027年，全市研发投入强度达到3%。")) == 2027)
        #expect(extractor.openingDeadline(ScalarSpan("全市今年新增就业2万人以上的城镇有三个：到2026年再评估。")) == nil)
        let quantities = MarkedText("其中，城区细颗粒物平均浓度较2020年下降⟦12%⟧。")
        let (text, starts) = (quantities.text, quantities.unnamedSpanStarts)
        #expect(extractor.targets(in: ScalarSpan(text), paragraphDate: true).map(\.numberRange.lowerBound) == starts)
        // Near miss: without a governing date the same comparison is a report.
        #expect(extractor.targets(in: ScalarSpan(text)).isEmpty)
    }

    @Test func aVerbGovernsTheItemsOfItsList() {
        expectTargets("全年新增省级示范家庭农场⟦300家⟧以上、农民合作社⟦200个⟧、社会化服务组织⟦50个⟧。")
        expectTargets("到2026年，建设标准化厂房⟦20万平方米⟧、人才公寓⟦3000套⟧。")
        // Near miss: a list of what exists.
        expectTargets("全市现有省级示范家庭农场300家以上、农民合作社200个。")
    }

    @Test func aPlanSettingAYearMakesItADate() {
        expectTargets("方案明确2026年、2028年全市城市绿化覆盖率分别提高到⟦42%⟧、⟦45%⟧。")
        expectTargets("会议提出2027年全县农村生活污水治理率达到⟦70%⟧。")
        // Near miss: a year the text looks back on.
        expectTargets("报告指出2023年全县农村生活污水治理率达到62%。")
    }

    @Test func ratesPerUnitAndRaisingVerbs() {
        #expect(expectTargets("到2026年，城市人均公园绿地面积达到⟦15平方米/人⟧。").first?.unit == "平方米/人")
        #expect(expectTargets("力争全员劳动生产率达到⟦30万元/人⟧以上。").first?.unit == "万元/人")
        expectTargets("力争年内清洁能源装机占比提至⟦60%⟧左右。")
        expectTargets("今年农作物耕种收综合机械化率提至⟦76%⟧左右。")
        // Near miss: a share already raised.
        expectTargets("去年清洁能源装机占比已提至52%左右。")
    }

    // MARK: - Shapes met on unseen news of plans and county work plans

    @Test func aDateSetAfterABracketOrAReportingVerbIsADateToMeet() throws {
        // A news dateline in brackets, then the plan's date; a plan cited, then its verb and date.
        expectTargets("新华社某地6月3日电（记者 王某）到2027年，全省新能源装机容量达到⟦8000万千瓦⟧左右。")
        expectTargets("《实施方案》提出到2026年，全市建成口袋公园⟦120个⟧，城市绿地率达到⟦40%⟧。")
        expectTargets("通知要求至2025年底，县域医共体覆盖率达到⟦90%⟧以上。")
        // Near miss: 到 after a verb of change names a level of the past, not a date to meet.
        expectTargets("能耗强度下降到2015年的水平，全市新建公园12个。")
    }

    @Test func aYearToCompleteByInASentenceThatSetsItIsADateToMeet() throws {
        expectTargets("方案明确实施城乡绿化行动，于2027年完成造林绿化⟦12万亩⟧。")
        expectTargets("通知要求，各县于2026年建成乡镇污水处理设施⟦30座⟧。")
        // Near miss: a report of when something was completed sets nothing.
        expectTargets("该项目于2015年完成造林绿化12万亩。")
    }

    @Test func aGoalStatedAsTheTargetValueIsATarget() throws {
        expectTargets("全年经济增长预期目标为⟦5.5%⟧左右，与中长期规划相衔接。")
        expectTargets("全省耕地保有量目标值为⟦1.2亿亩⟧以上。")
        // Near miss: a value stated as what something is commits nobody.
        expectTargets("上年地区生产总值增速为5.2%，居民人均收入为3.2万元。")
    }

    @Test func aCoefficientReachedWithDaHasNoUnit() throws {
        expectTargets("到2030年，农田灌溉水有效利用系数达⟦0.62⟧以上。")
        expectTargets("力争城乡居民人均收入比达⟦2.2⟧以内。")
        // Near miss: a whole number without a qualifier may be a rank or a count of nothing.
        expectTargets("力争综合排名达3，位次前移。")
    }

    @Test func oneValueRespectivelyForAListOfSubjectsIsOneTargetEach() throws {
        let water = expectTargets("到2030年，万元国内生产总值用水量、万元工业增加值用水量较2025年分别下降⟦12%⟧以上。")
        #expect(water.map(\.subject) == ["万元国内生产总值用水量", "万元工业增加值用水量"])
        let air = expectTargets("到2027年，二氧化硫和挥发性有机物排放总量比2022年分别下降⟦8%⟧。")
        #expect(air.map(\.subject) == ["二氧化硫", "挥发性有机物排放总量"])
        // Near miss: one value per subject stays one target each, in order.
        let forest = expectTargets("到2030年，森林覆盖率、湿地保护率分别达到⟦26%⟧和⟦55%⟧。")
        #expect(forest.map(\.subject) == ["森林覆盖率", "湿地保护率"])
    }

    @Test func aClauseOfANounAndItsQuantitySharesTheVerbBeforeIt() throws {
        expectTargets("力争新增龙头企业⟦3户⟧，示范合作社⟦5户⟧，省级家庭农场⟦10户⟧。")
        expectTargets("计划培育专精特新企业⟦20家⟧，单项冠军企业⟦3家⟧。")
        // Near misses: a breakdown (其中) and a report without intent.
        expectTargets("力争新增企业⟦20家⟧，其中民营企业12家。")
        expectTargets("2023年新增企业20家，民营企业12家。")
    }

    @Test func countsOfWhatTheDocumentHoldsAreNoTargets() throws {
        expectTargets("《行动计划》将实施数字基础设施、数据开发利用等八大行动和27项工程，促进产业发展。")
        expectTargets("本规划布局15个重大工程，明确分工。")
        // Near miss: a plan reported as setting a count sets a goal.
        expectTargets("《规划》提出建设⟦50个⟧乡村振兴示范村。")
    }

    @Test func aListOfCountsWithAttributesKeepsEachCountAndNoAttribute() throws {
        let villages = expectTargets("自2024年起，力争培育⟦1个⟧以上年收入超过500万元的村、⟦8个⟧以上年收入超过100万元的村。")
        #expect(villages.count == 2)
        let firms = expectTargets("培育⟦12家⟧千亿级龙头企业、⟦10家⟧百亿级骨干企业、一批专精特新企业。")
        #expect(firms.count == 2 && !firms.contains { $0.subject.contains("一批") })
        // Near miss: a list of measures with one head still splits (one value for each).
        let shares = expectTargets("到2025年，畜禽粪污资源化利用率、农膜回收利用率达到⟦80%⟧以上。")
        #expect(shares.count == 2)
    }

    @Test func fundsArrangedThroughANounOfMoneyAreCommitted() throws {
        expectTargets("围绕重大项目建设，市财政安排预算资金⟦8500万元⟧。")
        expectTargets("支持园区基础设施建设，第一季度发行专项债券⟦2000万元⟧。")
        expectTargets("县级财政统筹整合涉农资金⟦1.2亿元⟧，支持产业发展。")
        // Near miss: the same shape in a report of a past year.
        expectTargets("2022年全市发行专项债券50亿元，支持项目120个。")
    }
}

/// Which passage reports the past: a review heading or opening phrase, until the next heading.
@Suite struct PassageTenseTests {
    @Test func reviewHeadingsAndOpeningsSetThePast() {
        var tense = PassageTense()
        let sentences = ["一、2024年工作回顾", "全市生产总值增长5.8%。", "二、2025年主要目标和重点任务", "地区生产总值增长5%左右。",
                         "过去五年，全县累计完成投资320亿元。", "（三）坚持扩大内需", "城镇新增就业2万人以上。"]
        var past: [Bool] = []
        for sentence in sentences { past.append(tense.observe(ScalarSpan(sentence)) == .past) }
        #expect(past == [true, true, false, false, true, false, false])
    }

    @Test func aHeadingAboutWhatIsToBeDoneGivesItsYear() {
        var tense = PassageTense()
        tense.observe(ScalarSpan("一、2024年工作回顾"))
        #expect(tense.headingYear == nil)
        tense.observe(ScalarSpan("二、2025 年经济社会发展总体要求"))
        #expect(tense.headingYear == 2025)
        tense.observe(ScalarSpan("全市生产总值增长5%左右。"))
        #expect(tense.headingYear == 2025)
        tense.reset()
        #expect(tense.headingYear == nil)
    }

    @Test func aReportOfFiguresAlreadyCountedIsAReview() {
        // A news report of statistics and a provincial bulletin: what follows is counted, not committed to.
        var news = PassageTense()
        #expect(news.observe(ScalarSpan("据初步统计，2023年全市规模以上工业增加值增长6.5%，研发投入强度提升到2.8%。")) == .past)
        #expect(news.observe(ScalarSpan("全市新增市场主体3.2万户。")) == .past)
        var bulletin = PassageTense()
        #expect(bulletin.observe(ScalarSpan("初步核算，全年全省地区生产总值比上年增长5.2%。")) == .past)
        // Near miss: a goal to be reached first (初步建成) opens no review.
        var goal = PassageTense()
        #expect(goal.observe(ScalarSpan("到2025年，初步建成覆盖城乡的公共服务体系，基本公共服务均等化水平达到80%。")) != .past)
    }

    @Test func aLongSentenceIsNoHeading() {
        var tense = PassageTense()
        tense.observe(ScalarSpan("一年来，我们坚持稳中求进工作总基调。"))
        let stillPast = tense.observe(ScalarSpan("全市地区生产总值增长5.5%左右，一般公共预算收入增长4%，城镇调查失业率控制在5.5%以内。"))
        #expect(stillPast == .past)
    }

    @Test func anAnnouncedListOfIndicatorsIsAGoalPassage() {
        var tense = PassageTense()
        let deadline: (ScalarSpan) -> Int? = { TargetExtractor().goalListDeadline($0) }
        // The announcing sentence itself (its counts: 12个部门) is no part of the list.
        #expect(tense.observe(ScalarSpan("由12个部门联合编制的规划明确了“十四五”时期全省生态环境保护主要指标——"), deadline: deadline) == .other)
        #expect(tense.observe(ScalarSpan("在大气环境方面，细颗粒物浓度下降10%。"), deadline: deadline) == .goals(deadline: 2025))
        #expect(tense.observe(ScalarSpan("三、重点任务"), deadline: deadline) == .other)
        // A plan period named anywhere in the opening is the list's deadline.
        #expect(tense.observe(ScalarSpan("方案提出了“十五五”全省数字经济发展主要指标——"), deadline: deadline) == .other)
        #expect(tense.passage == .goals(deadline: 2030))
        // A heading that names goals opens a goal passage too; one that does not closes it.
        #expect(tense.observe(ScalarSpan("二、发展目标"), deadline: deadline) == .goals(deadline: nil))
        // Near miss: a sentence that only mentions goals and announces nothing.
        var other = PassageTense()
        #expect(other.observe(ScalarSpan("各地要围绕主要目标抓好落实，确保完成全年任务。"), deadline: deadline) == .other)
    }
}
