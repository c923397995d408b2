import Foundation
import PolicyGrammar

/// Finds programme names (and, with area head words, area names) that no seed list holds, by pattern, with a
/// confidence score:
/// quoted slogans (“放管服”改革, “四好农村路”), names ending in a programme head word
/// (…工程, …行动, …计划, …战略, …试点, …示范区, …平台 …) and numbered platforms (832平台).
struct ProgrammeDiscovery: Sendable {
    struct Candidate {
        let range: Range<Int>
        let name: String
        let confidence: Double
    }

    /// Head words that end a programme name, with the confidence a bare (unquoted) match gets.
    static let programmeHeads: [(String, Double)] = [
        ("工程", 0.6), ("行动", 0.55), ("行动计划", 0.6), ("计划", 0.45), ("战略", 0.6), ("试点", 0.5), ("示范区", 0.55),
        ("示范工程", 0.6), ("专项行动", 0.6), ("平台", 0.35), ("改革", 0.35), ("倡议", 0.6), ("体系", 0.3), ("试验区", 0.55),
        ("先导区", 0.55), ("示范城市", 0.5), ("示范基地", 0.5), ("产业带", 0.45), ("经济圈", 0.4),
        ("制度", 0.3), ("基地", 0.35), ("集群", 0.35), ("通道", 0.4), ("枢纽", 0.35), ("战略行动", 0.6), ("示范园", 0.5),
        ("集聚区", 0.45), ("提升行动", 0.6), ("专项", 0.4), ("中心", 0.35), ("产业园", 0.45), ("生活圈", 0.45),
        ("示范村镇", 0.5), ("行动方案", 0.5), ("专项行动计划", 0.6),
    ]
    /// Head words that end the name of a multi-region area (南京都市圈, 长株潭城市群); used with `quoted: false`.
    static let areaHeads: [(String, Double)] = [("城市群", 0.8), ("城镇群", 0.8), ("都市圈", 0.8), ("经济区", 0.7)]
    private let heads: [(String, Double)]
    /// Per head (by automaton value): it is 改革 / 工程 (compared once here, not at every match).
    private let headIsReform: [Bool]
    private let headIsEngineering: [Bool]
    private let includeQuoted: Bool
    /// Finds the head words; `discover` takes its matches precomputed when a caller scans for them together
    /// with other automata (`LongestMatchAutomaton.Scan`).
    let headAutomaton: LongestMatchAutomaton

    /// Characters that cannot be inside a name: a left extension stops before them.
    private static let stopScalars = ScalarSet("，。；：、,.;:！？!?（）()《》【】 \n\t的及或等在对把将以为是了由从向按于其并且要这那个我也须到被让而")
    /// Verbs that commonly precede a programme name (实施…工程): a left extension stops after them.
    private static let leadingVerbs: [String] = [
        "实施", "推进", "推动", "开展", "加快", "深入", "深化", "启动", "组织", "打造", "完善", "健全", "建立", "建设",
        "支持", "落实", "围绕", "依托", "持续", "全面", "积极", "大力", "稳步", "继续", "扎实", "探索", "参与", "纳入",
        "创建", "培育", "布局", "发展", "提升", "加强", "优化", "统筹", "鼓励", "引导", "促进", "坚持", "贯彻", "通过",
        "编制", "制定", "解读", "部署", "调动", "压实", "规划", "增设", "强化", "坚定", "把握", "对接", "服务于", "聚焦",
        "用好", "做好", "抓好", "搞好", "办好", "参照", "结合", "按照", "根据", "利用", "形成", "构建", "打好",
        "有序", "逐步", "适度", "稳妥",
    ]
    private let verbAutomaton: LongestMatchAutomaton
    private let strongVerbAutomaton: LongestMatchAutomaton
    private let midVerbAutomaton: LongestMatchAutomaton
    private let sloganVerbAutomaton: LongestMatchAutomaton

    /// `heads`: the head words and their confidence; `quoted`: also report quoted slogans.
    init(heads: [(String, Double)] = ProgrammeDiscovery.programmeHeads, quoted: Bool = true) {
        self.heads = heads
        headIsReform = heads.map { $0.0 == "改革" }
        headIsEngineering = heads.map { $0.0 == "工程" }
        includeQuoted = quoted
        headAutomaton = LongestMatchAutomaton(strings: heads.enumerated().map { ($0.element.0, Int32($0.offset)) })
        verbAutomaton = LongestMatchAutomaton(strings: Self.leadingVerbs.map { ($0, 1) })
        strongVerbAutomaton = LongestMatchAutomaton(strings: Self.strongVerbs.map { ($0, 1) })
        midVerbAutomaton = LongestMatchAutomaton(strings: Self.clauseVerbs.map { ($0, 1) })
        sloganVerbAutomaton = LongestMatchAutomaton(strings: (Self.strongVerbs + Self.sloganOnlyVerbs).map { ($0, 1) })
    }

