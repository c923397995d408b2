import PolicyCore
import PolicyOntology

/// One official body name read by `BodyGrammar`: where it is, which production read it, and the parts the parse
/// found (region as written, head), from which the canonical name and the parent body are built.
struct BodyParse: Sendable, Hashable {
    /// The grammar's productions. Confidence is a property of the production, not of the call site.
    enum Production: Sendable, Hashable {
        /// The whole name is a gazetteer name or alias (国家发展改革委).
        case gazetteer
        /// region localSuffix: a known region and a suffix of `local_body_suffixes.tsv` (江苏省 + 工信厅).
        case localSuffix
        /// party-organ → ('中共' | '中国共产党')? region '委' domain head (中共成都市委社会工作部).
        case partyOrgan
        /// vertical → centralBody region domain* head (国家税务总局江苏省税务局, 人民银行济南分行).
        case vertical
        /// sub-unit → centralBody domain+ head (科技部火炬中心, 国家统计局万载调查队).
        case subUnit
        /// regional → region+ domain* head (金华市婺城区人民政府, 天水市中级人民法院).
        case regional
        /// implicit → ('省' | '市' | '县' | '区' | '州' | '自治区') (localSuffix | domain* head), the region taken
        /// from the document (省财政厅 in a 江苏 notice); written as is and incomplete when the document names none.
        case implicitRegion
        /// standalone → domain{2,} strongHead (某某行业协会, 某某开发区管理委员会).
        case standalone

        var confidence: Double {
            switch self {
            case .gazetteer: return 1
            case .localSuffix: return 0.9
            case .partyOrgan, .vertical, .subUnit: return 0.85
            case .regional, .implicitRegion: return 0.8
            case .standalone: return 0.7
            }
        }

        /// What a tiling pays for reading a stretch as this body: a name read by a narrower production costs less,
        /// so one vertical body (国家税务总局江苏省税务局) beats a central body and a local one, and two known bodies
        /// (财政部 科技部) beat one invented name.
        var cost: Double {
            switch self {
            case .gazetteer, .localSuffix: return 1
            case .vertical: return 0.9
            case .partyOrgan, .subUnit: return 1.2
            case .regional: return 1.5
            case .implicitRegion: return 1.6
            case .standalone: return 2.5
            }
        }
    }

    var production: Production
    /// Scalar range of the name in the scalars it was read from.
    var range: Range<Int>
    var surface: String
    var canonical: String
    var parent: String?
    var level: AgencyLevel?
    /// The region part as written (nil when the name has none).
    var regionPart: String?
    var head: String
    /// False when the name stands for a body whose region the text never gives (市人民政府 with no city).
    var complete: Bool
    var confidence: Double { production.confidence }
    var nodeID: String { "agency:" + canonical }
}

/// The grammar of Chinese official body names (GB/T 9704 发文机关 names and the standard naming of party,
/// government, judicial and vertical bodies):
///
///     body     → gazetteer | partyOrgan | vertical | subUnit | regional | implicit | standalone
///     regional → region+ domain* head          head from body_heads.tsv, or a local suffix after the region
///     region   → knownRegion | implicitRegion('省' | '市' | '县' | '区' | '州' | '自治区')
///     domain   → Han character that is no head, no function word and no second body
///
/// It reads names at issuer positions — a title before 关于, a signature line, the bodies before an issuance verb —
/// where the position says a body stands and the grammar says where each name starts and ends. The gazetteer only
/// canonicalises (aliases, renamed bodies); names no list holds are read by their shape.
struct BodyGrammar: Sendable {
    let ontology: Ontology
    /// Heads, longest first.
    private let heads: [(scalars: [Unicode.Scalar], head: BodyHead)]
    /// Local suffixes by surface.
    private let suffixes: [String: LocalBodySuffix]
    private let genericRoles: Set<String>
    /// The last scalars of every head and local suffix: a stretch ending in none of them is no body unless the
    /// gazetteer names it (one set test before any parse).
    private let lastScalars: ScalarSet

    init(ontology: Ontology) {
        self.ontology = ontology
        heads = ontology.bodyHeads.map { (Array($0.head.unicodeScalars), $0) }.sorted { $0.scalars.count > $1.scalars.count }
        var suffixes: [String: LocalBodySuffix] = [:]
        for s in ontology.localBodySuffixes where suffixes[s.surface] == nil { suffixes[s.surface] = s }
        self.suffixes = suffixes
        genericRoles = Set(ontology.genericRoles)
        lastScalars = ScalarSet(String(String.UnicodeScalarView(
            (ontology.bodyHeads.map(\.head) + ontology.localBodySuffixes.map(\.surface)).compactMap { $0.unicodeScalars.last })))
    }

