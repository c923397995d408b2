import PolicyGrammar
import PolicyOntology

/// Pattern rules for bodies that no gazetteer lists: local bodies written as region + suffix
/// (江苏省 + 工信厅 → 江苏省工业和信息化厅, 安徽省 + 委 → 中共安徽省委员会), bodies with an implicit region
/// (省财政厅, resolved with the document's province), and sub-units of central bodies (财政部 + 金融司).
struct AgencyPatterns: Sendable {
    private let suffixes: [LocalBodySuffix]
    private let suffixAutomaton: LongestMatchAutomaton
    /// The official names of the districts of municipalities, by code (310115 → 上海市浦东新区).
    private let districtNames: [String: String]
    /// Words written in place of a region name: 省 / 自治区 / 市 / 县 / 区 with the level they stand for.
    static let implicitRegionWords: [(word: String, level: RegionLevel)] = [
        ("省", .province), ("自治区", .province), ("市", .prefecture), ("州", .prefecture), ("县", .county), ("区", .county),
    ]
    /// Sub-unit endings of central bodies; any 1–6 Han characters before 司 or 局 also qualify (see `subUnit`).
    private static let subUnitWords = ["办公厅", "办公室", "PPP中心", "政府和社会资本合作中心", "机关服务中心", "信息中心"]
    private let subUnitAutomaton: LongestMatchAutomaton

    init(ontology: Ontology) {
        suffixes = ontology.localBodySuffixes
        var districtNames: [String: String] = [:]
        for r in ontology.regions where r.level == .county {
            let name = Self.officialName(of: r, ontology: ontology)
            if let code = r.code, name != r.canonical { districtNames[code] = name }
        }
        self.districtNames = districtNames
        suffixAutomaton = LongestMatchAutomaton(strings: ontology.localBodySuffixes.enumerated().map { ($0.element.surface, Int32($0.offset)) })
        subUnitAutomaton = LongestMatchAutomaton(strings: Self.subUnitWords.enumerated().map { ($0.element, Int32($0.offset)) })
    }

    /// Suffixes applicable to implicit region words, for the main automaton: ("省财政厅", suffix index, level).
    func implicitPatterns() -> [(surface: String, suffix: Int, level: RegionLevel)] {
        var out: [(String, Int, RegionLevel)] = []
        for (i, s) in suffixes.enumerated() {
            for (word, level) in Self.implicitRegionWords where s.levels.contains(level) {
                out.append((word + s.surface, i, level))
            }
        }
        return out
    }

    /// The region's name as its bodies carry it: a district (区) with its city's name — of a municipality (浦东新区 →
    /// 上海市浦东新区, whose government is 上海市浦东新区人民政府), or of a prefecture-level city when no other division
    /// bears the district's name (临河区 → 巴彦淖尔市临河区; a 鼓楼区 of several cities stays as written) —, every
    /// other region its canonical name.
    ///
    ///     officialName → city district   (district ∈ city, city ends with 市)
    static func officialName(of region: Region, ontology: Ontology) -> String {
        guard region.level == .county, region.canonical.hasSuffix("区"),
              let parent = region.parentCode.flatMap({ ontology.region(code: $0) }), parent.canonical.hasSuffix("市"),
              parent.level == .province || parent.level == .prefecture && ontology.regions(named: region.canonical).count == 1
        else { return region.canonical }
        return parent.canonical + region.canonical
    }

    /// The agency level of a body belonging to a region of `level`.
    static func agencyLevel(for level: RegionLevel) -> AgencyLevel {
        switch level {
        case .province: return .provincial
        case .prefecture: return .municipal
        case .county, .township: return .county
        case .country: return .central
        case .area: return .other
        }
    }

