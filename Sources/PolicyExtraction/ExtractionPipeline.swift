import Crypto
import PolicyCore
import PolicyOntology
import PolicyText

/// Source file → graph contribution: read → normalise → segment → recognise → extract documents, issuers,
/// citations, targets and relations → nodes and edges with evidence at ORIGINAL file positions.
public struct ExtractionPipeline: Sendable {
    public let ontology: Ontology
    let recognizer: EntityRecognizer
    let targetExtractor: TargetExtractor
    /// The issuance verbs of the ontology, as the extractors read them.
    let issuance: IssuanceVocabulary
    /// The one byte scan of a sentence, whose facts every sentence rule's cheap test reads (its cue words derived
    /// from the verb and relation lists, its quantity followers from the target vocabulary).
    let sentenceScanner: SentenceScanner

    public init(ontology: Ontology) {
        self.init(ontology: ontology, recognizer: EntityRecognizer(ontology: ontology))
    }

    /// Shares an already built recogniser.
    public init(ontology: Ontology, recognizer: EntityRecognizer) {
        self.ontology = ontology
        self.recognizer = recognizer
        var rules = TargetRules.standard
        let vocabulary = ontology.targetVocabulary
        rules.add(units: vocabulary.units.map(\.name).filter { $0 != "年" && $0 != "月" && $0 != "日" },
                  prefixComparators: vocabulary.comparators(at: .prefix).map { ($0.phrase, $0.symbol) },
                  suffixComparators: vocabulary.comparators(at: .suffix).map { ($0.phrase, $0.symbol) },
                  redLineWords: vocabulary.redLineWords)
        targetExtractor = TargetExtractor(rules: rules)
        issuance = IssuanceVocabulary(ontology.issuanceVerbs)
        sentenceScanner = SentenceScanner(cues: SentenceCueWords(issuance: issuance), quantityFollowers: targetExtractor.quantityFollowers,
                                          reviewFirstScalars: PassageTense.reviewFirstScalars)
    }

    /// Reads and extracts one file (KGError naming the file when it cannot be read).
    public func extract(file path: String) throws -> SourceContribution {
        extract(source: try SourceText.read(path: path))
    }

    /// Extracts one decoded source.
    public func extract(source: SourceText) -> SourceContribution {
        var run = ExtractionRun(pipeline: self, text: NormalizedText(source))
        run.extractAll()
        return SourceContribution(path: source.path, contentHash: Self.sha256Hex(source.originalBytes),
                                  nodes: run.builder.nodes, edges: run.builder.finishedEdges())
    }

    /// Hex SHA-256 of `bytes`.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A stretch of clean text with the document it belongs to (if that document has a node).
struct ExtractionScope {
    var range: Range<Int>
    var documentID: String?
    var contextProvince: String?
    /// The segment's title or headline, when it has one.
    var title: String? = nil
}

/// The state of one extraction: the clean text, the documents found so far, and the nodes and edges.
struct ExtractionRun {
    let pipeline: ExtractionPipeline
    let text: NormalizedText
    let documents: DocumentExtractor
    var registry = DocumentRegistry()
    var builder = ContributionBuilder()
    /// Targets per owner prefix, for numbering.
    var targetCounts: [String: Int] = [:]
    /// Target ids by (owner prefix, value, unit, comparator): a target restated in the same document is one node.
    var targetIDs: [String: String] = [:]
    let sourceStem: String
    /// Positions in `builder.edges` of the mentions edges from `mentionsEdgeDocument`, by node position (-1: none
    /// yet), so that a repeated mention costs one lookup, not three.
    var mentionsEdgeSlots: [Int32] = []
    var mentionsEdgeDocument: String?
    /// Whether the current passage reports the past (a review section): its numbers are results, not targets.
    var tense = PassageTense()
    var tenseScope: Int = -1
    /// A deadline that opens a sentence ("到2027年，…") governs the rest of its paragraph.
    var paragraphDeadline: Int?
    /// The paragraph opened with a date to meet and stated targets under it.
    var paragraphStatesGoals = false
    /// What the last sentence, ended by ；, hands on to the next one of its paragraph (a list split at ；).
    /// The sentences ended by ；before this one in its paragraph (the latest few, not yet read): most lists split at
    /// ；state no number, so they are read for what they hand on only when a sentence after them has one.
    var pendingListItems: [Range<Int>] = []
    /// Titles the current scope cited in 《》, latest last (a genre noun may refer back to one: "这份…印发的规划").
    var citedTitles: [String] = []
    /// Short names the current scope defined for a title ("（以下简称《三年行动》）"): short → full title.
    var shortNames: [String: String] = [:]
    /// Whether a sentence of the current ；list stated targets.
    var listStatedTargets = false
    /// The year the document is about (`PassageTense.documentYear`), read from its first sentences.
    var documentYear: Int?
    /// The paragraph opens with a year before the one the document is about ("2016年，…" in a plan for 2017): a review.
    var paragraphReviews = false
    var sentencesInScope = 0
    /// The allocation table (任务分解表) whose rows the current lines are, and the unit a line before it stated.
    var allocationTable: AllocationTable?
    var allocationUnit: String?
    /// The indicator table printed one cell a line (`LineCellTable`) whose cells the current lines are.
    var lineCells = LineCellTable()

    init(pipeline: ExtractionPipeline, text: NormalizedText) {
        self.pipeline = pipeline
        self.text = text
        self.documents = DocumentExtractor(recognizer: pipeline.recognizer, verbs: pipeline.issuance)
        var name = Substring(text.source.path)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot > name.startIndex { name = name[..<dot] }
        sourceStem = String(name)
    }