    /// Words that name the type of a programme when they follow its name (乡村振兴战略, 数字乡村建设行动): they do not
    /// make a different programme.
    private static let typeWords: [String] = [
        "战略", "工程", "行动", "行动计划", "计划", "专项行动", "倡议", "试点", "示范工程", "提升行动", "战略行动",
        "建设行动", "建设工程", "发展战略", "建设", "模式", "制度",
    ]
    private let typeWordAutomaton = LongestMatchAutomaton(strings: ProgrammeDiscovery.typeWords.map { ($0, 1) })

    /// End of a type word that starts at byte offset `at` and ends the word there (战略, not 战略性), or nil.
    func typeWordEnd(in text: UnsafeBufferPointer<UInt8>, at: Int, limit: Int) -> Int? {
        guard let m = typeWordAutomaton.longestMatch(in: text, at: at, limit: limit),
              !Self.continuesHead(text, m.end, limit) else { return nil }
        // A two-character type word (建设, 战略, 工程 …: six bytes) ends the name only when no Han character follows
        // it: 数字乡村建设。 but not 数字乡村建设推动…, where it starts a clause or a longer compound.
        if m.end - at == 6, let (v, _) = AgencyPatterns.decode(text, m.end, limit), AgencyPatterns.isHan(v), !Self.stopScalars.contains(v) {
            return nil
        }
        return m.end
    }

    /// All candidates in `text[range]` (they may overlap each other and seed matches).
    /// Candidates below `minimumConfidence` are skipped before any name is built. `heads`: the matches of
    /// `headAutomaton` in `text[range]`, when the caller has them already.
    func discover(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>, minimumConfidence: Double = 0,
                  heads: [(range: Range<Int>, value: Int32)]? = nil) -> [Candidate] {
        var out: [Candidate] = []
        if includeQuoted { quoted(text, range, &out) }
        headed(text, range, minimumConfidence, heads ?? headAutomaton.matches(in: text, range: range), &out)
        return out.filter { $0.confidence >= minimumConfidence }
    }

    private static let nationalPrefixes: [[UInt8]] = [Array("国家".utf8), Array("全国".utf8)]
    private static let gradeSuffix: [UInt8] = Array("级".utf8)

    private static let openQuote: UInt32 = 0x201C, closeQuote: UInt32 = 0x201D

    /// “X” or “X”+head: short quoted slogans.
    private func quoted(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ out: inout [Candidate]) {
        var i = range.lowerBound
        guard let base = text.baseAddress else { return }
        while i + 2 < range.upperBound {
            // In well-formed UTF-8 the bytes E2 80 9C of “ are found only where the scalar begins: the search for
            // its lead byte skips every other scalar.
            guard let hit = memchr(base + i, 0xE2, range.upperBound - 2 - i) else { return }
            i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            guard text[i + 1] == 0x80, text[i + 2] == 0x9C else { i += 1; continue }
            let next = i + 3
            // find the closing quote within 16 scalars
            var j = next
            var count = 0
            var hanCount = 0
            var close: Int? = nil
            while j < range.upperBound, count <= 16 {
                guard let (w, after) = AgencyPatterns.decode(text, j, range.upperBound) else { break }
                if w == Self.closeQuote { close = j; break }
                if w == Self.openQuote || w == 0x3002 || w == 0xFF0C || w == 0xFF1B { break }
                if AgencyPatterns.isHan(w) { hanCount += 1 }
                count += 1
                j = after
            }
            guard let closeAt = close, count >= 2 else { i = next; continue }
            let afterClose = closeAt + 3
            let head = headAutomaton.longestMatch(in: text, at: afterClose, limit: range.upperBound)
                ?? modifiedHead(text, after: afterClose, limit: range.upperBound)
            // A numbered formula is a name only with a head word after it (“4+1”工程); a slogan needs two Han scalars.
            guard hanCount >= 2 || head != nil else { i = next; continue }
            let inner = String(decoding: UnsafeBufferPointer(rebasing: text[next..<closeAt]), as: UTF8.self)
            if let head {
                // A modifier glued before the quote belongs to the name (家政服务“领跑者”行动); verbs do not.
                let start = modifierStart(text, before: i, lower: range.lowerBound)
                let prefix = String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
                let between = String(decoding: UnsafeBufferPointer(rebasing: text[afterClose..<head.end]), as: UTF8.self)
                out.append(Candidate(range: start..<head.end, name: prefix + "“" + inner + "”" + between, confidence: 0.8))
            } else {
                // A quoted slogan that a programme verb introduces (推行“一网通办”) is one.
                // Lists (云、网、端), formulas (电商+农户) and periods (十四五) are no programme names.
                let led = (Self.verbEnds(text, before: i, lower: range.lowerBound, sloganVerbAutomaton, Self.sloganVerbEnds)
                           || ledAcrossObject(text, quote: i, lower: range.lowerBound, afterClose: afterClose, limit: range.upperBound)
                              && !Self.countsOrDates(UTF8Run(text, next..<closeAt)))
                    && !inner.unicodeScalars.contains { $0 == "、" || $0 == "+" || $0 == "的" }
                    && !inner.unicodeScalars.allSatisfy { Self.numerals.contains($0) }
                out.append(Candidate(range: i..<afterClose, name: inner, confidence: led ? 0.5 + Self.verbBonus : 0.5))
            }
            i = afterClose
        }
    }

