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
        ("示范工程", 0.6), ("专项行动", 0.6), ("平台", 0.4), ("改革", 0.45), ("倡议", 0.6), ("体系", 0.35), ("试验区", 0.55),
        ("先导区", 0.55), ("示范城市", 0.5), ("示范基地", 0.5), ("产业带", 0.45), ("经济圈", 0.4),
    ]
    /// Head words that end the name of a multi-region area (南京都市圈, 长株潭城市群); used with `quoted: false`.
    static let areaHeads: [(String, Double)] = [("城市群", 0.8), ("城镇群", 0.8), ("都市圈", 0.8), ("经济区", 0.7)]
    private let heads: [(String, Double)]
    private let includeQuoted: Bool
    private let headAutomaton: LongestMatchAutomaton

    /// Characters that cannot be inside a name: a left extension stops before them.
    private static let stopScalars: Set<UInt32> = Set("，。；：、,.;:！？!?（）()《》【】 \n\t的和与及或等在对把将以为是了由从向按于其并且要".unicodeScalars.map(\.value))
    /// Verbs that commonly precede a programme name (实施…工程): a left extension stops after them.
    private static let leadingVerbs: [String] = [
        "实施", "推进", "推动", "开展", "加快", "深入", "深化", "启动", "组织", "打造", "完善", "健全", "建立", "建设",
        "支持", "落实", "围绕", "依托", "持续", "全面", "积极", "大力", "稳步", "继续", "扎实", "探索", "参与", "纳入",
        "创建", "培育", "布局", "发展", "提升", "加强", "优化", "统筹", "鼓励", "引导", "促进", "坚持", "贯彻", "通过",
    ]
    private let verbAutomaton: LongestMatchAutomaton

    /// `heads`: the head words and their confidence; `quoted`: also report quoted slogans.
    init(heads: [(String, Double)] = ProgrammeDiscovery.programmeHeads, quoted: Bool = true) {
        self.heads = heads
        includeQuoted = quoted
        headAutomaton = LongestMatchAutomaton(strings: heads.enumerated().map { ($0.element.0, Int32($0.offset)) })
        verbAutomaton = LongestMatchAutomaton(strings: Self.leadingVerbs.map { ($0, 1) })
    }

    /// All candidates in `text[range]` (they may overlap each other and seed matches).
    func discover(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Candidate] {
        var out: [Candidate] = []
        if includeQuoted { quoted(text, range, &out) }
        headed(text, range, &out)
        return out
    }

    private static let openQuote: UInt32 = 0x201C, closeQuote: UInt32 = 0x201D

    /// “X” or “X”+head: short quoted slogans.
    private func quoted(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ out: inout [Candidate]) {
        var i = range.lowerBound
        while i < range.upperBound {
            guard let (v, next) = AgencyPatterns.decode(text, i, range.upperBound) else { i += 1; continue }
            guard v == Self.openQuote else { i = next; continue }
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
            guard let closeAt = close, count >= 2, hanCount >= 2 else { i = next; continue }
            let inner = String(decoding: UnsafeBufferPointer(rebasing: text[next..<closeAt]), as: UTF8.self)
            let afterClose = closeAt + 3
            if let head = headAutomaton.longestMatch(in: text, at: afterClose, limit: range.upperBound) {
                let headText = heads[Int(head.value)].0
                out.append(Candidate(range: i..<head.end, name: "“" + inner + "”" + headText, confidence: 0.8))
            } else {
                out.append(Candidate(range: i..<afterClose, name: inner, confidence: 0.5))
            }
            i = afterClose
        }
    }

    /// Names ending in a head word, extended left over Han characters up to a stop character or verb.
    private func headed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ out: inout [Candidate]) {
        for m in headAutomaton.matches(in: text, range: range) {
            // Head must end the word: not followed by more Han characters that continue it (体系建设 is fine).
            var start = m.range.lowerBound
            var count = 0
            while count < 14, let (v, s) = AgencyPatterns.decodeBefore(text, start, range.lowerBound) {
                if !(AgencyPatterns.isHan(v) || Self.isNameSymbol(v)) || Self.stopScalars.contains(v) { break }
                start = s
                count += 1
            }
            // Leading verbs are not part of the name (加快实施沿海防护林提升工程 → 沿海防护林提升工程); verbs inside it are.
            while let verb = verbAutomaton.longestMatch(in: text, at: start, limit: m.range.lowerBound) {
                start = verb.end
            }
            let body = String(decoding: UnsafeBufferPointer(rebasing: text[start..<m.range.lowerBound]), as: UTF8.self)
            guard Self.distinctiveScalarCount(body) >= 2 else { continue }
            let name = String(decoding: UnsafeBufferPointer(rebasing: text[start..<m.range.upperBound]), as: UTF8.self)
            var confidence = heads[Int(m.value)].1
            if name.hasPrefix("国家") || name.hasPrefix("全国") { confidence += 0.15 }
            out.append(Candidate(range: start..<m.range.upperBound, name: name, confidence: min(confidence, 0.9)))
        }
    }

    /// Modifiers that make no name on their own: 国家战略, 重大工程, 国家级重点项目 are not programmes.
    private static let genericModifiers = ["国家级", "省级", "国家", "全国", "重大", "重点", "重要", "相关", "有关", "各项",
                                           "各类", "这一", "上述", "此类", "一批", "一系列", "若干", "新一轮", "专项"]

    /// Scalars of `body` left after removing generic modifiers (国家重大 → 0).
    static func distinctiveScalarCount(_ body: String) -> Int {
        var rest = Substring(body)
        var changed = true
        while changed {
            changed = false
            for m in genericModifiers where rest.hasPrefix(m) {
                rest = rest.dropFirst(m.count)
                changed = true
            }
        }
        return rest.unicodeScalars.count
    }

    /// Digits, Latin letters and + inside names like 832平台, 互联网+, 5G.
    private static func isNameSymbol(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x2B
    }
}
