import PolicyOntology
import PolicyText

/// The issuer code of a 文号 (the part of its prefix that names the issuing body: 国办, 苏政, 六盘水府办, 镇政) read
/// against a body's name, by rule: a code is written from the body's region (a character of its name, or a
/// province's one-character 简称) followed by a character of the body (政/府 for a people's government, 办 for its
/// office, 署 for an administrative office, else the first character of its domain: 财 for 财政局, 教 for 教育局).
/// It cross-checks an issuer read where the document says less than a 署名 does (a title that starts with a body
/// name and no 关于), never names a body by itself.
///
///     issuerCode → regionCharacter? bodyCharacter …      (苏 政 | 六盘水 府 办 | 镇 政 | 财 | 国 办)
enum IssuerCode {
    /// The one-character 简称 of the provincial divisions (GB/T 2260 abbreviations), by the province's canonical name.
    static let provinceShortNames: [String: Character] = [
        "北京市": "京", "天津市": "津", "河北省": "冀", "山西省": "晋", "内蒙古自治区": "蒙", "辽宁省": "辽", "吉林省": "吉",
        "黑龙江省": "黑", "上海市": "沪", "江苏省": "苏", "浙江省": "浙", "安徽省": "皖", "福建省": "闽", "江西省": "赣",
        "山东省": "鲁", "河南省": "豫", "湖北省": "鄂", "湖南省": "湘", "广东省": "粤", "广西壮族自治区": "桂", "海南省": "琼",
        "重庆市": "渝", "四川省": "川", "贵州省": "黔", "云南省": "云", "西藏自治区": "藏", "陕西省": "陕", "甘肃省": "甘",
        "青海省": "青", "宁夏回族自治区": "宁", "新疆维吾尔自治区": "新",
    ]

    /// The province a 文号's code names when the issuer is written with its level word alone — a provincial body's
    /// own title ("自治区人民政府办公厅关于…" with 宁政办发〔…〕, "省人民政府关于…" with 皖政〔…〕): the code's first
    /// character is the 简称 of exactly one province of that level, and a government character (政, 府, 办) follows it.
    /// Nil when the title does not start with a level word, or the code is a city's (宁政发 of 南京 under "市…").
    ///
    ///     levelCode → ('省' | '自治区') body …  with  code → provinceShortName ('政' | '府' | '办') …
    static func province(statedBy number: DocumentNumber, forTitle title: String) -> String? {
        let levelWord: String
        if title.hasPrefix("自治区") { levelWord = "自治区" }
        else if title.hasPrefix("省"), let next = title.dropFirst().first, !"级内外直委属".contains(next) { levelWord = "省" }
        else { return nil }
        let code = Array(number.prefix)
        guard code.count >= 2, "政府办".contains(code[1]) else { return nil }
        let provinces = provinceShortNames.filter { $0.value == code[0] && $0.key.hasSuffix(levelWord) }
        return provinces.count == 1 ? provinces.first?.key : nil
    }

    /// Level words a body's name may open with in place of its division ("市政府办公厅", "县人民政府").
    static let levelWords = ["自治州", "市", "县", "区", "州", "盟", "旗"]

    /// The division a 文号's code names for a body the document writes with its level word alone — a page's 发文机关
    /// or 发布单位 "市政府办公厅" over the document's own 某政办函〔…〕: the code's first character starts the name of
    /// exactly one division whose name ends with that level word (within `province` when the document names one),
    /// and a government character (政, 府, 办) follows it. Nil when none or several do.
    ///
    ///     levelCode → levelWord body …  with  code → divisionInitial ('政' | '府' | '办') …
    static func division(statedBy number: DocumentNumber, levelWord: String, among regions: [Region], province: String?) -> Region? {
        let code = Array(number.prefix)
        guard code.count >= 2, "政府办".contains(code[1]), levelWords.contains(levelWord) else { return nil }
        let provincePrefix = province.map { String($0.prefix(2)) }
        let found = regions.filter { r in
            guard r.level == .prefecture || r.level == .county, let c = r.code, r.canonical.hasSuffix(levelWord),
                  r.canonical.count > levelWord.count, r.canonical.first == code[0] else { return false }
            return provincePrefix.map { c.hasPrefix($0) } ?? true
        }
        return found.count == 1 ? found[0] : nil
    }