    private static let partyPrefixes = ["中国共产党", "中共"].map(scalars)
    private static let implicitRegionWords: [(word: [Unicode.Scalar], level: RegionLevel)] =
        AgencyPatterns.implicitRegionWords.map { (scalars($0.word), $0.level) }.sorted { $0.word.count > $1.word.count }
    /// Words that start a phrase naming a class of bodies, never one body (各省财政厅, 有关市人民政府, 省级财政部门).
    private static let classWords = ["各", "有关", "相关", "全国", "地方", "本", "我", "该", "其", "上级", "下级", "同级",
                                     "省级", "市级", "县级", "区级", "乡级", "国家级", "所在地", "当地", "属地"].map(scalars)
    /// Characters that glue onto an implicit region word into another word (市场, 省级, 区域, 县域, 市民, 市长).
    private static let implicitWordContinuations = ScalarSet("场级域内外属民县区乡镇长直辖")
    /// Characters a domain word never holds: function words and punctuation-like Han characters (关于, 的, 等 …).
    private static let domainBreakers = ScalarSet("的了是对在为将由从向把被等及或于并与其各该本我这那之所")
    /// Heads that end a body inside another one's domain: a domain holding one is two bodies run together.
    private static let domainHeads = ScalarSet("部厅局署府司处")
    private static let domainHeadWords = ["委员会", "政府", "办公厅", "办公室", "海关", "法院", "检察院", "分行", "支行"].map(scalars)
    /// Heads that can name a unit under a central body (司, 局, 中心, 办公厅, 调查队 …), not 部 or 委.
    private static let subUnitKinds: Set<BodyHead.Kind> = [.office, .bureau, .centre, .team, .branch, .customs, .court, .procuratorate]

    /// `s[r]` read as exactly one body name, by the narrowest production that accepts it; nil when none does.
    func body(_ s: [Unicode.Scalar], _ r: Range<Int>, context: Region?) -> BodyParse? {
        guard r.count >= 2, r.count <= 40 else { return nil }
        let text = string(s, r)
        if genericRoles.contains(text) { return nil }
        let known = ontology.agency(named: text)
        guard known != nil || lastScalars.contains(s[r.upperBound - 1].value) else { return nil }
        if let known {
            return BodyParse(production: .gazetteer, range: r, surface: text, canonical: known.canonical, parent: known.parent,
                             level: known.level, regionPart: nil, head: "", complete: true)
        }
        for word in Self.classWords where scalarsMatch(s, word, at: r.lowerBound) { return nil }
        var p = r.lowerBound
        var party = false
        for prefix in Self.partyPrefixes where scalarsMatch(s, prefix, at: p) && p + prefix.count < r.upperBound {
            p += prefix.count
            party = true
            break
        }
        // A known central body first: its branch (vertical) or unit (sub-unit).
        if !party, let central = longestAgencyPrefix(s, p..<r.upperBound), central.agency.level == .central || central.agency.level == .party {
            if let parse = underCentral(s, r, central.end, central.agency, context: context) { return parse }
        }
        // Regions (金华市婺城区), else an implicit region word (省, 市 …). Of the region names the text may start
        // with, a local suffix after a shorter one wins (上海 + 市场监管局 over 上海市 + 场监管局).
        var firstReading: BodyParse? = nil
        for first in regionPrefixes(s, p..<r.upperBound, context: context) {
            var regions = [first]
            var q = first.range.upperBound
            while regions.count < 3, let next = regionPrefixes(s, q..<r.upperBound, context: regions.last?.region).first {
                regions.append(next)
                q = next.range.upperBound
            }
            guard let parse = regional(s, r, regions: regions, restStart: q, party: party, written: text, region: regions.last!.region)
            else { continue }
            if parse.production != .regional { return parse }
            if firstReading == nil { firstReading = parse }
        }
        if let firstReading { return firstReading }
        guard !party else { return nil }
        for (word, level) in Self.implicitRegionWords where scalarsMatch(s, word, at: p) && p + word.count < r.upperBound {
            // 市场, 省级, 区域, 县域: the word starts another word, not a body name.
            if Self.implicitWordContinuations.contains(s[p + word.count].value) { return nil }
            return implicit(s, r, restStart: p + word.count, word: word, level: level, context: context, written: text)
        }
        // No region, no known parent: descriptive words and a strong head.
        guard let (head, domain) = headAndDomain(s, p..<r.upperBound), head.strong, domain.count >= 2 else { return nil }
        return BodyParse(production: .standalone, range: r, surface: text, canonical: text, parent: nil, level: nil,
                         regionPart: nil, head: head.head, complete: true)
    }