    /// `slogan → slogan-verb han{4,8} “slogan” clause-end`: a slogan that a programme verb introduces across a short
    /// object and that ends its clause (推进冰雪运动“北冰南展”。, 实现涉企服务“一窗通办”，) is one, like a slogan right
    /// after the verb. (A slogan followed by more words, 推动形成“双循环”格局, describes; a clause without such a verb,
    /// 带动群众“…”, proposes nothing; a count of heads, 实施…“六大行动”, names none.)
    private func ledAcrossObject(_ text: UnsafeBufferPointer<UInt8>, quote: Int, lower: Int, afterClose: Int, limit: Int) -> Bool {
        guard let (next, _) = AgencyPatterns.decode(text, afterClose, limit), Self.clauseEnds.contains(next) else { return false }
        var p = quote
        for count in 1...8 {
            guard let (v, before) = AgencyPatterns.decodeBefore(text, p, lower), AgencyPatterns.isHan(v), !Self.stopScalars.contains(v) else { return false }
            p = before
            // (The object is a noun phrase of two words at least: a shorter one may be a second verb, 提出“…”, 共享“…”.)
            if count >= 4, Self.verbEnds(text, before: p, lower: lower, sloganVerbAutomaton, Self.sloganVerbEnds) { return true }
        }
        return false
    }

    /// ，。； — where a clause ends.
    private static let clauseEnds = ScalarSet("，。；")

    /// A head word after one to four Han scalars that follow a quoted slogan (“互联网+教育”大平台, “一刻钟”便民生活圈):
    /// the slogan, its short modifier and the head make one name. The head must end the word.
    private func modifiedHead(_ text: UnsafeBufferPointer<UInt8>, after start: Int, limit: Int) -> (end: Int, value: Int32)? {
        var i = start
        for _ in 0..<4 {
            guard let (v, next) = AgencyPatterns.decode(text, i, limit), AgencyPatterns.isHan(v), !Self.stopScalars.contains(v) else { return nil }
            i = next
            if let head = headAutomaton.longestMatch(in: text, at: i, limit: limit), !Self.continuesHead(text, head.end, limit) {
                return (head.end, head.value)
            }
        }
        return nil
    }

    /// The quoted slogan that opens a longer programme name (丝路一家亲 in “丝路一家亲”行动), its short name; nil when
    /// the name does not start with a single quoted part followed by a head word. A slogan after a modifier
    /// (企业标准“领跑者”制度) names only that variant, so it is no short name.
    static func quotedCore(of name: String) -> String? {
        guard name.unicodeScalars.first?.value == openQuote else { return nil }
        let scalars = Array(name.unicodeScalars)
        guard scalars.first?.value == openQuote,
              let close = scalars.lastIndex(where: { $0.value == closeQuote }), close < scalars.count - 1,
              !scalars[1..<close].contains(where: { $0.value == openQuote || $0.value == closeQuote }) else { return nil }
        let inner = scalars[1..<close]
        guard inner.filter({ AgencyPatterns.isHan($0.value) }).count >= 2 else { return nil }
        return String(String.UnicodeScalarView(inner))
    }

    /// The quoted slogan with its head word that ends a longer programme name (“4+1”工程 in 尾矿库污染治理“4+1”工程):
    /// the programme's own name, which the modifier only places. Nil when the name does not end in a quoted part
    /// followed by at most six scalars (the head and its short modifier).
    static func quotedHeadedName(of name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        guard let open = scalars.lastIndex(where: { $0.value == openQuote }), open > 0,
              let close = scalars.lastIndex(where: { $0.value == closeQuote }), close > open + 1,
              close < scalars.count - 1, scalars.count - close - 1 <= 6 else { return nil }
        return String(String.UnicodeScalarView(scalars[open...]))
    }

    /// Start of a Han modifier of at least two scalars that ends at `end`, after the last programme verb; `end`
    /// when there is none or its left edge is unknown.
    private func modifierStart(_ text: UnsafeBufferPointer<UInt8>, before end: Int, lower: Int) -> Int {
        var start = end
        var count = 0
        while let (v, s) = AgencyPatterns.decodeBefore(text, start, lower) {
            if !AgencyPatterns.isHan(v) || Self.stopScalars.contains(v) { break }
            if count == 12 { return end }
            start = s
            count += 1
        }
        var scan = start
        while scan < end {
            if let verb = strongVerbAutomaton.longestMatch(in: text, at: scan, limit: end)
                ?? midVerbAutomaton.longestMatch(in: text, at: scan, limit: end)
                ?? verbAutomaton.longestMatch(in: text, at: scan, limit: end) {
                start = verb.end
                scan = verb.end
            } else {
                scan = AgencyPatterns.decode(text, scan, end)?.1 ?? (scan + 1)
            }
        }
        for q in Self.quantifiers where Self.hasPrefix(text, start, end, q) { start += q.count }
        // A modifier ending in 和 is the previous item of a list (合作网络和“…”平台).
        if end - start >= 3, let (last, _) = AgencyPatterns.decodeBefore(text, end, start), last == Self.and || last == Self.with { return end }
        return end - start >= 6 ? start : end
    }

