import PolicyCore
import PolicyOntology
import PolicyText

/// An issuing body of a document, with the clean byte range where it is stated.
struct DraftIssuer: Sendable, Hashable {
    var nodeID: String
    var canonical: String
    var surface: String
    var statedAt: Range<Int>
}

/// Where a document's issuers were read; a better source replaces a worse one on merge.
enum IssuerSource: Int, Sendable, Comparable {
    case none = 0, reported = 1, title = 2, signature = 3
    static func < (a: IssuerSource, b: IssuerSource) -> Bool { a.rawValue < b.rawValue }
}

/// A document as the extractors state it, before it becomes a node: full text segments, reported issuances
/// ("X印发《Y》"), and cited titles that name their issuers ("《X关于…的通知》").
struct DocumentDraft: Sendable {
    var title: String
    var number: DocumentNumber?
    var date: String?
    /// The date is the body's 成文日期 (it wins over a metadata table's or a news item's date on merge).
    var dateIsSigned = false
    var type: String?
    var issuers: [DraftIssuer] = []
    var issuerSource: IssuerSource = .none
    var issuersComplete = true
    var fullText: Bool
    var addressee: String?
    /// Clean byte range and sentence of each statement of the document.
    var evidence: [(range: Range<Int>, sentence: String)] = []
    /// Titles and 文号 this document cites (keys for `DocumentRegistry.lookup`).
    var cites: [(title: String?, number: String?, range: Range<Int>, sentence: String)] = []

    /// Fixed when the draft is first registered, so that later merges do not move it.
    var assignedID: String?

    /// "document:<文号>" or "document:<title without spaces>".
    var id: String { assignedID ?? "document:" + (number?.text ?? DocumentRegistry.titleKey(title)) }
}

/// The documents of one file, merged by 文号 or by title.
struct DocumentRegistry {
    private(set) var drafts: [DocumentDraft] = []
    // (Keyed by bytes: titles are long, and String hashing would normalise every one of them.)
    private var byID: [ByteKey: Int] = [:]
    private var byTitle: [ByteKey: Int] = [:]
    private var byNumber: [ByteKey: Int] = [:]
    /// Title keys without the issuers a title opens with (see `bareTitleKey`).
    private var byBareTitle: [ByteKey: Int] = [:]