    /// `s[r]` read as one body whose region the caller has already read (`s[r.lowerBound ..< regionEnd]` names
    /// `region`): the `regional` and `partyOrgan` productions only, without looking the start up again.
    func body(afterRegion region: Region, regionEnd: Int, _ s: [Unicode.Scalar], _ r: Range<Int>, context: Region?) -> BodyParse? {
        guard regionEnd < r.upperBound, lastScalars.contains(s[r.upperBound - 1].value) else { return nil }
        var regions = [(region: region, range: r.lowerBound..<regionEnd)]
        var q = regionEnd
        while regions.count < 3, let next = regionPrefixes(s, q..<r.upperBound, context: regions.last?.region).first {
            regions.append(next)
            q = next.range.upperBound
        }
        return regional(s, r, regions: regions, restStart: q, party: false, written: string(s, r), region: regions.last!.region)
    }

    /// vertical → centralBody region domain* head; sub-unit → centralBody domain+ head.
    private func underCentral(_ s: [Unicode.Scalar], _ r: Range<Int>, _ centralEnd: Int, _ central: Agency, context: Region?) -> BodyParse? {
        let rest = centralEnd..<r.upperBound
        guard rest.count >= 2 else { return nil }
        // 财政部科技部, 农业农村部国家乡村振兴局: two bodies written together, not a unit of the first.
        if longestAgencyPrefix(s, rest) != nil { return nil }
        guard let (head, domain) = headAndDomain(s, rest), Self.subUnitKinds.contains(head.kind) || head.kind == .bureau else { return nil }
        let text = string(s, r)
        let written = string(s, rest)
        let region = regionPrefixes(s, rest, context: context).first
        if let region, region.range.upperBound <= domain.upperBound || domain.isEmpty {
            let regionWritten = string(s, region.range)
            return BodyParse(production: .vertical, range: r, surface: text, canonical: canonicalize(central.canonical + written),
                             parent: central.canonical, level: AgencyPatterns.agencyLevel(for: region.region.level),
                             regionPart: regionWritten, head: head.head, complete: true)
        }
        guard !domain.isEmpty else { return nil }
        return BodyParse(production: .subUnit, range: r, surface: text, canonical: canonicalize(central.canonical + written),
                         parent: central.canonical, level: central.level, regionPart: nil, head: head.head, complete: true)
    }

    /// regional → region+ (localSuffix | '委' domain* head | domain* head).
    private func regional(_ s: [Unicode.Scalar], _ r: Range<Int>, regions: [(region: Region, range: Range<Int>)], restStart: Int,
                          party: Bool, written: String, region: Region) -> BodyParse? {
        let regionFull = fullName(regions.map(\.region))
        let regionWritten = string(s, regions[0].range.lowerBound..<restStart)
        let level = AgencyPatterns.agencyLevel(for: region.level)
        let rest = restStart..<r.upperBound
        guard !rest.isEmpty else { return nil }
        let restText = string(s, rest)
        if let suffix = suffixes[restText], suffix.levels.contains(region.level) {
            // (A party suffix takes 中共 itself; a government suffix after 中共 is no name.)
            let canonical = AgencyPatterns.expand(suffix.template, region: regionFull, short: region.aliases.first)
            if party && !canonical.hasPrefix("中共") { return nil }
            return known(BodyParse(production: .localSuffix, range: r, surface: written, canonical: canonical,
                                   parent: AgencyPatterns.parent(of: suffix, region: regionFull), level: level,
                                   regionPart: regionWritten, head: restText, complete: true))
        }
        // 中共成都市委社会工作部, 成都市委办公室: an organ of the region's party committee.
        if s[restStart] == "委", restStart + 1 < r.upperBound, let (head, _) = headAndDomain(s, (restStart + 1)..<r.upperBound),
           head.kind != .government {
            let committee = "中共" + regionFull + "委员会"
            return known(BodyParse(production: .partyOrgan, range: r, surface: written,
                                   canonical: "中共" + regionFull + "委" + string(s, (restStart + 1)..<r.upperBound),
                                   parent: committee, level: level, regionPart: regionWritten, head: head.head, complete: true))
        }
        guard !party, let (head, _) = headAndDomain(s, rest) else { return nil }
        // A region written by its short name before descriptive words may be part of another place's name
        // (天津 + 港保税区…): the name stays as written.
        let writtenShort = regions.count == 1 && regionWritten != regions[0].region.canonical
        let canonical = writtenShort ? written : regionFull + restText
        let parent: String? = switch head.kind {
        case .government, .court, .procuratorate, .party, .association, .company, .customs, .branch, .team: nil
        default: regionFull + "人民政府"
        }
        return known(BodyParse(production: .regional, range: r, surface: written, canonical: canonical, parent: parent,
                               level: level, regionPart: regionWritten, head: head.head, complete: true))
    }