    /// Names ending in a head word, extended left over Han characters up to a stop character or verb.
    /// Confidence: the head word's base, raised when a programme verb introduces the name (实施…工程), when the
    /// name is national (国家…, 全国…) and when a long distinctive modifier makes it specific; lowered to nothing
    /// when the modifier is only generic (服务体系, 重点工程).
    private func headed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ minimumConfidence: Double,
                        _ matches: [(range: Range<Int>, value: Int32)], _ out: inout [Candidate]) {
        let maxBonus = Self.verbBonus + Self.nationalBonus + Self.specificBonus
        var skipped = -1
        for (index, m) in matches.enumerated() {
            let base = heads[Int(m.value)].1
            // A head followed closely by another one in the same word is part of the longer name (…试点示范行动).
            // A reform of a named thing (…试验区改革) is no longer name: the named thing stands.
            if index == skipped { continue }
            if index + 1 < matches.count, sameWord(text, m.range.upperBound, matches[index + 1].range.lowerBound) {
                if !headIsReform[Int(matches[index + 1].value)] { continue }
                skipped = index + 1
            }
            if min(base + maxBonus, 0.9) < minimumConfidence { continue }
            // The head must end the word: 工程师, 平台上 … are no programme heads.
            if Self.continuesHead(text, m.range.upperBound, range.upperBound) { continue }
            var start = m.range.lowerBound
            var count = 0
            var bounded = false
            while let (v, s) = AgencyPatterns.decodeBefore(text, start, range.lowerBound) {
                // 和 joins words inside a name (文化和旅游) but separates two names (…行动和…工程).
                if v == Self.and || v == Self.with, endsInHead(text, s, range.lowerBound) { bounded = true; break }
                if !(AgencyPatterns.isHan(v) || Self.isNameSymbol(v))
                    || (Self.stopScalars.contains(v) && !Self.endsCompound(text, start, range.lowerBound)) { bounded = true; break }
                if count == 20 { break }
                start = s
                count += 1
            }
            if AgencyPatterns.decodeBefore(text, start, range.lowerBound) == nil { bounded = true }
            // A head too weak to reach the threshold without the national bonus (…体系, …中心, …平台) names a
            // programme only when 国家/全国 stands somewhere in its extension, where the name could begin.
            if min(base + Self.verbBonus + Self.specificBonus, 0.9) < minimumConfidence,
               !Self.nationalPrefixes.contains(where: { Self.occurs($0, in: text, from: start, before: m.range.lowerBound) }) {
                continue
            }
            // The name begins after the last strong programme verb inside the extension (各地加快实施…工程); a verb
            // that would leave too short a modifier is part of the name (质量提升行动).
            var verbLed = false
            // A clause verb too close to the head to start the name (确保数字战略) makes the whole a clause.
            var clausal = false
            var cut = start
            var scan = start
            while scan < m.range.lowerBound {
                let decoded = AgencyPatterns.decode(text, scan, m.range.lowerBound)
                // Most positions begin no verb: one set test before the automata.
                guard let (first, after) = decoded, Self.verbStarts.contains(first) else {
                    scan = decoded?.1 ?? (scan + 1)
                    continue
                }
                let potential = Self.followsPotential(text, scan, start)
                let strongVerb = potential ? nil
                    : strongVerbAutomaton.longestMatch(in: text, at: scan, limit: m.range.lowerBound)
                if !potential,
                   let verb = strongVerb ?? midVerbAutomaton.longestMatch(in: text, at: scan, limit: m.range.lowerBound) {
                    // Strong verbs end the left context when two scalars are left; weak ones (提升, 建设) when four
                    // are, so that 质量提升行动 keeps its verb.
                    let strong = strongVerb != nil
                    let rest = (m.range.lowerBound - verb.end) / 3
                    if rest >= (strong ? 2 : 4) {
                        cut = verb.end
                        verbLed = true
                    } else if Self.pureVerbAutomaton.longestMatch(in: text, at: scan, limit: verb.end)?.end == verb.end {
                        clausal = true
                    }
                    scan = verb.end
                } else {
                    scan = after
                }
            }
            // Without a stop character or verb before it, the left edge of the name is unknown.
            guard bounded || cut > start, !clausal else { continue }
            start = cut
            // Leading weak verbs and adverbs are not part of the name either (加快沿海防护林提升工程).
            while let verb = verbAutomaton.longestMatch(in: text, at: start, limit: m.range.lowerBound),
                  m.range.lowerBound - verb.end >= 6 {
                start = verb.end
                verbLed = true
            }
            // Quantifiers are no part of a name (一系列国际旅游示范区).
            for q in Self.quantifiers where Self.hasPrefix(text, start, m.range.lowerBound, q) { start += q.count }
            if !verbLed, Self.verbEnds(text, before: start, lower: range.lowerBound, strongVerbAutomaton, Self.strongVerbEnds) {
                verbLed = true
            }
            // 国家…/全国… names a national programme; 国家级… only grades a kind of thing.
            let national = Self.nationalPrefixes.contains { p in Self.hasPrefix(text, start, m.range.lowerBound, p) }
                && !Self.hasPrefix(text, start + 6, m.range.lowerBound, Self.gradeSuffix)
            let body = UTF8Run(text, start..<m.range.lowerBound)
            // A name neither begins with a conjunction (与东盟合作机制 is the end of a clause) …
            if let (first, _) = AgencyPatterns.decode(text, start, m.range.lowerBound), first == Self.and || first == Self.with { continue }
            // … nor counts its heads or dates a plan (30项补短板工程, 三大工程, 2021年行动计划: a list, a document) …
            if Self.countsOrDates(body) { continue }
            // … nor points back at one (本行动计划, 该工程: the document itself or a name given before) …
            if let (last, _) = AgencyPatterns.decodeBefore(text, m.range.lowerBound, start), Self.demonstratives.contains(last) { continue }
            // … nor names a document: a whole title (《…行动计划》, 印发…行动计划的通知) or a part of one that no
            // programme verb introduces (《关于实施…培育计划的通知》 still names the programme it implements).
            if Self.insideTitle(text, start, lower: range.lowerBound),
               Self.endsTitle(text, m.range.upperBound, limit: range.upperBound, genre: false)
                || !Self.verbEnds(text, before: start, lower: range.lowerBound, strongVerbAutomaton, Self.strongVerbEnds) { continue }
            if Self.endsTitle(text, m.range.upperBound, limit: range.upperBound, genre: true), Self.verbEnds(text, before: start, lower: range.lowerBound, Self.issuingVerbAutomaton, Self.issuingVerbEnds) { continue }
            // (A name joined by 与 is one only where a programme verb introduces it: 实施…孵化与加速计划; elsewhere 与
            // joins two things, 物流与产业集聚区的衔接.)
            if Self.contains(body, Self.with),
               !Self.verbEnds(text, before: start, lower: range.lowerBound, strongVerbAutomaton, Self.strongVerbEnds) { continue }
            let distinctive = Self.distinctiveScalarCount(body)
            guard distinctive >= 2, !Self.isGenericBody(body), !body.hasSuffix(Self.andBytes) else { continue }
            // A modifier ending in a clause verb describes an action, not a name (纷纷加强战略).
            if Self.verbEnds(text, before: m.range.lowerBound, lower: start, midVerbAutomaton, Self.clauseVerbEnds) { continue }
            // Engineering disciplines (土木工程) are no programmes.
            if headIsEngineering[Int(m.value)], Self.disciplineBytes.contains(where: { body.hasSuffix($0) }) { continue }
            // A bare verb is no modifier (开展示范区).
            if let v = verbAutomaton.longestMatch(in: text, at: start, limit: m.range.lowerBound) ?? strongVerbAutomaton.longestMatch(in: text, at: start, limit: m.range.lowerBound),
               v.end == m.range.lowerBound { continue }
            var confidence = base
            if verbLed { confidence += Self.verbBonus }
            if national { confidence += Self.nationalBonus }
            if Self.specificScalarCount(body) >= 4 { confidence += Self.specificBonus }
            if min(confidence, 0.9) < minimumConfidence { continue }
            let name = String(decoding: UnsafeBufferPointer(rebasing: text[start..<m.range.upperBound]), as: UTF8.self)
            out.append(Candidate(range: start..<m.range.upperBound, name: name, confidence: min(confidence, 0.9)))
        }
    }

    /// True when scalar `v` occurs in `body`.
    static func contains(_ body: UTF8Run, _ v: UInt32) -> Bool {
        var i = body.range.lowerBound
        while i < body.range.upperBound, let (w, next) = AgencyPatterns.decode(body.base, i, body.range.upperBound) {
            if w == v { return true }
            i = next
        }
        return false
    }

    /// Scalars that point back at a document or a name given before: 本, 该, 此.
    private static let demonstratives = ScalarSet("本该此")
    /// Counters after a numeral that count the heads of a list (30项, 三大, 5个, 1000多处, 3万户).
    private static let counters = ScalarSet("项大个处户批类条家座")
    private static let numeralScalars = ScalarSet("0123456789〇一二三四五六七八九十百千万两")

    /// `count → numeral+ (多|余)? counter | digit{4} 年` somewhere in a name's modifier: it counts or dates what it
    /// heads. Quoted formulas (“4+1”工程) take the quoted path and never come here.
    static func countsOrDates(_ body: UTF8Run) -> Bool {
        var i = body.range.lowerBound
        var numerals = 0, digits = 0
        while i < body.range.upperBound, let (v, next) = AgencyPatterns.decode(body.base, i, body.range.upperBound) {
            if numeralScalars.contains(v) {
                numerals += 1
                digits = (0x30...0x39).contains(v) ? digits + 1 : 0
            } else {
                if numerals > 0, counters.contains(v) { return true }
                if digits == 4, v == 0x5E74 { return true }  // 年
                // (多/余 between a numeral and its counter: 1000多处.)
                if !(numerals > 0 && (v == 0x591A || v == 0x4F59)) { numerals = 0 }
                digits = 0
            }
            i = next
        }
        return false
    }

    /// Verbs that issue a document: the name after them is its title.
    private static let issuingVerbs = ["印发", "出台", "发布", "制定"]
    private static let issuingVerbAutomaton = LongestMatchAutomaton(strings: issuingVerbs.map { ($0, 1) })
    private static let issuingVerbEnds = ScalarSet(String(String.UnicodeScalarView(issuingVerbs.compactMap { $0.unicodeScalars.last })))

    /// True when the name that ends at `end` ends a document's title: 》, a bracketed period (（2022—2025年）) or,
    /// with `genre`, 的通知/的意见/的决定 follows it (in 《关于实施…计划的通知》 the name is what the notice implements).
    static func endsTitle(_ text: UnsafeBufferPointer<UInt8>, _ end: Int, limit: Int, genre: Bool) -> Bool {
        guard let (v, next) = AgencyPatterns.decode(text, end, limit) else { return false }
        if v == 0x300B { return true }                                        // 》
        if v == 0xFF08 || v == 0x28, let (d, _) = AgencyPatterns.decode(text, next, limit), (0x30...0x39).contains(d) { return true }
        return genre && v == 0x7684 && titleGenreAutomaton.longestMatch(in: text, at: next, limit: limit) != nil  // 的 + 通知 …
    }

    private static let titleGenreAutomaton = LongestMatchAutomaton(strings: ["通知", "意见", "决定", "批复", "函"].map { ($0, 1) })

    /// True when byte offset `start` stands inside 《…》: a 《 comes before it, within 40 scalars, with no 》 or end
    /// of sentence between.
    static func insideTitle(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, lower: Int) -> Bool {
        var i = start
        for _ in 0..<40 {
            guard let (v, before) = AgencyPatterns.decodeBefore(text, i, lower) else { return false }
            if v == 0x300A { return true }                                  // 《
            if v == 0x300B || v == 0x3002 || v == 0xFF1B || v == 0x0A { return false }  // 》。；
            i = before
        }
        return false
    }

    private static let quantifiers: [[UInt8]] = ["一系列", "一批", "若干", "各类", "各项", "这一", "上述", "一些", "多个", "本地区", "本省", "本市", "新一轮"].map { Array($0.utf8) }

    /// True when `word` occurs at some byte offset in `text[from..<before]`.
    private static func occurs(_ word: [UInt8], in text: UnsafeBufferPointer<UInt8>, from: Int, before: Int) -> Bool {
        var i = from
        while i + word.count <= before {
            if text[i] == word[0], hasPrefix(text, i, before, word) { return true }
            i += 1
        }
        return false
    }

    private static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ limit: Int, _ p: [UInt8]) -> Bool {
        guard at + p.count <= limit else { return false }
        for k in 0..<p.count where text[at + k] != p[k] { return false }
        return true
    }

    /// Verbs that are hardly ever nouns inside a name (unlike 发展, 建设): a clause before them is no part of it.
    private static let clauseVerbs: [String] = [
        "编制", "制定", "解读", "部署", "调动", "压实", "增设", "坚定", "把握", "对接", "聚焦", "用好", "做好", "抓好",
        "搞好", "办好", "参照", "结合", "按照", "根据", "利用", "鼓励", "引导", "促进", "坚持", "通过", "打造", "探索",
        "参与", "加强", "强化", "统筹", "开展", "组织", "建立", "健全", "提出", "发起", "加入", "倡导", "共建",
        "发挥", "确保", "明确", "制订", "发布", "出台", "达成", "深化", "进一步",
    ]

    /// First scalars of the strong and clause verbs: where none stands, neither automaton can match.
    private static let verbStarts = ScalarSet(String(String.UnicodeScalarView(
        (strongVerbs + clauseVerbs).compactMap { $0.unicodeScalars.first })))

    /// Clause verbs that are never a noun inside a name (unlike 促进, 结合): close before a head they make a clause.
    private static let pureVerbs = ["确保", "发挥", "明确", "达成", "制订", "发布", "出台", "根据", "按照", "通过"]
    private static let pureVerbAutomaton = LongestMatchAutomaton(strings: pureVerbs.map { ($0, 1) })

    private static let and: UInt32 = 0x548C
    /// 与 joins words inside a name (孵化与加速计划) as 和 does.
    private static let with: UInt32 = 0x4E0E
    private static let numerals: Set<Unicode.Scalar> = Set("〇一二三四五六七八九十百千万".unicodeScalars)

    private static let disciplines = ["土木", "结构", "软件", "系统", "生物", "基因", "化学", "电子", "机械"]
    private static let disciplineBytes: [[UInt8]] = disciplines.map { Array($0.utf8) }
    private static let andBytes: [UInt8] = Array("和".utf8)

    /// Words whose last character is also a stop character (自由, 重要): the stop character is inside the word.
    private static let stopCompounds: [[UInt8]] = [
        "自由", "重要", "主要", "首要", "必要", "理由", "避让", "转让", "出让", "普及", "行为", "平等", "对等", "方向",
        "导向", "双向", "合并", "兼并", "存在",
    ].map { Array($0.utf8) }

    private static let potential: [UInt8] = Array("可".utf8)

    /// True when 可 stands just before byte offset `at` (after `lower`): a verb after it is an adjective (可持续).
    private static func followsPotential(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ lower: Int) -> Bool {
        at - potential.count >= lower && hasPrefix(text, at - potential.count, at, potential)
    }

    /// True when the scalar just before `end` closes one of `stopCompounds`.
    private static func endsCompound(_ text: UnsafeBufferPointer<UInt8>, _ end: Int, _ lower: Int) -> Bool {
        stopCompounds.contains { w in end - w.count >= lower && hasPrefix(text, end - w.count, end, w) }
    }

    /// True when a head word ends at byte offset `end` (the previous name ends there).
    private func endsInHead(_ text: UnsafeBufferPointer<UInt8>, _ end: Int, _ lower: Int) -> Bool {
        var s = end
        for _ in 0..<4 {
            guard let (_, before) = AgencyPatterns.decodeBefore(text, s, lower) else { return false }
            s = before
            if let h = headAutomaton.longestMatch(in: text, at: s, limit: end), h.end == end { return true }
        }
        return false
    }

    static let verbBonus = 0.2, nationalBonus = 0.25, specificBonus = 0.1

    /// Verbs that introduce a programme and hardly occur inside one: the name starts after the last of them.
    private static let strongVerbs: [String] = [
        "实施", "推进", "推动", "开展", "启动", "组织实施", "落实", "围绕", "依托", "纳入", "加快", "深入", "深化", "扎实",
        "持续", "继续", "积极", "大力", "稳步", "全面实施", "贯彻", "推行", "支持", "开展了", "实行", "新建", "改建", "扩建",
        "印发", "完成", "修复",
    ]

    /// Verbs that introduce a quoted slogan as a programme besides the strong verbs: what is to be achieved or spread
    /// (实现“不见面审批”, 推广“多证合一”), which before a head-less name would begin a clause.
    private static let sloganOnlyVerbs = ["实现", "推广", "全面实现"]
    private static let sloganVerbEnds = ScalarSet(String(String.UnicodeScalarView((strongVerbs + sloganOnlyVerbs).compactMap { $0.unicodeScalars.last })))

    /// Last scalars of the strong and of the clause verbs.
    private static let strongVerbEnds = ScalarSet(String(String.UnicodeScalarView(strongVerbs.compactMap { $0.unicodeScalars.last })))
    private static let clauseVerbEnds = ScalarSet(String(String.UnicodeScalarView(clauseVerbs.compactMap { $0.unicodeScalars.last })))

    /// True when the text just before `start` ends in a verb of `automaton` (实施 + name starting at a stop
    /// character). `lastScalars`: the last scalars of its verbs (where the scalar before `start` is none, no verb
    /// ends there).
    private static func verbEnds(_ text: UnsafeBufferPointer<UInt8>, before start: Int, lower: Int,
                                 _ automaton: LongestMatchAutomaton, _ lastScalars: ScalarSet) -> Bool {
        guard let (last, _) = AgencyPatterns.decodeBefore(text, start, lower), lastScalars.contains(last) else { return false }
        var s = start
        for _ in 0..<4 {
            guard let (_, before) = AgencyPatterns.decodeBefore(text, s, lower) else { break }
            s = before
            if let v = automaton.longestMatch(in: text, at: s, limit: start), v.end == start { return true }
        }
        return false
    }

    /// Characters after a head that show it is inside a longer word (工程师, 平台上, 计划单列, 体系化).
    private static let headContinuations = ScalarSet("师化性单院局者费款学")

    /// Nouns that make a compound with the head before them (工程机械, 工程应用, 战略需求, 战略合作, 平台经济): the head
    /// then does not end a programme name.
    private static let compoundContinuations: [String] = [
        "应用", "示范", "机械", "装备", "材料", "技术", "科学", "设计", "咨询", "施工", "监理", "造价", "质量", "招标",
        "需求", "基点", "合作", "布局", "支点", "地位", "意义", "部署", "机遇", "目标", "重点", "任务", "方向", "资源",
        "储备", "投资", "眼光", "定力", "思维", "高度", "全局", "腹地", "经济", "企业", "公司", "规则", "能力", "成果",
        "项目", "联盟", "伙伴", "关系", "对话", "互信", "效能", "作用", "价值", "意图", "推广",
    ]
    private static let compoundAutomaton = LongestMatchAutomaton(strings: compoundContinuations.map { ($0, 1) })

    private static func continuesHead(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ limit: Int) -> Bool {
        guard let (v, _) = AgencyPatterns.decode(text, at, limit) else { return false }
        return headContinuations.contains(v) || compoundAutomaton.longestMatch(in: text, at: at, limit: limit) != nil
    }

    /// Modifiers that describe any system or reform (服务体系, 管理平台, 相关制度): no named programme.
    private static let genericBodyEndings = ["服务", "管理", "保障", "工作", "治理", "监管", "支撑", "政策", "标准", "组织",
                                             "评价", "考核", "机制", "保护", "建设", "发展", "安全", "技术", "创新", "市场",
                                             "改革", "体制", "法律", "法规", "制度", "体系", "领域", "产业", "基础", "现代"]
    private static let genericBodyEndingBytes: [[UInt8]] = genericBodyEndings.map { Array($0.utf8) }
    /// Bodies made of a few generic characters only (各地, 这些, 有关) or ending in a generic modifier.
    static func isGenericBody(_ body: UTF8Run) -> Bool {
        let rest = strippedGenericModifiers(body)
        // 国家政务服务平台: a national name may be built of generic words; it only must not be one.
        if rest.byteCount < body.byteCount, body.hasPrefix(nationalPrefixes[0]) || body.hasPrefix(nationalPrefixes[1]) {
            return genericBodyEndingBytes.contains { rest.equals($0) }
        }
        // Every ending is two three-byte scalars: unless the run ends in the last scalar of one, none is its suffix.
        let end = rest.range.upperBound
        guard rest.byteCount >= 6, genericBodyEndingLasts.contains(
            (UInt32(rest.base[end - 3] & 0x0F) << 12) | (UInt32(rest.base[end - 2] & 0x3F) << 6) | UInt32(rest.base[end - 1] & 0x3F))
        else { return false }
        return rest.scalarCount <= 4 && genericBodyEndingBytes.contains(where: { rest.hasSuffix($0) })
    }

    /// Last scalars of `genericBodyEndings` (all of them two three-byte scalars).
    private static let genericBodyEndingLasts = ScalarSet(String(String.UnicodeScalarView(
        genericBodyEndings.compactMap { $0.unicodeScalars.last })))

    /// True when only Han characters (no stop character) stand between byte offsets `from` and `to` (at most six).
    /// A clause verb between them (…集群新建数据中心) separates the two.
    private func sameWord(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard to >= from, to - from <= 18 else { return false }
        var i = from
        while i < to {
            guard let (v, next) = AgencyPatterns.decode(text, i, to), AgencyPatterns.isHan(v), !Self.stopScalars.contains(v),
                  v != Self.and, v != Self.with, midVerbAutomaton.longestMatch(in: text, at: i, limit: to) == nil else { return false }
            i = next
        }
        return true
    }

    /// Modifiers that make no name on their own: 国家战略, 重大工程, 国家级重点项目 are not programmes.
    private static let genericModifiers = ["国家级", "省级", "国家", "全国", "重大", "重点", "重要", "相关", "有关", "各项",
                                           "各类", "这一", "上述", "此类", "一批", "一系列", "若干", "新一轮", "专项", "中央", "地方",
                                           "本地区", "本地", "本省", "本市", "全省", "全市"]

    /// Scalars of `body` left after removing generic modifiers (国家重大 → 0).
    static func distinctiveScalarCount(_ body: UTF8Run) -> Int {
        strippedGenericModifiers(body).scalarCount
    }

    private static let genericModifierBytes: [[UInt8]] = genericModifiers.map { Array($0.utf8) }
    /// Finds whether some generic modifier starts at a position: one bit test for most scalars, before the
    /// comparisons in list order.
    private static let genericModifierAutomaton = LongestMatchAutomaton(strings: genericModifiers.map { ($0, 1) })

    /// True when some generic modifier starts at byte offset `at` of `body` and ends inside it.
    @inline(__always)
    private static func genericModifierStarts(_ body: UTF8Run, at: Int) -> Bool {
        genericModifierAutomaton.longestMatch(in: body.base, at: at, limit: body.range.upperBound) != nil
    }

    /// Scalars of `body` left after removing generic modifiers wherever they stand (服务国家重大 → 2).
    static func specificScalarCount(_ body: UTF8Run) -> Int {
        var i = body.range.lowerBound, count = 0
        outer: while i < body.range.upperBound {
            // Only a scalar that begins some generic modifier needs the comparisons.
            if !genericModifierStarts(body, at: i) {
                count += 1
                i += LongestMatchAutomaton.scalarLength(body.base[i])
                continue
            }
            for m in genericModifierBytes where body.matches(m, at: i) {
                i += m.count
                continue outer
            }
            count += 1
            i += LongestMatchAutomaton.scalarLength(body.base[i])
        }
        return count
    }

    /// `body` without its leading generic modifiers.
    static func strippedGenericModifiers(_ body: UTF8Run) -> UTF8Run {
        var rest = body
        // Most bodies begin with no generic modifier.
        guard genericModifierStarts(body, at: body.range.lowerBound) else { return rest }
        var changed = true
        while changed {
            changed = false
            for m in genericModifierBytes where rest.hasPrefix(m) {
                rest = rest.droppingFirst(bytes: m.count)
                changed = true
            }
        }
        return rest
    }

    /// Digits, Latin letters and + inside names like 832平台, 互联网+, 5G.
    private static func isNameSymbol(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x2B
    }
}