    /// Title without spaces, quotes and brackets normalised, for matching: spaces (" ", tab, U+3000, U+00A0) and
    /// line breaks dropped; — – － → "-"; ( ) → （ ）; < 〈 → 《; > 〉 → 》. Worked on the UTF-8, and the title itself is
    /// returned (no copy) when nothing changes.
    static func titleKey(_ title: String) -> String {
        var utf8 = title
        return utf8.withUTF8 { b -> String in
            var out: [UInt8] = []
            var copied = 0  // bytes before this are in `out` (once it is in use)
            var changed = false
            var i = 0
            func replace(_ length: Int, with replacement: [UInt8]) {
                if !changed { changed = true; out.reserveCapacity(b.count) }
                out.append(contentsOf: b[copied..<i])
                out.append(contentsOf: replacement)
                i += length
                copied = i
            }
            while i < b.count {
                switch b[i] {
                case 0x20, 0x09, 0x0A: replace(1, with: [])
                case 0x28: replace(1, with: [0xEF, 0xBC, 0x88])  // （
                case 0x29: replace(1, with: [0xEF, 0xBC, 0x89])  // ）
                case 0x3C: replace(1, with: [0xE3, 0x80, 0x8A])  // 《
                case 0x3E: replace(1, with: [0xE3, 0x80, 0x8B])  // 》
                case 0xC2 where i + 1 < b.count && b[i + 1] == 0xA0: replace(2, with: [])
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x93 || b[i + 2] == 0x94):
                    replace(3, with: [0x2D])  // – —
                case 0xEF where i + 2 < b.count && b[i + 1] == 0xBC && b[i + 2] == 0x8D: replace(3, with: [0x2D])  // －
                case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: replace(3, with: [])  // U+3000
                case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x88: replace(3, with: [0xE3, 0x80, 0x8A])
                case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x89: replace(3, with: [0xE3, 0x80, 0x8B])
                default: i += 1
                }
            }
            guard changed else { return title }
            out.append(contentsOf: b[copied..<b.count])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Index of the draft with this 文号 or title, if any.
    func lookup(title: String?, number: String?) -> Int? {
        if let number, let i = byNumber[ByteKey(number)] { return i }
        if let title {
            let key = Self.titleKey(title)
            if let i = byTitle[ByteKey(key)] { return i }
            if let bare = Self.withoutRevisionNote(key), let i = byTitle[ByteKey(bare)] { return i }
        }
        return nil
    }

    /// A title key without the edition note a page adds after a revised document's title ("…的通知（2019修订）",
    /// "…办法（2020年修正）"): the same document. Nil when the key ends with no such note.
    ///
    ///     revisionNote → '（' (digit{4} '年'?)? ('修订' | '修正') '版'? '）'
    static func withoutRevisionNote(_ key: String) -> String? {
        let u = Array(key.unicodeScalars)
        guard u.last == "）", let open = u.lastIndex(of: "（"), open > 0 else { return nil }
        var i = open + 1
        var digits = 0
        while i < u.count, u[i].value &- 0x30 < 10 { i += 1; digits += 1 }
        guard digits == 0 || digits == 4 else { return nil }
        if digits == 4, i < u.count, u[i] == "年" { i += 1 }
        guard i + 2 < u.count, u[i + 1] == "正" || u[i + 1] == "订", u[i] == "修" else { return nil }
        i += 2
        if u[i] == "版" { i += 1 }
        guard i == u.count - 1 else { return nil }
        return String(String.UnicodeScalarView(u[..<open]))
    }

    subscript(i: Int) -> DocumentDraft { drafts[i] }

    /// The title key without the issuers it opens with ("最高人民检察院关于印发…" → "关于印发…", "某省人民政府办公厅转发…"
    /// → "转发…"): a page prints a title once with its 发文机关 and once without, and both name one document. Nil when
    /// the title does not open with its issuers' names (spaces between them allowed).
    ///
    ///     prefixedTitle → issuer (sp? issuer)* bareTitle
    static func bareTitleKey(_ draft: DocumentDraft) -> String? {
        guard !draft.issuers.isEmpty else { return nil }
        let key = Array(titleKey(draft.title).unicodeScalars)
        var i = 0
        for issuer in draft.issuers {
            let name = Array(titleKey(issuer.surface).unicodeScalars)
            guard !name.isEmpty, i + name.count <= key.count, key[i..<(i + name.count)].elementsEqual(name) else { return nil }
            i += name.count
            if i < key.count, key[i] == "、" { i += 1 }
        }
        guard key.count - i >= 6 else { return nil }
        return String(String.UnicodeScalarView(key[i...]))
    }

    /// The draft that `draft` names with or without its issuers' prefix, when their issuers agree (or one states none).
    private func prefixedTwin(of draft: DocumentDraft) -> Int? {
        var found: Int? = nil
        if let bare = Self.bareTitleKey(draft) { found = byTitle[ByteKey(bare)] }
        if found == nil { found = byBareTitle[ByteKey(Self.titleKey(draft.title))] }
        guard let j = found else { return nil }
        let a = drafts[j].issuers.map(\.nodeID), b = draft.issuers.map(\.nodeID)
        return a.isEmpty || b.isEmpty || a == b ? j : nil
    }

    /// Adds a draft or merges it into the document it names; returns the document's id.
    @discardableResult
    mutating func register(_ draft: DocumentDraft) -> String {
        guard let i = lookup(title: draft.title, number: draft.number?.text) ?? byID[ByteKey(draft.id)] ?? prefixedTwin(of: draft) else {
            let i = drafts.count
            var fixed = draft
            fixed.assignedID = draft.id
            drafts.append(fixed)
            index(i)
            return fixed.id
        }
        // (Merged in place: a copy of the draft would copy its evidence and citations at every merge.)
        if drafts[i].number == nil, let n = draft.number { drafts[i].number = n }
        if drafts[i].date == nil || (draft.dateIsSigned && !drafts[i].dateIsSigned && draft.date != nil) {
            drafts[i].date = draft.date
            drafts[i].dateIsSigned = draft.dateIsSigned
        }
        if drafts[i].type == nil { drafts[i].type = draft.type }
        if drafts[i].addressee == nil { drafts[i].addressee = draft.addressee }
        if draft.fullText && !drafts[i].fullText {
            drafts[i].fullText = true
            drafts[i].title = draft.title
        }
        if draft.issuerSource > drafts[i].issuerSource
            || (draft.issuerSource == drafts[i].issuerSource && draft.issuers.count > drafts[i].issuers.count) {
            drafts[i].issuers = draft.issuers
            drafts[i].issuerSource = draft.issuerSource
            drafts[i].issuersComplete = draft.issuersComplete
        }
        drafts[i].evidence += draft.evidence
        drafts[i].cites += draft.cites
        index(i)
        return drafts[i].id
    }

    mutating func addCitation(to id: String, title: String?, number: String?, range: Range<Int>, sentence: String) {
        guard let i = byID[ByteKey(id)] else { return }
        drafts[i].cites.append((title, number, range, sentence))
    }

    private mutating func index(_ i: Int) {
        byID[ByteKey(drafts[i].id)] = i
        let key = Self.titleKey(drafts[i].title)
        byTitle[ByteKey(key)] = i
        if let bare = Self.withoutRevisionNote(key), byTitle[ByteKey(bare)] == nil { byTitle[ByteKey(bare)] = i }
        if let n = drafts[i].number?.text { byNumber[ByteKey(n)] = i }
        if let bare = Self.bareTitleKey(drafts[i]), byBareTitle[ByteKey(bare)] == nil { byBareTitle[ByteKey(bare)] = i }
    }
}

/// Turns document segments, reported issuances and cited titles into `DocumentDraft`s.
struct DocumentExtractor {
    let recognizer: EntityRecognizer
    /// The issuance verbs (reported issuance in headlines, the document a title issues).
    let verbs: IssuanceVocabulary
    /// Titles, headlines and signature lines already recognised in this file.
    let standalone: StandaloneMentions

