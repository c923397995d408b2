import PolicyCore
import PolicyText

/// A document whose issuance the text reports: "中共中央、国务院印发了《…》", "国家发改委印发…方案", "某市商务局发布《…》".
struct ReportedIssuance: Sendable {
    /// Issuing agencies in the order written.
    var issuers: [EntityHit]
    /// False for "X等13部门印发" (only some issuers named).
    var issuersComplete: Bool
    /// The document title (without 《》).
    var title: String
    /// Scalar range of the title inside the span.
    var titleRange: Range<Int>
    /// Scalar range from the first issuer to the end of the title.
    var statementRange: Range<Int>
    /// The title names a kind of document every body issues again and again ("政府工作报告"): it identifies the
    /// document only within the text that reports it.
    var titleIsGeneric = false
}

/// Finds who issued a document: from the title ("科技部 住房城乡建设部关于…的通知"), from reported issuance in
/// news and prose ("X、Y联合印发《Z》"), and from signature lines.
enum IssuerExtractor {
    /// Words allowed between the issuers and the verb: "国务院办公厅近日印发", "三部门联合印发".
    static let adverbs: [[Unicode.Scalar]] = ["联合", "共同", "近日", "日前", "正式", "已", "再次", "分别", "于近日", "今年", "此前",
                                             "昨天", "今天", "昨日", "今日", "近期", "最近", "前不久", "日前", "贯彻", "研究"].map(scalars)
    static let about = scalars("关于")
    /// A title's verb of implementation after its issuers: "某部（贯彻）落实《…》的行动计划" (GB/T 9704 发文机关 + 事由 + 文种,
    /// the 事由 opened by the verb instead of 关于).
    static let implement = scalars("落实")

    /// Issuers named before "关于" in a title: "财政部办公厅 农业农村部办公厅…关于…的通知" → the four bodies, in order.
    /// Nil when the title does not start with agency names, or when the names do not cover everything before "关于".
    static func titleIssuers(span: ScalarSpan, hits: [EntityHit]) -> (issuers: [EntityHit], complete: Bool)? {
        guard let aboutIndex = topLevelAbout(span), aboutIndex > 0 else { return nil }
        var end = aboutIndex
        var complete = true
        if let (start, _) = suffixDeng(span, end: end) { end = start; complete = false }
        let issuers = hits.chain(of: .agency, endingAt: end, in: span)
        guard let first = issuers.first else { return nil }
        // Everything before the first issuer must be space or opening quotes.
        for i in 0..<first.range.lowerBound where !(span.scalars[i].isInlineSpace || "《〈“\"".unicodeScalars.contains(span.scalars[i])) {
            return nil
        }
        return (issuers, complete)
    }

