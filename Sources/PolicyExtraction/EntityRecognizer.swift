import Foundation
import PolicyCore
import PolicyGrammar
import PolicyOntology
import Synchronization

/// Recognises agencies, regions and programmes in normalised policy text: one longest-match pass over
/// every gazetteer name, then pattern rules for local bodies (`AgencyPatterns`) and programme discovery
/// (`ProgrammeDiscovery`). Build once per ontology and share: it is immutable.
public final class EntityRecognizer: Sendable {
    /// Programme candidates found by pattern below this confidence are not reported.
    public static let defaultProgrammeThreshold = 0.7
    /// Confidence of a seed-list programme marked peripheral (arguable): below the default threshold.
    public static let peripheralProgrammeConfidence = 0.65

    public let ontology: Ontology
    public let programmeThreshold: Double
    private let automaton: LongestMatchAutomaton
    /// For each distinct surface (automaton value), what it may denote.
    private let targets: [[Target]]
    /// What `targets` holds for each surface, summed up once: the text loop reads this instead of searching.
    private struct TargetSummary: Sendable {
        var generic = false
        /// The first organisation / agency among the targets.
        var organization: Int? = nil
        var agency: Int? = nil
        /// The regions among the targets, in order, and whether one of them is an area.
        var regions: [Int] = []
        var regionIsArea = false
        var programme = false
        var implicitLocal = false
    }
    private let summaries: [TargetSummary]
    /// The names of each agency, region, programme and organisation (by index), built once and shared by their
    /// mentions.
    private let agencyNames: [EntityNames]
    private let regionNames: [EntityNames]
    private let programmeNames: [EntityNames]
    private let organizationNames: [EntityNames]
    /// Each surface (automaton value) as a String: a match of value v is exactly the bytes of `surfaces[v]`, so
    /// the mention takes that String instead of building one from the text.
    private let surfaces: [String]
    private let regionAutomaton: LongestMatchAutomaton
    private let regionTargets: [[Int]]
    /// Each surface of `regionAutomaton`, by value (as `surfaces`).
    private let regionSurfaces: [String]
    /// For each region (by index), the id of the region containing it ("region:<parent code>").
    private let regionParentIDs: [String?]
    private let patterns: AgencyPatterns
    private let discovery: ProgrammeDiscovery
    private let areaDiscovery: ProgrammeDiscovery
    /// The gazetteer and both discoveries' head words, found in one pass.
    private let scan: LongestMatchAutomaton.Scan
    /// Local body names built so far, kept across calls.
    private let bodyNames = BodyNameCache()
    /// The grammar of official body names, for issuer positions (titles, signatures, issuance statements).
    let grammar: BodyGrammar