    mutating func extractAll() {
        let scopes = makeScopes()
        let sentences = splitSentences(text, in: 0..<text.utf8.count)
        var sentenceIndex = 0
        for scope in scopes {
            var mentions = pipeline.recognizer.mentions(in: text.utf8, range: scope.range, contextProvince: scope.contextProvince)
            // (Usually already in text order: checking is cheaper than sorting. The check reads the ranges in
            // place: pairs of copied mentions would retain every string they hold.)
            if mentions.indices.dropFirst().contains(where: {
                (mentions[$0].range.lowerBound, mentions[$0].range.upperBound) < (mentions[$0 - 1].range.lowerBound, mentions[$0 - 1].range.upperBound)
            }) {
                mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
            }
            var mentionIndex = 0
            while sentenceIndex < sentences.count, sentences[sentenceIndex].range.upperBound <= scope.range.lowerBound { sentenceIndex += 1 }
            var k = sentenceIndex
            while k < sentences.count, sentences[k].range.lowerBound < scope.range.upperBound {
                let range = sentences[k].range.clamped(to: scope.range)
                k += 1
                guard !range.isEmpty else { continue }
                while mentionIndex < mentions.count, mentions[mentionIndex].range.lowerBound < range.lowerBound { mentionIndex += 1 }
                var end = mentionIndex
                while end < mentions.count, mentions[end].range.lowerBound < range.upperBound { end += 1 }
                // A mention crossing the sentence end still belongs to this sentence.
                extractSentence(range, mentions: mentions[mentionIndex..<end], scope: scope)
                mentionIndex = end
            }
        }
        emitDocuments(sentences: sentences)
        emitPartOf()
    }

    // MARK: - Scopes and full-text documents

    /// One scope per segment (with its document when the segment is one), plus scopes for uncovered text.
    mutating func makeScopes() -> [ExtractionScope] {
        let segments = segmentDocuments(text).sorted { $0.range.lowerBound < $1.range.lowerBound }
        var scopes: [ExtractionScope] = []
        var covered = 0
        let count = text.utf8.count
        for segment in segments {
            let range = max(segment.range.lowerBound, covered)..<min(segment.range.upperBound, count)
            if range.lowerBound > covered { scopes.append(ExtractionScope(range: covered..<range.lowerBound)) }
            guard !range.isEmpty else { continue }
            let extractor = documents
            let regions = pipeline.ontology.regions
            // The document's province: named in its title or headline, else by the bodies that sign it (so that
            // "省财政厅" in a Jiangsu notice titled without 江苏 is the Jiangsu bureau), else by the bodies it is
            // addressed to: a notice goes to bodies at or below its issuer ("市政府各部门，某某高新区管委会"), so a
            // generic "市人民政府办公室" is the city above them (resolved upwards by level, never downwards).
            let province = ([segment.title, segment.headline].compactMap { $0 } + segment.signatureLines.map(\.text)
                            + [segment.addressee].compactMap { $0 })
                .lazy.compactMap { extractor.regionCode(in: $0) }.first
                // (A provincial body's own title names only its level — "自治区人民政府办公厅" —: the 文号's code names the province.)
                ?? segment.docNumber.flatMap { number in
                    segment.title.flatMap { IssuerCode.province(statedBy: number, forTitle: $0) }.flatMap(extractor.regionCode(in:))
                }
                // (So does a city's or county's: "市人民政府关于…" or a 署名 "县人民政府" over 某府发〔…〕 — the division whose
                // name the code's first character starts, the only one of that level; its bodies' level words resolve to it.)
                ?? segment.docNumber.flatMap { number in
                    ([segment.title].compactMap { $0 } + segment.signatureLines.map(\.text)).compactMap { written in
                        IssuerCode.levelWords.first { written.hasPrefix($0) && !written.hasPrefix($0 + "场") }.flatMap {
                            IssuerCode.division(statedBy: number, levelWord: $0, among: regions, province: nil)?.code
                        }
                    }.first
                }
            var id: String?
            if let draft = documents.draft(for: segment, in: text, contextProvince: province) {
                if !draft.issuers.isEmpty {
                    id = registry.register(draft)
                    if let child = DocumentExtractor.issuedAttachment(of: draft, verbs: pipeline.issuance) { registry.register(child) }
                } else if registry.lookup(title: draft.title, number: draft.number?.text) != nil {
                    // The full text of a document issued earlier ("…关于印发《X》的通知" followed by X).
                    id = registry.register(draft)
                } else if draft.number != nil || !segment.metadata.isEmpty || (!segment.signatureLines.isEmpty && segment.date != nil)
                            || Self.datedUnderTitle(segment, in: text)
                            || segment.layout == .titledText || segment.layout == .reportedDocument
                            || (segment.layout == .coverExcerpt && (segment.date != nil || segment.range.count >= Self.issuedTextBytes)) {
                    // An official document whose issuers are not resolved: its 文号, the page's metadata table,
                    // its 署名 and 成文日期, a text opened by its own title, or a cover notice's excerpt (addressee,
                    // the sentence issuing what it covers: "各省人民政府：现将《T》印发给你们") with its 成文日期 or
                    // run on into the text it issues say it is one.
                    id = registry.register(draft)
                }
            }
            scopes.append(ExtractionScope(range: range, documentID: id, contextProvince: province, title: segment.title ?? segment.headline))
            covered = range.upperBound
        }
        if covered < count { scopes.append(ExtractionScope(range: covered..<count)) }
        return scopes
    }