    /// implicit → implicitRegion (localSuffix | domain* head), resolved by the document's region or left generic.
    private func implicit(_ s: [Unicode.Scalar], _ r: Range<Int>, restStart: Int, word: [Unicode.Scalar], level: RegionLevel,
                          context: Region?, written: String) -> BodyParse? {
        let rest = restStart..<r.upperBound
        let restText = string(s, rest)
        let suffix = suffixes[restText].flatMap { $0.levels.contains(level) ? $0 : nil }
        let head = headAndDomain(s, rest)?.head
        guard suffix != nil || head != nil else { return nil }
        // 市人民政府 (no head words), 区委 …: the head alone after the word is a body only through a local suffix or
        // with domain words.
        guard let region = Self.implicitRegion(level: level, context: context, ontology: ontology) else {
            return BodyParse(production: .implicitRegion, range: r, surface: written, canonical: written, parent: nil,
                             level: AgencyPatterns.agencyLevel(for: level), regionPart: String(String.UnicodeScalarView(word)),
                             head: head?.head ?? restText, complete: false)
        }
        let canonical: String
        let parent: String?
        if let suffix {
            canonical = AgencyPatterns.expand(suffix.template, region: region.canonical, short: region.aliases.first)
            parent = AgencyPatterns.parent(of: suffix, region: region.canonical)
        } else {
            canonical = region.canonical + restText
            parent = head?.kind == .government ? nil : region.canonical + "人民政府"
        }
        return known(BodyParse(production: .implicitRegion, range: r, surface: written, canonical: canonical, parent: parent,
                               level: AgencyPatterns.agencyLevel(for: level), regionPart: String(String.UnicodeScalarView(word)),
                               head: head?.head ?? restText, complete: true))
    }

    /// The region an implicit word (省, 市, 县) stands for, given the document's division.
    static func implicitRegion(level: RegionLevel, context: Region?, ontology: Ontology) -> Region? {
        var current = context
        while let r = current {
            if r.level == level { return r }
            current = r.parentCode.flatMap { ontology.region(code: $0) }
        }
        return nil
    }

    /// The parse with the gazetteer's canonical name, level and parent when the built name is one it knows.
    private func known(_ parse: BodyParse) -> BodyParse {
        guard let agency = ontology.agency(named: parse.canonical) else { return parse }
        var out = parse
        out.canonical = agency.canonical
        out.parent = agency.parent ?? parse.parent
        out.level = agency.level
        return out
    }

    private func canonicalize(_ name: String) -> String { ontology.agency(named: name)?.canonical ?? name }

    /// The official name of a region chain: 上海市 + 浦东新区 for a district of a municipality written alone
    /// (浦东新区人民政府 is 上海市浦东新区人民政府), else the chain's canonical names joined.
    /// A province before a city (浙江省舟山市) and a city before a county (X市Y县) are addresses, not part of the
    /// body's name; a city before its district (金华市婺城区) is.
    private func fullName(_ chain: [Region]) -> String {
        var chain = chain
        while chain.count > 1 {
            let first = chain[0], next = chain[1]
            let municipality = first.level == .province && first.canonical.hasSuffix("市")
            if first.level == .province && !municipality
                || first.level == .prefecture && next.level == .county && !next.canonical.hasSuffix("区") {
                chain.removeFirst()
                continue
            }
            break
        }
        if chain.count == 1, let only = chain.first {
            return AgencyPatterns.officialName(of: only, ontology: ontology)
        }
        return chain.map(\.canonical).joined()
    }

