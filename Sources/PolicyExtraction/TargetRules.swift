/// Words the target extractor needs: units, comparator phrases, red-line words and the cues that tell a policy
/// target ("到2025年…达到30%以上") from a past statistic ("截至2021年…占比24.5%").
/// `standard` holds general Chinese policy vocabulary; the pipeline adds the ontology's target vocabulary to it.
public struct TargetRules: Sendable {
    /// Magnitude prefixes of units: 万亿, 亿, 万, 千, 百.
    public var magnitudes: [String]
    /// Base units, e.g. 元, 吨, 亩, 公里, 个, 家, 工作日; "%" and "个百分点" are handled too.
    public var units: [String]
    /// Comparator phrases standing before the number ("不超过10%") → "<=", ">=", "=", "<", ">".
    public var prefixComparators: [(phrase: String, symbol: String)]
    /// Comparator phrases standing after the number and unit ("10%以内", "10个工作日内").
    public var suffixComparators: [(phrase: String, symbol: String)]
    /// Words that make a limit a red line (红线, 底线, 不得超过 …).
    public var redLineWords: [String]
    /// Words that alone make a quantity a target (hard limits, time limits, commitments).
    public var strongCues: [String]
    /// Verbs that, right before a number, state something to build or reach ("建设 6个…").
    public var goalVerbs: [String]
    /// Words that make a quantity a target when the sentence also has a deadline or a modal cue.
    public var weakCues: [String]
    /// Sentence-level words of intent: 力争, 确保, 目标, 预计 …
    public var modalCues: [String]
    /// Words that mark a statistic or a forecast anywhere in the sentence before the number (截至, 同比, 预计 …).
    public var sentenceStatisticCues: [String]
    /// Words that mark a statistic inside the number's clause (已, 累计, 连续 …).
    public var clauseStatisticCues: [String]
    /// Verbs reporting what has been achieved (基本实现, 初步建成): before the number in its clause, they make it a
    /// statistic unless the sentence has a deadline or a word of intent ("到2025年，基本实现…" stays a goal).
    /// Verbs of commitment: before a quantity with a qualifier (以上, 左右 …) they state a target without a deadline
    /// ("新增光伏装机5万千瓦以上"), and they make a quantity a sibling target of one already found in the sentence.
    public var commitmentVerbs: [String] = [
        "达到", "超过", "超出", "突破", "不低于", "不少于", "控制在", "压缩至", "压缩到", "压减至", "压减到", "缩短至", "缩短到",
        "降低", "下降", "减少", "提高", "提升", "提至", "增长", "增加", "扩大", "新增", "新建", "培育", "建成", "建设", "打造",
        "创建", "确保", "严守", "保持在", "稳定在", "供应", "安排", "拿出", "提供", "减负", "保障", "实现", "完成", "完工", "覆盖", "达",
        "增至", "筹集", "整合", "培训", "收集", "推广", "引进", "实施", "治理", "整治", "扶持", "发展", "开设",
    ]
    /// Verbs that commit an amount of money right before it ("筹集3000万元", "整合5亿元"): like a verb of building
    /// before a count, they make the amount a target on their own.
    public var fundingVerbs: [String] = ["筹集", "整合", "统筹", "设立", "安排"]
    /// Verbs that commit money only through a noun of money after them ("发行专项债券2000万元"; "首期发行1亿元" reports
    /// an issue).
    public var fundingThroughNounVerbs: [String] = ["发行"]
    /// Statistic cues of a growth base or a running total (同比增长, 累计建成): in a list of goals, or after a date to
    /// meet in their sentence ("到2025年，累计建成…"), they are part of the goal, not marks of a report.
    public var goalCompatibleStatisticCues: [String] = ["同比", "累计", "比上年", "较上年"]
    /// Words that contain a modal cue and are none ("主要", "重要", "需要" hold 要 but commit nobody).
    public var nonModalWords: [String] = ["主要", "重要", "需要", "只要", "必要", "摘要", "纲要", "概要", "首要", "要素",
                                          "要点", "要闻", "要件", "要害"]
    /// Limits that make a quantity a target even in a passage about the past (不超过, 控制在…以内, 不低于 …).
    public var limitCues: [String] = ["不超过", "不高于", "不低于", "不少于", "不得超过", "不得低于", "控制在", "以内",
                                      "上限", "下限", "工作日内", "小时内", "不减少", "不能减少", "不得减少"]
    public var achievementCues: [String] = ["基本实现", "初步实现", "已经实现", "实现了", "初步建成", "基本建成", "初步形成"]

