import PolicyCore
import PolicyGrammar
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
        /// A name going on with 委 is the implicit form of a party organ (省委政策研究室 → 中共某省委政策研究室).
        case implicitRegion
        /// standalone → domain{2,} strongHead (某某行业协会, 某某开发区管理委员会).
        case standalone
        /// unit → body ('管理委员会' | '人民政府' | …) domain+ head (某某开发区管理委员会党政综合办公室).
        case unitOfBody
        /// partyWorkingCommittee → party domain{2,} '工作委员会' (中共某某新区工作委员会, 中共某某市直属机关工作委员会).
        case partyWorkingCommittee

        var confidence: Double {
            switch self {
            case .gazetteer: return 1
            case .localSuffix: return 0.9
            case .partyOrgan, .vertical, .subUnit, .unitOfBody, .partyWorkingCommittee: return 0.85
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
            case .partyOrgan, .subUnit, .unitOfBody, .partyWorkingCommittee: return 1.2
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
/// government, judicial and vertical bodies), written in `PolicyGrammar` productions:
///
///     body        → gazetteer | localSuffix | partyOrgan | vertical | subUnit | regional | implicit | standalone
///     localSuffix → party? region{1,3} suffix                  suffix from local_body_suffixes.tsv
///     partyOrgan  → party? region{1,3} '委' domain* head       (中共成都市委社会工作部)
///     vertical    → centralBody region domain* head            (国家税务总局江苏省税务局, 人民银行济南分行)
///     subUnit     → centralBody domain+ head                   (科技部火炬中心, 国家统计局万载调查队)
///     regional    → region{1,3} domain* head                   (金华市婺城区人民政府, 成都市中级人民法院)
///     implicit    → implicitRegion (suffix | domain* head)     (省财政厅; 市人民政府 stays generic)
///     standalone  → domain{2,} strongHead                      (某某开发区管理委员会, 某某行业协会)
///     partyWorkingCommittee → party domain{2,} '工作委员会'     (中共某某新区工作委员会: a zone's or a system's Party body)
///     domain      → Han character, no function word, no second body's head, not where a head ends the name
///     head        → word of body_heads.tsv (longest that ends the name; a veto word there rejects it)
///
/// It reads names at issuer positions — a title before 关于, a signature line, the bodies before an issuance verb —
/// where the position says a body stands and the grammar says where each name starts and ends. Captures (region part, head, parent body) build the canonical name; the
/// gazetteer only canonicalises (aliases, renamed bodies); names no list holds are read by their shape.
final class BodyGrammar: Sendable {
    let ontology: Ontology
    private let heads: WordSet<BodyHead>
    private let suffixes: WordSet<LocalBodySuffix>
    private let genericRoles: Set<String>
    /// The last scalars of every head and local suffix: a stretch ending in none of them is no body unless the
    /// gazetteer names it (one set test before any parse).
    private let lastScalars: ScalarSet
    /// The words every production but the gazetteer's ends a name with: the heads, the local suffixes and
    /// `workingCommittee` (a stretch that none of them ends is read by the gazetteer or by nothing).
    private let nameEndings: WordSet<Void>
    /// `lastScalars` and the last scalars of every gazetteer agency name: where any body name can end.
    private let nameEnds: ScalarSet
    /// The gazetteer's central and party body names (a branch or unit of one may follow them).
    private let centralNames: WordSet<Void>
    private let localSuffix, partyOrgan, vertical, subUnit, regional, implicit, standalone, partyWorkingCommittee: Production
    /// The words of a unit's name between its parent body and its head: domain characters, no region's name.
    private let unitWords: Pattern

    init(ontology: Ontology) {
        self.ontology = ontology
        let heads = WordSet(ontology.bodyHeads.map { ($0.head, $0) })
        let suffixes = WordSet(ontology.localBodySuffixes.map { ($0.surface, $0) })
        self.heads = heads
        self.suffixes = suffixes
        genericRoles = Set(ontology.genericRoles)
        nameEndings = WordSet(ontology.bodyHeads.map(\.head) + ontology.localBodySuffixes.map(\.surface) + [Self.workingCommittee])
        lastScalars = ScalarSet(String(String.UnicodeScalarView(
            (ontology.bodyHeads.map(\.head) + ontology.localBodySuffixes.map(\.surface)).compactMap { $0.unicodeScalars.last })))

        nameEnds = ScalarSet(String(String.UnicodeScalarView(
            (ontology.bodyHeads.map(\.head) + ontology.localBodySuffixes.map(\.surface) + ontology.agencies.flatMap(\.allNames))
                .compactMap { $0.unicodeScalars.last })))
        let end = Pattern.not(.scalar(.any))
        let party = Pattern.capture("party", .word(["中国共产党", "中共"]))
        // Gazetteer names as word sets, matched in place (no string is built per position): divisions (not areas),
        // and agencies by the level of the agency each name denotes (canonical names before aliases, as the
        // ontology's own index resolves them).
        let divisionNames = WordSet(ontology.regions.filter { $0.level != .area }.flatMap(\.allNames)
            .filter { (2...12).contains($0.unicodeScalars.count) })
        let agencyNames = WordSet((ontology.agencies.map { ($0.canonical, $0.level) }
                                   + ontology.agencies.flatMap { a in a.aliases.map { ($0, a.level) } })
            .filter { (2...16).contains($0.0.unicodeScalars.count) })
        let centralNames = WordSet(agencyNames.entries.filter { $0.value == .central || $0.value == .party }.map { ($0.word, ()) })
        self.centralNames = centralNames
        // A name must leave something after it (a body's head follows): the words end before `limit - 1`.
        let region = Pattern.capture("region", .custom("region", startingWith: divisionNames.firstScalars) { text, i, limit in
            divisionNames.matches(in: text, at: i, end: limit - 1).map(\.end)
        })
        let regions = Pattern.repeat(region, 1...3)
        let central = Pattern.capture("parent", .custom("central body", startingWith: centralNames.firstScalars) { text, i, limit in
            centralNames.matches(in: text, at: i, end: limit - 1).map(\.end)
        })
        // 财政部科技部, 农业农村部国家乡村振兴局: two bodies written together, not a unit of the first.
        let noSecondBody = Pattern.not(.custom("agency") { text, i, limit in
            agencyNames.matches(in: text, at: i, end: limit - 1).map(\.end)
        })
        let headToEnd = Pattern.sequence(.word(in: heads), end)
        let domainCharacter = Pattern.sequence(.not(headToEnd), .not(.word(Self.domainHeadWords)), .scalar(Self.domainClass))
        let domain = Pattern.capture("domain", .repeat(domainCharacter, 0...16))
        let head = Pattern.sequence(.capture("head", .word(in: heads)), end)

        unitWords = .sequence(.repeat(.sequence(.not(region), domainCharacter), 1...10), end)
        localSuffix = Production("local suffix", grammar: "localSuffix → party? region{1,3} suffix", confidence: BodyParse.Production.localSuffix.confidence,
                                 .sequence(.optional(party), regions, .capture("suffix", .word(in: suffixes)), end))
        partyOrgan = Production("party organ", grammar: "partyOrgan → party? region{1,3} '委' domain* head", confidence: BodyParse.Production.partyOrgan.confidence,
                                .sequence(.optional(party), regions, .literal("委"), domain, head))
        vertical = Production("vertical body", grammar: "vertical → centralBody region domain* head", confidence: BodyParse.Production.vertical.confidence,
                              .sequence(central, noSecondBody, region, domain, head))
        subUnit = Production("unit of a central body", grammar: "subUnit → centralBody domain+ head", confidence: BodyParse.Production.subUnit.confidence,
                             .sequence(central, noSecondBody, .capture("domain", .repeat(domainCharacter, 1...16)), head))
        regional = Production("regional body", grammar: "regional → region{1,3} domain* head", confidence: BodyParse.Production.regional.confidence,
                              .sequence(regions, domain, head))
        let implicitWord = Pattern.capture("implicit", .word(in: WordSet(AgencyPatterns.implicitRegionWords.map { ($0.word, $0.level) })))
        implicit = Production("implicit region", grammar: "implicit → implicitRegion (suffix | domain* head)", confidence: BodyParse.Production.implicitRegion.confidence,
                              .sequence(implicitWord, .not(.scalar(Self.implicitWordContinuations)),
                                        .choice(.sequence(.capture("suffix", .word(in: suffixes)), end), .sequence(domain, head))))
        // A Party working committee (工委) of a new area, a development zone or a system of organs: 中共 + the words of
        // what it leads + 工作委员会; the words may hold a region (中共某某省直属机关工作委员会).
        partyWorkingCommittee = Production("party working committee", grammar: "partyWorkingCommittee → party domain{2,} '工作委员会'",
                                           confidence: BodyParse.Production.partyWorkingCommittee.confidence,
                                           .sequence(party, .capture("domain", .repeat(domainCharacter, 2...16)),
                                                     .capture("head", .literal(Self.workingCommittee)), end))
        // (A name starting with 省/市/县 … is read by `implicit` or by nothing: 市场协会 is no body of its own.)
        standalone = Production("standalone body", grammar: "standalone → domain{2,} strongHead", confidence: BodyParse.Production.standalone.confidence,
                                .sequence(.not(party), .not(region), .not(implicitWord),
                                          .capture("domain", .repeat(domainCharacter, 2...16)), head))
    }

    /// The head of a Party working committee (工委).
    private static let workingCommittee = "工作委员会"

    /// Words that start a phrase naming a class of bodies, never one body (各省财政厅, 有关市人民政府, 省级财政部门).
    private static let classWords = WordSet(["各", "有关", "相关", "全国", "地方", "本", "我", "该", "其", "上级", "下级", "同级",
                                             "省级", "市级", "县级", "区级", "乡级", "国家级", "所在地", "当地", "属地"])
    /// Characters that glue onto an implicit region word into another word (市场, 省级, 区域, 县域, 市民, 市长).
    private static let implicitWordContinuations = PolicyGrammar.ScalarClass.oneOf("场级域内外属民县区乡镇长直辖")
    /// A domain character: Han, no function word (关于, 的, 等 …) and no single-character head of a second body.
    private static let domainClass = PolicyGrammar.ScalarClass(name: "domain") { c in
        (PolicyGrammar.ScalarClass.isHan(c) || c == "（" || c == "）") && !nonDomainScalars.contains(c.value)
    }
    /// The function words and single-character heads a domain never holds.
    private static let nonDomainScalars = ScalarSet("的了是对在为将由从向把被等及或于并与其各该本我这那之所部厅局署府司处")
    /// Heads of a second body a domain never holds (委员会, 政府 …).
    private static let domainHeadWords = ["委员会", "政府", "办公厅", "办公室", "海关", "法院", "检察院", "分行", "支行"]
    /// Heads that can name a unit or branch under a central body (局, 中心, 办公厅, 调查队, 分行 …), not 部 or 委.
    private static let subUnitKinds: Set<BodyHead.Kind> = [.office, .bureau, .centre, .team, .branch, .customs, .court, .procuratorate]

    /// True when some head or local suffix ends with `scalar`: no body name ends elsewhere unless the gazetteer
    /// names it (a one-set test callers make before tiling a stretch).
    func mayEndBody(_ scalar: Unicode.Scalar) -> Bool { lastScalars.contains(scalar.value) }

    /// True when `s[r]` starts with a central or party body of the gazetteer and goes on (a branch or unit of it may
    /// follow: 国家税务总局江苏省税务局).
    func startsWithCentralBody(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        !centralNames.matches(in: s, at: r.lowerBound, end: r.upperBound - 1).isEmpty
    }

    /// `s[r]` read as exactly one body name, by the narrowest production that accepts it; nil when none does.
    func body(_ s: [Unicode.Scalar], _ r: Range<Int>, context: Region?, preferring preferred: Region? = nil) -> BodyParse? {
        guard r.count >= 2, r.count <= 40, nameEnds.contains(s[r.upperBound - 1].value) else { return nil }
        let text = s.string(r)
        if genericRoles.contains(text) { return nil }
        let known = ontology.agency(named: text)
        guard known != nil || lastScalars.contains(s[r.upperBound - 1].value)
                && nameEndings.longestMatch(in: s, endingAt: r.upperBound, from: r.lowerBound) != nil else { return nil }
        if let known {
            return BodyParse(production: .gazetteer, range: r, surface: text, canonical: known.canonical, parent: known.parent,
                             level: known.level, regionPart: nil, head: "", complete: true)
        }
        if Self.classWords.longestMatch(in: s, at: r.lowerBound, end: r.upperBound) != nil { return nil }
        let at = { (production: Production) in production.prefixMatch(in: s, at: r.lowerBound, end: r.upperBound) }
        let resolve = { (range: Range<Int>, previous: Region?) in
            self.region(named: s.string(range), context: previous ?? context, preferring: preferred)
        }
        if let m = at(localSuffix), let parse = readLocalSuffix(m, s, r, text, resolve) { return parse }
        if let m = at(partyOrgan), let parse = readPartyOrgan(m, s, r, text, resolve) { return parse }
        // (Before `regional`: 中国共产党 starts with a region's name.)
        if at(partyWorkingCommittee) != nil {
            let canonical = text.hasPrefix("中国共产党") ? "中共" + text.dropFirst(5) : text
            return BodyParse(production: .partyWorkingCommittee, range: r, surface: text, canonical: canonical, parent: nil,
                             level: nil, regionPart: nil, head: Self.workingCommittee, complete: true)
        }
        if let parse = readUnderCentral(s, r, text, context: context) { return parse }
        if let m = at(regional), let parse = readRegional(m, s, r, text, resolve) { return parse }
        if let m = at(implicit), let parse = readImplicit(m, s, r, text, context: context) { return parse }
        if let parse = unitOfBody(s, r, text, context: context) { return parse }
        // (A local body's own name — 国有资产监督管理委员会, a row of local_body_suffixes.tsv — names a body only after
        // its region: alone it is no standalone body.)
        if let m = at(standalone), let head = heads.value(of: m["head"]!, in: s), head.strong, head.kind != .veto,
           suffixes.value(of: r, in: s) == nil {
            return BodyParse(production: .standalone, range: r, surface: text, canonical: text, parent: nil, level: nil,
                             regionPart: nil, head: head.head, complete: true)
        }
        return nil
    }

    /// unit → body ('管理委员会' | '管委会' | '人民政府' | '委员会' | '公安局') domain+ head: an office, bureau or team of a
    /// body that names its parent in full (某某开发区管理委员会党政综合办公室, 某市公安局交通警察支队). The parent is read by the grammar; the unit's
    /// name is the parent's canonical name and the words after it.
    private func unitOfBody(_ s: [Unicode.Scalar], _ r: Range<Int>, _ text: String, context: Region?) -> BodyParse? {
        guard let unitHead = heads.longestMatch(in: s, endingAt: r.upperBound, from: r.lowerBound),
              Self.unitKinds.contains(unitHead.value.kind) else { return nil }
        // The last parent head before the unit's words.
        var split: Int? = nil
        var i = unitHead.start - 1
        while i >= r.lowerBound + 2 {
            if Self.parentHeads.longestMatch(in: s, endingAt: i, from: r.lowerBound) != nil { split = i; break }
            i -= 1
        }
        guard let end = split, unitWords.prefixMatch(in: s, at: end, end: unitHead.start) != nil,
              let parent = body(s, r.lowerBound..<end, context: context) else { return nil }
        return BodyParse(production: .unitOfBody, range: r, surface: text, canonical: parent.canonical + s.string(end..<r.upperBound),
                         parent: parent.canonical, level: parent.level, regionPart: parent.regionPart,
                         head: unitHead.value.head, complete: parent.complete)
    }

    private static let parentHeads = WordSet(["管理委员会", "管委会", "人民政府", "委员会", "公安局"])
    /// (A public security bureau's detachments and brigades sign its traffic notices: 某市公安局交通警察支队.)
    private static let unitKinds: Set<BodyHead.Kind> = [.office, .bureau, .centre, .department, .team]

    // MARK: - Reading a match

    /// The regions of a match's region captures, each resolved inside the one before (金华市 + 婺城区).
    private func regionChain(_ m: GrammarMatch, _ resolve: (Range<Int>, Region?) -> Region?) -> [(region: Region, range: Range<Int>)]? {
        var chain: [(region: Region, range: Range<Int>)] = []
        for range in m.all("region") {
            guard let region = resolve(range, chain.last?.region) else { return nil }
            chain.append((region, range))
        }
        return chain.isEmpty ? nil : chain
    }

    private func readLocalSuffix(_ m: GrammarMatch, _ s: [Unicode.Scalar], _ r: Range<Int>, _ text: String,
                                 _ resolve: (Range<Int>, Region?) -> Region?) -> BodyParse? {
        guard let chain = regionChain(m, resolve), let suffixRange = m["suffix"],
              let suffix = suffixes.value(of: suffixRange, in: s), let last = chain.last,
              suffix.levels.contains(last.region.level) else { return nil }
        let regionFull = fullName(chain.map(\.region))
        let canonical = AgencyPatterns.expand(suffix.template, region: regionFull, short: last.region.aliases.first)
        // (A party suffix takes 中共 itself; a government suffix after 中共 is no name.)
        if m["party"] != nil && !canonical.hasPrefix("中共") { return nil }
        return known(BodyParse(production: .localSuffix, range: r, surface: text, canonical: canonical,
                               parent: AgencyPatterns.parent(of: suffix, region: regionFull),
                               level: AgencyPatterns.agencyLevel(for: last.region.level),
                               regionPart: s.string(chain[0].range.lowerBound..<last.range.upperBound), head: s.string(suffixRange),
                               complete: true))
    }

    private func readPartyOrgan(_ m: GrammarMatch, _ s: [Unicode.Scalar], _ r: Range<Int>, _ text: String,
                                _ resolve: (Range<Int>, Region?) -> Region?) -> BodyParse? {
        guard let chain = regionChain(m, resolve), let last = chain.last, let headRange = m["head"],
              let head = heads.value(of: headRange, in: s), head.kind != .government, head.kind != .veto else { return nil }
        let regionFull = fullName(chain.map(\.region))
        let organ = s.string((last.range.upperBound + 1)..<r.upperBound)
        return known(BodyParse(production: .partyOrgan, range: r, surface: text, canonical: "中共" + regionFull + "委" + organ,
                               parent: "中共" + regionFull + "委员会", level: AgencyPatterns.agencyLevel(for: last.region.level),
                               regionPart: s.string(chain[0].range.lowerBound..<last.range.upperBound), head: head.head, complete: true))
    }

    /// vertical and subUnit: the branch or unit of a central body, named as written after the body's canonical name.
    private func readUnderCentral(_ s: [Unicode.Scalar], _ r: Range<Int>, _ text: String, context: Region?) -> BodyParse? {
        let verticalMatch = vertical.prefixMatch(in: s, at: r.lowerBound, end: r.upperBound)
        guard let m = verticalMatch ?? subUnit.prefixMatch(in: s, at: r.lowerBound, end: r.upperBound),
              let parentRange = m["parent"], let central = ontology.agency(named: s.string(parentRange)),
              let headRange = m["head"], let head = heads.value(of: headRange, in: s),
              Self.subUnitKinds.contains(head.kind) else { return nil }
        let written = s.string(parentRange.upperBound..<r.upperBound)
        let canonical = ontology.agency(named: central.canonical + written)?.canonical ?? central.canonical + written
        if verticalMatch != nil, let regionRange = m["region"],
           let region = self.region(named: s.string(regionRange), context: context, preferring: nil) {
            return BodyParse(production: .vertical, range: r, surface: text, canonical: canonical, parent: central.canonical,
                             level: AgencyPatterns.agencyLevel(for: region.level), regionPart: s.string(regionRange),
                             head: head.head, complete: true)
        }
        guard let domain = m["domain"], !domain.isEmpty else { return nil }
        return BodyParse(production: .subUnit, range: r, surface: text, canonical: canonical, parent: central.canonical,
                         level: central.level, regionPart: nil, head: head.head, complete: true)
    }

    private func readRegional(_ m: GrammarMatch, _ s: [Unicode.Scalar], _ r: Range<Int>, _ text: String,
                              _ resolve: (Range<Int>, Region?) -> Region?) -> BodyParse? {
        guard let chain = regionChain(m, resolve), let last = chain.last, let headRange = m["head"],
              let head = heads.value(of: headRange, in: s), head.kind != .veto else { return nil }
        let regionWritten = s.string(chain[0].range.lowerBound..<last.range.upperBound)
        let regionFull = fullName(chain.map(\.region))
        let rest = s.string(last.range.upperBound..<r.upperBound)
        // A region written by its short name before descriptive words may be part of another place's name
        // (天津 + 港保税区…): the name stays as written.
        let writtenShort = chain.count == 1 && regionWritten != chain[0].region.canonical
        let parent: String? = switch head.kind {
        case .government, .court, .procuratorate, .party, .association, .company, .customs, .branch, .team: nil
        default: regionFull + "人民政府"
        }
        return known(BodyParse(production: .regional, range: r, surface: text, canonical: writtenShort ? text : regionFull + rest,
                               parent: parent, level: AgencyPatterns.agencyLevel(for: last.region.level), regionPart: regionWritten,
                               head: head.head, complete: true))
    }

    /// implicit: resolved by the document's region, or left generic and incomplete.
    private func readImplicit(_ m: GrammarMatch, _ s: [Unicode.Scalar], _ r: Range<Int>, _ text: String, context: Region?) -> BodyParse? {
        guard let wordRange = m["implicit"] else { return nil }
        let word = s.string(wordRange)
        guard let level = AgencyPatterns.implicitRegionWords.first(where: { $0.word == word })?.level else { return nil }
        let suffix = m["suffix"].flatMap { suffixes.value(of: $0, in: s) }.flatMap { $0.levels.contains(level) ? $0 : nil }
        let head = m["head"].flatMap { heads.value(of: $0, in: s) }
        guard suffix != nil || (head != nil && head?.kind != .veto) else { return nil }
        let rest = s.string(wordRange.upperBound..<r.upperBound)
        let headName = head?.head ?? rest
        guard let region = Self.implicitRegion(level: level, context: context, ontology: ontology) else {
            return BodyParse(production: .implicitRegion, range: r, surface: text, canonical: text, parent: nil,
                             level: AgencyPatterns.agencyLevel(for: level), regionPart: word, head: headName, complete: false)
        }
        let canonical: String
        let parent: String?
        if let suffix {
            canonical = AgencyPatterns.expand(suffix.template, region: region.canonical, short: region.aliases.first)
            parent = AgencyPatterns.parent(of: suffix, region: region.canonical)
        } else if rest.hasPrefix("委"), rest.count > 2, head?.kind != .government {
            // The implicit form of a party organ ("省委政策研究室" in a Sichuan text: 中共四川省委政策研究室).
            canonical = "中共" + region.canonical + rest
            parent = "中共" + region.canonical + "委员会"
        } else {
            canonical = region.canonical + rest
            parent = head?.kind == .government ? nil : region.canonical + "人民政府"
        }
        return known(BodyParse(production: .implicitRegion, range: r, surface: text, canonical: canonical, parent: parent,
                               level: AgencyPatterns.agencyLevel(for: level), regionPart: word, head: headName, complete: true))
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

    /// A province before a city (浙江省舟山市) and a city before a county (X市Y县) are addresses, not part of the
    /// body's name; a city before its district (金华市婺城区) is; a district of a municipality written alone carries
    /// the city's name (浦东新区 → 上海市浦东新区).
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

    /// The division called `name`: `preferred` when it is called so, else the one inside `context`, else the highest.
    private func region(named name: String, context: Region?, preferring preferred: Region?) -> Region? {
        let candidates = ontology.regions(named: name).filter { $0.level != .area }
        guard !candidates.isEmpty else { return nil }
        if let preferred, candidates.contains(where: { $0.code == preferred.code }) { return preferred }
        let inside = context?.code.flatMap { code in
            candidates.first { $0.code?.hasPrefix(code.prefix(context?.level == .province ? 2 : 4)) ?? false }
        }
        return inside ?? candidates.min { Self.rank($0.level) < Self.rank($1.level) }
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