    init(recognizer: EntityRecognizer, verbs: IssuanceVocabulary) {
        self.recognizer = recognizer
        self.verbs = verbs
        standalone = StandaloneMentions(recognizer: recognizer)
    }

    /// Agency hits in a standalone string (a title or headline).
    func agencyHits(in string: String, span: ScalarSpan, contextProvince: String?) -> [EntityHit] {
        standalone.mentions(in: string, contextProvince: contextProvince)
            .map { EntityHit(range: span.index(ofByte: $0.range.lowerBound)..<span.index(ofByte: $0.range.upperBound),
                             kind: $0.kind, nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface) }
    }

    /// The first region code named in a string (for resolving 省财政厅 and ambiguous place names).
    func regionCode(in string: String) -> String? {
        for m in standalone.mentions(in: string, contextProvince: nil) where m.kind == .region {
            let code = m.nodeID.dropFirst("region:".count)
            if code.count == 6, code.allSatisfy(\.isNumber) { return String(code) }
        }
        return nil
    }

    /// The bodies signing on one signature line: the line as one body, or — where text extraction ran two lines
    /// together ("江苏省财政厅国家税务总局江苏省税务局") — the bodies that tile the line, in order. A central body
    /// written right before a local one is that body's branch prefix (国家税务总局 + 江苏省税务局 is the provincial
    /// bureau), not a signatory of its own. Empty when the line is not made of bodies.
    func signatureBodies(_ line: String, contextProvince: String?) -> [(mention: EntityMention, complete: Bool)] {
        // Bodies written on one line are usually spaced ("江苏省科学技术厅 江苏省财政厅"): each chunk on its own, so
        // that one body the gazetteer does not know costs only itself.
        let isSeparator: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        if line.unicodeScalars.contains(where: isSeparator) {
            let chunks = line.unicodeScalars.split(whereSeparator: isSeparator)
            if chunks.count > 1 {
                let read = chunks.map { signatureBodies(String($0), contextProvince: contextProvince) }
                // A central body written without its 国家 beside other central bodies ("市场监管总局 能源局").
                guard read.joined().contains(where: { $0.mention.level == AgencyLevel.central.rawValue }) else { return read.flatMap { $0 } }
                return zip(chunks, read).flatMap { chunk, bodies in
                    bodies.isEmpty ? centralBodyWithoutState(String(chunk)).map { [($0, true)] } ?? [] : bodies
                }
            }
        }
        // The body grammar reads what no gazetteer or pattern covers, and a central body's branch as one name
        // (国家税务总局江苏省税务局).
        let known = knownSignatureBodies(line, contextProvince: contextProvince)
        let scalars = Array(line.unicodeScalars)
        if known.isEmpty || recognizer.grammar.startsWithCentralBody(scalars, 0..<scalars.count),
           let parsed = grammarBodies(line, contextProvince: contextProvince),
           known.isEmpty || parsed.contains(where: { $0.production == .vertical }) {
            return parsed.map { (EntityMention(range: 0..<0, kind: .agency, nodeID: $0.nodeID, canonical: $0.canonical,
                                               surface: $0.surface, confidence: $0.confidence, level: $0.level?.rawValue,
                                               parent: $0.parent), $0.complete) }
        }
        return known.map { ($0, true) }
    }

    /// A central body's short name written without its leading 国家 in a joint signature of central bodies
    /// ("能源局" beside "市场监管总局" is 国家能源局): the gazetteer's central body named 国家 + the name, when the name
    /// ends with a body head. Nil otherwise.
    ///
    ///     centralShort → name   with   '国家' name ∈ central bodies
    func centralBodyWithoutState(_ name: String) -> EntityMention? {
        guard (2...12).contains(name.count), !name.hasPrefix("国家"),
              let last = name.unicodeScalars.last, recognizer.grammar.mayEndBody(last),
              let agency = recognizer.ontology.agency(named: "国家" + name), agency.level == .central else { return nil }
        return EntityMention(range: 0..<0, kind: .agency, nodeID: agency.id, canonical: agency.canonical, surface: name,
                             confidence: 0.9, level: agency.level.rawValue, parent: agency.parent)
    }