    /// The State Council's own codes (GB/T 9704 发文机关代字 of 国务院 and its General Office): a fact of the format.
    static let stateCouncilCodes: [String: String] = ["国发": "国务院", "国函": "国务院", "国办发": "国务院办公厅", "国办函": "国务院办公厅"]

    /// The level of the issuer an addressee line implies: a government writes to its own departments ("市政府各部门",
    /// "省直各单位", "国务院各部委"), so the level word before them is the issuer's.
    ///
    ///     ownDepartments → levelWord ('政府' | '人民政府')? ('各部门' | '各部委' | '直各单位' | '直各部门' | '各委办局')
    static func issuerLevel(ofAddressee addressee: String) -> String? {
        if addressee.contains("国务院各部委") || addressee.contains("国务院各部门") { return "国" }
        for level in ["自治区", "省", "市", "县", "区", "州", "盟", "旗"] {
            for tail in ["政府各部门", "人民政府各部门", "政府各委办局", "直各单位", "直各部门", "直属各单位"]
            where addressee.contains(level + tail) { return level }
        }
        return nil
    }

    /// The government a document that states no issuer is issued by, read from its own 文号's code and its addressee
    /// (an excerpt that lost its title and 署名): the State Council's codes as they are; a people's government's code
    /// (initial + 政 or 府, no 办) with the level its addressee implies — a province whose 简称 the initial is, or the one
    /// division of that level whose name starts with it. Nil when the code or the level does not settle one body.
    ///
    ///     untitledIssuer → stateCouncilCode | initial ('政' | '府') category  with  addressee → … levelWord ownDepartments
    static func government(statedBy number: DocumentNumber, addressee: String?, among regions: [Region]) -> String? {
        if let body = stateCouncilCodes[number.prefix] { return addressee.flatMap(issuerLevel(ofAddressee:)).map { $0 == "国" } ?? true ? body : nil }
        let code = Array(number.prefix)
        guard code.count >= 2, code[1] == "政" || code[1] == "府", !code.contains("办"),
              let level = addressee.flatMap(issuerLevel(ofAddressee:)), level != "国" else { return nil }
        if level == "省" || level == "自治区" {
            let provinces = provinceShortNames.filter { $0.value == code[0] && $0.key.hasSuffix(level) }
            return provinces.count == 1 ? provinces.first!.key + "人民政府" : nil
        }
        return division(statedBy: number, levelWord: level, among: regions, province: nil).map { $0.canonical + "人民政府" }
    }

    /// Characters of a division's name that stand for it in a code: its name without the level word (市, 县, 区, 地区,
    /// 盟, 自治州 …), and the province's 简称.
    static func regionCharacters(_ written: String, canonical: String?) -> Set<Character> {
        var name = written
        for suffix in ["自治州", "自治县", "自治区", "地区", "新区", "省", "市", "县", "区", "盟", "州", "旗"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
            break
        }
        var out = Set(name)
        if let canonical, let short = provinceShortNames[canonical] { out.insert(short) }
        return out
    }

    /// Characters that name a body of this head in a code.
    static func bodyCharacters(head: String, domain: String) -> Set<Character> {
        if head.hasSuffix("行政公署") { return ["署", "行"] }
        if head.hasPrefix("行政公署") { return ["署", "办"] }
        if head == "人民政府" || head == "政府" { return ["政", "府"] }
        // (The office of a government writes 政办 or 府办.)
        if head.hasSuffix("办公厅") || head.hasSuffix("办公室") { return domain.isEmpty || domain.hasSuffix("政府") ? ["政", "府", "办"] : Set(domain.prefix(1)) }
        return domain.first.map { [$0] } ?? []
    }

    /// True when the code of `number` is written from `body` (see the type's rule).
    static func agrees(_ number: DocumentNumber, with body: BodyParse, regionCanonical: String?) -> Bool {
        let code = Array(number.prefix)
        guard code.count >= 2, let regionPart = body.regionPart else { return false }
        let regionChars = regionCharacters(regionPart, canonical: regionCanonical)
        // The region's characters lead the code; the body's character follows them.
        var i = 0
        while i < code.count, regionChars.contains(code[i]) { i += 1 }
        guard i > 0, i < code.count else { return false }
        let afterRegion = String(body.surface.dropFirst(regionPart.count))
        let domain = String(afterRegion.dropLast(body.head.count))
        let bodyChars = bodyCharacters(head: body.head, domain: domain.hasSuffix("人民政府") || domain.hasSuffix("政府") ? "政府" : domain)
        return bodyChars.contains(code[i])
    }
}