    /// The title's 题注: its 成文日期 on the line right under it, bracketed ("关于…的意见" / "（2031年12月27日）"), as a
    /// newspaper prints a document in full. Such a title is a document's even where the text names no issuer.
    static func datedUnderTitle(_ segment: DocumentSegment, in text: NormalizedText) -> Bool {
        guard segment.date != nil, let title = segment.titleRange, let date = segment.dateRange, date.lowerBound >= title.upperBound,
              date.lowerBound - title.upperBound <= 4 else { return false }
        let between = text.utf8[title.upperBound..<date.lowerBound]
        guard between.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) else { return false }
        let first = text.utf8[date.lowerBound...].first { $0 != 0x20 }
        // (（ is EF BC 88; ( is 28.)
        return first == 0xEF || first == 0x28
    }

    // MARK: - Sentences

    mutating func extractSentence(_ range: Range<Int>, mentions: ArraySlice<EntityMention>, scope: ExtractionScope) {
        let bytes = text.utf8
        if tenseScope != scope.range.lowerBound {
            tenseScope = scope.range.lowerBound; tense.reset(); documentYear = nil; sentencesInScope = 0
            citedTitles = []; shortNames = [:]; allocationTable = nil; allocationUnit = nil; lineCells.close()
            if let title = scope.title { tense.readTitle(title) }
        }
        sentencesInScope += 1
        // (Every cheap test below reads the facts of this one scan.)
        let scan = pipeline.sentenceScanner.scan(bytes, range)
        let (hasDigitQuantity, hasCue) = (scan.hasDigitQuantity, scan.hasCue)
        if documentYear == nil, sentencesInScope <= Self.documentYearSentences, scan.firstYearEnd != nil {
            documentYear = PassageTense.documentYear(ScalarSpan(bytes: text.utf8, range: range).scalars)
        }
        let extractor = pipeline.targetExtractor
        let observed = tense.observe(bytes, range, scan: scan, deadline: { extractor.goalListDeadline($0) })
        // A new paragraph (the sentence starts a line) ends the governing deadline of the last one.
        var before = range.lowerBound
        while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
        let startsParagraph = before == 0 || bytes[before - 1] == 0x0A
        if startsParagraph {
            paragraphDeadline = nil; paragraphStatesGoals = false; pendingListItems = []; listStatedTargets = false; paragraphReviews = false
            // (A year opens it: its first bytes, decoded only when they hold a digit.)
            if let aboutYear = tense.headingYear ?? documentYear {
                let head = Self.prefixRange(bytes, range, maxBytes: Self.openingYearBytes)
                if scan.holdsYear(before: head.upperBound),
                   let opening = TargetExtractor.sentenceOpeningYear(ScalarSpan(bytes: bytes, range: head).scalars), opening < aboutYear {
                    paragraphReviews = true
                }
            }
        }
        let passage: PassageTense.Passage = paragraphReviews && observed == .other ? .past : observed
        // In a list of goals a count may be written in Chinese numerals only ("建设一所…高校", "培育两个…"): there,
        // and only there, a sentence without digits is read for quantities too.
        // Elsewhere a quantity written in Chinese numerals only (建一百个…, 人口控制在十三亿六千万人) is read where a run of
        // numerals stands before a unit.
        let chineseCounts = !hasDigitQuantity && {
            if case .goals = passage { return scan.hasChineseNumeral }
            return scan.hasChineseQuantity
        }()
        // A row of an allocation table states its unit's quota (lines with a pipe only; a short line may state the unit).
        let allocationRow = readAllocationLine(range, scan: scan)
        // A value cell of an indicator table printed one cell a line states its row's target.
        let cellTarget = readLineCell(range, startsParagraph: startsParagraph)
        let hasQuantity = hasDigitQuantity || chineseCounts || allocationRow != nil || cellTarget != nil
        // The sentence the last one handed on to, and whether this one hands on in turn (it ends with ；).
        let handsOn = Self.endsWithSemicolon(bytes, range)
        if !hasQuantity {
            if handsOn {
                pendingListItems.append(range)
                if pendingListItems.count > Self.pendingListItemsKept { pendingListItems.removeFirst() }
            } else {
                pendingListItems = []; listStatedTargets = false
            }
        }
        // A paragraph opened by a date to meet with no quantity ("《规划》提出，到2030年，基本建成…。") governs the
        // sentences after it as one that states targets does. (Only its first bytes are read, only when they hold a digit.)
        // So does such a sentence after a lead of the paragraph that sets no date ("日前，…印发《意见》。意见提出，到2020年…").
        if !hasQuantity, startsParagraph || paragraphDeadline == nil {
            let head = Self.prefixRange(bytes, range, maxBytes: Self.openingDateBytes)
            // (Or by one opening a clause of it: "围绕…开展专项行动，到2027年，…".)
            if scan.holdsYear(before: head.upperBound) {
                let headSpan = ScalarSpan(bytes: bytes, range: head)
                if let opening = extractor.openingDeadline(headSpan) ?? extractor.clauseOpeningDateToMeet(headSpan) {
                    paragraphDeadline = opening
                    paragraphStatesGoals = true
                }
            }
        }
        guard !mentions.isEmpty || hasQuantity || hasCue else { return }
        // The sentence's text is built only once something takes it as evidence.
        // (From the bytes alone, so that the closure does not copy the whole NormalizedText.)
        lazy var sentence = String(decoding: bytes[range], as: UTF8.self)
        // Entities and what the document mentions.
        if scope.documentID != mentionsEdgeDocument {
            mentionsEdgeDocument = scope.documentID
            mentionsEdgeSlots = []
        }
        for m in mentions {
            // Evidence is computed only while the node or the mentions edge still collects it.
            // (Node and edge are looked up once; nothing changes the builder before they are added.)
            var nodeSlot = builder.nodeSlot(m.nodeID)
            let nodeWants = builder.wantsEvidence(nodeSlot: nodeSlot)
            let edgeSlot = scope.documentID.flatMap { mentionsEdgeSlot(from: $0, to: m.nodeID, nodeSlot: nodeSlot) }
            let edgeWants = scope.documentID != nil && builder.wantsEvidence(edgeSlot: edgeSlot)
            // A mention that adds no evidence and no new name changes nothing.
            if !nodeWants, !edgeWants, let slot = nodeSlot, builder.hasName(m.surface, slot: slot) { continue }
            let evidence = nodeWants || edgeWants ? text.evidence(for: m.range, sentence: sentence) : nil
            // (A node that wants no more evidence exists; a surface written as the canonical name adds nothing.)
            if nodeWants || ByteKey(m.surface) != ByteKey(m.canonical) { nodeSlot = addEntityNode(m, evidence: evidence, slot: nodeSlot) }
            if let doc = scope.documentID, edgeWants,
               let added = builder.addEdge(slot: edgeSlot, .mentions, from: doc, to: m.nodeID, evidence: evidence),
               let nodeSlot {
                if mentionsEdgeSlots.count <= nodeSlot { mentionsEdgeSlots += repeatElement(-1, count: nodeSlot + 1 - mentionsEdgeSlots.count) }
                mentionsEdgeSlots[nodeSlot] = Int32(added)
            }
        }
        // Documents and relations need a cue word (every relation rule's words are among the cues), targets a quantity.
        guard hasQuantity || hasCue else { return }
        let span = ScalarSpan(bytes: bytes, range: range)
        // (Built only when a rule reads them: most sentences with a quantity state no target.)
        lazy var hits = mentions.map { m in
            EntityHit(range: span.index(ofByte: m.range.lowerBound)..<span.index(ofByte: m.range.upperBound),
                      kind: m.kind, nodeID: m.nodeID, canonical: m.canonical, surface: m.surface)
        }
        // A reported issuance and every relation rule need a body that issues, leads, cooperates or supervises.
        // (Kinds read in place: a closure over the mentions would copy each.)
        lazy var hasAgency = mentions.indices.contains { mentions[$0].kind == .agency }
        if hasCue {
            let citations = CitationExtractor.citations(in: span)
            if !citations.isEmpty {
                for (short, full) in IssuerExtractor.shortNameDefinitions(in: span) { shortNames[short] = full }
            }
            // (Issuers no list names are read by the body grammar, before the verb of a reported issuance.)
            let earlier = citedTitles
            let reported = IssuerExtractor.reportedIssuances(span: span, hits: hits, verbs: pipeline.issuance,
                                                             bodies: documents.grammarHits(in: span, contextProvince: scope.contextProvince),
                                                             earlierTitle: earlier.isEmpty ? nil : { genre in
                                                                 earlier.last { GenreWords.genre(ofTitle: $0)?.word == genre }
                                                             })
                + IssuerExtractor.deliveredReports(span: span)
            for citation in citations {
                if let title = citation.title, title.unicodeScalars.count >= 6 {
                    citedTitles.append(title)
                    if citedTitles.count > Self.citedTitlesKept { citedTitles.removeFirst() }
                }
            }
            if !citations.isEmpty || !reported.isEmpty {
                extractDocuments(span, hits: hits, citations: citations, reported: reported, sentence: sentence, scope: scope)
            }
        }
        if hasQuantity {
            // What the sentences before it in its ；list hand on (read now: this sentence has a quantity).
            var received: TargetExtractor.Continuation?
            if !pendingListItems.isEmpty {
                received = TargetExtractor.Continuation(statedTargets: listStatedTargets)
                for item in pendingListItems {
                    received = extractor.continuation(of: ScalarSpan(bytes: bytes, range: item), statedTargets: false, received: received)
                }
            }
            var targets = pipeline.targetExtractor.targets(in: span, passage: passage, defaultYear: paragraphDeadline ?? tense.headingYear ?? documentYear,
                                                                       paragraphDate: paragraphStatesGoals, continuing: received,
                                                                       ownPlanPeriodEnd: tense.ownPlanPeriodEnd, planDocument: tense.titleIsPlan)
            if var cell = cellTarget {
                cell.deadline = cell.deadline ?? paragraphDeadline ?? tense.headingYear ?? documentYear
                targets = [cell]
            }
            if targets.isEmpty, var row = allocationRow {
                row.deadline = row.deadline ?? paragraphDeadline ?? tense.headingYear ?? documentYear
                targets = [row]
            }
            // (This sentence joins the list when it ends with ；; it is read again only if a later one needs it.)
            if handsOn {
                pendingListItems.append(range)
                if pendingListItems.count > Self.pendingListItemsKept { pendingListItems.removeFirst() }
                listStatedTargets = listStatedTargets || !targets.isEmpty
            } else {
                pendingListItems = []; listStatedTargets = false
            }
            // A paragraph whose opening date states targets is a paragraph of goals; so is one whose opening holds no
            // quantity at all, only numbers that count nothing (a period in brackets, 2023—2025年), as without digits.
            if let opening = pipeline.targetExtractor.openingDeadline(span) {
                paragraphDeadline = opening
                paragraphStatesGoals = !targets.isEmpty || pipeline.targetExtractor.quantities(in: span.scalars).isEmpty
            }
            if !targets.isEmpty { extractTargets(targets, span, hits: hits, sentence: sentence, scope: scope) }
        }
        if hasCue, hasAgency {
            for r in RelationExtractor.relations(in: span, hits: hits, fallbackTarget: scope.documentID) {
                builder.addEdge(r.kind, from: r.source, to: r.target, evidence: text.evidence(for: span.byteRange(r.range), sentence: sentence))
            }
        }
    }