    /// The bodies of a signature line (without separators) as the gazetteer and the recogniser's patterns give them:
    /// the line as one body, or bodies that tile it. Empty when the line is not made of such bodies.
    private func knownSignatureBodies(_ line: String, contextProvince: String?) -> [EntityMention] {
        let bytes = Array(line.utf8)
        let all: [EntityMention]
        // (The test `resolveAgency` trims by.)
        let untrimmed = line.unicodeScalars.first.map(\.properties.isWhitespace) ?? true
            || line.unicodeScalars.last.map(\.properties.isWhitespace) ?? true
        if untrimmed || recognizer.ontology.agency(named: line) != nil {
            if let m = recognizer.resolveAgency(line, contextProvince: contextProvince) {
                return m.kind == .agency ? [m] : []
            }
            all = recognizer.mentions(in: bytes, range: 0..<bytes.count, contextProvince: contextProvince)
        } else {
            // A line with nothing to trim that is no gazetteer name: `resolveAgency` would recognise these same bytes
            // and take the agency covering all of them. The one recognition serves both that test and the tiling.
            all = recognizer.mentions(in: bytes, range: 0..<bytes.count, contextProvince: contextProvince)
            if let m = all.first(where: { $0.kind == .agency && $0.range == 0..<bytes.count }) { return [m] }
        }
        let found = all.filter { $0.kind == .agency }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var bodies: [EntityMention] = []
        var position = 0
        func skipSpaces() { while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 } }
        for m in found {
            skipSpaces()
            guard m.range.lowerBound == position else { return [] }  // something that is not a body: not a signature
            if let previous = bodies.last, previous.range.upperBound == m.range.lowerBound,
               previous.level == "central", m.level != nil, m.level != "central", m.level != "party" {
                bodies.removeLast()
            }
            bodies.append(m)
            position = m.range.upperBound
        }
        skipSpaces()
        return position == bytes.count && bodies.count >= 2 ? bodies : []
    }

    /// The bodies that exactly make up `string` (a signature line, a title's issuer part), read by the body grammar:
    /// bodies no list names, run together or spaced. Nil when some part of the string is no body name.
    func grammarBodies(_ string: String, contextProvince: String?) -> [BodyParse]? {
        let s = Array(string.unicodeScalars)
        return recognizer.grammar.tile(s, 0..<s.count, context: contextProvince.flatMap { recognizer.ontology.region(code: $0) })
    }

    /// A reader of body names in scalar ranges of `span` (the grammar's tiling as agency hits), for issuers stated in
    /// prose before an issuance verb.
    /// Without the document's province, a region the sentence names before the bodies resolves their implicit
    /// region words ("从广东省发展改革委获悉，省发改委等6部门…" → 广东省发展和改革委员会); read only when needed.
    func grammarHits(in span: ScalarSpan, contextProvince: String?) -> (Range<Int>) -> [EntityHit]? {
        let grammar = recognizer.grammar
        let scopeContext = contextProvince.flatMap { recognizer.ontology.region(code: $0) }
        return { range in
            // (The stretch must end where a body name can: most clauses before a verb do not.)
            guard let last = range.last, grammar.mayEndBody(span.scalars[last]) else { return nil }
            var bodies = grammar.tile(span.scalars, range, context: scopeContext)
            // (Only a name the grammar leaves generic asks for a region: read then, and rarely. A list writes its
            // region once, with its first name — "云南省农业农村厅、省财政厅" — else the sentence before names it.)
            if let read = bodies, read.contains(where: { !$0.complete }),
               let code = read.lazy.filter(\.complete).compactMap({ self.regionCode(in: $0.canonical) }).first
                ?? (contextProvince == nil ? self.regionCode(in: span.string(0..<range.lowerBound))
                    ?? self.issuedTitle(after: range.upperBound, in: span).flatMap(self.regionCode(in:)) : nil),
               let listContext = self.recognizer.ontology.region(code: code) {
                bodies = grammar.tile(span.scalars, range, context: listContext)
            }
            return bodies?.map {
                EntityHit(range: $0.range, kind: .agency, nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface)
            }
        }
    }

    /// The 《title》 a reported issuance names right after its issuers and verb ("省发展改革委近日印发《河北省…方案》"):
    /// the document's own region resolves the short names of its issuers ("省发展改革委" is Hebei's), as a
    /// signed document's region does. Nil when no 《 opens within a few characters.
    ///
    ///     issuedTitle → (adverb | verb){0,12} '《' title '》'
    func issuedTitle(after end: Int, in span: ScalarSpan) -> String? {
        let s = span.scalars
        var open = end
        while open < s.count, open - end < 12, s[open] != "《", !IssuerExtractor.isClauseEnd(s[open]), s[open] != "。" { open += 1 }
        guard open < s.count, s[open] == "《", let close = IssuerExtractor.matchingClose(span, open: open) else { return nil }
        return span.string((open + 1)..<close)
    }