    /// `first()` and `second()` run at the same time on two threads; returns both results.
    static func buildInParallel<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Mutex<(A?, B?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                let a = first()
                results.withLock { $0.0 = a }
            } else {
                let b = second()
                results.withLock { $0.1 = b }
            }
        }
        return results.withLock { ($0.0!, $0.1!) }
    }

    /// Builds the recogniser from `ontology` (see `CompiledOntology` for what a run can read instead of building).
    public convenience init(ontology: Ontology, programmeThreshold: Double = EntityRecognizer.defaultProgrammeThreshold) {
        self.init(compiled: CompiledOntology(compiling: ontology), programmeThreshold: programmeThreshold)
    }

    /// The recogniser of a compiled ontology.
    public convenience init(compiled: CompiledOntology, programmeThreshold: Double = EntityRecognizer.defaultProgrammeThreshold) {
        self.init(ontology: compiled.ontology, dictionaries: compiled.dictionaries, grammar: compiled.grammar,
                  programmeThreshold: programmeThreshold)
    }

    init(ontology: Ontology, dictionaries: RecognizerDictionaries, grammar: BodyGrammar, programmeThreshold: Double) {
        self.ontology = ontology
        self.programmeThreshold = programmeThreshold
        let patterns = AgencyPatterns(ontology: ontology)
        let targets = dictionaries.targets
        self.targets = targets
        summaries = targets.map { list in
            var summary = TargetSummary()
            for target in list {
                switch target {
                case .generic: summary.generic = true
                case .organization(let i): if summary.organization == nil { summary.organization = i }
                case .agency(let i): if summary.agency == nil { summary.agency = i }
                case .region(let i):
                    summary.regions.append(i)
                    if ontology.regions[i].level == .area { summary.regionIsArea = true }
                case .programme: summary.programme = true
                case .implicitLocal: summary.implicitLocal = true
                }
            }
            return summary
        }
        surfaces = dictionaries.surfaces
        regionTargets = dictionaries.regionTargets
        let regionParentIDs = ontology.regions.map { r in r.parentCode.map { "region:" + $0 } }
        self.regionParentIDs = regionParentIDs
        // (Each entity's ontology facts are the lookups the extractors make for a new node, made here once.)
        agencyNames = ontology.agencies.map {
            EntityNames(nodeID: $0.id, canonical: $0.canonical, level: $0.level.rawValue, parent: $0.parent,
                        ontologyFacts: OntologyFacts(aliases: ontology.agency(named: $0.canonical)?.aliases ?? [], regionCode: nil))
        }
        regionNames = ontology.regions.enumerated().map { i, r in
            // A division carries its code; a named area (长江三角洲区域) has none but keeps its aliases (长三角, 长江三角洲).
            let code = String(r.id.dropFirst("region:".count))
            let facts = OntologyFacts(aliases: r.aliases, regionCode: ontology.region(code: code) == nil ? nil : code)
            return EntityNames(nodeID: r.id, canonical: r.canonical, level: r.level.rawValue, parent: regionParentIDs[i],
                               ontologyFacts: facts)
        }
        programmeNames = ontology.programmes.map {
            let aliases = ontology.programme(named: $0.canonical)?.aliases
                ?? ProgrammeDiscovery.quotedCore(of: $0.canonical).map { [$0] } ?? []
            return EntityNames(nodeID: $0.id, canonical: $0.canonical, ontologyFacts: OntologyFacts(aliases: aliases, regionCode: nil))
        }
        organizationNames = ontology.organizations.map { EntityNames(nodeID: $0.id, canonical: $0.canonical, level: $0.kind) }
        automaton = dictionaries.automaton
        regionAutomaton = dictionaries.regionAutomaton
        regionSurfaces = dictionaries.regionSurfaces
        self.grammar = grammar
        self.patterns = patterns
        discovery = ProgrammeDiscovery()
        areaDiscovery = ProgrammeDiscovery(heads: ProgrammeDiscovery.areaHeads, quoted: false)
        scan = LongestMatchAutomaton.Scan([automaton, discovery.headAutomaton, areaDiscovery.headAutomaton])
    }

    /// All agency, region, programme (and named non-government organisation) mentions in `text[range]`. `contextProvince`: GB/T 2260 code of the
    /// document's province (or a lower division), used for 省财政厅 and for ambiguous names like 鼓楼区.
    public func mentions(in text: [UInt8], range: Range<Int>, contextProvince: String?) -> [EntityMention] {
        text.withUnsafeBufferPointer { mentions(in: $0, range: range, contextProvince: contextProvince) }
    }

    /// Pointer variant of `mentions(in:range:contextProvince:)`.
    public func mentions(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>, contextProvince: String?) -> [EntityMention] {
        var out: [EntityMention] = []
        let context = contextProvince.flatMap { ontology.region(code: $0) }
        var programmeSpans: [Range<Int>] = []
        var claimed: [Range<Int>] = []
        // End of the last pattern-extended mention (江苏省 + 财政厅): matches inside it are part of that name.
        var consumedUntil = range.lowerBound
        // The last unambiguous province or prefecture named in this range, to resolve 朝阳区 after 北京市.
        var nearby: Int? = nil
        let names = bodyNames
        let found = scan.matches(in: text, range: range)
        for m in found[0] {
            if m.range.lowerBound < consumedUntil { continue }
            // The summary read field by field in place (a copy of it retains its region list).
            let v = Int(m.value)
            if summaries[v].generic {
                claimed.append(m.range)
                continue
            }
            let surface = surfaces[Int(m.value)]
            if let index = summaries[v].organization {
                out.append(EntityMention(range: m.range, kind: .organization, surface: surface, confidence: 1,
                                         names: organizationNames[index]))
                claimed.append(m.range)
                continue
            }
            var emittedAgency = false
            // Agencies (the gazetteer wins over regions for the same surface).
            if let index = summaries[v].agency {
                let found = agencyMentions(text, m.range, index, range.upperBound, surface, names)
                for a in found {
                    out.append(a)
                    claimed.append(a.range)
                    consumedUntil = max(consumedUntil, a.range.upperBound)
                }
                emittedAgency = !found.isEmpty
            }
            if !emittedAgency, !summaries[v].regions.isEmpty {
                if let end = regionMentions(text, m.range, summaries[v].regions, range, surface, context, &nearby, &out, names) {
                    consumedUntil = end
                } else if summaries[v].regionIsArea {
                    programmeSpans.append(m.range)  // 中国（浙江）自由贸易试验区 names 浙江
                }
            }
            guard summaries[v].programme || summaries[v].implicitLocal else { continue }
            let candidates = targets[Int(m.value)]
            // A type word right after a seed name is part of how it is written (乡村振兴 + 战略, 数字乡村 + 建设行动).
            let typed = !summaries[v].programme ? m.range
                : discovery.typeWordEnd(in: text, at: m.range.upperBound, limit: range.upperBound)
                    .map { m.range.lowerBound..<$0 } ?? m.range
            for case .programme(let i) in candidates {
                let p = ontology.programmes[i]
                let confidence = p.core ? 1 : Self.peripheralProgrammeConfidence
                programmeSpans.append(typed)
                guard confidence >= programmeThreshold else { continue }
                out.append(EntityMention(range: typed, kind: .programme,
                                         surface: typed == m.range ? surface : Self.string(text, typed),
                                         confidence: confidence, names: programmeNames[i]))
            }
            for case .implicitLocal(let suffix, let level) in candidates {
                if let region = implicitRegion(level: level, context: context) {
                    let body = patterns.implicitBody(suffix: suffix, region: region, cache: names)
                    out.append(EntityMention(range: m.range, kind: .agency, nodeID: "agency:" + body.canonical,
                                             canonical: body.canonical, surface: surface, confidence: 0.8,
                                             level: AgencyPatterns.agencyLevel(for: region.level).rawValue,
                                             parent: body.parent))
                }
                claimed.append(m.range)
            }
        }
        // Regions named inside programme and area names (京津冀协同发展 → 京津冀, 海南自由贸易港 → 海南).
        for span in programmeSpans {
            // Divisions and distinctive area names (长三角): bare directions (西部 in 西部陆海新通道) are no mention.
            var inner = regionAutomaton.matches(in: text, range: span)
            if let first = inner.first, first.range == span, let (_, next) = AgencyPatterns.decode(text, span.lowerBound, span.upperBound) {
                inner = regionAutomaton.matches(in: text, range: next..<span.upperBound)
            }
            for r in inner {
                let surface = regionSurfaces[Int(r.value)]
                if let best = resolveRegion(regionTargets[Int(r.value)], context: context),
                   ontology.regions[best.index].level != .area || r.range.count >= 9 {
                    out.append(regionMention(r.range, best.index, surface, best.confidence, best.alternatives))
                }
            }
        }
        // Areas found by head word (南京都市圈) where no gazetteer name stands.
        var regionSpans: [Range<Int>] = []
        // Read in place (a closure over the mentions would get a copy of each).
        for i in out.indices where out[i].kind == .region { regionSpans.append(out[i].range) }
        func appendArea(_ c: (range: Range<Int>, name: String, confidence: Double)) {
            let known = ontology.regions(named: c.name).first
            out.append(EntityMention(range: c.range, kind: .region, nodeID: known?.id ?? "region:area:" + c.name,
                                     canonical: known?.canonical ?? c.name, surface: Self.string(text, c.range),
                                     confidence: known == nil ? c.confidence : 1, level: RegionLevel.area.rawValue))
            regionSpans.append(c.range)
        }
        for found in areaDiscovery.discover(in: text, range: range, minimumConfidence: 0.7, heads: found[2]) {
            // List numbers glued to the name (1北京…经济区) are not part of it.
            var start = found.range.lowerBound
            while start < found.range.upperBound, text[start] < 0x80 { start += 1 }
            guard start < found.range.upperBound else { continue }
            var c = (range: start..<found.range.upperBound, name: Self.string(text, start..<found.range.upperBound),
                     confidence: found.confidence)
            if regionSpans.contains(where: { $0.overlaps(c.range) && $0.upperBound >= c.range.upperBound }) { continue }
            if claimed.contains(where: { $0.overlaps(c.range) }) { continue }
            // The name must be built from places: a division inside (南京都市圈) or a province abbreviation
            // first (渝东北…, 呼包鄂榆…); 世界级城市群 and 现代化都市圈 are descriptions.
            guard let (first, _) = AgencyPatterns.decode(text, c.range.lowerBound, c.range.upperBound) else { continue }
            let placeStarts = regionAutomaton.matches(in: text, range: c.range).filter {
                ontology.regions[regionTargets[Int($0.value)][0]].level != .area || $0.range.count >= 9
            }.map(\.range.lowerBound).sorted()
            guard let firstPlace = placeStarts.first else {
                if Self.provinceAbbreviations.contains(first) { appendArea(c) }
                continue
            }
            // area → place+ head: the name begins with its first place, words before it belong to the sentence
            // (支撑郑州都市圈, 主动融入南京都市圈); a place after a conjunction begins a name of its own (长三角地区和
            // 南京都市圈: the area is 南京都市圈).
            let afterConjunction = placeStarts.last { start in
                start > c.range.lowerBound && AgencyPatterns.decodeBefore(text, start, c.range.lowerBound)
                    .map { Self.placeConjunctions.contains($0.0) } ?? false
            }
            let nameStart = afterConjunction ?? (Self.provinceAbbreviations.contains(first) ? c.range.lowerBound : firstPlace)
            if nameStart > c.range.lowerBound {
                c.range = nameStart..<c.range.upperBound
                c.name = Self.string(text, c.range)
            }
            appendArea(c)
        }
        // Programmes found by pattern, where no seed programme or agency already stands.
        let candidates = discovery.discover(in: text, range: range, minimumConfidence: programmeThreshold, heads: found[1])
        let seedSpans = SortedSpans(candidates.isEmpty ? [] : programmeSpans + claimed)
        // The programme spans as (end, start), sorted by end, for the check of words before a seed name.
        let programmeEnds = candidates.isEmpty ? []
            : programmeSpans.map { (end: $0.upperBound, start: $0.lowerBound) }.sorted { $0.end < $1.end }
        var seenNames: Set<NameKey> = []
        seenNames.reserveCapacity(candidates.count)
        var absorbing: [Range<Int>] = []
        for c in candidates {
            // Inside, across or equal to a known name: no new programme; around a seed programme (国家数字经济创新发展
            // 试验区 around 数字经济) it is a larger, different one, and the seed inside is no mention of its own.
            let quoted = Self.startsWithOpenQuote(c.name)
            if seedSpans.containsOverlapping(c.range, where: {
                quoted || !($0.lowerBound >= c.range.lowerBound && $0.upperBound <= c.range.upperBound) || $0 == c.range
            }) {
                continue  // “放管服”改革 around the seed 放管服 is the seed programme itself
            }
            // Words before a seed name make a different programme only when they name a place (湖南 + 自贸试验区);
            // generic modifiers and descriptions (国家级, 未来三年相关) leave the seed itself.
            var first = 0, past = programmeEnds.count
            while first < past {
                let mid = (first + past) >> 1
                if programmeEnds[mid].end < c.range.upperBound { first = mid + 1 } else { past = mid }
            }
            var seedAfterWords = false
            while first < programmeEnds.count, programmeEnds[first].end == c.range.upperBound {
                let start = programmeEnds[first].start
                if start > c.range.lowerBound, regionAutomaton.matches(in: text, range: c.range.lowerBound..<start).isEmpty {
                    seedAfterWords = true
                    break
                }
                first += 1
            }
            if seedAfterWords { continue }
            let canonical = c.name
            let key = NameKey(canonical)
            if ontology.hasAgency(named: key) || ontology.hasRegion(named: key) { continue }
            let known = ontology.programme(named: key)
            if known == nil { absorbing.append(c.range) }
            guard seenNames.insert(key).inserted else { continue }
            out.append(EntityMention(range: c.range, kind: .programme, nodeID: known?.id ?? "programme:" + canonical,
                                     canonical: known?.canonical ?? canonical, surface: Self.string(text, c.range),
                                     confidence: known == nil ? c.confidence : 1))
        }
        if !absorbing.isEmpty {
            let absorbingSpans = SortedSpans(absorbing)
            out.removeAllKeepingOrder { m in
                m.pointee.kind == .programme && absorbingSpans.containsSpan(containing: m.pointee.range) { $0 != m.pointee.range }
            }
        }
        out.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
                                                               : $0.range.upperBound > $1.range.upperBound }
        return out
    }

    /// The agency at `span`; when a sub-unit or bureau follows (财政部办公厅, 兵团财政局), that body first and the
    /// named parent after it. Empty when the match is a generic word (财政部门).
    private func agencyMentions(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ index: Int, _ limit: Int,
                                _ surface: String, _ names: BodyNameCache) -> [EntityMention] {
        // The agency's level and name read in place (a copy of the whole agency retains all its strings).
        let agencyLevel = ontology.agencies[index].level
        let agencyCanonical = agencyNames[index].canonical
        // X部门 is a generic role (财政部门), not the ministry.
        if AgencyPatterns.continuesWord(text, span.upperBound, limit) { return [] }
        let parentMention = EntityMention(range: span, kind: .agency, surface: surface, confidence: 1,
                                          names: agencyNames[index])
        // 农业农村部国家乡村振兴局 (a signature without separators) is two bodies, not a sub-unit.
        let nextIsKnown = automaton.longestMatch(in: text, at: span.upperBound, limit: limit).map { next in
            targets[Int(next.value)].contains { if case .generic = $0 { return false } else { return true } }
        } ?? false
        if agencyLevel == .central || agencyLevel == .party, !nextIsKnown,
           let end = patterns.subUnit(in: text, at: span.upperBound, limit: limit) {
            let range = span.lowerBound..<end
            let written = Self.string(text, range)
            let canonical = agencyCanonical + Self.string(text, span.upperBound..<end)
            if let known = ontology.agency(named: canonical) ?? ontology.agency(named: written) {
                return [mention(for: known, range, written, 1), parentMention]
            }
            return [EntityMention(range: range, kind: .agency, nodeID: "agency:" + canonical, canonical: canonical,
                                  surface: written, confidence: 0.85, level: agencyLevel.rawValue, parent: agencyCanonical),
                    parentMention]
        }
        // A province-level body that is not a division (新疆生产建设兵团) names its bureaus like a province.
        if agencyLevel == .provincial {
            let pseudo = Region(code: nil, canonical: agencyCanonical, level: .province, parentCode: nil)
            if let body = patterns.localBody(in: text, at: span.upperBound, limit: limit, region: pseudo, cache: names) {
                var out = [localMention(span.lowerBound..<body.end, text, body.canonical, agencyCanonical, .provincial, 0.9),
                           parentMention]
                for more in patterns.enumeratedBodies(in: text, after: body.end, limit: limit, region: pseudo, cache: names) {
                    out.append(localMention(more.range, text, more.canonical, agencyCanonical, .provincial, 0.85))
                }
                return out
            }
        }
        return [parentMention]
    }

    private func localMention(_ range: Range<Int>, _ text: UnsafeBufferPointer<UInt8>, _ canonical: String,
                              _ parent: String?, _ level: AgencyLevel, _ confidence: Double) -> EntityMention {
        let known = ontology.agency(named: canonical)
        return EntityMention(range: range, kind: .agency, nodeID: known?.id ?? "agency:" + canonical,
                             canonical: known?.canonical ?? canonical, surface: Self.string(text, range),
                             confidence: known == nil ? confidence : 1, level: known?.level.rawValue ?? level.rawValue,
                             parent: known?.parent ?? parent)
    }

    private func mention(for agency: Agency, _ range: Range<Int>, _ surface: String, _ confidence: Double) -> EntityMention {
        EntityMention(range: range, kind: .agency, nodeID: agency.id, canonical: agency.canonical, surface: surface,
                      confidence: confidence, level: agency.level.rawValue, parent: agency.parent)
    }

    /// A mention of region `index` (its fields read in place: no copy of the whole region).
    private func regionMention(_ range: Range<Int>, _ index: Int, _ surface: String, _ confidence: Double,
                               _ alternatives: [String]) -> EntityMention {
        if alternatives.isEmpty {
            return EntityMention(range: range, kind: .region, surface: surface, confidence: confidence,
                                 names: regionNames[index])
        }
        return EntityMention(range: range, kind: .region, nodeID: ontology.regions[index].id,
                             canonical: ontology.regions[index].canonical, surface: surface, confidence: confidence,
                             level: ontology.regions[index].level.rawValue, parent: regionParentIDs[index],
                             alternatives: alternatives)
    }

    /// A region mention, plus the local body when a body suffix follows (江苏省 + 财政厅); returns the body's end.
    private func regionMentions(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ indices: [Int],
                                _ range: Range<Int>, _ surface: String, _ context: Region?, _ nearby: inout Int?,
                                _ out: inout [EntityMention], _ names: BodyNameCache) -> Int? {
        guard let best = resolveRegion(indices, context: context, nearby: nearby) else { return nil }
        let regionLevel = ontology.regions[best.index].level
        // 渝东北, 苏北: a direction area right after a province's one-character abbreviation is part of another name.
        if regionLevel == .area, let (first, _) = AgencyPatterns.decode(text, span.lowerBound, span.upperBound),
           Self.directionScalars.contains(first),
           let (previous, _) = AgencyPatterns.decodeBefore(text, span.lowerBound, range.lowerBound),
           Self.provinceAbbreviations.contains(previous) {
            return nil
        }
        var span = span
        var surface = surface
        // 义乌市场发展委员会: the 市 read as the end of the region's name may begin the body's suffix (市场…), the
        // region then written by its short name.
        if span.count > 6, text[span.upperBound - 3] == 0xE5, text[span.upperBound - 2] == 0xB8, text[span.upperBound - 1] == 0x82,
           !patterns.mayStartBody(in: text, at: span.upperBound, limit: range.upperBound),
           patterns.localBody(in: text, at: span.upperBound - 3, limit: range.upperBound,
                              region: ontology.regions[best.index], cache: names) != nil {
            let short = String(surface.unicodeScalars.dropLast())
            if ontology.regions(named: short).contains(where: { $0.code == ontology.regions[best.index].code }) {
                span = span.lowerBound..<(span.upperBound - 3)
                surface = short
            }
        }
        out.append(regionMention(span, best.index, surface, best.confidence, best.alternatives))
        if best.alternatives.isEmpty, regionLevel == .province || regionLevel == .prefecture { nearby = best.index }
        // Most regions are followed by no body suffix: tested before the region is copied for `localBody`.
        guard patterns.mayStartBody(in: text, at: span.upperBound, limit: range.upperBound),
              let body = patterns.localBody(in: text, at: span.upperBound, limit: range.upperBound,
                                            region: ontology.regions[best.index], cache: names) else { return nil }
        var start = span.lowerBound
        // 中共江苏省委: take the party prefix into the span.
        let party = Array("中共".utf8)
        if body.canonical.hasPrefix("中共"), start - party.count >= range.lowerBound,
           Array(text[(start - party.count)..<start]) == party {
            start -= party.count
        }
        let level = AgencyPatterns.agencyLevel(for: regionLevel)
        out.append(localMention(start..<body.end, text, body.canonical, body.parent, level, best.confidence * 0.95))
        sharedBodies(text, span.upperBound, range, before: out.count - 2, &out, names)
        var end = body.end
        for more in patterns.enumeratedBodies(in: text, after: body.end, limit: range.upperBound,
                                              region: ontology.regions[best.index], cache: names) {
            out.append(localMention(more.range, text, more.canonical, more.parent, level, best.confidence * 0.9))
            end = more.range.upperBound
        }
        return end
    }

    /// The bodies of regions listed before one whose body follows, sharing its name (广东省、江西省、重庆市人民政府;
    /// 上海、广西政协): `distributed → region (conj region)* suffix`, where every conjunct is a region mention
    /// and the suffix, read at `suffixStart`, names a body of each region's level. `last` is the position in `out`
    /// of the region the suffix follows; the others are the region mentions right before it, each separated from
    /// the next by one conjunction (、和及与). Each body's mention spans its region's name (the suffix is shared).
    private func sharedBodies(_ text: UnsafeBufferPointer<UInt8>, _ suffixStart: Int, _ range: Range<Int>,
                              before last: Int, _ out: inout [EntityMention], _ names: BodyNameCache) {
        var nextStart = out[last].range.lowerBound
        var i = last - 1
        var shared: [EntityMention] = []
        while i >= 0, out[i].kind == .region, out[i].range.upperBound < nextStart,
              let (conjunction, conjunctionStart) = AgencyPatterns.decodeBefore(text, nextStart, range.lowerBound),
              Self.placeConjunctions.contains(conjunction), conjunctionStart == out[i].range.upperBound,
              out[i].nodeID.hasPrefix("region:"), let region = ontology.region(code: String(out[i].nodeID.dropFirst("region:".count))),
              let body = patterns.localBody(in: text, at: suffixStart, limit: range.upperBound, region: region, cache: names) {
            shared.append(localMention(out[i].range, text, body.canonical, body.parent,
                                       AgencyPatterns.agencyLevel(for: region.level), out[i].confidence * 0.85))
            nextStart = out[i].range.lowerBound
            i -= 1
        }
        out.append(contentsOf: shared.reversed())
    }

    private static let directionScalars = ScalarSet("东西南北中华")
    /// Words that join two places in a list (长三角地区和南京都市圈, 京津冀与长三角).
    private static let placeConjunctions = ScalarSet("和与及、")
    private static let provinceAbbreviations = ScalarSet("京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔贵滇云藏陕秦甘陇青宁新港澳台")

    /// Picks among regions sharing a name (indices into the ontology's regions): the one inside the context
    /// province, else the highest level; a tie leaves the mention ambiguous (confidence 0.5, the others as alternatives).
    private func resolveRegion(_ indices: [Int], context: Region?, nearby: Int? = nil)
        -> (index: Int, confidence: Double, alternatives: [String])? {
        guard let first = indices.first else { return nil }
        // Most names denote one region.
        if indices.count == 1 { return (first, 1, []) }
        let regions = ontology.regions
        /// The only candidate inside `scope` (a province or prefecture), if exactly one is.
        func onlyInside(_ scope: Region?) -> Int? {
            guard let scope, let code = scope.code, scope.level == .province || scope.level == .prefecture else { return nil }
            let prefix = code.prefix(scope.level == .province ? 2 : 4)
            var found: Int? = nil
            for i in indices where regions[i].code?.hasPrefix(prefix) ?? false {
                if found != nil { return nil }
                found = i
            }
            return found
        }
        // The division named just before in the text (北京市朝阳区), then the document's province.
        if let i = onlyInside(nearby.map { regions[$0] }) { return (i, 0.95, []) }
        if let i = onlyInside(context) { return (i, 0.9, []) }
        let rank: (Int) -> Int = { i in
            switch regions[i].level {
            case .country: return 0
            case .province: return 1
            case .area: return 2
            case .prefecture: return 3
            case .county: return 4
            case .township: return 5
            }
        }
        let sorted = indices.sorted { rank($0) < rank($1) }
        if rank(sorted[0]) < rank(sorted[1]) { return (sorted[0], 0.9, []) }
        return (sorted[0], 0.5, sorted.dropFirst().map { regions[$0].id })
    }

    /// The region an implicit word (省, 市, 县) stands for, given the context division.
    private func implicitRegion(level: RegionLevel, context: Region?) -> Region? {
        var current = context
        while let r = current {
            if r.level == level { return r }
            current = r.parentCode.flatMap { ontology.region(code: $0) }
        }
        return nil
    }

    /// Resolves one name as written (an issuer in a signature or title) to an agency: the gazetteer,
    /// then the local-body patterns. Nil when the whole name is not one body.
    public func resolveAgency(_ name: String, contextProvince: String?) -> EntityMention? {
        // (White_Space is the set Foundation's whitespacesAndNewlines trims: Z* and U+0009–U+000D, U+0085.)
        var view = Substring(name).unicodeScalars
        while let first = view.first, first.properties.isWhitespace { view.removeFirst() }
        while let last = view.last, last.properties.isWhitespace { view.removeLast() }
        let trimmed = String(view)
        guard !trimmed.isEmpty else { return nil }
        let bytes = Array(trimmed.utf8)
        if let agency = ontology.agency(named: trimmed) {
            return mention(for: agency, 0..<bytes.count, trimmed, 1)
        }
        let found = mentions(in: bytes, range: 0..<bytes.count, contextProvince: contextProvince)
        return found.first { $0.kind == .agency && $0.range == 0..<bytes.count }
    }

    /// `name.hasPrefix("“")` without String's Character comparison for the names that do not start with its bytes.
    private static func startsWithOpenQuote(_ name: String) -> Bool {
        // U+201C has no decomposition: a name whose first scalar is another cannot begin with that Character.
        name.utf8.starts(with: [0xE2, 0x80, 0x9C]) && name.hasPrefix("“")
    }

    @inline(__always)
    private static func string(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
    }
}