    /// The head the scalars `r` end with (longest first) and the domain words before it; nil when the domain holds
    /// something no body name does (a function word, a non-Han character, a second body's head).
    private func headAndDomain(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (head: BodyHead, domain: Range<Int>)? {
        for (word, head) in heads where word.count <= r.count && scalarsMatch(s, word, at: r.upperBound - word.count) {
            // (大局, 内部, 核心: the longest ending is an ordinary word, not a head.)
            if head.kind == .veto { return nil }
            let domain = r.lowerBound..<(r.upperBound - word.count)
            guard domain.count <= 16, isDomain(s, domain) else { continue }
            return (head, domain)
        }
        return nil
    }

    private func isDomain(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        for i in r {
            let c = s[i]
            guard c.isHanIdeograph || c == "（" || c == "）" else { return false }
            if Self.domainBreakers.contains(c.value) || Self.domainHeads.contains(c.value) { return false }
        }
        for i in r {
            for word in Self.domainHeadWords where i + word.count <= r.upperBound && scalarsMatch(s, word, at: i) { return false }
        }
        return true
    }

    /// The longest gazetteer agency name that `s[r]` starts with and that leaves something after it.
    private func longestAgencyPrefix(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (agency: Agency, end: Int)? {
        var k = min(r.upperBound - 1, r.lowerBound + 16)
        while k >= r.lowerBound + 2 {
            if let a = ontology.agency(named: string(s, r.lowerBound..<k)) { return (a, k) }
            k -= 1
        }
        return nil
    }

    /// The region names (divisions, not areas) that `s[r]` starts with and that leave something after them, longest
    /// first; among regions sharing a name, the one inside `context`, else the highest.
    private func regionPrefixes(_ s: [Unicode.Scalar], _ r: Range<Int>, context: Region?) -> [(region: Region, range: Range<Int>)] {
        var out: [(region: Region, range: Range<Int>)] = []
        var k = min(r.upperBound - 1, r.lowerBound + 12)
        while k >= r.lowerBound + 2 {
            let candidates = ontology.regions(named: string(s, r.lowerBound..<k)).filter { $0.level != .area }
            if !candidates.isEmpty {
                let inside = context?.code.flatMap { code in
                    candidates.first { $0.code?.hasPrefix(code.prefix(context?.level == .province ? 2 : 4)) ?? false }
                }
                let ranked = candidates.min { Self.rank($0.level) < Self.rank($1.level) }!
                out.append((inside ?? ranked, r.lowerBound..<k))
            }
            k -= 1
        }
        return out
    }

    private static func rank(_ level: RegionLevel) -> Int {
        switch level {
        case .country: return 0
        case .province: return 1
        case .prefecture: return 2
        case .county: return 3
        case .township: return 4
        case .area: return 5
        }
    }

    private func string(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[r])
        return String(view)
    }

    // MARK: - Tiling

    /// Separators between the names of bodies written in a row: spaces, 、 and commas (和/与/及 only between names).
    static func isNameSeparator(_ c: Unicode.Scalar) -> Bool {
        c.isInlineSpace || c == "、" || c == "，" || c == "," || c == "\n"
    }

    /// The bodies that exactly cover `s[r]`, in order: names written one after the other with nothing, spaces, 、
    /// or 和/与/及 between them ("财政部 科技部", "中共岳阳市委办公室岳阳市人民政府办公室"). Of all the ways to cut the
    /// stretch into names the grammar accepts, the cheapest (see `Production.cost`). Nil when some part is no name.
    func tile(_ s: [Unicode.Scalar], _ r: Range<Int>, context: Region?) -> [BodyParse]? {
        var lower = r.lowerBound, upper = r.upperBound
        while lower < upper, Self.isNameSeparator(s[lower]) { lower += 1 }
        while upper > lower, Self.isNameSeparator(s[upper - 1]) { upper -= 1 }
        guard upper - lower >= 2, upper - lower <= 400 else { return nil }
        let n = upper - lower
        // best[i]: the cheapest tiling of s[lower ..< lower + i] (with its last body), nil when none.
        var best: [(cost: Double, body: BodyParse?, from: Int)?] = Array(repeating: nil, count: n + 1)
        best[0] = (0, nil, 0)
        for i in 0..<n {
            guard let here = best[i] else { continue }
            // Separators between names (和/与/及 too, never first).
            var start = lower + i
            if i > 0 {
                while start < upper, Self.isNameSeparator(s[start]) || "和与及".unicodeScalars.contains(s[start]) { start += 1 }
            }
            guard start < upper else { continue }
            let limit = min(upper, start + 40)
            var end = start + 2
            while end <= limit {
                if let body = body(s, start..<end, context: context) {
                    let j = end - lower
                    let cost = here.cost + body.production.cost
                    if best[j] == nil || cost < best[j]!.cost { best[j] = (cost, body, i) }
                }
                end += 1
            }
        }
        guard best[n] != nil else { return nil }
        var out: [BodyParse] = []
        var j = n
        while j > 0, let step = best[j], let body = step.body {
            out.append(body)
            j = step.from
        }
        return j == 0 ? out.reversed() : nil
    }
}