    /// False when no local body suffix starts at `start` (then `localBody` finds nothing, whatever the region).
    func mayStartBody(in text: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> Bool {
        suffixAutomaton.longestMatch(in: text, at: start, limit: limit) != nil
    }

    /// A local body suffix starting at `start` that applies to `region`: its end and canonical name.
    func localBody(in text: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int, region: Region,
                   cache: BodyNameCache? = nil) -> (end: Int, canonical: String, parent: String?)? {
        guard let m = suffixAutomaton.longestMatch(in: text, at: start, limit: limit) else { return nil }
        let suffix = suffixes[Int(m.value)]
        guard suffix.levels.contains(region.level) else { return nil }
        // "X市场", "X区域": a suffix that continues into a longer word is not a body (市委 vs 市委员 is fine).
        if Self.continuesWord(text, m.end, limit) { return nil }
        let name = bodyName(Int(m.value), region, cache)
        return (m.end, name.canonical, name.parent)
    }

    /// Bodies of the same region listed after a first one: 江苏省财政厅、商务厅和科技厅 → 商务厅, 科技厅.
    func enumeratedBodies(in text: UnsafeBufferPointer<UInt8>, after end: Int, limit: Int, region: Region,
                          cache: BodyNameCache? = nil) -> [(range: Range<Int>, canonical: String, parent: String?)] {
        var out: [(range: Range<Int>, canonical: String, parent: String?)] = []
        var position = end
        while let (separator, next) = Self.decode(text, position, limit), Self.listSeparators.contains(separator),
              let body = localBody(in: text, at: next, limit: limit, region: region, cache: cache) {
            out.append((next..<body.end, body.canonical, body.parent))
            position = body.end
        }
        return out
    }

    private static let listSeparators = ScalarSet("、和及与,，")

    /// The body for an implicit-region pattern (省财政厅) given the region it stands for.
    func implicitBody(suffix index: Int, region: Region, cache: BodyNameCache? = nil) -> (canonical: String, parent: String?) {
        bodyName(index, region, cache)
    }

    /// Canonical and parent name of suffix `index` for `region` (from `cache` when it has them).
    private func bodyName(_ index: Int, _ region: Region, _ cache: BodyNameCache?) -> (canonical: String, parent: String?) {
        let suffix = suffixes[index]
        let name = region.code.flatMap { districtNames[$0] } ?? region.canonical
        let build = { (Self.canonical(of: suffix, region: name, shortName: region.aliases.first),
                       Self.parent(of: suffix, region: name)) }
        return cache?.name(suffix: index, region: region, build: build) ?? build()
    }

    /// `suffix.canonical(for:shortName:)` without Foundation: the template's placeholders replaced byte-wise.
    static func canonical(of suffix: LocalBodySuffix, region: String, shortName: String?) -> String {
        expand(suffix.template, region: region, short: shortName ?? region)
    }

    /// `suffix.parent(for:)` without Foundation.
    static func parent(of suffix: LocalBodySuffix, region: String) -> String? {
        if let parentTemplate = suffix.parentTemplate { return expand(parentTemplate, region: region, short: nil) }
        let canonical = expand(suffix.template, region: region, short: nil)
        let government = region + "人民政府"
        return canonical == government || !canonical.hasPrefix(region) ? nil : government
    }

    private static let regionPlaceholder = Array("{region}".utf8)
    private static let shortPlaceholder = Array("{short}".utf8)

    /// `template` with each `{region}` replaced by `region` and, when `short` is given, each `{short}` by `short`
    /// (one pass over the bytes; the names put in hold no placeholder).
    static func expand(_ template: String, region: String, short: String?) -> String {
        var t = template
        return t.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + region.utf8.count)
            var i = 0
            func at(_ word: [UInt8]) -> Bool {
                guard i + word.count <= b.count else { return false }
                for k in 0..<word.count where b[i + k] != word[k] { return false }
                return true
            }
            while i < b.count {
                if b[i] == 0x7B {
                    if at(regionPlaceholder) { out.append(contentsOf: region.utf8); i += regionPlaceholder.count; continue }
                    if let short, at(shortPlaceholder) { out.append(contentsOf: short.utf8); i += shortPlaceholder.count; continue }
                }
                out.append(b[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A sub-unit written right after a central body's name: (end, sub-unit name as written).
    func subUnit(in text: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> Int? {
        if let m = subUnitAutomaton.longestMatch(in: text, at: start, limit: limit) { return m.end }
        // 1–6 Han characters ending in 司 or 局 (金融司, 中小企业局), none of them a joining word.
        var i = start
        var count = 0
        while i < limit, count < 7 {
            guard let (scalar, next) = Self.decode(text, i, limit), Self.isHan(scalar) else { return nil }
            if Self.joiningScalars.contains(scalar) { return nil }
            count += 1
            if scalar == 0x53F8 /* 司 */ || scalar == 0x5C40 /* 局 */ { return count >= 2 ? next : nil }
            i = next
        }
        return nil
    }

    private static let joiningScalars = ScalarSet("和与及同等的在对于会并、由将为")

    /// True when the Han character at `i` glues onto the suffix (市场, 区域, 局面), making it no body name.
    static func continuesWord(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> Bool {
        guard let (scalar, _) = decode(text, i, limit) else { return false }
        return wordContinuations.contains(scalar)
    }

    private static let wordContinuations = ScalarSet("门长员场域面势限务托")

    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool { (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) }

    /// Decodes the UTF-8 scalar at `i`: its value and the index after it.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> (UInt32, Int)? {
        guard i < limit else { return nil }
        let b0 = UInt32(text[i])
        if b0 < 0x80 { return (b0, i + 1) }
        if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < limit {
            return (((b0 & 0x0F) << 12) | ((UInt32(text[i + 1]) & 0x3F) << 6) | (UInt32(text[i + 2]) & 0x3F), i + 3)
        }
        if b0 >= 0xC0 && b0 < 0xE0 && i + 1 < limit {
            return (((b0 & 0x1F) << 6) | (UInt32(text[i + 1]) & 0x3F), i + 2)
        }
        if b0 >= 0xF0 && i + 3 < limit {
            return (((b0 & 0x07) << 18) | ((UInt32(text[i + 1]) & 0x3F) << 12) | ((UInt32(text[i + 2]) & 0x3F) << 6)
                    | (UInt32(text[i + 3]) & 0x3F), i + 4)
        }
        return nil
    }

    /// Decodes the scalar ending just before `i` (i.e. the previous character): its value and start index.
    @inline(__always)
    static func decodeBefore(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ lower: Int) -> (UInt32, Int)? {
        var s = i - 1
        while s > lower, text[s] & 0xC0 == 0x80 { s -= 1 }
        guard s >= lower, let (v, _) = decode(text, s, i) else { return nil }
        return (v, s)
    }
}