    /// A unit as the source writes it. A unit read apart from its magnitude (十三億六千萬人 → 亿人) is no run of the
    /// text: each of its characters is then taken as written where it first occurs near the target.
    func writtenUnit(_ unit: String, near clause: Range<Int>) -> String {
        let whole = text.asWritten(unit, near: clause)
        guard whole == unit, unit.unicodeScalars.count >= 2 else { return whole }
        return unit.unicodeScalars.map { text.asWritten(String($0), near: clause) }.joined()
    }

    /// Bytes of a cover notice's excerpt (addressee, issuing sentence) with no 成文日期 that make it a document: it
    /// runs on into the text it issues (about 500 characters), not just the sentence about it.
    static let issuedTextBytes = 1_500

    /// Titles cited in a scope that a later genre noun may refer back to.
    static let citedTitlesKept = 8

    /// The ；-ended sentences without a quantity kept unread before one with a quantity.
    static let pendingListItemsKept = 3

    /// Bytes read for a year opening a paragraph ("（一）2016年，").
    static let openingYearBytes = 24

    /// The first sentences of a document that may name the year it is about.
    static let documentYearSentences = 4

    /// Bytes read for an opening date ("《规划》提出，到2030年，": a short lead and the date).
    static let openingDateBytes = 300

    /// The first `maxBytes` bytes of `range` (shortened to a scalar boundary).
    static func prefixRange(_ bytes: [UInt8], _ range: Range<Int>, maxBytes: Int) -> Range<Int> {
        var stop = min(range.upperBound, range.lowerBound + maxBytes)
        while stop > range.lowerBound, stop < range.upperBound, bytes[stop] & 0xC0 == 0x80 { stop -= 1 }
        return range.lowerBound..<stop
    }