    /// The issuer part of a title or headline: everything before its first 关于 or issuance verb outside 《》 and
    /// quotes ("X Y关于…", "X印发关于…的通知", "X等3部门关于…"), without adverbs (联合) and "等N部门" (then
    /// `complete` is false). Nil when the title has neither or nothing stands before it.
    static func issuerPart(of span: ScalarSpan, verbs: IssuanceVocabulary) -> (range: Range<Int>, complete: Bool)? {
        let s = span.scalars
        var depth = 0
        var end: Int? = nil
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "《" || c == "〈" || c == "“" { depth += 1 } else if c == "》" || c == "〉" || c == "”" { depth = max(0, depth - 1) }
            else if depth == 0, span.matches(about, at: i) || span.matches(implement, at: i) || verbs.all.firstMatch(in: s, at: i) != nil { end = i; break }
            i += 1
        }
        guard let end, end > 0 else { return nil }
        let (p, complete) = issuersEnd(before: end, in: span)
        var start = 0
        while start < p, s[start].isInlineSpace || "《〈“\"".unicodeScalars.contains(s[start]) { start += 1 }
        guard p - start >= 2 else { return nil }
        return (start..<p, complete)
    }

    /// Index of the first 关于 outside 《》, 〈〉 and quotes (a cited title's 关于 belongs to the cited document).
    static func topLevelAbout(_ span: ScalarSpan) -> Int? {
        var depth = 0
        for i in 0..<span.count {
            let c = span.scalars[i]
            if c == "《" || c == "〈" || c == "“" { depth += 1 } else if c == "》" || c == "〉" || c == "”" { depth = max(0, depth - 1) }
            else if depth == 0, span.matches(about, at: i) { return i }
        }
        return nil
    }

    /// N of "X等N部门关于…" in a title (nil when the title states no count before 关于).
    static func statedIssuerCount(_ span: ScalarSpan) -> Int? {
        guard let aboutIndex = span.find(about), let (_, n) = suffixDeng(span, end: aboutIndex), n > 0 else { return nil }
        return n
    }

    /// Recognises "等N部门" / "等十三个部门" ending at scalar `end`; returns its start and N (0 if not numeric).
    /// Where the issuers end before position `end` of an issuance statement: spaces, adverbs (联合, 近日 …) and
    /// "等N部门" stepped over, in any order; `complete` is false when "等N部门" says the list is cut short.
    static func issuersEnd(before end: Int, in span: ScalarSpan) -> (end: Int, complete: Bool) {
        let s = span.scalars
        var p = end
        var complete = true
        var skipped = true
        while skipped {
            skipped = false
            while p > 0, s[p - 1].isInlineSpace { p -= 1 }
            for adverb in adverbs where p >= adverb.count && span.matches(adverb, at: p - adverb.count) {
                p -= adverb.count; skipped = true; break
            }
            if !skipped, let start = timeOfIssuanceStart(before: p, in: s) { p = start; skipped = true }
            if !skipped, let (start, _) = suffixDeng(span, end: p) { p = start; skipped = true; complete = false }
            if !skipped, let start = countedBodiesStart(before: p, in: s) { p = start; skipped = true }
        }
        return (p, complete)
    }

    /// Where a count of the bodies just listed starts ("X、Y、Z四部门联合印发", "X和Y两部门", "X、Y 3个部门"), nil
    /// when none ends at `end`. Without 等 the count closes a list given in full; it names no body itself.
    ///
    ///     countedBodies → (digit{1,2} | chineseNumeral{1,3} | '两') '个'? ('部门' | '部委' | '单位' | '机关')
    static func countedBodiesStart(before end: Int, in s: [Unicode.Scalar]) -> Int? {
        guard let noun = countNouns.first(where: { end >= $0.count && s[(end - $0.count)..<end].elementsEqual($0) }) else { return nil }
        var p = end - noun.count
        if p > 0, s[p - 1] == "个" { p -= 1 }
        let numberEnd = p
        while p > 0, numberEnd - p < 3, s[p - 1].digitValue != nil || s[p - 1] == "两" || s[p - 1] == "十"
                || ChineseDate.chineseDigit(s[p - 1]) != nil { p -= 1 }
        // (A count follows the names it counts: a list's last name, not a clause mark, stands before it.)
        guard p < numberEnd, p > 0, s[p - 1] != "等", !isClauseEnd(s[p - 1]), !s[p - 1].isInlineSpace else { return nil }
        return p
    }
    /// The nouns a count of issuing bodies is written with.
    static let countNouns: [[Unicode.Scalar]] = ["部门", "部委", "单位", "机关"].map(scalars)

    /// Where a day of issuance written between the issuers and the verb starts ("国务院于3月5日印发",
    /// "国务院昨天（1日）印发", "省政府12日发布"), nil when none ends at `end`:
    ///
    ///     timeOfIssuance → '于'? (digit+ '月')? digit+ '日' | '（' (digit+ '月')? digit+ '日' '）'
    static func timeOfIssuanceStart(before end: Int, in s: [Unicode.Scalar]) -> Int? {
        var p = end
        let bracketed = p > 0 && (s[p - 1] == "）" || s[p - 1] == ")")
        if bracketed { p -= 1 }
        guard p > 1, s[p - 1] == "日" else { return nil }
        p -= 1
        func digits() -> Bool {
            let before = p
            while p > 0, s[p - 1].value &- 0x30 < 10 || ChineseNumerals.value(of: s[p - 1].value).map { $0 < 10 || $0 == 10 } ?? false { p -= 1 }
            return p < before && before - p <= 3
        }
        guard digits() else { return nil }
        if p > 0, s[p - 1] == "月" { p -= 1; guard digits() else { return nil } }
        if bracketed {
            guard p > 0, s[p - 1] == "（" || s[p - 1] == "(" else { return nil }
            p -= 1
        } else if p > 0, s[p - 1] == "于" {
            p -= 1
        }
        return p
    }

    ///
    ///     cutShort → '等' count? countNoun (('和' | '及') countNoun)?
    ///     count    → (digit+ | chineseNumeral+) ('个' | '家')?
    static func suffixDeng(_ span: ScalarSpan, end: Int) -> (Int, Int)? {
        var p = end
        guard p >= 3 else { return nil }
        let s = span.scalars
        var q = p
        while q > 0, s[q - 1].isInlineSpace { q -= 1 }
        p = q
        func countNoun(endingAt e: Int) -> Int? {
            countNouns.first { e >= $0.count && s[(e - $0.count)..<e].elementsEqual($0) }.map { e - $0.count }
        }
        guard var nounStart = countNoun(endingAt: p) else {
            if p >= 1, s[p - 1] == "等", p - 1 > 0 { return (p - 1, 0) }
            return nil
        }
        // "等17部门和单位", "等5个部门及单位": a second noun joined to the first counts the same list.
        if nounStart >= 1, s[nounStart - 1] == "和" || s[nounStart - 1] == "及", let first = countNoun(endingAt: nounStart - 1) {
            nounStart = first
        }
        p = nounStart
        // "X等部门" (no count): the list is cut short all the same.
        if p >= 2, s[p - 1] == "等" { return (p - 1, 0) }
        if p > 0, s[p - 1] == "个" || s[p - 1] == "家" { p -= 1 }
        var n = 0, scale = 1
        while p > 0, let d = s[p - 1].digitValue { n += d * scale; scale *= 10; p -= 1 }
        if scale == 1 {
            // Chinese numerals 二 … 二十九.
            var q = p
            while q > 0, ChineseDate.chineseDigit(s[q - 1]) != nil || s[q - 1] == "十" { q -= 1 }
            guard q < p else { return nil }
            n = chineseNumber(Array(s[q..<p]))
            p = q
        }
        guard p > 0, s[p - 1] == "等" else { return nil }
        return (p - 1, n)
    }

    static func chineseNumber(_ s: [Unicode.Scalar]) -> Int {
        var value = 0, current = 0
        for c in s {
            if c == "十" { value += (current == 0 ? 1 : current) * 10; current = 0 } else if let d = ChineseDate.chineseDigit(c) { current = d }
        }
        return value + current
    }

    /// Reported issuances in a sentence (or heading). The title is the bracketed 《…》 after the verb, or — when
    /// not bracketed — the rest of the clause if it ends in a strong document type ("…实施方案"). The issuers are
    /// the agency hits listed right before the verb (adverbs and "等N部门" skipped) or, when no hit stands there,
    /// what `bodies` reads in the clause before the verb (the body grammar: names no list holds, "X会同Y").
    ///
    /// `earlierTitle` names the document a genre noun refers back to ("这份由X等21个部门印发的规划" after "《Z规划》"):
    /// given the genre word, the latest title of that genre the text cited before (nil when none).
    static func reportedIssuances(span: ScalarSpan, hits: [EntityHit], verbs: IssuanceVocabulary,
                                  bodies: ((Range<Int>) -> [EntityHit]?)? = nil,
                                  earlierTitle: ((String) -> String?)? = nil) -> [ReportedIssuance] {
        var out: [ReportedIssuance] = []
        let s = span.scalars
        // Verbs that close their clause: a title before them may be the subject of its issuance.
        var closingVerbs: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard let k = verbs.prose.firstMatch(in: s, at: i) else { i += 1; continue }
            let verb = verbs.prose.words[k]
            let afterVerb = i + verb.count
            defer { i = afterVerb }
            if i > 0, afterVerb == s.count || s[afterVerb].isClausePunctuation || s[afterVerb] == "。" { closingVerbs.append(i..<afterVerb) }
            // Issuers before the verb (skipping adverbs and "等N部门").
            let (p, complete) = issuersEnd(before: i, in: span)
            // Title after the verb.
            var t = afterVerb
            // (Verbs in a row state one issuance: "制定出台《Z》", "研究制定并印发《Z》".)
            while t < s.count {
                if let next = verbs.prose.firstMatch(in: s, at: t) { t += verbs.prose.words[next].count }
                else if s[t] == "并", verbs.prose.firstMatch(in: s, at: t + 1) != nil { t += 1 }
                else { break }
            }
            if t < s.count, s[t] == "了" || s[t] == "的" { t += 1 }
            while t < s.count, s[t].isInlineSpace { t += 1 }
            guard t < s.count else { continue }
            let title: String
            let titleRange: Range<Int>
            let statementEnd: Int
            var refersBack = false
            if s[t] != "《", s[afterVerb] == "的", let earlierTitle, let genre = genreNoun(s, at: t),
               let earlier = earlierTitle(genre) {
                // "由X印发的规划": the genre noun stands for the document the text named before.
                title = earlier
                titleRange = t..<(t + genre.unicodeScalars.count)
                statementEnd = titleRange.upperBound
                refersBack = true
            } else if let closer = Self.titleQuotes[s[t]], let close = s[(t + 1)..<min(s.count, t + 82)].firstIndex(of: closer),
                      case let quoted = span.string((t + 1)..<close).trimmingSpaces(), quoted.unicodeScalars.count >= 6,
                      GenreWords.genre(ofTitle: quoted)?.isStrong == true {
                // A title in quotation marks instead of 《》 ("国务院日前发布“某某三年行动计划”").
                title = quoted
                titleRange = (t + 1)..<close
                statementEnd = close + 1
            } else if s[t] == "《" {
                guard let close = matchingClose(span, open: t) else { continue }
                title = span.string((t + 1)..<close).trimmingSpaces()
                // (《目录》, 《意见》: a short form of a title named before, not a document of its own.)
                guard title.unicodeScalars.count >= 4 else { continue }
                // (《X》名单, 《X》榜单: the bracket names a list, part of a longer noun, not a document's title.)
                if GenreWords.genre(ofTitle: title) == nil, namesAList(s, at: close + 1) { continue }
                titleRange = (t + 1)..<close
                statementEnd = close + 1
            } else {
                let e = bareTitleEnd(s, from: t)
                guard e - t >= 4, e - t <= 60 else { continue }
                // (A title closing a 《 it never opened is the tail of a cited title the verb stands in:
                // "《某省人民政府印发关于…的通知》" cites a notice, it reports no issuance.)
                let depth = s[t..<e].reduce(0) { $0 + ($1 == "《" ? 1 : $1 == "》" ? -1 : 0) }
                guard depth >= 0 else { continue }
                title = span.string(t..<e).trimmingSpaces()
                // (A weak genre word — 要点, 清单, 报告 — names a document when the report defines its short name right
                // after it: "…工作要点（以下简称“要点”）", or when the clause is an official title: "关于…的报告".)
                guard let genre = GenreWords.genre(ofTitle: title),
                      genre.isStrong || definesShortName(s, at: e) || isOfficialTitleShape(title, genre: genre),
                      title.unicodeScalars.first.map({ !verbs.prose.mayStart(with: $0) }) ?? false else { continue }
                titleRange = t..<e
                statementEnd = e
            }
            var issuers = hits.chain(of: .agency, endingAt: p, in: span)
            // (A list the hits cover only in part — "江苏省财政厅、省科技厅…", a short form no hit reads — is read
            // whole by the body grammar when it can.)
            // (Only 、 continues a list inside the clause: a comma ends the clause the grammar would read.)
            let cutShort = issuers.first.map { $0.range.lowerBound > 0 && s[$0.range.lowerBound - 1] == "、" } ?? false
            if issuers.isEmpty || cutShort, let bodies, let read = bodiesBefore(p, in: span, bodies), read.count > issuers.count {
                issuers = read
            }
            // (A genre noun refers back only in the passive "由X印发的规划": "X印发的规划" may be any plan of X's.)
            if refersBack, issuers.first.map({ $0.range.lowerBound == 0 || s[$0.range.lowerBound - 1] != "由" }) ?? true { continue }
            // "该省印发《Z》": the region the report is about, named before; as for a region, no issuer is stated.
            if issuers.isEmpty, let start = anaphoricRegionStart(before: p, in: s) {
                out.append(ReportedIssuance(issuers: [], issuersComplete: false, title: title, titleRange: titleRange,
                                            statementRange: start..<statementEnd))
                continue
            }
            // "湖北省出台《Z》": a region stands for its government or party committee, which the text does not name.
            // The document exists; its issuers are not stated (none, incomplete).
            if issuers.isEmpty, let region = hits.chain(of: .region, endingAt: p, in: span).first, region.range.lowerBound == 0
                || isClauseEnd(s[region.range.lowerBound - 1]) || s[region.range.lowerBound - 1].isInlineSpace {
                out.append(ReportedIssuance(issuers: [], issuersComplete: false, title: title, titleRange: titleRange,
                                            statementRange: region.range.lowerBound..<statementEnd))
                continue
            }
            guard let firstIssuer = issuers.first else { continue }
            out.append(ReportedIssuance(issuers: issuers, issuersComplete: complete, title: title, titleRange: titleRange,
                                        statementRange: firstIssuer.range.lowerBound..<statementEnd))
        }
        return closingVerbs.isEmpty ? out : out + subjectTitleIssuances(span: span, hits: hits, closingVerbs: closingVerbs)
    }

    /// Quotation marks a report may write a title in instead of 《》, opening → closing.
    static let titleQuotes: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "「": "」", "『": "』", "\"": "\""]

    /// A clause that reads as an official title: '关于' … '的' genre ("关于某市2031年计划执行情况的报告").
    static func isOfficialTitleShape(_ title: String, genre: GenreWord) -> Bool {
        title.hasPrefix("关于") && title.hasSuffix("的" + genre.word) && title.unicodeScalars.count >= 8
    }

    /// A report whose subject is the document it reports issued, no issuer named: the title opens the clause, an
    /// issuance verb (after adverbs: 近日, 正式 …) closes it ("某市健康老龄化行动方案（2031—2033年）近日出台。",
    /// "《某省数字经济促进条例》日前正式公布，"). A bare title must open with a region's name and end with a strong
    /// genre word; the issuers are not stated (none, incomplete).
    ///
    ///     subjectTitle → clauseStart ('《' T '》' | T(region … strongGenre note?)) adverb* verb clauseEnd
    /// `closingVerbs`: the issuance verbs of the span that end their clause (nothing is issued after them).
    static func subjectTitleIssuances(span: ScalarSpan, hits: [EntityHit], closingVerbs: [Range<Int>]) -> [ReportedIssuance] {
        let s = span.scalars
        var out: [ReportedIssuance] = []
        for verb in closingVerbs {
            let afterVerb = verb.upperBound
            var p = verb.lowerBound
            var skipped = true
            while skipped, p > 0 {
                skipped = false
                for adverb in adverbs where p >= adverb.count && span.matches(adverb, at: p - adverb.count) { p -= adverb.count; skipped = true; break }
            }
            guard p > 0 else { continue }
            var start = p
            // (A title's bracketed note is part of it: only punctuation ends the clause here.)
            while start > 0, !s[start - 1].isClausePunctuation, s[start - 1] != "。", p - start <= 80 { start -= 1 }
            guard start == 0 || s[start - 1].isClausePunctuation || s[start - 1] == "。" else { continue }
            let title: String
            let titleRange: Range<Int>
            if s[p - 1] == "》", s[start] == "《", matchingClose(span, open: start) == p - 1 {
                titleRange = (start + 1)..<(p - 1)
                title = span.string(titleRange).trimmingSpaces()
                guard title.unicodeScalars.count >= 6, GenreWords.genre(ofTitle: title) != nil else { continue }
            } else {
                titleRange = start..<p
                title = span.string(titleRange).trimmingSpaces()
                guard title.unicodeScalars.count >= 6, title.unicodeScalars.count <= 60,
                      GenreWords.genre(ofTitle: title)?.isStrong == true,
                      hits.contains(where: { $0.kind == .region && $0.range.lowerBound == start }),
                      !s[start..<p].contains(where: { $0 == "《" || $0 == "“" || $0 == "的" }) else { continue }
            }
            out.append(ReportedIssuance(issuers: [], issuersComplete: false, title: title, titleRange: titleRange,
                                        statementRange: start..<afterVerb))
        }
        return out
    }

    /// The strong genre word a noun phrase starts with at `i` when it stands alone ("的规划明确了…", "的方案提出"):
    /// the longest such word not followed by another genre word's start. Nil when none starts there.
    ///
    ///     genreNoun → strongGenreWord
    static func genreNoun(_ s: [Unicode.Scalar], at i: Int) -> String? {
        for genre in GenreWords.all where genre.isStrong {
            let w = genre.word.unicodeScalars
            guard i + w.count <= s.count, s[i..<(i + w.count)].elementsEqual(w) else { continue }
            return genre.word
        }
        return nil
    }

    /// Words that refer back to the region a report is about: "该省", "该市" … (the region itself named before).
    static let anaphoricRegions: [[Unicode.Scalar]] = ["该自治区", "该省", "该市", "该县", "该区", "该州", "该盟", "该旗"].map(scalars)

    /// Where a region word referring back ("该省") ends at `end` and opens its clause, nil when none does:
    ///
    ///     anaphoricRegion → clauseStart ('该省' | '该市' | '该县' | '该区' | '该州' | '该自治区' …)
    static func anaphoricRegionStart(before end: Int, in s: [Unicode.Scalar]) -> Int? {
        for word in anaphoricRegions where end >= word.count && s[(end - word.count)..<end].elementsEqual(word) {
            let start = end - word.count
            guard start == 0 || isClauseEnd(s[start - 1]) || s[start - 1].isInlineSpace || s[start - 1] == "。" else { return nil }
            return start
        }
        return nil
    }

    /// The short names a sentence defines for the titles before them: "《Z》（以下简称《S》）" or "…（以下简称“S”）" →
    /// (S, Z). A report may then name the document by S alone ("该省近日印发《S》").
    ///
    ///     shortNameDefinition → '《' full '》' ('（' | '(') '以下简称' ('《' short '》' | '“' short '”') ('）' | ')')
    static func shortNameDefinitions(in span: ScalarSpan) -> [(short: String, full: String)] {
        let s = span.scalars
        var out: [(short: String, full: String)] = []
        var from = 0
        while let k = span.find(shortNameWord, from: from) {
            from = k + shortNameWord.count
            guard k >= 3, s[k - 1] == "（" || s[k - 1] == "(", s[k - 2] == "》" else { continue }
            // The full title: back to the 《 opening the 》 before the bracket.
            var depth = 0
            var open: Int? = nil
            var j = k - 2
            while j >= 0 {
                if s[j] == "》" { depth += 1 } else if s[j] == "《" { depth -= 1; if depth == 0 { open = j; break } }
                j -= 1
            }
            guard let open, k - 2 - open - 1 >= 4 else { continue }
            var a = from
            while a < s.count, s[a] == "：" || s[a] == ":" || s[a].isInlineSpace { a += 1 }
            guard a < s.count, s[a] == "《" || s[a] == "“" else { continue }
            let closer: Unicode.Scalar = s[a] == "《" ? "》" : "”"
            guard let close = s[(a + 1)...].firstIndex(of: closer), close - a - 1 >= 2, close - a - 1 <= 16,
                  close + 1 < s.count, s[close + 1] == "）" || s[close + 1] == ")" else { continue }
            out.append((span.string((a + 1)..<close), span.string((open + 1)..<(k - 2)).trimmingSpaces()))
        }
        return out
    }

    /// Work reports a body delivers to its congress, the speaker named instead of an issuer ("总理…作政府工作报告",
    /// "省长在作政府工作报告时", "代表国务院所作的《政府工作报告》"): the report is a document; who issued it is
    /// not stated (issuers empty, incomplete).
    ///
    ///     deliveredReport → '作' ('了' | '的')? '《'? reportTitle '》'? (nonHan | '时' | '中' | '后') | statedInReport
    ///     reportTitle → Han{0,10} ('政府' | '人民法院' | '人民检察院' | '常委会' | '常务委员会') '工作报告'
    static func deliveredReports(span: ScalarSpan) -> [ReportedIssuance] {
        let s = span.scalars
        var out: [ReportedIssuance] = []
        var from = 0
        while let r = span.find(workReport, from: from) {
            from = r + workReport.count
            guard let head = reportHeads.first(where: { r >= $0.count && s[(r - $0.count)..<r].elementsEqual($0) }) else { continue }
            // The end: the report's name stands alone (a bracket, punctuation, or 时/中/后 of a time clause).
            var end = from
            let bracketed = end < s.count && s[end] == "》"
            if bracketed { end += 1 }
            if let statement = statedInReport(span, head: r - head.count, end: end, bracketed: bracketed) {
                let titleRange = (r - head.count)..<(r + workReport.count)
                out.append(ReportedIssuance(issuers: [], issuersComplete: false, title: span.string(titleRange), titleRange: titleRange,
                                            statementRange: statement, titleIsGeneric: true))
                continue
            }
            guard end == s.count || !s[end].isHanIdeograph || (!bracketed && "时中后".unicodeScalars.contains(s[end])) else { continue }
            // Back from the head to 作 (at most ten characters of the body's name between).
            var start = r - head.count
            var k = start
            while k > 0, start - k <= 10, s[k - 1] != "作", s[k - 1].isHanIdeograph { k -= 1 }
            var v = k
            if v > 0, s[v - 1] == "《" { guard bracketed else { continue }; start = k; v -= 1 } else {
                guard !bracketed else { continue }
                start = k
            }
            if v > 0, s[v - 1] == "的" || s[v - 1] == "了" { v -= 1 }
            guard v > 0, s[v - 1] == "作", v < 2 || !madeWithZuo.contains(s[v - 2]) else { continue }
            let titleRange = start..<(r + workReport.count)
            out.append(ReportedIssuance(issuers: [], issuersComplete: false, title: span.string(titleRange), titleRange: titleRange,
                                        statementRange: (v - 1)..<end, titleIsGeneric: true))
        }
        return out
    }
    static let workReport = scalars("工作报告")

    /// The speaker states what the report says, the report named right after 在 ("总理5日在政府工作报告中提出",
    /// "在《政府工作报告》中指出"): the report was delivered. A report something is written into ("写入政府工作报告中")
    /// states nothing and is no such statement.
    ///
    ///     statedInReport → '在' '《'? reportTitle '》'? '中' statingVerb
    static func statedInReport(_ span: ScalarSpan, head: Int, end: Int, bracketed: Bool) -> Range<Int>? {
        let s = span.scalars
        var q = head
        if bracketed { guard q > 0, s[q - 1] == "《" else { return nil }; q -= 1 }
        guard q > 0, s[q - 1] == "在", end < s.count, s[end] == "中" else { return nil }
        guard let verb = statingVerbs.first(where: { end + 1 + $0.count <= s.count && s[(end + 1)..<(end + 1 + $0.count)].elementsEqual($0) })
        else { return nil }
        return (q - 1)..<(end + 1 + verb.count)
    }
    /// Verbs of a speaker stating what a report says.
    static let statingVerbs: [[Unicode.Scalar]] = ["提出", "指出", "表示", "强调", "明确", "宣布"].map(scalars)
    /// The bodies that report on their work to a people's congress.
    static let reportHeads: [[Unicode.Scalar]] = ["常务委员会", "人民检察院", "人民法院", "常委会", "政府"].map(scalars)
    /// Characters that make a word with a following 作 (制作, 合作, 工作 …): no report is delivered there.
    static let madeWithZuo = Set("制工创合操运协动写劳炒耕习".unicodeScalars)
    /// The cue words of `deliveredReports` for the sentence prefilter.
    static let deliveredReportCues: [[Unicode.Scalar]] = [workReport]

    /// Words joining the issuers of one issuance in prose: "X会同Y印发", "X联合Y发布".
    static let jointIssuance: [[Unicode.Scalar]] = ["会同", "联合"].map(scalars)

    /// The bodies `read` finds in the clause ending at `end` (from the last clause mark before it), the clause cut at
    /// "会同"/"联合"; nil when some part of the clause is no body.
    static func bodiesBefore(_ end: Int, in span: ScalarSpan, _ read: (Range<Int>) -> [EntityHit]?) -> [EntityHit]? {
        let s = span.scalars
        var start = end
        while start > 0, end - start < 60, !isClauseEnd(s[start - 1]), s[start - 1] != "》", s[start - 1] != "）",
              s[start - 1] != ")", s[start - 1] != "。" { start -= 1 }
        guard end - start >= 2 else { return nil }
        if let read = bodies(start..<end, in: span, read) { return read }
        // (A news dateline spaced off before the issuers, "本报讯 市商务局、市财政局印发…": the names after it.)
        guard let space = s[start..<end].lastIndex(where: { $0.isInlineSpace }), end - space > 2,
              s[start..<space].contains(where: { !$0.isInlineSpace }) else { return nil }
        return bodies((space + 1)..<end, in: span, read)
    }

    /// The bodies `read` finds in `clause`, cut at "会同"/"联合"; nil when some part is no body.
    static func bodies(_ clause: Range<Int>, in span: ScalarSpan, _ read: (Range<Int>) -> [EntityHit]?) -> [EntityHit]? {
        let (start, end) = (clause.lowerBound, clause.upperBound)
        var parts: [Range<Int>] = []
        var from = start
        var j = start
        while j < end {
            if let word = jointIssuance.first(where: { span.matches($0, at: j) && j + $0.count <= end }) {
                parts.append(from..<j)
                j += word.count
                from = j
            } else {
                j += 1
            }
        }
        parts.append(from..<end)
        var out: [EntityHit] = []
        for part in parts {
            guard part.count >= 2, let found = read(part), !found.isEmpty else { return nil }
            out += found
        }
        return out
    }

    /// Index of the 》 closing the 《 at `open` (nested 《》 counted; 〈〉 inside are part of the title).
    static func matchingClose(_ span: ScalarSpan, open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < span.count {
            let c = span.scalars[i]
            if c == "《" { depth += 1 } else if c == "》" {
                depth -= 1
                if depth == 0 { return i }
            } else if c == "\n" && i - open > 200 { return nil }
            i += 1
        }
        return nil
    }

    @inline(__always)
    /// Nouns of a list or ranking that a bracketed name can stand before ("《某某百强企业》名单").
    static let listNouns: [[Unicode.Scalar]] = ["名单", "榜单", "排行榜", "排名", "名录"].map(scalars)

    /// A list noun at `i`: the 《》 before it names a list, not a document.
    ///
    ///     listName → '《' name '》' listNoun      (name ends with no genre word)
    static func namesAList(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        listNouns.contains { i + $0.count <= s.count && s[i..<(i + $0.count)].elementsEqual($0) }
    }

    /// "（以下简称" (or "(以下简称") at `i`: the clause before it named a document in full.
    ///
    ///     shortNameDefinition → ('（' | '(') '以下简称'
    static func definesShortName(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 5 <= s.count, s[i] == "（" || s[i] == "(" else { return false }
        return s[(i + 1)..<(i + 5)].elementsEqual(shortNameWord)
    }
    static let shortNameWord = scalars("以下简称")

    /// Where a title written without 《》 after an issuance verb ends: at the end of its clause. A title in the
    /// official shape runs over the words it brackets itself ("下发关于公布第三批示范区（项目）名单的通知",
    /// "印发关于推动…若干政策举措（2031年版）的通知"): a bracket holding no clause mark, title or 文号 bracket and no
    /// short-name definition (以下简称), closed within twelve scalars and followed by more of the title, is part of it;
    /// any other bracket ends the clause (a 文号 after it).
    ///
    ///     bareTitle → '关于' (char | '(' char{1,12} ')' char)* … clauseEnd      | char* clauseEnd
    static func bareTitleEnd(_ s: [Unicode.Scalar], from t: Int) -> Int {
        let official = t + 2 <= s.count && s[t] == "关" && s[t + 1] == "于"
        var e = t
        while e < s.count {
            let c = s[e]
            if official, c == "（" || c == "(" {
                let closer: Unicode.Scalar = c == "（" ? "）" : ")"
                var k = e + 1
                while k < s.count, k - e <= 13, s[k] != closer, !s[k].isClausePunctuation, !Self.notTitleBracket.contains(s[k]) { k += 1 }
                if k < s.count, k - e <= 13, k > e + 1, s[k] == closer, k + 1 < s.count, !isClauseEnd(s[k + 1]), s[k + 1] != "。",
                   !(s[e + 1] == "以" && k > e + 2 && s[e + 2] == "下") {
                    e = k + 1
                    continue
                }
            }
            if isClauseEnd(c) { break }
            e += 1
        }
        return e
    }

    /// Scalars no bracket inside a title holds: another bracket, a title's or a 文号's (a citation after the title).
    static let notTitleBracket: Set<Unicode.Scalar> = ["（", "(", "《", "》", "〔", "〕", "[", "]", "【", "】", "﹝", "﹞"]

    static func isClauseEnd(_ c: Unicode.Scalar) -> Bool {
        c.isClausePunctuation || c == "（" || c == "("
    }
}

extension String {
    /// The string without leading and trailing spaces and newlines.
    func trimmingSpaces() -> String {
        var v = Substring(self).unicodeScalars
        while let f = v.first, f.isInlineSpace || f == "\n" { v.removeFirst() }
        while let l = v.last, l.isInlineSpace || l == "\n" { v.removeLast() }
        return String(v)
    }
}