    public static let standard = TargetRules(
        magnitudes: ["万亿", "亿", "万", "千", "百"],
        units: ["%", "％", "个百分点", "个工作日", "工作日", "元", "美元", "吨", "吨公里", "标准煤", "亩", "公顷", "人", "人次", "公里", "千米",
                "米", "平方米", "平方公里", "立方米", "个", "家", "户", "所", "座", "项", "条", "辆", "台", "套", "张", "件",
                "千瓦", "千瓦时", "瓦", "标箱", "标准箱", "小时", "天", "倍", "床", "张", "部", "处", "只", "头", "株", "篇",
                "标煤", "吨标煤", "根", "名", "斤", "次", "岁", "块"],
        prefixComparators: [("不超过", "<="), ("不得超过", "<="), ("不高于", "<="), ("控制在", "<="), ("不低于", ">="),
                            ("不少于", ">="), ("至少", ">="), ("超过", ">"), ("大于", ">"), ("高于", ">"), ("小于", "<"), ("低于", "<"), ("力争达到", ">="), ("力争超过", ">"),
                            // (A value to reach is a floor: "达到95%" commits to at least 95%.)
                            ("达到", ">="), ("达", ">="), ("约", "=")],
        suffixComparators: [("以内", "<="), ("以下", "<="), ("以上", ">="), ("左右", "="), ("内", "<=")],
        redLineWords: ["红线", "底线", "不得超过", "不得低于"],
        strongCues: ["不超过", "不高于", "不低于", "不少于", "不得超过", "不得低于", "控制在", "以内", "上限",
                     "下限", "工作日内", "日内", "小时内", "力争", "确保", "不减少", "不能减少", "不得减少"],
        goalVerbs: ["建设", "建成", "新增", "新建", "培育", "打造", "改造", "创建", "布局", "培养", "认定", "扶持", "治理", "整治"],
        weakCues: ["达到", "达", "超过", "超出", "增长", "增至", "提高", "提升", "降低", "下降", "减少", "增加", "年均", "比重",
                   "占比", "突破", "保持在", "稳定在"],
        modalCues: ["力争", "确保", "目标", "预期", "争取", "计划", "要", "努力", "必须", "应当"],
        sentenceStatisticCues: ["截至", "截止", "同比", "去年", "上年同期", "数据显示", "统计显示", "据统计", "已", "现有", "目前", "累计",
                                "预测", "预计", "上调", "下调", "初步统计", "初步核算"],
        clauseStatisticCues: ["连续", "其中", "比上年", "较上年", "仅", "分别为", "了", "曾", "简称"])

    /// Adds words not yet present (used to merge the ontology's vocabulary). Range phrases ("至", "—") are
    /// left to the extractor's own range detection.
    public mutating func add(units: [String] = [], prefixComparators: [(String, String)] = [],
                             suffixComparators: [(String, String)] = [], redLineWords: [String] = []) {
        for u in units where !self.units.contains(u) { self.units.append(u) }
        for c in prefixComparators where c.1 != "range" && !self.prefixComparators.contains(where: { $0.phrase == c.0 }) {
            self.prefixComparators.append((c.0, c.1))
        }
        for c in suffixComparators where c.1 != "range" && !self.suffixComparators.contains(where: { $0.phrase == c.0 }) {
            self.suffixComparators.append((c.0, c.1))
        }
        for w in redLineWords where !self.redLineWords.contains(w) { self.redLineWords.append(w) }
    }
}