    /// The issuers a title or headline names before 关于 or before its issuance verb ("X Y关于…", "X印发关于…"):
    /// the gazetteer and pattern mentions when they cover the issuer part, else the body grammar's reading of it.
    func titleIssuers(_ title: String, span: ScalarSpan, statedAt: Range<Int>, contextProvince: String?)
        -> (issuers: [DraftIssuer], complete: Bool)? {
        let hits = agencyHits(in: title, span: span, contextProvince: contextProvince)
        let s = span.scalars
        let context = contextProvince.flatMap { recognizer.ontology.region(code: $0) }
        if let (issuers, complete) = IssuerExtractor.titleIssuers(span: span, hits: hits) {
            // (Two names written with nothing between may be one: a central body's branch, "国家税务总局某省税务局",
            // which the grammar reads whole.)
            let touching = zip(issuers, issuers.dropFirst()).contains { $0.range.upperBound == $1.range.lowerBound }
            if touching, let first = issuers.first, let last = issuers.last,
               let bodies = recognizer.grammar.tile(s, first.range.lowerBound..<last.range.upperBound, context: context),
               !bodies.isEmpty, bodies.count < issuers.count {
                return (bodies.map { DraftIssuer(nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface, statedAt: statedAt) },
                        complete && bodies.allSatisfy(\.complete))
            }
            return (issuers.map { DraftIssuer(nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface, statedAt: statedAt) },
                    complete)
        }
        guard let part = IssuerExtractor.issuerPart(of: span, verbs: verbs) else { return nil }
        guard let bodies = recognizer.grammar.tile(s, part.range, context: context),
              !bodies.isEmpty else { return nil }
        return (bodies.map { DraftIssuer(nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface, statedAt: statedAt) },
                part.complete && bodies.allSatisfy(\.complete))
    }