    /// True when `bytes[range]` ends (before spaces and line breaks) with ；or ;.
    static func endsWithSemicolon(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        if end > range.lowerBound, bytes[end - 1] == 0x3B { return true }
        return end - range.lowerBound >= 3 && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && bytes[end - 1] == 0x9B
    }

    /// Position of the mentions edge from `document` (the current `mentionsEdgeDocument`) to node `id` at `nodeSlot`.
    func mentionsEdgeSlot(from document: String, to id: String, nodeSlot: Int?) -> Int? {
        if let nodeSlot, nodeSlot < mentionsEdgeSlots.count, mentionsEdgeSlots[nodeSlot] >= 0 { return Int(mentionsEdgeSlots[nodeSlot]) }
        return builder.edgeSlot(.mentions, from: document, to: id)
    }

    /// Adds or merges the node of mention `m`; `slot` is the node's position from `builder.nodeSlot` (nil: a new node).
    @discardableResult
    mutating func addEntityNode(_ m: EntityMention, evidence: Evidence?, slot: Int?) -> Int {
        let surfaceIsName = ByteKey(m.surface) == ByteKey(m.canonical)
        if let slot {
            // A node seen before: only a new written form and the evidence can add to it.
            if !surfaceIsName { builder.addAlias(m.surface, slot: slot) }
            if let evidence { builder.addEvidence(evidence, slot: slot) }
            return slot
        }
        var aliases: [String] = surfaceIsName ? [] : [m.surface]
        // (Built as one literal: a dictionary grown key by key allocates twice.)
        let attributes: Attributes
        switch m.kind {
        case .agency:
            aliases += m.ontologyFacts?.aliases ?? pipeline.ontology.agency(named: m.canonical)?.aliases ?? []
            switch (m.level, m.parent) {
            case let (level?, parent?): attributes = ["level": .string(level), "parent": .string(parent)]
            case let (level?, nil): attributes = ["level": .string(level)]
            case let (nil, parent?): attributes = ["parent": .string(parent)]
            case (nil, nil): attributes = [:]
            }
        case .region:
            let knownCode: String?
            if let facts = m.ontologyFacts {
                aliases += facts.aliases
                knownCode = facts.regionCode
            } else {
                let code = String(decoding: m.nodeID.utf8.dropFirst("region:".utf8.count), as: UTF8.self)
                let known = pipeline.ontology.region(code: code)
                if let known { aliases += known.aliases }
                knownCode = known != nil ? code : nil
            }
            // A county-level division is also named after its prefecture ("杭州市滨江区"), as pages and 署名 write it.
            if let code = knownCode, let qualified = countyNameWithItsCity(code: code) { aliases.append(qualified) }
            switch (knownCode, m.level) {
            case let (code?, level?): attributes = ["code": .string(code), "level": .string(level)]
            case let (code?, nil): attributes = ["code": .string(code)]
            case let (nil, level?): attributes = ["level": .string(level)]
            case (nil, nil): attributes = [:]
            }
        case .programme:
            if let facts = m.ontologyFacts {
                aliases += facts.aliases
            } else if let seed = pipeline.ontology.programme(named: m.canonical) {
                aliases += seed.aliases
            } else if let core = ProgrammeDiscovery.quotedCore(of: m.canonical) {
                aliases.append(core)  // “丝路一家亲”行动 is also called 丝路一家亲
            } else if let variant = ProgrammeDiscovery.quotedHeadedName(of: m.canonical) {
                aliases.append(variant)  // 尾矿库污染治理“4+1”工程 is also called “4+1”工程
            }
            attributes = ["confidence": .double(m.confidence)]
        default: attributes = [:]
        }
        return builder.addNode(slot: nil, id: m.nodeID, kind: m.kind, label: m.canonical, aliases: aliases,
                               attributes: attributes, evidence: evidence)
    }