/// Ranges sorted by start, to find the ones overlapping a range without looking at all of them.
private struct SortedSpans {
    private let spans: [Range<Int>]
    /// The longest span's length: a span overlapping `r` starts after `r.lowerBound - longest`.
    private let longest: Int

    init(_ spans: [Range<Int>]) {
        self.spans = spans.count > 1 ? spans.sorted { $0.lowerBound < $1.lowerBound } : spans
        var longest = 0
        for span in spans where span.count > longest { longest = span.count }
        self.longest = longest
    }

    /// True when some span that overlaps `range` passes `test` (as `contains { $0.overlaps(range) && test($0) }`).
    func containsOverlapping(_ range: Range<Int>, where test: (Range<Int>) -> Bool) -> Bool {
        contains(startingFrom: range.lowerBound - longest + 1, before: range.upperBound) { $0.overlaps(range) && test($0) }
    }

    /// True when some span around `range` (starting at or before it, ending at or after it) passes `test`.
    func containsSpan(containing range: Range<Int>, where test: (Range<Int>) -> Bool) -> Bool {
        contains(startingFrom: range.upperBound - longest, before: range.lowerBound + 1) {
            $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound && test($0)
        }
    }

    /// True when some span starting at or after `first` and before `end` passes `test`.
    private func contains(startingFrom first: Int, before end: Int, where test: (Range<Int>) -> Bool) -> Bool {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if spans[mid].lowerBound < first { lo = mid + 1 } else { hi = mid }
        }
        while lo < spans.count, spans[lo].lowerBound < end {
            if test(spans[lo]) { return true }
            lo += 1
        }
        return false
    }
}

extension Array {
    /// `removeAll(where:)` that moves the kept elements down in order without copying them: no retain or release
    /// of their references (the standard one swaps them through temporary copies). The test reads each element
    /// in place, through a pointer (a parameter of type `Element` would be a copy of it).
    fileprivate mutating func removeAllKeepingOrder(where shouldBeRemoved: (UnsafeMutablePointer<Element>) -> Bool) {
        let kept: Int = withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var write = 0
            for read in 0..<buffer.count where !shouldBeRemoved(base + read) {
                if write != read {
                    // The removed element at `write` and the kept one at `read` change places, by moves.
                    let removed = (base + write).move()
                    (base + write).moveInitialize(from: base + read, count: 1)
                    (base + read).initialize(to: removed)
                }
                write += 1
            }
            return write
        }
        removeLast(count - kept)
    }
}