    /// The document a segment reproduces, with issuers from its signature, its title or its headline (none when
    /// not stated: news items, articles); nil when the segment has no title or is a TOC/preface.
    func draft(for segment: DocumentSegment, in text: NormalizedText, contextProvince: String?) -> DocumentDraft? {
        // (An excerpt that starts at its 文号 is known by the number alone.)
        let named = segment.title ?? (segment.layout == .coverExcerpt ? segment.docNumber?.text : nil)
        guard let title = named?.trimmingSpaces(), !title.isEmpty,
              segment.kind != .toc, segment.kind != .preface else { return nil }
        let titleRange = segment.titleRange ?? segment.range.lowerBound..<min(segment.range.upperBound, segment.range.lowerBound + 1)
        let statement = segment.headline ?? title
        var draft = DocumentDraft(title: title, number: segment.docNumber, date: segment.date,
                                  type: GenreWords.genre(ofTitle: title)?.word, fullText: segment.layout != .reportedDocument,
                                  addressee: segment.addressee,
                                  evidence: [(titleRange, statement)])
        // (The 成文日期 of the body: not a metadata table's value, not a news item's date line.)
        if segment.date != nil, let dateRange = segment.dateRange, segment.kind != .news, segment.layout != .newsDigest {
            draft.dateIsSigned = !segment.metadata.contains { $0.range.overlaps(dateRange) }
        }
        // Signature block: one body a line (or several run together, read by the body grammar).
        var signed: [DraftIssuer] = []
        var signedComplete = true
        for line in segment.signatureLines {
            let found = signatureBodies(line.text, contextProvince: contextProvince)
            if found.contains(where: { !$0.complete }) { signedComplete = false }
            let bodies = found.map { DraftIssuer(nodeID: $0.mention.nodeID, canonical: $0.mention.canonical, surface: $0.mention.surface,
                                                 statedAt: line.range) }
            for body in bodies where !signed.contains(where: { $0.nodeID == body.nodeID }) { signed.append(body) }
        }
        if !signed.isEmpty {
            // The title names the leading issuers ("X等18部门关于…", "X Y关于…"). When the signature holds fewer bodies
            // than the title states (a body the signature lines lost in extraction), the title's issuers it lacks go
            // first, in title order. (With as many bodies, the signature wins a disagreement.)
            // (An excerpt known by its 文号 alone has no title to read: "某政办发〔…〕" names no body.)
            let span = ScalarSpan(title)
            draft.issuersComplete = signedComplete
            if segment.title != nil, let (issuers, complete) = titleIssuers(title, span: span, statedAt: titleRange, contextProvince: contextProvince) {
                let stated = complete ? issuers.count : IssuerExtractor.statedIssuerCount(span) ?? issuers.count
                if signed.count < stated {
                    let missing = issuers.filter { hit in !signed.contains { $0.nodeID == hit.nodeID } }
                    signed = missing + signed
                    draft.issuersComplete = signedComplete && signed.count >= stated
                }
            }
            draft.issuers = signed
            draft.issuerSource = .signature
            return draft
        }
        // Title "X Y关于…" or headline "X印发《T》".
        for candidate in [segment.title.map { _ in title }, segment.headline].compactMap({ $0 }) {
            let span = ScalarSpan(candidate)
            if let (read, complete) = titleIssuers(candidate, span: span, statedAt: titleRange, contextProvince: contextProvince) {
                let issuers = complete ? read : read.map { placedLevelWordBody($0, in: segment) ?? $0 }
                draft.issuers = issuers
                draft.issuerSource = .title
                draft.issuersComplete = complete || issuers.allSatisfy { !Self.isLevelWordBody($0) }
                return draft
            }
            let hits = agencyHits(in: candidate, span: span, contextProvince: contextProvince)
            if let reported = IssuerExtractor.reportedIssuances(span: span, hits: hits, verbs: verbs,
                                                                bodies: grammarHits(in: span, contextProvince: contextProvince)).first {
                draft.issuers = reported.issuers.map { DraftIssuer(nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface, statedAt: titleRange) }
                draft.issuerSource = .reported
                draft.issuersComplete = reported.issuersComplete
                return draft
            }
        }
        // A title that starts with a body's name and has no 关于 ("某某县人民政府工作规则"): that body, when the 文号's
        // issuer code is written from it (see `IssuerCode`).
        if segment.title != nil, let number = segment.docNumber, let body = leadingBody(of: title, contextProvince: contextProvince),
           IssuerCode.agrees(number, with: body, regionCanonical: body.regionPart.flatMap { recognizer.ontology.regions(named: $0).first?.canonical }) {
            draft.issuers = [DraftIssuer(nodeID: body.nodeID, canonical: body.canonical, surface: body.surface, statedAt: titleRange)]
            draft.issuerSource = .title
            draft.issuersComplete = body.complete
            return draft
        }
        // A page that publishes a body's own rules under their heading ("某市人民检察院…实施办法", "某县统计局…统计公报"),
        // no 文号 and no 署名: the body the heading opens with, when a region names it and a strong genre word ends it.
        // (A page's metadata table may stand above the heading. The body is the longest whole body name: "某州人民政府
        // 机关公文处理办法" opens with the government, not with a unit "…机关公文处" cut from the words after it.)
        if segment.layout == .titledText || segment.layout == .webPage || segment.layout == .coverExcerpt, segment.docNumber == nil,
           GenreWords.genre(ofTitle: title)?.isStrong == true, !title.contains("关于"),
           let body = leadingBody(of: title, contextProvince: contextProvince, where: { $0.production != .unitOfBody }) {
            draft.issuers = [DraftIssuer(nodeID: body.nodeID, canonical: body.canonical, surface: body.surface, statedAt: titleRange)]
            draft.issuerSource = .title
            draft.issuersComplete = body.complete
            return draft
        }
        // A title that is a body's name and its own document's name, nothing else: a work report the body makes
        // on its work ("某市中级人民法院工作报告"), an announcement numbered in the body's series ("某某海关2031年第3号公告").
        if segment.title != nil, let body = leadingBody(of: title, contextProvince: contextProvince), body.production != .unitOfBody,
           Self.namesOwnDocument(title, after: body.surface, number: segment.docNumber) {
            draft.issuers = [DraftIssuer(nodeID: body.nodeID, canonical: body.canonical, surface: body.surface, statedAt: titleRange)]
            draft.issuerSource = .title
            draft.issuersComplete = body.complete
            return draft
        }
        // The page's 发文机关 or 发布单位 written with its level word alone ("市政府办公厅"), over the document's own
        // 文号 written from that body ("某政办函〔…〕"): the division the code names (`IssuerCode.division`), when the
        // body read with it agrees with the code.
        if let number = segment.docNumber, !number.isAnnouncement {
            for field in segment.metadata where (field.element == .issuer || field.element == .publisher) && !field.text.isEmpty {
                guard let level = IssuerCode.levelWords.first(where: { field.text.hasPrefix($0) }),
                      let region = IssuerCode.division(statedBy: number, levelWord: level, among: recognizer.ontology.regions,
                                                       province: contextProvince) else { continue }
                let named = Array((region.canonical + field.text.dropFirst(level.count)).unicodeScalars)
                guard let body = recognizer.grammar.body(named, 0..<named.count, context: region), body.complete,
                      IssuerCode.agrees(number, with: body, regionCanonical: region.canonical) else { continue }
                draft.issuers = [DraftIssuer(nodeID: body.nodeID, canonical: body.canonical, surface: field.text, statedAt: field.range)]
                draft.issuerSource = .title
                draft.issuersComplete = true
                return draft
            }
        }
        // An excerpt that lost its title and 署名, known by its own 文号: the government the code and the addressee's
        // level name (`IssuerCode.government`).
        if segment.title == nil, let number = segment.docNumber, !number.isAnnouncement,
           let name = IssuerCode.government(statedBy: number, addressee: segment.addressee, among: recognizer.ontology.regions),
           let agency = recognizer.ontology.agency(named: name)?.canonical ?? recognizer.grammar.body(Array(name.unicodeScalars), 0..<name.unicodeScalars.count, context: nil)?.canonical {
            draft.issuers = [DraftIssuer(nodeID: "agency:" + agency, canonical: agency, surface: number.prefix, statedAt: segment.docNumberRange ?? titleRange)]
            draft.issuerSource = .reported
            draft.issuersComplete = true
        }
        // The page's metadata table names the issuing body (发文机关) where the document itself states none that the
        // reader resolves: its value read as a signature line (bodies in a row), never its 发布机构 (the publisher).
        for field in segment.metadata where field.element == .issuer && !field.text.isEmpty {
            let found = signatureBodies(field.text, contextProvince: contextProvince)
            guard !found.isEmpty else { continue }
            draft.issuers = found.map { DraftIssuer(nodeID: $0.mention.nodeID, canonical: $0.mention.canonical,
                                                    surface: $0.mention.surface, statedAt: field.range) }
            draft.issuerSource = .title
            draft.issuersComplete = found.allSatisfy(\.complete)
            return draft
        }
        return draft
    }