    /// The full name of a county-level division with its city before it ("滨江区" → "杭州市滨江区", "海淀区" → "北京市海淀区");
    /// nil for any other division, or one whose parent is a province (a directly administered county).
    func countyNameWithItsCity(code: String) -> String? {
        guard let region = pipeline.ontology.region(code: code), region.level == .county, let parentCode = region.parentCode,
              let parent = pipeline.ontology.region(code: parentCode),
              parent.level == .prefecture || (parent.level == .province && parent.canonical.hasSuffix("市")),
              !region.canonical.hasPrefix(parent.canonical) else { return nil }
        return parent.canonical + region.canonical
    }

    // MARK: - Reported and cited documents

    /// Documents reported (`reported`) and cited (`citations`) in the sentence `span`.
    mutating func extractDocuments(_ span: ScalarSpan, hits: [EntityHit], citations: [Citation], reported: [ReportedIssuance],
                                   sentence: String, scope: ExtractionScope) {
        for var reported in reported {
            // A short name the text defined ("以下简称《三年行动》") stands for its full title.
            if let full = shortNames[reported.title] { reported.title = full }
            let statement = span.byteRange(reported.statementRange)
            // "印发《…》（国办发〔2023〕5号）": the 文号 written right after the title.
            let number = citations.first { $0.range.lowerBound + 1 == reported.titleRange.lowerBound }?.docNumber
            var draft = DocumentDraft(title: reported.title, number: number, date: ChineseDate.first(in: span.scalars, from: 0, to: reported.statementRange.lowerBound)?.iso,
                                      type: GenreWords.genre(ofTitle: reported.title)?.word, fullText: false, evidence: [(statement, sentence)])
            draft.issuers = reported.issuers.map { DraftIssuer(nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface, statedAt: span.byteRange($0.range)) }
            draft.issuerSource = .reported
            draft.issuersComplete = reported.issuersComplete
            // (A generic title — every government's 政府工作报告 — is one document per source, not one for the graph.)
            if reported.titleIsGeneric { draft.assignedID = draft.id + "@" + sourceStem }
            let id = registry.register(draft)
            if let child = DocumentExtractor.issuedAttachment(of: draft, verbs: pipeline.issuance) { registry.register(child) }
            _ = id
        }
        for citation in citations {
            let range = span.byteRange(citation.range)
            if let title = citation.title {
                // A cited title that names its issuers ("《财政部关于…的通知》") is a document of the graph.
                let titleSpan = ScalarSpan(title)
                // The title's mentions are the sentence's mentions inside the brackets (re-recognised only if trimmed).
                let offset = citation.range.lowerBound + 1
                let titleHits: [EntityHit]
                if titleSpan.count == citation.range.count - 2 {
                    titleHits = hits.compactMap { hit in
                        guard hit.range.lowerBound >= offset, hit.range.upperBound <= offset + titleSpan.count else { return nil }
                        var shifted = hit
                        shifted.range = (hit.range.lowerBound - offset)..<(hit.range.upperBound - offset)
                        return shifted
                    }
                } else {
                    titleHits = documents.agencyHits(in: title, span: titleSpan, contextProvince: scope.contextProvince)
                }
                if let (issuers, complete) = IssuerExtractor.titleIssuers(span: titleSpan, hits: titleHits) {
                    var draft = DocumentDraft(title: title, number: citation.docNumber, date: nil, type: GenreWords.genre(ofTitle: title)?.word,
                                              fullText: false, evidence: [(range, sentence)])
                    draft.issuers = issuers.map { DraftIssuer(nodeID: $0.nodeID, canonical: $0.canonical, surface: $0.surface, statedAt: range) }
                    draft.issuerSource = .title
                    draft.issuersComplete = complete
                    registry.register(draft)
                    if let child = DocumentExtractor.issuedAttachment(of: draft, verbs: pipeline.issuance) { registry.register(child) }
                }
            }
            if let doc = scope.documentID {
                registry.addCitation(to: doc, title: citation.title, number: citation.docNumber?.text, range: range, sentence: sentence)
            }
        }
    }

    // MARK: - Targets