    /// Level words a body's name may open with in place of its region ("市人民政府办公厅", "区人民政府"), longest first.
    static let placeLevelWords = ["自治区", "自治州", "省", "市", "县", "区", "州", "盟", "旗"]

    /// True when the issuer is a body named by its level word alone ("市人民政府办公厅"): generic, its place unwritten.
    static func isLevelWordBody(_ issuer: DraftIssuer) -> Bool {
        placeLevelWords.contains { issuer.surface.hasPrefix($0) && issuer.canonical.hasPrefix($0) }
    }

    /// A body the title names by its level word alone, placed where the page names the one place of that level: its
    /// 发文机关 / 制定机关 / 发布机构 field written as the same name after its place ("某某市人民政府办公厅" for
    /// "市人民政府办公厅", "某市某区人民政府" for "区人民政府"), agreeing with the code of the document's own 文号 when
    /// it has one. (A code that names one division alone already places the name: see the document's province in
    /// `ExtractionPipeline`.) Nil when no place, or two different places, are named — the name then stays generic.
    ///
    ///     placedBody → place levelWord rest   with   title → levelWord rest 关于 …
    func placedLevelWordBody(_ issuer: DraftIssuer, in segment: DocumentSegment) -> DraftIssuer? {
        guard Self.isLevelWordBody(issuer), let level = Self.placeLevelWords.first(where: { issuer.surface.hasPrefix($0) })
        else { return nil }
        var placed: [String] = []
        for field in segment.metadata where field.element == .issuer || field.element == .publisher {
            let value = field.text
            guard value.count > issuer.surface.count, value.hasSuffix(issuer.surface) else { continue }
            // (The field's words before the name are its place, ending with the same level word: "武汉" + "市".)
            let s = Array(value.unicodeScalars)
            let place = String(value.dropLast(issuer.surface.count)) + level
            guard let body = recognizer.grammar.body(s, 0..<s.count, context: nil), body.complete, body.range == 0..<s.count,
                  body.regionPart == place || !recognizer.ontology.regions(named: place).isEmpty else { continue }
            placed.append(value)
        }
        let names = Set(placed.map { recognizer.ontology.agency(named: $0)?.canonical ?? $0 })
        guard names.count == 1, let name = placed.first else { return nil }
        let s = Array(name.unicodeScalars)
        guard let body = recognizer.grammar.body(s, 0..<s.count, context: nil), body.complete,
              body.range == 0..<s.count else { return nil }
        if let number = segment.docNumber, !number.isAnnouncement,
           !IssuerCode.agrees(number, with: body, regionCanonical: body.regionPart.flatMap { recognizer.ontology.regions(named: $0).first?.canonical }) {
            return nil
        }
        return DraftIssuer(nodeID: body.nodeID, canonical: body.canonical, surface: issuer.surface, statedAt: issuer.statedAt)
    }

    /// The longest body name a title starts with, leaving the rest of the title after it (nil when none).
    /// True when what follows the body's name in the title is only its own document's name:
    ///
    ///     ownDocument → body ('工作报告' | numberedTitle's number ('公告' | '通告' | '令'))
    static func namesOwnDocument(_ title: String, after body: String, number: DocumentNumber?) -> Bool {
        guard title.hasPrefix(body) else { return false }
        let rest = title.dropFirst(body.count)
        if rest == "工作报告" { return true }
        guard let number, number.isAnnouncement, number.prefix == body else { return false }
        return rest == number.text + number.category
    }

    func leadingBody(of title: String, contextProvince: String?, where accepted: (BodyParse) -> Bool = { _ in true }) -> BodyParse? {
        let s = Array(title.unicodeScalars)
        guard s.count >= 6 else { return nil }
        let context = contextProvince.flatMap { recognizer.ontology.region(code: $0) }
        for end in stride(from: min(40, s.count - 2), through: 2, by: -1) {
            if let body = recognizer.grammar.body(s, 0..<end, context: context), body.regionPart != nil, accepted(body) { return body }
        }
        return nil
    }