    /// Reads a line for an allocation table (`AllocationTable`): a header opens one, a unit line states its unit, a row
    /// of an open table returns its target (deadline left to the caller when the header names no year). Only lines
    /// with a pipe are decoded, and short lines without one (a unit line); any other line closes the table.
    mutating func readAllocationLine(_ range: Range<Int>, scan: SentenceScan) -> ExtractedTarget? {
        let bytes = text.utf8
        guard scan.hasPipe else {
            if allocationTable != nil || allocationUnit != nil, range.count > Self.unitLineBytes { allocationTable = nil; allocationUnit = nil }
            if range.count <= Self.unitLineBytes, scan.hasColon {
                allocationUnit = AllocationTable.statedUnit(ScalarSpan(bytes: bytes, range: range).scalars,
                                                            isUnit: pipeline.targetExtractor.isUnit) ?? allocationUnit
            }
            return nil
        }
        let span = ScalarSpan(bytes: bytes, range: range)
        let s = span.scalars
        let isUnit = pipeline.targetExtractor.isUnit
        if let unit = AllocationTable.statedUnit(s, isUnit: isUnit) { allocationUnit = unit; return nil }
        if let header = AllocationTable.header(s, isUnit: isUnit) { allocationTable = header; return nil }
        guard let table = allocationTable, let unit = table.unit ?? allocationUnit, let row = table.row(s) else { return nil }
        var end = s.count
        while end > 0, s[end - 1].isInlineSpace || s[end - 1] == "|" || s[end - 1] == "｜" || s[end - 1] == "\n" { end -= 1 }
        return ExtractedTarget(statement: span.string(0..<end).trimmingSpaces(), subject: row.name, value: row.value, valueMax: nil,
                               unit: unit, comparator: .equal, kind: .goal, deadline: table.year,
                               clauseRange: 0..<end, numberRange: row.range)
    }

    /// Reads a line for an indicator table printed one cell a line (`LineCellTable`): a line that is one cell goes on
    /// the table (its header, or a row's cell), any other line closes it; the cell under the value column returns its
    /// row's target (deadline left to the caller). A cell is a line: only a sentence that starts one is read, with the
    /// rest of its line (a cell of notes may hold several sentences).
    mutating func readLineCell(_ range: Range<Int>, startsParagraph: Bool) -> ExtractedTarget? {
        guard startsParagraph else { return nil }
        let bytes = text.utf8
        // (The rest of the line is read only while a table or its header is open: a line that starts one is one
        // sentence ending in a pipe.)
        let lineEnd = lineCells.isIdle ? range.upperBound : bytes[range.upperBound...].firstIndex(of: 0x0A) ?? bytes.count
        guard let cell = LineCellTable.cell(bytes, range.lowerBound..<lineEnd) else { lineCells.close(); return nil }
        let span = ScalarSpan(bytes: bytes, range: range.lowerBound..<cell.upperBound)
        guard cell.upperBound <= range.upperBound else { _ = lineCells.read(span.scalars); return nil }
        guard case .value(let name, let base, let year) = lineCells.read(span.scalars) else { return nil }
        var target = pipeline.targetExtractor.cellTarget(span, subject: name, deadline: year)
        target?.baseValue = base
        return target
    }

    /// The longest line read as a unit line of a table ("面积：万亩").
    static let unitLineBytes = 48

    /// Nodes and edges for `targets`, found in the sentence `span`.
    mutating func extractTargets(_ targets: [ExtractedTarget], _ span: ScalarSpan, hits: [EntityHit], sentence: String,
                                 scope: ExtractionScope) {
        for target in targets {
            let owner = scope.documentID
                ?? hits.first(where: { $0.kind == .agency })?.nodeID
                ?? hits.first(where: { $0.kind == .programme })?.nodeID
            let prefix = scope.documentID ?? sourceStem
            let clause = span.byteRange(target.clauseRange)
            let evidence = text.evidence(for: clause, sentence: sentence)
            // One node per stated target: the same value of another subject is another target, and so is a goal
            // stated again in another paragraph (a headline, then the plan's text); one red line restated is one
            // node, whatever comparator its wording implies (a red line has one comparator).
            let comparatorKey = target.kind == .redLine ? "red_line" : target.comparator.rawValue
            let statedAt = target.kind == .redLine ? "" : "|\(evidence.line)"
            let key = "\(prefix)|\(target.value)|\(target.valueMax ?? -1)|\(target.unit)|\(comparatorKey)|\(target.kind == .redLine ? "" : target.subject)\(statedAt)"
            let id: String
            if let known = targetIDs[key] {
                id = known
            } else {
                let n = (targetCounts[prefix] ?? 0) + 1
                targetCounts[prefix] = n
                id = "target:\(prefix)#\(n)"
                targetIDs[key] = id
            }
            var attributes: Attributes = [
                "value": .double(target.value),
                "value_max": target.valueMax.map { .double($0) } ?? .null,
                // (A unit is its characters: the glosses written after them are dropped.)
                "unit": .string(PinyinGloss.removed(from: writtenUnit(target.unit, near: clause))),
                "comparator": .string(target.comparator.rawValue),
                "kind": .string(target.kind.rawValue),
                "deadline": target.deadline.map { .string(String($0)) } ?? .null,
                "subject": .string(target.subject),
            ]
            if let base = target.baseValue { attributes["base_value"] = .double(base) }
            // The programme the target is stated for: one named in its own clause, else one named in the sentence.
            let programme = hits.first(where: { $0.kind == .programme && target.clauseRange.overlaps($0.range) })
                ?? hits.first(where: { $0.kind == .programme })
            if let programme { attributes["programme"] = .string(programme.canonical) }
            builder.addNode(id: id, kind: .target, label: text.asWritten(target.statement, near: clause), attributes: attributes, evidence: evidence)
            if let owner { builder.addEdge(.setsTarget, from: owner, to: id, evidence: evidence) }
            if let programme, programme.nodeID != owner {
                builder.addEdge(.setsTarget, from: programme.nodeID, to: id, evidence: evidence)
            }
        }
    }

    // MARK: - Documents, issuers, citations, part-of