    /// A notice a report names by what it issues, the verb standing before the title ("X下发2031年食品安全抽检计划的
    /// 通知", "X印发了某某行动方案的通知"): the notice is "关于印发Y的通知", and Y — the words before 的通知, ending with a
    /// genre word of their own, naming no other issuer (no 关于, no 《) — is a document the notice's issuers issue.
    /// Nil for any other reported title.
    ///
    ///     reportedNotice → verb T ;  T → Y(genre, no 关于 or 《) '的通知'
    static func reportedNoticeAttachment(of parent: DocumentDraft, verbs: IssuanceVocabulary) -> DocumentDraft? {
        let notice = "的通知"
        guard parent.title.hasSuffix(notice), !parent.title.contains("关于"), !parent.title.contains("《"),
              verbs.all.firstMatch(in: Array(parent.title.unicodeScalars), at: 0) == nil else { return nil }
        let title = String(parent.title.dropLast(notice.count)).trimmingSpaces()
        guard title.unicodeScalars.count >= 6, let genre = GenreWords.genre(ofTitle: title), genre.word != "通知",
              !verbs.all.words.contains(where: { title.contains(String(String.UnicodeScalarView($0))) }) else { return nil }
        var child = DocumentDraft(title: title, number: nil, date: parent.date, type: genre.word,
                                  fullText: false, evidence: parent.evidence.prefix(1).map { $0 })
        child.issuers = parent.issuers
        child.issuerSource = .reported
        child.issuersComplete = parent.issuersComplete
        return child
    }

    /// "…关于印发《X》的通知" issues X: a draft for X with the notice's issuers (nil when the title does not say so).
    /// GB/T 9704 titles often leave the brackets out ("…关于印发X规划的通知"): then X is the words up to the last 的,
    /// when they end in a genre word, name no other issuer (no 关于) and the verb states an issuance of its own
    /// (印发, 发布 — not 转发, which passes on another body's document).
    ///
    ///     attachment → '关于' verb ('《' X '》' | X(genre, no 关于)) '的' genre
    static func issuedAttachment(of parent: DocumentDraft, verbs: IssuanceVocabulary) -> DocumentDraft? {
        let span = ScalarSpan(parent.title)
        if parent.issuerSource == .reported, !parent.fullText, let child = reportedNoticeAttachment(of: parent, verbs: verbs) { return child }
        for verb in verbs.attachment {
            guard let v = span.find(verb), v + verb.count < span.count else { continue }
            let open = v + verb.count
            let opener = span.scalars[open]
            if opener != "《", opener != "〈" {
                guard verbs.prose.firstMatch(in: span.scalars, at: v) != nil, v >= 2, span.matches(IssuerExtractor.about, at: v - 2),
                      let of = span.scalars[open...].lastIndex(of: "的"), of - open >= 4,
                      GenreWords.genre(ofTitle: span.string((of + 1)..<span.count)) != nil,
                      !span.scalars[open..<of].contains("《"), span.string(open..<of).firstRange(of: "关于") == nil else { continue }
                let title = span.string(open..<of).trimmingSpaces()
                guard let genre = GenreWords.genre(ofTitle: title) else { continue }
                var child = DocumentDraft(title: title, number: nil, date: parent.date, type: genre.word,
                                          fullText: false, evidence: parent.evidence.prefix(1).map { $0 })
                child.issuers = parent.issuers
                child.issuerSource = parent.issuerSource == .none ? .none : .reported
                child.issuersComplete = parent.issuersComplete
                return child
            }
            let closer: Unicode.Scalar = opener == "《" ? "》" : "〉"
            guard let close = span.scalars[(open + 1)...].firstIndex(of: closer) else { continue }
            var title = span.string((open + 1)..<close).trimmingSpaces()
            // "印发《X》实施方案的通知": what is issued is X's 实施方案 (named with X in its brackets), not X.
            // (Not "印发《X》和《Y》的通知", two documents issued.)
            if close + 1 < span.count, span.scalars[close + 1] != "的", !"和及与、《〈".unicodeScalars.contains(span.scalars[close + 1]) {
                guard let of = span.scalars[(close + 1)...].lastIndex(of: "的"), of > close + 1,
                      !span.scalars[(close + 1)..<of].contains("《") else { return nil }
                title = span.string(open..<of).trimmingSpaces()
                guard GenreWords.genre(ofTitle: title) != nil else { return nil }
            }
            guard title.unicodeScalars.count >= 4 else { continue }
            var child = DocumentDraft(title: title, number: nil, date: parent.date, type: GenreWords.genre(ofTitle: title)?.word,
                                      fullText: false, evidence: parent.evidence.prefix(1).map { $0 })
            child.issuers = parent.issuers
            child.issuerSource = parent.issuerSource == .none ? .none : .reported
            child.issuersComplete = parent.issuersComplete
            return child
        }
        return nil
    }
}