    /// The text of the sentences that hold `range` (from the one its start is in to the one its end is in): what an
    /// evidence record of a fact stated at `range` shows, so that its text and its offsets are the same statement.
    func statement(at range: Range<Int>, sentences: [Sentence]) -> String? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].range.upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo < sentences.count, sentences[lo].range.lowerBound < max(range.upperBound, range.lowerBound + 1) else { return nil }
        var last = lo
        while last + 1 < sentences.count, sentences[last + 1].range.lowerBound < range.upperBound { last += 1 }
        let whole = sentences[lo].range.lowerBound..<sentences[last].range.upperBound
        return text.text(text.trimmingWhitespace(whole))
    }

    mutating func emitDocuments(sentences: [Sentence]) {
        for draft in registry.drafts {
            let id = draft.id
            // Title and 文号 as written (traditional characters, pinyin glosses), found near the title's statement.
            let near = draft.evidence.first?.range ?? 0..<0
            let title = text.asWritten(draft.title, near: near)
            var attributes: Attributes = [
                "title": .string(title),
                "doc_number": draft.number.map { .string(text.asWritten($0.text, near: near)) } ?? .null,
                "date": draft.date.map { .string($0) } ?? .null,
                "doc_type": draft.type.map { .string($0) } ?? .null,
                "full_text": .bool(draft.fullText),
                "issuers_complete": .bool(draft.issuersComplete),
                "addressee": draft.addressee.map { .string($0) } ?? .null,
                "cites": .strings(uniqueCitationNames(draft)),
            ]
            if let number = draft.number {
                attributes["doc_issuer_code"] = .string(number.issuerCode)
                attributes["doc_year"] = .int(number.year)
                attributes["doc_serial"] = .int(number.serial)
                attributes["joint_issue"] = .bool(number.isJoint)
            }
            for (k, e) in draft.evidence.enumerated() {
                builder.addNode(id: id, kind: .document, label: title, attributes: k == 0 ? attributes : [:],
                                evidence: text.evidence(for: e.range, sentence: e.sentence))
            }
            for (order, issuer) in draft.issuers.enumerated() {
                // The statement that names this issuer (title, 署名 line, metadata row or issuance sentence).
                let stated = statement(at: issuer.statedAt, sentences: sentences) ?? draft.evidence.first?.sentence ?? draft.title
                let evidence = text.evidence(for: issuer.statedAt, sentence: stated)
                if !builder.contains(issuer.nodeID) {
                    builder.addNode(id: issuer.nodeID, kind: .agency, label: issuer.canonical,
                                    aliases: pipeline.ontology.agency(named: issuer.canonical)?.aliases ?? [], evidence: evidence)
                }
                if issuer.surface != issuer.canonical {
                    builder.addNode(id: issuer.nodeID, kind: .agency, label: issuer.canonical, aliases: [issuer.surface], evidence: nil)
                }
                builder.addEdge(.issuedBy, from: id, to: issuer.nodeID, attributes: ["order": .int(order + 1)], evidence: evidence)
            }
            // Regions in the title: the document applies to them.
            for m in documents.standalone.mentions(in: draft.title, contextProvince: nil) where m.kind == .region {
                if builder.contains(m.nodeID), let e = draft.evidence.first {
                    builder.addEdge(.appliesTo, from: id, to: m.nodeID, evidence: text.evidence(for: e.range, sentence: e.sentence))
                }
            }
            for cite in draft.cites {
                guard let i = registry.lookup(title: cite.title, number: cite.number) else { continue }
                let target = registry[i].id
                if target != id {
                    builder.addEdge(.cites, from: id, to: target, evidence: text.evidence(for: cite.range, sentence: cite.sentence))
                }
            }
        }
    }

    func uniqueCitationNames(_ draft: DocumentDraft) -> [String] {
        var seen = Set<ByteKey>()
        var out: [String] = []
        for c in draft.cites {
            let name = c.number ?? c.title.map { "《\($0)》" } ?? ""
            if !name.isEmpty, c.title.map(ByteKey.init) != ByteKey(draft.title), seen.insert(ByteKey(name)).inserted { out.append(name) }
        }
        return out
    }

    /// part_of edges between bodies (and regions) that both occur in this file. What states them is not a sentence
    /// of the file: a region's parent and a listed body's parent come from the ontology, and the edge cites that
    /// row (`basis` "ontology"); a body built by the name grammar (江苏省财政厅 under 江苏省人民政府) is placed by its
    /// own name, and the edge cites where that name is written (`basis` "name").
    mutating func emitPartOf() {
        // (Fields read in place: copying each NodeRecord costs more than the test.)
        for i in builder.nodes.indices {
            let kind = builder.nodes[i].kind
            guard kind == .agency || kind == .region, let evidence = builder.nodes[i].evidence.first else { continue }
            var parentID: String?
            var stated: OntologyRecord?
            if kind == .agency {
                if case .string(let parent)? = builder.nodes[i].attributes["parent"] {
                    parentID = "agency:" + parent
                    let listed = pipeline.ontology.agency(named: builder.nodes[i].label)
                    if listed?.parent == parent { stated = listed?.record }
                }
            } else if let region = builder.nodes[i].attributes["code"]?.stringValue.flatMap({ pipeline.ontology.region(code: $0) }) {
                parentID = region.parentCode.flatMap { pipeline.ontology.region(code: $0) }?.id
                stated = region.record
            }
            if let parentID, builder.contains(parentID) {
                builder.addEdge(.partOf, from: builder.nodes[i].id, to: parentID,
                                attributes: ["basis": .string(stated == nil ? "name" : "ontology")],
                                evidence: stated?.evidence ?? evidence)
            }
        }
    }
}
